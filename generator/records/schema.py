"""The JSON Schema of a record's front matter, for editors: completion, Dutch help, and marks while typing.

It is built from the same field rules the validator uses (``fields.py``) and the closed lists
(``vocab``), so the two cannot drift apart; ``tests/test_schema.py`` holds them to the same verdict.

Editors' tools (yaml-language-server in VS Code and others) read YAML 1.2 with its core schema:
``jaar: 2016`` arrives as a number, ``lopend: true`` as a boolean, while ``2026-11-23`` and ``NO``
stay strings. The generator reads every value as text. So wherever the validator accepts a text
that YAML 1.2 turns into a number or a boolean, the schema accepts that number or boolean too.

What a schema cannot see stays with ``gids check``: the slug against the file name, start before
end, a check date in the future, YAML anchors, tags and duplicate keys, and the story below the
front matter. Surrounding spaces inside quotes, which the validator strips, are not stripped here.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import RecordError, display_path
from .fields import (
    BRON_FIELDS,
    CONTACT_FIELDS,
    CONTACT_MEANS,
    CONTACT_WHO,
    FALSE_WORDS,
    FICHE_FIELDS,
    PATTERNS,
    PROJECT_FIELDS,
    RECORD_FIELDS,
    SUMMARY_MAX,
    TRUE_WORDS,
    FieldRule,
    label,
)
from .limits import LIJSTEN, TEKST_ANDERS, TEKSTEN
from .model import ONBEKEND
from .vocab import Term, Vocab

SCHEMA_FILE = "schema/praktijk.schema.json"  # in the repository, next to praktijken/
SITE_FILE = "open-data/praktijk.schema.json"  # in the built site
# The site has no public address yet (no site_url); a URN names the schema without inventing a domain.
SCHEMA_ID = "urn:van-opvang-naar-samenleven:schema:praktijk"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

ONBEKEND_HINT = f"Schrijf `{ONBEKEND}` als de bron het niet vermeldt."
TEKST = {"$ref": "#/$defs/tekst"}


def record_schema(vocab: Vocab) -> dict:
    """The schema of a record's front matter (Draft 2020-12)."""
    required = [name for name, rule in RECORD_FIELDS.items() if rule.required and name not in FICHE_FIELDS]
    fiche_required = [name for name in FICHE_FIELDS if RECORD_FIELDS[name].required]
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "Praktijk uit 'Van opvang naar samenleven'",
        "description": "De velden bovenaan een praktijk (praktijken/<slug>.md): de fiche en de facetten. "
                       "`gids check` kijkt daarnaast na wat een schema niet ziet, zoals het verhaal.",
        "type": "object",
        "properties": {name: _field(name, rule, vocab) for name, rule in RECORD_FIELDS.items()},
        "required": required,
        "additionalProperties": False,
        "allOf": [
            {   # one fiche above, or one per project: never both
                "if": {"required": ["projecten"]},
                "then": {"properties": {name: False for name in FICHE_FIELDS}},
                "else": {"required": fiche_required},
            },
            {   # a practice for a whole province or region names no municipality
                "if": {"required": ["gemeenten"], "properties": {"gemeenten": {"type": "array", "maxItems": 0}}},
                "then": {"required": ["provincies"], "properties": {"provincies": {"type": "array", "minItems": 1}}},
            },
        ],
        "$defs": {
            "tekst": {
                "description": "Tekst. YAML 1.2 leest 2016 als getal en true als waar/onwaar; de generator leest alles "
                               "als tekst.",
                "type": ["string", "number", "boolean"],
                "pattern": r"\S",
            },
            "contact": _object("Contact", "Een contactpersoon of -dienst: een manier om ze te bereiken ("
                               + ", ".join(CONTACT_MEANS) + "), of een naam of functie als de bron niet meer geeft.",
                               {name: _contact_field(name, rule, vocab) for name, rule in CONTACT_FIELDS.items()}, [],
                               anyOf=[{"required": [key]} for key in (*CONTACT_MEANS, *CONTACT_WHO)]),
            "bron": _object("Bron", RECORD_FIELDS["bron"].uitleg,
                            {name: _field(name, rule, vocab) for name, rule in BRON_FIELDS.items()},
                            [name for name, rule in BRON_FIELDS.items() if rule.required],
                            anyOf=[{"required": ["jaar"]}, {"required": ["datum"]}]),
            "project": _object("Deelproject", "Een deelproject met een eigen fiche.",
                               {name: _field(name, rule, vocab) for name, rule in PROJECT_FIELDS.items()},
                               [name for name, rule in PROJECT_FIELDS.items() if rule.required]),
        },
    }


