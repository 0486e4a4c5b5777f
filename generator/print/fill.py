"""Near-empty pages of a laid-out edition: paper a reader turns for a few lines.

Measured on WeasyPrint's own layout, not on the PDF's text: how far down the type area its last line
or image reaches. The cover, the part pages and the chapter openers are empty on purpose (their named
pages in gids-print.css), and so is a blank page WeasyPrint adds before a right-hand page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NEAR_EMPTY = 0.25  # a page whose text ends in the top quarter of its type area
DELIBERATE = frozenset({"omslag", "deel", "scheiding"})  # named pages that are empty on purpose


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
    for number, page in enumerate(document.pages, 1):
        box = page._page_box  # WeasyPrint's laid-out page: the only place the layout's boxes are kept
        if box.page_type.blank or box.page_type.name in DELIBERATE:
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


def note(pages: tuple[BijnaLeeg, ...]) -> str | None:
    """The line `gids pdf` and `gids build` print about near-empty pages; not an error: a text that runs a few lines
    over, which an editor may shorten."""
    if not pages:
        return None
    return (f"{len(pages)} bijna lege pagina('s), minder dan een kwart gevuld: {'; '.join(map(str, pages))}")
