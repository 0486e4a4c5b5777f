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

from .facets import gemeente_slug
from .fields import BRON_FIELDS, CONTACT_FIELDS, CONTACT_MEANS, PATTERNS, RECORD_FIELDS, VERHAAL_VOORBEELD
from .model import ONBEKEND
from .schema import SCHEMA_FILE
from .selectie import match_term, suggest_terms
from .vocab import Term, Vocab, load_vocab

VERHAAL = VERHAAL_VOORBEELD


class NieuwFout(Exception):
    """A choice that cannot make a record; the message is Dutch."""


@dataclass(frozen=True)
class Keuzes:
    """What the editor chose: the fields the skeleton fills in."""

    plaats: str
    titel: str
    hoofdstuk: str  # id
    themas: tuple[str, ...]  # ids
    slug: str


def add_nieuw_parser(sub) -> None:
    nieuw = sub.add_parser("nieuw", help="een nieuwe praktijk beginnen: een bestand met alle velden om in te vullen",
                           description="Maakt praktijken/<slug>.md met alle velden, elk met uitleg. Ontbreekt een optie, "
                                       "dan vraagt gids nieuw ernaar (alleen in een terminal).")
    nieuw.add_argument("--plaats", help="de plaats vóór de titel in de bron, bv. Kortrijk")
    nieuw.add_argument("--titel", help="de titel zoals in de bron, zonder de plaats ervoor")
    nieuw.add_argument("--hoofdstuk", help="het hoofdstuk van de gids (id of label, bv. onthaalbeleid)")
    nieuw.add_argument("--thema", action="append", default=[], help="een thema (id of label); herhaal voor meer thema's")
    nieuw.add_argument("--slug", help="de bestandsnaam zonder .md (standaard: afgeleid uit plaats en titel)")
    nieuw.add_argument("--map", type=Path, default=Path("praktijken"), help="map met de praktijken (standaard: praktijken)")


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
    except NieuwFout as exc:
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
    print(f"Vul de lege velden in (de uitleg staat erboven), kijk ze na met 'gids check {args.map}' en bekijk de praktijk "
          f"met 'gids serve' op http://127.0.0.1:8000/praktijken/{keuzes.slug}/.", file=sys.stderr)
    return 0


# --- the choices ---------------------------------------------------------------------------------


def _from_options(args: argparse.Namespace, vocab: Vocab) -> Keuzes:
    plaats, titel = args.plaats, args.titel
    hoofdstuk = resolve("--hoofdstuk", args.hoofdstuk, vocab.hoofdstukken)
    themas = tuple(dict.fromkeys(resolve("--thema", value, vocab.themas) for value in args.thema))
    return Keuzes(plaats, titel, hoofdstuk, themas, _slug(args.slug, plaats, titel))


def resolve(option: str, value: str, terms: dict[str, Term]) -> str:
    """The id of a value typed as id or label, or a NieuwFout saying 'bedoelde je ...?'."""
    known = {key: term.label for key, term in terms.items()}
    found = match_term(value, known)
    if found is None:
        raise NieuwFout(f"{option}: onbekende waarde '{value}'{suggest_terms(value, known)}")
    return found


def _slug(given: str | None, plaats: str, titel: str) -> str:
    """The file name as the existing records have it: place and title, lower case, ASCII, hyphens."""
    slug = given.strip() if given else gemeente_slug(f"{plaats} {titel}")
    if not re.match(PATTERNS["slug"], slug):
        where = "--slug" if given else "plaats en titel geven geen bruikbare bestandsnaam; kies er een met --slug"
        raise NieuwFout(f"{where}: '{slug}' is geen geldige slug (verwacht kleine letters, cijfers en koppeltekens, "
                        "bv. gent-iedereen-onder-dak)")
    return slug


