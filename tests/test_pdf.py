"""The print edition: the guide and two selections, laid out by WeasyPrint and read back with pypdf.

The editions are made from the fixture project, whose records and book the developers own: the whole guide is the one
its session build (fixture_site) lays out, the selections are made with ``gids pdf``. The catalogue's own guide (a
session build) is checked only for what every valid catalogue has: each practice where its entry says.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.print.edition import UITGEVER
from generator.print.html import render_markdown
from generator.print.pdf import metadata_date
from generator.print.selection import Selection as Selectie
from generator.print.selection import SelectionError as SelectieFout
from generator.print.selection import select
from generator.records.book import load_book
from generator.records.catalog import load_catalog
from generator.records.facets import Facets
from generator.records.vocab import load_vocab

from .conftest import FIXTURE_BUILD_ENV, FIXTURE_PRAKTIJKEN, FIXTURE_PROJECT, copy_klein, run_gids, run_gids_in_process

CATALOG = load_catalog(FIXTURE_PRAKTIJKEN)
VOCAB = load_vocab()
BOEK, _ = load_book(FIXTURE_PROJECT / "boek.yml", FIXTURE_PROJECT / "docs", VOCAB)
BY_SLUG = CATALOG.by_slug()
AALST = "aalst-netoverschrijdende-taalstimuleringsprojecten"
KORTRIJK = "kortrijk-toeleiders-1-loketdienst"


def norm(text: str) -> str:
    """Whitespace collapsed; a line broken after a hyphen ('faciliteiten-|gemeenten') joined again."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(text.split()))


class Paginas(Sequence[str]):
    """The text of each page (normalised), read by pypdf when a test first asks for that page: reading all of a
    long guide takes seconds, and the catalogue's test reads only the pages its entries name."""

    def __init__(self, reader: PdfReader) -> None:
        self._reader, self._texts = reader, {}

    def __len__(self) -> int:
        return len(self._reader.pages)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        number = index + len(self) if index < 0 else index
        if not 0 <= number < len(self):
            raise IndexError(index)
        if number not in self._texts:
            self._texts[number] = norm(self._reader.pages[number].extract_text())
        return self._texts[number]


@dataclass
class Gelezen:
    """A PDF read back: its reader, the text of every page and the outline as (level, title, page number)."""

    path: Path
    reader: PdfReader
    pages: Sequence[str]
    outline: list[tuple[int, str, int]]
    stderr: str = ""

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    def toc(self) -> str:
        """The table of contents: from 'Inhoud' up to the page the next top-level bookmark opens."""
        start = next(number for level, title, number in self.outline if title == "Inhoud")
        end = next(number for level, title, number in self.outline if level == 1 and number > start)
        return " ".join(self.pages[start - 1:end - 1])

    def toc_page(self, title: str) -> int:
        match = re.search(re.escape(norm(title)) + r"[\s.]*?(\d+)(?!\d)", self.toc())
        assert match, f"'{title}' staat niet in de inhoudstafel"
        return int(match.group(1))


def summary_shown(guide: Gelezen, page: str, record) -> bool:
    """The summary is on the practice's first page, or (printed once) on the page the text it shares points to."""
    summary = norm(record.samenvatting)[:80]
    if summary in page:
        return True
    shared = re.search(r"De tekst die deze praktijk deelt met .*? staat op p\. (\d+)", page)
    return shared is not None and summary in guide.pages[int(shared.group(1)) - 1]


def read(path: Path, stderr: str = "") -> Gelezen:
    reader = PdfReader(path)
    outline: list[tuple[int, str, int]] = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                outline.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return Gelezen(path, reader, Paginas(reader), outline, stderr)


