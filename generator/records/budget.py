"""The budget of ``limits`` enforced: sizes counted with linear scans, before anything else reads the text.

Python-Markdown, the search index and the PDF slow down faster than their input grows on hostile
text (unclosed '[', thousands of headings, deep nesting), so the counting here never parses: it
counts characters and looks at the start of each line. A text over budget is reported once per
kind, at the line where the limit is passed, and nothing after this reads it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .docs_text import page_text
from .errors import RecordError, display_path
from .limits import (
    LIJSTEN,
    TEKST_ANDERS,
    TEKSTEN,
    VERHAAL_DIEPTE,
    VERHAAL_HAKEN,
    VERHAAL_KOPPEN,
    VERHAAL_REGELS,
    VERHAAL_TABELCELLEN,
    VERHAAL_TABELREGELS,
    VERHAAL_TEKENS,
)
from .loader import Mapping, Node, Scalar, Sequence

# Each pattern reads only the start of a line and cannot backtrack: every repetition starts with a
# character the one before cannot take.
HEADING = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|(?:=+|-+)[ \t]*$)")
NESTING = re.compile(r"[ \t]*((?:>[ \t]*|[-*+][ \t]+|\d{1,9}[.)][ \t]+)*)")
MARKER = re.compile(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # '- - -' is a line across, not three lists


def getal(n: int) -> str:
    """A number as Dutch writes it: 312.000."""
    return f"{n:,}".replace(",", ".")


class _Wat:
    """How messages name the text: a practice's story, or a page of docs/."""

    def __init__(self, pagina: bool):
        self.naam = "de pagina" if pagina else "het verhaal"
        self.splits = "splits ze in twee pagina's" if pagina else "splits de praktijk in twee"


def text_errors(path: str, text: str, first_line: int, veld: str = "verhaal", pagina: bool = False) -> list[RecordError]:
    """Every way a story (or a docs page: ``pagina``) is over budget; empty when it is within."""
    wat = _Wat(pagina)
    errors: list[RecordError] = []

    def err(line: int, column: int, message: str) -> None:
        errors.append(RecordError(path, first_line + line, column, veld, message))

    size, lead = len(text.strip("\n")), len(text) - len(text.lstrip("\n"))  # the blank lines around it are no text
    if size > VERHAAL_TEKENS:
        line, column = _position(text, lead + VERHAAL_TEKENS)
        err(line, column, f"{wat.naam} is {getal(size)} tekens lang; de grens is {getal(VERHAAL_TEKENS)}: "
                          f"kort het in of {wat.splits}")
    brackets = text.count("[")
    if brackets > VERHAAL_HAKEN:
        line, column = _position(text, _nth(text, "[", VERHAAL_HAKEN + 1))
        err(line, column, f"{wat.naam} bevat {getal(brackets)} keer '[' (elke link en afbeelding telt mee); de grens is "
                          f"{getal(VERHAAL_HAKEN)}: haal links weg of schrijf haken als ( )")
    lines = text.strip("\n").count("\n") + 1
    if lines > VERHAAL_REGELS:
        line, column = _position(text, _nth(text, "\n", lead + VERHAAL_REGELS) + 1)
        err(line, column, f"{wat.naam} telt {getal(lines)} regels; de grens is {getal(VERHAAL_REGELS)}: voeg korte regels "
                          f"samen of {wat.splits}")
    koppen = regels = cellen = 0
    eerste: dict[str, tuple[int, int]] = {}
    diepste = (0, 0)
    for index, row in enumerate(_lines(text)):
        if HEADING.match(row):
            koppen += 1
            if koppen == VERHAAL_KOPPEN + 1:
                eerste["koppen"] = (index, 1)
        if "|" in row:
            regels += 1
            cellen += row.count("|")
            if regels == VERHAAL_TABELREGELS + 1:
                eerste["regels"] = (index, 1)
            if cellen > VERHAAL_TABELCELLEN and "cellen" not in eerste:
                eerste["cellen"] = (index, 1)
        depth = _depth(row)
        if depth > diepste[0]:
            diepste = (depth, index)
    if "koppen" in eerste:
        err(*eerste["koppen"], f"{wat.naam} heeft {getal(koppen)} koppen; de grens is {getal(VERHAAL_KOPPEN)}: "
                               f"voeg delen samen of {wat.splits}")
    if "regels" in eerste:
        err(*eerste["regels"], f"{wat.naam} heeft {getal(regels)} tabelregels (regels met '|'); de grens is "
                               f"{getal(VERHAAL_TABELREGELS)}: kort de tabel in of {wat.splits}")
    if "cellen" in eerste:
        err(*eerste["cellen"], f"{wat.naam} heeft {getal(cellen)} tabelcellen (tekens '|'); de grens is "
                               f"{getal(VERHAAL_TABELCELLEN)}: kort de tabel in of {wat.splits}")
    if diepste[0] > VERHAAL_DIEPTE:
        err(diepste[1], 1, f"deze regel nest {getal(diepste[0])} niveaus diep (citaten '>' en lijsten samen); de grens "
                           f"is {VERHAAL_DIEPTE}: maak de opbouw vlakker")
    return sorted(errors)


