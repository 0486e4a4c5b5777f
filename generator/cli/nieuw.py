"""``gids nieuw``: start a record from a skeleton that ``gids check`` then guides through.

The skeleton holds every field in the order of the existing records, each under a Dutch comment
taken from ``fields.py``. What the options give is filled in; the rest stays empty, so that
``gids check`` names exactly the fields still to fill.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ..records.derive import OVERRIDABLE
from ..records.facets import gemeente_slug
from ..records.fields import (
    BRON_FIELDS,
    CONTACT_FIELDS,
    CONTACT_MEANS,
    CONTACT_WHO,
    PATTERNS,
    PROJECT_FIELDS,
    RECORD_FIELDS,
    VERHAAL_VOORBEELD,
    FieldRule,
    Kind,
)
from ..records.layout import PRAKTIJKEN
from ..records.model import ONBEKEND
from ..records.schema import SCHEMA_FILE
from ..records.terms import match_term, suggest_terms
from ..records.vocab import Term, Vocab, load_vocab
from ..search.lunr_nl import STOP_WORDS

VERHAAL = VERHAAL_VOORBEELD
SLUG_MAX = 60  # characters: a file name and web address an editor can still read and type
# Filler words a shorter slug leaves out: the search's Dutch stop words, except those that turn the meaning around.
VULWOORDEN = STOP_WORDS - {"niet", "geen", "zonder", "tegen"}


class NewRecordError(Exception):
    """A choice that cannot make a record; the message is Dutch."""


@dataclass(frozen=True)
class Choices:
    """What the editor chose: the fields the skeleton fills in."""

    plaats: str
    titel: str
    hoofdstuk: str  # id
    themas: tuple[str, ...]  # ids
    slug: str
    gemeenten: tuple[str, ...] = ()  # the known municipalities that plaats names


def add_nieuw_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    nieuw = sub.add_parser("nieuw", help="een nieuwe praktijk beginnen: een bestand met alle velden om in te vullen",
                           description="Maakt praktijken/<slug>.md met alle velden, elk met uitleg. Ontbreekt een optie, "
                                       "dan vraagt gids nieuw ernaar (alleen in een terminal).")
    nieuw.add_argument("--plaats", help="de plaats vóór de titel in de bron, bv. Kortrijk of 'Lebbeke, Buggenhout en "
                                         "Hamme'; de gemeenten erin komen in 'gemeenten'")
    nieuw.add_argument("--titel", help="de titel zoals in de bron, zonder de plaats ervoor")
    nieuw.add_argument("--hoofdstuk", help="het hoofdstuk van de gids (id of label, bv. onthaalbeleid)")
    nieuw.add_argument("--thema", action="append", default=[], help="een thema (id of label); herhaal voor meer thema's")
    nieuw.add_argument("--slug", help=f"de bestandsnaam zonder .md (standaard: uit plaats en titel; langer dan {SLUG_MAX} "
                                      "tekens, dan korter: vulwoorden eruit, hele woorden)")
    nieuw.add_argument("--map", type=Path, default=Path(PRAKTIJKEN), help=f"map met de praktijken (standaard: {PRAKTIJKEN})")


def run_nieuw(args: argparse.Namespace, ask: Callable[[str], str] = input, interactive: bool | None = None) -> int:
    vocab = load_vocab()
    interactive = sys.stdin.isatty() if interactive is None else interactive
    for option in ("plaats", "titel", "hoofdstuk", "slug"):  # an option of only spaces was not given
        setattr(args, option, (getattr(args, option) or "").strip() or None)
    args.thema = [thema for thema in args.thema if thema.strip()]
    missing = [option for option, value in (("--plaats", args.plaats), ("--titel", args.titel),
                                            ("--hoofdstuk", args.hoofdstuk), ("--thema", args.thema)) if not value]
    if missing and not interactive:
        print(f"gids nieuw: ontbrekende opties: {', '.join(missing)} (geef ze mee, of start gids nieuw in een terminal "
              "om ze te beantwoorden)", file=sys.stderr)
        return 2
    if not args.map.is_dir():
        print(f"gids nieuw: de map '{args.map}' bestaat niet (kies een andere met --map)", file=sys.stderr)
        return 2
    try:
        keuzes = _ask_missing(args, vocab, ask) if missing else _from_options(args, vocab)
    except NewRecordError as exc:
        print(f"gids nieuw: {exc}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("\ngids nieuw: afgebroken, er is niets geschreven.", file=sys.stderr)
        return 130
    target = args.map / f"{keuzes.slug}.md"
    if target.exists():
        print(f"gids nieuw: {target} bestaat al; er is niets overschreven (kies een andere slug met --slug)", file=sys.stderr)
        return 1
    text = skeleton(keuzes, vocab, date.today(), _schema_path(args.map))
    with open(target, "x", encoding="utf-8") as out:  # "x": never overwrite, even if it appeared meanwhile
        out.write(text)
    print(target)
    for note in _notes(args, keuzes, vocab, target):
        print(f"gids nieuw: {note}", file=sys.stderr)
    print(f"Vul de lege velden in (de uitleg staat erboven), kijk ze na met 'gids check {args.map}' en bekijk de praktijk "
          f"met 'gids serve' op http://127.0.0.1:8000/praktijken/{keuzes.slug}/.", file=sys.stderr)
    return 0


# --- the choices ---------------------------------------------------------------------------------


def _from_options(args: argparse.Namespace, vocab: Vocab) -> Choices:
    plaats, titel = args.plaats, args.titel
    hoofdstuk = resolve("--hoofdstuk", args.hoofdstuk, vocab.hoofdstukken)
    themas = tuple(dict.fromkeys(resolve("--thema", value, vocab.themas) for value in args.thema))
    return Choices(plaats, titel, hoofdstuk, themas, _slug(args.slug, plaats, titel), gemeenten_in(plaats, vocab)[0])


def resolve(option: str, value: str, terms: dict[str, Term]) -> str:
    """The id of a value typed as id or label, or a NewRecordError saying 'bedoelde je ...?'."""
    known = {key: term.label for key, term in terms.items()}
    found = match_term(value, known)
    if found is None:
        raise NewRecordError(f"{option}: onbekende waarde '{value}'{suggest_terms(value, known)}")
    return found


def _slug(given: str | None, plaats: str, titel: str) -> str:
    """The file name as the existing records have it: place and title, lower case, ASCII, hyphens; over
    SLUG_MAX characters without filler words and cut after a whole word."""
    slug = given.strip() if given else gemeente_slug(f"{plaats} {titel}")
    if not re.match(PATTERNS["slug"], slug):
        where = "--slug" if given else "plaats en titel geven geen bruikbare bestandsnaam; kies er een met --slug"
        raise NewRecordError(f"{where}: '{slug}' is geen geldige slug (verwacht kleine letters, cijfers en koppeltekens, "
                        "bv. gent-iedereen-onder-dak)")
    if given or len(slug) <= SLUG_MAX:
        return slug
    if (short := shorter_slug(slug)) is None:
        raise NewRecordError(f"plaats en titel geven een bestandsnaam van {len(slug)} tekens en hun eerste woord is al langer "
                        f"dan {SLUG_MAX}; kies er een met --slug, bv. --slug gent-iedereen-onder-dak")
    return short


def shorter_slug(slug: str, limit: int = SLUG_MAX) -> str | None:
    """The slug in at most ``limit`` characters: filler words out from the last one on (the first word, the
    place, stays) until it fits, else as many whole words as fit. None when not even the first one does."""
    words = slug.split("-")
    fillers = [i for i, word in enumerate(words) if i > 0 and word in VULWOORDEN]
    while len("-".join(words)) > limit and fillers:
        del words[fillers.pop()]
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    return "-".join(kept) or None


def gemeenten_in(plaats: str, vocab: Vocab) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The known municipalities a place names ('Dendermonde, Lebbeke, Buggenhout en Hamme'), as the reference
    list spells them, and the parts that are none ('Regio Halle-Vilvoorde')."""
    known = {name.casefold(): name for name in vocab.gemeenten}
    parts = [part.strip() for part in re.split(r"[,;/]|\s(?:en|&|\+)\s", plaats) if part.strip()]
    found = tuple(dict.fromkeys(known[part.casefold()] for part in parts if part.casefold() in known))
    return found, tuple(part for part in parts if part.casefold() not in known)


