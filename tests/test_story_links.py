"""The links and images of stories and pages: one check, which `gids check` and the build both run."""
from __future__ import annotations

import json

import pytest

from generator.site.links import LinkPage as Pagina
from generator.site.links import Site, link_errors, markdown_settings

from .conftest import copy_klein, run_gids_in_process

STORY_LINE = 30  # the file's line on which the story of the page under test starts


def site(story: str) -> Site:
    """A small site: the page under test (praktijken/a.md), another practice, a narrative page, some files."""
    pages = {
        "praktijken/a.md": Pagina("praktijken/a.md", "praktijken/a.md", story, STORY_LINE, "verhaal",
                                  frozenset({"fiche"})),
        "praktijken/gent-iedereen-onder-dak.md": Pagina("praktijken/gent-iedereen-onder-dak.md", "praktijken/gent.md",
                                                        "Tekst.\n\n## Wie doet mee\n", 12, "verhaal",
                                                        frozenset({"fiche-1", "fiche-2"})),
        "gids/partners.md": Pagina("gids/partners.md", "docs/gids/partners.md", "# Partners\n\n## VVSG\n", 1),
        "themas/taal.md": Pagina("themas/taal.md", "themas/taal.md", "", 1, ankers=frozenset({"praktijken"})),
    }
    files = set(pages) | {"index.md", "feed.xml", "open-data/praktijken.csv", "beelden/foto.png"}
    return Site(files, pages, markdown_settings(["toc", "tables", {"smarty": {"smart_quotes": False}}]))


def messages(story: str) -> list[str]:
    return [f"{e.line}:{e.column}: {e.message}" for e in link_errors(site(story))]


@pytest.mark.parametrize("link", [
    "[x](gent-iedereen-onder-dak.md)",
    "[x](gent-iedereen-onder-dak.md#wie-doet-mee)",  # a heading of its story
    "[x](gent-iedereen-onder-dak.md#fiche-2)",  # an id its page adds
    "[x](#fiche)", "[x](../gids/partners.md#vvsg)", "[x](../themas/taal.md#praktijken)", "[x](../index.md)",
    "[x](../feed.xml)", "[x](../open-data/praktijken.csv)", "![foto](../beelden/foto.png)",
    "[x](https://www.vvsg.be/)", "<https://www.vvsg.be>", "[x](mailto:info@vvsg.be)", "<info@vvsg.be>",
    "[x](?thema=taal)", "`[x](bestaat-niet.md)`", "```\n[x](bestaat-niet.md)\n```", r"\[x](bestaat-niet.md)",
    "[x][ref]\n\n[ref]: gent-iedereen-onder-dak.md",
])
def test_what_the_site_has_passes(link):
    assert messages(f"Inleiding.\n\n{link}\n") == []


