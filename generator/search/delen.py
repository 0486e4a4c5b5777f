"""Dutch compounds in their parts, so that a part finds the whole: "regenboog" finds "regenbooggemeenschap".

Dutch writes compounds as one word, and Snowball's stemmer leaves them whole: without this, a search
for "trauma" misses "getraumatiseerde" and one for "regenboog" misses "regenbooggemeenschap".
``delen(word, lexicon)`` splits a word into parts that are each a word of the lexicon, with the linking
letters Dutch puts between them ("opvoeding-s-ondersteuning", "boek-en-kast", "kinder-opvang"):

- a part has at least ``MIN_PART`` letters: with three, "ouderen" would be "oude" and "ren";
- the longest first part is tried first, and the fewest parts win ("taalstimuleringsprojecten": taal,
  stimulering, projecten; not taal, stimulering, project, en);
- a past participle's "ge" before a lexicon word of at least ``MIN_GE`` letters is dropped:
  "getraumatiseerde" gives "traumatiseerde", which the browser's prefix search reaches from "trauma".

The lexicon is the catalogue's own vocabulary (every word of the records being indexed) and
``data/woorden_nl.txt``: the words of OpenTaal's Dutch word list (BSD or CC BY 3.0, see THIRD-PARTY.md)
that are a part of a word of the catalogue, derived at development time by ``python -m
generator.search.delen /usr/share/dict/nederlands praktijken tests/fixtures/project/praktijken``
(Debian's package wdutch). The whole list has 413,000 words (5 MB); kept are
the parts of the catalogue's compounds and the productive parts of the list's own compounds (``derive``):
about 7,000 words, 55 KB. A word a new record brings is in the catalogue's vocabulary anyway.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from ..shared.data import DATA

MIN_PART = 4
MIN_WORD = 2 * MIN_PART
MIN_GE = 7
MAX_WORD = 40  # longer is no Dutch word but a url or a test of the limits: not tried (the split is quadratic)
LINKS = ("", "s", "en", "e")  # the linking letters of Dutch compounds, the common ones
WORDLIST = DATA / "woorden_nl.txt"
_LETTERS = re.compile(r"[a-zà-ÿ]+")


@cache
def woordenlijst() -> frozenset[str]:
    """data/woorden_nl.txt: the Dutch words the catalogue's compounds are made of."""
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def lexicon_woorden(text: str) -> set[str]:
    """The words of a text that can be a part: lowercase, letters only, at least MIN_PART long."""
    return {w for w in _LETTERS.findall(text.lower()) if len(w) >= MIN_PART}


def delen(word: str, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The parts of a compound (two or more), or () when it is none; ``known(part)``: is it a word."""
    if not MIN_WORD <= len(word) <= MAX_WORD or not _LETTERS.fullmatch(word):
        return ()
    parts = _split(word, known, 0)
    if parts:
        return parts
    if word.startswith("ge") and len(word) - 2 >= MIN_GE and known(word[2:]):
        return (word[2:],)  # a participle of a known verb: one part, the rest of the word
    return ()


def alle_delen(word: str, known: Callable[[str], bool]) -> list[str]:
    """The parts of a compound and the parts of its parts: "taalstimuleringsprojecten" gives
    taalstimulering, projecten, taal and stimulering (a search for "taal" finds it too)."""
    found: list[str] = []
    for part in delen(word, known):
        found += [part, *alle_delen(part, known)]
    return found


def _split(word: str, known: Callable[[str], bool], depth: int) -> tuple[str, ...] | None:
    """The fewest known parts that make up the word (the longest first part among equals), or None;
    at depth 0 at least two (the word itself is the compound to split)."""
    if depth and known(word):
        return (word,)
    if depth >= 3 or len(word) < MIN_WORD:  # four parts at most: enough for "taalstimuleringsprojecten"
        return None
    best: tuple[str, ...] | None = None
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        first = word[:i]
        if not known(first):
            continue
        for link in LINKS:
            rest = word[i:]
            if not rest.startswith(link) or len(rest) - len(link) < MIN_PART:
                continue
            tail = _split(rest[len(link):], known, depth + 1)
            if tail is not None and (best is None or 1 + len(tail) < len(best)):
                best = (first, *tail)
        if best is not None and len(best) == 2:
            break  # two parts, the first as long as it gets
    return best


# ---- the word list, derived at development time -----------------------------------------------

PRODUCTIVE = 10  # a part of this many compounds of the word list is kept for the records to come


def derive(wordlist: Iterable[str], catalogue: Iterable[str]) -> list[str]:
    """The words of ``wordlist`` that are a part of a compound among the ``catalogue`` words, and those
    that are a part of at least PRODUCTIVE of its own compounds ("regenboog", "tafel": a new record's
    "regenbooggemeenschap" or "conversatietafel" splits too), sorted. About 7,000 of 350,000 words."""
    words = {w.strip().lower() for w in wordlist}
    words = {w for w in words if len(w) >= MIN_PART and _LETTERS.fullmatch(w)}
    used: set[str] = set()
    for word in sorted(set(catalogue)):
        used.update(alle_delen(word, words.__contains__))
    counts = Counter(part for word in words for part in delen(word, words.__contains__))
    used.update(part for part, n in counts.items() if n >= PRODUCTIVE)
    return sorted(used)


HEADER = """\
# Dutch words that are a part of a compound in the catalogue (generator/search/delen.py reads them).
# Derived from OpenTaal's Dutch word list (Debian package wdutch, /usr/share/dict/nederlands),
# (c) 1996 Nederlandstalige Tex Gebruikersgroep, (c) 2001-2005 Simon Brouwer e.a., (c) 2006-2020 OpenTaal,
# https://github.com/OpenTaal/opentaal-wordlist, used under the revised BSD licence (see THIRD-PARTY.md and
# generator/data/OpenTaal-LICENSE.txt). Made by: python -m generator.search.delen WORDLIST FOLDER...
"""


def main(argv: list[str]) -> int:
    """python -m generator.search.delen WORDLIST FOLDER...: write data/woorden_nl.txt from the records."""
    wordlist = Path(argv[0]).read_text(encoding="utf-8").splitlines()
    catalogue: set[str] = set()
    for folder in argv[1:]:
        for path in sorted(Path(folder).glob("*.md")):
            catalogue |= lexicon_woorden(path.read_text(encoding="utf-8"))
    words = derive(wordlist, catalogue)
    WORDLIST.write_text(HEADER + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{WORDLIST}: {len(words)} woorden")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
