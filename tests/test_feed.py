"""The Atom feed of the real build, read back with feedparser."""
from __future__ import annotations

import feedparser

from generator.opendata.feed import MAX_ENTRIES, summary


def test_feed_is_valid_atom_with_an_entry_per_practice(built_site, records):
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title and feed.feed.author and feed.feed.id.endswith("/feed.xml")
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"].endswith("/feed.xml") and links["alternate"].startswith("https://")
    assert len(feed.entries) == min(len(records), MAX_ENTRIES)
    by_url = {r.url: r for r in records}
    newest = max(r.laatst_gecontroleerd for r in records)
    assert feed.feed.updated.startswith(newest.isoformat())
    for entry in feed.entries:
        record = by_url[entry.link.split("/", 3)[3]]
        assert entry.id == entry.link
        assert entry.title == record.volledige_titel
        assert entry.summary == summary(record) and entry.summary.startswith(record.samenvatting)
        assert entry.updated.startswith(record.laatst_gecontroleerd.isoformat())
        assert entry.published.startswith(record.in_catalogus_sinds.isoformat())


def test_feed_is_linked_from_the_head_of_the_home_page_only(built_site):
    """Feed readers find it on the home page; on any other page Material would fetch sitemap.xml for it
    (it takes every <link rel="alternate"> for a language version), which the catalogue page does not need."""
    for page in [*built_site.rglob("index.html"), built_site / "404.html"]:
        markup = page.read_text(encoding="utf-8")
        head = markup.split("</head>", 1)[0]
        home = page == built_site / "index.html"
        assert ('<link rel="alternate" type="application/atom+xml"' in head) == home, page
        assert ('rel="alternate"' in head) == home, page
