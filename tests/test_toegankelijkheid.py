"""Accessibility: axe-core (tests/vendor/axe.min.js) on every page type, in the states a visitor sees them.

WCAG 2.0 and 2.1, levels A and AA; a serious or critical violation fails the test.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import static_host
from tests.test_catalogus_browser import TIMEOUT, wait_until_loaded

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

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
def site(fixture_site):
    """The fixture project's site (its pages and slugs are known here) on a local host that answers a missing page with 404.html, like the real host."""
    with static_host(fixture_site) as base:
        yield base


def open_page(browser, url: str, width: int):
    # bypass_csp: axe is added as an inline script, which the site's Content-Security-Policy rightly blocks
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 600 else 844},
                                  is_mobile=width < 600, has_touch=width < 600, bypass_csp=True)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    page.goto(url, wait_until="load")
    if page.locator("[data-gids-catalogus]").count():
        wait_until_loaded(page)
        expect(page.locator(".gids-kaart__samenvatting:empty")).to_have_count(0)  # the cards are filled in
    return page


def serious_violations(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", TAGS)
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def assert_no_serious(violations: list[dict], where: str) -> None:
    if violations:
        pytest.fail(f"{where}:\n{report(violations)}", pytrace=False)


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:10]:
            summary = " ".join(line.strip() for line in node.get("failureSummary", "").splitlines()[1:])
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", PAGES)
def test_geen_ernstige_problemen(browser, site, name):
    page = open_page(browser, site + PAGES[name], 1280)
    try:
        if name == "catalogus-geen-resultaten":
            expect(page.locator("[data-gids-leeg]")).to_be_visible()
        violations = serious_violations(page)
        assert_no_serious(violations, PAGES[name] or "/")
    finally:
        page.context.close()


def test_catalogus_in_gebruik(browser, site):
    """States only reached by using the page: every long facet list unfolded, every result shown and filled in."""
    page = open_page(browser, site + "praktijken/", 1280)
    try:
        for button in page.locator("[data-meer]").all():
            button.click()
            expect(button).to_have_attribute("aria-expanded", "true")
        page.locator("[data-gids-meer]").click()
        expect(page.locator("[data-gids-meer]")).to_be_hidden()
        expect(page.locator(".gids-kaart__samenvatting:empty")).to_have_count(0)
        assert_no_serious(serious_violations(page), "catalogus in gebruik")
    finally:
        page.context.close()


@pytest.mark.parametrize("filters_open", [False, True], ids=["filters-dicht", "filters-open"])
def test_catalogus_op_een_telefoon(browser, site, filters_open):
    page = open_page(browser, site + "praktijken/?zoek=taal&thema=onderwijs", 390)
    try:
        if filters_open:
            page.locator("[data-gids-filterknop]").click()
            expect(page.locator("#gids-filters")).to_be_visible()
        assert_no_serious(serious_violations(page), f"catalogus op 390 px, filters {'open' if filters_open else 'dicht'}")
    finally:
        page.context.close()
