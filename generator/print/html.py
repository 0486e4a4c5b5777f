"""The print edition as one HTML document: an ``Editie`` (print/edition.py) rendered.

Record values reach the HTML only through the autoescaping templates in ``theme/print``; Markdown
(stories, narrative pages) is rendered here with the site's extensions, headings shifted to their
depth in the book.
"""
from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path

import jinja2
import markdown
from markdown.extensions.smarty import SmartyExtension
from markdown.extensions.toc import TocExtension, slugify
from markdown.treeprocessors import Treeprocessor

from ..records.book import Pagina
from ..records.errors import TeDiepGenest, display_path
from ..records.templates import safe_env
from ..records.vocab import Vocab
from .edition import COLOFON, PARTNERS, UITGEVER, DeelInhoud, Editie, HoofdstukInhoud, page_anchor
from .qr import practice_url, printed_address, qr_svg
from .sharing import Artikel, Compact, Gedeeld, Gedrukt, plan

# ---------------------------------------------------------------- Markdown

def _address_unseen(a: etree.Element) -> bool:
    """A web link whose text does not show where it leads: on paper its address is printed after it."""
    href = a.get("href", "")
    text = "".join(a.itertext()).strip().lower()
    bare = re.sub(r"^(https?://)?(www\.)?", "", href.lower()).rstrip("/")
    return href.startswith(("http://", "https://")) and bare not in re.sub(r"^(https?://)?(www\.)?", "", text)


class _ShowAddress(Treeprocessor):
    """On paper a link is dead: mark web links whose text does not show where they lead."""

    def run(self, root: etree.Element) -> None:
        for a in root.iter("a"):
            if _address_unseen(a):
                a.set("class", "toon-adres")


class _ShortLists(Treeprocessor):
    """A list of a few short items (a word or two each) takes a column of a page for a line each: on paper it
    stands in two columns (gids-print.css), as a printed brochure sets such lists."""

    SHORT = 32  # characters: an item that fits on one line in half the type area (76 mm at 11 pt)
    AT_LEAST = 3  # items: two in a column beside one is already a line saved

    def run(self, root: etree.Element) -> None:
        for lijst in [*root.iter("ul"), *root.iter("ol")]:
            items = list(lijst)
            if (len(items) >= self.AT_LEAST and all(i.tag == "li" for i in items)
                    and not any(d.tag in ("ul", "ol", "p") for i in items for d in i.iter() if d is not i)
                    and all(self._printed_length(i) <= self.SHORT for i in items)):
                lijst.set("class", "kort-lijstje")

    @staticmethod
    def _printed_length(item: etree.Element) -> int:
        """Its text, and the address printed after a link whose text does not show it (``_ShowAddress``)."""
        addresses = sum(len(a.get("href", "")) + 3 for a in item.iter("a") if _address_unseen(a))
        return len("".join(item.itertext()).strip()) + addresses


class _SiteLinks(Treeprocessor):
    """A link to another page of the site (``andere-praktijk.md``, ``../gids/partners.md#x``) leads to that
    page in this document; when the edition leaves the page out, the link becomes plain text."""

    def __init__(self, md: markdown.Markdown | None, here: str, targets: dict[str, str]) -> None:
        super().__init__(md)
        self.here, self.targets = here, targets

    def run(self, root: etree.Element) -> None:
        for a in root.iter("a"):
            path = a.get("href", "").split("#")[0]
            if not path.endswith(".md") or ":" in path:
                continue
            target = self.targets.get(posixpath.normpath(posixpath.join(posixpath.dirname(self.here), path)))
            if target is None:
                del a.attrib["href"]
            else:
                a.set("href", f"#{target}")


class _PrintExtension(markdown.Extension):
    def __init__(self) -> None:
        super().__init__()
        self.links = _SiteLinks(None, "", {})  # its Markdown instance comes with extendMarkdown

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_ShowAddress(md), "toon_adres", 1)
        md.treeprocessors.register(_ShortLists(md), "kort_lijstje", 1)
        self.links.md = md
        md.treeprocessors.register(self.links, "site_links", 2)


class _Renderer:
    """One configured Markdown per kind (with or without raw HTML), reset between texts.

    Building a Markdown with its extensions costs more than converting a short story,
    and the guide converts some fifty texts.
    """

    def __init__(self, raw_html: bool) -> None:
        self.prefix = ""
        self.extension = _PrintExtension()
        self.md = markdown.Markdown(extensions=[
            TocExtension(permalink=False, slugify=lambda value, sep: f"{self.prefix}-{slugify(value, sep)}"),
            "tables", "sane_lists", SmartyExtension(smart_quotes=False), self.extension])
        if not raw_html:
            self.md.preprocessors.deregister("html_block")
            self.md.inlinePatterns.deregister("html")

    def convert(self, text: str, prefix: str, here: str, targets: dict[str, str]) -> str:
        self.prefix = prefix
        self.extension.links.here, self.extension.links.targets = here, targets
        return self.md.reset().convert(text)


