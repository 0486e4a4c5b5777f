"""What every page of the catalogue's build tells machines: JSON-LD, Open Graph, description, sitemap; and the footer.

The hand-written pages' required wording is checked on the fixture project, whose docs/ the developers own.
"""
from __future__ import annotations

import datetime
import gzip
import html
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

from generator.opendata.privacy import contact_names

JSONLD = re.compile(r'<script type="application/ld\+json" id="gids-linked-data">(.*?)</script>', re.DOTALL)
FOOTER_LINKS = {"over/": "Over deze catalogus", "open-data/": "Open data", "toegankelijkheid/": "Toegankelijkheid",
                "privacy/": "Privacy", "feed.xml": "Atom-feed"}


def pages(site):
    return sorted(site.rglob("index.html"))


def url_of(site, page) -> str:
    """The site path of a built page: 'over/' for over/index.html, '' for the home page and 404.html."""
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." or page.name == "404.html" else folder + "/"


def meta(markup: str, attribute: str, name: str) -> str | None:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', markup)
    return html.unescape(match.group(1)) if match else None


def test_every_practice_page_describes_itself_as_json_ld(built_site, records):
    for record in records:
        markup = (built_site / record.url / "index.html").read_text(encoding="utf-8")
        blocks = JSONLD.findall(markup)
        assert len(blocks) == 1, record.slug
        assert "</" not in blocks[0]
        data = json.loads(blocks[0])
        assert data["@type"] == "Article" and data["about"]["@type"] == "Project"
        assert data["url"].endswith(f"/{record.url}") and data["url"].startswith("https://")
        assert data["dateModified"] == record.laatst_gecontroleerd.isoformat()
        places = [p["name"] for p in data["spatialCoverage"]]
        assert places[:len(record.gemeenten)] == list(record.gemeenten)
        assert all(p["@type"] == "AdministrativeArea" for p in data["spatialCoverage"])
        if record.afgeleid.start:
            assert data["about"]["foundingDate"] == record.afgeleid.start
        text = json.dumps(data, ensure_ascii=False)
        for name in contact_names(record):
            assert name not in text


def test_only_practice_pages_carry_json_ld(built_site, records):
    practice_pages = {built_site / r.url / "index.html" for r in records}
    for page in pages(built_site):
        if page not in practice_pages:
            assert not JSONLD.search(page.read_text(encoding="utf-8")), page


def test_every_page_has_a_description_open_graph_and_the_footer_links(built_site):
    for page in pages(built_site) + [built_site / "404.html"]:
        markup = page.read_text(encoding="utf-8")
        head = markup.split("</head>", 1)[0]
        assert meta(head, "name", "description"), page
        assert re.search(r"<title>[^<]+</title>", head), page
        if page.name != "404.html":  # not a page to share
            for prop in ("og:title", "og:description", "og:type", "og:url", "og:site_name", "og:locale"):
                assert meta(head, "property", prop), (page, prop)
            assert meta(head, "property", "og:locale") == "nl_BE"
            assert meta(head, "property", "og:url").endswith("/" + url_of(built_site, page))
        footer = markup.split('<footer class="md-footer">', 1)[1]
        nav = footer.split('<nav class="gids-voet" aria-label="Over deze site">', 1)[1].split("</nav>", 1)[0]
        base = "http://gids.test/" + url_of(built_site, page)
        links = {urljoin(base, href): label for href, label in re.findall(r'href="([^"]+)"[^>]*>([^<]*)<', nav)}
        for target, label in FOOTER_LINKS.items():
            assert label in links.get("http://gids.test/" + target, ""), (page, target)


def test_practice_pages_use_their_summary(built_site, records):
    for record in records:
        head = (built_site / record.url / "index.html").read_text(encoding="utf-8").split("</head>", 1)[0]
        assert meta(head, "name", "description") == record.samenvatting
        assert meta(head, "property", "og:description") == record.samenvatting
        assert meta(head, "property", "og:type") == "article"
        assert meta(head, "property", "og:url").endswith(f"/{record.url}")
        title = re.search(r"<title>([^<]*)</title>", head)
        assert title and html.unescape(title.group(1)).startswith(f"{record.volledige_titel} - "), record.slug


def test_sitemap_lists_every_page_with_its_date(built_site, records):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    raw = (built_site / "sitemap.xml").read_bytes()
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()) == raw
    root = ET.fromstring(raw)
    lastmod = {u.find("s:loc", ns).text.split("/", 3)[3]: u.find("s:lastmod", ns).text for u in root.findall("s:url", ns)}
    assert set(lastmod) == {url_of(built_site, p) for p in pages(built_site)}
    for value in lastmod.values():
        datetime.date.fromisoformat(value)
    for record in records:
        assert lastmod[record.url] == record.laatst_gecontroleerd.isoformat()


STATEMENT_SECTIONS = ["Nalevingsstatus", "Niet-toegankelijke inhoud", "Opstelling van deze toegankelijkheidsverklaring",
                      "Feedback en contactgegevens", "Handhavingsprocedure"]


def test_accessibility_statement_follows_the_eu_model(fixture_site):
    markup = (fixture_site / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    headings = [html.unescape(re.sub(r"<[^>]+>", "", h)).replace("\u00ad", "").strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", markup, re.DOTALL)]
    for section in STATEMENT_SECTIONS:
        assert section in headings
    assert [h for h in headings if h in STATEMENT_SECTIONS] == STATEMENT_SECTIONS  # in the model's order
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    assert "gedeeltelijk conform" in text and "WCAG" in text and "2.1" in text
    assert "Vlaamse Ombudsdienst" in text and "Alternatief" in text
    assert re.search(r"opgesteld op \d{1,2} \w+ \d{4}", text) and re.search(r"laatst herzien op \d{1,2} \w+ \d{4}", text)


@pytest.mark.parametrize("url, words", [
    ("over/", ["Nieuwe praktijk voorstellen", "CONTRIBUTING.md", "pull request", "colofon"]),
    ("privacy/", ["naam", "gsm-nummer", "verwijderd", "open data"]),
])
def test_public_sector_pages_say_what_they_must(fixture_site, url, words):
    text = html.unescape(re.sub(r"<[^>]+>", " ", (fixture_site / url / "index.html").read_text(encoding="utf-8")))
    for word in words:
        assert word in text, word
