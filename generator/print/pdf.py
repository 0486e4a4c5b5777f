"""The print edition: the whole guide or a selection, laid out by WeasyPrint as one A4 PDF.

``make_pdf`` turns an ``Editie`` into a PDF file; ``print_html`` assembles the HTML and
``selectie`` decides what a selection edition holds. The output is deterministic (same
input, same bytes): the metadata date comes from SOURCE_DATE_EPOCH or else from the
records, and there is no random file identifier. Nothing in a record or a page
can make the build reach the network or another file: ``pdf_fetcher`` reads only what the edition needs.
"""
from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from ..records.book import Boek, load_book
from ..records.catalog import load_catalog
from ..records.errors import RecordError
from ..records.model import Praktijk
from ..records.vocab import Vocab, load_vocab
from ..shared.safe_output import own
from .fetcher import local_fetcher
from .html import Editie, build_html

PDF_NAAM = "van-opvang-naar-samenleven.pdf"
SELECTIE_NAAM = "van-opvang-naar-samenleven-selectie.pdf"
# PDF/UA-1 as far as WeasyPrint goes: a tagged PDF (structure tree, headings, lists, tables, links), PDF 1.7.
# No trailer /ID: PDF/UA does not ask for one, and WeasyPrint would serialise every object a second
# time to hash it (0.3 s of the guide's 7).
PDF_OPTIES = {"pdf_variant": "pdf/ua-1"}


# ---------------------------------------------------------------- inputs

@dataclass(frozen=True)
class Bronnen:
    """Where the print edition's inputs live: records, book definition, narrative pages, templates."""

    root: Path
    praktijken: Path
    boek: Path
    docs: Path
    theme: Path

    @classmethod
    def in_map(cls, root: Path) -> Bronnen:
        """The project's usual layout (as in mkdocs.yml): praktijken/, boek.yml, docs/, theme/."""
        root = root.resolve()
        return cls(root, root / "praktijken", root / "boek.yml", root / "docs", root / "theme")


@dataclass
class Invoer:
    """The loaded inputs, or every problem that stops the PDF."""

    vocab: Vocab
    boek: Boek | None
    records: list[Praktijk]
    errors: list[RecordError]


def load_inputs(bronnen: Bronnen) -> Invoer:
    vocab = load_vocab()
    catalog = load_catalog(bronnen.praktijken, vocab)
    boek, book_errors = load_book(bronnen.boek, bronnen.docs, vocab)
    return Invoer(vocab, boek, catalog.records, catalog.errors + book_errors)


# ---------------------------------------------------------------- dates

def metadata_date(records: list[Praktijk]) -> str:
    """The PDF's creation date: SOURCE_DATE_EPOCH if set, else the latest check of a record."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    else:
        latest = max((r.laatst_gecontroleerd for r in records), default=datetime(2016, 1, 1).date())
        moment = datetime(latest.year, latest.month, latest.day, tzinfo=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- progress

@dataclass
class Voortgang:
    """Progress on stderr, in Dutch: the steps, and while WeasyPrint lays out, the page it is at."""

    aan: bool = False
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    started: float = field(default_factory=time.perf_counter)

    @classmethod
    def automatisch(cls, gevraagd: bool = False) -> Voortgang:
        return cls(aan=gevraagd or sys.stderr.isatty())

    def stap(self, tekst: str) -> None:
        if self.aan:
            self._clear()
            print(f"[{time.perf_counter() - self.started:5.1f} s] {tekst}", file=self.stream, flush=True)

    def pagina(self, nummer: int, ronde: int = 1) -> None:
        """On a terminal, one line that counts the pages (a later round settles the page numbers)."""
        if self.aan and self.stream.isatty() and nummer % 5 == 0:
            extra = f" (ronde {ronde}: paginanummers nakijken)" if ronde > 1 else ""
            own(f"\r\033[K  pagina {nummer}{extra}…", self.stream)  # our own terminal codes: one line, rewritten
            self.stream.flush()
            self._open = True

    def _clear(self) -> None:
        if getattr(self, "_open", False):
            own("\r\033[K", self.stream)
            self.stream.flush()
            self._open = False

    def seconden(self) -> float:
        return time.perf_counter() - self.started


class _LayoutProgress(logging.Handler):
    """Turns WeasyPrint's progress log ('Step 5 - Creating layout - Page 12') into Voortgang.pagina."""

    def __init__(self, voortgang: Voortgang):
        super().__init__(logging.INFO)
        self.voortgang = voortgang
        self.ronde = 1

    def emit(self, record: logging.LogRecord) -> None:
        if not isinstance(record.msg, str) or not record.args:
            return
        if record.msg.startswith("Step 5 - Creating layout - Repagination"):
            self.ronde = int(record.args[0]) + 1
        elif record.msg.startswith("Step 5 - Creating layout - Page"):
            self.voortgang.pagina(int(record.args[0]), self.ronde)