def _notes(args: argparse.Namespace, k: Choices, vocab: Vocab, target: Path) -> list[str]:
    """What gids nieuw chose for the editor, in Dutch: a shortened slug, the municipalities taken from plaats."""
    notes = []
    full = gemeente_slug(f"{k.plaats} {k.titel}")
    if not args.slug and k.slug != full:
        notes.append(f"de bestandsnaam uit plaats en titel zou {len(full)} tekens lang zijn; gids nieuw stelt een kortere "
                     f"voor (hoogstens {SLUG_MAX} tekens, vulwoorden eruit, hele woorden): {k.slug}. Liever een andere? "
                     f"Verwijder {target} en start opnieuw met --slug EEN-ANDERE-NAAM (nu het nog kan: de bestandsnaam "
                     "is het webadres van de praktijk).")
    rest = gemeenten_in(k.plaats, vocab)[1]
    if k.gemeenten:
        notes.append(f"gemeenten ingevuld uit de plaats: {', '.join(k.gemeenten)}"
                     + (f"; geen gekende gemeente: {', '.join(rest)} (vul gemeenten aan als dat nodig is)" if rest else "."))
    return notes


def _ask_missing(args: argparse.Namespace, vocab: Vocab, ask: Callable[[str], str]) -> Choices:
    """Ask in Dutch for what the options left out; a wrong answer is explained and asked again."""
    plaats = args.plaats or _ask_text(ask, "Plaats (zoals vóór de titel in de bron, bv. Kortrijk): ")
    titel = args.titel or _ask_text(ask, "Titel (zonder de plaats ervoor): ")
    hoofdstuk = (resolve("--hoofdstuk", args.hoofdstuk, vocab.hoofdstukken) if args.hoofdstuk
                 else _ask_terms(ask, "Hoofdstuk", vocab.hoofdstukken, several=False)[0])
    themas = (tuple(dict.fromkeys(resolve("--thema", v, vocab.themas) for v in args.thema)) if args.thema
              else _ask_terms(ask, "Thema's (een of meer, gescheiden door komma's)", vocab.themas, several=True))
    plaats, titel = plaats.strip(), titel.strip()
    return Choices(plaats, titel, hoofdstuk, themas, _slug(args.slug, plaats, titel), gemeenten_in(plaats, vocab)[0])


