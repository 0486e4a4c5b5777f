"""Dates the Dutch way, today for the check, and the catalogue's newest date for what is built.

Only ``gids check`` looks at today (``today``). What is built never does: it is dated by
SOURCE_DATE_EPOCH when set, else by the records themselves (``newest_date``), so the same records
give the same bytes.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, date, datetime

from .model import Praktijk

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
TODAY_ENV = "GIDS_VANDAAG"  # YYYY-MM-DD: lets tests (and an editor planning ahead) choose today
FIRST_EDITION = date(2016, 1, 1)  # the printed guide's year: the date of a catalogue without records
CHECKED = ("laatst_gecontroleerd",)
CHECKED_OR_ADDED = ("laatst_gecontroleerd", "in_catalogus_sinds")


def datum(d: date) -> str:
    """A date the Dutch way: '23 november 2026'."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def today() -> date:
    """Today, or the date in GIDS_VANDAAG. Raises ValueError with a Dutch message when that is no date."""
    value = os.environ.get(TODAY_ENV, "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{TODAY_ENV}='{value}' is geen datum (verwacht JJJJ-MM-DD, bv. 2026-11-23)") from None


def newest_date(records: Iterable[Praktijk], fields: tuple[str, ...] = CHECKED_OR_ADDED) -> date | None:
    """The newest of the records' dates in ``fields`` (when a record was last checked, added), None without records."""
    return max((getattr(r, name) for r in records for name in fields), default=None)


def source_date() -> datetime | None:
    """SOURCE_DATE_EPOCH as a moment in UTC, when set: the date a reproducible build gives what it makes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), tz=UTC) if epoch.isdigit() else None


def check_today() -> date:
    """The day `gids check` counts from (GIDS_VANDAAG in tests); the CLI refuses a malformed one earlier."""
    try:
        return today()
    except ValueError:
        return date.today()