def _ask_missing(args: argparse.Namespace, vocab: Vocab, ask: Callable[[str], str]) -> Keuzes:
    """Ask in Dutch for what the options left out; a wrong answer is explained and asked again."""
    plaats = args.plaats or _ask_text(ask, "Plaats (zoals vóór de titel in de bron, bv. Kortrijk): ")
    titel = args.titel or _ask_text(ask, "Titel (zonder de plaats ervoor): ")
    hoofdstuk = (resolve("--hoofdstuk", args.hoofdstuk, vocab.hoofdstukken) if args.hoofdstuk
                 else _ask_terms(ask, "Hoofdstuk", vocab.hoofdstukken, several=False)[0])
    themas = (tuple(dict.fromkeys(resolve("--thema", v, vocab.themas) for v in args.thema)) if args.thema
              else _ask_terms(ask, "Thema's (een of meer, gescheiden door komma's)", vocab.themas, several=True))
    return Keuzes(plaats.strip(), titel.strip(), hoofdstuk, themas, _slug(args.slug, plaats, titel))


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
        except NieuwFout as exc:
            print(exc, file=sys.stderr)


# --- the skeleton ----------------------------------------------------------------------------------


def skeleton(k: Keuzes, vocab: Vocab, today: date, schema_path: str) -> str:
    """The new record's text: every field under its explanation, the chosen ones filled in."""
    r = RECORD_FIELDS
    gemeenten = f"[{_scalar(k.plaats)}]" if k.plaats in vocab.gemeenten else "[]"
    lines = [
        "---",
        f"# yaml-language-server: $schema={schema_path}",
        *_explain("titel"), f"titel: {_scalar(k.titel)}",
        *_explain("plaats"), f"plaats: {_scalar(k.plaats)}",
        *_explain("gemeenten"),
        f"# Betreft de praktijk een hele provincie of regio, laat de lijst dan leeg en vul in: provincies: {r['provincies'].voorbeeld}",
        f"gemeenten: {gemeenten}",
        *_explain("hoofdstuk", ", ".join(vocab.hoofdstukken)), f"hoofdstuk: {k.hoofdstuk}",
        *_explain("themas", ", ".join(vocab.themas)), f"themas: [{', '.join(k.themas)}]",
        *_explain("doelgroepen", ", ".join(vocab.doelgroepen) + "; mag leeg blijven"), "doelgroepen: []",
        *_explain("samenvatting"), "samenvatting:",
        *_explain("trekker"), "trekker:",
        *_explain("partners"), "partners: []",
        *_explain("budget"), "budget:",
        *_explain("periode"), "periode:",
        *_explain("contact"),
        (f"# Per contact: {', '.join(k for k in CONTACT_FIELDS if k not in CONTACT_MEANS)} en minstens één van: "
         f"{', '.join(CONTACT_MEANS)}. Laat weg wat de bron niet vermeldt."),
        "contact:", "  - naam:", "    email:", "    telefoon:",
        *_explain("bron"),
        (f"# Bijvoorbeeld: titel: {BRON_FIELDS['titel'].voorbeeld}, jaar: {BRON_FIELDS['jaar'].voorbeeld}, "
         f"pagina: {BRON_FIELDS['pagina'].voorbeeld}. Heeft de bron geen pagina's, laat pagina dan weg; "
         f"staat ze op het web, voeg dan toe: url: {BRON_FIELDS['url'].voorbeeld}"),
        "bron:", "  titel:", "  jaar:", "  pagina:",
        *_explain("laatst_gecontroleerd"), f"laatst_gecontroleerd: {today.isoformat()}",
        "---",
        "",
        VERHAAL,
        "",
    ]
    return "\n".join(lines)


def _explain(name: str, values: str = "") -> list[str]:
    """The comment above a field: its explanation from fields.py, the allowed values or a real example."""
    rule = RECORD_FIELDS[name]
    text = rule.uitleg[0].upper() + rule.uitleg[1:]
    if values:
        text += f" ({values})"
    elif rule.voorbeeld and name not in ("titel", "plaats", "laatst_gecontroleerd"):
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