def _ask_text(ask: Callable[[str], str], prompt: str) -> str:
    while not (answer := ask(prompt).strip()):
        print("Dit veld is nodig.", file=sys.stderr)
    return answer


def _ask_terms(ask: Callable[[str], str], what: str, terms: dict[str, Term], several: bool) -> tuple[str, ...]:
    numbered = list(terms)
    print(f"{what}, kies uit (nummer, id of label):", file=sys.stderr)
    for number, key in enumerate(numbered, start=1):
        print(f"  {number:2}. {key:32} {terms[key].label}", file=sys.stderr)
    while True:
        answers = [a.strip() for a in _ask_text(ask, f"{what}: ").split(",") if a.strip()]
        if not several and len(answers) > 1:
            print("Kies één waarde.", file=sys.stderr)
            continue
        try:
            return tuple(dict.fromkeys(numbered[int(a) - 1] if a.isdigit() and 1 <= int(a) <= len(numbered)
                                       else resolve(what.split(" ")[0].lower(), a, terms) for a in answers))
        except NewRecordError as exc:
            print(exc, file=sys.stderr)


# --- the skeleton ----------------------------------------------------------------------------------


OPTIONEEL = ("# Een regel '# veld:' is niet verplicht: haal '# ' weg en vul in als de bron het geeft. "
             "gids check noemt elk veld dat nog leeg is.")


def skeleton(k: Choices, vocab: Vocab, today: date, schema_path: str, filled: dict[str, str] | None = None,
             verhaal: str = VERHAAL) -> str:
    """The new record's text: every field of fields.py in its order, under its explanation. Required fields,
    the optional ones most records have (``to_fill``) and the chosen ones are lines to fill; the other optional
    ones are commented out, ready to be switched on. ``filled`` holds further values, already as YAML (``gids
    voorstel``): they are written as live lines, optional or not."""
    filled = filled or {}
    chosen = {**_chosen(k, today), **filled}
    lines = ["---", f"# yaml-language-server: $schema={schema_path}", OPTIONEEL]
    for name, rule in RECORD_FIELDS.items():
        if name == OVERRIDABLE[0]:
            lines.append("# Wat de generator afleidt (gids toon SLUG toont het): vul hieronder alleen in wat hij verkeerd "
                         "leest, met een regel uitleg erboven.")
        lines += _explain(name, rule, vocab, chosen=name in chosen) + _extra(rule)
        lines += _lines(name, rule, chosen.get(name), live=name in filled)
    return "\n".join([*lines, "---", "", verhaal, ""])


