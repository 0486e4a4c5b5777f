"""The site, built end to end with MkDocs and Material: the catalogue's properties, and the fixture project's pages."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.records.book import Pagina, guide_order, load_book
from generator.records.catalog import load_catalog
from generator.records.vocab import load_vocab

from .conftest import FIXTURE_PRAKTIJKEN, PROJECT, ROOT, copy_klein, run_gids_in_process

CATALOG = load_catalog(PROJECT / "praktijken")
VOCAB = load_vocab()
BOEK, _ = load_book(PROJECT / "boek.yml", PROJECT / "docs", VOCAB)
FIXTURE_CATALOG = load_catalog(FIXTURE_PRAKTIJKEN)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    """Visible text, whitespace collapsed, entities decoded."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


@pytest.mark.catalogus
@pytest.mark.parametrize("record", CATALOG.records, ids=lambda r: r.slug)
def test_every_record_has_a_page_with_its_fiche(built_site, record):
    markup = page(built_site, record.url)
    shown = text_of(markup)
    assert record.titel in shown and record.plaats in shown
    assert text_of(record.samenvatting) in shown
    for fiche in record.fiches:
        for value in (fiche.budget, fiche.periode, *(fiche.trekker or ()), *(fiche.partners or ())):
            if value is not None:
                assert re.sub(r"\s+", " ", value) in shown
        for contact in fiche.contact or ():
            if contact.email:
                assert f'href="mailto:{contact.email}"' in markup
            for number in (contact.telefoon, contact.gsm):
                if number:
                    assert f'href="tel:{re.sub(r"[^0-9+]", "", number)}"' in markup
    for thema in record.themas:
        assert f'href="../../themas/{thema}/"' in markup
    assert f'href="../../hoofdstukken/{record.hoofdstuk}/"' in markup


def test_unknown_fiche_values_say_niet_vermeld(fixture_site):
    record = next(r for r in FIXTURE_CATALOG.records if any(f.periode is None for f in r.fiches))
    assert "niet vermeld" in text_of(page(fixture_site, record.url))


def over(site: Path, url: str) -> str:
    return page(site, url).split('<aside class="gids-over"', 1)[1].split("</aside>", 1)[0]


@pytest.mark.catalogus
def test_every_page_says_when_its_facts_were_true_and_when_they_were_compared_with_the_source(built_site):
    for record in CATALOG.records:
        aside = over(built_site, record.url)
        assert "<dt>Stand van de gegevens</dt>" in aside, record.slug
        iso = record.laatst_gecontroleerd.isoformat()
        assert re.search(rf'<dt>Met de bron vergeleken</dt><dd><time datetime="{iso}">[^<]+ '
                         rf'{record.laatst_gecontroleerd.year}</time></dd>', aside), record.slug
        # a practice's run is told at the date of its facts, never as a claim about today
        assert not re.search(r"\bloopt (nog|vandaag)\b", text_of(aside)), record.slug
    css = (ROOT / "theme" / "assets" / "stylesheets" / "gids.css").read_text(encoding="utf-8")
    rule = re.search(r"^\.gids-over \{([^}]*)\}", css, re.M).group(1)
    assert "font-size: 0.85em" in rule and "color: var(--gids-gedempt)" in rule  # small and muted


def test_a_guide_practice_ran_in_the_year_of_the_guide(fixture_site):
    record = FIXTURE_CATALOG.by_slug()["mechelen-horizontaal-integratiebeleid"]  # periode 2016 - 2018, guide of 2016
    aside = text_of(over(fixture_site, record.url))
    assert "Stand van de gegevens uit de bron van 2016; niet nagevraagd bij de praktijk" in aside
    assert "Looptijd liep in 2016 (volgens die gegevens)" in aside
    assert "alleen te zien in gids serve" not in page(fixture_site, record.url)  # the editor's aside is not published


@pytest.mark.catalogus
def test_chapter_pages_list_their_practices_in_guide_order(built_site):
    for hoofdstuk in BOEK.hoofdstukken:
        markup = page(built_site, f"hoofdstukken/{hoofdstuk.id}")
        expected = guide_order([r for r in CATALOG.records if r.hoofdstuk == hoofdstuk.id])
        listed = re.findall(r'href="\.\./\.\./praktijken/([a-z0-9-]+)/"', markup.split('id="praktijken"')[1])
        assert listed == [r.slug for r in expected], hoofdstuk.id
        for framing in hoofdstuk.situering:
            assert framing.titel in text_of(markup)


@pytest.mark.catalogus
def test_narrative_pages_are_built(built_site):
    pages = [p for p in BOEK.onderdelen if isinstance(p, Pagina)] + [s for h in BOEK.hoofdstukken for s in h.situering]
    assert pages
    for narrative in pages:
        assert (built_site / narrative.src.removesuffix(".md") / "index.html").is_file(), narrative.src


@pytest.mark.catalogus
def test_practices_are_not_in_the_navigation(built_site):
    chapter = BOEK.hoofdstukken[0]
    markup = page(built_site, f"hoofdstukken/{chapter.id}")
    primary_nav = markup.split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    assert chapter.term.label in primary_nav
    for record in CATALOG.records:
        assert f"praktijken/{record.slug}/" not in primary_nav


@pytest.mark.catalogus
def test_nothing_is_loaded_from_another_host(built_site):
    external = re.compile(r"""(?:<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//)|url\(\s*["']?(?:https?:)?//""", re.I)
    for file in list(built_site.rglob("*.html")) + list(built_site.rglob("*.css")):
        # rel="canonical" names the page's own public address (site_url); a browser never fetches it
        content = re.sub(r'<link rel="canonical" href="[^"]*">', "", file.read_text(encoding="utf-8"))
        match = external.search(content)
        assert match is None, f"{file}: {content[match.start():match.start() + 120]}"
    assert list((built_site / "assets" / "fonts").glob("*.woff2"))


@pytest.mark.catalogus
def test_home_page_offers_chapters_and_themes(built_site):
    shown = text_of(page(built_site, ""))
    for hoofdstuk in BOEK.hoofdstukken:
        assert hoofdstuk.term.label in shown
    assert f"Bekijk alle {len(CATALOG.records)} praktijken" in shown


def test_failed_build_keeps_the_previous_site(tmp_path):
    project = copy_klein(tmp_path / "project")
    assert run_gids_in_process("build", "--zonder-pdf", cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}

    broken = project / "praktijken" / "kortrijk-toeleiders-1-loketdienst.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("themas: [", "themas: [sport, ", 1), encoding="utf-8")
    result = run_gids_in_process("build", cwd=project)

    assert result.returncode == 1
    assert "praktijken/kortrijk-toeleiders-1-loketdienst.md:" in result.stdout + result.stderr
    assert "onbekende waarde 'sport'" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]
