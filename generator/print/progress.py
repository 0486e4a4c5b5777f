"""The PDF's progress on stderr, in Dutch: the steps, and while WeasyPrint lays out, the page it is at."""
from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

from ..shared.safe_output import own


@dataclass
class Progress:
    """Progress on stderr, in Dutch: the steps, and while WeasyPrint lays out, the page it is at."""

    on: bool = False
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    started: float = field(default_factory=time.perf_counter)

    @classmethod
    def automatic(cls, asked: bool = False) -> Progress:
        """On when asked, or when stderr is a terminal."""
        return cls(on=asked or sys.stderr.isatty())

    def step(self, text: str) -> None:
        if self.on:
            self._clear()
            print(f"[{time.perf_counter() - self.started:5.1f} s] {text}", file=self.stream, flush=True)

    def page(self, number: int, layout_round: int = 1) -> None:
        """On a terminal, one line that counts the pages (a later round settles the page numbers)."""
        if self.on and self.stream.isatty() and number % 5 == 0:
            extra = f" (ronde {layout_round}: paginanummers nakijken)" if layout_round > 1 else ""
            own(f"\r\033[K  pagina {number}{extra}…", self.stream)  # our own terminal codes: one line, rewritten
            self.stream.flush()
            self._open = True

    def _clear(self) -> None:
        if getattr(self, "_open", False):
            own("\r\033[K", self.stream)
            self.stream.flush()
            self._open = False

    def seconds(self) -> float:
        return time.perf_counter() - self.started


class LayoutProgress(logging.Handler):
    """Turns WeasyPrint's progress log ('Step 5 - Creating layout - Page 12') into Progress.page."""

    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.INFO)
        self.progress = progress
        self.round = 1

    def emit(self, record: logging.LogRecord) -> None:
        if not isinstance(record.msg, str) or not isinstance(record.args, tuple) or not record.args:
            return
        number = record.args[0]  # WeasyPrint logs '... Page %d' and '... Repagination #%d' with an int
        if not isinstance(number, int):
            return
        if record.msg.startswith("Step 5 - Creating layout - Repagination"):
            self.round = number + 1
        elif record.msg.startswith("Step 5 - Creating layout - Page"):
            self.progress.page(number, self.round)
