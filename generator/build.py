"""``gids build``: check, then build the site into a temporary folder and swap it in.

A failed check or build leaves the previous site untouched.
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError


def build_site(config_file: Path, target: Path) -> int:
    if not config_file.is_file():
        print(f"{config_file}: configuratiebestand niet gevonden", file=sys.stderr)
        return 1
    _quiet_mkdocs_logging()
    started = time.perf_counter()
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-nieuw-", dir=target.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging))
        build(config)
    except (PluginError, ConfigurationError, Abort) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"De site is niet gebouwd: {exc}", file=sys.stderr)
        return 1
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if os.environ.get("GIDS_DEBUG") or not isinstance(exc, Exception):
            raise
        print(f"De site is niet gebouwd door een interne fout ({type(exc).__name__}: {str(exc)[:300]}). "
              "Meld dit aan de beheerders; GIDS_DEBUG=1 toont de details.", file=sys.stderr)
        return 1
    _swap(staging, target)
    pages = sum(1 for _ in target.rglob("index.html"))
    print(f"Site gebouwd in {target} ({pages} pagina's, {time.perf_counter() - started:.1f} s).", file=sys.stderr)
    return 0


def _swap(staging: Path, target: Path) -> None:
    """Replace target by staging with two renames, so a reader never sees half a site."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-oud-{os.getpid()}")
        target.rename(old)
    staging.rename(target)
    os.chmod(target, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


class _DutchErrors(logging.Handler):
    """Print MkDocs warnings and errors plainly; our own record errors are already in Dutch."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            print(record.getMessage(), file=sys.stderr)


def _quiet_mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    if not any(isinstance(h, _DutchErrors) for h in logger.handlers):
        logger.addHandler(_DutchErrors())
    logger.propagate = False
