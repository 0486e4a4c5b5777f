"""What a printed edition holds: the whole guide, or a selection, in the book's order.

The guide's order comes from boek.yml; the practices of a chapter follow ``guide_order``.
print/html.py renders an edition, print/selection.py chooses one.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..records.book import Boek, Deel, Hoofdstuk, Pagina, guide_order
from ..records.model import Praktijk

PARTNERS = (
    "Agentschap Integratie en Inburgering",
    "Agentschap Binnenlands Bestuur",
    "VVSG",
    "IN-Gent",
    "Atlas, integratie & inburgering Antwerpen",
)
UITGEVER = "Agentschap Integratie en Inburgering, Agentschap Binnenlands Bestuur, VVSG, IN-Gent en Atlas"
COLOFON = "colofon"  # the narrative page (file stem) a selection edition keeps


@dataclass(frozen=True)
class HoofdstukInhoud:
    """A chapter as printed: its framing pages and the practices of this edition, in guide order."""

    hoofdstuk: Hoofdstuk
    deel: Deel
    praktijken: tuple[Praktijk, ...]

    @property
    def anker(self) -> str:
        return f"hoofdstuk-{self.hoofdstuk.id}"


@dataclass(frozen=True)
class DeelInhoud:
    deel: Deel
    hoofdstukken: tuple[HoofdstukInhoud, ...]

    @property
    def anker(self) -> str:
        return f"deel-{self.deel.term.id}"


@dataclass(frozen=True)
class Editie:
    """One printed edition: the whole guide, or a selection with its own title."""

    titel: str
    ondertitel: str
    onderdelen: tuple[Pagina | DeelInhoud, ...]
    selectie: str | None = None  # what was selected, in words; None for the whole guide

    @property
    def praktijken(self) -> list[Praktijk]:
        return [p for part in self.onderdelen if isinstance(part, DeelInhoud)
                for h in part.hoofdstukken for p in h.praktijken]

    def ankers(self) -> dict[str, str]:
        """Every link target in the document and the title it leads to."""
        found: dict[str, str] = {}
        for part in self.onderdelen:
            if isinstance(part, Pagina):
                found[page_anchor(part)] = part.titel
                continue
            found[part.anker] = part.deel.term.label
            for h in part.hoofdstukken:
                found[h.anker] = h.hoofdstuk.term.label
                found.update({page_anchor(s): s.titel for s in h.hoofdstuk.situering})
                found.update({f"praktijk-{p.slug}": p.volledige_titel for p in h.praktijken})
        return found


def make_edition(boek: Boek, records: list[Praktijk], *, titel: str | None = None,
                 selectie: str | None = None) -> Editie:
    """The edition of these records. A selection keeps only the chapters with a selected practice
    (with their framing articles) and, of the narrative pages, only the colophon."""
    per_chapter: dict[str, list[Praktijk]] = {}
    for record in records:
        per_chapter.setdefault(record.hoofdstuk, []).append(record)
    parts: list[Pagina | DeelInhoud] = []
    for part in boek.onderdelen:
        if isinstance(part, Pagina):
            if selectie is None or Path(part.src).stem == COLOFON:
                parts.append(part)
            continue
        chapters = tuple(HoofdstukInhoud(h, part, tuple(guide_order(per_chapter.get(h.id, []))))
                         for h in part.hoofdstukken)
        if selectie is not None:
            chapters = tuple(h for h in chapters if h.praktijken)
        if chapters:
            parts.append(DeelInhoud(part, chapters))
    ondertitel = f"Een selectie uit de inspiratiegids ‘{boek.titel}’" if selectie and titel else boek.ondertitel
    return Editie(titel or boek.titel, ondertitel, tuple(parts), selectie)


def page_anchor(pagina: Pagina) -> str:
    return "pagina-" + Path(pagina.src).stem
