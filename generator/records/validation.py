"""Validate one record and build its model: every problem is collected, none stops the walk.

``validate_record`` turns the positioned YAML of ``loader`` into a ``Praktijk``
or, when anything is wrong, into a list of RecordErrors in Dutch.
"""
from __future__ import annotations

from dataclasses import fields, replace
from pathlib import PurePath
from typing import Any

from . import derive
from .budget import front_errors, text_errors
from .checker import SLUG, FieldChecker, fiche
from .dates import check_today
from .errors import RecordError
from .fields import FICHE_FIELDS, RECORD_FIELDS, VERHAAL_VOORBEELD, Kind
from .hidden_chars import HIDDEN, first_hidden, hidden_message
from .loader import Mapping, Node, RawRecord, Sequence, read_record
from .model import Afgeleid, Fiche, Praktijk, stand_of
from .story_check import story_errors
from .vocab import Vocab, load_vocab

PRAKTIJK_FIELDS = {f.name for f in fields(Praktijk)}
LIST_KINDS: frozenset[Kind] = frozenset({"ids", "gemeenten"})  # an absent list of these is empty in the model


def validate_record(path: str, data: bytes, vocab: Vocab | None = None) -> tuple[Praktijk | None, list[RecordError]]:
    """Validate one record file's bytes. Returns the model only when there are no errors."""
    raw, errors = read_record(path, data)
    if raw is None or raw.front is None:
        return None, errors
    checker = FieldChecker(path, vocab or load_vocab())
    record = _build(raw, raw.front, checker)
    errors = errors + checker.errors
    if record is None or errors:
        return None, errors
    return _with_override_reasons(record, raw.front, data), errors


def _with_override_reasons(record: Praktijk, front: Mapping, data: bytes) -> Praktijk:
    """An override's reason is the comment the editor wrote above it ('# 70 trajecten x 6.600 euro ...')."""
    gronden = dict(record.afgeleid.gronden)
    overridden = [name for name, grond in gronden.items() if grond == derive.OVERRIDDEN and name in front.entries]
    if not overridden:
        return record
    lines = data.decode("utf-8", errors="replace").split("\n")
    for name in overridden:
        index = front.entries[name][0].line - 2  # the line above the key, 0-based
        comments: list[str] = []
        while index >= 0 and lines[index].lstrip().startswith("#") and not lines[index].startswith("# yaml-language-server"):
            comments.insert(0, lines[index].lstrip()[1:].strip())
            index -= 1
        if comments:
            gronden[name] = f"{derive.OVERRIDDEN}: {' '.join(comments)}"
    afgeleid = replace(record.afgeleid, gronden=tuple(gronden.items()))
    return replace(record, afgeleid=afgeleid)


def _build(raw: RawRecord, front: Mapping, c: FieldChecker) -> Praktijk | None:
    budget, c.over_budget = front_errors(raw.path, front)
    c.errors.extend(budget)
    has_projecten = "projecten" in front.entries or "projecten" in raw.skipped
    skip = (set(FICHE_FIELDS) if has_projecten else set()) | raw.skipped
    present = c.fields(front, RECORD_FIELDS, "", skip=skip, end=Node(raw.story_line - 1, 1))  # the closing '---'
    if has_projecten:
        for name in FICHE_FIELDS:
            if name in present:
                c.err(present[name][0], name, "staat naast 'projecten': zet de fiche in elk deelproject, niet erboven")

    slug = _slug(raw, present, c)
    # every other field checked by its kind (checker.CHECKS); a fiche beside 'projecten' was refused above
    checked = c.check_fields({name: nodes for name, nodes in present.items()
                              if name != "slug" and not (has_projecten and name in FICHE_FIELDS)}, RECORD_FIELDS, "")
    gemeenten_node = present["gemeenten"][1] if "gemeenten" in present else None
    if isinstance(gemeenten_node, Sequence) and not gemeenten_node.items and not checked.get("provincies"):
        c.err(gemeenten_node, "gemeenten", "is een lege lijst (verwacht minstens één gemeente, of vul 'provincies' in)")
    _cross_checks(checked, present, c)
    verhaal = _story(raw, c)

    if c.errors or raw.skipped:  # fields set aside after a syntax error: no model
        return None
    # The model's fields have the table's names (tests/test_fields.py); what each holds, its kind's checker decides.
    overridden: dict[str, Any] = {name: checked.get(name) for name in derive.OVERRIDABLE}
    overrides = Afgeleid(**overridden)
    fiches: tuple[Fiche, ...] = checked["projecten"] if has_projecten else (fiche(checked),)
    # a list left out is an empty one
    model: dict[str, Any] = {name: checked.get(name, () if rule.kind in LIST_KINDS else None)
                             for name, rule in RECORD_FIELDS.items() if name in PRAKTIJK_FIELDS and name != "slug"}
    return Praktijk(
        **model, slug=slug, path=raw.path, fiches=fiches, verhaal=verhaal,
        verhaal_regel=raw.story_line + len(raw.story) - len(raw.story.lstrip("\n")),
        afgeleid=derive.derive(fiches, stand_of(checked["bron"], checked.get("bevestigd")).peil, overrides,
                               explicit={k for k in derive.OVERRIDABLE if k in present}),
    )


