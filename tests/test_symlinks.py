"""A symbolic link in praktijken/ or docs/ is refused by `gids check` (and so by the build), wherever it points.

A record that was a link to a file outside the project was published; a link to /etc/hostname or
/proc/self/environ would be read, checked and shown. The check runs in a copy of the small project (copy_klein).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import FIXTURE_PRAKTIJKEN, copy_klein, run_gids

RECORD = sorted(FIXTURE_PRAKTIJKEN.glob("*.md"))[0]  # any valid record of the fixture
BESTAND = ("geen gewoon bestand: de site en de pdf nemen alleen gewone bestanden op; zet de inhoud zelf in dit bestand")
MAP = "geen gewone map: de site en de pdf nemen alleen gewone bestanden op; zet de bestanden zelf in deze map"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_klein(tmp_path / "project")


def errors(project: Path) -> tuple[int, list[dict]]:
    result = run_gids("check", "-q", "--format", "json", "--verouderd-na", "1200", cwd=project)
    assert "Traceback" not in result.stderr
    return result.returncode, [p for p in json.loads(result.stdout)["problemen"] if p["ernst"] == "fout"]


def problem(path: str, message: str) -> dict:
    return {"bestand": path, "regel": 1, "kolom": 1, "veld": "", "melding": message, "ernst": "fout"}


@pytest.mark.parametrize("target", ["/etc/hostname", "/proc/self/environ", "OUTSIDE", "INSIDE"])
def test_a_record_that_is_a_symbolic_link_is_refused(project, target):
    """Out of the project, or to a valid record inside it: a link is never a record."""
    if target == "OUTSIDE":
        target = str(project.parent / "elders.md")
        Path(target).write_bytes(RECORD.read_bytes())
    elif target == "INSIDE":
        target = f"{RECORD.name}"
    (project / "praktijken" / "link.md").symlink_to(target)
    code, found = errors(project)
    assert code == 1
    assert found == [problem("praktijken/link.md", f"is een symbolische link (naar '{target}'), {BESTAND}")]


def test_a_folder_of_records_that_is_a_symbolic_link_is_refused(project, tmp_path):
    (tmp_path / "elders").mkdir()
    (tmp_path / "elders" / RECORD.name.replace(".md", "-kopie.md")).write_bytes(RECORD.read_bytes())
    (project / "praktijken" / "meer").symlink_to(tmp_path / "elders")
    code, found = errors(project)
    assert code == 1 and found == [problem("praktijken/meer", f"is een symbolische link (naar '{tmp_path / 'elders'}'), {MAP}")]


def test_a_page_in_docs_that_is_a_symbolic_link_is_refused_even_outside_the_book(project):
    (project / "docs" / "geheim.md").symlink_to("/etc/hostname")
    (project / "docs" / "gids" / "logo.png").symlink_to("../../mkdocs.yml")
    code, found = errors(project)
    assert code == 1 and found == [
        problem("docs/geheim.md", f"is een symbolische link (naar '/etc/hostname'), {BESTAND}"),
        problem("docs/gids/logo.png", f"is een symbolische link (naar '../../mkdocs.yml'), {BESTAND}"),
    ]


def test_gids_build_stops_at_a_symbolic_link_and_keeps_the_previous_site(project):
    (project / "praktijken" / "link.md").symlink_to("/etc/hostname")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("vorige site", encoding="utf-8")
    result = run_gids("build", "--zonder-pdf", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"praktijken/link.md:1:1: is een symbolische link (naar '/etc/hostname'), {BESTAND}" in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
