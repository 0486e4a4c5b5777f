"""A layout done in a forked process comes back through a pipe as a plain value: its result, or the problem that
stopped it; the parent raises that problem again as a run in one process raises it (Dutch, never a traceback).

Used for the guide laid out beside the site (site/guide_worker.py) and the chapters beside the guide (print/pdf.py).
"""
from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from typing import Any

from ..records.errors import TeDiepGenest

REPORT = "Meld dit aan de beheerders; GIDS_DEBUG=1 toont de details."


class PdfRefused(Exception):
    """The edition asked for files it may not read (a page's raw HTML naming .git/config, say): no PDF is made,
    so a pull request that tries it cannot pass CI and be published."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.reasons = tuple(dict.fromkeys(reasons))


class LayoutFailed(Exception):
    """A layout failed for a reason of the generator's own; the message is the whole Dutch line."""


def carried(function: Callable[..., Any], *args: Any, where: str, internal: Callable[[Exception], str]) -> tuple[str, Any]:
    """``function(*args)`` as a value for the pipe. ``where``: what was nested too deeply to lay out (a RecursionError);
    ``internal``: the Dutch line for an exception the generator did not foresee."""
    try:
        return "klaar", function(*args)
    except PdfRefused as exc:
        return "geweigerd", list(exc.reasons)
    except TeDiepGenest as exc:
        return "te diep", exc.path
    except RecursionError:
        return "te diep", where
    except LayoutFailed as exc:  # already the whole Dutch line
        return "fout", str(exc)
    except Exception as exc:
        detail = f"\n{traceback.format_exc()}" if os.environ.get("GIDS_DEBUG") else ""
        return "fout", internal(exc) + detail


def delivered(outcome: tuple[str, Any], failed: type[Exception] = LayoutFailed) -> Any:
    """The result that ``carried`` sent, or its problem raised again (an unforeseen one as ``failed``)."""
    kind, value = outcome
    if kind == "geweigerd":
        raise PdfRefused(list(value))
    if kind == "te diep":
        raise TeDiepGenest(value)
    if kind == "fout":
        raise failed(value)
    return value
