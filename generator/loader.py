"""Read a record file: bytes -> front matter as positioned YAML nodes + the story.

The loader is deliberately strict and never raises: every problem becomes a
RecordError with a line and column, so an editor sees all of them at once.

YAML is read as text only: no implicit typing (``periode: 2016`` stays the text
"2016", ``NO`` stays "NO", ``010`` stays "010"); the validator decides what each
field means. Anchors, aliases and tags are refused, duplicate keys are reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import RecordError

MAX_BYTES = 256 * 1024
BOM = b"\xef\xbb\xbf"
FENCE = re.compile(r"^---[ \t]*$")
EMPTY_PLAIN = {"", "~", "null", "Null", "NULL"}


@dataclass
class Node:
    line: int
    column: int


@dataclass
class Scalar(Node):
    text: str
    plain: bool = True

    @property
    def is_empty(self) -> bool:
        return self.text.strip() == "" or (self.plain and self.text in EMPTY_PLAIN)


@dataclass
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass
class Mapping(Node):
    # key -> (key node, value node); insertion order is the file's order
    entries: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)


@dataclass
class RawRecord:
    """A record split into its parts, with positions, before validation."""

    path: str
    front: Mapping | None
    story: str
    story_line: int  # first line of the story in the file (1-based)
    end_line: int  # last line of the file


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that resolves every plain scalar to text."""


_TextLoader.yaml_implicit_resolvers = {}

_YAML_MESSAGES = {
    "mapping values are not allowed here": "een ':' staat op een plaats waar YAML hem niet verwacht; zet tekst met ': ' tussen aanhalingstekens",
    "could not find expected ':'": "een ':' ontbreekt na de sleutel",
    "found character '\\t' that cannot start any token": "tabs zijn niet toegestaan; gebruik spaties om in te springen",
    "expected <block end>, but found '-'": "een lijstitem '-' staat niet op de juiste inspringing",
    "expected <block end>, but found '<block mapping start>'": "de inspringing klopt niet",
    "expected <block end>, but found '<scalar>'": "de inspringing klopt niet",
    "found unexpected end of stream": "het bestand eindigt midden in een waarde (een aanhalingsteken of haakje niet gesloten?)",
    "found undefined alias": "een alias (*naam) is niet toegestaan",
    "found unexpected ':'": "een ':' staat op een onverwachte plaats; zet de tekst tussen aanhalingstekens",
    "found character '@' that cannot start any token": "een waarde mag niet met '@' beginnen; zet ze tussen aanhalingstekens",
    "found character '`' that cannot start any token": "een waarde mag niet met '`' beginnen; zet ze tussen aanhalingstekens",
    "expected ',' or ']', but got '<stream end>'": "een lijst tussen [ ] is niet gesloten",
    "expected ',' or '}', but got '<stream end>'": "een mapping tussen { } is niet gesloten",
    "expected ',' or ']', but got '<scalar>'": "een lijst tussen [ ] is niet goed gesloten",
    "found unknown escape character": "onbekende escape-code tussen dubbele aanhalingstekens (gebruik enkele aanhalingstekens of \\\\)",
    "expected alphabetic or numeric character, but found": "ongeldige anchor- of aliasnaam",
}


