"""The budget of a record (generator/records/limits.py): what is over it is refused by `gids check` at its line, fast;
what is at it builds, site and PDF. A killed build leaves nothing the next one does not clean up."""
from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.records import catalog, limits
from generator.records.budget import getal
from generator.records.validation import validate_record
from generator.search.indexes import samenstellingen

from .conftest import ROOT, copy_klein, run_gids, run_gids_in_process
from .grenzen_corpus import at_the_limit, record, refused

CORPUS = refused()


def cpu_seconds() -> float:
    """CPU time of this process and of its children that ended (gids check parses records in a pool): what a slow
    algorithm costs, whatever else the machine is doing. Wall time on a busy CI runner or under pytest-xdist is not."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@pytest.mark.parametrize("geval", CORPUS, ids=[g.naam for g in CORPUS])
def test_over_de_grens_geweigerd_op_zijn_regel(geval):
    path = f"praktijken/{geval.naam.replace('_', '-')}.md"
    started = cpu_seconds()
    model, errors = validate_record(path, geval.tekst.encode())
    seconds = cpu_seconds() - started
    assert model is None
    assert any(e.field == geval.veld and geval.bericht in e.message and e.line == geval.regel for e in errors), errors
    assert not any("interne fout" in e.message for e in errors)
    assert seconds < 5, f"{geval.naam}: {seconds:.1f} s CPU to refuse"  # linear scans: milliseconds


def test_gids_check_weigert_het_hele_corpus_zonder_markdown(tmp_path):
    """Over budget, a story is not read by Markdown, not even for its links: all of them in one project, quickly."""
    project = copy_klein(tmp_path / "project")
    for geval in CORPUS:
        (project / "praktijken" / f"{geval.naam.replace('_', '-')}.md").write_text(geval.tekst, encoding="utf-8")
    started = cpu_seconds()
    result = run_gids_in_process("check", "praktijken", cwd=project)
    seconds = cpu_seconds() - started
    assert result.returncode == 1
    for geval in CORPUS:
        where = f"praktijken/{geval.naam.replace('_', '-')}.md:{geval.regel}:"
        assert any(line.startswith(where) and geval.bericht in line for line in result.stdout.splitlines()), geval.naam
    assert "interne fout" not in result.stdout + result.stderr
    print(f"gids check over het corpus ({len(CORPUS)} records): {seconds:.1f} s CPU")
    assert seconds < 60


def test_docs_pagina_over_de_grens_geweigerd(tmp_path):
    project = copy_klein(tmp_path / "project")
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + "[" * (limits.VERHAAL_HAKEN + 1) + "\n", encoding="utf-8")
    result = run_gids_in_process("check", "praktijken", cwd=project)
    assert result.returncode == 1
    assert re.search(r"^docs/over\.md:\d+:\d+: de pagina bevat [\d.]+ keer '\['", result.stdout, re.M), result.stdout
    build = run_gids_in_process("build", "--zonder-pdf", cwd=project)
    assert build.returncode == 1 and "de pagina bevat" in build.stderr and not (project / "site").exists()


@pytest.mark.pdf
def test_record_op_elke_grens_wordt_gebouwd(tmp_path):
    """At every limit at once: check passes, the site builds, and so does the PDF of that record (figures: bench)."""
    project = copy_klein(tmp_path / "project")
    (project / "praktijken" / "grens-op-elke-limiet.md").write_text(at_the_limit(), encoding="utf-8")
    timings = {}
    for name, args in (("check", ["check", "praktijken"]), ("build", ["build", "--zonder-pdf"]),
                       ("pdf", ["pdf", "--praktijk", "grens-op-elke-limiet", "-o", str(tmp_path / "grens.pdf")])):
        started = time.perf_counter()
        result = run_gids_in_process(*args, cwd=project)
        timings[name] = time.perf_counter() - started
        assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "praktijken" / "grens-op-elke-limiet" / "index.html").is_file()
    assert (tmp_path / "grens.pdf").stat().st_size > 0
    print("record op elke grens: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


def test_samenstellingen_lineair():
    """The hyphenated-compound pattern starts only where a word starts: 250,000 '*' took minutes, unanchored."""
    started = cpu_seconds()
    assert samenstellingen("*" * 250_000) == []
    assert cpu_seconds() - started < 2
    assert samenstellingen("de welzijns-campus en 2015-2016") == samenstellingen("welzijns-campus")


def test_te_diep_genest_noemt_het_bestand(monkeypatch, tmp_path):
    """Should a RecursionError still happen, the editor hears which file, never 'interne fout'."""
    def too_deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(catalog, "validate_record", too_deep)
    file = tmp_path / "diep.md"
    file.write_text(record(), encoding="utf-8")
    _, errors = catalog._validate_file(file)
    assert len(errors) == 1 and "te diep genest" in errors[0].message and errors[0].path.endswith("diep.md")
    assert "interne fout" not in errors[0].message


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if re.match(r"\.site-(?:nieuw|pdf|oud)-", p.name))


def test_een_gedode_build_wordt_opgeruimd(tmp_path):
    """SIGKILL in the middle of `gids build`: the next build removes its folders, and keeps those of a live one."""
    project = copy_klein(tmp_path / "project")
    build = subprocess.Popen([sys.executable, "-m", "generator.cli", "build"], cwd=project, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 120
    # into the build proper: the engine has begun to write pages into the new folder
    while not any(p.is_file() for p in project.glob(".site-nieuw-*/**/*")) and build.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    build.send_signal(signal.SIGKILL)
    build.wait()
    dead = _leftovers(project)
    assert any(n.startswith(f".site-nieuw-{build.pid}-") for n in dead), dead
    live = project / f".site-nieuw-{os.getpid()}-bezig"  # a build of a process that still runs: this test
    live.mkdir()
    result = run_gids("build", "--zonder-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    assert _leftovers(project) == [live.name]
    assert (project / "site" / "index.html").is_file()


def test_contributing_noemt_de_grenzen():
    """Editors may hit a limit: CONTRIBUTING.md shows the same numbers as generator/records/limits.py."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Grenzen"):]
    for value in (limits.VERHAAL_TEKENS, limits.VERHAAL_REGELS, limits.VERHAAL_KOPPEN, limits.VERHAAL_HAKEN,
                  limits.VERHAAL_DIEPTE, limits.VERHAAL_TABELREGELS, limits.VERHAAL_TABELCELLEN, limits.TEKST_ANDERS,
                  *(lijst.grens for lijst in limits.LIJSTEN.values()), *limits.TEKSTEN.values()):
        assert f"| {getal(value)} |" in section, value
    for name in limits.LIJSTEN:
        assert f"`{name}`" in section, name
