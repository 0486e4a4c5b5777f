"""The links and images of the stories and the hand-written pages, checked as the build checks them.

`gids check` and the build run this same check, so an editor hears of a dead link from `gids check`, at its
file and line, and not from a failed build half a minute later. Links are read by Python-Markdown with the
site's own extensions (what is code is no link, a reference link is one), and resolved the way MkDocs
resolves them: relative to the page's file, ``praktijken/<slug>.md`` for a practice. Refused:
- a link to a page or file the site does not have, or to an anchor its page does not have;
- a link to a folder or an address instead of a page's file, and a link from the root ('/...');
- a link to 'file:' (a file on the editor's own computer);
- an image from another server or from 'file:' (every visitor's browser would contact that server).
"""
from __future__ import annotations

import difflib
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from ..opendata.export import CSV_NAME, FOLDER, JSON_NAME
from ..opendata.feed import FEED_NAME
from ..records.book import load_book
from ..records.budget import text_errors
from ..records.catalog import record_files
from ..records.docs_text import page_text
from ..records.errors import RecordError, display_path
from ..records.layout import BOEK, CONFIG, DOCS, THEME
from ..records.loader import read_record
from ..records.model import Praktijk
from ..records.story_check import mask_code
from ..records.vocab import Vocab
from .pages import SiteModel

# What MkDocs always adds to the extensions of mkdocs.yml (its config default 'markdown_extensions').
ENGINE_EXTENSIONS = ("toc", "tables", "fenced_code")
# Files the plugin adds besides the pages (the open data and the feed): a story may link them.
PUBLIEK = (f"{FOLDER}/{JSON_NAME}", f"{FOLDER}/{CSV_NAME}", FEED_NAME)
TEMPLATE_ID = re.compile(r'\sid="([A-Za-z][\w-]*)"')
Markdown = tuple[list[str], dict[str, dict]]  # the extensions and their settings


@dataclass
class LinkPage:
    """A page whose Markdown may hold links: where it sits in the site, and where an editor finds it."""

    src: str  # its place in the site: 'praktijken/x.md', 'gids/partners.md'
    path: str  # the file an editor opens, as messages show it
    tekst: str  # its Markdown, without front matter
    eerste_regel: int  # the file's line on which ``tekst`` starts
    veld: str = ""  # the field a message names: 'verhaal' for a practice
    ankers: frozenset[str] = frozenset()  # ids its template adds around the Markdown (a practice's 'fiche')
    ankers_bekend: bool = True  # False for a record with errors: what its page will hold is not known yet


@dataclass
class Site:
    """What a link can reach: every file of the site by its place, and the pages with their Markdown."""

    bestanden: set[str]
    paginas: dict[str, LinkPage]
    markdown: Markdown
    _gelezen: dict[str, _Read] = field(default_factory=dict)

    def lees(self, pagina: LinkPage) -> _Read:
        if pagina.src not in self._gelezen:
            # a text over budget is refused by itself (budget), and never given to Markdown
            within = not text_errors(pagina.path, pagina.tekst, pagina.eerste_regel)
            self._gelezen[pagina.src] = _read(pagina.tekst, self.markdown) if within else _Read([], frozenset())
        return self._gelezen[pagina.src]


@dataclass(frozen=True)
class _Read:
    links: list[tuple[str, str]]  # (tag, url) in document order: ('a', href) or ('img', src)
    ids: frozenset[str]


def link_errors(site: Site) -> list[RecordError]:
    """Every refused link and image of every page, at its file, line and column."""
    errors: list[RecordError] = []
    for pagina in site.paginas.values():
        if "](" not in pagina.tekst and "]:" not in pagina.tekst:  # no link to a file or image can be there
            continue
        locate = _Locator(pagina)
        for tag, url in site.lees(pagina).links:
            message = _judge(site, pagina, tag, url)
            if message:
                line, column = locate(url)
                errors.append(RecordError(pagina.path, line, column, pagina.veld, message))
    return sorted(errors)


