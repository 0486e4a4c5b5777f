"""``gids voorstel ISSUE_BODY.md``: an answered proposal form becomes ``praktijken/<slug>.md``.

The record is ``gids nieuw``'s skeleton (same slug, same municipalities, same layout and help) with the
answers filled in as double-quoted YAML (``issue_body.yaml_value``), ``onbekend`` where a fiche field was left
empty, and the story from the form. Then ``gids check``'s verdict for that record, in Dutch; with
``--commentaar`` also as the Markdown comment the workflow posts on the issue. A correction form goes to
``correctie.py``.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..records.catalog import load_catalog
from ..records.dates import today
from ..records.errors import RecordError
from ..records.fields import PATTERNS, RECORD_FIELDS
from ..records.freshness import stale_warnings
from ..records.layout import PRAKTIJKEN
from ..records.model import ONBEKEND
from ..records.terms import match_term
from ..records.vocab import Term, Vocab, load_vocab
from ..site.links import check_links
from .formulieren import CORRECTIE, VOORSTEL
from .issue_body import lines_of, one_line, read_answers, ticked, yaml_value
from .nieuw import VERHAAL, Choices, NewRecordError, _schema_path, _slug, gemeenten_in, skeleton

MAX_BODY = 256 * 1024  # GitHub caps an issue body at 65,536 characters; anything far larger is not one


def add_voorstel_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("voorstel", help="een ingevuld issueformulier omzetten in een praktijk (of een wijziging)",
                       description="Leest de tekst van een issue (Nieuwe praktijk voorstellen of Een wijziging melden) "
                                   "zoals GitHub ze toont, schrijft praktijken/<slug>.md en toont wat gids check ervan "
                                   "vindt. Stopt met 0 als de praktijk in orde is, 1 als er nog iets in te vullen is, 2 als "
                                   "er niets geschreven is.")
    p.add_argument("body", type=Path, help="de tekst van het issue (Markdown)")
    p.add_argument("--map", type=Path, default=Path(PRAKTIJKEN), help=f"map met de praktijken (standaard: {PRAKTIJKEN})")
    p.add_argument("--commentaar", type=Path, help="schrijf ook een reactie voor het issue (Markdown) naar dit bestand")


def run_voorstel(args: argparse.Namespace) -> int:
    try:
        data = args.body.read_bytes()[:MAX_BODY + 1]
    except OSError as exc:
        return _stop(f"kan '{args.body}' niet lezen ({exc.strerror})", args)
    body = data.decode("utf-8", errors="replace")
    if len(data) > MAX_BODY:
        return _stop(f"de tekst van het issue is groter dan {MAX_BODY} bytes; is dit wel een issueformulier?", args)
    if not args.map.is_dir():
        return _stop(f"de map '{args.map}' bestaat niet (kies een andere met --map)", args)
    if (answers := read_answers(body, VOORSTEL)) is not None:
        return _proposal(answers, args)
    if (answers := read_answers(body, CORRECTIE)) is not None:
        from .correctie import run_correctie
        return run_correctie(answers, args)
    return _stop("dit is geen ingevuld formulier 'Nieuwe praktijk voorstellen' of 'Een wijziging melden' (de kopjes "
                 f"'### {VOORSTEL[0].label}' of '### {CORRECTIE[0].label}' ontbreken)", args)


def _stop(message: str, args: argparse.Namespace) -> int:
    print(f"gids voorstel: {message}", file=sys.stderr)
    if args.commentaar:
        args.commentaar.write_text(f"Dit voorstel kon niet automatisch omgezet worden: {message}.\n\nEen redacteur "
                                   "bekijkt het met de hand.\n", encoding="utf-8")
    return 2


def _proposal(a: dict[str, str], args: argparse.Namespace) -> int:
    vocab = load_vocab()
    plaats, titel = one_line(a["plaats"]), one_line(a["titel"])
    try:  # the same slug rule as gids nieuw: nothing of the body becomes a path but a validated slug
        slug = _slug(None, plaats, titel)
    except NewRecordError as exc:
        return _stop(f"plaats en titel geven geen bestandsnaam: {exc}", args)
    target = args.map / f"{slug}.md"
    if target.exists():
        return _stop(f"{target} bestaat al; er is niets overschreven (is dit voorstel al omgezet?)", args)
    gemeenten, rest = gemeenten_in(plaats, vocab)
    hoofdstuk = _chosen(a["hoofdstuk"], vocab.hoofdstukken)
    choices = Choices(plaats, titel, hoofdstuk[0] if hoofdstuk else "", tuple(_chosen(a["themas"], vocab.themas)), slug,
                      gemeenten)
    notes = [f"gemeenten uit de plaats: {', '.join(gemeenten) or 'geen'}"
             + (f"; geen gekende gemeente: {', '.join(rest)}" if rest else "")]
    filled = _filled(a, vocab, choices, notes)
    verhaal = a["verhaal"].replace("\r\n", "\n").strip() or VERHAAL
    text = skeleton(choices, vocab, today(), _schema_path(args.map), filled, verhaal)
    with open(target, "x", encoding="utf-8") as out:  # "x": never overwrite, even if it appeared meanwhile
        out.write(text)
    problems = check_one(args.map, target, vocab)
    print(target)
    for note in notes:
        print(f"gids voorstel: {note}", file=sys.stderr)
    print(verdict(problems))
    if args.commentaar:
        args.commentaar.write_text(comment(target, problems, notes), encoding="utf-8")
    return 1 if errors_in(problems) else 0


def check_one(folder: Path, target: Path, vocab: Vocab) -> list[RecordError]:
    """What ``gids check`` says about one record: its own errors, its story's links (to the other records and
    pages of the project) and whether its facts are old, in the order gids check prints them."""
    catalog = load_catalog(folder, vocab)
    problems = catalog.errors + check_links(folder, catalog.records, vocab) + stale_warnings(catalog.records, today())
    return sorted(p for p in problems if Path(p.path).resolve() == target.resolve())


def errors_in(problems: Sequence[RecordError]) -> list[RecordError]:
    return [p for p in problems if p.severity != "waarschuwing"]


def _chosen(answer: str, terms: dict[str, Term]) -> list[str]:
    """The ids of a dropdown's answer ('Onthaal (onthaal), Taal (taal)'): the options it names, in the list's
    order; also an id or label typed by hand, one per line or comma."""
    found = [key for key, term in terms.items() if f"{term.label} ({key})" in answer]
    if not found:
        known = {key: term.label for key, term in terms.items()}
        found = [key for part in re.split(r"[,\n]", answer) if (key := match_term(part.strip(), known) or "")]
    return list(dict.fromkeys(found))


def _filled(a: dict[str, str], vocab: Vocab, k: Choices, notes: list[str]) -> dict[str, str]:
    """Every field the form answers, as YAML: the closed lists as ids, the fiche as text or 'onbekend'."""
    values: dict[str, Any] = {"titel": k.titel, "plaats": k.plaats, "gemeenten": list(k.gemeenten),
                              "hoofdstuk": k.hoofdstuk, "themas": list(k.themas)}
    for name in ("doelgroepen", "provincies"):
        if ids := _chosen(a[name], vocab.terms(RECORD_FIELDS[name].vocab)):
            values[name] = ids
    if samenvatting := one_line(a["samenvatting"]):
        values["samenvatting"] = samenvatting
    partners = lines_of(a["partners"])
    values["trekker"] = one_line(a["trekker"]) or ONBEKEND
    values["partners"] = partners or ONBEKEND
    values["budget"] = one_line(a["budget"]) or ONBEKEND
    values["periode"] = one_line(a["periode"]) or ONBEKEND
    contacts = contacts_of(a["contact"])
    if contacts and not ticked(a["toestemming"]):
        notes.append("contact niet overgenomen: het vakje 'toestemming' is niet aangevinkt")
        contacts = []
    values["contact"] = contacts or ONBEKEND
    values["bron"] = bron_of(a)
    yaml_text = {name: ONBEKEND if value == ONBEKEND else yaml_value(value) for name, value in values.items()}
    # an empty answer to a required field stays empty: gids check names it
    return {name: text for name, text in yaml_text.items() if text not in ('""', "[]") or name == "gemeenten"}


EMAIL = re.compile(PATTERNS["email"].strip("^$"))
PHONE_PREFIX = re.compile(r"^(?:t(?:el(?:efoon)?)?|gsm|m(?:obiel)?|tel\.)\s*[:.]?\s*", re.IGNORECASE)
WEB = re.compile(PATTERNS["website"])


def contacts_of(answer: str) -> list[dict[str, str]]:
    """Contacts from free lines, one contact per paragraph: 'Naam, functie' on the first line, then an e-mail
    address, a phone (a Belgian mobile number as gsm), a website; other lines are the organisation and the address."""
    contacts = []
    for block in re.split(r"\n\s*\n", answer.strip()):
        contact: dict[str, str] = {}
        free: list[str] = []
        for line in lines_of(block):
            phone = PHONE_PREFIX.sub("", line)
            if email := EMAIL.search(line):
                contact.setdefault("email", email.group())
            elif re.match(PATTERNS["phone"], phone):
                mobile = re.match(r"^(?:\+32\s*4|04)", phone) or line.lower().startswith(("gsm", "m"))
                contact.setdefault("gsm" if mobile else "telefoon", phone)
            elif WEB.match(line) and " " not in line:
                contact.setdefault("website", line)
            else:
                free.append(line)
        if free:
            naam, _, functie = free[0].partition(", ")
            contact["naam"] = naam
            if functie:
                contact["functie"] = functie
        if len(free) > 1:
            contact["organisatie"] = free[1]
        if len(free) > 2:
            contact["adres"] = " | ".join(free[2:])
        if contact:
            order = ("naam", "functie", "organisatie", "email", "telefoon", "gsm", "adres", "website")
            contacts.append({key: contact[key] for key in order if key in contact})
    return contacts


def bron_of(a: dict[str, str]) -> dict[str, str]:
    """The source: title, publisher, web address, and a date (JJJJ-MM-DD, DD/MM/JJJJ) or else a year. The title
    and the year stay, empty when not answered: gids check then names exactly those."""
    bron = {"titel": one_line(a["bron_titel"])}
    datum = one_line(a["bron_datum"])
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", datum):
        datum = f"{m[3]}-{int(m[2]):02}-{int(m[1]):02}"
    if re.fullmatch(r"\d{4}", datum) or not datum:
        bron["jaar"] = datum
    elif datum:
        bron["datum"] = datum
    if uitgever := one_line(a["bron_uitgever"]):
        bron["uitgever"] = uitgever
    if url := one_line(a["bron_url"]):
        bron["url"] = url
    return bron


def verdict(problems: Sequence[RecordError]) -> str:
    """gids check's verdict on the record, in Dutch: every problem, then one line."""
    errors, warnings = len(errors_in(problems)), len(problems) - len(errors_in(problems))
    said = f" ({warnings} waarschuwing{'en' if warnings > 1 else ''} hierboven)" if warnings else ""
    last = (f"gids check: de praktijk is in orde{said}." if not errors else
            f"gids check: {errors} fout{'en' if errors > 1 else ''}{said}; vul aan wat hierboven staat.")
    return "\n".join([*(str(p) for p in problems), last])


def comment(target: Path, problems: Sequence[RecordError], notes: Sequence[str]) -> str:
    """The comment on the issue: what was made, and what the proposer or the editor still has to fill in."""
    lines = [f"Bedankt! Van dit voorstel is `{target.as_posix()}` gemaakt; een redacteur kijkt het na in de pull request.",
             ""]
    if errors_in(problems):
        lines += ["**Nog aan te vullen** (wat `gids check` meldt):", ""]
    else:
        lines += ["`gids check`: de praktijk is in orde." + (" Let wel:" if problems else ""), ""]
    lines += [f"- regel {p.line}, `{p.field or 'bestand'}`: {'waarschuwing: ' if p.severity == 'waarschuwing' else ''}"
              f"{_md(p.message)}" for p in problems]
    if notes:
        lines += ["", *(f"- {_md(note)}" for note in notes)]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text from a record inside a comment: no Markdown, HTML or mention can come through."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|@~])", r"\\\1", " ".join(text.split()))
