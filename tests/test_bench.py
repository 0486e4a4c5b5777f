"""Each bench in bench/ runs at a tiny size, so that a bench nothing runs cannot rot; its figures are printed."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT


def run_bench(*args: str) -> dict:
    result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])  # every bench ends with its figures as JSON
    return figures


def test_bench_build_measures_check_build_and_plain_mkdocs():
    figures = run_bench("bench/bench_build.py", "12")["12"]
    assert set(figures) == {"gids check", "gids build", "plain mkdocs build"}
    assert all(step["s"] > 0 and step["mib"] > 0 for step in figures.values())


@pytest.mark.pdf
def test_bench_pdf_measures_gids_pdf_beside_weasyprint():
    output = subprocess.run([sys.executable, "bench/bench_pdf.py", "--herhaal", "1", "3"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert output.returncode == 0, output.stdout + output.stderr
    assert "gids pdf" in output.stdout and "plain weasyprint" in output.stdout and "gids / plain" in output.stdout


@pytest.mark.pdf
def test_bench_druk_measures_gids_build_against_gids_pdf():
    figures = run_bench("bench/bench_druk.py", "--herhaal", "1", "3")
    assert set(figures["runs"]) == {"gids pdf", "gids build"} and figures["ratio"] > 0
    assert all(len(runs) == 1 and runs[0] > 0 for runs in figures["runs"].values())


def test_bench_search_measures_the_index_and_a_first_query():
    figures = run_bench("bench/bench_search.py", "12", "--zoekopdrachten", "1")["12"]
    assert figures["index_build_s"] > 0 and figures["sizes"]["zoeken/kop.json"]["gzip"] > 0
    assert all(query["first_card_ms"] > 0 for query in figures["first_query"].values())


def test_bench_grenzen_measures_a_record_at_every_limit():
    figures = run_bench("bench/bench_grenzen.py", "--zonder-pdf", "--alleen-grens")
    assert set(figures) == {"gids check", "gids build"}
    assert all(step["s"] > 0 and step["mib"] > 0 for step in figures.values())


def test_every_bench_is_run_here():
    """A new bench in bench/ needs its tiny run in this file, or nothing would notice when it breaks."""
    here = (ROOT / "tests" / "test_bench.py").read_text(encoding="utf-8")
    benches = sorted(p.name for p in (ROOT / "bench").glob("*.py"))
    assert benches and [name for name in benches if f'"bench/{name}"' not in here] == []
