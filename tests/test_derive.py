"""The facts derived from the fiche texts: the parser on tables of texts this file owns.

PERIODES and BUDGETS are parser fixtures: texts as editors write them (most taken from the
frozen fixture project, tests/fixtures/project/), each with the facts a careful human reading
gives. A new text in the real catalogue needs no entry here: `gids check -v` shows the editor
what was derived, and a wrong reading is overridden in the record. Where the parser cannot
reasonably read a text, the fixture record sets the fact itself (an override key) and the text
is listed in OVERRIDDEN: its expectation is then checked against that record, not the parser.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

import pytest
import yaml

from generator.records.catalog import load_catalog
from generator.records.derive import (
    derive,
    judge_lopend,
    parse_basis,
    parse_bedrag,
    parse_periode,
    parse_vte,
    read_bedrag,
    read_vte,
)
from generator.records.model import Afgeleid, Fiche, Peil
from generator.records.validation import validate_record

from .conftest import FIXTURE_PRAKTIJKEN as PRAKTIJKEN

PEIL = Peil.van_jaar(2016)  # the facts' date of the fixture records: the guide of 2016
NO_OVERRIDES = Afgeleid()
OVERRIDE_KEYS = ("start", "einde", "lopend", "bedrag_eur", "bedrag_basis", "vte")

# periode text -> (start, einde, lopend at PEIL: did it run in 2016?)
PERIODES: dict[str, tuple[str | None, str | None, bool | None]] = {
    "start 2004": ("2004", None, True),
    "start 2006": ("2006", None, True),
    "start 2008": ("2008", None, True),
    "start 2013": ("2013", None, True),
    "start in 2000": ("2000", None, True),
    "Start april 2015": ("2015-04", None, True),
    "Gestart op 1 december 2015.": ("2015-12", None, True),
    "sinds september 2015": ("2015-09", None, True),
    "Sedert september 2015": ("2015-09", None, True),
    # "begin jaren '90": the decade's first year is the closest year the text allows.
    "sinds begin jaren '90": ("1990", None, True),
    # "sinds" says it still runs, but the LOI's opening year is not given.
    "sinds opstart LOI": (None, None, True),
    # The fiche says the practice runs; no start is given.
    "Lopende": (None, None, True),
    # Two locations, each "sinds": the practice started with the first one and no end is named.
    "De locaties Linkeroever en Luchtbal sinds 2014 – Kiel en Deurne sinds april 2016": ("2014", None, True),
    "1 december 2015 – 30 november 2018": ("2015-12", "2018-11", True),
    "juli 2015 – juli 2017": ("2015-07", "2017-07", True),
    # Ended in March 2016: it still ran in the year of the facts (a year is compared as a year).
    "januari 2014 tot maart 2016": ("2014-01", "2016-03", True),
    "Van midden september 2015 tot midden oktober 2016": ("2015-09", "2016-10", True),
    "2016 - 2018": ("2016", "2018", True),
    # The action plan was written from September 2015; its execution runs "2016 en 2017", so it ends in 2017.
    "Opstellen actieplan september 2015-februari 2016. Uitvoering loopt nu (2016 en 2017)": ("2015-09", "2017", True),
    # "voorlopig een schooljaar": the planned end is the end of that school year, June 2017.
    "start op 1 september 2016 en voorlopig een schooljaar": ("2016-09", "2017-06", True),
    # Only durations, no date: nothing can be placed in time.
    "uitbesteding voor 1 jaar, 2x verlengbaar met 1 jaar": (None, None, None),
    # Overridden (see OVERRIDDEN): the facts below need the record's context.
    # 18 months of ESF money before "since 01/07/2015 with own means": started January 2014.
    "18 maanden gesubsidieerd via ESF, sinds 01/07/2015 met eigen middelen.": ("2014-01", None, True),
    # Three years ending 30 November 2018, the call's common term: started December 2015.
    "Het project loopt over drie jaar en zal eindigen op 30 november 2018.": ("2015-12", "2018-11", True),
    # "already 5 years" in the 2016 guide: since about 2011.
    "loopt reeds 5 jaar": ("2011", None, True),
    # "the next two years" from the plan presented on 31 January 2017: 2017 and 2018.
    # (That record's source is of 2017, so there it ran; in 2016 it had not begun.)
    "de volgende twee jaren": ("2017", "2018", None),
    # The practice is the local onthaalgesprekken (2013); the Toeleiders themselves date from 2009.
    "Toeleiders in de Diversiteit zijn actief sinds 2009, ze voeren lokale onthaalgesprekken sinds 2013": ("2013", None, True),
}

# budget text -> (bedrag_eur, vte)
BUDGETS: dict[str, tuple[int | None, float | None]] = {
    "51 750 euro": (51750, None),
    "40 000 euro": (40000, None),
    "30 000 euro": (30000, None),
    "28 000 euro": (28000, None),
    "1 VTE": (None, 1.0),
    "1,5 VTE": (None, 1.5),
    "ongeveer 90 VTE": (None, 90.0),
    # A range of staff is no number: a filter would claim more than the text.
    "1 tot 1,5 VTE": (None, None),
    "1 VTE en 140.000 euro convenant doorgangswonen": (140000, 1.0),
    # HTE is a halftijds equivalent: half a VTE.
    "1 VTE onthaalmedewerker en 1 HTE onderhoudsmedewerker": (None, 1.5),
    "1 VTE, verdeeld onder bovenstaande medewerkers van vnl. de dienst Gelijke kansen. Per werkgroep is er 1 medewerker van de stad actief betrokken en coördinator.": (None, 1.0),
    # Coordination and a steering group come on top, but unquantified.
    "2 VTE coaches voor 100 koppels. Daarnaast coördinatie en een stuurgroep voor partners en stakeholders.": (None, 2.0),
    "2 VTE voor de toeleiders zelf (Barema 2Ba), via het Impulsfonds van de Provincie en de stad; 0.5 VTE coaching en 0,5 VTE inhoudelijke projectondersteuning": (None, 3.0),
    # The partners' 7 hours a week per group cannot be totalled: the number of groups is not given.
    "1,5 VTE leerkracht, 0,5 VTE jongerencoach, 0,2 VTE coördinatie, werkingskost per klas. Partners voorzien 7 u week/groep uit eigen middelen": (None, 2.2),
    "500 000 EUR voor 18 maanden. 5 VTE multidisciplinaire medewerkers, o.a. psycholoog, maatschappelijk werker, wooncoach": (500000, 5.0),
    "1 voltijdse projectmedewerker en een coördinator van ISOM die 10% van haar tijd aan het project besteedt. Samen met de werkingsmiddelen, verplaatsingskosten en vormingen, is er 200.000 euro voorzien voor het driejarig project.": (200000, 1.1),
    "De stad heeft een budget voorzien van 100.000 EUR in 2016. Dit budget dient om beleid te ontwikkelen en projecten te ondersteunen op de diverse beleidsdomeinen.": (100000, None),
    # 5000 EUR per partner organisation is a price, and so is the HTE per partner: the number of partners is
    # not given, so neither a sum nor a staff total can be known ("1 HTE" alone would undercount).
    "5000 EUR per partnerorganisatie waar het traject georganiseerd wordt (HTE + werkingsmiddelen per jaar) + maatwerk via Basededucatie (IHTE) + 1 HTE projectbegeleiding": (None, None),
    # 0,5 euro per inhabitant of thirteen municipalities: a rate, not a sum.
    "De OCMW's dragen 0,5 euro per inwoner bij, het CAW brengt 2 VTE in.": (None, 2.0),
    # A price per series of sessions; the coordinators' share of their task package is not quantified.
    "600 tot 1200 euro per reeks van 6 sessies, afhankelijk van de benodigde tolkprestaties en vervoersonkosten. In Gent zet stad Gent en IN-Gent vzw, onder coördinatie van Desiree Derksen van IN-Gent vzw, het project verder. Maarten Smet, vluchtelingenveldwerker van de stad Sint-Niklaas coördineert het project in Sint-Niklaas. Beiden nemen het op binnen hun takenpakket. CAW Oost-Vlaanderen heeft in 2016 1,5 VTE voorzien voor de co-begeleiding van de groepen in Oost-Vlaanderen. De stafmedewerker helpt met het opstarten van de groepen in Oost-Vlaanderen, de organisatie van de opleidingen en intervisiedagen..": (None, 1.5),
    # Head counts without working time are not full-time equivalents.
    "1 projectleider per 2 OIT, 2 docenten NT2, vrijwilligers": (None, None),
    "1 technisch medewerker, 4 maatschappelijk werkers, 1 administratief medewerker": (None, None),
    "Ambtelijke ondersteuning taskforce, o.a. projectleider, communicatieadviseur, inzet medewerkers gemeentes en corporaties": (None, None),
    "reguliere werking": (None, None),
    "integratiesubsidie + reguliere werkingsmiddelen diensten. Reguliere personeelsinzet vanuit de betrokken diensten + staf en projectmedewerker Diversiteit": (None, None),
    "integratiesubsidies Sint-Pieters-Leeuw": (None, None),
    # Overridden (see OVERRIDDEN).
    # 70 trajecten per year at 6.600 euro each: 462.000 euro a year.
    "70 trajecten per jaar, 6.600 euro per traject": (462000, None),
    # "250.000" without a currency in a Belgian budget: euro.
    "250.000, voor 20 VTE, 18 Toeleiders in de Diversiteit en 2 begeleiders": (250000, 20.0),
}

# The texts whose facts the fixture record sets itself, with the record that does so.
OVERRIDDEN: dict[str, str] = {
    "18 maanden gesubsidieerd via ESF, sinds 01/07/2015 met eigen middelen.": "gent-multidisciplinaire-aanpak-jonge-vluchtelingen",
    "Het project loopt over drie jaar en zal eindigen op 30 november 2018.": "regio-middenkempen-wegwijzer-dienstverlening-onderwijs",
    "loopt reeds 5 jaar": "leuven-doelgericht-traject-reguliere-job",
    "de volgende twee jaren": "noord-limburg-actieplan-integratie",
    "Toeleiders in de Diversiteit zijn actief sinds 2009, ze voeren lokale onthaalgesprekken sinds 2013": "regio-halle-vilvoorde-onthaalgesprekken-ervaringsdeskundigen",
    "70 trajecten per jaar, 6.600 euro per traject": "leuven-doelgericht-traject-reguliere-job",
    "250.000, voor 20 VTE, 18 Toeleiders in de Diversiteit en 2 begeleiders": "regio-halle-vilvoorde-onthaalgesprekken-ervaringsdeskundigen",
}

# More shapes, which no fixture record uses, that the parser should read all the same.
EXTRA_PERIODES = {
    "2016-2018": ("2016", "2018", True),
    "van 1 december 2015 – 30 november 2018": ("2015-12", "2018-11", True),
    "2010 - 2012": ("2010", "2012", False),
    "tot eind 2018": (None, "2018", True),
    "sinds 2014, tot eind 2030": ("2014", "2030", True),
    # Begun after the facts were written: planned, not running (nor ended).
    "vanaf maart 2017": ("2017-03", None, None),
    "vanaf het voorjaar van 2025, voorlopig tot eind 2027": ("2025", "2027", None),
    "gestart in 2015, uitgebreid sinds 2017": ("2015", None, True),
}
EXTRA_BUDGETS = {
    "ongeveer 2,5 VTE en 80.000 euro per jaar": (80000, 2.5),
    "600 tot 1200 euro per reeks van 6 sessies": (None, None),
    "een halftijdse medewerker": (None, 0.5),
    "2 halftijdse begeleiders en € 40 000 werkingsmiddelen": (40000, 1.0),
    "20 miljoen euro": (20_000_000, None),
    "1,5 miljoen euro per jaar": (1_500_000, None),
    "2 voltijdse equivalenten": (None, 2.0),
    "samen met 50 Europese partners": (None, None),
}


@cache
def catalog():
    loaded = load_catalog(PRAKTIJKEN)
    assert loaded.ok, loaded.errors
    return loaded


def override_keys(slug: str) -> set[str]:
    front = (PRAKTIJKEN / f"{slug}.md").read_text(encoding="utf-8").split("---")[1]
    return set(yaml.safe_load(front)) & set(OVERRIDE_KEYS)


def parsed(table: dict) -> list:
    return [pytest.param(text, expected, id=text[:50]) for text, expected in table.items() if text not in OVERRIDDEN]


@pytest.mark.parametrize("text, expected", parsed(PERIODES) + parsed(EXTRA_PERIODES))
def test_periode(text, expected):
    assert parse_periode(text, PEIL) == expected


@pytest.mark.parametrize("text, expected", parsed(BUDGETS) + parsed(EXTRA_BUDGETS))
def test_budget(text, expected):
    assert (parse_bedrag(text), parse_vte(text)) == expected


# budget text -> what the amount covers (None: the text does not say)
BASES: dict[str, str | None] = {
    "51 750 euro": None,
    "ongeveer 2,5 VTE en 80.000 euro per jaar": "per jaar",
    "500 000 EUR voor 18 maanden. 5 VTE multidisciplinaire medewerkers": "voor 18 maanden",
    "200.000 euro is voorzien voor het driejarig project": "voor 3 jaar",
    "De stad heeft een budget voorzien van 100.000 EUR in 2016.": "per jaar",
}


@pytest.mark.parametrize("text, expected", [pytest.param(t, b, id=t[:40]) for t, b in BASES.items()])
def test_basis(text, expected):
    assert parse_basis(text)[0] == expected


def test_a_range_gives_no_number_and_says_why():
    assert read_vte("1 tot 1,5 VTE") == (None, "een vork ('1 tot 1,5 VTE'): geen enkel getal")
    amount, why = read_bedrag("600 tot 1200 euro per reeks")
    assert amount is None and "vork" in why


# (start, einde, peil) -> did the practice run when its facts were true?
LOPEND = [
    (("2016", "2018", Peil.van_jaar(2016)), True),
    (("2014-01", "2016-03", Peil.van_jaar(2016)), True),  # a year: ran in it
    (("2014-01", "2016-03", Peil.van_dag(date(2016, 9, 1))), False),  # a day: ended before it
    (("2010", "2012", Peil.van_jaar(2016)), False),
    (("2017", None, Peil.van_jaar(2016)), None),  # not begun yet: planned
    (("2004", None, Peil.van_jaar(2016)), True),
    ((None, None, Peil.van_jaar(2016)), None),
    (("2023", None, Peil.van_dag(date(2023, 5, 4))), True),
]


@pytest.mark.parametrize("args, expected", LOPEND, ids=[f"{a[0]}-{a[1]}@{a[2]}" for a, _ in LOPEND])
def test_lopend_is_judged_at_the_facts_date_not_today(args, expected):
    assert judge_lopend(*args) is expected


def facts(afgeleid: Afgeleid) -> Afgeleid:
    """The derived facts without their reasons."""
    return replace(afgeleid, gronden=())


@pytest.mark.parametrize("text, slug", [pytest.param(t, s, id=t[:50]) for t, s in OVERRIDDEN.items()])
def test_overridden_record_gets_the_table_expectation(text, slug):
    record = catalog().by_slug()[slug]
    assert len(record.fiches) == 1
    got = record.afgeleid
    if text in PERIODES:
        assert (got.start, got.einde) == PERIODES[text][:2]
        assert override_keys(slug) & {"start", "einde", "lopend"}
    else:
        assert (got.bedrag_eur, got.vte) == BUDGETS[text]
        assert override_keys(slug) & {"bedrag_eur", "vte"}


@pytest.mark.parametrize("text", [pytest.param(t, id=t[:50]) for t in OVERRIDDEN])
def test_override_is_still_needed(text):
    """When the parser learns to read an overridden text, drop the record's override and this entry."""
    if text in PERIODES:
        assert parse_periode(text, PEIL) != PERIODES[text]
    else:
        assert (parse_bedrag(text), parse_vte(text)) != BUDGETS[text]