class _Warnings(logging.Handler):
    """Collects WeasyPrint's warnings and errors instead of printing them in English."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# ---------------------------------------------------------------- rendering

class PdfGeweigerd(Exception):
    """The edition asked for files it may not read (a page's raw HTML naming .git/config, say): no PDF is made,
    so a pull request that tries it cannot pass CI and be published."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.reasons = tuple(dict.fromkeys(reasons))


@dataclass(frozen=True)
class PdfResultaat:
    pad: Path
    paginas: int
    grootte: int  # bytes
    seconden: float
    waarschuwingen: tuple[str, ...] = ()


def make_pdf(editie: Editie, target: Path, bronnen: Bronnen, vocab: Vocab,
             voortgang: Voortgang | None = None) -> PdfResultaat:
    """Lay out the edition and write it to ``target`` (atomically: a failed run leaves no half file)."""
    voortgang = voortgang or Voortgang()
    voortgang.stap(f"HTML opbouwen: {len(editie.praktijken)} praktijken")
    theme_dir = bronnen.theme
    html = build_html(editie, docs_dir=bronnen.docs, theme_dir=theme_dir, vocab=vocab, datum=metadata_date(editie.praktijken))

    from weasyprint import HTML  # imported here: `gids check` must not pay for it

    fetcher = local_fetcher(bronnen)
    warnings, progress = _Warnings(), _LayoutProgress(voortgang)
    collections = _FewerCollections()
    logger, progress_logger = logging.getLogger("weasyprint"), logging.getLogger("weasyprint.progress")
    old_level, old_propagate = progress_logger.level, progress_logger.propagate
    logger.addHandler(warnings)
    progress_logger.addHandler(progress)
    progress_logger.setLevel(logging.INFO)
    progress_logger.propagate = False
    collections.start()
    try:
        voortgang.stap("opmaak (WeasyPrint)…")
        document = HTML(string=html, base_url=(theme_dir / "print" / "gids.html").resolve().as_uri(),
                        url_fetcher=fetcher).render(**PDF_OPTIES)
        voortgang.stap(f"PDF schrijven: {len(document.pages)} pagina's")
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                document.write_pdf(out, finisher=_describe_links(editie.ankers()), **PDF_OPTIES)
            if fetcher.forbidden:  # attachments are fetched while writing, so only now is everything asked
                raise PdfGeweigerd(fetcher.forbidden)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    finally:
        collections.stop()
        logger.removeHandler(warnings)
        progress_logger.removeHandler(progress)
        progress_logger.setLevel(old_level)
        progress_logger.propagate = old_propagate
    problems = list(dict.fromkeys(fetcher.reasons))  # WeasyPrint may ask twice for the same file
    problems += [m for m in warnings.messages if not any(said in m for said in fetcher.refused + fetcher.reasons)]
    return PdfResultaat(target, len(document.pages), target.stat().st_size, voortgang.seconden(), tuple(problems))


class _FewerCollections:
    """Fewer garbage collections while WeasyPrint lays out.

    Layout allocates millions of short-lived objects; at Python's default threshold the cyclic
    collector runs thousands of times and walks every live object, the records and vocabularies
    included. Freezing what exists and collecting the youngest generation less often takes a
    tenth off the guide's time at the same peak memory (bench/bench_pdf.py).
    """

    THRESHOLD = (100_000, 50, 100)

    def start(self) -> None:
        self.previous = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(*self.THRESHOLD)

    def stop(self) -> None:
        gc.set_threshold(*self.previous)
        gc.unfreeze()


def _describe_links(titles: dict[str, str]):
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

    def finisher(document, pdf) -> None:
        for obj in pdf.objects:
            if isinstance(obj, pydyf.Dictionary) and obj.get("Subtype") == "/Link" and "Contents" in obj:
                obj["Contents"] = pydyf.String(describe(obj["Contents"].string))

    return finisher


def grootte(bytes_: int) -> str:
    """A file size the Dutch way: '1,4 MB', '820 kB'."""
    if bytes_ >= 1_000_000:
        return f"{bytes_ / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(bytes_ / 1000))} kB"