def schema_json(vocab: Vocab) -> str:
    """The schema as deterministic text: the same vocab gives the same bytes."""
    return json.dumps(record_schema(vocab), ensure_ascii=False, indent=2) + "\n"


def _object(title: str, description: str, properties: dict, required: list[str], **extra: Any) -> dict:
    return {"title": title, "description": description, "type": "object", "properties": properties,
            "required": required, "additionalProperties": False, **extra}


def _field(name: str, rule: FieldRule, vocab: Vocab) -> dict:
    """One field: its Dutch help, then what it may hold."""
    help_text = rule.uitleg[0].upper() + rule.uitleg[1:] + "."
    if rule.onbekend_allowed:
        help_text += " " + ONBEKEND_HINT
    if rule.voorbeeld:
        help_text += f" Bijvoorbeeld: `{name}: {rule.voorbeeld}`"
    schema = {"title": label(name), "description": help_text.replace("`", "'"), "markdownDescription": help_text}
    terms = _terms(rule, vocab)
    if terms and len(terms) <= 60:  # the list itself, with labels, in the hover; not the 600 municipalities
        schema["markdownDescription"] += "\n\n" + "\n".join(f"- `{t.id}`: {t.label}" for t in terms)
    schema.update(_limited(name, _value(name, rule, vocab, terms)))
    return schema


def _limited(name: str, value: dict) -> dict:
    """``value`` with the budget of ``name`` (limits.py): the most items of a list, the most characters of a text,
    so that an editor's YAML extension flags what gids check would refuse."""
    lijst, tekens = LIJSTEN.get(name), TEKSTEN.get(name, TEKST_ANDERS)

    def walk(node: Any) -> Any:  # JSON: lists, dicts and values
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: walk(item) for key, item in node.items()}
        types = node.get("type") if isinstance(node.get("type"), list) else [node.get("type")]
        if "array" in types and lijst:
            node.setdefault("maxItems", lijst.grens)
        if "string" in types or node.get("$ref") == TEKST["$ref"]:
            node.setdefault("maxLength", tekens)
        return node

    limited: dict = walk(value)
    return limited


def _terms(rule: FieldRule, vocab: Vocab) -> list[Term]:
    return list(getattr(vocab, rule.vocab).values()) if rule.vocab else []


def _value(name: str, rule: FieldRule, vocab: Vocab, terms: list[Term]) -> dict:
    """What a field of this kind may hold, as YAML 1.2 delivers it."""
    kind = rule.kind
    if name == "slug":
        return {"type": "string", "pattern": PATTERNS["slug"]}
    if kind in ("text", "summary"):
        return {**TEKST, "maxLength": SUMMARY_MAX} if kind == "summary" else dict(TEKST)
    if kind == "texts":
        items = {"type": "array", "minItems": 1, "items": TEKST}
        return {"anyOf": [{"const": ONBEKEND}, items]} if rule.onbekend_allowed else items
    if kind == "text_or_texts":
        single = {**TEKST, "not": _other_case_onbekend()} if rule.onbekend_allowed else TEKST
        return {"anyOf": [single, {"type": "array", "minItems": 1, "items": TEKST}]}
    if kind == "id":
        return {"enum": [t.id for t in terms], "markdownEnumDescriptions": [t.label for t in terms]}
    if kind == "ids":
        ids = {"type": "array" if rule.required else ["array", "null"], "uniqueItems": True,
               "items": {"enum": [t.id for t in terms], "markdownEnumDescriptions": [t.label for t in terms]}}
        return {**ids, "minItems": 1} if rule.required else ids
    if kind == "gemeenten":
        return {"type": "array", "uniqueItems": True, "items": {"enum": sorted(vocab.gemeenten)}}
    if kind == "date":
        return {"type": "string", "pattern": PATTERNS["date"], "format": "date"}
    if kind in ("int", "year"):
        low, high = rule.bereik or (0, 0)  # tests/test_fields.py: every int and year has its range
        return {"type": ["integer", "string"], "minimum": low, "maximum": high, "pattern": _range_pattern(low, high)}
    if kind == "month":  # 2015 arrives as a number, 2015-09 as a string
        return {"type": ["integer", "string"], "minimum": 1000, "maximum": 9999, "pattern": PATTERNS["month"]}
    if kind == "bool":  # true and false arrive as booleans, ja and nee as strings
        return {"type": ["boolean", "string"], "pattern": _any_case(TRUE_WORDS + FALSE_WORDS)}
    if kind == "decimal":
        return {"type": ["number", "string"], "minimum": 0, "pattern": PATTERNS["decimal"]}
    if kind in ("url", "email", "website"):
        return {"type": "string", "pattern": PATTERNS[kind]}
    if kind == "phone":  # 0491529734 without spaces arrives as a number (and loses its 0): quote it to keep it
        return {"type": ["string", "integer"], "pattern": PATTERNS["phone"]}
    if kind == "basis":
        return {"type": "string", "pattern": PATTERNS["basis"]}
    if kind == "contacts":
        contacts = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/contact"}}
        return {"anyOf": [{"const": ONBEKEND}, contacts]} if rule.onbekend_allowed else contacts
    if kind in ("bron", "projecten"):
        ref = {"$ref": f"#/$defs/{'bron' if kind == 'bron' else 'project'}"}
        return ref if kind == "bron" else {"type": "array", "minItems": 1, "items": ref}
    raise ValueError(f"geen schema voor het soort veld '{kind}' ({name})")