def _judge(site: Site, pagina: LinkPage, tag: str, url: str) -> str | None:
    """What is wrong with one link or image, or None. Mirrors MkDocs' link validation (strict mode)."""
    wat = "afbeelding" if tag == "img" else "link"
    try:
        scheme, netloc, path, _, anchor = urlsplit(url)
    except ValueError:  # 'https://[::1/x': an opened IPv6 bracket that never closes
        return (f"{wat} '{url}' is geen geldig adres (de haakjes '[' en ']' in de servernaam kloppen niet); schrijf het "
                "adres zoals het in de adresbalk van je browser staat")
    if scheme.lower() == "file":
        return (f"{wat} '{url}' verwijst naar een bestand op je eigen computer ('file:'); bezoekers kunnen dat niet "
                "openen: zet het bestand in docs/ en verwijs ernaar ten opzichte van deze pagina")
    if scheme or netloc:
        if tag == "img":
            return (f"afbeelding '{url}' staat op een andere server: de site laadt niets van andere servers (zie de "
                    "privacyverklaring); zet de afbeelding in docs/ en verwijs ernaar ten opzichte van deze pagina")
        return None
    if AMP_SUBSTITUTE in url:  # an e-mail address, which Markdown encodes
        return None
    if url.startswith(("/", "\\")):
        return _with_hint(f"{wat} '{url}' begint met '/': schrijf een link ten opzichte van deze pagina, bv. "
                          "'andere-praktijk.md' of '../gids/partners.md'", _guess(site, pagina, url.lstrip("/\\"), anchor))
    if not path:
        if anchor and pagina.ankers_bekend and anchor not in _anchors(site, pagina):
            return _with_hint(f"link '{url}': anker '#{anchor}' bestaat niet op deze pagina",
                              _close_anchor(site, pagina, anchor, ""))
        return None
    target = _target(pagina.src, unquote(path))
    if target not in site.bestanden:
        if not posixpath.splitext(path)[1]:
            message = (f"{wat} '{url}' verwijst naar een map of een adres, niet naar een bestand: verwijs naar het "
                       "bestand van de pagina, bv. 'andere-praktijk.md' of '../themas/taal.md'")
        elif target.endswith(".md"):
            message = f"{wat} '{url}' verwijst naar een pagina die niet bestaat"
        else:
            message = f"{wat} '{url}' verwijst naar een bestand dat niet bestaat"
        return _with_hint(message, _guess(site, pagina, unquote(path), anchor))
    doel = site.paginas.get(target)
    if anchor and doel is not None and doel.ankers_bekend and anchor not in _anchors(site, doel):
        return _with_hint(f"link '{url}': anker '#{anchor}' bestaat niet op de pagina {doel.path}",
                          _close_anchor(site, doel, anchor, _relative(target, pagina.src)))
    return None


def _target(src: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(src), path)).lstrip("/")


