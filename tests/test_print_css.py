"""One practice on paper: chromium's print-to-PDF of a practice page, read back with pypdf."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from generator.records.catalog import load_catalog

from .conftest import FIXTURE_PRAKTIJKEN

BY_SLUG = load_catalog(FIXTURE_PRAKTIJKEN).by_slug()  # the records of served_site, the fixture project


@pytest.fixture(scope="module")
def printed(browser, served_site):
    """slug -> text of each printed page."""
    out = {}
    page = browser.new_page()
    for slug in ("kortrijk-toeleiders-1-loketdienst", "aalst-netoverschrijdende-taalstimuleringsprojecten"):
        page.goto(f"{served_site}praktijken/{slug}/", wait_until="networkidle")
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        out[slug] = [" ".join(pg.extract_text().split()) for pg in PdfReader(io.BytesIO(pdf)).pages]
    page.close()
    return out


@pytest.mark.parametrize("slug", ["kortrijk-toeleiders-1-loketdienst", "aalst-netoverschrijdende-taalstimuleringsprojecten"])
def test_practice_prints_its_content_without_site_chrome(printed, slug):
    pages = printed[slug]
    text = " ".join(pages)
    record = BY_SLUG[slug]
    assert record.titel.split()[0] in text and record.plaats in text
    for chrome in ("Zoek een praktijk", "Made with", "Material for MkDocs", "Verwante praktijken", "Voorstelling partners",
                   "Naar inhoud"):
        assert chrome not in text, chrome
    for fiche in record.fiches:
        for contact in fiche.contact or ():
            if contact.email:
                assert contact.email in text  # e-mail addresses are readable on paper
            if contact.telefoon:
                assert contact.telefoon in text


def test_fiche_box_is_not_split_across_pages(printed):
    pages = printed["kortrijk-toeleiders-1-loketdienst"]
    record = BY_SLUG["kortrijk-toeleiders-1-loketdienst"]
    first, last = "Trekker", record.fiches[0].contact[0].email  # the fiche's first label and last line
    assert any(first in page and last in page for page in pages)
    assert len(pages) <= 3


def test_a_visitor_in_the_dark_scheme_prints_on_white(browser, served_site):
    """The dark scheme is for the screen: printed, the page has Material's light colours and black text."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(f"{served_site}praktijken/kortrijk-toeleiders-1-loketdienst/", wait_until="networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        screen = page.evaluate("getComputedStyle(document.body).backgroundColor")
        page.emulate_media(media="print")
        colours = page.evaluate("""() => ({
            body: getComputedStyle(document.body).backgroundColor,
            text: getComputedStyle(document.querySelector('.md-typeset')).color,
            fiche: getComputedStyle(document.querySelector('.gids-fiche')).backgroundColor,
            dt: getComputedStyle(document.querySelector('.gids-fiche dt')).color,
            plaats: getComputedStyle(document.querySelector('.gids-titel__plaats')).color})""")
        assert screen != "rgb(255, 255, 255)"
        assert colours == {"body": "rgb(255, 255, 255)", "text": "rgb(0, 0, 0)", "fiche": "rgba(0, 0, 0, 0)",
                           "dt": "rgb(0, 0, 0)", "plaats": "rgb(31, 78, 107)"}, colours  # the light scheme's blue
    finally:
        context.close()
