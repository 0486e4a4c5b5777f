"""Shared fixtures: two projects, each built at most once per test session.

The fixture project is the real code (mkdocs.yml, theme/, schema/) with the frozen content of
tests/fixtures/project/ (praktijken/, docs/, boek.yml), which the developers own. Every test that
expects specific content (a slug, a title, a count, a wording, a search ranking, a page number)
runs on it: ``fixture_project``, ``fixture_site``, ``served_site``, ``fixture_records`` and
FIXTURE_PRAKTIJKEN.

The catalogue is the real content the editors change: the repository root, or the project folder
in GIDS_PROJECT (tests/test_levende_catalogus.py points it at a copy with new practices). Only the
tests marked ``catalogus`` read it, and only for what every valid catalogue has: ``built_site``,
``records`` and PROJECT (a test using either fixture is marked so by itself).

A session build lays out the guide's PDF only when a selected test that uses it is marked ``pdf``.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from generator.records.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent  # the code under test
FIXTURE_PROJECT = ROOT / "tests" / "fixtures" / "project"
FIXTURE_PRAKTIJKEN = FIXTURE_PROJECT / "praktijken"
PROJECT = Path(os.environ.get("GIDS_PROJECT") or ROOT).resolve()  # the catalogue under test
CODE = ("mkdocs.yml", "theme", "schema")  # what a project takes from the repository
CONTENT = ("praktijken", "docs", "boek.yml")  # what the editors write
# The fixture site's build: a fixed date and hash seed, so that another build can be compared byte for byte.
FIXTURE_BUILD_ENV = {"SOURCE_DATE_EPOCH": "1763856000", "PYTHONHASHSEED": "1"}
# Debian's chromium, headless, without the background calls that this closed network refuses
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


CATALOGUE_FIXTURES = ("built_site", "records")  # what reads the catalogue: a test using them is marked 'catalogus'


@pytest.hookimpl(tryfirst=True)  # before '-m' selects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads the catalogue through its fixtures is a catalogue test, whether or not it says so."""
    for item in items:
        if set(CATALOGUE_FIXTURES) & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.catalogus)


def run_gids(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def copy_project(target: Path, content: Path = FIXTURE_PROJECT) -> Path:
    """A buildable project in ``target``: the repository's code with the content of ``content``."""
    target.mkdir(parents=True, exist_ok=True)
    for name, source in [*((n, ROOT) for n in CODE), *((n, content) for n in CONTENT)]:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        else:
            shutil.copy(source / name, target / name)
    return target


def _needs_pdf(request: pytest.FixtureRequest, fixture: str) -> bool:
    """Whether a selected test that uses ``fixture`` reads the guide's PDF (marker ``pdf``)."""
    return any(fixture in item.fixturenames and item.get_closest_marker("pdf") for item in request.session.items)


def _build(project: Path, target: Path, pdf: bool, env: dict[str, str] | None = None) -> Path:
    result = run_gids("build", "-d", str(target), *([] if pdf else ["--zonder-pdf"]), cwd=project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The catalogue (PROJECT), built once."""
    return _build(PROJECT, tmp_path_factory.mktemp("bouw") / "site", _needs_pdf(request, "built_site"))


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory) -> Path:
    """The fixture project, assembled once; tests that change a project make their own copy_project."""
    return copy_project(tmp_path_factory.mktemp("fixture") / "project")


@pytest.fixture(scope="session")
def fixture_site(request, fixture_project) -> Path:
    """The fixture project, built once (with FIXTURE_BUILD_ENV)."""
    return _build(fixture_project, fixture_project.parent / "site", _needs_pdf(request, "fixture_site"), FIXTURE_BUILD_ENV)


@pytest.fixture(scope="session")
def served_site(fixture_site):
    """The fixture site on http://127.0.0.1:<port>/."""
    handler = functools.partial(_QuietHandler, directory=str(fixture_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def records():
    """The catalogue's records; they must all be valid."""
    catalog = load_catalog(PROJECT / "praktijken")
    assert catalog.ok, "\n".join(map(str, catalog.errors))
    return catalog.records


@pytest.fixture(scope="session")
def fixture_records():
    """The fixture project's records."""
    catalog = load_catalog(FIXTURE_PRAKTIJKEN)
    assert catalog.ok, "\n".join(map(str, catalog.errors))
    return catalog.records
