"""Freshness: which fiches are too long unchecked, how old they are, and where the warning goes."""
from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.records.catalog import load_catalog
from generator.records.dates import today
from generator.records.freshness import add_months, age, months_between, stale_warnings

from .conftest import FIXTURE_PROJECT

AALST = "praktijken/aalst-netoverschrijdende-taalstimuleringsprojecten.md"


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


def fixture_records(monkeypatch) -> list:
    monkeypatch.chdir(FIXTURE_PROJECT)  # record paths are relative to the project, as in `gids check`
    return load_catalog(Path("praktijken")).records


def line_of(path: str, text: str) -> int:
    return (FIXTURE_PROJECT / path).read_text(encoding="utf-8").splitlines().index(text) + 1


def test_a_fiche_from_a_year_is_old_from_that_years_last_day_and_warns_at_bron_jaar(monkeypatch):
    aalst = next(r for r in fixture_records(monkeypatch) if r.path == AALST)
    assert (aalst.bron.jaar, aalst.bron.datum, aalst.bevestigd) == (2016, None, None)
    assert stale_warnings([aalst], date(2018, 12, 31), 24) == []
    warnings = stale_warnings([aalst], date(2019, 1, 1), 24)
    assert [(w.path, w.line, w.field, w.severity) for w in warnings] == [
        (AALST, line_of(AALST, "  jaar: 2016"), "bron.jaar", "waarschuwing")]
    assert warnings[0].message.startswith("de gegevens van deze fiche dateren van 2016, het jaar van de bron: "
                                          "minstens 2 jaar geleden (de grens is 24 maanden)")
    assert "'bevestigd'" in warnings[0].message


def test_a_confirmation_restarts_the_clock_and_the_warning_points_at_it(monkeypatch):
    aalst = next(r for r in fixture_records(monkeypatch) if r.path == AALST)
    confirmed = dataclasses.replace(aalst, bevestigd=date(2025, 3, 1))
    assert stale_warnings([confirmed], date(2027, 3, 1), 24) == []
    [warning] = stale_warnings([confirmed], date(2030, 11, 2), 24)
    assert warning.field == "bevestigd"
    assert warning.message.startswith("de gegevens van deze fiche dateren van 2025-03-01, toen de praktijk ze "
                                      "bevestigde: 5 jaar en 8 maanden geleden")


def test_a_dated_source_counts_from_its_day(monkeypatch):
    aalst = next(r for r in fixture_records(monkeypatch) if r.path == AALST)
    news = dataclasses.replace(aalst, bron=dataclasses.replace(aalst.bron, datum=date(2023, 5, 4)))
    assert stale_warnings([news], date(2024, 5, 4), 12) == []
    [warning] = stale_warnings([news], date(2024, 5, 5), 12)
    assert warning.field == "bron.datum" and "2023-05-04, de datum van de bron" in warning.message


def test_when_an_editor_compared_the_record_with_its_source_does_not_count(monkeypatch):
    aalst = next(r for r in fixture_records(monkeypatch) if r.path == AALST)
    recent = dataclasses.replace(aalst, laatst_gecontroleerd=date(2030, 1, 1))
    assert len(stale_warnings([recent], date(2030, 1, 2), 24)) == 1


def test_a_catalog_warns_per_record_only_after_the_limit(monkeypatch):
    records = fixture_records(monkeypatch)
    newest = max(r.stand.peil.laatste_dag for r in records)
    oldest = min(r.stand.peil.laatste_dag for r in records)
    assert stale_warnings(records, add_months(oldest, 24)) == []
    assert len(stale_warnings(records, add_months(newest, 24) + timedelta(days=1))) == len(records)
