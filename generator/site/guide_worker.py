"""`gids build` lays out the guide's PDF in a second process while the engine renders the site.

The two are independent but for the figures the home and chapter pages print (pages and size), which
site/downloads.py fills in afterwards. Two cores then give a build that takes about as long as
``gids pdf`` alone, instead of the two one after the other.

Only a process without other threads forks (shared/processes.py: `gids serve` runs its server in
threads, and a fork copies the locks they hold); otherwise the caller lays out the PDF first, in its
own process, as before. The child dies with its parent (a killed build leaves no layout running),
and its problems come back as the same Dutch messages the build gives in one process.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..print.pdf import PdfRefused, PdfResult
from ..records.errors import TeDiepGenest
from ..shared.processes import can_fork, die_with
from .engine_messages import stop_message


class GuideFailed(Exception):
    """The layout in the second process failed; the message is Dutch and complete."""


class GuideWorker:
    """The guide being laid out in a forked process; ``result`` waits for it."""

    def __init__(self, lay_out: Callable[[Path], PdfResult | None], folder: Path) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_work, args=(lay_out, folder, send, os.getpid()), daemon=False,
                                        name="gids-pdf")
        self._process.start()
        send.close()  # the child holds the other end: if it dies without a word, recv() ends

    def result(self) -> PdfResult | None:
        """The laid-out guide (None when the records have errors: the site build reports those).

        Raises what the layout raised in one process (PdfRefused, TeDiepGenest), or GuideFailed."""
        try:
            kind, value = self._receive.recv()
        except EOFError:
            kind, value = "fout", (f"De pdf is niet gemaakt: het proces dat hem opmaakte is gestopt "
                                   f"(code {self._process.exitcode}).")
        finally:
            self._process.join()
        if kind == "klaar":
            return value  # type: ignore[no-any-return]
        if kind == "geweigerd":
            raise PdfRefused(list(value))
        if kind == "te diep":
            raise TeDiepGenest(value)
        raise GuideFailed(value)

    def stop(self) -> None:
        """End the layout if it still runs (the site build failed or was stopped)."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._receive.close()


def start(lay_out: Callable[[Path], PdfResult | None], folder: Path) -> GuideWorker | None:
    """The layout started in a second process, or None where this process may not fork."""
    return GuideWorker(lay_out, folder) if can_fork() else None


def _work(lay_out: Callable[[Path], PdfResult | None], folder: Path, send: Connection, parent: int) -> None:
    die_with(parent)
    outcome: tuple[str, Any]
    try:
        outcome = ("klaar", lay_out(folder))
    except PdfRefused as exc:
        outcome = ("geweigerd", exc.reasons)
    except TeDiepGenest as exc:
        outcome = ("te diep", exc.path)
    except RecursionError:
        outcome = ("te diep", "de gids")
    except Exception as exc:
        detail = traceback.format_exc() if os.environ.get("GIDS_DEBUG") else ""
        outcome = ("fout", stop_message(exc, "De pdf is niet gemaakt") + (f"\n{detail}" if detail else ""))
    send.send(outcome)
    send.close()