def make(project: Path, tmp: Path, name: str, *options: str) -> Gelezen:
    """``gids pdf`` in the fixture project, with the fixture site's build settings."""
    target = tmp / name
    result = run_gids("pdf", "-o", str(target), *options, cwd=project, env=FIXTURE_BUILD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return read(target, result.stderr)


@pytest.fixture(scope="module")
def gids(fixture_site) -> Gelezen:
    """The fixture project's guide as its session build laid it out (once per run)."""
    return read(fixture_site / "van-opvang-naar-samenleven.pdf")


# ---------------------------------------------------------------- the whole guide (tests marked pdf: fixture_site lays it out)

@pytest.mark.pdf
def test_page_count_is_plausible(gids):
    """The 2016 guide has about 130 pages; ours has the same texts plus the practices of later sources."""
    assert 100 <= len(gids.pages) <= 170, len(gids.pages)


@pytest.mark.pdf
@pytest.mark.parametrize("record", CATALOG.records, ids=lambda r: r.slug)
def test_toc_page_number_is_where_the_practice_starts(gids, record):
    number = gids.toc_page(record.volledige_titel)
    page = gids.pages[number - 1]
    assert norm(f"{record.plaats.upper()} {record.titel}") in page, f"titel niet op p. {number}"
    assert summary_shown(gids, page, record), f"samenvatting niet op p. {number}, en ook geen verwijzing ernaar"
    assert (3, record.volledige_titel, number) in gids.outline, "geen bladwijzer naar dezelfde pagina"


@pytest.mark.pdf
def test_chapters_parts_and_narrative_pages_have_bookmarks_and_toc_entries(gids):
    titles = {(level, title) for level, title, _ in gids.outline}
    for part in BOEK.onderdelen:
        if hasattr(part, "hoofdstukken"):
            assert (1, part.term.label) in titles
            for h in part.hoofdstukken:
                assert (2, h.term.label) in titles
                page = gids.toc_page(h.term.label)
                assert norm(h.term.label) in gids.pages[page - 1]
                for s in h.situering:
                    assert (3, s.titel) in titles
                    assert norm(s.titel) in gids.pages[gids.toc_page(s.titel) - 1]
        else:
            assert (1, part.titel) in titles
            assert norm(part.titel) in gids.pages[gids.toc_page(part.titel) - 1]


@pytest.mark.pdf
def test_guide_order_puts_the_colophon_last(gids):
    top = [title for level, title, _ in gids.outline if level == 1]
    assert top[:3] == ["Inhoud", "Voorwoord", "Asielaanvragen en profiel van vluchtelingen in cijfers"]
    assert top[-2:] == ["Voorstelling partners", "Colofon"]
    assert "Van opvang naar samenleven" in gids.pages[0] and "Atlas" in gids.pages[0]


@pytest.mark.pdf
def test_the_four_aalst_fiches_stand_two_by_two_and_unknown_values_say_niet_vermeld(gids):
    aalst = BY_SLUG[AALST]
    per_page = Counter(i for i, page in enumerate(gids.pages) for f in aalst.fiches if f"FICHE: {f.naam.upper()}" in page)
    # side by side in pairs; a page may break between two pairs rather than leave most of a page empty
    assert sorted(per_page.values()) in ([4], [2, 2]) and max(per_page) - min(per_page) <= 1, per_page
    record = next(r for r in CATALOG.records if any(f.periode is None for f in r.fiches))
    start = gids.toc_page(record.volledige_titel)
    assert "niet vermeld" in " ".join(gids.pages[start - 1:start + 3]).lower()


@pytest.mark.pdf
def test_metadata_language_and_fonts(gids, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_BUILD_ENV["SOURCE_DATE_EPOCH"])  # as ``gids`` was made
    info = gids.reader.metadata
    assert info.title == "Van opvang naar samenleven"
    assert info.author == UITGEVER
    assert info["/CreationDate"].startswith("D:" + metadata_date(CATALOG.records)[:10].replace("-", ""))
    catalog = gids.reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]  # tagged (PDF/UA-1)
    toc_links = [a.get_object()["/Contents"] for a in gids.reader.pages[1]["/Annots"]]
    assert "Naar Voorwoord" in toc_links and all(text.startswith("Naar ") for text in toc_links)
    names = set()
    for page in gids.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert names and all(name.startswith("Source-Sans-3") for name in names), names