def test_every_override_in_a_record_is_in_the_table():
    for record in catalog().records:
        keys = override_keys(record.slug)
        if keys & {"start", "einde", "lopend"}:
            assert any(OVERRIDDEN.get(f.periode) == record.slug for f in record.fiches), record.slug
        if keys & {"bedrag_eur", "vte"}:
            assert any(OVERRIDDEN.get(f.budget) == record.slug for f in record.fiches), record.slug


def test_projects_combine_into_one_record():
    """Aalst: four projects, the earliest start, none ended in 2016, the amounts (none with a basis) summed."""
    aalst = catalog().by_slug()["aalst-netoverschrijdende-taalstimuleringsprojecten"]
    assert [f.periode for f in aalst.fiches] == ["start 2006", "start 2004", "start 2013", "start 2008"]
    assert facts(aalst.afgeleid) == Afgeleid(start="2004", einde=None, lopend=True, bedrag_eur=149750, vte=None)
    assert aalst.afgeleid.grond("bedrag_eur") == "de som van de bedragen van 4 deelprojecten"
    assert aalst.afgeleid.grond("lopend") == ("een start of 'sinds'/'lopend' in de periode, en geen einde vóór de datum "
                                              "van de gegevens (2016)")


def fiche(periode: str | None = None, budget: str | None = None) -> Fiche:
    return Fiche(trekker=None, partners=None, budget=budget, periode=periode, contact=None)


