"""The print edition laid out by WeasyPrint as one A4 PDF: the whole guide or a selection.

``make_pdf`` turns an ``Editie`` (print/edition.py, chosen by print/selection.py) into a PDF file;
print/html.py assembles its HTML. The output is deterministic (same input, same bytes): the metadata
date comes from SOURCE_DATE_EPOCH or else from the records, and there is no random file identifier.
Nothing in a record or a page can make the build reach the network or another file: print/fetcher.py
reads only what the edition needs.
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..records.dates import CHECKED, FIRST_EDITION, newest_date, source_date
from ..records.layout import ProjectLayout
from ..records.model import Praktijk
from ..records.vocab import Vocab
from ..shared.processes import Forked, ForkFailed, can_fork
from .chapters import ChapterPdf, Chapters, write_chapters
from .edition import Editie
from .fetcher import local_fetcher
from .fill import BijnaLeeg, near_empty_pages, tails
from .gc_tuning import FewerCollections
from .handoff import REPORT, LayoutFailed, PdfRefused, carried, delivered
from .html import build_html
from .progress import LayoutProgress, Progress
from .qr import placeholder_warning
from .tagging import finish_tagging

PDF_NAME = "van-opvang-naar-samenleven.pdf"
SELECTION_NAME = "van-opvang-naar-samenleven-selectie.pdf"
# PDF/UA-1 as far as WeasyPrint goes: a tagged PDF (structure tree, headings, lists, tables, links), PDF 1.7.
# No trailer /ID: PDF/UA does not ask for one, and WeasyPrint would serialise every object a second
# time to hash it (0.3 s of the guide's 7).
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def metadata_date(records: list[Praktijk]) -> str:
    """The PDF's creation date: SOURCE_DATE_EPOCH if set, else the latest check of a record."""
    moment = source_date()
    if moment is None:
        latest = newest_date(records, CHECKED) or FIRST_EDITION
        moment = datetime(latest.year, latest.month, latest.day, tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class _Warnings(logging.Handler):
    """Collects WeasyPrint's warnings and errors instead of printing them in English."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    size: int  # bytes
    seconds: float
    warnings: tuple[str, ...] = ()
    chapters: tuple[ChapterPdf, ...] = ()  # with ``chapters``: a PDF per chapter
    near_empty: tuple[BijnaLeeg, ...] = ()  # pages with a few lines only (print/fill.py)
    tight: frozenset[str] = frozenset()  # the practices laid out once more, a little tighter (print/fill.py)


def make_pdf(editie: Editie, target: Path, layout: ProjectLayout, vocab: Vocab,
             progress: Progress | None = None, site_url: str | None = None,
             chapters: Chapters | None = None) -> PdfResult:
    """Lay out the edition and write it to ``target`` (atomically: a failed run leaves no half file).

    ``site_url``: the live site, for the QR code beside each practice; None or the placeholder gives a warning.
    ``chapters``: also these chapter editions, each laid out as its own PDF (print/chapters.py); on a second core
    while this edition is laid out, where this process may fork."""
    progress = progress or Progress()
    progress.step(f"HTML opbouwen: {len(editie.praktijken)} praktijken")
    theme_dir = layout.theme

    def html(tight: frozenset[str] = frozenset()) -> str:
        return build_html(editie, docs_dir=layout.docs, theme_dir=theme_dir, vocab=vocab,
                          datum=metadata_date(editie.praktijken), site_url=site_url, tight=tight)

    from weasyprint import HTML  # imported here: `gids check` must not pay for it

    fetcher = local_fetcher(layout)

    def lay_out(text: str) -> Any:
        return HTML(string=text, base_url=(theme_dir / "print" / "gids.html").resolve().as_uri(),
                    url_fetcher=fetcher).render(**PDF_OPTIONS)

    def chapter(chapter_editie: Editie, chapter_target: Path) -> PdfResult:
        return make_pdf(chapter_editie, chapter_target, layout, vocab, site_url=site_url)

    warnings, pages = _Warnings(), LayoutProgress(progress)
    collections = FewerCollections()
    logger, progress_logger = logging.getLogger("weasyprint"), logging.getLogger("weasyprint.progress")
    old_level, old_propagate = progress_logger.level, progress_logger.propagate
    logger.addHandler(warnings)
    progress_logger.addHandler(pages)
    progress_logger.setLevel(logging.INFO)
    progress_logger.propagate = False
    collections.start()
    chapters_beside: Forked[tuple[str, Any]] | None = None
    made: list[ChapterPdf] | None = None
    try:
        if chapters is not None and can_fork():  # on the second core while this edition is laid out
            chapters_beside = Forked(_chapters, chapters, chapter)
        progress.step("opmaak (WeasyPrint)…")
        document = lay_out(html())
        near_empty = near_empty_pages(document)
        # A practice whose last lines alone fill a page: once more, set a little tighter. Every practice begins on a
        # page of its own, so this moves no other practice's lines, only the page numbers after it.
        tight = tails(document, near_empty, editie.ankers())
        if tight:
            progress.step(f"opnieuw opmaken, {len(tight)} praktijk(en) krapper gezet…")
            document = lay_out(html(tight))
            near_empty = near_empty_pages(document)
        progress.step(f"PDF schrijven: {len(document.pages)} pagina's")
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                document.write_pdf(out, finisher=_describe_links(editie.ankers()), **PDF_OPTIONS)
            if fetcher.forbidden:  # attachments are fetched while writing, so only now is everything asked
                raise PdfRefused(fetcher.forbidden)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        if chapters_beside is not None:
            progress.step("een pdf per hoofdstuk (ernaast opgemaakt)")
            try:
                made = delivered(chapters_beside.result())
            except ForkFailed:
                raise LayoutFailed(f"{CHAPTERS_FAILED}: het proces stopte onverwacht. {REPORT}") from None
            finally:
                chapters_beside = None
    finally:
        if chapters_beside is not None:  # the guide failed: its chapters are not waited for
            chapters_beside.stop()
        collections.stop()
        logger.removeHandler(warnings)
        progress_logger.removeHandler(pages)
        progress_logger.setLevel(old_level)
        progress_logger.propagate = old_propagate
    if chapters is not None and made is None:  # in this process, once the guide's own warnings and progress are closed
        progress.step(f"een pdf per hoofdstuk: {len(chapters.editions)}")
        made = delivered(_chapters(chapters, chapter))
    problems = [w for w in [placeholder_warning(site_url)] if w]
    problems += list(dict.fromkeys(fetcher.reasons))  # WeasyPrint may ask twice for the same file
    problems += [m for m in dict.fromkeys(warnings.messages)  # a second layout says the same again
                 if not any(said in m for said in fetcher.refused + fetcher.reasons)]
    return PdfResult(target, len(document.pages), target.stat().st_size, progress.seconds(), tuple(problems),
                     tuple(made or ()), near_empty, tight)


CHAPTERS_FAILED = "De pdf's van de hoofdstukken zijn niet gemaakt"


def _chapters(chapters: Chapters, lay_out: Callable[[Editie, Path], PdfResult]) -> tuple[str, Any]:
    """The chapter PDFs, or what stopped them, as a value that crosses a pipe from a forked process."""
    return carried(write_chapters, chapters, lay_out, where="een hoofdstuk van de gids",
                   internal=lambda exc: f"{CHAPTERS_FAILED} door een interne fout ({type(exc).__name__}: "
                                        f"{str(exc)[:300]}). {REPORT}")


def _describe_links(titles: dict[str, str]) -> Callable[[Any, Any], None]:
    """A tagged link's description says where it leads ('Naar Voorwoord'), not WeasyPrint's bare target."""
    import pydyf

    def describe(target: str) -> str:
        if target in titles:
            return f"Naar {titles[target]}"
        if target.startswith("mailto:"):
            return f"E-mail aan {target.removeprefix('mailto:')}"
        if target.startswith("tel:"):
            return f"Bel {target.removeprefix('tel:')}"
        return f"Webadres {target}"

    def finisher(document: Any, pdf: Any) -> None:  # WeasyPrint's Document and pydyf's PDF (no types)
        finish_tagging(pdf)
        for obj in pdf.objects:
            if isinstance(obj, pydyf.Dictionary) and obj.get("Subtype") == "/Link" and "Contents" in obj:
                obj["Contents"] = pydyf.String(describe(obj["Contents"].string))

    return finisher