@pytest.mark.pdf
def test_two_builds_are_byte_identical_and_the_site_links_the_guide(gids, fixture_site, tmp_path):
    # `gids pdf` and `gids build` lay out the same guide; compared on the small project, whose guide is short
    project = copy_klein(tmp_path / "klein")
    build = run_gids_in_process("build", "-d", str(tmp_path / "site"), cwd=project, env=FIXTURE_BUILD_ENV)
    assert build.returncode == 0, build.stderr
    pdf = run_gids_in_process("pdf", "-o", str(tmp_path / "gids.pdf"), cwd=project, env=FIXTURE_BUILD_ENV)
    assert pdf.returncode == 0, pdf.stderr
    assert (tmp_path / "site" / "van-opvang-naar-samenleven.pdf").read_bytes() == (tmp_path / "gids.pdf").read_bytes()
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert 'href="van-opvang-naar-samenleven.pdf"' in home
    assert f"({len(gids.pages)} pagina's" in home


@pytest.mark.pdf
def test_every_practice_of_the_catalogue_starts_where_its_toc_entry_says(built_site, records):
    guide = read(built_site / "van-opvang-naar-samenleven.pdf")
    for record in records:
        number = guide.toc_page(record.volledige_titel)
        page = guide.pages[number - 1]
        assert norm(f"{record.plaats.upper()} {record.titel}") in page, f"{record.slug}: titel niet op p. {number}"
        assert (3, record.volledige_titel, number) in guide.outline, f"{record.slug}: geen bladwijzer naar p. {number}"


# ---------------------------------------------------------------- selections

@pytest.fixture(scope="module")
def huisvesting(fixture_project, tmp_path_factory) -> Gelezen:
    return make(fixture_project, tmp_path_factory.mktemp("pdf"), "huisvesting.pdf", "--thema", "huisvesting", "--voortgang")


@pytest.fixture(scope="module")
def twee(fixture_project, tmp_path_factory) -> Gelezen:
    return make(fixture_project, tmp_path_factory.mktemp("pdf"), "twee.pdf", "--praktijk", AALST, "--praktijk", KORTRIJK,
                "--titel", "Inspiratiedag taal")


def assert_holds_exactly(edition: Gelezen, chosen: set[str]) -> None:
    practices = {title for level, title, _ in edition.outline if level == 3} - {
        s.titel for h in BOEK.hoofdstukken for s in h.situering}
    assert practices == {BY_SLUG[slug].volledige_titel for slug in chosen}
    for record in CATALOG.records:
        heading = norm(f"{record.plaats.upper()} {record.titel}")  # as the practice's first page shows it
        if record.slug in chosen:
            page = edition.pages[edition.toc_page(record.volledige_titel) - 1]
            assert heading in page and summary_shown(edition, page, record)
        else:
            assert heading not in edition.text, record.slug
            assert norm(record.volledige_titel) not in edition.toc(), record.slug
    chapters = {title for level, title, _ in edition.outline if level == 2}
    assert chapters == {VOCAB.hoofdstukken[BY_SLUG[slug].hoofdstuk].label for slug in chosen}


def test_theme_selection_holds_exactly_its_practices_with_its_own_toc(huisvesting):
    chosen = {r.slug for r in CATALOG.records if "huisvesting" in r.themas}
    assert_holds_exactly(huisvesting, chosen)
    top = [title for level, title, _ in huisvesting.outline if level == 1]
    assert "Voorwoord" not in top and "Voorstelling partners" not in top and top[-1] == "Colofon"
    assert "Selectie: thema Huisvesting" in huisvesting.pages[0]
    assert len(huisvesting.pages) < 40


def test_slug_selection_has_its_own_title(twee):
    assert_holds_exactly(twee, {AALST, KORTRIJK})
    assert twee.reader.metadata.title == "Inspiratiedag taal"
    assert "Inspiratiedag taal" in twee.pages[0] and "2 gekozen praktijken" in twee.pages[0]


def test_progress_only_when_asked_or_on_a_terminal(huisvesting, twee):
    assert "opmaak (WeasyPrint)" in huisvesting.stderr and "PDF geschreven" in huisvesting.stderr
    # not a terminal, not asked: nothing but warnings (the fixture's site_url is the placeholder, so one says that)
    assert [line for line in twee.stderr.splitlines() if not line.startswith("waarschuwing: ")] == []
    assert "opmaak (WeasyPrint)" not in twee.stderr


