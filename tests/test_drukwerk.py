"""The print edition as a reader of an inspiration day meets it: each text once, and a QR code to each live practice.

Made from the fixture project (its session build, fixture_site), whose records share texts as the real
catalogue does: the introduction of the Middenkempen actions, the frame of the intergemeentelijke projects.
"""
from __future__ import annotations

import math
import re
import shutil
import subprocess
from collections import Counter

import pytest

from generator.print.qr import practice_url, printed_address, site_url_in
from generator.print.sharing import blocks

from .conftest import FIXTURE_PROJECT, copy_project
from .test_pdf import BY_SLUG, CATALOG, VOCAB, Gelezen, make, read

LONG = 200  # a paragraph this long, read three times, is paper wasted


def letters(text: str) -> str:
    """Only letters and digits: line breaks, hyphenation and typographic quotes in the PDF's text do not count."""
    return re.sub(r"[\W_]+", "", text).casefold()


def paragraphs_of(text: str) -> list[str]:
    """The plain paragraphs of a Markdown text, without their Markdown."""
    plain = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", b) for b in blocks(text) if not re.match(r"[#>|*-]|\d+\.", b)]
    return [p for p in plain if len(p) >= LONG]


@pytest.fixture(scope="module")
def gids(fixture_site) -> Gelezen:
    return read(fixture_site / "van-opvang-naar-samenleven.pdf")


@pytest.fixture(scope="module")
def gids_letters(gids) -> str:
    return letters(gids.text)


@pytest.mark.pdf
def test_no_long_paragraph_is_printed_three_times(gids_letters):
    texts = [p for r in CATALOG.records for p in paragraphs_of(r.verhaal)]
    texts += [p for page in (FIXTURE_PROJECT / "docs").rglob("*.md") for p in paragraphs_of(page.read_text(encoding="utf-8"))]
    shared = [p for p, n in Counter(texts).items() if n > 1]
    assert shared, "the fixture project has texts that several records share: the test would prove nothing"
    for text in set(texts):
        # the first 120 letters: a paragraph that runs onto the next page is interrupted by its running head
        count = gids_letters.count(letters(text)[:120])
        assert count <= 2, f"{count} keer gedrukt: {text[:90]}…"
    for text in shared:
        assert gids_letters.count(letters(text)[:120]) == 1, f"gedeelde tekst niet precies één keer gedrukt: {text[:90]}…"


@pytest.mark.pdf
def test_every_summary_is_printed_once(gids_letters):
    checked = 0
    for r in CATALOG.records:
        # the whole summary: a story may quote its first sentence in a pull quote, as the 2016 guide did
        summary, title = letters(r.samenvatting), letters(r.titel)
        if summary.startswith(title[:60]):  # a summary that repeats the title: the title is in the contents too
            continue
        assert gids_letters.count(summary) == 1, f"{r.slug}: samenvatting {gids_letters.count(summary)} keer gedrukt"
        checked += 1
    assert checked > 20


@pytest.mark.pdf
def test_one_line_projects_share_pages_after_their_common_frame(gids):
    compact = [r for r in CATALOG.records if letters(r.samenvatting) == letters(r.titel)]
    assert len(compact) >= 4
    pages = {gids.toc_page(r.volledige_titel) for r in compact}
    assert len(pages) <= math.ceil(len(compact) / 2), f"{len(compact)} projecten op {len(pages)} pagina's"
    frame = letters(paragraphs_of(compact[0].verhaal)[0])[:120]
    where = [n for n, page in enumerate(gids.pages, 1) if frame in letters(page)]
    assert len(where) == 1 and where[0] <= min(pages), f"kader op p. {where}, projecten op p. {sorted(pages)}"


CAPTION = "Actuele gegevens en contacten"  # printed beside every QR code (theme/print/_praktijk.html)


@pytest.fixture(scope="module")
def codes(gids, tmp_path_factory) -> dict[int, set[str]]:
    """What a phone's camera reads on each page with a code's caption: those pages rendered as images, every QR code on
    them decoded by zbarimg. The template prints a code and its caption together; rendering every page instead took
    most of this module's time."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.fail("pdftoppm (poppler-utils) en zbarimg (zbar-tools) zijn nodig: zie het testcommando in de README")
    folder = tmp_path_factory.mktemp("pagina")
    found: dict[int, set[str]] = {}
    for number, text in enumerate(gids.pages, start=1):
        if letters(CAPTION) not in letters(text):
            continue
        image = folder / f"p-{number}"
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                        str(gids.path), str(image)], check=True, timeout=60)
        result = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", f"{image}.png"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode in (0, 4), result.stderr  # 4: no code on this page
        found[number] = set(result.stdout.split())
    return found


@pytest.mark.pdf
def test_each_practice_has_a_qr_code_to_its_live_page_with_the_address_beside_it(gids, codes, fixture_project):
    site_url = site_url_in(fixture_project / "mkdocs.yml")
    assert site_url
    every = [url for urls in codes.values() for url in urls]
    expected = {practice_url(site_url, r.slug) for r in CATALOG.records}
    assert Counter(every) == Counter(expected), "elke praktijk precies één QR-code, naar haar eigen pagina"
    for number, urls in codes.items():
        for url in urls:
            slug = url.rstrip("/").rsplit("/", 1)[1]
            first = gids.toc_page(BY_SLUG[slug].volledige_titel)
            assert number >= first, f"QR-code van {slug} op p. {number}, voor de praktijk (p. {first})"
            assert letters(printed_address(url)) in letters(gids.pages[number - 1]), f"adres niet gedrukt naast de code op p. {number}"


def test_site_url_is_read_as_mkdocs_reads_it(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_name: x\nsite_url: !ENV [GIDS_SITE_URL, "https://gids.example/"]\n'
                      "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
                      encoding="utf-8")
    monkeypatch.delenv("GIDS_SITE_URL", raising=False)
    assert site_url_in(config) == "https://gids.example/"
    monkeypatch.setenv("GIDS_SITE_URL", "https://integratie.voorbeeld.be/gids/")
    assert site_url_in(config) == "https://integratie.voorbeeld.be/gids/"
    assert site_url_in(tmp_path / "geen.yml") is None
    assert printed_address(practice_url("https://www.integratie.be/gids/", "gent-iedereen-onder-dak")) == \
        "integratie.be/gids/praktijken/gent-iedereen-onder-dak"


def test_a_placeholder_site_url_is_said_once_in_dutch_and_a_real_one_not(fixture_project, tmp_path):
    placeholder = make(fixture_project, tmp_path, "een.pdf", "--praktijk", "gent-iedereen-onder-dak")
    assert placeholder.stderr.count("voorbeeldadres") == 1, placeholder.stderr
    project = copy_project(tmp_path / "echt", praktijken=("gent-iedereen-onder-dak",))
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", "site_url: https://integratie.voorbeeld.be/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    real = make(project, tmp_path, "twee.pdf")
    assert "voorbeeldadres" not in real.stderr and "site_url" not in real.stderr, real.stderr
    assert letters("integratie.voorbeeld.be/praktijken/gent-iedereen-onder-dak") in letters(real.text)


@pytest.mark.pdf
def test_every_chapter_page_links_its_own_tagged_chapter_pdf(fixture_site):
    chapters = {r.hoofdstuk for r in CATALOG.records}
    for chapter in sorted(chapters):
        page = (fixture_site / "hoofdstukken" / chapter / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<a href="([^"]+)" download>Dit hoofdstuk als pdf</a> \((\d+) pagina\'s, ([^;]+);', page)
        assert link, f"hoofdstukken/{chapter}/: geen link naar de pdf van het hoofdstuk"
        target = (fixture_site / "hoofdstukken" / chapter / link[1]).resolve()
        edition = read(target)
        assert len(edition.pages) == int(link[2]), chapter
        assert "/StructTreeRoot" in edition.reader.trailer["/Root"], f"{chapter}: niet getagd"
        # the edition `gids pdf --hoofdstuk` makes: its cover says which chapter, its outline holds that chapter
        label = VOCAB.hoofdstukken[chapter].label
        assert letters(f"hoofdstuk {label}") in letters(edition.pages[0]), chapter
        assert [title for level, title, _ in edition.outline if level == 2] == [label], chapter
        # its practices and only those, each bookmarked
        records = [r for r in CATALOG.records if r.hoofdstuk == chapter]
        bookmarked = {title for level, title, _ in edition.outline if level == 3}
        assert {r.volledige_titel for r in records} == bookmarked & {r.volledige_titel for r in CATALOG.records}, chapter
        # whole: the text its practices share with practices of other chapters is in it, not only in the guide
        text = letters(edition.text)
        missing = [p[:60] for r in records for p in paragraphs_of(r.verhaal) if letters(p)[:120] not in text]
        assert missing == [], f"{chapter}: {missing}"
    shared_across = {r.hoofdstuk for r in CATALOG.records if r.slug.startswith("middenkempen-")}
    assert len(shared_across) > 1, "no text is shared across chapters in the fixture: the test proves less than it says"


def _fiche_titles(page: str) -> int:
    """The fiche titles that begin on a page ('FICHE', 'FICHE: TAALCOACH'), not a running head's 'FICHE (VERVOLG)'."""
    return len(re.findall(r"\bFICHE\b(?! \(VERVOLG\))", page))


@pytest.mark.pdf
def test_a_fiche_that_continues_on_the_next_page_says_so_there(gids, fixture_project):
    """Where a practice's fiches begin on one page and go on on the next, that page's running head names it:
    'Fiche (vervolg): <practice>'; a page on which no fiche goes on has no such head."""
    site_url = site_url_in(fixture_project / "mkdocs.yml")
    continued = []
    for record in CATALOG.records:
        first = gids.toc_page(record.volledige_titel)
        address = printed_address(practice_url(site_url, record.slug))
        last = next(n for n in range(first, len(gids.pages) + 1) if address in gids.pages[n - 1].replace(" ", ""))
        # where its fiches begin; a compact entry has none (its few lines), so nothing of it goes on
        fiches = min((n for n in range(first, last + 1) if _fiche_titles(gids.pages[n - 1])), default=last)
        head = letters(f"{'Fiches' if len(record.fiches) > 1 else 'Fiche'} (vervolg) {record.volledige_titel}")
        for number in range(first, last + 1):
            goes_on = number > fiches
            said = head in letters(gids.pages[number - 1])
            assert said == goes_on, f"{record.slug}, p. {number}: {'geen' if goes_on else 'onterecht een'} vervolgkop"
            continued += [number] if goes_on else []
    assert continued, "no fiche of the fixture's guide goes on onto a next page: the test would prove nothing"
    assert len([p for p in gids.pages if "(VERVOLG)" in p]) == len(continued)


MM = 72 / 25.4


def pdf_fill(reader, top_mm: float = 30, bottom_mm: float = 26) -> list[float]:
    """Per page, how far down its type area the PDF's text goes (0 to 1), read from the text positions by pypdf:
    a measure independent of the layout's own (print/fill.py). The margins are gids-print.css's @page margins."""
    result = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        top, bottom = height - top_mm * MM, bottom_mm * MM
        lowest = [top]

        def visit(text, cm, tm, font, size, top=top, bottom=bottom, lowest=lowest):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and bottom - 2 <= y <= top + 2:  # not the running head, not the page number
                lowest.append(y)

        page.extract_text(visitor_text=visit)
        result.append((top - min(lowest)) / (top - bottom))
    return result


NEAR_EMPTY_SLUGS = ("gent-werken-met-vrijwilligers", "aalst-netoverschrijdende-taalstimuleringsprojecten",
                    "middenkempen-plan-samenleven-oefenkansen-nederlands")


@pytest.mark.pdf
def test_near_empty_pages_are_named_as_a_reader_sees_them(tmp_path):
    """`gids pdf` names the pages that hold a few lines only. Each is near-empty in the PDF too, and a page the PDF
    shows near-empty is named, unless it is empty on purpose (the cover, the table of contents, a part page, a chapter
    opener). The guide of three practices gets a narrative page of two lines, which nothing can fill."""
    project = copy_project(tmp_path / "project", praktijken=NEAR_EMPTY_SLUGS)
    (project / "docs" / "gids" / "nawoord.md").write_text("# Nawoord\n\nDank aan iedereen die aan deze gids meewerkte.\n",
                                                          encoding="utf-8")
    boek = project / "boek.yml"
    boek.write_text(boek.read_text(encoding="utf-8").replace("  - pagina: gids/colofon.md",
                                                             "  - pagina: gids/nawoord.md\n  - pagina: gids/colofon.md"),
                    encoding="utf-8")
    guide = make(project, tmp_path, "gids.pdf")
    named = [int(n) for n in re.findall(r"p\. (\d+) \(\d+ % gevuld", guide.stderr)]
    assert guide.toc_page("Nawoord") in named, guide.stderr
    assert "bijna lege pagina" in guide.stderr and "Traceback" not in guide.stderr
    filled = pdf_fill(guide.reader)
    assert [n for n in named if filled[n - 1] >= 0.3] == [], [round(filled[n - 1], 2) for n in named]
    deliberate = {1} | {number for level, _, number in guide.outline if level <= 2}  # with the table of contents
    assert [n for n, f in enumerate(filled, 1) if f < 0.2 and n not in named and n not in deliberate] == []
    # a page on which a practice begins is never near-empty: the one-line projects share their pages four to a page
    # (one of them alone on a page was 23 % filled)
    starts = {guide.toc_page(r.volledige_titel) for r in CATALOG.records if r.slug in NEAR_EMPTY_SLUGS}
    assert sorted(starts & set(named)) == []
