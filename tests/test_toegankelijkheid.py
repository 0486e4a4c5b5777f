"""Accessibility: axe-core (tests/vendor/axe.min.js) on every page type, in the states a visitor sees them.

WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices; any violation fails the test, whatever
its impact. Every page in the light and the dark scheme, on a desktop and on a phone with a touch screen
(Material decides some things by whether the device can hover). The keyboard and the focus ring are in
tests/test_toetsenbord.py, the colours in tests/test_kleuren.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.test_catalogus_browser import TIMEOUT, wait_until_loaded

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = ["light", "dark"]
DEVICES = {"desktop": {"viewport": {"width": 1280, "height": 900}},
           "gsm": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}}

PAGES = {
    "start": "",
    "catalogus": "praktijken/",
    "catalogus-zoekterm": "praktijken/?zoek=taal",
    "catalogus-filters": "praktijken/?thema=huisvesting&thema=welzijn&provincie=oost-vlaanderen&status=lopend",
    "catalogus-geen-resultaten": "praktijken/?zoek=schakelklas&thema=huisvesting",
    "praktijk": "praktijken/kortrijk-schakelklas-anderstalige-nieuwkomers/",
    "hoofdstuk": "hoofdstukken/onthaalbeleid/",
    "verhaal": "gids/taalbeleid-en-taalpromotie/",
    "thema": "themas/taal/",
    "open-data": "open-data/",
    "toegankelijkheidsverklaring": "toegankelijkheid/",
    "404": "deze-pagina-bestaat-niet/",
}




@pytest.fixture(scope="module")
def site(served_site):
    """The fixture site (its pages and slugs are known here) on the run's one local host, which answers a missing page
    with 404.html like the real host: the shared tabs (conftest.SharedTabs) keep its files cached from module to module."""
    return served_site


def open_page(looks, url: str, device: str = "desktop", scheme: str = "light"):
    # bypass_csp: axe is added as an inline script, which the site's Content-Security-Policy rightly blocks
    page = looks.take(**DEVICES[device], color_scheme=scheme, bypass_csp=True)
    page.set_default_timeout(TIMEOUT)
    page.goto(url, wait_until="load")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected  # the scheme under test is on
    if page.locator("[data-gids-catalogus]").count():
        wait_until_loaded(page)
        expect(page.locator(".gids-kaart__samenvatting:empty")).to_have_count(0)  # the cards are filled in
    return page


def violations(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", TAGS)
    return result["violations"]


def assert_none(found: list[dict], where: str) -> None:
    if found:
        pytest.fail(f"{where}:\n{report(found)}", pytrace=False)


def report(found: list[dict]) -> str:
    lines = []
    for v in found:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:10]:
            summary = " ".join(line.strip() for line in node.get("failureSummary", "").splitlines()[1:])
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name", PAGES)
def test_geen_problemen(looks, site, name, device, scheme):
    page = open_page(looks, site + PAGES[name], device, scheme)
    try:
        if name == "catalogus-geen-resultaten":
            expect(page.locator("[data-gids-leeg]")).to_be_visible()
        assert_none(violations(page), f"{PAGES[name] or '/'} ({device}, {scheme})")
    finally:
        looks.give_back(page)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_catalogus_in_gebruik(looks, site, scheme):
    """States only reached by using the page: every long facet list unfolded, every result shown and filled in."""
    page = open_page(looks, site + "praktijken/?zoek=taal", scheme=scheme)
    try:
        for button in page.locator("[data-meer]").all():
            button.click()
            expect(button).to_have_attribute("aria-expanded", "true")
        page.locator("#gids-q").fill("")
        expect(page.locator("[data-gids-meer]")).to_be_visible()
        page.locator("[data-gids-meer]").click()
        expect(page.locator("[data-gids-meer]")).to_be_hidden()
        expect(page.locator(".gids-kaart__samenvatting:empty")).to_have_count(0)
        page.locator("#gids-q").press_sequentially("taal")  # the query's words marked in the cards
        expect(page.locator("#gids-resultaten mark").first).to_be_visible()
        assert_none(violations(page), f"catalogus in gebruik ({scheme})")
    finally:
        looks.give_back(page)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("open_", [False, True], ids=["filters-dicht", "filters-open"])
def test_catalogus_op_een_telefoon(looks, site, open_, scheme):
    page = open_page(looks, site + "praktijken/?zoek=taal&thema=onderwijs", "gsm", scheme)
    try:
        if open_:
            page.locator("[data-gids-filterknop]").click()
            expect(page.locator("#gids-filters")).to_be_visible()
        assert_none(violations(page), f"catalogus op een gsm, filters {'open' if open_ else 'dicht'} ({scheme})")
    finally:
        looks.give_back(page)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_het_menu_open_op_een_telefoon(looks, site, scheme):
    page = open_page(looks, site + PAGES["verhaal"], "gsm", scheme)
    try:
        page.get_by_role("button", name="Menu").click()
        expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
        assert_none(violations(page), f"menu open op een gsm ({scheme})")
    finally:
        looks.give_back(page)
