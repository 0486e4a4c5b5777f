"""The engine plugin (MkDocs' plugin API): a thin event handler over the catalogue, the book and the site model."""
from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import cast

from ..print import fill
from ..print.chapters import CHAPTER_FOLDER, chapter_editions, with_practices
from ..print.pdf import PDF_NAME, PdfResult, make_pdf
from ..print.progress import Progress
from ..print.selection import edition_for
from ..records.errors import display_path
from ..records.explain import HERSTEL
from ..records.explain import facts as afleiding_regels
from ..records.inputs import load_inputs
from ..records.layout import BOEK, PRAKTIJKEN, THEME, ProjectLayout
from ..records.schema import SITE_FILE, schema_json
from ..search.catalogue_data import catalogue_files
from ..search.indexes import build_indexes
from ..shared.issue_forms import IssueForms
from . import public
from .background import background
from .csp import inline_scripts, with_policy
from .downloads import Download, Marks, PendingDownload, downloads
from .engine import (
    BasePlugin,
    File,
    Files,
    LiveReloadServer,
    MkDocsConfig,
    Navigation,
    Page,
    PluginError,
    TemplateContext,
    base,
    get_relative_url,
)
from .engine import config_options as c
from .engine_messages import dutch_rebuilds, locate_pages
from .hyphenation import with_soft_hyphens
from .links import Site, check_links, docs_page, generated_pages, link_errors
from .pages import GeneratedPage, SiteModel, fragment_context, fragment_env
from .safety import escape_meta, story_problems
from .serve_guard import host_guard

log = logging.getLogger("mkdocs.plugins.gids")

# Of the lunr-languages files Material copies into every site, the catalogue loads these two
# (theme/fragments/catalogus.html); the other languages are left out of the site.
LUNR_FOLDER = "assets/javascripts/lunr/"
LUNR_USED = {"assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.nl.min.js",
             "assets/javascripts/lunr/min/lunr-languages.LICENSE.txt"}


class GidsConfig(base.Config):
    """The plugin's options in mkdocs.yml; a relative path is taken from mkdocs.yml's folder."""

    praktijken = c.Dir(exists=False, default=PRAKTIJKEN)
    """Folder with the records."""
    boek = c.File(exists=False, default=BOEK)
    """The book definition: order of parts, chapters and narrative pages."""
    fragmenten = c.Dir(exists=False, default=THEME)
    """The theme folder, whose ``fragments/`` holds the page-type templates."""


