"""Say in Dutch what a YAML syntax error means, at the line the editor must fix, naming the field it is in.

PyYAML and libyaml report errors in English and often one line after the cause ("could not find
expected ':'" points at the line after the one without ':'). ``explain`` looks at the lines around
the reported position to recognise the everyday mistakes: a list item or a key indented too far or
not far enough, a tab, a quote that ends before the value does, a missing space after ':'.
Anything else gets the closest translated message, and always its position and field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# A top-level key line: `titel: ...`; the field a line belongs to is the nearest one above it.
TOP_KEY = re.compile(r"^([^\s#'\"\-?:][^:#]*?)\s*:(?:\s|$)")
# Any key, possibly a list item's first key: `  - naam: An`, `    email: x`.
KEY = re.compile(r"^(\s*)((?:-\s+)?)([^\s#'\"\-?:{}\[\]][^:#]*?)\s*:(?:\s|$)")
# A key without the space YAML needs after ':' (`titel:Gent`).
NO_SPACE = re.compile(r"^(\s*)([^\s#'\"\-?:{}\[\]][^:#\s]*):(?=[^\s:])")
QUOTES = {"'": ("een enkel aanhalingsteken", "schrijf een ' in tekst tussen '...' dubbel ('baby''s'), of zet de hele "
                                              "waarde tussen dubbele aanhalingstekens"),
          '"': ("een dubbel aanhalingsteken", "schrijf een \" in tekst tussen \"...\" als \\\", of zet de hele waarde "
                                              "tussen enkele aanhalingstekens")}
CLOSERS = {"]": "[", "}": "{"}

# PyYAML's and libyaml's messages (matched as fragments) -> what an editor can act on.
AFTER_BLOCK_INDICATOR = "na '|' of '>' mag niets meer staan op de regel; begin de tekst op de volgende regel, ingesprongen"
INDENTED_START = "de eerste regel springt in, of er staat een regel '...' of '%...'; laat de velden tegen de rand beginnen"
MESSAGES = {
    "mapping values are not allowed": "een ':' staat op een plaats waar YAML hem niet verwacht; zet tekst met ': ' "
                                      "tussen aanhalingstekens",
    "could not find expected ':'": "een ':' ontbreekt na de sleutel",
    "tab": "tabs zijn niet toegestaan; gebruik spaties om in te springen",
    "did not find expected key": "de inspringing klopt niet (of een waarde loopt door op een regel die niet genoeg inspringt)",
    "expected <block end>": "de inspringing klopt niet",
    "block sequence entries are not allowed": "een lijstitem '-' staat op een plaats waar het niet mag; controleer de "
                                              "inspringing",
    "did not find expected '-' indicator": "een lijstitem '-' staat niet op de juiste inspringing",
    "found unexpected end of stream": "het bestand eindigt midden in een waarde (een aanhalingsteken of haakje niet gesloten?)",
    "did not find expected ',' or ']'": "een lijst tussen [ ] is niet goed gesloten",
    "expected ',' or ']'": "een lijst tussen [ ] is niet goed gesloten",
    "did not find expected ',' or '}'": "een mapping tussen { } is niet goed gesloten",
    "expected ',' or '}'": "een mapping tussen { } is niet goed gesloten",
    "found undefined alias": "een alias (*naam) is niet toegestaan",
    "found undefined tag handle": "een YAML-tag (!...) is niet toegestaan",
    "found unknown escape character": "onbekende escape-code tussen dubbele aanhalingstekens (gebruik enkele "
                                      "aanhalingstekens of \\\\)",
    "did not find expected alphabetic or numeric character": "ongeldige anchor- of aliasnaam",
    "expected alphabetic or numeric character": "ongeldige anchor- of aliasnaam",
    "cannot start any token": "een waarde mag niet met dit teken beginnen (@, ` of %); zet ze tussen aanhalingstekens",
    "did not find expected node content": "hier ontbreekt een waarde, of een teken staat op een onverwachte plaats",
    "expected the node content": "hier ontbreekt een waarde, of een teken staat op een onverwachte plaats",
    "control characters are not allowed": "het bestand bevat een onzichtbaar stuurteken; verwijder het",
    "special characters are not allowed": "het bestand bevat een onzichtbaar stuurteken; verwijder het",
    "found duplicate anchor": "anchors zijn niet toegestaan",
    "did not find expected comment or line break": AFTER_BLOCK_INDICATOR,
    "expected a comment or a line break": AFTER_BLOCK_INDICATOR,
    "expected <document start>": INDENTED_START,
    "expected '<document start>'": INDENTED_START,
    "expected <document end>": "een regel '...' of een regel die met '%' begint hoort niet in de front matter; verwijder ze",
    "found incompatible YAML document": "een regel die met '%' begint hoort niet in de front matter; verwijder ze",
}
FALLBACK = "YAML kan deze regel niet lezen; controleer de inspringing, de ':' na elke veldnaam en de aanhalingstekens"


@dataclass(frozen=True)
class Explained:
    line: int  # 0-based, in the YAML text
    column: int  # 0-based
    field: str  # the top-level field the line is in, or ""
    message: str  # Dutch, without the "YAML-syntaxfout: " prefix
    meant: tuple[str, ...] = ()  # top-level keys the broken lines were meant to be (not "missing" as well)


def opened(exc: yaml.MarkedYAMLError) -> bool:
    """An unclosed quote or bracket is found at the end of the text; its cause is where it was opened."""
    unclosed = ("quoted scalar", "flow sequence", "flow mapping")
    return exc.context_mark is not None and any(w in (exc.context or "") for w in unclosed)


def spaces(n: int) -> str:
    return "één spatie" if n == 1 else f"{n} spaties"


def top_field(lines: list[str], index: int) -> str:
    """The top-level key whose value holds line `index`: the nearest key line at or above it."""
    for i in range(min(index, len(lines) - 1), -1, -1):
        if match := TOP_KEY.match(lines[i]):
            return match.group(1).strip()
    return ""


def explain(exc: yaml.MarkedYAMLError, lines: list[str], base: int) -> Explained:
    """`base` is the file's line number of the YAML text's first line (messages name other lines)."""
    if opened(exc) and (mark := exc.context_mark) is not None:
        what = "een aanhalingsteken" if "quoted" in (exc.context or "") else "een haakje [ of {"
        return _at(lines, mark.line, mark.column, f"hier opent {what} dat nergens (goed) gesloten wordt")
    mark = exc.problem_mark or exc.context_mark
    if mark is None or not lines:
        return Explained(0, 0, "", FALLBACK)
    lines = [text.rstrip("\r") for text in lines]
    problem = (exc.problem or exc.context or "").strip()
    line, column = min(mark.line, len(lines) - 1), mark.column
    text = lines[line] if 0 <= line < len(lines) else ""
    leading = text[: len(text) - len(text.lstrip(" \t"))]
    if text[column : column + 1] == "\t" or "\t" in leading:
        tab = column if text[column : column + 1] == "\t" else leading.index("\t")
        return _at(lines, line, tab, "tabs zijn niet toegestaan; gebruik spaties om in te springen")
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        at = min(exc.context_mark.line, len(lines) - 1)
        return _no_space(lines, at, 0, problem, base) or _no_colon(lines, at)
    if text[column : column + 1] == "-" and "flow" in (exc.context or ""):
        return _at(lines, line, column, "in een lijst tussen [ ] begint een item niet met '-': schrijf [a, b], of zet "
                                        "elk item zonder haakjes op een eigen regel '- ...'")
    for explain_line in (_dash, _deeper_key, _no_space, _closed_early, _indented_start):
        found = explain_line(lines, line, column, problem, base)
        if found:
            return found
    message = next((nl for en, nl in MESSAGES.items() if en in problem), FALLBACK)
    return _at(lines, line, column, message)


def _at(lines: list[str], line: int, column: int, message: str, fld: str | None = None,
        meant: tuple[str, ...] = ()) -> Explained:
    return Explained(line, column, top_field(lines, line) if fld is None else fld, message, meant)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_item(text: str) -> bool:
    stripped = text.lstrip(" ")
    return stripped == "-" or stripped.startswith(("- ", "-\t"))


def _dash(lines: list[str], line: int, column: int, problem: str, base: int) -> Explained | None:
    """A list item whose '-' is not under the previous item's: YAML cannot place it (or folds it, then trips)."""
    if not _is_item(lines[line]) or TOP_KEY.match(lines[line]):
        return None
    mine = _indent(lines[line])
    for i in range(line - 1, -1, -1):
        if TOP_KEY.match(lines[i]):
            return None
        if _is_item(lines[i]):
            theirs = _indent(lines[i])
            if theirs == mine:
                return None
            side = "rechts" if mine > theirs else "links"
            return _at(lines, line, mine, f"dit lijstitem staat {spaces(abs(mine - theirs))} te ver naar {side}: zet "
                                          f"het streepje onder dat van het vorige item (regel {base + i})")
    return None


