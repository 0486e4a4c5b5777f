"""Measure a record at every limit of generator/records/limits.py: `gids check`, `gids build` and `gids pdf --praktijk`.

Usage: python bench/bench_grenzen.py [--zonder-pdf] [--alleen-grens]

Writes a copy of this project (its code, docs/ and boek.yml) with the real practices plus one record
at every limit (tests/grenzen_corpus.py: the longest story, the most headings, '[', table rows and
cells, the deepest nesting, the longest lists and texts, and the slowest text there is under them),
then prints the wall time and peak memory (max RSS) of:
  - gids check                       (the budget, the validator, the links)
  - gids build                       (site and the whole guide's PDF; --zonder-pdf: the site only)
  - gids pdf --praktijk <the record>  (the PDF of that one record; left out with --zonder-pdf)
With --alleen-grens the copy holds only that record: its cost without the catalogue's.
The promise of the budget: each stays well under a minute on two cores.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import measure  # noqa: E402

from tests.grenzen_corpus import at_the_limit  # noqa: E402

SLUG = "grens-op-elke-limiet"


def project(base: Path, only: bool) -> Path:
    """A copy of this project with the record at every limit added (``only``: instead of the practices)."""
    target = base / "gids"
    target.mkdir()
    for name in ("mkdocs.yml", "boek.yml"):
        shutil.copy(ROOT / name, target / name)
    for folder in ("docs", "theme", "schema"):
        shutil.copytree(ROOT / folder, target / folder)
    if only:
        (target / "praktijken").mkdir()
    else:
        shutil.copytree(ROOT / "praktijken", target / "praktijken")
    (target / "praktijken" / f"{SLUG}.md").write_text(at_the_limit(), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zonder-pdf", action="store_true", help="alleen check en de site")
    parser.add_argument("--alleen-grens", action="store_true", help="alleen het record op de grenzen, zonder de praktijken")
    args = parser.parse_args()
    gids = [sys.executable, "-m", "generator.cli"]
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))
    print(f"# gids grenzen (Python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    print(f"{'stap':<32} {'seconden':>9} {'piek MiB':>9}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="gids-grenzen-") as tmp:
        root = project(Path(tmp), args.alleen_grens)
        steps = {"gids check": gids + ["check", "praktijken"]}
        steps["gids build"] = gids + ["build"] + (["--zonder-pdf"] if args.zonder_pdf else [])
        if not args.zonder_pdf:
            steps["gids pdf --praktijk"] = gids + ["pdf", "--praktijk", SLUG, "-o", str(Path(tmp) / "grens.pdf")]
        for name, command in steps.items():
            seconds, peak = measure(command, root)
            results[name] = {"s": round(seconds, 3), "mib": round(peak)}
            print(f"{name:<32} {seconds:>9.2f} {peak:>9.0f}")
        size = (root / "praktijken" / f"{SLUG}.md").stat().st_size
        print(f"record op de grenzen: {size} bytes")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
