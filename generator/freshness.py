"""Fiches that nobody walked through for too long: a warning from ``gids check``, never an error.

Only the check looks at today's date. The site and the PDF never do, so that the same
records always build the same pages and the same bytes.
"""
from __future__ import annotations

import calendar
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .errors import RecordError
from .loader import read_record
from .model import Praktijk

DEFAULT_MONTHS = 24
TODAY_ENV = "GIDS_VANDAAG"  # YYYY-MM-DD: lets tests (and an editor planning ahead) choose today
FIELD = "laatst_gecontroleerd"


def today() -> date:
    """Today, or the date in GIDS_VANDAAG. Raises ValueError with a Dutch message when that is no date."""
    value = os.environ.get(TODAY_ENV, "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{TODAY_ENV}='{value}' is geen datum (verwacht JJJJ-MM-DD, bv. 2026-11-23)") from None


def stale_warnings(records: Iterable[Praktijk], today: date, months: int = DEFAULT_MONTHS) -> list[RecordError]:
    """A warning for every record last checked more than ``months`` months before ``today``."""
    warnings = []
    for record in records:
        checked = record.laatst_gecontroleerd
        if today <= add_months(checked, months):
            continue
        line, column = _position(record.path)
        warnings.append(RecordError(
            record.path, line, column, FIELD,
            f"de fiche is {age(months_between(checked, today))} niet nagekeken (laatst op {checked.isoformat()}; "
            f"de grens is {months} maanden): overloop de fiche met de contactpersoon en zet daarna de datum "
            f"van die controle in {FIELD}",
            severity="waarschuwing"))
    return warnings


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


def _position(path: str) -> tuple[int, int]:
    """Line and column of the date in the file, read again: only stale records pay for it."""
    try:
        raw, _ = read_record(path, Path(path).read_bytes())
    except OSError:
        return 1, 1
    if raw is None or raw.front is None or FIELD not in raw.front.entries:
        return 1, 1
    value = raw.front.entries[FIELD][1]
    return value.line, value.column
