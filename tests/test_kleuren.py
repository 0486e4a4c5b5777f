"""The light and the dark scheme in Chromium: chosen by the system, switched and remembered in the header, and
readable: every kind of text the issue names measured against what it is painted on, in both schemes.

The schemes are Material's palette (mkdocs.yml) with the site's colours (theme/assets/stylesheets/gids.css).
"""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests import contrast
from tests.test_catalogus_browser import SCHAKELKLAS, TIMEOUT, wait_until_loaded
from tests.test_toegankelijkheid import site as site  # the fixture: the fixture site on the run's one host

SCHEMES = {"light": "default", "dark": "slate"}  # the system's preference -> Material's scheme
BUNDLE = "**/assets/javascripts/bundle.*.js"  # Material's script, at the end of every page
TEXT_MIN = 4.5   # WCAG 1.4.3
LARGE_MIN = 3.0  # large text: 24px, or 18.66px bold

# What the issue names, where it is on the fixture site: text, links, the fiche box, facet counts, the
# catalogue's cards; every selector must find something.
TEXTS = {
    f"praktijken/{SCHAKELKLAS}/": [
        ".gids-kicker a", ".gids-titel", ".gids-titel__plaats", ".gids-samenvatting", ".gids-tag",
        ".gids-fiche__titel", ".gids-fiche dt", ".gids-fiche dd", ".gids-fiche a", ".gids-contact__label",
        ".gids-verhaal p", ".gids-over dt", ".gids-over dd", ".gids-over a",
        ".gids-verwant .gids-kaart__plaats", ".gids-verwant .gids-kaart__titel a",
        ".gids-verwant .gids-kaart__samenvatting", ".gids-verwant .gids-kaart__meta",
        ".md-nav__link", ".md-footer-meta a", ".md-copyright",
    ],
    "praktijken/?zoek=taal&thema=taal": [
        "h1", ".gids-zoekvak label", ".gids-zoekhulp", ".gids-filters__titel", ".gids-facet legend",
        # a value that cannot be ticked is an inactive control: WCAG asks no contrast of it
        ".gids-facet li:not(.gids-facet__waarde--leeg) .gids-facet__label",
        ".gids-facet li:not(.gids-facet__waarde--leeg) .gids-facet__aantal", ".gids-facet__meer",
        ".gids-resultaten__aantal", ".gids-sorteer", "#gids-resultaten .gids-kaart__plaats",
        "#gids-resultaten .gids-kaart__titel a", "#gids-resultaten mark", "#gids-resultaten .gids-kaart__samenvatting",
        "#gids-resultaten .gids-kaart__meta", ".gids-knop--stil",
    ],
    "praktijken/gent-werken-met-vrijwilligers/": [".gids-verhaal a"],
    "gids/taalbeleid-en-taalpromotie/": [".md-typeset h2", ".md-typeset p", ".md-typeset li", ".md-typeset p a",
                                         ".md-nav__link--active", ".md-footer__title"],
    "": [".gids-tegels strong", ".gids-tegels .gids-aantal", ".gids-tegel__uitleg", ".gids-tag", ".md-typeset p a"],
}


def new_page(browser, scheme: str = "light", **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, **options)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    return page


