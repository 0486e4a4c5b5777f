"""A PDF per chapter, for organisers who print one chapter: each laid out as its own edition.

The same edition as ``gids pdf --hoofdstuk <id>``: cover, table of contents, the chapter with its framing
articles and practices, the colophon. Whole, not cut from the guide: a text that the guide prints once for
practices in several chapters (the introduction of the Middenkempen actions) is then in each chapter that
needs it, and no reference points to a page the organiser did not print.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..records.book import Boek
from ..records.model import Praktijk
from ..records.vocab import Vocab
from .edition import DeelInhoud, Editie
from .selection import Selection, edition_for

CHAPTER_FOLDER = "hoofdstukken"  # beside the guide in site/: hoofdstukken/<id>.pdf


class LaidOut(Protocol):
    """What laying out an edition gives (print/pdf.py's PdfResult)."""

    @property
    def pages(self) -> int: ...

    @property
    def size(self) -> int: ...


@dataclass(frozen=True)
class ChapterPdf:
    id: str  # the chapter's id (vocab.yml)
    path: Path
    pages: int
    size: int  # bytes


@dataclass(frozen=True)
class Chapters:
    """The chapter editions to make, and the folder they go in."""

    folder: Path
    editions: tuple[tuple[str, Editie], ...]  # (chapter id, its edition), in guide order


def chapter_editions(guide: Editie, boek: Boek, records: list[Praktijk], vocab: Vocab, folder: Path) -> Chapters:
    """An edition for each chapter of ``guide`` that holds a practice (see ``with_practices``)."""
    ids = with_practices(guide)
    return Chapters(folder, tuple((i, edition_for(boek, records, vocab, Selection(hoofdstukken=(i,)))) for i in ids))


def with_practices(guide: Editie) -> list[str]:
    """The ids of the chapters of ``guide`` that hold a practice, in guide order: those that get a PDF."""
    return [h.hoofdstuk.id for part in guide.onderdelen if isinstance(part, DeelInhoud) for h in part.hoofdstukken
            if h.praktijken]


def write_chapters(chapters: Chapters, lay_out: Callable[[Editie, Path], LaidOut]) -> list[ChapterPdf]:
    """Lay out each chapter's edition to ``folder/<id>.pdf`` (``lay_out`` writes atomically, like the guide)."""
    chapters.folder.mkdir(parents=True, exist_ok=True)
    made = []
    for chapter, editie in chapters.editions:
        target = chapters.folder / f"{chapter}.pdf"
        result = lay_out(editie, target)
        made.append(ChapterPdf(chapter, target, result.pages, result.size))
    return made
