"""Soft hyphens in the long words of headings: where Dutch breaks them, only there, never in an attribute."""
from __future__ import annotations

import re

import pytest

from generator.site.hyphenation import LONGEST_UNBROKEN, SOFT_HYPHEN, hyphenated, with_soft_hyphens

S = SOFT_HYPHEN


@pytest.mark.parametrize(("word", "expected"), [
    ("taalstimuleringsprojecten", f"taal{S}sti{S}mu{S}le{S}rings{S}pro{S}jec{S}ten"),
    ("netoverschrijdende", f"neto{S}ver{S}schrij{S}dende"),  # at least three letters on either side
])
def test_dutch_break_points(word, expected):
    assert hyphenated(word) == expected
    assert hyphenated(word).replace(S, "") == word


def test_only_long_words_in_the_text_of_h1_to_h3():
    long_word = "taalstimuleringsprojecten"
    html = (f'<h1 id="{long_word}" title="{long_word}">Aalst: <em>{long_word}</em> en korte woorden</h1>'
            f'<h3>{long_word}</h3><h4>{long_word}</h4><p>{long_word}</p>')
    result = with_soft_hyphens(html)
    assert result.count(hyphenated(long_word)) == 2  # in the h1 (inside <em>) and the h3
    assert f'id="{long_word}" title="{long_word}"' in result  # attributes untouched
    assert f"<h4>{long_word}</h4><p>{long_word}</p>" in result  # other elements untouched
    assert "korte woorden" in result
    assert result.replace(S, "") == html


def test_a_word_a_phone_line_holds_is_left_whole():
    assert len("vluchtelingen") == LONGEST_UNBROKEN
    assert with_soft_hyphens("<h2>vluchtelingen samenleven</h2>") == "<h2>vluchtelingen samenleven</h2>"
    assert with_soft_hyphens("<h2>samenlevingsopbouw</h2>") == f"<h2>samen{S}le{S}vings{S}op{S}bouw</h2>"


def test_the_same_page_gives_the_same_bytes():
    html = "<h2>Intergemeentelijke samenwerking rond netoverschrijdende taalstimuleringsprojecten</h2>"
    assert with_soft_hyphens(html) == with_soft_hyphens(html)


def test_the_built_pages_carry_them(fixture_site):
    """In the site as built: every long word of a heading that Dutch can break has its soft hyphens."""
    checked = 0
    for page in fixture_site.rglob("index.html"):
        for heading in re.findall(r"<h([1-3])\b[^>]*>(.*?)</h\1>", page.read_text(encoding="utf-8"), re.DOTALL):
            text = re.sub(r"<[^>]+>", " ", heading[1])
            for word in re.findall(rf"[^\W\d_]{{{LONGEST_UNBROKEN + 1},}}", text.replace(S, "")):
                if S in hyphenated(word):
                    assert hyphenated(word) in text, f"{page}: {word}"
                    checked += 1
    assert checked > 0