@cache
def _renderer(raw_html: bool) -> _Renderer:
    return _Renderer(raw_html)


def render_markdown(text: str, *, prefix: str, shift: int, raw_html: bool = False, here: str = "",
                    targets: dict[str, str] | None = None) -> str:
    """Markdown to HTML with the site's extensions (mkdocs.yml); ``#`` becomes ``h{1 + shift}``.

    Heading ids get ``prefix`` so they stay unique in the one document. Without ``raw_html``
    any HTML in the text is shown as text, never interpreted. ``here`` is the page's path in the
    site (``praktijken/x.md``), ``targets`` the site paths this document holds and their anchors.
    """
    html = _renderer(raw_html).convert(text, prefix, here, targets or {})
    return re.sub(r"<(/?)h([1-6])\b", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", html)


def _body_of(page_text: str) -> str:
    """A narrative page without front matter and its first ``#`` heading (the template prints the title)."""
    text = re.sub(r"\A---\n.*?\n---\n", "", page_text, flags=re.S)
    return re.sub(r"^#\s+.*\n?", "", text, count=1, flags=re.M)


# ---------------------------------------------------------------- HTML

def print_env(theme_dir: Path) -> jinja2.Environment:
    env = safe_env(theme_dir / "print")
    env.tests["deel"] = lambda part: isinstance(part, DeelInhoud)
    env.tests["compact"] = lambda item: isinstance(item, Compact)
    env.tests["colofon"] = lambda part: isinstance(part, Pagina) and Path(part.src).stem == COLOFON
    return env


def _site_targets(editie: Editie) -> dict[str, str]:
    """Site path (as a story or page links to it) -> anchor in this document, for every page the edition holds."""
    targets: dict[str, str] = {}
    for part in editie.onderdelen:
        if isinstance(part, Pagina):
            targets[part.src] = page_anchor(part)
            continue
        for h in part.hoofdstukken:
            targets.update({s.src: page_anchor(s) for s in h.hoofdstuk.situering})
            targets.update({f"praktijken/{p.slug}.md": f"praktijk-{p.slug}" for p in h.praktijken})
    return targets


@contextmanager
def _named(path: str) -> Iterator[None]:
    """A RecursionError in one page's Markdown becomes an error naming its file."""
    try:
        yield
    except RecursionError:
        raise TeDiepGenest(path) from None


def build_html(editie: Editie, *, docs_dir: Path, theme_dir: Path, vocab: Vocab, datum: str,
               site_url: str | None = None, tight: frozenset[str] = frozenset()) -> str:
    """The whole edition as one HTML document (``datum``: W3C date for the PDF metadata; ``site_url``: where the
    live site is, for a QR code to each practice; None: no codes; ``tight``: the practices set a little tighter,
    so that their last lines do not fill a page alone, print/fill.py)."""

    targets = _site_targets(editie)

    def pagina(page: Pagina, shift: int) -> str:
        text = (docs_dir / page.src).read_text(encoding="utf-8")
        with _named(display_path(docs_dir / page.src)):
            return render_markdown(_body_of(text), prefix=page_anchor(page), shift=shift, raw_html=True,
                                   here=page.src, targets=targets)

    def verhaal(g: Gedrukt) -> str:
        p = g.praktijk
        with _named(p.path):
            return render_markdown(g.verhaal, prefix=f"praktijk-{p.slug}", shift=2, here=f"praktijken/{p.slug}.md",
                                   targets=targets)

    def gedeeld(g: Gedeeld) -> str:
        p = g.eerste
        with _named(p.path):
            return render_markdown(g.markdown, prefix=g.anker, shift=2, here=f"praktijken/{p.slug}.md", targets=targets)

    chapters = [h for part in editie.onderdelen if isinstance(part, DeelInhoud) for h in part.hoofdstukken]
    artikels = [Artikel(page_anchor(s), s.titel, _body_of((docs_dir / s.src).read_text(encoding="utf-8")))
                for h in chapters for s in h.hoofdstuk.situering]
    printed = dict(zip((h.anker for h in chapters), plan([list(h.praktijken) for h in chapters], artikels), strict=True))

    def gedrukt(h: HoofdstukInhoud) -> list[Gedrukt | Compact]:
        return printed[h.anker]

    def qr(g: Gedrukt) -> dict[str, str] | None:
        if site_url is None:
            return None
        url = practice_url(site_url, g.praktijk.slug)
        return {"url": url, "adres": printed_address(url), "svg": qr_svg(url)}

    return print_env(theme_dir).get_template("gids.html").render(
        e=editie, vocab=vocab, partners=PARTNERS, uitgever=UITGEVER, datum=datum, gemaakt=date.fromisoformat(datum[:10]),
        pagina=pagina, verhaal=verhaal, gedeeld=gedeeld, gedrukt=gedrukt, qr=qr, anker=page_anchor, krap=tight)
