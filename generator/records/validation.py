"""Validate one record and build its model: every problem is collected, none stops the walk.

``validate_record`` turns the positioned YAML of ``loader`` into a ``Praktijk``
or, when anything is wrong, into a list of RecordErrors in Dutch.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from . import derive
from .budget import front_errors, text_errors
from .checker import SLUG, FieldChecker, check_today
from .errors import RecordError
from .fields import (
    FICHE_FIELDS,
    RECORD_FIELDS,
    VERHAAL_VOORBEELD,
)
from .hidden_chars import HIDDEN, first_hidden, hidden_message
from .loader import Node, RawRecord, Sequence, read_record
from .model import Afgeleid, Praktijk, stand_of
from .story_check import story_errors
from .vocab import Vocab, load_vocab


def validate_record(path: str, data: bytes, vocab: Vocab | None = None) -> tuple[Praktijk | None, list[RecordError]]:
    """Validate one record file's bytes. Returns the model only when there are no errors."""
    raw, errors = read_record(path, data)
    if raw is None or raw.front is None:
        return None, errors
    checker = FieldChecker(path, vocab or load_vocab())
    record = _build(raw, checker)
    errors = errors + checker.errors
    if record is None or errors:
        return None, errors
    return _with_override_reasons(record, raw, data), errors


def _with_override_reasons(record: Praktijk, raw: RawRecord, data: bytes) -> Praktijk:
    """An override's reason is the comment the editor wrote above it ('# 70 trajecten x 6.600 euro ...')."""
    gronden = dict(record.afgeleid.gronden)
    overridden = [name for name, grond in gronden.items() if grond == derive.OVERRIDDEN and name in raw.front.entries]
    if not overridden:
        return record
    lines = data.decode("utf-8", errors="replace").split("\n")
    for name in overridden:
        index = raw.front.entries[name][0].line - 2  # the line above the key, 0-based
        comments = []
        while index >= 0 and lines[index].lstrip().startswith("#") and not lines[index].startswith("# yaml-language-server"):
            comments.insert(0, lines[index].lstrip()[1:].strip())
            index -= 1
        if comments:
            gronden[name] = f"{derive.OVERRIDDEN}: {' '.join(comments)}"
    afgeleid = replace(record.afgeleid, gronden=tuple(gronden.items()))
    return replace(record, afgeleid=afgeleid)


def _build(raw: RawRecord, c: FieldChecker) -> Praktijk | None:
    front = raw.front
    budget, c.over_budget = front_errors(raw.path, front)
    c.errors.extend(budget)
    has_projecten = "projecten" in front.entries or "projecten" in raw.skipped
    skip = (set(FICHE_FIELDS) if has_projecten else set()) | raw.skipped
    present = c.fields(front, RECORD_FIELDS, "", skip=skip, end=Node(raw.story_line - 1, 1))  # the closing '---'
    if has_projecten:
        for name in FICHE_FIELDS:
            if name in present:
                c.err(present[name][0], name, "staat naast 'projecten': zet de fiche in elk deelproject, niet erboven")

    def get(name: str, convert, *args):
        return convert(present[name][1], name, *args) if name in present else None

    slug = _slug(raw, present, c)
    titel = get("titel", c.text)
    plaats = get("plaats", c.text)
    gemeenten = get("gemeenten", c.gemeenten) or ()
    provincies = get("provincies", c.ids, RECORD_FIELDS["provincies"]) or ()
    gemeenten_node = present["gemeenten"][1] if "gemeenten" in present else None
    if isinstance(gemeenten_node, Sequence) and not gemeenten_node.items and not provincies:
        c.err(present["gemeenten"][1], "gemeenten", "is een lege lijst (verwacht minstens één gemeente, of vul 'provincies' in)")
    hoofdstuk = get("hoofdstuk", c.ids, RECORD_FIELDS["hoofdstuk"], True)
    themas = get("themas", c.ids, RECORD_FIELDS["themas"]) or ()
    doelgroepen = get("doelgroepen", c.ids, RECORD_FIELDS["doelgroepen"]) or ()
    samenvatting = get("samenvatting", c.text)  # its length is in the budget (front_errors)
    fiches = get("projecten", lambda n, f: c.projecten(n)) if has_projecten else (c.fiche(present, ""),)
    bron = get("bron", lambda n, f: c.bron(n))
    gecontroleerd = get("laatst_gecontroleerd", c.date)
    toegevoegd = get("toegevoegd", c.date)
    bevestigd = get("bevestigd", c.date)
    overrides = Afgeleid(
        start=get("start", c.month),
        einde=get("einde", c.month),
        lopend=get("lopend", c.boolean),
        bedrag_eur=get("bedrag_eur", c.integer, RECORD_FIELDS["bedrag_eur"], "een bedrag in euro als geheel getal, bv. 40000"),
        bedrag_basis=get("bedrag_basis", c.basis),
        vte=get("vte", c.decimal),
    )
    if bevestigd and bevestigd > check_today():
        c.err(present["bevestigd"][1], "bevestigd", f"{bevestigd.isoformat()} ligt in de toekomst (verwacht de dag waarop "
                                                    "de praktijk de gegevens bevestigde)")
    if overrides.start and overrides.einde and overrides.start[:len(overrides.einde)] > overrides.einde[:len(overrides.start)]:
        c.err(present["einde"][1], "einde", f"'{overrides.einde}' ligt vóór start '{overrides.start}' (verwacht een einde na de start)")
    if gecontroleerd and gecontroleerd > check_today():
        c.err(present["laatst_gecontroleerd"][1], "laatst_gecontroleerd", f"{gecontroleerd.isoformat()} ligt in de toekomst (verwacht de datum van de laatste controle)")
    if toegevoegd and gecontroleerd and toegevoegd > gecontroleerd:
        c.err(present["toegevoegd"][1], "toegevoegd", f"{toegevoegd.isoformat()} ligt na laatst_gecontroleerd "
                                                      f"{gecontroleerd.isoformat()} (een praktijk wordt nagekeken wanneer ze toegevoegd wordt)")
    verhaal = _story(raw, c)

    if c.errors or raw.skipped:  # fields set aside after a syntax error: no model
        return None
    return Praktijk(
        slug=slug, path=raw.path, titel=titel, plaats=plaats, gemeenten=gemeenten, provincies=provincies,
        hoofdstuk=hoofdstuk[0], themas=themas, doelgroepen=doelgroepen, samenvatting=samenvatting,
        fiches=fiches, bron=bron, laatst_gecontroleerd=gecontroleerd, verhaal=verhaal, toegevoegd=toegevoegd,
        bevestigd=bevestigd, verhaal_regel=raw.story_line + len(raw.story) - len(raw.story.lstrip("\n")),
        afgeleid=derive.derive(fiches, stand_of(bron, bevestigd).peil, overrides,
                               explicit={k for k in derive.OVERRIDABLE if k in present}),
    )


def _slug(raw: RawRecord, present: dict, c: FieldChecker) -> str:
    name = PurePath(raw.path).stem
    if not SLUG.match(name):
        c.errors.append(RecordError(raw.path, 1, 1, "slug", f"bestandsnaam '{name}.md' is geen geldige slug "
                                    "(verwacht kleine letters, cijfers en koppeltekens, bv. gent-iedereen-onder-dak.md)"))
    if "slug" in present:
        given = c.text(present["slug"][1], "slug")
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
