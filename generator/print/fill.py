"""Near-empty pages of a laid-out edition: paper a reader turns for a few lines.

Measured on WeasyPrint's own layout, not on the PDF's text: how far down the type area its last line
or image reaches. The cover, the part pages and the chapter openers are empty on purpose (their named
pages in gids-print.css), and so is a blank page WeasyPrint adds before a right-hand page; the table of contents
of a selection of a few practices is short by nature.

A practice whose last lines alone make such a page is laid out once more, a little tighter (``tails``, print/pdf.py);
what stays near-empty is reported, for an editor who may shorten a text.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

NEAR_EMPTY = 0.25  # a page whose text ends in the top quarter of its type area
DELIBERATE = frozenset({"omslag", "deel", "scheiding"})  # named pages that are empty on purpose
CONTENTS = "rustig"  # the table of contents: short in a selection of a few practices; only a page it runs onto counts


@dataclass(frozen=True)
class BijnaLeeg:
    """A near-empty page: its number, how far down it is filled (0 to 1), and its first words."""

    nummer: int
    gevuld: float
    begin: str

    def __str__(self) -> str:
        return f"p. {self.nummer} ({round(100 * self.gevuld)} % gevuld: ‘{self.begin}…’)"


def near_empty_pages(document: Any, limit: float = NEAR_EMPTY) -> tuple[BijnaLeeg, ...]:
    """The pages of a rendered WeasyPrint ``Document`` filled less than ``limit`` of their type area's height."""
    from weasyprint.formatting_structure.boxes import MarginBox, ReplacedBox, TextBox

    found = []
    contents_begun = False
    for number, page in enumerate(document.pages, 1):
        box = page._page_box  # WeasyPrint's laid-out page: the only place the layout's boxes are kept
        name = box.page_type.name
        if box.page_type.blank or name in DELIBERATE or (name == CONTENTS and not contents_begun):
            contents_begun = contents_begun or name == CONTENTS
            continue
        top, height = box.content_box_y(), box.height
        bottom, words = top, list[str]()
        for child in box.children:
            if isinstance(child, MarginBox):  # running heads and page numbers are on every page
                continue
            for descendant in child.descendants():
                if isinstance(descendant, (TextBox, ReplacedBox)):
                    bottom = max(bottom, descendant.position_y + descendant.margin_height())
                    if isinstance(descendant, TextBox) and len(words) < 6:
                        words += descendant.text.replace("\u00ad", "").split()  # without soft hyphens
        filled = (bottom - top) / height if height else 1.0
        if filled < limit:
            found.append(BijnaLeeg(number, filled, " ".join(words[:6])))
    return tuple(found)


def tails(document: Any, pages: tuple[BijnaLeeg, ...], anchors: Iterable[str]) -> frozenset[str]:
    """The practices (slugs) whose last lines alone make up one of these near-empty pages: set a little tighter
    (gids-print.css, ``praktijk--krap``) they may end on the page before, or keep more of themselves together.

    ``anchors``: every id that starts a piece of the edition (a page, a part, a chapter, an article, a practice).
    """
    starts = set(anchors)
    owner: list[str | None] = []  # per page, the piece its last line belongs to
    begins: list[bool] = []  # per page, whether a piece begins on it
    current: str | None = None
    for page in document.pages:
        # in document order; a box that goes on over pages names its id on each of them, so only the first counts
        new = [anchor for anchor in page.anchors if anchor in starts]
        starts.difference_update(new)
        current = new[-1] if new else current
        owner.append(current)
        begins.append(bool(new))
    found = set()
    for page in pages:
        n = page.nummer - 1
        piece = owner[n]  # nothing begins on the page: it goes on with the piece of the page before
        if n > 0 and not begins[n] and piece is not None and piece.startswith("praktijk-"):
            found.add(piece.removeprefix("praktijk-"))
    return frozenset(found)


def note(pages: tuple[BijnaLeeg, ...]) -> str | None:
    """The line `gids pdf` and `gids build` print about near-empty pages; not an error: a text that runs a few lines
    over, which an editor may shorten."""
    if not pages:
        return None
    return (f"{len(pages)} bijna lege pagina('s), minder dan een kwart gevuld: {'; '.join(map(str, pages))}")