@pytest.mark.parametrize("link, message", [
    ("[x](gent-iedereen-onder-dek.md)",
     "link 'gent-iedereen-onder-dek.md' verwijst naar een pagina die niet bestaat; bedoelde je 'gent-iedereen-onder-dak.md'?"),
    ("[x](zomaar-iets.md)", "link 'zomaar-iets.md' verwijst naar een pagina die niet bestaat"),
    ("[x](../gids/partner.md)", "link '../gids/partner.md' verwijst naar een pagina die niet bestaat; bedoelde je '../gids/partners.md'?"),
    ("[x](gids/partners.md)",  # written as from the root, from a practice's page
     "link 'gids/partners.md' verwijst naar een pagina die niet bestaat; bedoelde je '../gids/partners.md'?"),
    ("[x](../feed.atom)", "link '../feed.atom' verwijst naar een bestand dat niet bestaat"),
    ("[x](gent-iedereen-onder-dak.md#wie-doen-mee)",
     "link 'gent-iedereen-onder-dak.md#wie-doen-mee': anker '#wie-doen-mee' bestaat niet op de pagina praktijken/gent.md; "
     "bedoelde je 'gent-iedereen-onder-dak.md#wie-doet-mee'?"),
    ("[x](#fice)", "link '#fice': anker '#fice' bestaat niet op deze pagina; bedoelde je '#fiche'?"),
    ("[x](gent-iedereen-onder-dak/)",
     "link 'gent-iedereen-onder-dak/' verwijst naar een map of een adres, niet naar een bestand: verwijs naar het bestand "
     "van de pagina, bv. 'andere-praktijk.md' of '../themas/taal.md'; bedoelde je 'gent-iedereen-onder-dak.md'?"),
    ("[x](../themas/taal/)",
     "link '../themas/taal/' verwijst naar een map of een adres, niet naar een bestand: verwijs naar het bestand van de "
     "pagina, bv. 'andere-praktijk.md' of '../themas/taal.md'; bedoelde je '../themas/taal.md'?"),
    ("[x](/gids/partners.md)",
     "link '/gids/partners.md' begint met '/': schrijf een link ten opzichte van deze pagina, bv. 'andere-praktijk.md' of "
     "'../gids/partners.md'; bedoelde je '../gids/partners.md'?"),
    ("[x](file:///C:/Users/redactie/fiche.pdf)",
     "link 'file:///C:/Users/redactie/fiche.pdf' verwijst naar een bestand op je eigen computer ('file:'); bezoekers "
     "kunnen dat niet openen: zet het bestand in docs/ en verwijs ernaar ten opzichte van deze pagina"),
    ("![foto](https://example.org/foto.png)",
     "afbeelding 'https://example.org/foto.png' staat op een andere server: de site laadt niets van andere servers (zie "
     "de privacyverklaring); zet de afbeelding in docs/ en verwijs ernaar ten opzichte van deze pagina"),
    ("![foto](//example.org/foto.png)",
     "afbeelding '//example.org/foto.png' staat op een andere server: de site laadt niets van andere servers (zie de "
     "privacyverklaring); zet de afbeelding in docs/ en verwijs ernaar ten opzichte van deze pagina"),
    ("![foto](../beelden/fото.png)", "afbeelding '../beelden/fото.png' verwijst naar een bestand dat niet bestaat"),
    ("[x](https://[::1/pagina)",
     "link 'https://[::1/pagina' is geen geldig adres (de haakjes '[' en ']' in de servernaam kloppen niet); schrijf het "
     "adres zoals het in de adresbalk van je browser staat"),
])
def test_each_refused_link_is_named_at_its_line_and_column(link, message):
    column = 9 if link.startswith("[") else 13  # where the address starts
    assert messages(f"Inleiding.\n\nZie {link} voor meer.\n") == [f"{STORY_LINE + 2}:{column}: {message}"]


def test_a_link_over_two_lines_a_reference_and_a_repeated_link_are_each_found_where_they_are():
    story = ("Eerst [de\nschakelklas](nergens.md), dan [nog eens](nergens.md).\n\n"
             "Met [een verwijzing][ref].\n\n[ref]: ook-nergens.md\n")
    found = messages(story)
    assert [line.split(": ", 1)[0] for line in found] == [
        f"{STORY_LINE + 1}:14", f"{STORY_LINE + 1}:42", f"{STORY_LINE + 5}:8"]


def test_a_page_without_links_is_not_read():
    checked = site("Alleen tekst, [geen link] en (haakjes).")
    assert link_errors(checked) == [] and checked._gelezen == {}


# ------------------------------------------------------------- gids check and gids build, on a project

RECORD = "praktijken/gent-iedereen-onder-dak.md"


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """The small project with a story that has a dead link, a remote image and a link from the root."""
    project = copy_klein(tmp_path_factory.mktemp("links") / "project")
    record = project / RECORD
    text = record.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = text.count("\n") + 1
    record.write_text(text + "Zie [Kortrijk](kortrijk-toeleiders-1-loketdiens.md) en ![kaart](https://example.org/k.png)"
                             "\nof [de partners](/gids/partners.md).\n", encoding="utf-8")
    return project, line


def expected(line: int) -> list[tuple[int, int, str]]:
    return [
        (line, 16, "link 'kortrijk-toeleiders-1-loketdiens.md' verwijst naar een pagina die niet bestaat; "
                   "bedoelde je 'kortrijk-toeleiders-1-loketdienst.md'?"),
        (line, 65, "afbeelding 'https://example.org/k.png' staat op een andere server: de site laadt niets van andere "
                   "servers (zie de privacyverklaring); zet de afbeelding in docs/ en verwijs ernaar ten opzichte van deze pagina"),
        (line + 1, 18, "link '/gids/partners.md' begint met '/': schrijf een link ten opzichte van deze pagina, bv. "
                       "'andere-praktijk.md' of '../gids/partners.md'; bedoelde je '../gids/partners.md'?"),
    ]


