"""Measure the whole `gids build` (site, guide and chapter PDFs) against `gids pdf` of the guide alone.

Usage: .venv/bin/python bench/bench_druk.py [--herhaal K] [echt | N]   (default: K=5, echt)

Issue 16's target: the full build at most 1.3x the time of `gids pdf`, measured in one run. The two
commands run back to back, alternating, K times each, in their own process, on a copy of the project
("echt" = the real records, N = N synthetic records as in bench_build.py). The machine is shared, so
the medians count, and the load average before and after is printed beside them.
Beside the wall time, the CPU time (user + system, worker processes included): a build that lays out
the PDF beside the site does more work than `gids pdf`, in about the same wall time, when two cores are free.
The last line holds the figures as JSON.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import copy_project, run_measured  # noqa: E402

TARGET_RATIO = 1.3


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the command and its worker processes) of one command."""
    seconds, usage = run_measured(command, cwd)
    return seconds, usage.ru_utime + usage.ru_stime


def main(args: list[str]) -> None:
    repeat = 5
    if args[:1] == ["--herhaal"]:
        repeat, args = int(args[1]), args[2:]
    size = args[0] if args else "echt"
    count = None if size == "echt" else int(size)
    python = sys.executable
    os.environ["PYTHONPATH"] = str(ROOT) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="gids-druk-bench-") as tmp:
        project = copy_project(Path(tmp), count)
        commands = {
            "gids pdf": [python, "-m", "generator.cli", "pdf", "-o", str(project / "gids.pdf")],
            "gids build": [python, "-m", "generator.cli", "build"],
        }
        runs: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                wall, work = measure(command, project)
                runs[name].append(wall)
                cpu[name].append(work)
    load_after = os.getloadavg()
    print(f"# gids build tegen gids pdf ({size}; {repeat}x afwisselend; Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores)")
    print(f"belasting (1/5/15 min) voor: {' '.join(f'{x:.2f}' for x in load_before)}, "
          f"na: {' '.join(f'{x:.2f}' for x in load_after)}")
    for name, seconds in runs.items():
        print(f"{name:<11} mediaan {statistics.median(seconds):6.2f} s   runs: {' '.join(f'{s:.2f}' for s in seconds)}   "
              f"cpu (mediaan): {statistics.median(cpu[name]):.2f} s")
    ratios = [b / p for p, b in zip(runs["gids pdf"], runs["gids build"], strict=True)]  # each pair back to back
    ratio = statistics.median(runs["gids build"]) / statistics.median(runs["gids pdf"])
    print(f"build / pdf: {ratio:.2f}x (medianen); per paar: {' '.join(f'{r:.2f}' for r in ratios)}   "
          f"[doel <= {TARGET_RATIO}x: {'gehaald' if ratio <= TARGET_RATIO else 'NIET gehaald'}]")
    print(json.dumps({"catalogus": size, "runs": {n: [round(s, 3) for s in r] for n, r in runs.items()},
                      "cpu": {n: [round(s, 3) for s in r] for n, r in cpu.items()},
                      "ratio": round(ratio, 3), "belasting": [round(x, 2) for x in load_before + load_after]}))


if __name__ == "__main__":
    main(sys.argv[1:])
