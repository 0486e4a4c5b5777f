"""``gids build``: check, then build the site and the guide's PDF into a temporary folder and swap it in.

A failed check or build leaves the previous site untouched. On two cores the PDF is laid out in a
second process while the engine renders the site (site/guide_worker.py), and the home and chapter pages
get its pages and size when both are done; elsewhere it is laid out first, so those pages can say them.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from ..print.chapters import CHAPTER_FOLDER
from ..print.handoff import LayoutFailed, PdfRefused
from ..print.pdf import PDF_NAME, PdfResult
from ..records.errors import TeDiepGenest, display_path
from .engine import Abort, ConfigurationError, MkDocsConfig, PluginError, build, load_config
from .engine_messages import install, stop_message
from .guide_worker import GuideFailed
from .guide_worker import start as start_worker
from .plugin import GidsPlugin


def build_site(config_file: Path, target: Path, pdf: bool = True) -> int:
    if not config_file.is_file():
        print(f"{config_file}: configuratiebestand niet gevonden", file=sys.stderr)
        return 1
    install(logging.WARNING)
    started = time.perf_counter()
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-nieuw-{os.getpid()}-", dir=target.parent))
    pdf_dir = Path(tempfile.mkdtemp(prefix=f".{target.name}-pdf-{os.getpid()}-", dir=target.parent)) if pdf else None
    guide = None
    config = None
    previous = _terminate_as_exit()
    try:
        config = load_config(str(config_file), site_dir=str(staging))
        guide = _build_with_guide(config, pdf_dir)
        if guide is not None:
            os.replace(guide.path, staging / PDF_NAME)
            for chapter in guide.chapters:  # beside the chapter pages, which link them
                (staging / CHAPTER_FOLDER).mkdir(exist_ok=True)
                os.replace(chapter.path, staging / CHAPTER_FOLDER / chapter.path.name)
    except (PluginError, ConfigurationError, Abort) as exc:
        _discard(staging, pdf_dir)
        print(stop_message(exc), file=sys.stderr)
        return 1
    except PdfRefused as exc:
        _discard(staging, pdf_dir)
        for reason in exc.reasons:
            print(f"fout (pdf): {reason}", file=sys.stderr)
        print(f"{len(exc.reasons)} fout(en) in de pdf hierboven; de site is niet gebouwd.", file=sys.stderr)
        return 1
    except LayoutFailed as exc:  # the guide's (GuideFailed) or its chapters'
        _discard(staging, pdf_dir)
        print(f"{exc} De site is niet gebouwd.", file=sys.stderr)
        return 1
    except (TeDiepGenest, RecursionError) as exc:
        _discard(staging, pdf_dir)
        print(f"De site is niet gebouwd: {exc if isinstance(exc, TeDiepGenest) else TeDiepGenest(_building(config))}",
              file=sys.stderr)
        return 1
    except BaseException as exc:
        _discard(staging, pdf_dir)
        if os.environ.get("GIDS_DEBUG") or not isinstance(exc, Exception):
            raise
        print(stop_message(exc), file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    _discard(None, pdf_dir)
    _swap(staging, target)
    pages = sum(1 for _ in target.rglob("index.html"))
    extra = f", pdf van {guide.pages} pagina's" if guide is not None else ""
    print(f"Site gebouwd in {target} ({pages} pagina's{extra}, {time.perf_counter() - started:.1f} s).", file=sys.stderr)
    return 0


def _build_with_guide(config: MkDocsConfig, pdf_dir: Path | None) -> PdfResult | None:
    """Build the site into the config's site_dir and, with ``pdf_dir``, lay out the guide into that folder."""
    plugin = gids_plugin(config)
    plugin.forget_guide()
    if pdf_dir is None:
        build(config)
        return None
    worker = start_worker(functools.partial(plugin.make_guide, config, check_first=False), pdf_dir)
    if worker is None:  # laid out first: the home page says how many pages and bytes it has
        guide = plugin.make_guide(config, pdf_dir)
        if guide is not None:
            plugin.use_guide(guide)
        build(config)  # empties the staging folder first: the PDF waits beside it
        return guide
    try:
        plugin.await_guide()
        build(config)
        guide = worker.result()
    finally:  # a build that failed or was stopped does not wait for the layout, nor leave it running
        worker.stop()
    if guide is None:  # the site was built, so the records are sound: the layout should have been made
        raise GuideFailed("De pdf is niet gemaakt, terwijl de site wel gebouwd is; meld dit aan de beheerders.")
    plugin.fill_in_guide(guide)
    return guide


# The folders a build makes beside its target, each named with the process that owns it.
_OWNED = re.compile(r"-(?:nieuw|pdf|oud)-(\d+)(?:-|$)")


def remove_stale(target: Path) -> list[Path]:
    """Remove what killed builds of ``target`` left beside it: folders whose owning process is gone.

    A build that is still running (another terminal, another CI job on the same checkout) keeps its folders.
    """
    removed = []
    prefix = f".{target.name}-"
    for folder in target.parent.iterdir() if target.parent.is_dir() else ():
        match = _OWNED.match(folder.name, len(prefix)-1) if folder.name.startswith(prefix) else None
        if match and folder.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def gids_plugin(config: MkDocsConfig) -> GidsPlugin:
    """The project's plugin as the engine loaded it from mkdocs.yml (the project names it 'gids')."""
    plugin = config.plugins["gids"]
    if not isinstance(plugin, GidsPlugin):
        raise ConfigurationError("de plugin 'gids' in mkdocs.yml is niet die van deze generator")
    return plugin


def _terminate_as_exit() -> signal.Handlers | Callable[[int, FrameType | None], Any] | int | None:
    """SIGTERM (a cancelled CI job) ends the build like Ctrl+C: its folders are removed on the way out."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _building(config: MkDocsConfig | None) -> str:
    """The file of the page MkDocs was building, as far as the plugin knows it."""
    plugin = config.plugins.get("gids") if config is not None else None
    src = plugin.building if isinstance(plugin, GidsPlugin) else None
    return display_path(plugin.source_of(src)) if isinstance(plugin, GidsPlugin) and src else "een pagina"


def _discard(*folders: Path | None) -> None:
    for folder in folders:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


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