def derived(fiches: tuple[Fiche, ...], peil: Peil = PEIL, overrides: Afgeleid = NO_OVERRIDES,
            explicit: frozenset[str] = frozenset()) -> Afgeleid:
    return facts(derive(fiches, peil, overrides, set(explicit)))


def test_combined_practice_runs_while_one_project_runs():
    later = Peil.van_jaar(2020)
    assert derived((fiche("2016 - 2018"), fiche("Lopende")), later) == Afgeleid(start="2016", einde=None, lopend=True)
    assert derived((fiche("2016 - 2018"), fiche("januari 2014 tot maart 2016")), later) == Afgeleid(
        start="2014-01", einde="2018", lopend=False)


def test_amounts_with_different_bases_are_not_added_up():
    got = derive((fiche(budget="10.000 euro per jaar"), fiche(budget="500 000 EUR voor 18 maanden")), PEIL, Afgeleid(), set())
    assert (got.bedrag_eur, got.bedrag_basis) == (None, None)
    assert "niet op te tellen" in got.grond("bedrag_eur")
    same = derived((fiche(budget="10.000 euro per jaar"), fiche(budget="2.000 euro per jaar")))
    assert (same.bedrag_eur, same.bedrag_basis) == (12000, "per jaar")


TEXTS = (fiche("2016 - 2018", "1 VTE en 140.000 euro convenant doorgangswonen"),)


