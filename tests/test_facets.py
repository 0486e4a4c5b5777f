"""Facets: every practice's filter values, and the static pages that list them without JavaScript."""
from __future__ import annotations

import json

from generator.records.catalog import load_catalog
from generator.records.facets import BUDGET_CLASSES, STATUS, Facets, budget_class, gemeente_slug
from generator.records.facets import running_status as status
from generator.records.vocab import load_vocab
from generator.search.catalogue_data import catalogue_files

from .conftest import FIXTURE_PRAKTIJKEN

CATALOG = load_catalog(FIXTURE_PRAKTIJKEN)
VOCAB = load_vocab()
FACETS = Facets(CATALOG.records, VOCAB)
BY_SLUG = CATALOG.by_slug()


def test_every_record_has_a_value_for_the_single_valued_facets():
    for record in CATALOG.records:
        values = FACETS.values[record.slug]
        assert values["hoofdstuk"] == [record.hoofdstuk]
        assert values["status"][0] in STATUS
        assert values["budget"][0] in BUDGET_CLASSES
        assert values["provincie"], record.slug
        assert values["land"], record.slug


def test_province_comes_from_todays_municipality_after_a_merger():
    record = BY_SLUG["noord-limburg-actieplan-integratie"]  # names Overpelt, now Pelt (Limburg)
    assert "Overpelt" in record.gemeenten
    assert FACETS.values[record.slug]["provincie"] == ["limburg"]


def test_dutch_practices_are_in_the_netherlands():
    assert FACETS.values["eindhoven-meer-betere-huisvesting"]["land"] == ["Nederland"]
    assert FACETS.values["eindhoven-meer-betere-huisvesting"]["provincie"] == ["noord-brabant"]


def test_budget_classes_follow_the_derived_amount():
    # 4 projects, 149 750 euro together, but the source does not say over what time: not compared with yearly budgets
    aalst = BY_SLUG["aalst-netoverschrijdende-taalstimuleringsprojecten"]
    assert aalst.afgeleid.bedrag_eur == 149_750 and aalst.afgeleid.bedrag_basis is None
    assert budget_class(aalst) == "ander-bedrag"
    leuven = BY_SLUG["leuven-doelgericht-traject-reguliere-job"]  # 462 000 euro per jaar
    assert leuven.afgeleid.bedrag_basis == "per jaar" and budget_class(leuven) == "meer-dan-100000"
    kortrijk = BY_SLUG["kortrijk-toeleiders-1-loketdienst"]  # only VTE
    assert kortrijk.afgeleid.bedrag_eur is None and budget_class(kortrijk) == "alleen-personeel"
    # 2016 - 2018, in the guide of 2016: it ran when its facts were written (nothing is said about today)
    assert status(BY_SLUG["mechelen-horizontaal-integratiebeleid"]) == "lopend"


def test_municipality_ids_are_url_safe():
    assert gemeente_slug("Sint-Pieters-Leeuw") == "sint-pieters-leeuw"
    assert gemeente_slug("Son en Breugel") == "son-en-breugel"
    assert gemeente_slug("Wezembeek-Oppem") == "wezembeek-oppem"


def test_catalogue_data_holds_every_practice_and_its_card():
    files = catalogue_files(CATALOG.records, FACETS, VOCAB)
    data = json.loads(files["zoeken/catalogus.json"])
    assert [row[0] for row in data["praktijken"]] == [r.slug for r in CATALOG.records]
    keys = [f["key"] for f in data["facetten"]]
    for row, record in zip(data["praktijken"], CATALOG.records, strict=True):  # the numbers decode to the facet values
        for i, key in enumerate(keys):
            ids = [pair[0] for pair in data["facetten"][i]["waarden"]]
            assert [ids[c] for c in row[4 + i]] == FACETS.values[record.slug][key]
    for record in CATALOG.records:
        card = json.loads(files[f"zoeken/kaarten/{record.slug}.json"])
        assert card["samenvatting"] == record.samenvatting
        assert card["hoofdstuk"] == VOCAB.hoofdstukken[record.hoofdstuk].label
    assert catalogue_files(CATALOG.records, FACETS, VOCAB) == files  # deterministic


def test_static_group_pages_list_every_member(fixture_site):
    for key, values in (("thema", VOCAB.themas), ("provincie", {"limburg": 0, "oost-vlaanderen": 0})):
        folder = {"thema": "themas", "provincie": "provincies"}[key]
        for value in values:
            page = (fixture_site / folder / value / "index.html").read_text(encoding="utf-8")
            for record in FACETS.members(key, value):
                assert f'href="../../praktijken/{record.slug}/"' in page
    for record in CATALOG.records:
        for gemeente in record.gemeenten:
            page = (fixture_site / "gemeenten" / gemeente_slug(gemeente) / "index.html").read_text(encoding="utf-8")
            assert f'href="../../praktijken/{record.slug}/"' in page