def read_record(path: str, data: bytes) -> tuple[RawRecord | None, list[RecordError]]:
    """Split and parse one record file. Returns (None, errors) when nothing usable remains."""
    errors: list[RecordError] = []

    def err(line: int, column: int, message: str, fld: str = "") -> None:
        errors.append(RecordError(path, line, column, fld, message))

    if len(data) > MAX_BYTES:
        err(1, 1, f"bestand is {len(data)} bytes groot (verwacht hoogstens {MAX_BYTES}); is dit wel een praktijk?")
        return None, errors
    if data.startswith(BOM):
        err(1, 1, "bestand begint met een BOM (byte order mark); sla het op als UTF-8 zonder BOM")
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        err(line, col, f"bestand is geen geldige UTF-8 (byte 0x{data[exc.start]:02x}); sla het op als UTF-8")
        return None, errors
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        err(line, 1, "bestand bevat een NUL-teken; is dit wel een tekstbestand?")
        return None, errors

    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0].rstrip("\r")):
        err(1, 1, "front matter ontbreekt: het bestand moet beginnen met een regel '---', dan de velden, dan weer '---'")
        return None, errors
    close = next((i for i in range(1, len(lines)) if FENCE.match(lines[i].rstrip("\r"))), None)
    if close is None:
        err(len(lines), 1, "front matter is niet afgesloten: voeg na het laatste veld een regel '---' toe")
        return None, errors

    yaml_text = "\n".join(lines[1:close])
    front = _parse_front(path, yaml_text, errors)
    story = "\n".join(lines[close + 1 :])
    return RawRecord(path, front, story, close + 2, len(lines)), errors


def _parse_front(path: str, yaml_text: str, errors: list[RecordError]) -> Mapping | None:
    """Compose the front matter; line numbers are shifted by 1 for the opening fence."""
    offset = 1

    def err(mark, message: str, fld: str = "") -> None:
        errors.append(RecordError(path, mark.line + 1 + offset, mark.column + 1, fld, message))

    try:
        for event in yaml.parse(yaml_text, Loader=_TextLoader):
            if isinstance(event, yaml.AliasEvent):
                err(event.start_mark, f"alias '*{event.anchor}' is niet toegestaan; schrijf de waarde voluit")
            elif getattr(event, "anchor", None):
                err(event.start_mark, f"anchor '&{event.anchor}' is niet toegestaan; schrijf de waarde voluit")
            if getattr(event, "tag", None) not in (None, "!"):
                err(event.start_mark, f"YAML-tag '{event.tag}' is niet toegestaan; schrijf gewone tekst")
        node = yaml.compose(yaml_text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "").strip()
        message = next((nl for en, nl in _YAML_MESSAGES.items() if problem.startswith(en)), None)
        message = message or f"YAML kan deze regel niet lezen ({problem})"
        if mark is None:
            errors.append(RecordError(path, 1 + offset, 1, "", f"YAML-syntaxfout: {message}"))
        else:
            err(mark, f"YAML-syntaxfout: {message}")
        return None
    except yaml.YAMLError as exc:  # e.g. reader errors on control characters
        errors.append(RecordError(path, 1 + offset, 1, "", f"YAML-syntaxfout: {exc}"))
        return None

    if node is None:
        errors.append(RecordError(path, 1 + offset, 1, "", "front matter is leeg: vul de velden in tussen de twee regels '---'"))
        return None
    converted = _convert(node, offset, path, errors, "")
    if not isinstance(converted, Mapping):
        errors.append(RecordError(path, node.start_mark.line + 1 + offset, 1, "", "front matter moet uit velden 'naam: waarde' bestaan"))
        return None
    return converted


def _convert(node: yaml.Node, offset: int, path: str, errors: list[RecordError], where: str) -> Node:
    line, column = node.start_mark.line + 1 + offset, node.start_mark.column + 1
    if isinstance(node, yaml.ScalarNode):
        return Scalar(line, column, node.value, plain=node.style is None)
    if isinstance(node, yaml.SequenceNode):
        return Sequence(line, column, [_convert(n, offset, path, errors, f"{where}[{i}]") for i, n in enumerate(node.value)])
    mapping = Mapping(line, column)
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            errors.append(RecordError(path, key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1, where,
                                      "een sleutel moet een gewoon woord zijn"))
            continue
        key = Scalar(key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1, key_node.value)
        name = f"{where}.{key.text}" if where else key.text
        if key.text in mapping.entries:
            first = mapping.entries[key.text][0]
            errors.append(RecordError(path, key.line, key.column, name,
                                      f"veld staat twee keer in de front matter (eerst op regel {first.line}); houd er één"))
            continue
        mapping.entries[key.text] = (key, _convert(value_node, offset, path, errors, name))
    return mapping