def _contact_field(name: str, rule: FieldRule, vocab: Vocab) -> dict:
    """A contact's field: shorter help than a record's (no example), then what it may hold."""
    return {"title": label(name), "description": rule.uitleg[0].upper() + rule.uitleg[1:] + ".", **_value(name, rule, vocab, [])}


def _other_case_onbekend() -> dict:
    """'Onbekend' or 'ONBEKEND': the validator asks for lower case."""
    return {"type": "string", "pattern": f"^(?!{ONBEKEND}$){_any_case((ONBEKEND,))[1:]}"}


def _any_case(words: tuple[str, ...]) -> str:
    """A pattern matching the words in any case, without the (?i) flag that ECMA-262 lacks."""
    letters = ["".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word) for word in words]
    return f"^(?:{'|'.join(letters)})$"


def _range_pattern(low: int, high: int) -> str:
    """A pattern for the decimal texts of low..high, leading zeros allowed as the validator's int() allows them.

    1900..2100 gives ``^0*(?:19[0-9]{2}|20[0-9]{2}|2100)$``.
    """
    blocks = []
    for digits in range(len(str(low)), len(str(high)) + 1):
        start, end = max(low, 10 ** (digits - 1) if digits > 1 else 0), min(high, 10**digits - 1)
        while start <= end:
            free = 0  # trailing digits that may be anything
            while start % 10 ** (free + 1) == 0 and start + 10 ** (free + 1) - 1 <= end:
                free += 1
            step, fixed = 10**free, str(start)[: digits - free]
            count = 1  # widen the last fixed digit into a class as far as the range allows
            while fixed and int(fixed[-1]) + count <= 9 and start + (count + 1) * step - 1 <= end:
                count += 1
            head = fixed[:-1] + (f"[{fixed[-1]}-{int(fixed[-1]) + count - 1}]" if count > 1 else fixed[-1:])
            blocks.append(head + ("" if free == 0 else "[0-9]" if free == 1 else f"[0-9]{{{free}}}"))
            start += count * step
    return f"^0*(?:{'|'.join(blocks)})$"


def stale_schema(project: Path, vocab: Vocab) -> list[RecordError]:
    """An error when the project's committed schema no longer follows the closed lists (an editor added a value
    to vocab.yml): the editor's hints in VS Code would miss it. None when the project keeps no schema file."""
    path = project / SCHEMA_FILE
    try:
        committed = path.read_text(encoding="utf-8")
    except OSError:
        return []
    if committed == schema_json(vocab):
        return []
    return [RecordError(display_path(path), 1, 1, "schema",
                        f"volgt generator/data/vocab.yml niet meer (een waarde toegevoegd of weggehaald?): voer "
                        f"'gids schema -o {SCHEMA_FILE}' uit en neem het bestand mee in je commit")]
