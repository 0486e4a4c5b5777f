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

import functools
from collections.abc import Callable
from pathlib import Path

from ..print.handoff import LayoutFailed, carried, delivered
from ..print.pdf import PdfResult
from ..shared.processes import Forked, ForkFailed, can_fork
from .engine_messages import stop_message


class GuideFailed(LayoutFailed):
    """The layout in the second process failed; the message is Dutch and complete."""


class GuideWorker:
    """The guide being laid out in a forked process; ``result`` waits for it."""

    def __init__(self, lay_out: Callable[[Path], PdfResult | None], folder: Path) -> None:
        # not a daemon: the layout forks the chapter PDFs' writer of its own
        self._forked = Forked(functools.partial(carried, lay_out, where="de gids", internal=_internal), folder,
                              daemon=False, name="gids-pdf")

    def result(self) -> PdfResult | None:
        """The laid-out guide (None when the records have errors: the site build reports those).

        Raises what the layout raised in one process (PdfRefused, TeDiepGenest), or GuideFailed."""
        try:
            return delivered(self._forked.result(), GuideFailed)  # type: ignore[no-any-return]
        except ForkFailed as exc:  # the process ended without an outcome: carried catches every exception
            raise GuideFailed(f"De pdf is niet gemaakt: {exc}.") from None

    def stop(self) -> None:
        """End the layout if it still runs (the site build failed or was stopped)."""
        self._forked.stop()


def start(lay_out: Callable[[Path], PdfResult | None], folder: Path) -> GuideWorker | None:
    """The layout started in a second process, or None where this process may not fork."""
    return GuideWorker(lay_out, folder) if can_fork() else None


def _internal(exc: Exception) -> str:
    return stop_message(exc, "De pdf is niet gemaakt")
