"""The problems of a check, written for an editor (tekst), for GitHub Actions (github) or for a program (json).

One list of RecordError in, one text out; the exit code follows from ``is_ok``.
Errors (ernst 'fout') always fail the check; warnings ('waarschuwing') only with ``strict``.
"""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..shared.safe_output import json_escaped, shown
from .errors import RecordError, Severity

FORMATS = ("tekst", "github", "json")
WAARSCHUWING: Severity = "waarschuwing"


def count(problems: Sequence[RecordError]) -> tuple[int, int]:
    """(errors, warnings)."""
    warnings = sum(1 for p in problems if p.severity == WAARSCHUWING)
    return len(problems) - warnings, warnings


def is_ok(problems: Sequence[RecordError], strict: bool = False) -> bool:
    fouten, waarschuwingen = count(problems)
    return fouten == 0 and not (strict and waarschuwingen)


def render(problems: Sequence[RecordError], fmt: str, strict: bool = False) -> str:
    """What goes to stdout: one line per problem (tekst, github) or one JSON document."""
    if fmt == "tekst":
        return "".join(f"{p}\n" for p in problems)
    if fmt == "github":
        return "".join(f"{github_command(p)}\n" for p in problems)
    if fmt == "json":
        return json_document(problems, strict) + "\n"
    raise ValueError(f"onbekend formaat '{fmt}' (verwacht een van: {', '.join(FORMATS)})")


# --- GitHub Actions ------------------------------------------------------------------------------


def github_command(problem: RecordError) -> str:
    """A workflow command that GitHub shows as an annotation on the line, in the pull request's diff.

    ``::error file=praktijken/x.md,line=12,col=3,title=partners[1]::is leeg (verwacht tekst)``
    """
    command = "warning" if problem.severity == WAARSCHUWING else "error"
    properties = {"file": problem.path, "line": str(problem.line), "col": str(problem.column)}
    if problem.field:
        properties["title"] = problem.field
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{command} {listed}::{escape_data(problem.message)}"


def escape_data(text: str) -> str:
    """The message after '::': a newline would end the command, a '%' would start an escape; other control
    characters are shown as escapes (safe_output), as everywhere gids prints."""
    return shown(text).replace("%", "%25").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: also ':' (ends the properties) and ',' (separates them)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


# --- JSON ----------------------------------------------------------------------------------------------


def json_document(problems: Sequence[RecordError], strict: bool = False) -> str:
    """A stable document: fixed key order, problems in file/line/column order, UTF-8 text as is."""
    fouten, waarschuwingen = count(problems)
    document = {
        "ok": is_ok(problems, strict),
        "fouten": fouten,
        "waarschuwingen": waarschuwingen,
        "problemen": [
            {"bestand": p.path, "regel": p.line, "kolom": p.column, "veld": p.field, "melding": p.message, "ernst": p.severity}
            for p in sorted(problems)
        ],
    }
    # JSON leaves DEL, C1 and the bidi controls raw; escaped, the document means the same and shows nothing raw
    return json_escaped(json.dumps(document, ensure_ascii=False, indent=2))


# --- the human summary -----------------------------------------------------------------------------------


def summary(problems: Sequence[RecordError], files: int, seconds: float, strict: bool = False) -> str:
    """One or two lines for stderr, e.g. '38 praktijken nagekeken in 0.12 s: geen fouten, 2 waarschuwing(en).'"""
    fouten, waarschuwingen = count(problems)
    if fouten:
        failing = len({p.path for p in problems if p.severity != WAARSCHUWING})
        line = f"{fouten} fout(en) in {failing} van {files} bestanden"
    else:
        line = f"{files} praktijken nagekeken in {seconds:.2f} s: geen fouten"
    if waarschuwingen:
        line += f", {waarschuwingen} waarschuwing(en)"
    line += "."
    if strict and waarschuwingen:
        line += "\nMet --strict tellen waarschuwingen als fouten: de controle is niet geslaagd."
    return line
