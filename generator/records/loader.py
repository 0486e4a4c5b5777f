"""Read a record file: bytes -> front matter as positioned YAML nodes + the story.

The loader is deliberately strict and never raises: every problem becomes a
RecordError with a line and column, so an editor sees all of them at once.

YAML is read as text only: no implicit typing (``periode: 2016`` stays the text
"2016", ``NO`` stays "NO", ``010`` stays "010"); the validator decides what each
field means. Anchors, aliases and tags are refused, duplicate keys are reported.
A syntax error is explained in Dutch by ``yaml_errors``; valid YAML that folded a list item into the
text above it is caught by ``folds`` (YAML itself never complains about that).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

import yaml

from .errors import RecordError
from .folds import folded_items, item_message, value_message
from .limits import BESTAND_BYTES as MAX_BYTES
from .yaml_errors import TOP_KEY, explain, opened, top_field

BOM = b"\xef\xbb\xbf"


class _Mark(Protocol):
    """Where PyYAML or libyaml saw something (0-based)."""

    line: int
    column: int

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
    flow: bool = False  # [a, b] rather than lines starting with '- '


@dataclass
class Mapping(Node):
    # key -> (key node, value node); insertion order is the file's order
    entries: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)
    flow: bool = False  # {a: b} rather than lines 'a: b'


# The containers open while the parser's events are read, each with its pending key (a mapping) or nothing (a list).
Stack = list[tuple[Sequence | Mapping, list[Scalar | None]]]


@dataclass
class RawRecord:
    """A record split into its parts, with positions, before validation."""

    path: str
    front: Mapping | None
    story: str
    story_line: int  # first line of the story in the file (1-based)
    end_line: int  # last line of the file
    skipped: set[str] = field(default_factory=set)  # top-level keys set aside after a YAML syntax error


@dataclass
class Parsed:
    """A YAML text as nodes: the root (None when empty or unreadable), and what a syntax error set aside."""

    root: Node | None
    skipped: set[str]  # top-level keys whose lines were blanked after a syntax error
    readable: bool  # False when YAML gave up: the syntax errors say why, "empty" would be wrong


# libyaml when available: ~10x faster
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextLoader(_BaseLoader):  # type: ignore[valid-type,misc]  # a base chosen at import time
    """Safe loader that resolves every plain scalar to text."""


_TextLoader.yaml_implicit_resolvers = {}

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
        at = text.index("\x00")
        line, column = text[:at].count("\n") + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        err(line, column, "bestand bevat een NUL-teken; is dit wel een tekstbestand?")
        return None, errors

    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0].rstrip("\r")):
        err(1, 1, "front matter ontbreekt: het bestand moet beginnen met een regel '---', dan de velden, dan weer '---'")
        return None, errors
    close = next((i for i in range(1, len(lines)) if FENCE.match(lines[i].rstrip("\r"))), None)
    if close is None:
        err(1, 1, "front matter is niet afgesloten: deze regel '---' opent ze, maar na het laatste veld volgt geen regel '---'")
        return None, errors

    yaml_text = "\n".join(lines[1:close])
    front, skipped = _parse_front(path, yaml_text, errors)
    story = "\n".join(lines[close + 1 :])
    return RawRecord(path, front, story, close + 2, len(lines), skipped), errors


def _parse_front(path: str, yaml_text: str, errors: list[RecordError]) -> tuple[Mapping | None, set[str]]:
    """Parse the front matter into nodes; line numbers are shifted by 1 for the opening fence.

    Also returns the top-level keys whose lines were set aside after a syntax error.
    """
    offset = 1
    parsed = parse_yaml(path, yaml_text, offset, errors)
    root, skipped = parsed.root, parsed.skipped
    if root is None:
        if parsed.readable and not skipped:
            errors.append(RecordError(path, 1 + offset, 1, "",
                                      "front matter is leeg: vul de velden in tussen de twee regels '---'"))
        return None, skipped
    if not isinstance(root, Mapping):
        errors.append(RecordError(path, root.line, 1, "", "front matter moet uit velden 'naam: waarde' bestaan"))
        return None, skipped
    return root, skipped


def parse_yaml(path: str, yaml_text: str, offset: int, errors: list[RecordError],
               document: str = "de front matter") -> Parsed:
    """A YAML text as positioned nodes, every problem in ``errors`` (lines shifted by ``offset``).

    Shared by the records' front matter and boek.yml: text only, no anchors, aliases or tags,
    duplicate keys reported. ``document`` names the text in messages ("de front matter", "boek.yml").
    """
    def err(mark: _Mark | None, message: str, fld: str = "") -> None:
        line, column = (mark.line, mark.column) if mark else (0, 0)  # the parser marks every event; the stubs allow None
        errors.append(RecordError(path, line + 1 + offset, column + 1, fld, message))

    events, skipped = _events_with_recovery(path, yaml_text, offset, errors, document)
    if events is None:
        return Parsed(None, skipped, readable=False)

    for event in events:
        if isinstance(event, yaml.AliasEvent):
            err(event.start_mark, f"alias '*{event.anchor}' is niet toegestaan; schrijf de waarde voluit")
        elif getattr(event, "anchor", None):
            err(event.start_mark, f"anchor '&{event.anchor}' is niet toegestaan; schrijf de waarde voluit")
        if getattr(event, "tag", None) not in (None, "!"):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            err(event.start_mark, f"YAML-tag '{tag}' is niet toegestaan; schrijf gewone tekst")

    return Parsed(_tree(events, offset, path, errors, yaml_text.split("\n"), document), skipped, readable=True)


MAX_RECOVERIES = 25


def _events_with_recovery(path: str, yaml_text: str, offset: int, errors: list[RecordError],
                          document: str) -> tuple[list | None, set[str]]:
    """Parse events; after a syntax error, report it, blank the top-level field it sits in, and try again.

    This way one broken line does not hide the problems in the other fields.
    Blanked lines keep their place, so later line numbers stay right.
    """
    lines = yaml_text.split("\n")
    skipped: set[str] = set()
    # Document markers and directives end or reconfigure YAML: report them once and set them aside.
    for i, line in enumerate(lines):
        if line.startswith(("...", "%")):
            errors.append(RecordError(path, i + 1 + offset, 1, "", "YAML-syntaxfout: een regel '...' of een regel die met "
                                                                    f"'%' begint hoort niet in {document}; verwijder ze"))
            lines[i] = ""
    for _ in range(MAX_RECOVERIES):
        try:
            return list(yaml.parse("\n".join(lines), Loader=_TextLoader)), skipped
        except yaml.MarkedYAMLError as exc:
            said = explain(exc, lines, 1 + offset)
            errors.append(RecordError(path, said.line + 1 + offset, said.column + 1, said.field,
                                      f"YAML-syntaxfout: {said.message}"))
            if opened(exc):
                marks = [m.line for m in (exc.context_mark,) if m is not None]
            else:
                marks = [m.line for m in (exc.context_mark, exc.problem_mark) if m is not None] + [said.line]
            if not marks or not _blank_fields(lines, min(marks), max(marks), skipped):
                return None, skipped
            skipped.update(said.meant)
        except yaml.reader.ReaderError as exc:  # a control character: no mark, only a position
            text = "\n".join(lines)
            at = min(exc.position, len(text))
            index, column = text[:at].count("\n"), at - (text.rfind("\n", 0, at) + 1) + 1
            code = exc.character if isinstance(exc.character, int) else ord(exc.character)
            errors.append(RecordError(path, index + 1 + offset, column, top_field(lines, index),
                                      f"het bestand bevat een onzichtbaar stuurteken (U+{code:04X}); verwijder het"))
            return None, skipped
        except yaml.YAMLError:
            errors.append(RecordError(path, 1 + offset, 1, "", f"YAML-syntaxfout: {document} kan niet gelezen worden"))
            return None, skipped
        if len(errors) >= 2 and errors[-1] == errors[-2]:  # recovery made no progress
            errors.pop()
            return None, skipped
    return None, skipped


def _blank_fields(lines: list[str], first: int, last: int, skipped: set[str]) -> bool:
    """Blank the top-level field holding line `first` (0-based), and the one holding `last` if the error runs on.

    Returns False when nothing is left to blank.
    """
    def next_key(after: int) -> int:
        return next((i for i in range(after + 1, len(lines)) if TOP_KEY.match(lines[i])), len(lines))

    last = min(last, len(lines) - 1)
    start = next((i for i in range(min(first, last), -1, -1) if TOP_KEY.match(lines[i])), 0)
    end = next_key(first)
    if last >= end and not TOP_KEY.match(lines[last]):  # found at a key line: caused by the field before it
        end = next_key(last)
    if not any(lines[start:end]):
        return False
    for i in range(start, end):
        if match := TOP_KEY.match(lines[i]):
            skipped.add(match.group(1).strip())
        lines[i] = ""
    return True


def _tree(events: list[yaml.Event], offset: int, path: str, errors: list[RecordError], lines: list[str],
          document: str) -> Node | None:
    """Build positioned nodes straight from the parser's events, one pass, no implicit typing.

    A plain value that YAML folded over a line starting with '-' is reported here, where its field is known.
    """
    stack: Stack = []
    root: Node | None = None

    def place(node: Node) -> None:
        nonlocal root
        if not stack:
            root = root or node
            return
        parent, state = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
        elif not state:  # a key
            if not isinstance(node, Scalar):
                errors.append(RecordError(path, node.line, node.column, "", "een sleutel moet een gewoon woord zijn"))
                state.append(None)
            else:
                state.append(node)
        else:
            key = state.pop()
            if key is None:
                return
            if key.text in parent.entries:
                first = parent.entries[key.text][0]
                errors.append(RecordError(path, key.line, key.column, _path(stack, key.text),
                                          f"veld staat twee keer in {document} (eerst op regel {first.line}); houd er één"))
                return
            parent.entries[key.text] = (key, node)

    for event in events:
        mark = event.start_mark
        line, column = (mark.line + 1 + offset, mark.column + 1) if mark else (1 + offset, 1)
        if isinstance(event, yaml.ScalarEvent):
            if not event.style and mark and event.end_mark and event.end_mark.line > mark.line:  # libyaml: '', PyYAML: None
                _report_folds(stack, lines, event, offset, path, errors)
            place(Scalar(line, column, event.value, plain=not event.style))
        elif isinstance(event, yaml.AliasEvent):
            place(Scalar(line, column, f"*{event.anchor}"))  # already reported; keep one error per problem
        elif isinstance(event, yaml.SequenceStartEvent):
            stack.append((Sequence(line, column, flow=bool(event.flow_style)), []))
        elif isinstance(event, yaml.MappingStartEvent):
            stack.append((Mapping(line, column, flow=bool(event.flow_style)), []))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            node, _ = stack.pop()
            place(node)
    return root


def _report_folds(stack: Stack, lines: list[str], event: yaml.ScalarEvent, offset: int, path: str,
                  errors: list[RecordError]) -> None:
    """A multi-line plain value as a block list item or a block mapping value: did YAML fold a '- ' line into it?"""
    if not stack or stack[-1][0].flow:
        return
    parent, state = stack[-1]
    key = state[-1].text if isinstance(parent, Mapping) and state and state[-1] is not None else None
    if isinstance(parent, Mapping) and key is None:  # a key, not a value
        return
    where = _where(stack)
    if event.start_mark is None or event.end_mark is None:
        return
    for fold in folded_items(lines, event.start_mark.line, event.end_mark.line):
        message = value_message(key, event.value) if key is not None else item_message(fold, parent.column - 1, event.value)
        errors.append(RecordError(path, fold.line + 1 + offset, fold.column + 1, where, message))


def _path(stack: Stack, key: str) -> str:
    """The editor's field path of a key at the current depth (e.g. contact[0].email)."""
    return (_where(stack[:-1]) + f".{key}").lstrip(".")


def _where(stack: Stack) -> str:
    """The editor's field path of the next node placed on this stack (e.g. partners[1], contact[0].email)."""
    parts = []
    for node, state in stack:
        if isinstance(node, Mapping):
            parts.append(f".{state[-1].text}" if state and state[-1] is not None else "")
        else:
            parts.append(f"[{len(node.items)}]")
    return "".join(parts).lstrip(".")
