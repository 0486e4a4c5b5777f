"""An answered correction form ("Een wijziging melden"): a note for the editor, and where the answer maps
onto one field of text, the record with that field's value replaced.

The practice is named by its slug, which must match the slug rule and name an existing file in the fixed
folder: nothing else of the body becomes a path. The field's new value is written by ``yaml_value`` over
exactly the lines the loader says the field takes; the rest of the file is kept byte for byte.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..records.fields import PATTERNS, RECORD_FIELDS, label
from ..records.loader import read_record
from ..records.vocab import load_vocab
from .formulieren import CORRECTIE_VELDEN
from .issue_body import lines_of, one_line, yaml_value

# the kinds a correction's free text can replace as it stands; the rest (lists of ids, contacts, the source)
# the editor writes by hand from the note
REPLACEABLE = {"text": "one", "summary": "one", "text_or_texts": "one", "texts": "list"}


def run_correctie(a: dict[str, str], args: argparse.Namespace) -> int:
    from .voorstel import _md, _stop, check_one, errors_in, verdict  # one verdict and one escaping for both forms

    slug = one_line(a["praktijk"]).strip("/").rsplit("/", 1)[-1]  # the slug, or the page's address pasted
    if not re.match(PATTERNS["slug"], slug) or not (target := args.map / f"{slug}.md").is_file():
        return _stop(f"de praktijk '{slug}' bestaat niet in {args.map} (verwacht de slug, bv. gent-iedereen-onder-dak)", args)
    veld = next((name for name in CORRECTIE_VELDEN if f"({name})" in a["veld"]), "")
    lines = [f"Wijziging gemeld voor `{target.as_posix()}`, veld: `{veld or 'iets anders'}`.",
             "", f"Wat nu juist is: {_md(a['waarde']) or '(leeg)'}", "", f"Bron: {_md(a['bron']) or '(geen bron)'}", ""]
    how = REPLACEABLE.get(RECORD_FIELDS[veld].kind) if veld else None
    data = target.read_bytes()
    changed = _replace(target, data, veld, a["waarde"], how) if how and a["waarde"].strip() else None
    if changed is None:
        lines.append(f"De redacteur past {('het veld ' + label(veld).lower()) if veld else 'de fiche'} met de hand aan, "
                     "legt het naast de bron en zet laatst_gecontroleerd op vandaag.")
        print("\n".join(lines))
        if args.commentaar:
            args.commentaar.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 1
    target.write_bytes(changed)
    problems = check_one(args.map, target, load_vocab())
    lines += [f"Het veld `{veld}` is aangepast in de pull request; de redacteur legt het naast de bron en zet "
              "laatst_gecontroleerd op vandaag.", "", verdict(problems)]
    print("\n".join(lines))
    if args.commentaar:
        args.commentaar.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if errors_in(problems) else 0


def _replace(target: Path, data: bytes, veld: str, waarde: str, how: str) -> bytes | None:
    """The file with one top-level field's lines replaced by ``veld: <new value>``; None when the loader
    cannot place the field (the file has an error there, or the field is missing)."""
    raw, errors = read_record(str(target), data)
    if raw is None or raw.front is None or veld not in raw.front.entries:
        return None
    text = data.decode("utf-8")
    lines = text.split("\n")
    keys = sorted(key.line for key, _ in raw.front.entries.values())
    start = raw.front.entries[veld][0].line
    close = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r") == "---") + 1  # the closing fence, 1-based
    end = next((line for line in keys if line > start), close)  # the next field's line, or the fence
    while end - 1 > start and (not lines[end - 2].strip() or lines[end - 2].lstrip().startswith("#")):
        end -= 1  # blank and comment lines before the next field belong to it
    if lines[start - 1][:1].isspace():
        return None  # not a top-level key at the start of its line: leave it to the editor
    value = lines_of(waarde) if how == "list" else one_line(waarde)
    new = f"{veld}: {yaml_value(value)}"
    return "\n".join([*lines[:start - 1], new, *lines[end - 1:]]).encode("utf-8")