def _cross_checks(checked: dict[str, Any], present: dict[str, tuple[Node, Node]], c: FieldChecker) -> None:
    """What one field says against another or against today: each reported at the field to change."""
    bevestigd, gecontroleerd, toegevoegd = (checked.get(name) for name in ("bevestigd", "laatst_gecontroleerd", "toegevoegd"))
    start, einde = checked.get("start"), checked.get("einde")
    if bevestigd and bevestigd > check_today():
        c.err(present["bevestigd"][1], "bevestigd", f"{bevestigd.isoformat()} ligt in de toekomst (verwacht de dag waarop "
                                                    "de praktijk de gegevens bevestigde)")
    if start and einde and start[:len(einde)] > einde[:len(start)]:
        c.err(present["einde"][1], "einde", f"'{einde}' ligt vóór start '{start}' (verwacht een einde na de start)")
    if gecontroleerd and gecontroleerd > check_today():
        c.err(present["laatst_gecontroleerd"][1], "laatst_gecontroleerd",
              f"{gecontroleerd.isoformat()} ligt in de toekomst (verwacht de datum van de laatste controle)")
    if toegevoegd and gecontroleerd and toegevoegd > gecontroleerd:
        c.err(present["toegevoegd"][1], "toegevoegd",
              f"{toegevoegd.isoformat()} ligt na laatst_gecontroleerd {gecontroleerd.isoformat()} (een praktijk wordt "
              "nagekeken wanneer ze toegevoegd wordt)")


def _slug(raw: RawRecord, present: dict[str, tuple[Node, Node]], c: FieldChecker) -> str:
    name = PurePath(raw.path).stem
    if not SLUG.match(name):
        c.errors.append(RecordError(raw.path, 1, 1, "slug", f"bestandsnaam '{name}.md' is geen geldige slug "
                                    "(verwacht kleine letters, cijfers en koppeltekens, bv. gent-iedereen-onder-dak.md)"))
    if "slug" in present:
        given = c.check(present["slug"][1], "slug", RECORD_FIELDS["slug"])
        if given is not None and given != name:
            c.err(present["slug"][1], "slug", f"'{given}' komt niet overeen met de bestandsnaam '{name}.md' "
                                              f"(hernoem het bestand of schrijf slug: {name})")
    return name


def _story(raw: RawRecord, c: FieldChecker) -> str:
    story = raw.story.strip("\n")
    if not story.strip():
        c.errors.append(RecordError(raw.path, min(raw.story_line, raw.end_line), 1, "verhaal",
                                    "het verhaal onder de front matter is leeg (verwacht de tekst van de praktijk in Markdown)"))
        return ""
    over = text_errors(raw.path, raw.story, raw.story_line)
    c.errors.extend(over or story_errors(raw.path, raw.story, raw.story_line))  # over budget: read no further
    for number, line in enumerate(raw.story.split("\n") if HIDDEN.search(raw.story) else (), start=raw.story_line):
        if hidden := first_hidden(line):
            c.errors.append(RecordError(raw.path, number, hidden.start() + 1, "verhaal", hidden_message(hidden.group())))
    marker = VERHAAL_VOORBEELD[:36]
    for number, line in enumerate(raw.story.split("\n") if marker in raw.story else (), start=raw.story_line):
        if line.startswith(marker):
            c.errors.append(RecordError(raw.path, number, 1, "verhaal", "de voorbeeldtekst van 'gids nieuw' staat er nog; "
                                                                      "vervang ze door het verhaal van de praktijk"))
    return story