def _lines(text: str) -> Iterator[str]:
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def _depth(line: str) -> int:
    """How many quote and list levels a line opens: its '>' and list markers, and every 4 columns of indent."""
    if not line or RULE.match(line):
        return 0
    match = NESTING.match(line)
    if match is None:  # the pattern matches any line (everything in it is optional); for the type checker
        return 0
    indent = len(line[:match.start(1)].expandtabs(4)) // 4
    return indent + len(MARKER.findall(match.group(1)))


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
    return at


def _position(text: str, offset: int) -> tuple[int, int]:
    """0-based line and 1-based column of an offset."""
    return text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1) + 1


def front_errors(path: str, front: Mapping) -> tuple[list[RecordError], set[int]]:
    """Lists and texts of the front matter over budget, and the ids of their nodes (the validator skips those).

    Walked with a stack, not recursion: YAML may nest as deep as the file is long.
    """
    errors: list[RecordError] = []
    over: set[int] = set()
    stack: list[tuple[Node, str, str]] = [(value, key, key) for key, (_, value) in reversed(front.entries.items())]
    while stack:
        node, fld, name = stack.pop()
        if isinstance(node, Mapping):
            stack.extend((value, f"{fld}.{key}", key) for key, (_, value) in reversed(node.entries.items()))
        elif isinstance(node, Sequence):
            lijst = LIJSTEN.get(name)
            if lijst is not None and len(node.items) > lijst.grens:
                errors.append(RecordError(path, node.line, node.column, fld,
                                          f"de lijst heeft {getal(len(node.items))} items; de grens is "
                                          f"{getal(lijst.grens)}: {lijst.advies}"))
                over.add(id(node))
            else:
                stack.extend((item, f"{fld}[{i}]", name) for i, item in reversed(list(enumerate(node.items))))
        elif isinstance(node, Scalar):
            grens = TEKSTEN.get(name, TEKST_ANDERS)
            length = len(node.text.strip())
            if length > grens:
                errors.append(RecordError(path, node.line, node.column, fld, f"is {getal(length)} tekens lang "
                                          f"(verwacht hoogstens {getal(grens)}): kort de tekst in"))
                over.add(id(node))
    return errors, over


def docs_errors(docs_dir: Path) -> list[RecordError]:
    """The pages of docs/ over budget (MkDocs and the PDF render every one of them)."""
    errors: list[RecordError] = []
    if not docs_dir.is_dir():
        return errors
    for file in sorted(docs_dir.rglob("*.md")):
        if file.is_symlink() or not file.is_file():  # a link is refused by symlinks.py, never read
            continue
        if file.stat().st_size > 4 * VERHAAL_TEKENS + 4096:  # not even read: 4 bytes a character at most
            errors.append(RecordError(display_path(file), 1, 1, "", f"de pagina is {getal(file.stat().st_size)} bytes "
                                      f"groot; de grens is {getal(VERHAAL_TEKENS)} tekens: kort ze in of splits ze in "
                                      "twee pagina's"))
            continue
        try:
            text, first = page_text(file)
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs says so itself, in its own words
        errors += text_errors(display_path(file), text, first, veld="", pagina=True)
    return errors
