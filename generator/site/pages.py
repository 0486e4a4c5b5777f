"""The site's generated pages: which pages exist, their Markdown source, and their HTML parts.

Record values reach HTML only through the autoescaping fragment templates in
``theme/fragments``; no record value is ever rendered as a template.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..records.book import Boek, Deel, Hoofdstuk, guide_order
from ..records.facets import Facets, gemeente_slug
from ..records.model import Praktijk
from ..records.templates import safe_env
from ..records.vocab import Vocab
from ..search.related import related


@dataclass
class GeneratedPage:
    """A page that exists only in memory: its source path, Markdown and the fragment that renders it."""

    src: str
    titel: str
    markdown: str
    fragment: str  # template name in theme/fragments
    context: dict[str, object] = field(default_factory=dict)  # what the fragment reads, besides the site's own
    praktijk: Praktijk | None = None  # on a practice's page: its record, which the fragment reads as 'p'

    def template_context(self) -> dict[str, object]:
        return {**self.context, "p": self.praktijk} if self.praktijk is not None else self.context


def _markdown(titel: str, body: str = "", beschrijving: str | None = None, lijst: bool = False, breed: bool = False) -> str:
    # JSON is valid YAML: a title with ':' or quotes cannot break the front matter.
    meta = f"title: {json.dumps(titel, ensure_ascii=False)}\n"
    if beschrijving:
        meta += f"description: {json.dumps(beschrijving, ensure_ascii=False)}\n"
    if lijst:  # list pages repeat every summary: keep them out of the search index
        meta += "search:\n  exclude: true\n"
    if breed:  # the catalogue needs the width for its filters and results, and has its own search box
        meta += "hide:\n  - navigation\n  - toc\nzoekpagina: true\n"
    return f"---\n{meta}---\n\n{body}\n"


@dataclass
class SiteModel:
    """Everything the templates need to know about the catalogue, computed once per build."""

    boek: Boek
    vocab: Vocab
    records: list[Praktijk]

    def __post_init__(self) -> None:
        self.facets = Facets(self.records, self.vocab)
        self.verwant = related(self.records)
        self.per_hoofdstuk: dict[str, list[Praktijk]] = defaultdict(list)
        self.per_thema: dict[str, list[Praktijk]] = defaultdict(list)
        for record in self.records:
            self.per_hoofdstuk[record.hoofdstuk].append(record)
            for thema in record.themas:
                self.per_thema[thema].append(record)
        for key in self.per_hoofdstuk:
            self.per_hoofdstuk[key] = guide_order(self.per_hoofdstuk[key])

    def provincies(self, record: Praktijk) -> list[str]:
        """Province ids of a record: of its municipalities (today's borders) and any given explicitly."""
        return self.facets.provincies(record)

    def gemeente_id(self, name: str) -> str:
        return gemeente_slug(name)

    def gemeente_label(self, name: str) -> str:
        """A municipality as the source names it, with today's name after a merger: 'Overpelt (nu Pelt)'."""
        opvolger = self.vocab.gemeenten[name].opvolger
        return f"{name} (nu {opvolger})" if opvolger else name

    def pages(self) -> list[GeneratedPage]:
        pages = [
            GeneratedPage(f"praktijken/{r.slug}.md", r.volledige_titel, _markdown(r.volledige_titel, r.verhaal, r.samenvatting),
                          "praktijk.html", praktijk=r)
            for r in self.records
        ]
        pages.append(GeneratedPage("praktijken/index.md", "Praktijken zoeken",
                                   _markdown("Praktijken zoeken", lijst=True, breed=True), "catalogus.html", {}))
        for deel in self.boek.onderdelen:
            if isinstance(deel, Deel):
                for h in deel.hoofdstukken:
                    pages.append(self._chapter_page(deel, h))
        pages += self._group_pages("themas", "thema", "Thema's",
                                   {k: (t.label, t.omschrijving) for k, t in self.vocab.themas.items()})
        used = self.facets.definitions
        provincies = next(f for f in used if f.key == "provincie").values
        pages += self._group_pages("provincies", "provincie", "Provincies", {k: (label, "") for k, label in provincies.items()})
        gemeenten = next(f for f in used if f.key == "gemeente").values
        pages += self._group_pages("gemeenten", "gemeente", "Gemeenten", {k: (name, "") for k, name in gemeenten.items()})
        return pages

    def _group_pages(self, folder: str, facet: str, titel: str, groups: dict[str, tuple[str, str]]) -> list[GeneratedPage]:
        """One page per value of a facet (a theme, province, municipality) listing its practices, plus an index page.

        These pages list everything as plain links, so nothing depends on JavaScript.
        """
        label = next(f.label for f in self.facets.definitions if f.key == facet)
        pages, counts = [], {}
        for key, (naam, omschrijving) in groups.items():
            records = sorted(self.facets.members(facet, key), key=lambda r: (r.plaats.lower(), r.titel.lower()))
            counts[key] = len(records)
            page_title = f"{label}: {naam}"
            pages.append(GeneratedPage(f"{folder}/{key}.md", page_title,
                                       _markdown(page_title, "", omschrijving or None, lijst=True), "groep.html",
                                       {"folder": folder, "facet": facet, "facet_label": label, "key": key,
                                        "naam": naam, "omschrijving": omschrijving, "records": records}))
        pages.append(GeneratedPage(f"{folder}/index.md", titel, _markdown(titel, lijst=True), "groepen.html",
                                   {"folder": folder, "titel": titel, "groups": groups, "counts": counts}))
        return pages

    def _chapter_page(self, deel: Deel, h: Hoofdstuk) -> GeneratedPage:
        return GeneratedPage(h.src, h.term.label, _markdown(h.term.label, "", h.term.omschrijving), "hoofdstuk.html",
                             {"deel": deel, "hoofdstuk": h, "records": self.per_hoofdstuk.get(h.id, [])})

    def nav(self) -> list:
        """MkDocs nav following the guide: parts as sections, chapters as section index pages.

        Practices are deliberately left out: Material renders the whole nav on every page.
        """
        nav: list = [{"Home": "index.md"}]
        for part in self.boek.onderdelen:
            if isinstance(part, Deel):
                chapters = [{h.term.label: [h.src] + [{p.titel: p.src} for p in h.situering]} for h in part.hoofdstukken]
                nav.append({part.term.label: chapters})
            else:
                nav.append({part.titel: part.src})
        nav.append({"Praktijken zoeken": "praktijken/index.md"})
        nav.append({"Per thema, provincie of gemeente": ["themas/index.md", "provincies/index.md", "gemeenten/index.md"]})
        return nav


def fragment_env(theme_dir: Path) -> jinja2.Environment:
    return safe_env(theme_dir / "fragments")


def fragment_context(model: SiteModel, link: Callable[[str], str], *, inhoud: str = "", page_url: str = "",
                     download: Any = None, hoofdstuk_pdf: Mapping[str, Any] | None = None, afleiding: Any = None,
                     herstel: str = "", formulieren: Any = None) -> dict[str, Any]:
    """Everything a fragment template may use, in one place: the plugin and bench_build render with it alike.
    What a page lacks (a download, chapter PDFs, form links) is left out of the page, not an error."""
    return dict(m=model, vocab=model.vocab, link=link, inhoud=inhoud, page_url=page_url, download=download,
                hoofdstuk_pdf=hoofdstuk_pdf or {}, afleiding=afleiding, herstel=herstel, formulieren=formulieren)
