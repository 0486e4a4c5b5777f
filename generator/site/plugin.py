"""The engine plugin (MkDocs' plugin API): a thin event handler over the catalogue, the book and the site model."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from . import public as publiek
from .background import background
from ..records.book import load_book
from ..records.catalog import load_catalog
from .csp import inline_scripts, with_policy
from .engine import BasePlugin, File, Files, MkDocsConfig, Page, PluginError, base, get_relative_url
from .engine import config_options as c
from .engine_messages import dutch_rebuilds
from ..records.errors import display_path
from .safety import escape_meta, story_problems
from ..records.schema import SITE_FILE, schema_json
from ..search.indexes import build_indexes
from .serve_guard import host_guard
from ..search.catalogue_data import catalogue_files
from .pages import GeneratedPage, SiteModel, fragment_env
from .links import Site, docs_page, generated_pages, link_errors
from ..records.explain import HERSTEL
from ..records.explain import regels as afleiding_regels
from ..records.vocab import load_vocab

log = logging.getLogger("mkdocs.plugins.gids")

# Of the lunr-languages files Material copies into every site, the catalogue loads these two
# (theme/fragments/catalogus.html); the other languages are left out of the site.
LUNR_FOLDER = "assets/javascripts/lunr/"
LUNR_USED = {"assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.nl.min.js",
             "assets/javascripts/lunr/min/lunr-languages.LICENSE.txt"}


class GidsConfig(base.Config):
    praktijken = c.Type(str, default="praktijken")
    """Folder with the records, relative to mkdocs.yml."""
    boek = c.Type(str, default="boek.yml")
    """The book definition: order of parts, chapters and narrative pages."""
    fragmenten = c.Type(str, default="theme")
    """Folder whose ``fragments/`` holds the page-type templates."""


@dataclass(frozen=True)
class Download:
    """The guide's PDF beside the site (set by ``gids build``), for the home page's download link."""

    bestand: str
    paginas: int
    grootte: str  # "1,4 MB"


class GidsPlugin(BasePlugin[GidsConfig]):
    download: Download | None = None
    actief: GidsPlugin | None = None  # the plugin of the latest build, for messages about its files
    pages: dict[str, GeneratedPage]
    bezig: str | None = None

    voor_redacteur = False  # `gids serve`: practice pages also show what the generator derived

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps a plugin with on_startup across the rebuilds of `serve`, so this holds for all of them
        self.voor_redacteur = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        GidsPlugin.actief = self  # `gids serve` loads a new config (and plugin) for every rebuild
        self.docs_dir = Path(config.docs_dir)
        self.pages = {}
        root = Path(config.config_file_path).parent
        vocab = load_vocab()
        catalog = load_catalog(root / self.config.praktijken, vocab)
        boek, book_errors = load_book(root / self.config.boek, Path(config.docs_dir), vocab)
        errors = catalog.errors + book_errors
        if errors:
            for error in errors:
                log.error(str(error), extra={"probleem": error})
            raise PluginError(f"{len(errors)} fout(en) in de praktijken of de boekdefinitie; de site is niet gebouwd.")
        self.model = SiteModel(boek, vocab, catalog.records)
        self.env = fragment_env(root / self.config.fragmenten)
        config.nav = self.model.nav()
        self.publiek = publiek.Publiek.from_config(config, self.model)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.indexes = background(build_indexes, self.model.records, self.model.vocab)
        for file in [f for f in files if f.src_uri.startswith(LUNR_FOLDER) and f.src_uri not in LUNR_USED]:
            files.remove(file)
        for page in self.model.pages():
            self.pages[page.src] = page
            files.append(File.generated(config, page.src, content=page.markdown))
        for path, data in self.publiek.files().items():  # open data and feed: MkDocs copies them and checks links to them
            files.append(File.generated(config, path, content=data))
        self._refuse_dead_links(files, config)
        return files

    def _refuse_dead_links(self, files: Files, config: MkDocsConfig) -> None:
        """The check `gids check` makes (story_links), on the files of this build: one message per link, in Dutch."""
        fragments = Path(config.config_file_path).parent / self.config.fragmenten / "fragments"
        pages = generated_pages(self.model, fragments)
        pages.update({f.src_uri: docs_page(f.src_uri, Path(f.abs_src_path), fragments)
                      for f in files.documentation_pages() if f.generated_by is None and f.abs_src_path})
        site = Site({f.src_uri for f in files}, pages, (list(config.markdown_extensions), dict(config.mdx_configs)))
        errors = link_errors(site)
        for error in errors:
            log.error(str(error), extra={"probleem": error})
        if errors:
            raise PluginError(f"{len(errors)} fout(en) in de links hierboven; de site is niet gebouwd.")

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.bezig = page.file.src_uri  # the page being built, should it fail without saying which
        escape_meta(page.meta)  # Material prints the title and description unescaped
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None and "p" in generated.context:
            _refuse_unsafe_story(generated.context["p"].path, html)
        if generated is None and not page.is_homepage:
            _refuse_inline_scripts(self.source_of(page.file.src_uri), html)
            return html

        def link(target: str) -> str:
            """URL of a site path (e.g. 'themas/taal/'), relative to the current page."""
            return get_relative_url(target, page.url)

        context = dict(m=self.model, vocab=self.model.vocab, link=link, inhoud=html, page_url=page.url, download=self.download,
                       afleiding=afleiding_regels if self.voor_redacteur else None, herstel=HERSTEL)
        if generated is None:  # the hand-written home page gets its entry points appended
            home = self.env.get_template("home.html").render(**context)
            _add_anchors(page, home)
            _refuse_inline_scripts(self.source_of(page.file.src_uri), html + home)
            return html + home
        rendered = self.env.get_template(generated.fragment).render(**context, **generated.context)
        _add_anchors(page, rendered)
        _refuse_inline_scripts(self.source_of(page.file.src_uri), rendered)
        return rendered

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        page.update_date = self.publiek.page_date(page.file.src_uri)  # the sitemap's lastmod
        return page

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
        context.update(self.publiek.head(page, config))
        return context

    # The Content-Security-Policy (generator/site/csp.py) on every page and on 404.html. Not in `gids serve`:
    # its live reload adds an inline script with a new number on every request, which no hash can allow.
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return output if self.voor_redacteur else with_policy(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if self.voor_redacteur or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        files = catalogue_files(self.model.records, self.model.facets, self.model.vocab)
        files.update(self.indexes.result())
        files[SITE_FILE] = schema_json(self.model.vocab)
        for relative, text in files.items():
            target = site / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def source_of(self, src_uri: str) -> Path:
        """The file a page comes from: the record of a practice's generated page, else the page in docs/."""
        generated = self.pages.get(src_uri)
        if generated is not None and "p" in generated.context:
            return Path(generated.context["p"].path)
        return self.docs_dir / src_uri

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """`gids serve` rebuilds when a record, the book or a page template changes, not only docs/."""
        root = Path(config.config_file_path).parent
        for path in (root / self.config.praktijken, root / self.config.boek, root / self.config.fragmenten):
            if path.exists():
                server.watch(str(path))
        server.builder = dutch_rebuilds(server.builder)  # a failed rebuild is reported in Dutch, not as a traceback
        server.set_app(host_guard(server.get_app(), *config.dev_addr))  # no answer to other sites' pages (DNS rebinding)
        return server

def _add_anchors(page: Page, rendered: str) -> None:
    """Let links to a generated page's own parts (``andere-praktijk.md#fiche``) pass MkDocs' anchor check,
    which only knows the ids of the Markdown."""
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(re.findall(r'\sid="([^"]+)"', rendered))


def _refuse_inline_scripts(path: Path, html: str) -> None:
    """Stop the build when a page's content has a script of its own: the policy only lets the theme's run."""
    if inline_scripts(html):
        log.error(f"{display_path(path)}: de pagina bevat een script; de site voert alleen de scripts van het thema uit "
                  "(Content-Security-Policy). Zet het script in een bestand in theme/assets/javascripts/ en laad het "
                  "met <script src=...>.")
        raise PluginError(f"{display_path(path)}: de pagina bevat een script; de site is niet gebouwd.")


def _refuse_unsafe_story(path: str, html: str) -> None:
    """Stop the build when a story became more than Markdown (the validator should have refused it)."""
    problems = story_problems(html)
    for problem in problems:
        log.error(f"{path}: verhaal: {problem}")
    if problems:
        raise PluginError(f"{path}: het verhaal bevat HTML die niet is toegestaan; de site is niet gebouwd.")