def _relative(target: str, src: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


def _with_hint(message: str, hint: str | None) -> str:
    return f"{message}; bedoelde je '{hint}'?" if hint else message


def _guess(site: Site, pagina: LinkPage, path: str, anchor: str) -> str | None:
    """The file the editor probably meant, written relative to the page: MkDocs' own guesses, then a near name."""
    suffix = f"#{anchor}" if anchor else ""
    for candidate in _candidates(pagina.src, path):
        if candidate in site.bestanden:
            return _relative(candidate, pagina.src) + suffix
    target = _target(pagina.src, path)
    if not target.endswith(".md"):
        return None
    pages = {_name(src): src for src in sorted(site.bestanden) if src.endswith(".md")}
    close = difflib.get_close_matches(_name(target), list(pages), n=1, cutoff=0.75)
    return _relative(pages[close[0]], pagina.src) + suffix if close else None


def _candidates(src: str, path: str) -> Iterator[str]:
    """From the root; relative to the page's address instead of its file; a folder's index; '.html' for '.md'."""
    url_folder = src[:-3] if src.endswith(".md") and not src.endswith("index.md") else posixpath.dirname(src)
    for base in (_target(src, path), path.lstrip("/"), posixpath.normpath(posixpath.join(url_folder, path))):
        stem = base.rstrip("/")
        if not posixpath.splitext(stem)[1]:
            yield from (stem + ".md", stem + "/index.md")
        elif stem.endswith(".html"):
            yield stem[:-5] + ".md"
        yield stem


def _name(src: str) -> str:
    """A page's name to compare: the file without '.md', or its folder for an index page."""
    head, tail = posixpath.split(src[:-3])
    return posixpath.basename(head) if tail in ("index", "README") and head else tail


def _anchors(site: Site, pagina: LinkPage) -> frozenset[str]:
    return site.lees(pagina).ids | pagina.ankers


def _close_anchor(site: Site, pagina: LinkPage, anchor: str, prefix: str) -> str | None:
    close = difflib.get_close_matches(anchor, sorted(_anchors(site, pagina)), n=1, cutoff=0.6)
    return f"{prefix}#{close[0]}" if close else None


# ---------------------------------------------------------------- reading Markdown

class _Collector(Treeprocessor):
    """Runs after every other tree step (the table of contents included), as MkDocs' own link check does."""

    links: list[tuple[str, str]]
    ids: set[str]

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and element.get("href") is not None:
                self.links.append(("a", element.get("href", "")))
            elif element.tag == "img" and element.get("src") is not None:
                self.links.append(("img", element.get("src", "")))
            if element.get("id"):
                self.ids.add(element.get("id", ""))
            if element.tag == "a" and element.get("name"):
                self.ids.add(element.get("name", ""))


def _read(tekst: str, settings: Markdown) -> _Read:
    extensions, configs = settings
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    collector = _Collector(md)
    collector.links, collector.ids = [], set()  # an empty text is converted without any tree step
    md.treeprocessors.register(collector, "gids_links", 0)
    md.convert(tekst)
    return _Read(collector.links, frozenset(collector.ids))


class _Locator:
    """Finds a link's place in the page, one occurrence after the other when a link appears twice."""

    def __init__(self, pagina: LinkPage) -> None:
        self.pagina = pagina
        self.text = mask_code(pagina.tekst)
        self.after: dict[str, int] = {}

    def __call__(self, url: str) -> tuple[int, int]:
        start = self.after.get(url, 0)
        offset = -1
        for written in dict.fromkeys((url, url.replace("&", "&amp;"), unquote(url))):
            pattern = re.compile(r"(?:\]\(\s*<?|\]:[ \t]*<?)" + re.escape(written))
            match = pattern.search(self.text, start) or pattern.search(self.text)
            if match:
                offset = match.end() - len(written)
                break
        if offset < 0:
            offset = max(self.text.find(url, start), 0)
        self.after[url] = offset + 1
        line = self.text.count("\n", 0, offset)
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return self.pagina.eerste_regel + line, column


# ---------------------------------------------------------------- the site's pages and files

def practice_pages(model: SiteModel) -> dict[str, LinkPage]:
    """The practices' pages: their story, and the ids their page adds (the fiche, the related practices)."""
    pages = {}
    for r in model.records:
        ids = {"fiche"} if len(r.fiches) == 1 else {f"fiche-{n}" for n in range(1, len(r.fiches) + 1)}
        if model.verwant.get(r.slug):
            ids.add("verwant")
        src = f"praktijken/{r.slug}.md"
        pages[src] = LinkPage(src, r.path, r.verhaal, r.verhaal_regel, "verhaal", frozenset(ids))
    return pages


def generated_pages(model: SiteModel, fragments: Path) -> dict[str, LinkPage]:
    """Every generated page: the practices, and the list pages with the ids of their template."""
    pages = practice_pages(model)
    for page in model.pages():
        if page.src not in pages:
            pages[page.src] = LinkPage(page.src, page.src, "", 1, ankers=_template_ids(fragments / page.fragment))
    return pages


def docs_page(src: str, file: Path, fragments: Path) -> LinkPage:
    """A hand-written page of docs/, its front matter left out; the home page gets the ids of what is added to it."""
    text, first = page_text(file)
    ankers = _template_ids(fragments / "home.html") if src == "index.md" else frozenset()
    return LinkPage(src, display_path(file), text, first, ankers=ankers)


def _template_ids(template: Path) -> frozenset[str]:
    try:
        return frozenset(TEMPLATE_ID.findall(template.read_text(encoding="utf-8")))
    except OSError:
        return frozenset()


def docs_files(docs_dir: Path) -> dict[str, Path]:
    """The files MkDocs takes from docs/ (by default it leaves out dot files and a top-level templates/ folder)."""
    found = {}
    for file in sorted(docs_dir.rglob("*")):
        relative = file.relative_to(docs_dir)
        if file.is_file() and not any(part.startswith(".") for part in relative.parts) and relative.parts[0] != "templates":
            found[relative.as_posix()] = file
    return found


def theme_files(theme_dir: Path) -> set[str]:
    """The theme's static files, which MkDocs copies into the site (templates are no files of the site)."""
    if not theme_dir.is_dir():
        return set()
    return {f.relative_to(theme_dir).as_posix() for f in theme_dir.rglob("*")
            if f.is_file() and f.suffix != ".html" and not any(p.startswith(".") for p in f.relative_to(theme_dir).parts)}


def project_site(root: Path, model: SiteModel) -> Site:
    """The site as `gids check` sees it from the project folder, without building it."""
    config = _mkdocs_config(root / CONFIG)
    docs_dir = root / str(config.get("docs_dir") or DOCS)
    theme = config.get("theme")
    theme = theme if isinstance(theme, Mapping) else {}
    theme_dir = root / str(theme.get("custom_dir") or THEME)
    fragments = theme_dir / "fragments"
    docs = docs_files(docs_dir) if docs_dir.is_dir() else {}
    pages = generated_pages(model, fragments)
    pages.update({src: docs_page(src, file, fragments) for src, file in docs.items() if src.endswith(".md")})
    bestanden = set(docs) | theme_files(theme_dir) | set(pages) | set(PUBLIEK)
    return Site(bestanden, pages, markdown_settings(config.get("markdown_extensions")))


def markdown_settings(configured: object) -> Markdown:
    """The extensions MkDocs would use, from mkdocs.yml's 'markdown_extensions' (names, or name: settings)."""
    extensions, configs = list(ENGINE_EXTENSIONS), {}
    for item in configured if isinstance(configured, list) else ():
        name, settings = next(iter(item.items())) if isinstance(item, Mapping) and item else (item, None)
        if not isinstance(name, str):
            continue
        if name not in extensions:
            extensions.append(name)
        if isinstance(settings, Mapping):
            configs[name] = dict(settings)
    return extensions, configs


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml with its tags (!ENV, !!python/name) read as plain values: only a few settings matter here."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _mkdocs_config(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def check_links(folder: Path, records: list[Praktijk], vocab: Vocab) -> list[RecordError]:
    """`gids check`'s part: the problems of boek.yml and docs/ (as ``load_book`` reports them), then the links of a
    project's stories and pages; none when the folder is no project's."""
    root = folder.resolve().parent
    book = root / BOEK
    if not (root / CONFIG).is_file() or not (book.exists() or book.is_symlink()):
        return []  # a folder of records alone (a test's fixtures): there is no site to link into
    config = _mkdocs_config(root / CONFIG)
    boek, book_errors = load_book(book, root / str(config.get("docs_dir") or DOCS), vocab)
    if boek is None or book_errors:
        return book_errors  # the build refuses the book first; its links are checked once it is right
    site = project_site(root, SiteModel(boek, vocab, records))
    for src, pagina in _records_with_errors(folder, site).items():  # their links too: every problem at once
        site.paginas[src] = pagina
        site.bestanden.add(src)
    return link_errors(site)


def _records_with_errors(folder: Path, site: Site) -> dict[str, LinkPage]:
    """The stories of the records that did not validate, as far as they can be read."""
    pages = {}
    for file in record_files(folder):
        src = f"praktijken/{file.stem}.md"
        if src in site.paginas:
            continue
        try:
            raw, _ = read_record(display_path(file), file.read_bytes())
        except (OSError, ValueError):
            raw = None
        if raw is not None:
            story = raw.story.lstrip("\n")
            pages[src] = LinkPage(src, raw.path, story, raw.story_line + len(raw.story) - len(story), "verhaal",
                                ankers_bekend=False)
        else:
            pages[src] = LinkPage(src, display_path(file), "", 1, "verhaal", ankers_bekend=False)
    return pages
