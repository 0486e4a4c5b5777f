"""Related practices: three to five, never the page itself, and sensible for the fixture project's records."""
from __future__ import annotations

from generator.records.catalog import load_catalog
from generator.search.related import MAX_RELATED, MIN_RELATED, related

from .conftest import FIXTURE_PRAKTIJKEN

CATALOG = load_catalog(FIXTURE_PRAKTIJKEN)
RELATED = related(CATALOG.records)


def test_three_to_five_related_never_itself():
    for record in CATALOG.records:
        slugs = [r.slug for r in RELATED[record.slug]]
        assert MIN_RELATED <= len(slugs) <= MAX_RELATED, record.slug
        assert record.slug not in slugs
        assert len(set(slugs)) == len(slugs)


def test_related_practices_share_the_subject():
    # practices about young refugees find each other; the language-in-school projects too
    assert "anderlecht-brussel-aalst-dilbeek-integrale-aanpak-jonge-vluchtelingen" in [
        r.slug for r in RELATED["gent-multidisciplinaire-aanpak-jonge-vluchtelingen"]]
    assert "aalst-netoverschrijdende-taalstimuleringsprojecten" in [
        r.slug for r in RELATED["kortrijk-schakelklas-anderstalige-nieuwkomers"]]
    assert "eindhoven-meer-betere-huisvesting" in [r.slug for r in RELATED["gent-iedereen-onder-dak"]]


def test_deterministic():
    again = related(list(reversed(CATALOG.records)))
    assert {k: [r.slug for r in v] for k, v in again.items()} == {k: [r.slug for r in v] for k, v in RELATED.items()}


def test_shown_on_the_practice_page(fixture_site):
    page = (fixture_site / "praktijken" / "gent-iedereen-onder-dak" / "index.html").read_text(encoding="utf-8")
    section = page.split('id="verwant"', 1)[1].split("</section>", 1)[0]
    for record in RELATED["gent-iedereen-onder-dak"]:
        assert f'href="../{record.slug}/"' in section
