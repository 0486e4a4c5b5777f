"""When the generator may fork worker processes."""
from __future__ import annotations

import multiprocessing
import os
import threading


def can_fork() -> bool:
    """Two cores or more, a platform that forks, and no other thread in this process.

    A fork copies only the calling thread, but every lock the other threads held at that moment
    (``gids serve`` runs its web server and file watcher in threads): the child can wait on one of
    them for ever. So while other threads run, the work stays in this process.
    """
    return ((os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)
