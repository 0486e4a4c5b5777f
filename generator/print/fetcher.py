"""What WeasyPrint may read while it lays out the guide: only the files the edition needs.

A page in docs/ may hold raw HTML, and WeasyPrint fetches what it names: a stylesheet, an image, and
with ``<a rel="attachment" href="...">`` any file, embedded whole in the PDF. So the fetcher allows only
- the print stylesheet and what sits beside it (``theme/print/``) and the fonts it loads (``theme/assets/fonts/``);
- images in ``docs/`` and ``praktijken/``.
Never a hidden file or folder (``.git/config`` holds the checkout's token in CI), never another file of the
project (pyproject.toml, mkdocs.yml), never anything outside it or on another server. The path is decided after
resolving symbolic links, so a link cannot lead out of an allowed folder.
"""
from __future__ import annotations

import functools
import io
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit
from urllib.request import Request, url2pathname

if TYPE_CHECKING:
    from ..records.layout import ProjectLayout

IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
TOEGELATEN = ("de pdf neemt alleen afbeeldingen uit docs/ en praktijken/ op, en de opmaak en lettertypen uit theme/; "
              "zet een afbeelding in docs/")


class Allowed:
    """The folders the edition may read from, resolved once, each with the file types it may give."""

    def __init__(self, layout: ProjectLayout) -> None:
        self.root = layout.root.resolve()
        folders = [(layout.theme / "print", None), (layout.theme / "assets" / "fonts", None),
                   (layout.docs, IMAGES), (layout.praktijken, IMAGES)]
        # a folder that is itself a link out of the project allows nothing (the check refuses such links anyway)
        self.folders = [(folder.resolve(), suffixes) for folder, suffixes in folders
                        if folder.resolve().is_relative_to(self.root)]

    def why_not(self, path: Path) -> str | None:
        """Why the resolved ``path`` may not be read, or None."""
        if not path.is_relative_to(self.root):
            return f"{path} ligt buiten het project; {TOEGELATEN}"
        shown = path.relative_to(self.root).as_posix()
        if any(part.startswith(".") for part in path.relative_to(self.root).parts):
            return f"{shown} is een verborgen bestand of staat in een verborgen map; {TOEGELATEN}"
        if not any(path.is_relative_to(folder) and (suffixes is None or path.suffix.lower() in suffixes)
                   for folder, suffixes in self.folders):
            return f"{shown} hoort niet bij de gids; {TOEGELATEN}"
        if not path.is_file():
            return f"{shown} bestaat niet"
        return None


def local_fetcher(layout: ProjectLayout) -> Any:  # a weasyprint.urls.URLFetcher (WeasyPrint has no types)
    """A WeasyPrint URL fetcher that reads only what ``Allowed`` allows and refuses everything else, in Dutch."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = Allowed(layout)

    class LocalFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)
            self.root = allowed.root
            self.refused: list[str] = []  # the URLs, to recognise WeasyPrint's own (English) warnings about them
            self.reasons: list[str] = []  # what the editor reads
            self.forbidden: list[str] = []  # the reasons that are no missing file: the edition may not be made

        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(url2pathname(unquote(parts.path))).resolve()
                reason = allowed.why_not(path)
            else:
                path, reason = None, (f"{url[:200]} staat niet in het project: de pdf haalt niets van andere servers; "
                                      f"{TOEGELATEN}")
            if path is None or reason:
                self.refused.append(url)
                self.reasons.append(f"niet in de pdf opgenomen: {reason}")
                if path is None or path.exists():  # a missing image is a warning; reading what is not ours, a refusal
                    self.forbidden.append(self.reasons[-1])
                raise ValueError(self.reasons[-1])
            if path.suffix.lower() == ".woff2":
                stat = path.stat()
                return URLFetcherResponse(path.as_uri(), _decompressed(path, stat.st_mtime_ns, stat.st_size),
                                          {"Content-Type": "font/ttf"})
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

        def open(self, url: str | Request, data: bytes | None = None, timeout: float | None = None) -> Any:  # never urllib
            return self.fetch(url if isinstance(url, str) else url.full_url)

    return LocalFetcher()


@functools.lru_cache(maxsize=32)
def _decompressed(path: Path, mtime_ns: int, size: int) -> bytes:
    """A WOFF2 font as the TrueType font WeasyPrint would make of it (with the same fontTools call), once per process
    and font file (its time and size in the key): a build lays out the guide twice and each chapter once, and
    decompressing the four fonts each time took 0.6 s of its 17.5 CPU-seconds."""
    from fontTools.ttLib import woff2

    out = io.BytesIO()
    woff2.decompress(io.BytesIO(path.read_bytes()), out)
    return out.getvalue()
