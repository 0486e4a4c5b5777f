"""The PDFs beside the site as the pages link them: "Dit hoofdstuk als pdf (12 pagina's, 1,4 MB)".

When `gids build` lays out the guide in a second process while the engine renders the pages
(site/guide_worker.py), pages and size are not known yet: the page gets a mark in their place, and
``Marks.fill_in`` writes the figures into the built files once the PDFs are there. The bytes are the
same as those of a build that laid out the PDF first.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..print.chapters import CHAPTER_FOLDER
from ..print.pdf import PDF_NAME, PdfResult
from ..shared.sizes import human_size


@dataclass(frozen=True)
class Download:
    """A PDF beside the site: its path in the site, pages and size."""

    file: str
    pages: int
    size: str  # "1,4 MB"

    @property
    def omvang(self) -> Markup:
        """"12 pagina's, 1,4 MB", as HTML (the apostrophe as it is, not escaped)."""
        word = "pagina" if self.pages == 1 else "pagina's"
        return Markup(f"{self.pages} {word}, ") + self.size


@dataclass(frozen=True)
class PendingDownload:
    """A PDF still being laid out: the page holds a mark where its pages and size will be."""

    file: str
    mark: str

    @property
    def omvang(self) -> str:
        return self.mark  # letters, digits and [:/.-]: nothing to escape


def downloads(result: PdfResult) -> tuple[Download, dict[str, Download]]:
    """The guide's download and, per chapter id, the chapter's."""
    guide = Download(PDF_NAME, result.pages, human_size(result.size))
    return guide, {c.id: Download(f"{CHAPTER_FOLDER}/{c.path.name}", c.pages, human_size(c.size)) for c in result.chapters}


@dataclass
class Marks:
    """The marks of one build and the built files that hold them.

    A random word per build, so that no text of a record or page can pass for a mark."""

    word: str = field(default_factory=lambda: f"gids-pdf-{secrets.token_hex(8)}")
    files: list[Path] = field(default_factory=list)

    def pending(self, file: str) -> PendingDownload:
        return PendingDownload(file, f"[{self.word}:{file}]")

    def note(self, html: str, path: Path) -> None:
        """Remember a built file whose HTML holds a mark."""
        if self.word in html:
            self.files.append(path)

    def fill_in(self, made: list[Download]) -> None:
        """Replace the marks in the noted files by the pages and size of the PDFs that were made."""
        by_file = {d.file: d for d in made}
        mark = re.compile(rf"\[{self.word}:([^\]]+)\]".encode())
        for path in self.files:
            data = path.read_bytes()  # bytes: the page stays exactly as the engine wrote it, but for the marks
            missing = sorted({m.decode() for m in mark.findall(data) if m.decode() not in by_file})
            if missing:  # the edition laid out and the site's chapters disagree: a bug, not an editor's error
                raise RuntimeError(f"{path}: geen pdf gemaakt voor {', '.join(missing)}")
            path.write_bytes(mark.sub(lambda m: str(by_file[m.group(1).decode()].omvang).encode(), data))
