"""Near-empty pages (generator/print/fill.py): which pages hold a few lines only, and which practice's tail made them.

On small documents of our own, laid out by WeasyPrint here (a line is 12 pt high, so the count of lines per page
does not depend on the fonts of the machine); then `gids pdf` itself on a practice that runs a few lines over.
"""
from __future__ import annotations

import pytest

from generator.print.edition import Editie
from generator.print.fill import near_empty_pages, tails
from generator.print.pdf import make_pdf
from generator.print.selection import Selection, edition_for
from generator.records.inputs import load_inputs
from generator.records.layout import ProjectLayout

from .conftest import copy_project

STYLE = """<style>
@page { size: A6; margin: 10mm; }
@page omslag { margin: 10mm; }
@page rustig { margin: 10mm; }
body { margin: 0; }
p { margin: 0; font: 10pt/12pt sans-serif; orphans: 1; widows: 1; }
.omslag { page: omslag; break-after: page; }
.inhoud { page: rustig; break-after: page; }
.praktijk, .tekst { break-before: page; }
</style>"""
# A6 (148 mm) less 20 mm of margins holds 30 lines of 12 pt (4.23 mm)


def lines(n: int, word: str = "regel") -> str:
    return "".join(f"<p>{word} {i}</p>" for i in range(n))


def lay_out(body: str):
    from weasyprint import HTML
    return HTML(string=f"<html lang='nl'><head>{STYLE}</head><body>{body}</body></html>").render()


def test_a_practice_that_runs_a_few_lines_over_is_named_with_its_page_and_first_words():
    document = lay_out(f"<article class='praktijk' id='praktijk-a'>{lines(33)}</article>")
    assert len(document.pages) == 2
    (page,) = near_empty_pages(document)
    assert page.nummer == 2 and 0 < page.gevuld < 0.25
    assert page.begin.startswith("regel 30")
    assert tails(document, (page,), ["praktijk-a"]) == {"a"}


def test_only_a_practice_that_goes_on_from_the_page_before_is_set_tighter():
    """A short practice alone on its page, a narrative page of a few lines: near-empty too, but no practice's tail."""
    document = lay_out(f"<article class='praktijk' id='praktijk-kort'>{lines(2)}</article>"
                       f"<section class='tekst' id='nawoord'>{lines(3)}</section>"
                       f"<article class='praktijk' id='praktijk-lang'>{lines(32)}</article>")
    pages = near_empty_pages(document)
    assert [p.nummer for p in pages] == [1, 2, 4]
    assert tails(document, pages, ["praktijk-kort", "nawoord", "praktijk-lang"]) == {"lang"}


def test_the_cover_and_a_short_table_of_contents_are_empty_on_purpose_but_not_what_the_contents_run_onto():
    document = lay_out(f"<section class='omslag'>{lines(1, 'titel')}</section>"
                       f"<nav class='inhoud'>{lines(3, 'inhoud')}</nav>"
                       f"<nav class='inhoud'>{lines(3, 'vervolg')}</nav>"
                       f"<article class='praktijk' id='praktijk-a'>{lines(25)}</article>")
    assert [(p.nummer, p.begin.split()[0]) for p in near_empty_pages(document)] == [(3, "vervolg")]


def test_a_page_a_little_over_the_limit_is_not_named():
    document = lay_out(f"<article class='praktijk' id='praktijk-a'>{lines(30 + 9)}</article>")
    assert len(document.pages) == 2 and near_empty_pages(document) == ()
    assert near_empty_pages(document, limit=0.5)[0].nummer == 2


# ---------------------------------------------------------------- `gids pdf` on a practice that runs over

SLUG = "gent-werken-met-vrijwilligers"
PADDING = "Een regel die het verhaal langer maakt, zodat het laatste stuk van de praktijk naar een volgende pagina gaat."


@pytest.mark.pdf
def test_a_practice_whose_last_lines_alone_would_fill_a_page_is_laid_out_tighter(tmp_path):
    """The story grows a paragraph at a time until its last lines would stand on a page of their own: then that
    practice is laid out once more, a little tighter, and no page of the edition is left near-empty."""
    project = copy_project(tmp_path / "project", praktijken=(SLUG,))
    record = project / "praktijken" / f"{SLUG}.md"
    story = record.read_text(encoding="utf-8")
    layout = ProjectLayout.in_folder(project)
    for extra in range(1, 30):
        record.write_text(story + "\n" + "\n\n".join([PADDING] * extra) + "\n", encoding="utf-8")
        result = make_pdf(edition(layout), tmp_path / "selectie.pdf", layout, load_inputs(layout).vocab,
                          site_url="https://van-opvang-naar-samenleven.example/")  # with its QR code, as published
        if result.tight:
            break
    else:
        pytest.fail("no length of the story made its last lines stand alone: the test would prove nothing")
    assert result.tight == {SLUG}
    assert result.near_empty == (), [str(p) for p in result.near_empty]


def edition(layout: ProjectLayout) -> Editie:
    inputs = load_inputs(layout)
    assert inputs.boek is not None and not inputs.errors, inputs.errors
    return edition_for(inputs.boek, inputs.records, inputs.vocab, Selection((), (), (), (SLUG,)), None)
