"""A PDF per chapter, for organisers who print one chapter: cut from the one layout of the whole guide.

Laying out each chapter again would double the build; the guide's own pages, copied, keep its page numbers
(so the chapter's table of contents and references still agree with the guide), its tags and its bookmarks.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .edition import DeelInhoud, Editie, page_anchor

CHAPTER_FOLDER = "hoofdstukken"  # beside the guide in site/: hoofdstukken/<id>.pdf


@dataclass(frozen=True)
class ChapterPdf:
    id: str  # the chapter's id (vocab.yml)
    path: Path
    pages: int
    size: int  # bytes


def chapter_pages(editie: Editie, document: Any) -> dict[str, range]:
    """Per chapter, the pages of the laid-out guide it spans: from its opener up to the next part, chapter or page."""
    boundaries: list[str] = []  # what starts a new piece of the guide; a chapter's framing article belongs to it
    for part in editie.onderdelen:
        if isinstance(part, DeelInhoud):
            boundaries += [part.anker, *(h.anker for h in part.hoofdstukken)]
        else:
            boundaries.append(page_anchor(part))
    first: dict[str, int] = {}
    for number, page in enumerate(document.pages):  # WeasyPrint's Page.anchors: the ids that start on that page
        for anchor in page.anchors:
            first.setdefault(anchor, number)
    starts = sorted(first[a] for a in boundaries if a in first)
    found: dict[str, range] = {}
    for part in editie.onderdelen:
        for h in part.hoofdstukken if isinstance(part, DeelInhoud) else ():
            start = first[h.anker]
            found[h.hoofdstuk.id] = range(start, next((n for n in starts if n > start), len(document.pages)))
    return found


def write_chapters(editie: Editie, document: Any, folder: Path, options: dict[str, str],
                   finisher: Callable[[Any, Any], None]) -> list[ChapterPdf]:
    """Write each chapter's pages of ``document`` to ``folder/<id>.pdf`` (atomically, like the guide)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[ChapterPdf] = []
    for chapter, pages in chapter_pages(editie, document).items():
        target = folder / f"{chapter}.pdf"
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                document.copy([document.pages[n] for n in pages]).write_pdf(out, finisher=finisher, **options)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        made.append(ChapterPdf(chapter, target, len(pages), target.stat().st_size))
    return made