def test_unknown_ids_are_refused_in_dutch_with_the_valid_ones(fixture_project, tmp_path):
    result = run_gids("pdf", "--thema", "Huisvestin", "--provincie", "nergens", "-o", str(tmp_path / "x.pdf"),
                      cwd=fixture_project)
    assert result.returncode == 1
    assert "--thema: onbekende waarde 'Huisvestin' (bedoelde je 'huisvesting'?)" in result.stderr
    assert "--provincie: onbekende waarde 'nergens'; kies uit: antwerpen, brussel," in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_selection_is_and_across_kinds_or_within_one():
    facets = Facets(CATALOG.records, VOCAB)

    def slugs(**kinds) -> set[str]:
        return {r.slug for r in select(Selectie(**kinds), CATALOG.records, VOCAB, facets)[0]}

    either = slugs(themas=("huisvesting", "werk"))
    assert either == {r.slug for r in CATALOG.records if {"huisvesting", "werk"} & set(r.themas)}
    both = slugs(themas=("huisvesting", "werk"), provincies=("Oost-Vlaanderen",))
    assert both == {s for s in either if "oost-vlaanderen" in facets.values[s]["provincie"]} and both
    assert slugs(hoofdstukken=("onderwijs",), praktijken=(AALST, KORTRIJK)) == {AALST}
    with pytest.raises(SelectieFout, match="geen enkele praktijk"):
        slugs(hoofdstukken=("levensbeschouwing",), praktijken=(AALST,))


# ---------------------------------------------------------------- no raw HTML (the fetcher: test_pdf_fetcher.py)

def test_stories_cannot_smuggle_html():
    html = render_markdown("Tekst <img src='http://example.com/x.png'> en\n\n<div>blok</div>\n\n## Kop", prefix="p", shift=2)
    assert "<img" not in html and "<div>" not in html and "&lt;div&gt;" in html
    assert '<h4 id="p-kop">Kop</h4>' in html


def test_web_links_show_their_address_on_paper_unless_the_text_already_does():
    html = render_markdown("[de website](https://www.solidair.stad.gent/) en [mind-spring.be](http://mind-spring.be)",
                           prefix="p", shift=2)
    assert '<a class="toon-adres" href="https://www.solidair.stad.gent/">de website</a>' in html
    assert '<a href="http://mind-spring.be">mind-spring.be</a>' in html


def test_a_list_of_a_few_short_items_stands_in_two_columns_on_paper():
    def classes(markdown: str) -> list[str | None]:
        return re.findall(r"<[uo]l(?: class=\"([^\"]*)\")?>", render_markdown(markdown, prefix="p", shift=2))

    assert classes("- Burgerzaken\n- Onderwijs\n- Welzijn en gezondheid\n") == ["kort-lijstje"]
    assert classes("1. Onthaal\n2. Taal\n3. Werk\n") == ["kort-lijstje"]
    assert classes("- Burgerzaken\n- Onderwijs\n") == [""]  # two items: no line to save
    assert classes("- Burgerzaken\n- Onderwijs\n- Ondersteuning en deskundigheidsbevordering\n") == [""]  # one too long
    assert classes("- Burgerzaken\n- Onderwijs\n- Welzijn\n    - Jeugd\n    - Sport\n    - Cultuur\n") == ["", "kort-lijstje"]
    assert classes("- Burgerzaken\n\n- Onderwijs\n\n- Welzijn\n") == [""]  # items with paragraphs of their own
    # the address printed after a link counts: "[Website](https://...)" is longer on paper than on screen
    assert classes("- [Website](https://www.vlaanderen.be/inburgering-en-integratie)\n- Onderwijs\n- Welzijn\n") == [""]
    assert classes("- [vlaanderen.be](https://vlaanderen.be)\n- Onderwijs\n- Welzijn\n") == ["kort-lijstje"]
