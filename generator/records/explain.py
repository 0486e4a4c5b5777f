"""What the generator reads into a record, shown to the editor: the facts' date and every derived fact with its reason.

A wrong reading can only be corrected when it is seen: ``gids toon SLUG`` prints this for one
practice, ``gids check -v`` for all, and ``gids serve`` shows it on the practice page.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..shared.safe_output import shown
from .derive import OVERRIDABLE
from .facets import BUDGET_CLASSES, STATUS, budget_class, running_status
from .model import Praktijk
from .stand import gegevens, looptijd

LABELS = {"start": "start", "einde": "einde", "lopend": "lopend", "bedrag_eur": "bedrag (euro)",
          "bedrag_basis": "bedrag slaat op", "vte": "personeel (VTE)"}
HERSTEL = """\
Leest de generator iets verkeerd? Zet het juiste feit in het record, met een regel uitleg erboven:
  # 'loopt reeds 5 jaar' in de gids van 2016: gestart rond 2011
  start: 2011
Dat kan voor start, einde, lopend, bedrag_eur, bedrag_basis en vte (zie CONTRIBUTING.md)."""


@dataclass(frozen=True)
class Fact:
    """One derived fact as an editor reads it."""

    veld: str
    label: str
    waarde: str
    grond: str


def facts(p: Praktijk) -> list[Fact]:
    """The facts' date, then each derived fact, its value in words and what it rests on."""
    a = p.afgeleid
    waarden = {
        "start": a.start or "-",
        "einde": a.einde or "-",
        "lopend": looptijd(p),
        "bedrag_eur": f"{a.bedrag_eur:,}".replace(",", ".") if a.bedrag_eur is not None else "-",
        "bedrag_basis": a.bedrag_basis or "niet vermeld",
        "vte": f"{a.vte:g}".replace(".", ",") if a.vte is not None else "-",
    }
    veld = "bevestigd" if p.bevestigd else "bron.datum" if p.bron.datum else "bron.jaar"
    found = [Fact(veld, "gegevens", gegevens(p), f"uit '{veld}'; laatst naast de bron gelegd op "
                                                   f"{p.laatst_gecontroleerd.isoformat()}")]
    found += [Fact(name, LABELS[name], waarden[name], a.grond(name) or "") for name in OVERRIDABLE]
    found.append(Fact("", "in de catalogus", f"{STATUS[running_status(p)]}; budget: {BUDGET_CLASSES[budget_class(p)]}",
                       "de filters 'Liep de praktijk nog?' en 'Budget'"))
    return found


def text_block(p: Praktijk) -> str:
    """The block ``gids toon`` prints."""
    width = max(len(r.label) for r in facts(p))
    lines = [shown(p.path, one_line=True), f"  {shown(p.volledige_titel, one_line=True)}"]
    # a value quoted from the record stays on its line: a newline in it would look like a line of ours
    lines += [f"  {r.label:<{width}}  {shown(r.waarde, one_line=True)}"
              + (f"\n  {'':<{width}}    ({shown(r.grond, one_line=True)})" if r.grond else "") for r in facts(p)]
    return "\n".join(lines) + "\n"
