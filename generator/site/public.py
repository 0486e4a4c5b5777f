"""The catalogue in the open: what the plugin adds for machines and re-users.

- every page's ``<head>``: Open Graph tags and, on a practice page, JSON-LD (rendered by
  ``theme/main.html`` from the ``gids_head`` context, which also links the Atom feed);
- every page's date for the sitemap (``page.update_date``, which MkDocs writes as ``lastmod``
  and uses for the gzip time of ``sitemap.xml.gz``);
- ``open-data/praktijken.json``, ``open-data/praktijken.csv`` and ``feed.xml``, handed to MkDocs as
  generated files (``on_files``): MkDocs copies them, ``gids serve`` serves them, and a broken link
  to one of them fails the strict build.

Absolute URLs need ``site_url`` in mkdocs.yml.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..opendata.export import CatalogMetadata, open_data_files
from ..opendata.feed import FEED_NAME, atom_feed
from ..opendata.linked_data import catalogue_date, open_graph, practice_jsonld, script_json
from ..records.model import Praktijk
from .engine import MkDocsConfig, Page, PluginError
from .pages import SiteModel


def site_url(config: MkDocsConfig) -> str:
    url = config.site_url or ""
    if not url:
        raise PluginError("site_url ontbreekt in mkdocs.yml: de feed, de sitemap en de open data hebben absolute adressen nodig")
    return url if url.endswith("/") else url + "/"


@dataclass
class Publication:
    cat: CatalogMetadata
    model: SiteModel
    per_src: dict[str, Praktijk]
    datum: str  # the date of every page that is not a practice

    @classmethod
    def from_config(cls, config: MkDocsConfig, model: SiteModel) -> Publication:
        cat = CatalogMetadata(titel=config.site_name, beschrijving=config.site_description or "",
                        uitgever=config.site_author or "", site_url=site_url(config))
        return cls(cat, model, {f"praktijken/{r.slug}.md": r for r in model.records},
                   catalogue_date(model.records).isoformat())

    def page_date(self, src_uri: str) -> str:
        """A practice page: its last check. Any other page: the catalogue's date (see ``catalogue_date``)."""
        record = self.per_src.get(src_uri)
        if record is not None:
            return record.laatst_gecontroleerd.isoformat()
        return self.datum

    def head(self, page: Page, config: MkDocsConfig) -> dict:
        meta = page.meta or {}
        titel = meta.get("title") or page.title or config.site_name
        beschrijving = meta.get("description") or config.site_description or ""
        record = self.per_src.get(page.file.src_uri)
        head: dict[str, object] = {
            "og": open_graph(_text(titel), _text(beschrijving), page.canonical_url, "article" if record else "website", self.cat),
            "jsonld": None,
        }
        if record is not None:
            head["jsonld"] = script_json(practice_jsonld(record, self.model.vocab, self.cat))
        return {"gids_head": head}

    def files(self) -> dict[str, bytes]:
        files = open_data_files(self.model.records, self.model.facets, self.model.vocab, self.cat)
        files[FEED_NAME] = atom_feed(self.model.records, self.cat).encode("utf-8")
        return files


def _text(value: object) -> str:
    """Plain text of a title or description (safety.escape_meta made them Markup for MkDocs' own templates)."""
    return value.unescape() if isinstance(value, Markup) else str(value)
