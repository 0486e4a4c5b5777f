"""Load every record of a folder, validate each, and check what only the whole set can show."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..shared.processes import can_fork
from .errors import RecordError, display_path, te_diep
from .model import Praktijk
from .symlinks import symlink_errors
from .validation import validate_record
from .vocab import Vocab, load_vocab


@dataclass
class Catalog:
    """All valid records in a stable order, plus every problem found."""

    records: list[Praktijk] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def by_slug(self) -> dict[str, Praktijk]:
        return {r.slug: r for r in self.records}


def record_files(folder: Path) -> list[Path]:
    """Every record file; anything else in the folder (README, images) is not a record, and a symbolic link is none
    (``symlink_errors`` refuses it)."""
    return sorted(p for p in folder.rglob("*.md") if p.is_file() and not p.is_symlink() and p.name.lower() != "readme.md")


PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


def _validate_file(path: Path, vocab: Vocab | None = None) -> tuple[Praktijk | None, list[RecordError]]:
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [RecordError(shown, 1, 1, "", f"bestand kan niet gelezen worden ({exc.strerror})")]
    try:
        return validate_record(shown, data, vocab)
    except RecursionError:
        return None, [te_diep(shown)]
    except Exception as exc:  # a bug of ours must not hide the other records' problems
        return None, [RecordError(shown, 1, 1, "", f"interne fout bij het nakijken ({type(exc).__name__}: {exc}); "
                                                   "meld dit bestand aan de beheerders van de catalogus")]


def _validate_all(files: list[Path], vocab: Vocab) -> list[tuple[Praktijk | None, list[RecordError]]]:
    """Validate every file; large catalogues use every core (records are independent)."""
    workers = os.cpu_count() or 1
    if len(files) < PARALLEL_FROM or not can_fork():
        return [_validate_file(path, vocab) for path in files]
    load_vocab()  # loaded once here, inherited by the forked workers
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_validate_file, files, chunksize=max(1, len(files) // (workers * 4))))


def load_catalog(folder: Path, vocab: Vocab | None = None) -> Catalog:
    vocab = vocab or load_vocab()
    catalog = Catalog()
    if not folder.is_dir():
        catalog.errors.append(RecordError(display_path(folder), 1, 1, "", "map met praktijken bestaat niet"))
        return catalog
    catalog.errors.extend(symlink_errors(folder))
    seen: dict[str, str] = {}
    files = record_files(folder)
    for path, (record, errors) in zip(files, _validate_all(files, vocab), strict=True):
        shown = display_path(path)
        catalog.errors.extend(errors)
        slug = path.stem.lower()
        if slug in seen:
            catalog.errors.append(RecordError(shown, 1, 1, "slug", f"slug '{path.stem}' wordt al gebruikt door {seen[slug]}; "
                                                                   "kies een andere bestandsnaam"))
        seen.setdefault(slug, shown)
        if record is not None:
            catalog.records.append(record)
    catalog.records.sort(key=lambda r: (r.plaats.lower(), r.titel.lower(), r.slug))
    catalog.errors.sort()
    return catalog