def test_check_reports_them_as_text_github_annotations_and_json(broken):
    project, line = broken
    tekst = run_gids_in_process("check", "-q", cwd=project)
    assert tekst.returncode == 1
    errors = [f"{RECORD}:{n}:{c}: verhaal: {m}" for n, c, m in expected(line)]
    assert [out for out in tekst.stdout.splitlines() if "waarschuwing:" not in out] == errors

    github = run_gids_in_process("check", "-q", "--format", "github", cwd=project)
    assert github.returncode == 1
    annotations = [out for out in github.stdout.splitlines() if out.startswith("::error ")]
    assert annotations[0] == (f"::error file={RECORD},line={line},col=16,title=verhaal::link "
                              "'kortrijk-toeleiders-1-loketdiens.md' verwijst naar een pagina die niet bestaat; "
                              "bedoelde je 'kortrijk-toeleiders-1-loketdienst.md'?")
    assert len(annotations) == 3

    document = json.loads(run_gids_in_process("check", "-q", "--format", "json", cwd=project).stdout)
    assert document["ok"] is False and document["fouten"] == 3
    assert [(p["bestand"], p["regel"], p["kolom"], p["veld"], p["melding"]) for p in document["problemen"]
            if p["ernst"] == "fout"] == [(RECORD, n, c, "verhaal", m) for n, c, m in expected(line)]


def test_the_build_refuses_the_same_links_with_the_same_words_and_leaves_nothing(broken):
    project, line = broken
    result = run_gids_in_process("build", "-d", "uit", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        *(f"{RECORD}:{n}:{c}: verhaal: {m}" for n, c, m in expected(line)),
        "3 fout(en) in de links hierboven; de site is niet gebouwd."]
    assert not (project / "uit").exists()
    assert not [p.name for p in project.iterdir() if p.name.startswith(".uit")]


def test_a_narrative_page_is_checked_too_and_named_by_its_file(tmp_path):
    project = copy_klein(tmp_path / "project")
    page = project / "docs" / "over.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    page.write_text(text + "Zie [de open data](open-data.md#bestaat-niet).\n", encoding="utf-8")
    result = run_gids_in_process("check", "-q", cwd=project)
    assert result.returncode == 1
    assert (f"docs/over.md:{text.count(chr(10)) + 1}:20: link 'open-data.md#bestaat-niet': anker '#bestaat-niet' "
            "bestaat niet op de pagina docs/open-data.md") in result.stdout.splitlines()


def test_every_link_the_check_lets_through_is_one_the_build_accepts(tmp_path):
    """MkDocs' own strict link check still runs in the build: nothing our check passes may fail it."""
    project = copy_klein(tmp_path / "project")
    record = project / RECORD
    record.write_text(record.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + (
        "Zie [Kortrijk](kortrijk-toeleiders-1-loketdienst.md), [zijn fiche](kortrijk-toeleiders-1-loketdienst.md#fiche), "
        "[hier](#fiche), [de partners](../gids/partners.md), [thema taal](../themas/taal.md), "
        "[zoeken](index.md), [de thema's](../index.md#themas), [de feed](../feed.xml), "
        "[de data](../open-data/praktijken.csv), [VVSG](https://www.vvsg.be/) en <info@vvsg.be>.\n"), encoding="utf-8")
    assert run_gids_in_process("check", "-q", cwd=project).returncode == 0
    result = run_gids_in_process("build", "--zonder-pdf", cwd=project)
    assert result.returncode == 0, result.stderr


def test_a_record_with_other_errors_has_its_links_checked_too(tmp_path):
    """Every problem at once: a partner indented one space too far does not hide the dead link below it."""
    project = copy_klein(tmp_path / "project")
    record = project / RECORD
    lines = record.read_text(encoding="utf-8").split("\n")
    partner = next(n for n, line in enumerate(lines) if line.startswith("partners:")) + 2  # the second partner
    assert lines[partner].startswith("  - ")
    lines[partner] = " " + lines[partner]
    text = "\n".join(lines).rstrip("\n") + "\n\n"
    record.write_text(text + "Zie [de fiche](#fiche) en [Kortrijk](kortrijk-toeleiders-1-loketdiens.md).\n", encoding="utf-8")
    result = run_gids_in_process("check", "-q", cwd=project)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if "waarschuwing:" not in line]
    assert len(errors) == 2
    assert errors[0].startswith(f"{RECORD}:{partner + 1}:4: partners[0]: dit lijstitem staat één spatie te ver naar rechts")
    assert errors[1] == (f"{RECORD}:{text.count(chr(10)) + 1}:38: verhaal: link 'kortrijk-toeleiders-1-loketdiens.md' "
                         "verwijst naar een pagina die niet bestaat; bedoelde je 'kortrijk-toeleiders-1-loketdienst.md'?")
