"""The everyday path: an editor adds practices, and nothing but the editor's own work decides whether CI passes.

A copy of the catalogue under test (PROJECT) gets the two new practices of tests/fixtures/nieuw/, dated today as
``gids nieuw`` dates them. Then what CI runs on a pull request must pass on that copy: ``gids check``, the build,
and every test that reads the real content (marker ``catalogus``), in a pytest of its own with GIDS_PROJECT
pointing at the copy. A test that counts the practices, lists their wordings or pins a date fails here.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PROJECT, ROOT, copy_project, run_gids

NIEUW = ROOT / "tests" / "fixtures" / "nieuw"
DATES = re.compile(r"^((?:laatst_gecontroleerd|toegevoegd): ).*$", re.MULTILINE)


def with_today(text: str, today: dt.date) -> str:
    """The record as an editor writes it today: its check and its addition dated today."""
    return DATES.sub(rf"\g<1>{today.isoformat()}", text)


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> Path:
    """The catalogue with two more practices, added today."""
    project = copy_project(tmp_path_factory.mktemp("levend") / "project", content=PROJECT)
    for record in sorted(NIEUW.glob("*.md")):
        text = with_today(record.read_text(encoding="utf-8"), dt.date.today())
        (project / "praktijken" / new_name(project, record)).write_text(text, encoding="utf-8")
    return project


def new_name(project: Path, record: Path) -> str:
    """The record's file name, or another when the catalogue has since taken it (a real record of that name)."""
    name, n = record.name, 1
    while (project / "praktijken" / name).exists():
        n += 1
        name = f"{record.stem}-{n}.md"
    return name


def test_the_new_records_pass_gids_check(grown):
    result = run_gids("check", cwd=grown)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "geen fouten" in result.stdout + result.stderr, result.stdout + result.stderr


def test_the_grown_catalogue_builds(grown):
    result = run_gids("build", "--zonder-pdf", "-d", str(grown.parent / "site"), cwd=grown)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = {p.parent.name for p in (grown.parent / "site" / "praktijken").glob("*/index.html")}
    assert pages == {p.stem for p in (grown / "praktijken").glob("*.md")}


def test_every_catalogue_test_passes_on_the_grown_catalogue(grown):
    """The tests that read the real content hold for any valid catalogue, so for this one too."""
    env = {**os.environ, "GIDS_PROJECT": str(grown)}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", "-m", "catalogus and not pdf",
                             str(ROOT / "tests")], cwd=ROOT, env=env, capture_output=True, text=True)
    tail = "\n".join(result.stdout.splitlines()[-40:])
    assert result.returncode == 0, tail
    assert " passed" in tail and "deselected" in tail, tail


def test_with_today_dates_both_fields():
    text = "titel: x\nlaatst_gecontroleerd: 2020-01-01\ntoegevoegd: 2020-01-01\nperiode: 2020\n"
    assert with_today(text, dt.date(2031, 6, 1)) == (
        "titel: x\nlaatst_gecontroleerd: 2031-06-01\ntoegevoegd: 2031-06-01\nperiode: 2020\n")
