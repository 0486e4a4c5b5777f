"""Fiches whose facts are old: a warning from ``gids check``, never an error.

Only the check looks at today's date. The site and the PDF never do, so that the same
records always build the same pages and the same bytes.
"""
from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .errors import RecordError
from .loader import read_record
from .model import Praktijk

DEFAULT_MONTHS = 24
BEVESTIGD = "bevestigd"


def stale_warnings(records: Iterable[Praktijk], today: date, months: int = DEFAULT_MONTHS) -> list[RecordError]:
    """A warning for every record whose facts date from more than ``months`` months before ``today``.

    The facts' date is the day the practice confirmed them (``bevestigd``), else the source's date
    or year (a year counts as its last day, so a fiche is never called older than it can be).
    When an editor last compared the record with its source (``laatst_gecontroleerd``) says
    nothing about whether the facts still hold, so it does not count here.
    """
    warnings = []
    for record in records:
        stand = record.stand
        if today <= add_months(stand.peil.laatste_dag, months):
            continue
        field, what = _ground(record)
        line, column = _position(record.path, field)
        # a year counts from its last day: "at least" that long ago
        at_least = "minstens " if stand.peil.jaar_alleen else ""
        warnings.append(RecordError(
            record.path, line, column, field,
            f"de gegevens van deze fiche dateren van {what}: {at_least}{age(months_between(stand.peil.laatste_dag, today))} "
            "geleden "
            f"(de grens is {months} maanden). Vraag de praktijk of ze nog kloppen, werk de fiche bij en zet de datum "
            f"van die bevestiging in '{BEVESTIGD}'",
            severity="waarschuwing"))
    return warnings


def _ground(record: Praktijk) -> tuple[str, str]:
    """The field the facts' date comes from, and that date in words."""
    if record.bevestigd:
        return BEVESTIGD, f"{record.bevestigd.isoformat()}, toen de praktijk ze bevestigde"
    if record.bron.datum:
        return "bron.datum", f"{record.bron.datum.isoformat()}, de datum van de bron"
    return "bron.jaar", f"{record.bron.jaar}, het jaar van de bron"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months if add_months(earlier, months) <= later else months - 1


def age(months: int) -> str:
    """'7 maanden', '1 jaar', '2 jaar en 1 maand'."""
    years, rest = divmod(months, 12)
    parts = [f"{years} jaar"] if years else []
    if rest or not years:
        parts.append(f"{rest} maand" if rest == 1 else f"{rest} maanden")
    return " en ".join(parts)


def _position(path: str, field: str) -> tuple[int, int]:
    """Line and column of the field's value in the file (``bron.jaar``: inside bron), read again: only
    stale records pay for it. Falls back to the enclosing mapping, then to the top of the file."""
    try:
        raw, _ = read_record(path, Path(path).read_bytes())
    except OSError:
        return 1, 1
    if raw is None or raw.front is None:
        return 1, 1
    node = raw.front
    for key in field.split("."):
        entries = getattr(node, "entries", None)
        if not entries or key not in entries:
            break
        node = entries[key][1]
    return node.line, node.column
