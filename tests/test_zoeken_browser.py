"""Searching the catalogue page in real Chromium as officers type: several words, compounds.

Runs on the fixture project (served_site); the practices named are its records.
"""
from __future__ import annotations

from playwright.sync_api import expect

from .test_catalogus_browser import open_catalogue, result_refs
from .test_catalogus_browser import page as page  # the fixture: a fresh page, JavaScript errors fail the test

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
