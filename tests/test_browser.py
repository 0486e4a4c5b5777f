"""Real Chromium on the built site: pages load without errors, nothing leaves localhost, phones fit."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

PAGES = [
    "",
    "hoofdstukken/onthaalbeleid/",
    "praktijken/kortrijk-toeleiders-1-loketdienst/",
    "praktijken/aalst-netoverschrijdende-taalstimuleringsprojecten/",
    "gids/cijfers/",
    "themas/taal/",
    "praktijken/",
]




@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_locally_and_fits(looks, served_site, path, width):
    page = looks.take(viewport={"width": width, "height": 900})
    requests, problems = [], []
    on_request, on_console = lambda r: requests.append(r.url), lambda m: m.type == "error" and problems.append(m.text)
    page.on("request", on_request)  # a third party's file is never in the tab's cache: each page asks for it
    page.on("console", on_console)
    try:
        response = page.goto(served_site + path, wait_until="networkidle")
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("console", on_console)
    problems += page.errors

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.lang") == "nl"
    own_host = urlparse(served_site).netloc
    assert [u for u in requests if urlparse(u).netloc not in (own_host, "")] == []
    assert problems == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
    looks.give_back(page)


def test_font_is_served_by_the_site(browser, served_site):
    page = browser.new_page()
    fonts = []
    page.on("response", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") else None)
    page.goto(served_site + "praktijken/kortrijk-toeleiders-1-loketdienst/", wait_until="networkidle")
    assert fonts and all(u.startswith(served_site) for u in fonts)
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert "Source Sans 3" in family
    page.close()


def test_header_search_opens_the_catalogue_with_the_query(browser, served_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_site + "gids/voorwoord/", wait_until="networkidle")
    page.fill("#gids-kopzoek", "schakelklas")
    page.keyboard.press("Enter")
    page.wait_for_url("**/praktijken/?zoek=schakelklas")
    first = page.locator("#gids-resultaten > li").first
    first.wait_for(timeout=10000)
    assert "schakelklas" in first.inner_text().lower()
    assert page.locator("#gids-kopzoek").count() == 0  # the catalogue page has its own search box
    page.close()
