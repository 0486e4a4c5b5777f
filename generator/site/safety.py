"""Content is data, never code: the last look at what a story became, and page titles made text.

The validator refuses HTML and script links in a story (``story_check``); this module checks
the HTML that Markdown actually produced, so whatever the validator missed cannot reach a
page: only the elements and attributes Markdown makes, only web, mail and phone links.
"""
from __future__ import annotations

import re
from collections.abc import MutableMapping
from html.parser import HTMLParser
from typing import Any

from markupsafe import Markup

# What Markdown with the site's extensions (mkdocs.yml plus MkDocs' fenced_code) produces.
TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "code", "pre", "ul", "ol", "li",
        "blockquote", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"id", "class", "title", "href", "src", "alt", "start", "align", "style"}
URL_ATTRIBUTES = {"href", "src"}
SCHEMES = {"http", "https", "mailto", "tel"}
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
TABLE_ALIGN = re.compile(r"^text-align: (?:left|right|center);?$")


def story_problems(html: str) -> list[str]:
    """What in a rendered story is not plain Markdown output, in Dutch (empty when all is well)."""
    scan = _Scan()
    scan.feed(html)
    scan.close()
    return scan.problems


def unsafe_url(url: str) -> bool:
    """A URL with a scheme other than http(s), mailto or tel, as a browser reads it (tabs and newlines dropped)."""
    match = SCHEME.match(INVISIBLE.sub("", url))
    return match is not None and match.group(1).lower() not in SCHEMES


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Make a page's title and description text: Material prints ``page.meta.title`` unescaped.

    ``Markup`` prints as escaped HTML in MkDocs' templates (which do not autoescape) and is not
    escaped twice where a template adds ``| e``.
    """
    for key in ("title", "description"):
        if isinstance(meta.get(key), str) and not isinstance(meta[key], Markup):
            meta[key] = Markup.escape(meta[key])


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.problems.append(f"element <{tag}> is niet toegestaan")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name not in ATTRIBUTES:
                self.problems.append(f"attribuut '{name}' op <{tag}> is niet toegestaan")
            elif name in URL_ATTRIBUTES and unsafe_url(value):
                self.problems.append(f"link '{value[:60]}' is niet toegestaan (alleen http, https, mailto en tel)")
            elif name == "style" and not (tag in ("th", "td") and TABLE_ALIGN.match(value)):
                self.problems.append(f"attribuut 'style' op <{tag}> is niet toegestaan")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.problems.append("HTML-commentaar is niet toegestaan")

    def handle_pi(self, data: str) -> None:
        self.problems.append("een verwerkingsinstructie (<?...>) is niet toegestaan")

    def handle_decl(self, decl: str) -> None:
        self.problems.append("een declaratie (<!...>) is niet toegestaan")

    def unknown_decl(self, data: str) -> None:  # <![CDATA[...]]> and the like
        self.handle_decl(data)
