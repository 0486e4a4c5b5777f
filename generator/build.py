"""``gids build``: check, then build the site and the guide's PDF into a temporary folder and swap it in.

A failed check or build leaves the previous site untouched. The PDF is laid out first, so
the home page can say how many pages and bytes the download has.
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .engine import Abort, ConfigurationError, MkDocsConfig, PluginError, build, load_config
from .engine_messages import gestopt, install
from .pdf import PDF_NAAM, Bronnen, PdfGeweigerd, PdfResultaat, Voortgang, grootte, load_inputs, make_pdf
from .plugin import Download
from .selectie import edition_for
from .story_links import check_links


def build_site(config_file: Path, target: Path, pdf: bool = True) -> int:
    if not config_file.is_file():
        print(f"{config_file}: configuratiebestand niet gevonden", file=sys.stderr)
        return 1
    handler = install(logging.WARNING)
    started = time.perf_counter()
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-nieuw-", dir=target.parent))
    pdf_dir = Path(tempfile.mkdtemp(prefix=f".{target.name}-pdf-", dir=target.parent)) if pdf else None
    guide = None
    try:
        config = load_config(str(config_file), site_dir=str(staging))
        locate = config.plugins["gids"].source_of
        handler.locate = lambda: locate
        if pdf_dir is not None:
            guide = _guide_pdf(config, pdf_dir)
        build(config)  # empties the staging folder first: the PDF waits beside it
        if guide is not None:
            os.replace(guide.pad, staging / PDF_NAAM)
    except (PluginError, ConfigurationError, Abort) as exc:
        _discard(staging, pdf_dir)
        print(gestopt(exc), file=sys.stderr)
        return 1
    except PdfGeweigerd as exc:
        _discard(staging, pdf_dir)
        for reason in exc.reasons:
            print(f"fout (pdf): {reason}", file=sys.stderr)
        print(f"{len(exc.reasons)} fout(en) in de pdf hierboven; de site is niet gebouwd.", file=sys.stderr)
        return 1
    except BaseException as exc:
        _discard(staging, pdf_dir)
        if os.environ.get("GIDS_DEBUG") or not isinstance(exc, Exception):
            raise
        print(gestopt(exc), file=sys.stderr)
        return 1
    _discard(None, pdf_dir)
    _swap(staging, target)
    pages = sum(1 for _ in target.rglob("index.html"))
    extra = f", pdf van {guide.paginas} pagina's" if guide is not None else ""
    print(f"Site gebouwd in {target} ({pages} pagina's{extra}, {time.perf_counter() - started:.1f} s).", file=sys.stderr)
    return 0


def _guide_pdf(config: MkDocsConfig, folder: Path) -> PdfResultaat | None:
    """Lay out the whole guide into ``folder`` and tell the plugin, for the home page's download link.

    With problems in the records nothing is made here: the engine's build that follows reports them.
    """
    plugin = config.plugins["gids"]
    root = Path(config.config_file_path).parent.resolve()
    bronnen = Bronnen(root, root / plugin.config.praktijken, root / plugin.config.boek, Path(config.docs_dir),
                      root / plugin.config.fragmenten)
    invoer = load_inputs(bronnen)
    if invoer.errors or invoer.boek is None or check_links(bronnen.praktijken, invoer.records, invoer.vocab):
        return None
    result = make_pdf(edition_for(invoer.boek, invoer.records, invoer.vocab), folder / PDF_NAAM, bronnen, invoer.vocab,
                      Voortgang.automatisch())
    for warning in result.waarschuwingen:
        print(f"waarschuwing (pdf): {warning}", file=sys.stderr)
    plugin.download = Download(PDF_NAAM, result.paginas, grootte(result.grootte))
    return result


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
