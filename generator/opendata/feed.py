"""The Atom feed of new and updated practices: ``feed.xml`` at the site's root (RFC 4287).

One entry per practice, newest first, at most ``MAX_ENTRIES``: ``published`` is the day the
practice joined the catalogue (``toegevoegd``, else its last check), ``updated`` its last check
(``laatst_gecontroleerd``). A feed reader shows a practice again when an editor checks it anew.
The entry id is the page's URL: the slug is the file name and never changes. Every date comes
from the records: the same records give the same bytes.
"""
from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape, quoteattr

from ..records.dates import CHECKED, FIRST_EDITION, newest_date
from ..records.model import Praktijk
from ..records.stand import gegevens, looptijd
from .export import CatalogMetadata

FEED_NAME = "feed.xml"
FEED_TITEL = "Nieuwe en bijgewerkte praktijken"
MAX_ENTRIES = 50


def _moment(d: date) -> str:
    return f"{d.isoformat()}T00:00:00Z"


CATEGORY_LABELS = {"nieuw": "Nieuw in de catalogus", "bijgewerkt": "Opnieuw naast de bron gelegd"}


def entry_kind(r: Praktijk) -> str:
    """'nieuw' when the fiche was not checked again since the practice was added, else 'bijgewerkt'."""
    return "nieuw" if r.laatst_gecontroleerd <= r.in_catalogus_sinds else "bijgewerkt"


def summary(r: Praktijk) -> str:
    """The lead paragraph, then when its facts were true: a reader in 2030 must not take a 2016 fiche for news."""
    state = f"; de praktijk {looptijd(r)}" if r.afgeleid.lopend is not None else ""
    return f"{r.samenvatting} ({gegevens(r)}{state}.)"


def entries(records: list[Praktijk]) -> list[Praktijk]:
    newest = sorted(records, key=lambda r: (r.laatst_gecontroleerd, r.in_catalogus_sinds, r.slug), reverse=True)
    return newest[:MAX_ENTRIES]


def atom_feed(records: list[Praktijk], cat: CatalogMetadata) -> str:
    chosen = entries(records)
    updated = newest_date(chosen, CHECKED) or FIRST_EDITION
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl-BE">',
        f"  <id>{escape(cat.site_url + FEED_NAME)}</id>",
        f"  <title>{escape(cat.titel)}: {escape(FEED_TITEL.lower())}</title>",
        f"  <subtitle>{escape(cat.beschrijving)}</subtitle>",
        f"  <updated>{_moment(updated)}</updated>",
        f"  <author><name>{escape(cat.uitgever)}</name></author>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(cat.site_url + FEED_NAME)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(cat.site_url)}/>',
    ]
    for r in chosen:
        url = cat.site_url + r.url
        lines += [
            "  <entry>",
            f"    <id>{escape(url)}</id>",
            f"    <title>{escape(r.volledige_titel)}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"    <published>{_moment(r.in_catalogus_sinds)}</published>",
            f"    <updated>{_moment(r.laatst_gecontroleerd)}</updated>",
            f'    <category term="{entry_kind(r)}" label="{CATEGORY_LABELS[entry_kind(r)]}"/>',
            f"    <category term={quoteattr(r.hoofdstuk)}/>",
            f'    <summary type="text">{escape(summary(r))}</summary>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
