"""boek.yml is checked like a record: every problem at its line and column, with its field and what would be right.

The book names the pages of the site and the PDF, so it is also where a pull request could reach outside docs/
(``pagina: /proc/self/environ`` put the build's environment, with a token, in the published PDF). Each attack
and each malformed shape below is a case; the book is the fixture project's, with one line changed.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.records.book import load_book
from generator.records.vocab import load_vocab

from .conftest import FIXTURE_PROJECT, copy_project, run_gids

VOCAB = load_vocab()
BOEK = (FIXTURE_PROJECT / "boek.yml").read_text(encoding="utf-8")
CIJFERS = "  - pagina: gids/cijfers.md\n"  # line 10 of the fixture's book; its value starts in column 13
CIJFERS_REGEL = BOEK.splitlines(keepends=True).index(CIJFERS) + 1
WEL = "schrijf het pad ten opzichte van docs/, bv. gids/voorwoord.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture's boek.yml and docs/ in a folder of their own, which is the working directory (paths as in CI)."""
    shutil.copytree(FIXTURE_PROJECT / "docs", tmp_path / "docs")
    (tmp_path / "boek.yml").write_text(BOEK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems(project: Path, book: str | None = None) -> list[tuple[int, int, str, str]]:
    if book is not None:
        (project / "boek.yml").write_text(book, encoding="utf-8")
    boek, errors = load_book(project / "boek.yml", project / "docs", VOCAB)
    assert (boek is None) == bool(errors)  # a book with a problem is never used
    assert all(e.path in ("boek.yml",) or e.path.startswith("docs/") for e in errors)
    return [(e.line, e.column, e.field, e.message) for e in errors]


def test_the_fixture_book_is_valid(project):
    assert problems(project) == []
    assert CIJFERS_REGEL == 10


# ---------------------------------------------------------------- a page outside docs/

AANVALLEN = {
    "/proc/self/environ": "'/proc/self/environ' is geen pad binnen docs/: de gids neemt alleen pagina's uit docs/ op; " + WEL,
    "/etc/hostname": "'/etc/hostname' is geen pad binnen docs/: de gids neemt alleen pagina's uit docs/ op; " + WEL,
    "/tmp/gids/voorwoord.md": "'/tmp/gids/voorwoord.md' is geen pad binnen docs/: de gids neemt alleen pagina's uit docs/ op; " + WEL,
    "~/voorwoord.md": "'~/voorwoord.md' is geen pad binnen docs/: de gids neemt alleen pagina's uit docs/ op; " + WEL,
    "file:///etc/hostname": "'file:///etc/hostname' is geen pad binnen docs/: de gids neemt alleen pagina's uit docs/ op; " + WEL,
    "../../x.md": "'../../x.md' verwijst met '..' naar buiten docs/: de gids neemt alleen pagina's uit docs/ op; " + WEL,
    "gids/../../boek.md": "'gids/../../boek.md' verwijst met '..' naar buiten docs/: de gids neemt alleen pagina's uit docs/ op; " + WEL,
    ".git/config": "'.git/config' is een verborgen bestand of map (begint met '.'), die de site niet publiceert; kies een naam "
                   "zonder '.' vooraan",
    "gids/partners.html": "'gids/partners.html' is geen Markdown-pagina: verwacht een bestand in docs/ dat eindigt op .md, bv. "
                          "gids/voorwoord.md",
    "3": "'3' is geen Markdown-pagina: verwacht een bestand in docs/ dat eindigt op .md, bv. gids/voorwoord.md",
    "gids/cijfer.md": "pagina 'gids/cijfer.md' bestaat niet in docs/: bedoelde je 'gids/cijfers.md'?",
}


@pytest.mark.parametrize("value", AANVALLEN)
def test_a_page_must_be_a_markdown_file_inside_docs(project, value):
    book = BOEK.replace(CIJFERS, f"  - pagina: '{value}'\n")
    assert problems(project, book) == [(CIJFERS_REGEL, 13, "onderdelen[1].pagina", AANVALLEN[value])]


def test_a_framing_page_is_held_to_the_same_rules(project):
    book = BOEK.replace("situering: [gids/werken-aan-welzijn.md]", "situering: [gids/werken-aan-welzijn.md, /etc/hostname]")
    line = next(n for n, text in enumerate(book.splitlines(), 1) if "/etc/hostname" in text)
    column = book.splitlines()[line - 1].index("/etc/hostname") + 1
    assert problems(project, book) == [(line, column, "onderdelen[3].hoofdstukken[2].situering[1]", AANVALLEN["/etc/hostname"])]


def test_a_page_through_a_symbolic_link_is_refused_wherever_it_points(project):
    (project / "docs" / "gids" / "cijfers.md").unlink()
    (project / "docs" / "gids" / "cijfers.md").symlink_to("/etc/hostname")
    (project / "docs" / "binnen").symlink_to(project / "docs" / "gids")  # inside docs/, but a link all the same
    book = BOEK.replace("gids/voorwoord.md", "binnen/voorwoord.md")
    assert problems(project, book) == [  # boek.yml first, then the links in docs/ themselves
        (9, 13, "onderdelen[0].pagina", "'binnen/voorwoord.md' gaat via een symbolische link (docs/binnen); de gids neemt "
                                        "alleen gewone bestanden uit docs/ op: zet de pagina zelf daar"),
        (CIJFERS_REGEL, 13, "onderdelen[1].pagina", "'gids/cijfers.md' gaat via een symbolische link (docs/gids/cijfers.md); "
                                                    "de gids neemt alleen gewone bestanden uit docs/ op: zet de pagina zelf daar"),
        (1, 1, "", "is een symbolische link (naar '" + str(project / "docs" / "gids") + "'), geen gewone map: de site en de "
                   "pdf nemen alleen gewone bestanden op; zet de bestanden zelf in deze map"),
        (1, 1, "", "is een symbolische link (naar '/etc/hostname'), geen gewoon bestand: de site en de pdf nemen alleen "
                   "gewone bestanden op; zet de inhoud zelf in dit bestand"),
    ]
    assert {e.path for e in load_book(project / "boek.yml", project / "docs", VOCAB)[1]} == {
        "boek.yml", "docs/binnen", "docs/gids/cijfers.md"}


def test_boek_yml_itself_may_not_be_a_symbolic_link(project):
    (project / "boek.yml").unlink()
    (project / "boek.yml").symlink_to("/proc/self/environ")
    assert problems(project) == [(1, 1, "", "is een symbolische link (naar '/proc/self/environ'), geen gewoon bestand: de "
                                            "site en de pdf nemen alleen gewone bestanden op; zet de inhoud zelf in dit bestand")]


# ---------------------------------------------------------------- malformed books

def alle_hoofdstukken(line: int) -> list[tuple[int, int, str, str]]:
    """A book without any chapter: one problem per part, at the key 'onderdelen'."""
    return [
        (line, 1, "onderdelen", "hoofdstukken 'horizontaal-integratiebeleid', 'onthaalbeleid', 'taalbeleid', "
                                "'intergemeentelijke-samenwerking', 'regierol' staan niet in het boek; voeg elk toe als "
                                "'- id: ...' onder de hoofdstukken van deel 'lokaal-integratiebeleid'"),
        (line, 1, "onderdelen", "hoofdstukken 'huisvesting', 'tewerkstelling', 'welzijn', 'onderwijs', 'levensbeschouwing' "
                                "staan niet in het boek; voeg elk toe als '- id: ...' onder de hoofdstukken van deel "
                                "'prioritaire-beleidsdomeinen'"),
    ]


GEEN_TITEL = (1, 1, "titel", "verplicht veld ontbreekt; voeg 'titel:' toe")

MISVORMD = {
    "leeg": ("", [(1, 1, "", "boek.yml is leeg: verwacht de velden titel, ondertitel en onderdelen (de pagina's en delen "
                             "van de gids)")]),
    "alleen commentaar": ("# nog niets\n", [(1, 1, "", "boek.yml is leeg: verwacht de velden titel, ondertitel en "
                                                       "onderdelen (de pagina's en delen van de gids)")]),
    "een lijst": ("- pagina: gids/voorwoord.md\n", [(1, 1, "", "verwacht de velden titel, ondertitel en onderdelen (regels "
                                                               "'naam: waarde'), kreeg een lijst")]),
    "tekst": ("Van opvang naar samenleven\n", [(1, 1, "", "verwacht de velden titel, ondertitel en onderdelen (regels "
                                                          "'naam: waarde'), kreeg tekst 'Van opvang naar samenleven'")]),
    "onderdelen: [x]": ("onderdelen: [x]\n", [
        *alle_hoofdstukken(1), GEEN_TITEL,
        (1, 14, "onderdelen[0]", "verwacht een onderdeel: 'pagina: gids/x.md' of 'deel: ...' met zijn hoofdstukken, kreeg "
                                 "tekst 'x'")]),
    "onderdelen is tekst": ("titel: Gids\nonderdelen: gids/voorwoord.md\n", [
        (2, 13, "onderdelen", "verwacht een lijst van onderdelen (regels '- pagina: ...' of '- deel: ...'), kreeg tekst "
                              "'gids/voorwoord.md'")]),
    "pagina is een lijst": ("titel: Gids\nonderdelen:\n  - pagina: [gids/voorwoord.md]\n", [
        *alle_hoofdstukken(2),
        (3, 13, "onderdelen[0].pagina", "verwacht het pad van een pagina in docs/, bv. gids/voorwoord.md, kreeg een lijst")]),
    "pagina is leeg": ("titel: Gids\nonderdelen:\n  - pagina:\n", [
        *alle_hoofdstukken(2),
        (3, 12, "onderdelen[0].pagina", "is leeg (verwacht het pad van een pagina in docs/, bv. gids/voorwoord.md)")]),
    "titel is een lijst, onbekende velden": ("titel: [a]\ntitle: Gids\nonderdelen: []\nextra: 1\n", [
        *alle_hoofdstukken(3),
        (1, 8, "titel", "verwacht de titel van de gids, kreeg een lijst"),
        (2, 1, "title", "onbekend veld 'title': bedoelde je 'titel'?"),
        (3, 13, "onderdelen", "is een lege lijst (verwacht de pagina's en delen van de gids)"),
        (4, 1, "extra", "onbekend veld 'extra' (toegestaan: titel, ondertitel, onderdelen)")]),
    "YAML-syntaxfout": ("titel: Gids\nonderdelen:\n\t- pagina: gids/voorwoord.md\n", [
        (3, 1, "onderdelen", "YAML-syntaxfout: tabs zijn niet toegestaan; gebruik spaties om in te springen")]),
    "dubbel veld, anchor en alias": ("titel: Gids\ntitel: Gids\nonderdelen: &a []\nondertitel: *a\n", [
        *alle_hoofdstukken(3),
        (2, 1, "titel", "veld staat twee keer in boek.yml (eerst op regel 1); houd er één"),
        (3, 13, "", "anchor '&a' is niet toegestaan; schrijf de waarde voluit"),
        (3, 13, "onderdelen", "is een lege lijst (verwacht de pagina's en delen van de gids)"),
        (4, 13, "", "alias '*a' is niet toegestaan; schrijf de waarde voluit")]),
}


@pytest.mark.parametrize("name", MISVORMD)
def test_a_malformed_book_gets_every_problem_at_its_place(project, name):
    book, expected = MISVORMD[name]
    assert problems(project, book) == sorted(expected)


def test_mistakes_inside_parts_and_chapters(project):
    book = BOEK.replace("  - pagina: gids/partners.md\n", "  - pagna: gids/partners.md\n") \
               .replace("      - id: onthaalbeleid\n", "      - id: onthaalbelied\n") \
               .replace("      - id: regierol\n", "      - idd: regierol\n") \
               .replace("  - deel: prioritaire-beleidsdomeinen\n", "  - deel: prioritaire-beleidsdomeinen\n    pagina: x.md\n") \
               .replace("  - pagina: gids/colofon.md\n", "  - pagina: gids/colofon.md\n  - pagina: gids/voorwoord.md\n"
                                                         "  - {}\n")
    lines = book.splitlines()

    def at(text: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if line == text)

    assert problems(project, book) == sorted([
        # a chapter whose id is misspelt is not in the book, nor are those of a part that is refused as a whole
        (1 + lines.index("onderdelen:"), 1, "onderdelen", "hoofdstukken 'onthaalbeleid', 'regierol' staan niet in het "
                                                          "boek; voeg elk toe als '- id: ...' onder de hoofdstukken van deel "
                                                          "'lokaal-integratiebeleid'"),
        (1 + lines.index("onderdelen:"), 1, "onderdelen", "hoofdstukken 'huisvesting', 'tewerkstelling', 'welzijn', "
                                                          "'onderwijs', 'levensbeschouwing' staan niet in het boek; voeg elk "
                                                          "toe als '- id: ...' onder de hoofdstukken van deel "
                                                          "'prioritaire-beleidsdomeinen'"),
        (at("      - id: onthaalbelied"), 13, "onderdelen[2].hoofdstukken[1].id",
         "onbekende waarde 'onthaalbelied' (verwacht een van: horizontaal-integratiebeleid, onthaalbeleid, taalbeleid, "
         "intergemeentelijke-samenwerking, regierol, huisvesting, tewerkstelling, welzijn, onderwijs, levensbeschouwing): "
         "bedoelde je 'onthaalbeleid'?"),
        (at("      - idd: regierol"), 9, "onderdelen[2].hoofdstukken[4].idd", "onbekend veld 'idd': bedoelde je 'id'?"),
        (at("  - deel: prioritaire-beleidsdomeinen"), 5, "onderdelen[3]",
         "een onderdeel is ofwel een pagina ('pagina: ...') ofwel een deel ('deel: ...' met 'hoofdstukken:'), niet allebei; "
         "maak er twee onderdelen van"),
        (at("  - pagna: gids/partners.md"), 5, "onderdelen[4].pagna", "onbekend veld 'pagna': bedoelde je 'pagina'?"),
        (len(lines) - 1, 13, "onderdelen[6].pagina",  # the voorwoord added before the last line
         "pagina 'gids/voorwoord.md' staat al in het boek (op regel 9); laat er één staan"),
        (len(lines), 5, "onderdelen[7]", "verwacht een onderdeel: 'pagina: gids/x.md' of 'deel: ...' met zijn hoofdstukken"),
    ])


def test_a_page_named_twice_on_one_line_is_found(project):
    book = BOEK.replace("situering: [gids/werken-aan-welzijn.md]", "situering: [gids/werken-aan-welzijn.md, gids/werken-aan-welzijn.md]")
    line = next(n for n, text in enumerate(book.splitlines(), 1) if "werken-aan-welzijn.md, " in text)
    column = book.splitlines()[line - 1].rindex("gids/") + 1
    assert problems(project, book) == [(line, column, "onderdelen[3].hoofdstukken[2].situering[1]",
                                        f"pagina 'gids/werken-aan-welzijn.md' staat al in het boek (op regel {line}); laat er één staan")]


def test_no_malformed_shape_gives_a_traceback(project):
    """Whatever YAML an editor writes, the answer is a list of problems, each on a line of the file."""
    values = ["", "~", "3", "x", "[]", "{}", "[[]]", "[{}]", "[3]", "{a: 1}", "[{pagina: 3}]", "[{deel: 3}]",
              "[{deel: lokaal-integratiebeleid, hoofdstukken: 3}]", "[{deel: lokaal-integratiebeleid, hoofdstukken: [3]}]",
              "[{deel: lokaal-integratiebeleid, hoofdstukken: [{id: [x]}]}]",
              "[{deel: lokaal-integratiebeleid, hoofdstukken: [{id: regierol, situering: x.md}]}]",
              "[{deel: lokaal-integratiebeleid, hoofdstukken: [{id: regierol, situering: [[x]]}]}]", "!!python/none ''",
              "'", "[", "{"]
    for value in values:
        for book in (value, f"titel: {value}\nonderdelen: {value}\n", f"titel: Gids\nonderdelen:\n  - pagina: {value}\n",
                     f"titel: Gids\nondertitel: {value}\nonderdelen: {value}\n"):
            found = problems(project, book)
            assert found, book
            # the last line may be the empty one after the final newline: where YAML finds an unclosed '['
            assert all(1 <= line <= len(book.split("\n")) and column >= 1 for line, column, _, _ in found), book


# ---------------------------------------------------------------- gids check, build and pdf

@pytest.fixture(scope="module")
def aanval(tmp_path_factory) -> Path:
    """A project whose book names /proc/self/environ, with the previous site built beside it."""
    project = copy_project(tmp_path_factory.mktemp("aanval") / "project")
    (project / "boek.yml").write_text(BOEK.replace(CIJFERS, "  - pagina: /proc/self/environ\n"), encoding="utf-8")
    return project


MELDING = f"boek.yml:{CIJFERS_REGEL}:13: onderdelen[1].pagina: {AANVALLEN['/proc/self/environ']}"


def test_gids_check_reports_the_book_in_every_format(aanval):
    tekst = run_gids("check", "-q", cwd=aanval)
    assert tekst.returncode == 1 and MELDING + "\n" in tekst.stdout and "Traceback" not in tekst.stderr
    github = run_gids("check", "-q", "--format", "github", cwd=aanval)
    assert (f"::error file=boek.yml,line={CIJFERS_REGEL},col=13,title=onderdelen[1].pagina::"
            f"{AANVALLEN['/proc/self/environ']}\n") in github.stdout
    document = json.loads(run_gids("check", "-q", "--format", "json", cwd=aanval).stdout)
    assert document["ok"] is False
    assert [p for p in document["problemen"] if p["bestand"] == "boek.yml"] == [
        {"bestand": "boek.yml", "regel": CIJFERS_REGEL, "kolom": 13, "veld": "onderdelen[1].pagina",
         "melding": AANVALLEN["/proc/self/environ"], "ernst": "fout"}]


def test_gids_pdf_refuses_the_book_with_the_same_message(aanval):
    result = run_gids("pdf", "--praktijk", "gent-iedereen-onder-dak", "-o", "selectie.pdf", cwd=aanval)
    assert result.returncode == 1 and MELDING in result.stderr.splitlines()
    assert "De pdf is niet gemaakt: 1 fout(en)" in result.stderr and not (aanval / "selectie.pdf").exists()


def test_gids_build_refuses_the_book_and_leaves_the_previous_site(aanval):
    site = aanval / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige site", encoding="utf-8")
    result = run_gids("build", "--zonder-pdf", cwd=aanval)
    assert result.returncode == 1 and MELDING in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"] and (site / "index.html").read_text() == "vorige site"