def _deeper_key(lines: list[str], line: int, column: int, problem: str, base: int) -> Explained | None:
    """`titel: X` then `   thema: y`: the deeper line is read as more text of `titel`, where ': ' is not allowed."""
    if "mapping values" not in problem:
        return None
    match = KEY.match(lines[line])
    if not match or match.group(2) or lines[line].find(":") != column:
        return None
    mine = len(match.group(1))
    for i in range(line - 1, -1, -1):
        above = KEY.match(lines[i])
        if not lines[i].strip() or lines[i].lstrip().startswith("#"):
            continue
        if above and len(above.group(1)) + len(above.group(2)) < mine:
            theirs = len(above.group(1)) + len(above.group(2))
            key, parent = match.group(3), above.group(3)
            return _at(lines, line, mine, f"'{key}' springt {spaces(mine - theirs)} verder in dan '{parent}' (regel "
                                          f"{base + i}), dus leest YAML deze regel als vervolg van de waarde van "
                                          f"'{parent}'; zet '{key}:' recht onder '{parent}:'",
                       meant=(key,) if theirs == 0 else ())
        if _indent(lines[i]) < mine:
            return None
    return None


def _no_space(lines: list[str], line: int, column: int, problem: str, base: int) -> Explained | None:
    """`titel:Gent` is not a key: YAML reads it as text and trips over the next line's ':'."""
    if "mapping values" not in problem and "could not find expected ':'" not in problem:
        return None
    for i in (line, line - 1):
        match = NO_SPACE.match(lines[i]) if i >= 0 else None
        if match and ": " not in lines[i]:
            key, top = match.group(2), not match.group(1)
            return _at(lines, i, match.end(), f"na '{key}:' ontbreekt een spatie; schrijf '{key}: ...'",
                       key if top else None, (key,) if top else ())
    return None