class GidsPlugin(BasePlugin[GidsConfig]):
    """One per build: `gids serve` loads a new config, and with it a new plugin, for every rebuild."""

    def __init__(self) -> None:
        super().__init__()
        self.download: Download | PendingDownload | None = None  # set when `gids build` makes the PDF
        self.chapter_downloads: dict[str, Download | PendingDownload] = {}  # per chapter id, likewise
        self.marks: Marks | None = None  # while the PDF is laid out beside the build (await_guide)
        self.pages: dict[str, GeneratedPage] = {}
        self.building: str | None = None  # the page being built, should it fail without saying which
        self.for_editor = False  # `gids serve`: practice pages also show what the generator derived

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps a plugin with on_startup across the rebuilds of `serve`, so this holds for all of them
        self.for_editor = command == "serve"

    def project_layout(self, config: MkDocsConfig) -> ProjectLayout:
        """The project's paths as this configuration names them."""
        return ProjectLayout(Path(config.config_file_path).parent.resolve(), Path(self.config.praktijken),
                             Path(self.config.boek), Path(config.docs_dir), Path(self.config.fragmenten))

    def make_guide(self, config: MkDocsConfig, folder: Path, check_first: bool = True) -> PdfResult | None:
        """Lay out the whole guide and its chapters into ``folder`` (`gids build`), in this or a second process.

        With problems in the records nothing is made here: the engine's build reports them. Beside that build
        (``check_first=False``) the story links are not looked at first: a build that refuses them discards the PDF.
        """
        layout = self.project_layout(config)
        inputs = load_inputs(layout)
        if inputs.errors or inputs.boek is None:
            return None
        if check_first and check_links(layout.praktijken, inputs.records, inputs.vocab):
            return None
        guide = edition_for(inputs.boek, inputs.records, inputs.vocab)
        chapters = chapter_editions(guide, inputs.boek, inputs.records, inputs.vocab, folder / CHAPTER_FOLDER)
        return make_pdf(guide, folder / PDF_NAME, layout, inputs.vocab, Progress.automatic(),
                        site_url=config.site_url or None, chapters=chapters)

    def forget_guide(self) -> None:
        """No PDF links until this build makes one: the engine keeps one plugin per process across builds."""
        self.download, self.chapter_downloads, self.marks = None, {}, None

    def use_guide(self, result: PdfResult) -> None:
        """The home and chapter pages link the guide and its chapters, with pages and size."""
        for warning in result.warnings:
            print(f"waarschuwing (pdf): {warning}", file=sys.stderr)
        if near_empty := fill.note(result.near_empty):
            print(f"opmerking (pdf): {near_empty}", file=sys.stderr)
        self.download, chapters = downloads(result)
        self.chapter_downloads = dict(chapters)

    def await_guide(self) -> None:
        """The PDF is laid out while this build runs: the pages get marks for its figures (site/downloads.py)."""
        self.marks = Marks()

    def fill_in_guide(self, result: PdfResult) -> None:
        """Write the figures of the PDFs that await_guide's build waited for into the built pages."""
        assert self.marks is not None, "await_guide comes first"
        self.use_guide(result)
        made = [d for d in [self.download, *self.chapter_downloads.values()] if isinstance(d, Download)]
        self.marks.fill_in(made)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        locate_pages(self.source_of)  # the engine's messages about a page name the file it comes from
        self.layout = layout = self.project_layout(config)
        self.pages = {}
        inputs = load_inputs(layout)
        if inputs.errors or inputs.boek is None:
            for error in inputs.errors:
                log.error(str(error), extra={"probleem": error})
            raise PluginError(f"{len(inputs.errors)} fout(en) in de praktijken of de boekdefinitie; de site is niet gebouwd.")
        self.model = SiteModel(inputs.boek, inputs.vocab, inputs.records)
        if self.marks is not None:  # the chapters the guide's PDF will have, as make_guide lays it out
            editie = edition_for(inputs.boek, inputs.records, inputs.vocab)
            self.download = self.marks.pending(PDF_NAME)
            self.chapter_downloads = {chapter: self.marks.pending(f"{CHAPTER_FOLDER}/{chapter}.pdf")
                                      for chapter in with_practices(editie)}
        self.env = fragment_env(layout.theme)
        config.nav = self.model.nav()
        self.publication = public.Publication.from_config(config, self.model)
        self.forms = IssueForms(config.repo_url) if config.repo_url else None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.indexes = background(build_indexes, self.model.records, self.model.vocab)
        for file in [f for f in files if f.src_uri.startswith(LUNR_FOLDER) and f.src_uri not in LUNR_USED]:
            files.remove(file)
        for page in self.model.pages():
            self.pages[page.src] = page
            files.append(File.generated(config, page.src, content=page.markdown))
        for path, data in self.publication.files().items():  # open data and feed: MkDocs copies them and checks links to them
            files.append(File.generated(config, path, content=data))
        self._refuse_dead_links(files, config)
        return files

    def _refuse_dead_links(self, files: Files, config: MkDocsConfig) -> None:
        """The check `gids check` makes (story_links), on the files of this build: one message per link, in Dutch."""
        fragments = self.layout.fragments
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
        self.building = page.file.src_uri
        escape_meta(page.meta)  # Material prints the title and description unescaped
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None and generated.praktijk is not None:
            _refuse_unsafe_story(generated.praktijk.path, html)
        if generated is None and not page.is_homepage:
            _refuse_inline_scripts(self.source_of(page.file.src_uri), html)
            return html

        def link(target: str) -> str:
            """URL of a site path (e.g. 'themas/taal/'), relative to the current page."""
            return get_relative_url(target, page.url)

        context = fragment_context(self.model, link, inhoud=html, page_url=page.url, download=self.download,
                                   hoofdstuk_pdf=self.chapter_downloads, formulieren=self.forms, herstel=HERSTEL,
                                   afleiding=afleiding_regels if self.for_editor else None)
        if generated is None:  # the hand-written home page gets its entry points appended
            home = self.env.get_template("home.html").render(**context)
            _add_anchors(page, home)
            _refuse_inline_scripts(self.source_of(page.file.src_uri), html + home)
            return html + home
        rendered = self.env.get_template(generated.fragment).render(**context, **generated.template_context())
        _add_anchors(page, rendered)
        _refuse_inline_scripts(self.source_of(page.file.src_uri), rendered)
        return rendered

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        page.update_date = self.publication.page_date(page.file.src_uri)  # the sitemap's lastmod
        return page

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        # TemplateContext names MkDocs' own keys; a plugin adds its own for the theme (Material reads 'gids_head')
        cast(dict[str, object], context).update(self.publication.head(page, config))
        return context

    # The Content-Security-Policy (generator/site/csp.py) on every page and on 404.html. Not in `gids serve`:
    # its live reload adds an inline script with a new number on every request, which no hash can allow.
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = with_soft_hyphens(output)
        output = output if self.for_editor else with_policy(output)
        if self.marks is not None and page.file.abs_dest_path:
            self.marks.note(output, Path(page.file.abs_dest_path))
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if self.for_editor or not template_name.endswith(".html"):
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
        if self.forms is None:  # said once, after a build that worked; a logged warning would stop a strict build
            print("gids: geen adres van de repository (GIDS_REPO_URL of repo_url in mkdocs.yml): de links 'Een praktijk "
                  "voorstellen' en 'Meld een wijziging' naar de issueformulieren zijn weggelaten.", file=sys.stderr)

    def source_of(self, src_uri: str) -> Path:
        """The file a page comes from: the record of a practice's generated page, else the page in docs/."""
        generated = self.pages.get(src_uri)
        if generated is not None and generated.praktijk is not None:
            return Path(generated.praktijk.path)
        return self.layout.docs / src_uri

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
        """`gids serve` rebuilds when a record, the book or a page template changes, not only docs/."""
        layout = self.project_layout(config)
        for path in (layout.praktijken, layout.boek, layout.theme):
            if path.exists():
                server.watch(str(path))
        server.builder = dutch_rebuilds(server.builder)  # a failed rebuild is reported in Dutch, not as a traceback
        app = server.get_app()
        assert app is not None, "LiveReloadServer sets its app when it is made"
        server.set_app(host_guard(app, *config.dev_addr))  # no answer to other sites' pages (DNS rebinding)
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
