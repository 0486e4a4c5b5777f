"""When the generator may fork worker processes, and one forked step whose result comes back."""
from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def can_fork() -> bool:
    """Two cores or more, a platform that forks, and no other thread in this process.

    A fork copies only the calling thread, but every lock the other threads held at that moment
    (``gids serve`` runs its web server and file watcher in threads): the child can wait on one of
    them for ever. So while other threads run, the work stays in this process.
    """
    return ((os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def die_with(parent: int) -> None:
    """In a forked child: the parent handles Ctrl+C and SIGTERM by stopping it; if the parent is killed outright,
    the child is killed too (Linux), so that no work goes on for a build that is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):  # Linux only; elsewhere an orphan finishes its step
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class ForkFailed(Exception):
    """The forked step raised; the message holds its exception and traceback (for the maintainers)."""


class Forked(Generic[T]):
    """``function(*args)`` in a forked child, sharing this process's memory as it was (nothing is pickled on the
    way in, so it may take a laid-out document); its result comes back pickled through a pipe."""

    def __init__(self, function: Callable[..., T], *args: Any, daemon: bool = True, name: str | None = None) -> None:
        """``daemon=False`` for a step that forks steps of its own (a daemon process may not)."""
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(function, args, send, os.getpid()), daemon=daemon, name=name)
        self._process.start()
        send.close()  # the child holds the other end: if it dies without a word, recv() ends

    def result(self) -> T:
        try:
            ok, value = self._receive.recv()
        except EOFError:
            ok, value = False, f"het proces stopte zonder resultaat (code {self._process.exitcode})"
        finally:
            self._process.join()
            self._receive.close()
        if not ok:
            raise ForkFailed(value)
        return value  # type: ignore[no-any-return]

    def stop(self) -> None:
        """End the step if it still runs: asked first (SIGTERM), killed after 5 s."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
            if self._process.is_alive():
                self._process.kill()
        self._process.join()
        self._receive.close()


def _run(function: Callable[..., Any], args: tuple[Any, ...], send: Connection, parent: int) -> None:
    die_with(parent)
    try:
        outcome = (True, function(*args))
    except Exception:
        outcome = (False, traceback.format_exc())
    send.send(outcome)
    send.close()
