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

import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..print.pdf import ChapterFailed, PdfRefused, PdfResult
from ..records.errors import TeDiepGenest
from ..shared.processes import Forked, ForkFailed, can_fork
from .engine_messages import stop_message


class GuideFailed(Exception):
    """The layout in the second process failed; the message is Dutch and complete."""


class GuideWorker:
    """The guide being laid out in a forked process; ``result`` waits for it."""

    def __init__(self, lay_out: Callable[[Path], PdfResult | None], folder: Path) -> None:
        # not a daemon: the layout forks the chapter PDFs' writer of its own
        self._forked = Forked(_outcome, lay_out, folder, daemon=False, name="gids-pdf")

    def result(self) -> PdfResult | None:
        """The laid-out guide (None when the records have errors: the site build reports those).

        Raises what the layout raised in one process (PdfRefused, TeDiepGenest), or GuideFailed."""
        try:
            kind, value = self._forked.result()
        except ForkFailed as exc:  # the process ended without an outcome: _outcome catches every exception
            raise GuideFailed(f"De pdf is niet gemaakt: {exc}.") from None
        if kind == "klaar":
            return value  # type: ignore[no-any-return]
        if kind == "geweigerd":
            raise PdfRefused(list(value))
        if kind == "te diep":
            raise TeDiepGenest(value)
        raise GuideFailed(value)

    def stop(self) -> None:
        """End the layout if it still runs (the site build failed or was stopped)."""
        self._forked.stop()


def start(lay_out: Callable[[Path], PdfResult | None], folder: Path) -> GuideWorker | None:
    """The layout started in a second process, or None where this process may not fork."""
    return GuideWorker(lay_out, folder) if can_fork() else None


def _outcome(lay_out: Callable[[Path], PdfResult | None], folder: Path) -> tuple[str, Any]:
    """In the child: the layout's result, or its problem as what the parent raises again (in Dutch)."""
    try:
        return "klaar", lay_out(folder)
    except PdfRefused as exc:
        return "geweigerd", exc.reasons
    except TeDiepGenest as exc:
        return "te diep", exc.path
    except RecursionError:
        return "te diep", "de gids"
    except ChapterFailed as exc:  # already the whole Dutch line
        return "fout", str(exc)
    except Exception as exc:
        detail = traceback.format_exc() if os.environ.get("GIDS_DEBUG") else ""
        return "fout", stop_message(exc, "De pdf is niet gemaakt") + (f"\n{detail}" if detail else "")
