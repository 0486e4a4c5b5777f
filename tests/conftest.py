"""Shared fixtures: two projects, each built at most once per test session.

The fixture project is the real code (mkdocs.yml, theme/, schema/) with the frozen content of
tests/fixtures/project/ (praktijken/, docs/, boek.yml), which the developers own. Every test that
expects specific content (a slug, a title, a count, a wording, a search ranking, a page number)
runs on it: ``fixture_project``, ``fixture_site``, ``served_site``, ``fixture_records`` and
FIXTURE_PRAKTIJKEN. A test that changes a project and builds it again takes its own copy: the small one
(``copy_klein``: five of its records, a book with two of its narrative pages) when it only needs a project
that builds, the whole one (``copy_project``) when it expects the fixture project's content.
A build whose subprocess is not what is tested runs in this process (``run_gids_in_process``).

The catalogue is the real content the editors change: the repository root, or the project folder
in GIDS_PROJECT (tests/test_levende_catalogus.py points it at a copy with new practices). Only the
tests marked ``catalogus`` read it, and only for what every valid catalogue has: ``built_site``,
``records`` and PROJECT (a test using either fixture is marked so by itself).

A session build lays out the guide's PDF only when a selected test that uses it is marked ``pdf``.
"""
from __future__ import annotations

import fcntl
import functools
import http.server
import io
import logging
import os
import shutil
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import tinyhtml5
from playwright.sync_api import Browser, Error, Page, sync_playwright

from generator.records.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent  # the code under test
FIXTURE_PROJECT = ROOT / "tests" / "fixtures" / "project"
FIXTURE_PRAKTIJKEN = FIXTURE_PROJECT / "praktijken"
PROJECT = Path(os.environ.get("GIDS_PROJECT") or ROOT).resolve()  # the catalogue under test
CODE = ("mkdocs.yml", "theme", "schema")  # what a project takes from the repository
CONTENT = ("praktijken", "docs", "boek.yml")  # what the editors write
# The small project: these records of the fixture project (the ones tests name, and the first by name), its docs,
# and a book of its own with only the preface and the colophon, so that its guide is 26 pages instead of 121.
KLEIN_BOEK = ROOT / "tests" / "fixtures" / "klein" / "boek.yml"
KLEIN_PRAKTIJKEN = ("aalst-netoverschrijdende-taalstimuleringsprojecten", "gent-iedereen-onder-dak",
                    "gent-taalkansen-werkvloer", "kortrijk-schakelklas-anderstalige-nieuwkomers",
                    "kortrijk-toeleiders-1-loketdienst")
# The fixture site's build: a fixed date and hash seed, so that another build can be compared byte for byte.
FIXTURE_BUILD_ENV = {"SOURCE_DATE_EPOCH": "1763856000", "PYTHONHASHSEED": "1"}
# Debian's chromium, headless, without the background calls that this closed network refuses
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


CATALOGUE_FIXTURES = ("built_site", "records")  # what reads the catalogue: a test using them is marked 'catalogus'


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: a worker more than there are cores. The Chromium tests wait for frames and the serve tests for files
    to be seen; a third worker on two cores fills some of those waits (here 232 to 245 s, against 237 to 247 s)."""
    return (os.cpu_count() or 1) + 1


@pytest.hookimpl(tryfirst=True)  # before '-m' selects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads the catalogue through its fixtures is a catalogue test, whether or not it says so."""
    for item in items:
        if set(CATALOGUE_FIXTURES) & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.catalogus)


