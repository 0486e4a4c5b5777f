"""What a story may contain: Markdown, never HTML and never a script link.

The story is checked as a whole, the way Markdown reads it: a link may run over two
lines (``[x](`` then ``javascript:...`` on the next), a tag name may end a line
(``<svg`` then ``onload=...``), and a backslash before a backtick makes it plain text
(so ``\\`<script>`` is HTML, not code). Only what Markdown itself treats as code is
skipped: fenced blocks (MkDocs enables ``fenced_code``) and code spans.
"""
from __future__ import annotations

import bisect
import html
import re

from markdown.extensions.fenced_code import FencedBlockPreprocessor

from .errors import RecordError

FENCED = FencedBlockPreprocessor.FENCED_BLOCK_RE
# A code span as Python-Markdown reads it: not after a backslash, never over a blank line.
CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
RAW_HTML = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|\Z)|!--|\?|!\[CDATA\[)")
TAG = re.compile(r"<[^\s>]{0,40}>?")  # the tag a message quotes
LINK_START = re.compile(r"\]\(|\]:|<")
# Browsers decode entities and drop tabs, newlines and spaces inside a URL: so must we, before looking.
BAD_SCHEME = re.compile(r"(?:\]\(|\]:|<)<?(?:javascript|vbscript|data):", re.IGNORECASE)
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
WINDOW = 120  # characters after a link start that can still hold its scheme, entities and line breaks included

HTML_MESSAGE = "HTML ('{tag}') is niet toegestaan in het verhaal; gebruik Markdown"
LINK_MESSAGE = "een link naar 'javascript:', 'vbscript:' of 'data:' is niet toegestaan; gebruik een https://-adres"


def story_errors(path: str, story: str, first_line: int) -> list[RecordError]:
    """Every line of the story with HTML or a script link (one error per line and kind)."""
    text = mask_code(story)
    if "<" not in text and "](" not in text and "]:" not in text:  # fast path: most stories hold neither
        return []
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: dict[tuple[int, str], RecordError] = {}

    def report(offset: int, kind: str, message: str) -> None:
        line = _line_index(starts, offset)
        found.setdefault((line, kind), RecordError(path, first_line + line, offset - starts[line] + 1, "verhaal", message))

    for match in RAW_HTML.finditer(text):
        tag = tag_match.group(0) if (tag_match := TAG.match(text, match.start())) else "<"  # RAW_HTML starts at a tag
        report(match.start(), "html", HTML_MESSAGE.format(tag=tag))
    for match in LINK_START.finditer(text):
        window = INVISIBLE.sub("", html.unescape(text[match.start():match.start() + WINDOW]))
        if BAD_SCHEME.match(window):
            report(match.start(), "link", LINK_MESSAGE)
    return sorted(found.values())


def mask_code(story: str) -> str:
    """The story with the inside of fenced blocks and code spans blanked (newlines kept, so positions stay)."""
    def blank(match: re.Match[str], group: str | int) -> str:
        start, end = match.span(group)
        whole = match.group(0)
        inner = re.sub(r"[^\n]", " ", whole[start - match.start():end - match.start()])
        return whole[:start - match.start()] + inner + whole[end - match.start():]

    text = FENCED.sub(lambda m: blank(m, "code"), story)
    return CODE_SPAN.sub(lambda m: blank(m, 2), text)


def _line_index(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1