def _closed_early(lines: list[str], line: int, column: int, problem: str, base: int) -> Explained | None:
    """`titel: 'baby's eerste jaar'`: the quote (or bracket) closes the value, then the line goes on."""
    text = lines[line]
    if column < 1 or column > len(text) or not ("did not find expected key" in problem or "but found '<scalar>'" in problem):
        return None
    before = text[:column].rstrip(" ")
    close = before[-1:] if before else ""
    start = key.end() if (key := KEY.match(text)) else _indent(text) + (2 if _is_item(text) else 0)
    value = text[start:].lstrip(" ")
    if close in QUOTES and value.startswith(close):
        what, remedy = QUOTES[close]
        return _at(lines, line, len(before) - 1, f"hier sluit {what} de waarde af, maar de regel gaat nog verder; {remedy}")
    if close in CLOSERS and value.startswith(CLOSERS[close]):
        return _at(lines, line, start + (len(text[start:]) - len(value)),
                   f"een waarde die met '{CLOSERS[close]}' begint, leest YAML als lijst of velden, maar de regel gaat na "
                   f"'{close}' nog verder; zet de hele waarde tussen aanhalingstekens")
    return None


def _no_colon(lines: list[str], line: int) -> Explained:
    """A line without ':' at a key's indentation: a new field without ':' or more text not indented enough."""
    message = "op deze regel ontbreekt de ':' na de veldnaam"
    fld = top_field(lines, line)
    if fld and not _indent(lines[line]):
        message += f"; of hoort ze bij de tekst van '{fld}' erboven, laat ze dan inspringen"
    return _at(lines, line, _indent(lines[line]), message, fld)


def _indented_start(lines: list[str], line: int, column: int, problem: str, base: int) -> Explained | None:
    """The first field indented: YAML then expects the whole front matter at that depth."""
    if "document start" not in problem:
        return None
    first = next((i for i, text in enumerate(lines) if text.strip() and not text.lstrip().startswith("#")), None)
    if first is None or not _indent(lines[first]):
        return None
    return _at(lines, first, 0, "de eerste regel springt in; laat de velden tegen de linkerrand beginnen", "")