def test_explicit_overrides_win():
    overrides = Afgeleid(start="2015", einde="2019-06", lopend=True, bedrag_eur=1000, vte=0.5, bedrag_basis="per jaar")
    got = derive(TEXTS, PEIL, overrides, set(OVERRIDE_KEYS))
    assert facts(got) == overrides
    assert all(why == "overschreven in het record" for _, why in got.gronden)


def test_only_the_explicit_facts_are_overridden():
    assert derived(TEXTS, Peil.van_jaar(2020), Afgeleid(vte=0.5), frozenset({"vte"})) == Afgeleid(
        start="2016", einde="2018", lopend=False, bedrag_eur=140000, vte=0.5)


def test_lopend_is_recomputed_when_only_start_or_einde_is_overridden():
    later = Peil.van_jaar(2020)
    assert derived(TEXTS, later, Afgeleid(einde="2030"), frozenset({"einde"})).lopend is True
    assert derived((fiche("de volgende twee jaren"),), later, Afgeleid(start="2017"), frozenset({"start"})).lopend is True
    assert derived((fiche("Lopende"),), later, Afgeleid(einde="2019"), frozenset({"einde"})).lopend is False


def test_explicit_lopend_is_not_recomputed():
    overrides = Afgeleid(einde="2030", lopend=False)
    assert derived(TEXTS, PEIL, overrides, frozenset({"einde", "lopend"})).lopend is False


def test_override_keys_in_a_record_file():
    text = (PRAKTIJKEN / "gent-iedereen-onder-dak.md").read_text(encoding="utf-8")
    head, front, story = text.split("---", 2)
    data = f"{head}---{front}einde: 2030-06\nvte: 2,5\n# per jaar, zegt de contactpersoon\nbedrag_basis: per jaar\n---{story}".encode()
    record, errors = validate_record("praktijken/gent-iedereen-onder-dak.md", data)
    assert errors == []
    assert facts(record.afgeleid) == Afgeleid(start="2015-07", einde="2030-06", lopend=True, bedrag_eur=140000, vte=2.5,
                                              bedrag_basis="per jaar")
    assert record.afgeleid.grond("vte") == "overschreven in het record"
