"""``gids build`` you can trust: strict links reported in Dutch, the previous site kept on any failure, same bytes twice."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.print import pdf as pdf_module
from generator.print.edition import make_edition
from generator.print.html import build_html
from generator.print.pdf import PDF_NAME as PDF_NAAM
from generator.records.book import load_book
from generator.records.catalog import load_catalog
from generator.records.vocab import load_vocab
from generator.site import guide_worker

from .conftest import FIXTURE_BUILD_ENV, ROOT, copy_klein, copy_project, run_gids, run_gids_in_process

RECORD = "praktijken/gent-iedereen-onder-dak.md"


def append(file: Path, text: str) -> int:
    """Append a paragraph; returns the line it lands on."""
    content = file.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    file.write_text(content + text + "\n", encoding="utf-8")
    return content.count("\n") + 1


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def strays(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site"))


def test_story_links_to_practices_and_pages(tmp_path):
    """The documented forms: another practice by its file name, a narrative page by its path, with or without anchor."""
    project = copy_klein(tmp_path / "project")
    append(project / RECORD, "Zie ook [de schakelklas](kortrijk-schakelklas-anderstalige-nieuwkomers.md), haar "
                             "[fiche](kortrijk-schakelklas-anderstalige-nieuwkomers.md#fiche) en [VVSG](../gids/partners.md#vvsg).")
    append(project / "docs" / "gids" / "partners.md", "Een voorbeeld: [Iedereen onder dak](../praktijken/gent-iedereen-onder-dak.md#fiche).")
    result = run_gids_in_process("build", "--zonder-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    story = (project / "site" / "praktijken" / "gent-iedereen-onder-dak" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../kortrijk-schakelklas-anderstalige-nieuwkomers/">de schakelklas</a>' in story
    assert '<a href="../kortrijk-schakelklas-anderstalige-nieuwkomers/#fiche">fiche</a>' in story
    assert '<a href="../../gids/partners/#vvsg">VVSG</a>' in story
    partners = (project / "site" / "gids" / "partners" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../praktijken/gent-iedereen-onder-dak/#fiche">Iedereen onder dak</a>' in partners


def test_story_links_lead_into_the_print_edition(tmp_path):
    project = copy_project(tmp_path / "project")  # its book has the partners' page
    append(project / RECORD, "Zie [de schakelklas](kortrijk-schakelklas-anderstalige-nieuwkomers.md#fiche) en [VVSG](../gids/partners.md#vvsg).")
    vocab = load_vocab()
    catalog = load_catalog(project / "praktijken", vocab)
    boek, _ = load_book(project / "boek.yml", project / "docs", vocab)

    def edition_html(records, **choice) -> str:
        return build_html(make_edition(boek, records, **choice), docs_dir=project / "docs", theme_dir=project / "theme",
                          vocab=vocab, datum="2026-01-15")

    whole = edition_html(catalog.records)
    assert '<a href="#praktijk-kortrijk-schakelklas-anderstalige-nieuwkomers">de schakelklas</a>' in whole
    assert '<a href="#pagina-partners">VVSG</a>' in whole
    alone = edition_html([r for r in catalog.records if r.slug == "gent-iedereen-onder-dak"], titel="Eén", selectie="één")
    assert "<a>de schakelklas</a>" in alone and "<a>VVSG</a>" in alone  # not in this edition: text, no dead link


def test_broken_links_stop_the_build_in_dutch_and_keep_the_site(tmp_path):
    project = copy_klein(tmp_path / "project")
    assert run_gids_in_process("build", "--zonder-pdf", cwd=project).returncode == 0
    before = snapshot(project / "site")

    story_line = append(project / RECORD, "Zie ook [de opvolger](gent-bestaat-niet.md).")
    docs_line = append(project / "docs" / "gids" / "partners.md", "Meer in de [cijfers](cijfers.md#geen-anker).")
    result = run_gids_in_process("build", cwd=project)  # with the PDF: the links are refused before it is laid out

    assert result.returncode == 1
    found = [
        (f"docs/gids/partners.md:{docs_line}:22: link 'cijfers.md#geen-anker': anker '#geen-anker' bestaat niet "
         "op de pagina docs/gids/cijfers.md"),
        f"{RECORD}:{story_line}:23: verhaal: link 'gent-bestaat-niet.md' verwijst naar een pagina die niet bestaat",
    ]
    assert result.stderr.splitlines() == [*found, "2 fout(en) in de links hierboven; de site is niet gebouwd."]
    assert snapshot(project / "site") == before
    assert strays(project) == []
    check = run_gids_in_process("check", "-q", cwd=project)  # the same check, before any build
    assert check.returncode == 1 and [line for line in check.stdout.splitlines() if "waarschuwing" not in line] == found


def test_links_to_folders_and_from_the_root_are_refused(tmp_path):
    project = copy_klein(tmp_path / "project")
    line = append(project / RECORD, "Zie [de schakelklas](kortrijk-schakelklas-anderstalige-nieuwkomers/) en "
                                    "[Taalkansen](/praktijken/gent-taalkansen-werkvloer/).")
    result = run_gids_in_process("build", "--zonder-pdf", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        (f"{RECORD}:{line}:22: verhaal: link 'kortrijk-schakelklas-anderstalige-nieuwkomers/' verwijst naar een map of "
         "een adres, niet naar een bestand: verwijs naar het bestand van de pagina, bv. 'andere-praktijk.md' of "
         "'../themas/taal.md'; bedoelde je 'kortrijk-schakelklas-anderstalige-nieuwkomers.md'?"),
        (f"{RECORD}:{line}:86: verhaal: link '/praktijken/gent-taalkansen-werkvloer/' begint met '/': schrijf een link "
         "ten opzichte van deze pagina, bv. 'andere-praktijk.md' of '../gids/partners.md'; bedoelde je "
         "'gent-taalkansen-werkvloer.md'?"),
    ]
    assert not (project / "site").exists()
    assert strays(project) == []


def test_a_failure_after_the_pages_keeps_the_previous_site(tmp_path):
    """An exception at the very end (on_post_build, after every page and the search files are written)."""
    project = copy_klein(tmp_path / "project")
    assert run_gids_in_process("build", "--zonder-pdf", cwd=project).returncode == 0
    before = snapshot(project / "site")

    (project / "kapot.py").write_text('def on_post_build(config):\n    raise RuntimeError("kapot na de laatste pagina")\n',
                                      encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - kapot.py\n", encoding="utf-8")
    result = run_gids_in_process("build", cwd=project)  # with the PDF: its folder must go too

    assert result.returncode == 1
    assert "De site is niet gebouwd door een interne fout (RuntimeError: kapot na de laatste pagina)" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == before
    assert strays(project) == []


@pytest.mark.pdf
def test_same_input_same_bytes(tmp_path, fixture_site):
    """Two builds with the PDF, from two copies in different folders, with different hash seeds: one tree."""
    project = copy_project(tmp_path / "twee" / "project")
    target = tmp_path / "twee" / "uit-twee"
    env = {**os.environ, **FIXTURE_BUILD_ENV, "PYTHONHASHSEED": "2"}
    result = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-d", str(target)], cwd=project,
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    first, second = snapshot(fixture_site), snapshot(target)
    assert {PDF_NAAM, "sitemap.xml", "sitemap.xml.gz", "zoeken/catalogus.json"} <= first.keys()
    differing = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    assert differing == [], f"verschillende bestanden: {differing}"


@pytest.mark.pdf
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="met één kern maakt gids build de pdf eerst, in één proces")
def test_the_guide_laid_out_beside_the_site_gives_the_same_tree(tmp_path, monkeypatch):
    """On two cores `gids build` (a process without threads) lays out the PDF in a second process, the chapters
    beside the guide in a third, and fills in pages and sizes afterwards: byte for byte the site of a build that does
    all of it in one process, the chapters after the guide. On the small project: what is compared is how the work is
    shared out, not the content (the fixture site, laid out beside its site, is held to a rebuild above)."""
    project = copy_klein(tmp_path / "project")
    beside = run_gids("build", "-d", str(tmp_path / "ernaast"), cwd=project, env=FIXTURE_BUILD_ENV)
    assert beside.returncode == 0, beside.stderr
    monkeypatch.setattr(guide_worker, "can_fork", lambda: False)
    monkeypatch.setattr(pdf_module, "can_fork", lambda: False)
    first = run_gids_in_process("build", "-d", str(tmp_path / "eerst"), cwd=project, env=FIXTURE_BUILD_ENV)
    assert first.returncode == 0, first.stderr
    one, other = snapshot(tmp_path / "ernaast"), snapshot(tmp_path / "eerst")
    assert sorted(k for k in one.keys() | other.keys() if one.get(k) != other.get(k)) == []
    pages = len(PdfReader(tmp_path / "ernaast" / PDF_NAAM).pages)
    home = one["index.html"].decode()
    assert f"Download de gids als pdf</a> ({pages} pagina's, " in home
    assert not [name for name, data in one.items() if b"gids-pdf-" in data]  # no mark left anywhere
    chapters = [name for name in one if name.startswith("hoofdstukken/") and name.endswith(".pdf")]
    assert len(chapters) > 1
    for name in chapters:
        count = len(PdfReader(tmp_path / "ernaast" / name).pages)
        page = one[f"{name.removesuffix('.pdf')}/index.html"].decode()
        word = "pagina" if count == 1 else "pagina's"
        assert f"Dit hoofdstuk als pdf</a> ({count} {word}, " in page, name


def test_a_build_without_the_pdf_after_one_with_it_links_no_pdf(tmp_path):
    """The engine keeps one plugin per process (it has on_startup): a second build in that process must not
    link the first one's PDF."""
    project = copy_klein(tmp_path / "project")
    assert run_gids_in_process("build", "-d", str(tmp_path / "met"), cwd=project).returncode == 0
    assert run_gids_in_process("build", "--zonder-pdf", "-d", str(tmp_path / "zonder"), cwd=project).returncode == 0
    assert "gids-download" in (tmp_path / "met" / "index.html").read_text(encoding="utf-8")
    assert not [p for p in (tmp_path / "zonder").rglob("*.html") if "gids-download" in p.read_text(encoding="utf-8")]


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.pdf
@pytest.mark.skipif(not Path("/proc/self/stat").is_file() or (os.cpu_count() or 1) < 2, reason="Linux, twee kernen")
def test_a_killed_build_takes_the_layout_with_it(tmp_path):
    """SIGKILL to `gids build` while the PDF is laid out beside the site: the layout process stops at once, not when
    its layout is done (the fixture's guide takes seconds)."""
    project = copy_project(tmp_path / "project")
    build = subprocess.Popen([sys.executable, "-m", "generator.cli", "build"], cwd=project, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 120
    while not (_children(build.pid) and any(p.is_file() for p in project.glob(".site-nieuw-*/**/*"))):
        assert build.poll() is None and time.monotonic() < deadline, "de build eindigde voor hij pagina's schreef"
        time.sleep(0.02)
    children = _children(build.pid)
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 1
    while [c for c in children if _running(c)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [c for c in children if _running(c)] == []


@pytest.mark.pdf
def test_a_chapter_that_cannot_be_laid_out_is_said_in_dutch_and_keeps_the_previous_site(tmp_path, monkeypatch):
    """What the generator did not foresee while laying out the chapter editions: one Dutch line, no traceback."""
    project = copy_klein(tmp_path / "project")
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("vorige", encoding="utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(guide_worker, "can_fork", lambda: False)
    monkeypatch.setattr(pdf_module, "can_fork", lambda: False)
    monkeypatch.setattr(pdf_module, "write_chapters", full_disk)
    result = run_gids_in_process("build", "-d", str(target), cwd=project)
    assert result.returncode == 1
    assert ("De pdf's van de hoofdstukken zijn niet gemaakt door een interne fout (OSError: [Errno 28] No space left on "
            "device). Meld dit aan de beheerders; GIDS_DEBUG=1 toont de details. De site is niet gebouwd.") in result.stderr
    assert "Traceback" not in result.stderr
    assert (target / "index.html").read_text(encoding="utf-8") == "vorige"