def run_gids(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def run_gids_in_process(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``run_gids`` without starting Python again: the same arguments, folder, environment and captured output.

    For what a command does (a build that fails, what it leaves behind). As in a new process, a log record that
    no handler of the generator takes and a warning are printed on the command's stderr, not kept by pytest.
    What only a process has (an exit on a signal, PYTHONHASHSEED, the engine chosen at import, a bench's output)
    is tested with ``run_gids``.
    """
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    with _inside(cwd, env or {}), redirect_stdout(out), redirect_stderr(err), _as_a_new_process():
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse, and a build that stops on SIGTERM
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["gids", *args], code, out.getvalue(), err.getvalue())


@contextmanager
def _as_a_new_process():
    """The root logger without pytest's handlers (so logging's last resort prints on stderr) and Python's default
    warning filters, printing on stderr."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    for handler in handlers:
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
            warnings.filterwarnings("ignore", category=category, append=True)
        warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: sys.stderr.write(
            warnings.formatwarning(message, category, filename, lineno, line))
        try:
            yield
        finally:
            for handler in handlers:
                root.addHandler(handler)
            root.setLevel(level)


@contextmanager
def _inside(cwd: Path, env: dict[str, str]):
    """In ``cwd`` with ``env`` added to the environment, both as before afterwards."""
    folder, before = Path.cwd(), {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(folder)
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def copy_project(target: Path, content: Path = FIXTURE_PROJECT, praktijken: tuple[str, ...] | None = None) -> Path:
    """A buildable project in ``target``: the repository's code with the content of ``content``.

    With ``praktijken``, only those records (slugs) of it.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name, source in [*((n, ROOT) for n in CODE), *((n, content) for n in CONTENT)]:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        else:
            shutil.copy(source / name, target / name)
    if praktijken is not None:
        for record in (target / "praktijken").glob("*.md"):
            if record.stem not in praktijken:
                record.unlink()
    return target


def copy_klein(target: Path) -> Path:
    """The small project in ``target``: for a test that needs a project that builds, not the fixture's content."""
    project = copy_project(target, praktijken=KLEIN_PRAKTIJKEN)
    shutil.copy(KLEIN_BOEK, project / "boek.yml")
    return project


def parsed_page(path: Path):
    """A built page as tinyhtml5 (an HTML5 parser, as a browser parses) reads it; parsed once per run, as long as the
    file is unchanged: several tests read every page of the fixture site."""
    stat = path.stat()
    return _parse(path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _parse(path: Path, mtime_ns: int, size: int):
    return tinyhtml5.parse(path.read_text(encoding="utf-8"))


def _needs_pdf(request: pytest.FixtureRequest, fixture: str) -> bool:
    """Whether a selected test that uses ``fixture`` reads the guide's PDF (marker ``pdf``)."""
    return any(fixture in item.fixturenames and item.get_closest_marker("pdf") for item in request.session.items)


def _build(project: Path, target: Path, pdf: bool, env: dict[str, str] | None = None) -> Path:
    result = run_gids("build", "-d", str(target), *([] if pdf else ["--zonder-pdf"]), cwd=project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """The folder ``name`` that ``make`` fills, made once per test run and shared by its workers (pytest-xdist).

    The first worker to ask makes it while holding a lock; the others wait for it and take it as it is. A folder
    that ``make`` failed to finish is made again by the next one to ask, so each failure is reported where it happens.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's folder, above the workers'
    folder, done = shared / name, shared / f"{name}.klaar"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session", autouse=True)
def _builds_side_by_side(request) -> None:
    """Under pytest-xdist the second worker starts with the catalogue's build while the first makes the fixture
    site's (the first tests need it): the run's two big builds side by side instead of one waiting on the other.
    A build that fails here is reported by each test that uses it, as without this fixture."""
    if os.environ.get("PYTEST_XDIST_WORKER") == "gw1" and any("built_site" in item.fixturenames
                                                                for item in request.session.items):
        try:
            request.getfixturevalue("built_site")
        except Exception:
            pass


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The catalogue (PROJECT), built once."""
    pdf = _needs_pdf(request, "built_site")
    return once_per_run(tmp_path_factory, "bouw", lambda folder: _build(PROJECT, folder / "site", pdf)) / "site"


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory) -> Path:
    """The fixture project, assembled once; tests that change a project make their own copy_project."""
    return once_per_run(tmp_path_factory, "fixture", lambda folder: copy_project(folder / "project")) / "project"


@pytest.fixture(scope="session")
def fixture_site(request, fixture_project, tmp_path_factory) -> Path:
    """The fixture project, built once (with FIXTURE_BUILD_ENV)."""
    pdf = _needs_pdf(request, "fixture_site")
    return once_per_run(tmp_path_factory, "fixture-bouw",
                        lambda folder: _build(fixture_project, folder / "site", pdf, FIXTURE_BUILD_ENV)) / "site"


@pytest.fixture(scope="session")
def served_site(fixture_site):
    """The fixture site on http://127.0.0.1:<port>/, as ``static_host`` serves it."""
    with static_host(fixture_site) as base:
        yield base


@contextmanager
def static_host(folder: Path):
    """``folder`` on http://127.0.0.1:<port>/ like a static host (GitHub Pages): a missing path gets its 404.html."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file() or self.command != "GET":
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")  # one Chromium for the run; every test opens a context or a page of its own
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def looks(browser):
    """Tabs handed from test to test, for the tests that only look at the site (axe, the Tab walk, contrast)."""
    tabs = SharedTabs(browser)
    yield tabs
    tabs.close()


class SharedTabs:
    """One browser tab per way of looking (screen, touch, scheme, ...), handed from one test to the next.

    A page opened in a tab that showed the site before costs a third of the CPU of one in a new tab (0.18 s against
    0.48 s on this project's machine; axe added and run, 0.6 s against 1.6 s): the tab keeps its renderer process and
    the scripts it compiled. The Chromium tests are most of the suite's time. A test takes the tab and gives it back
    as a new tab would be: nothing in localStorage or sessionStorage, the screen size of its kind, no page error
    counted; the test's own page.goto() loads a new document, and going back goes no further than the test's own
    steps. Every request is still reported, a file from the cache too. A tab that cannot be reset is closed, and the
    next test gets a new one. A test that stores something on purpose (the scheme chosen in the header) or needs an
    empty cache (a first visit) opens a context of its own.
    """

    def __init__(self, browser: Browser) -> None:
        self._browser = browser
        self._free: dict[str, Page] = {}

    def take(self, **options: object) -> Page:
        key = repr(sorted(options.items()))
        page = self._free.pop(key, None)  # taken: a test that fails without giving it back leaves no tab in use
        if page is None:
            page = self._browser.new_context(**options).new_page()  # type: ignore[arg-type]
            page.on("pageerror", lambda error: page.errors.append(str(error)))
            page.kind, page.size = key, page.viewport_size
        page.errors = []
        return page

    def give_back(self, page: Page) -> None:
        try:
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            if page.viewport_size != page.size:
                page.set_viewport_size(page.size)
        except Error:
            page.context.close()
            return
        self._free[page.kind] = page

    def close(self) -> None:
        for page in self._free.values():
            page.context.close()


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