def look(looks, scheme: str):
    """A tab for a test that only looks, handed from test to test (conftest.SharedTabs)."""
    page = looks.take(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.set_default_timeout(TIMEOUT)
    return page


def scheme_of(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def background_luminance(page) -> float:
    contrast.install(page)
    return page.evaluate("(() => { const c = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);"
                         " return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255; })()")


# ---------- the system's setting, the button, the memory ----------

@pytest.mark.parametrize("system", SCHEMES)
def test_zonder_keuze_volgt_de_site_het_systeem(browser, site, system):
    page = new_page(browser, system)
    try:
        page.goto(site, wait_until="load")
        assert scheme_of(page) == SCHEMES[system]
        assert (background_luminance(page) < 0.2) == (system == "dark")
        # and follows it when it changes, as long as the visitor chose nothing
        other = "light" if system == "dark" else "dark"
        page.emulate_media(color_scheme=other)
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[other])
        assert page.problems == []
    finally:
        page.context.close()


def test_de_keuze_in_de_kop_blijft_bewaard(browser, site):
    """Under the site's Content-Security-Policy (no bypass): Material's inline palette scripts run by their hashes."""
    page = new_page(browser, "light")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(site + "over/", wait_until="load")
        radios = page.locator('input[name="__palette"]')
        names = [radios.nth(i).get_attribute("aria-label") for i in range(radios.count())]
        assert names == ["Kleuren: volgens het systeem", "Kleuren: licht", "Kleuren: donker"]
        expect(page.get_by_role("radiogroup", name="Kleuren")).to_have_count(1)
        expect(radios.nth(0)).to_be_checked()  # nothing chosen: the system's
        # the visible button steps through the choices: light, dark, the system's again
        for expected, checked in [("default", 1), ("slate", 2), ("default", 0)]:
            page.locator(".gids-kleuren label:not([hidden])").click()
            page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=expected)
            expect(radios.nth(checked)).to_be_checked()
        page.locator(".gids-kleuren label:not([hidden])").click()
        page.locator(".gids-kleuren label:not([hidden])").click()
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")  # dark, on a light system
        # remembered: after a reload and on another page, before Material's bundle runs (its inline
        # script in the header applies it; the bundle is kept out to show that)
        page.route(BUNDLE, lambda route: route.abort())
        for path in ("over/", f"praktijken/{SCHAKELKLAS}/", "praktijken/"):
            page.goto(site + path, wait_until="load")
            assert scheme_of(page) == "slate", path
            expect(radios.nth(2)).to_be_checked()
        page.unroute(BUNDLE)
        page.reload(wait_until="load")
        page.problems.clear()  # the bundle kept out above
        # with the keyboard: Tab to the checked button, an arrow picks the next one
        radios.nth(2).focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")  # back to the system's (light)
        expect(radios.nth(0)).to_be_checked()
        host = urlparse(site).netloc
        assert [u for u in requests if urlparse(u).netloc != host] == []
        assert page.problems == []  # no refused inline script, no error
    finally:
        page.context.close()


def test_het_eerste_bezoek_met_een_donker_systeem_begint_donker(browser, site):
    """Before Material's bundle runs at the end of the page, the header's inline script has chosen the scheme."""
    page = new_page(browser, "dark")
    try:
        page.route(BUNDLE, lambda route: route.abort())
        page.goto(site + "over/", wait_until="load")
        assert scheme_of(page) == "slate"
    finally:
        page.context.close()


# ---------- contrast ----------

def measure(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, "es => es.filter(e => e.getClientRects().length)"
                                               ".slice(0, 12).map(e => gidsContrast.text(e))")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", TEXTS)
def test_tekst_is_leesbaar_in_beide_kleurenschemas(looks, site, path, scheme):
    page = look(looks, scheme)
    try:
        page.goto(site + path, wait_until="load")
        if page.locator("[data-gids-catalogus]").count():
            wait_until_loaded(page)
            expect(page.locator(".gids-kaart__samenvatting:empty")).to_have_count(0)
        assert scheme_of(page) == SCHEMES[scheme]
        contrast.install(page)
        problems, missing = [], []
        for selector in TEXTS[path]:
            found = measure(page, selector)
            if not found:
                missing.append(selector)
            for m in found:
                if m["ratio"] < (LARGE_MIN if m["large"] else TEXT_MIN):
                    problems.append(f"{selector}: {m['color']} op {m['background']} is {m['ratio']:.2f}:1")
        assert missing == []
        assert problems == []
    finally:
        looks.give_back(page)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_links_vallen_op_en_worden_anders_onder_de_muis(looks, site, scheme):
    """A link in running text is underlined (WCAG 1.4.1); under the pointer or the focus it takes the accent
    colour, which reads as well as the text."""
    page = look(looks, scheme)
    try:
        page.goto(site + f"praktijken/{SCHAKELKLAS}/", wait_until="load")
        contrast.install(page)
        link = page.locator(".gids-verhaal p a, .gids-fiche dd a").first
        assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")
        before = link.evaluate("a => gidsContrast.text(a)")
        link.hover()
        page.wait_for_timeout(300)  # Material's colour transition
        after = link.evaluate("a => gidsContrast.text(a)")
        assert after["color"] != before["color"]
        assert after["ratio"] >= TEXT_MIN, after
    finally:
        looks.give_back(page)