def _chosen(k: Choices, today: date) -> dict[str, str]:
    """The values the editor's choices give, as YAML; a record is checked on the day it is added."""
    return {
        "slug": k.slug,
        "titel": _scalar(k.titel),
        "plaats": _scalar(k.plaats),
        "gemeenten": f"[{', '.join(_scalar(g) for g in k.gemeenten)}]",
        "hoofdstuk": k.hoofdstuk,
        "themas": f"[{', '.join(k.themas)}]",
        "laatst_gecontroleerd": today.isoformat(),
        "toegevoegd": today.isoformat(),
    }


LIST_KINDS = ("ids", "texts", "gemeenten")  # an empty line to fill is '[]': 'is een lege lijst' then names it
PARTS: dict[Kind, dict[str, FieldRule]] = {"contacts": CONTACT_FIELDS, "bron": BRON_FIELDS}  # laid out field by field


def _lines(name: str, rule: FieldRule, value: str | None, indent: str = "", live: bool = False) -> list[str]:
    """A field's lines: to fill (required or ``to_fill``), else commented out; a composite with its parts."""
    if not (rule.required or rule.to_fill or live):
        return [f"{indent}# {name}:" + (f" {value}" if value else "")]
    if value is not None:
        return [f"{indent}{name}: {value}"]
    if rule.kind in LIST_KINDS:
        return [f"{indent}{name}: []"]
    if rule.kind not in PARTS:
        return [f"{indent}{name}:"]
    parts = [line for key, part in PARTS[rule.kind].items() for line in _lines(key, part, None, indent + "  ")]
    if rule.kind == "contacts":  # a list of contacts: the first part opens the first item
        parts = [f"{indent}  - {parts[0].lstrip()}", *(f"  {line}" for line in parts[1:])]
    return [f"{indent}{name}:", *parts]


def _extra(rule: FieldRule) -> list[str]:
    """A second comment line where one field needs more than its explanation: its own, or its parts'."""
    if rule.toelichting:
        return [f"# {rule.toelichting}"]
    if rule.kind == "contacts":
        return [f"# Per contact wie ({', '.join(CONTACT_WHO)}) en hoe je die bereikt ({', '.join(CONTACT_MEANS)}); laat "
                "weg wat de bron niet vermeldt. Geeft ze alleen een naam of functie, dan toont de pagina 'geen "
                "contactgegevens in de bron'."]
    if rule.kind == "projecten":
        fiche = [key for key in PROJECT_FIELDS if key != "naam"]
        return [f"# Elk deelproject: '- naam:' met zijn eigen {', '.join(fiche)}; die velden staan dan niet hierboven."]
    if rule.kind == "bron":
        b = BRON_FIELDS
        return [f"# Uit de gids: titel: {b['titel'].voorbeeld}, jaar: {b['jaar'].voorbeeld}, pagina: {b['pagina'].voorbeeld}. "
                f"Een gedateerd bericht of webpagina: datum: {b['datum'].voorbeeld} (dan mag jaar weg), uitgever: "
                f"{b['uitgever'].voorbeeld}, url: {b['url'].voorbeeld}; zonder pagina's laat je pagina weg."]
    return []


def _explain(name: str, rule: FieldRule, vocab: Vocab, chosen: bool) -> list[str]:
    """The comment above a field: its explanation from fields.py, then the allowed values of its closed list, or
    a real example (not above a single value the editor just chose: that is example enough)."""
    text = rule.uitleg[0].upper() + rule.uitleg[1:]
    if rule.vocab:
        values = ", ".join(vocab.terms(rule.vocab))
        text += f" ({values})" if rule.required else f" ({values}; mag leeg blijven)"
    elif rule.voorbeeld and not (chosen and rule.kind not in LIST_KINDS):
        text += f", bv. {name}: {rule.voorbeeld}"
    if rule.onbekend_allowed:
        text = text.removesuffix(".") + f". Schrijf '{ONBEKEND}' als de bron het niet vermeldt"
    return [f"# {text.removesuffix('.')}."]


def _scalar(text: str) -> str:
    """A value as YAML: plain when it reads back as the same text, else double-quoted."""
    try:
        plain = yaml.load(f"v: {text}", Loader=yaml.BaseLoader) == {"v": text}  # BaseLoader: every value is text
    except yaml.YAMLError:
        plain = False
    return text if plain and "\n" not in text else json.dumps(text, ensure_ascii=False)


def _schema_path(folder: Path) -> str:
    """The schema relative to the new file, as the yaml-language-server line needs it."""
    return Path(os.path.relpath(Path.cwd() / SCHEMA_FILE, folder.resolve())).as_posix()
