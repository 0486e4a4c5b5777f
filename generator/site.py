"""The site's generated pages: which pages exist, their Markdown source, and their HTML parts.

Record values reach HTML only through the autoescaping fragment templates in
``theme/fragments``; no record value is ever rendered as a template.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .book import Boek, Deel, Hoofdstuk, guide_order
from .model import Praktijk
from .vocab import Vocab


@dataclass
class GeneratedPage:
    """A page that exists only in memory: its source path, Markdown and the fragment that renders it."""

    src: str
    titel: str
    markdown: str
    fragment: str  # template name in theme/fragments
    context: dict = field(default_factory=dict)


def _markdown(titel: str, body: str = "", beschrijving: str | None = None, lijst: bool = False) -> str:
    # JSON is valid YAML: a title with ':' or quotes cannot break the front matter.
    meta = f"title: {json.dumps(titel, ensure_ascii=False)}\n"
    if beschrijving:
        meta += f"description: {json.dumps(beschrijving, ensure_ascii=False)}\n"
    if lijst:  # list pages repeat every summary: keep them out of the search index
        meta += "search:\n  exclude: true\n"
    return f"---\n{meta}---\n\n{body}\n"


@dataclass
class SiteModel:
    """Everything the templates need to know about the catalogue, computed once per build."""

    boek: Boek
    vocab: Vocab
    records: list[Praktijk]

    def __post_init__(self) -> None:
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
        found = [self.vocab.gemeenten[g].provincie for g in record.gemeenten] + list(record.provincies)
        return list(dict.fromkeys(found))

    def gemeente_label(self, name: str) -> str:
        """A municipality as the source names it, with today's name after a merger: 'Overpelt (nu Pelt)'."""
        opvolger = self.vocab.gemeenten[name].opvolger
        return f"{name} (nu {opvolger})" if opvolger else name

    def pages(self) -> list[GeneratedPage]:
        pages = [
            GeneratedPage(f"praktijken/{r.slug}.md", r.volledige_titel, _markdown(r.volledige_titel, r.verhaal, r.samenvatting),
                          "praktijk.html", {"p": r})
            for r in self.records
        ]
        pages.append(GeneratedPage("praktijken/index.md", "Alle praktijken", _markdown("Alle praktijken", lijst=True),
                                   "praktijken.html", {"records": self.records}))
        for deel in self.boek.onderdelen:
            if isinstance(deel, Deel):
                for h in deel.hoofdstukken:
                    pages.append(self._chapter_page(deel, h))
        for thema, term in self.vocab.themas.items():
            pages.append(GeneratedPage(f"themas/{thema}.md", f"Thema: {term.label}", _markdown(f"Thema: {term.label}", "", term.omschrijving, lijst=True),
                                       "thema.html", {"term": term, "records": self.per_thema.get(thema, [])}))
        pages.append(GeneratedPage("themas/index.md", "Thema's", _markdown("Thema's", lijst=True), "themas.html", {}))
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
        nav.append({"Alle praktijken": "praktijken/index.md"})
        nav.append({"Thema's": "themas/index.md"})
        return nav


def fragment_env(theme_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme_dir / "fragments"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["labels"] = lambda ids, terms: ", ".join(terms[i].label for i in ids)
    env.filters["tel"] = lambda number: "".join(ch for ch in number if ch.isdigit() or ch == "+")
    env.filters["weblink"] = lambda site: site if site.startswith(("http://", "https://")) else f"https://{site}"
    return env
