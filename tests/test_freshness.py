"""Freshness: which fiches are too long unchecked, how old they are, and where the warning goes."""
from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.catalog import load_catalog
from generator.freshness import add_months, age, months_between, stale_warnings, today

from .conftest import FIXTURE_PROJECT

AALST = "praktijken/aalst-netoverschrijdende-taalstimuleringsprojecten.md"
CHECKED = date(2026, 11, 23)  # laatst_gecontroleerd of every fixture record


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2024, 11, 23), 24, date(2026, 11, 23)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),  # no 31 February: the last day of the month
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2025, 12, 15), 1, date(2026, 1, 15)),  # over the year
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("earlier", "later", "expected"), [
    (date(2024, 11, 23), date(2026, 11, 23), 24),
    (date(2024, 11, 23), date(2026, 11, 22), 23),
    (date(2026, 1, 31), date(2026, 2, 28), 1),
    (date(2026, 11, 23), date(2026, 11, 23), 0),
])
def test_months_between(earlier, later, expected):
    assert months_between(earlier, later) == expected


@pytest.mark.parametrize(("months", "text"), [
    (1, "1 maand"), (7, "7 maanden"), (12, "1 jaar"), (25, "2 jaar en 1 maand"), (40, "3 jaar en 4 maanden")])
def test_age(months, text):
    assert age(months) == text


def test_today_comes_from_gids_vandaag(monkeypatch):
    monkeypatch.setenv("GIDS_VANDAAG", "2031-05-04")
    assert today() == date(2031, 5, 4)
    monkeypatch.setenv("GIDS_VANDAAG", "2031-5-4")
    with pytest.raises(ValueError, match="GIDS_VANDAAG='2031-5-4' is geen datum"):
        today()
    monkeypatch.delenv("GIDS_VANDAAG")
    assert today() == date.today()


def test_only_records_older_than_the_limit_warn_on_the_line_of_the_date(monkeypatch):
    monkeypatch.chdir(FIXTURE_PROJECT)  # record paths are relative to the project, as in `gids check`
    records = load_catalog(Path("praktijken")).records
    aged = [dataclasses.replace(r, laatst_gecontroleerd=date(2023, 3, 1)) if r.path == AALST else r for r in records]
    warnings = stale_warnings(aged, date(2026, 11, 23), 24)
    line = (FIXTURE_PROJECT / AALST).read_text(encoding="utf-8").splitlines().index("laatst_gecontroleerd: 2026-11-23") + 1
    assert [(w.path, w.line, w.column, w.field, w.severity) for w in warnings] == [
        (AALST, line, 23, "laatst_gecontroleerd", "waarschuwing")]
    assert warnings[0].message.startswith("de fiche is 3 jaar en 8 maanden niet nagekeken (laatst op 2023-03-01; "
                                          "de grens is 24 maanden): overloop de fiche met de contactpersoon")
    assert stale_warnings(aged, date(2026, 11, 23), 48) == []


def test_a_catalog_checked_on_one_day_has_no_stale_fiche_until_the_limit():
    records = load_catalog(FIXTURE_PROJECT / "praktijken").records
    assert stale_warnings(records, CHECKED) == []
    assert stale_warnings(records, add_months(CHECKED, 24)) == []
    assert len(stale_warnings(records, add_months(CHECKED, 24) + timedelta(days=1))) == len(records)
