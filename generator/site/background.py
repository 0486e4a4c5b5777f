"""Run one expensive, independent step in a second process while MkDocs renders the pages.

The search indexes need only the records, so on a machine with two or more cores they are
built beside the page rendering instead of after it. With one core, without fork, or while other
threads run (`gids serve`'s server: see shared/processes.py), the step runs at once, in this process.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..shared.processes import can_fork


class _Done:
    """A finished result with the same face as a Future."""

    def __init__(self, value: Any):
        self.value = value

    def result(self) -> Any:
        return self.value


def background(function: Callable[..., Any], *args: Any) -> Future | _Done:
    if not can_fork():
        return _Done(function(*args))
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(function, *args)
    future.add_done_callback(lambda _: pool.shutdown(wait=False))
    return future
