"""Soft hyphens in the long words of headings, so that a phone breaks them where Dutch does.

Dutch writes compounds as one word ("taalstimuleringsprojecten"); a heading at 320 or 390 px cannot hold
one on a line, and Chromium breaks it mid-word without a hyphen: CSS ``hyphens: auto`` needs a
dictionary the browser does not ship on every system. So the build puts U+00AD (soft hyphen) at the
break points of the Dutch hyphenation dictionary (Pyphen's nl_NL, LibreOffice's patterns, installed with
WeasyPrint): invisible unless the line breaks there. Only words that are too long for a phone line get
them, and only in the text of h1 to h3, never in an attribute (ids and anchors stay as they are).
"""
from __future__ import annotations

import functools
import re

import pyphen

SOFT_HYPHEN = "\u00ad"
LONGEST_UNBROKEN = 13  # letters: about what a phone line of 320 px holds of an h1 (the largest heading)
_HEADING = re.compile(r"(<h([1-3])\b[^>]*>)(.*?)(</h\2>)", re.DOTALL | re.IGNORECASE)
_TEXT = re.compile(r">([^<]+)<")  # text between tags, never inside one
_LONG_WORD = re.compile(rf"[^\W\d_]{{{LONGEST_UNBROKEN + 1},}}")


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=3, right=3)


def hyphenated(word: str) -> str:
    """``word`` with a soft hyphen at every Dutch break point (none where the dictionary knows none)."""
    return str(_dictionary().inserted(word, hyphen=SOFT_HYPHEN))


def with_soft_hyphens(html: str) -> str:
    """The page with soft hyphens in the long words of its h1, h2 and h3 texts."""
    def heading(match: re.Match[str]) -> str:
        inner = _TEXT.sub(lambda m: ">" + _LONG_WORD.sub(lambda w: hyphenated(w.group()), m.group(1)) + "<",
                          ">" + match.group(3) + "<")[1:-1]
        return match.group(1) + inner + match.group(4)
    return _HEADING.sub(heading, html) if "<h" in html else html
