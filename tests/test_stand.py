"""When the facts were true, and every derived state told with that date: the model's Peil and Stand, stand.py's words."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from generator.records.model import Bron, Peil, stand_of
from generator.records.stand import gegevens, looptijd, looptijd_volledig
from generator.records.validation import validate_record

FIXTURES = Path(__file__).parent / "fixtures"
WEB_SOURCE = FIXTURES / "stand" / "dendermonde-plan-samenleven.md"
GUIDE_SOURCE = FIXTURES / "geldig" / "gent-buurtgericht-onthaal.md"


def load(path: Path, *replacements: tuple[str, str]):
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    record, errors = validate_record(f"tests/fixtures/{path.parent.name}/{path.name}", text.encode())
    assert errors == [], [str(e) for e in errors]
    return record


def test_a_year_counts_as_its_last_day_and_compares_by_year():
    assert Peil.van_jaar(2016) == Peil(date(2016, 12, 31), True)
    assert Peil.van_jaar(2016).sleutel == "2016" and Peil.van_dag(date(2023, 5, 12)).sleutel == "2023-05"
    assert str(Peil.van_jaar(2016)) == "2016" and str(Peil.van_dag(date(2023, 5, 12))) == "2023-05-12"


def test_the_facts_date_is_the_confirmation_else_the_source_date_else_its_year():
    bron = Bron("Gids", 2016)
    assert stand_of(bron, None).peil == Peil.van_jaar(2016) and not stand_of(bron, None).bevestigd
    dated = Bron("Bericht", 2023, datum=date(2023, 5, 12))
    assert stand_of(dated, None).peil == Peil.van_dag(date(2023, 5, 12))
    confirmed = stand_of(dated, date(2025, 3, 1))
    assert confirmed.peil == Peil.van_dag(date(2025, 3, 1)) and confirmed.bevestigd


def test_a_guide_record_is_said_to_run_in_the_year_of_its_source_not_today():
    record = load(GUIDE_SOURCE)  # "sinds 2015", source 2016
    assert record.afgeleid.lopend is True
    assert looptijd(record) == "liep in 2016"
    assert gegevens(record) == "gegevens uit de bron van 2016 (Testbron)"
    assert "zegt de catalogus niet" in looptijd_volledig(record)


def test_a_period_that_ended_before_the_source_is_said_to_have_ended_then():
    record = load(GUIDE_SOURCE, ("periode: sinds 2015", "periode: januari 2012 tot maart 2014"))
    assert record.afgeleid.lopend is False
    assert looptijd(record) == "was in 2016 al afgelopen"


def test_a_period_ending_in_the_source_year_ran_in_that_year():
    record = load(GUIDE_SOURCE, ("periode: sinds 2015", "periode: januari 2014 tot maart 2016"))
    assert record.afgeleid.lopend is True  # it ran in 2016, until March


def test_a_start_after_the_facts_date_is_not_yet_running():
    record = load(GUIDE_SOURCE, ("periode: sinds 2015", "periode: start in 2018"))
    assert record.afgeleid.lopend is None
    assert "nog niet begonnen" in record.afgeleid.grond("lopend")


def test_a_dated_web_source_gives_day_precision_and_a_confirmation_moves_it():
    record = load(WEB_SOURCE)
    assert record.bron == Bron("Samen aan de slag met Plan Samenleven", 2023, None,
                               "https://www.example.org/nieuws/plan-samenleven", "Stad Dendermonde", date(2023, 5, 12))
    assert record.afgeleid.start == "2023" and record.afgeleid.lopend is True
    assert looptijd(record) == "liep op 12 mei 2023"
    assert gegevens(record) == ("gegevens uit de bron van 12 mei 2023 "
                                "(Samen aan de slag met Plan Samenleven, Stad Dendermonde)")
    confirmed = load(WEB_SOURCE, ("laatst_gecontroleerd:", "bevestigd: 2025-02-03\nlaatst_gecontroleerd:"))
    assert confirmed.stand.peil == Peil.van_dag(date(2025, 2, 3))
    assert gegevens(confirmed) == "gegevens bevestigd door de praktijk op 3 februari 2025"


def test_a_contact_with_only_a_name_and_role_is_valid():
    record = load(WEB_SOURCE)
    (contact,) = record.fiches[0].contact
    assert (contact.naam, contact.functie, contact.email, contact.telefoon) == (
        "Testpersoon Samenleven", "coördinator Plan Samenleven", None, None)


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ("  datum: 2023-05-12\n", "", "bron.jaar", "verplicht veld ontbreekt: het jaar van de bron"),
    ("  datum: 2023-05-12\n", "  datum: 2023-05-12\n  jaar: 2022\n", "bron.jaar", "2022 is niet het jaar van bron.datum"),
    ("  datum: 2023-05-12\n", "  datum: 12/05/2023\n", "bron.datum", "ongeldige datum"),
    ("laatst_gecontroleerd:", "bevestigd: 2999-01-01\nlaatst_gecontroleerd:", "bevestigd", "ligt in de toekomst"),
    ("laatst_gecontroleerd:", "bedrag_basis: per week\nlaatst_gecontroleerd:", "bedrag_basis", "onbekende basis"),
    ("    functie: coördinator Plan Samenleven\n", "", None, None),  # a name alone is still honest
    ("  - naam: Testpersoon Samenleven\n    functie: coördinator Plan Samenleven\n", "  - {}\n", "contact[0]",
     "geen manier om iemand te bereiken en geen naam"),
])
def test_what_the_dates_and_the_source_must_hold(old, new, field, message):
    text = WEB_SOURCE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    _, errors = validate_record("x/dendermonde-plan-samenleven.md", text.replace(old, new).encode())
    if field is None:
        assert errors == []
    else:
        assert [(e.field, message in e.message) for e in errors] == [(field, True)], [str(e) for e in errors]


def test_the_record_holds_no_claim_about_today():
    """The same record gives the same facts whatever the day: nothing derived reads the clock."""
    record = load(GUIDE_SOURCE)
    assert dataclasses.replace(record, laatst_gecontroleerd=date(2036, 1, 1)).stand == record.stand
