"""Searching the catalogue page in real Chromium as officers type: several words, compounds.

Runs on the fixture project (served_site); the practices named are its records.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import copy_klein, run_gids_in_process, static_host
from .test_catalogus_browser import open_catalogue, result_refs
from .test_catalogus_browser import page as page  # the fixture: a tab, nothing stored, JavaScript errors fail the test

DEELS = "Geen praktijk bevat alle woorden; deze bevatten er de meeste"
ANALFABETISME = "antwerpen-analfabetisme-laaggeletterdheid-aanpakken"
GENT_ONDER_DAK = "gent-iedereen-onder-dak"


def items(page) -> list[str]:
    """The list as read top to bottom: a card's slug, or the line's text."""
    return page.eval_on_selector_all(
        "#gids-resultaten > li",
        "lis => lis.map(li => { const a = li.querySelector('h3 a');"
        " return a ? a.pathname.split('/').filter(Boolean).pop() : li.textContent; })")


def test_geen_praktijk_met_alle_woorden_dan_die_met_de_meeste(page, served_site):
    open_catalogue(page, served_site)
    page.locator("#gids-q").press_sequentially("laaggeletterde ouders")
    result_refs(page)  # the final list
    shown = items(page)
    # no practice says both words: the line comes first, the practice about laaggeletterdheid right under it
    assert shown[0] == DEELS and shown[1] == ANALFABETISME, shown[:3]
    assert shown.count(DEELS) == 1 and len(shown) > 2
    expect(page.locator("[data-gids-leeg]")).to_be_hidden()
    expect(page.locator("[data-gids-status]")).to_have_text(f"{len(shown) - 1} praktijken")


def test_de_lijn_staat_onder_de_praktijken_met_alle_woorden(page, served_site):
    open_catalogue(page, served_site, "?zoek=Gent+huisvesting")
    result_refs(page)
    shown = items(page)
    line = shown.index(DEELS)
    assert GENT_ONDER_DAK in shown[:line], shown  # it holds both words: above the line
    assert 0 < line < 3 and len(shown) > line + 1, shown
    # sorted by place, the line stays: the practices holding all words first
    page.select_option("[data-gids-sort]", "plaats")
    result_refs(page)
    assert items(page).index(DEELS) == line


@pytest.fixture(scope="module")
def regenboog_site(tmp_path_factory):
    """The small project, one story of which names the regenbooggemeenschap (no record of the fixture does)."""
    project = copy_klein(tmp_path_factory.mktemp("regenboog") / "project")
    record = project / "praktijken" / f"{GENT_ONDER_DAK}.md"
    record.write_text(record.read_text(encoding="utf-8") + "\nOok de regenbooggemeenschap vindt er de weg.\n",
                      encoding="utf-8")
    result = run_gids_in_process("build", "-d", str(project / "site"), "--zonder-pdf", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    with static_host(project / "site") as base:
        yield base


def test_een_deel_vindt_de_samenstelling_ook_na_de_laatste_letter(page, regenboog_site):
    open_catalogue(page, regenboog_site)
    box = page.locator("#gids-q")
    box.click()
    for n, letter in enumerate("regenboog", 1):
        page.keyboard.type(letter)
        if n >= 6:  # "regenb" on: the practice stays, "regenboog" (stemmed "regenbog") included
            assert GENT_ONDER_DAK in result_refs(page), box.input_value()
    # the whole word, not typed on: found through the compound's parts (its own field, the story's)
    open_catalogue(page, regenboog_site, "?zoek=regenboog+")
    assert result_refs(page) == [GENT_ONDER_DAK]


@pytest.mark.parametrize(("query", "first"), [
    ("trauma", "anderlecht-brussel-aalst-dilbeek-integrale-aanpak-jonge-vluchtelingen"),  # "getraumatiseerde"
    ("opvoedingsondersteuning", "noord-limburg-actieplan-integratie"),  # "opvoeding" and "ondersteuning"
    ("conversatietafel", "antwerpen-laagdrempelige-plek-nederlands-oefenen"),  # its "conversatiegroep"
    ("casemanager", "vlaamse-rand-integrale-aanpak-instroom"),  # "casemanagement"
])
def test_samenstellingen_en_verwante_vormen(page, served_site, query, first):
    open_catalogue(page, served_site, f"?zoek={query}")
    assert result_refs(page)[:1] == [first]


def test_de_catalogus_haalt_geen_sitemap(browser, served_site):
    """Nothing the page does not use: Material fetches sitemap.xml for a <link rel="alternate"> (theme/main.html)."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    tab = context.new_page()
    open_catalogue(tab, served_site, "?zoek=taal")
    result_refs(tab)
    tab.wait_for_load_state("networkidle")
    context.close()
    assert any(url.endswith("zoeken/kop.json") for url in requested), requested  # the requests were seen
    assert not [url for url in requested if "sitemap" in url]
