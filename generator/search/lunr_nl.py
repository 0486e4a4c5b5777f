# The contents of this file are subject to the Mozilla Public License Version 1.1 (the "License");
# you may not use this file except in compliance with the License. You may obtain a copy of the
# License at http://www.mozilla.org/MPL/ (and in generator/data/MPL-1.1.txt).
#
# Software distributed under the License is distributed on an "AS IS" basis, WITHOUT WARRANTY OF
# ANY KIND, either express or implied. See the License for the specific language governing rights
# and limitations under the License.
#
# The Original Code is lunr.nl.js and lunr.stemmer.support.js of lunr-languages,
# https://github.com/MihaiValentin/lunr-languages (as shipped in Material for MkDocs' lunr.nl.min.js).
# The Initial Developer of the Original Code is Mihai Valentin. Portions created by Mihai Valentin
# are Copyright (C) 2014 Mihai Valentin; based on Snowball JavaScript Library v0.3
# (http://snowball.tartarus.org/), Copyright (C) 2010 Oleg Mazko. All Rights Reserved.
#
# Contributor(s): the developers of "Van opvang naar samenleven". Modifications (2026): the trimmer,
# stop word filter and Dutch stemmer ported from JavaScript to Python; ASCII digits added to the
# trimmer's word characters; the stemmer memoized. The rest of this project is under EUPL-1.2;
# this file stays under MPL 1.1 (see THIRD-PARTY.md).
"""lunr.js's Dutch text pipeline (lunr-languages ``lunr.nl``), in Python, word for word.

The search index is built here and queried in the browser by lunr.js, so an index
term must be exactly what the browser makes of the same word, or queries miss
silently. Snowball's Dutch stemmer as found in Python packages (NLTK, snowballstemmer)
is not the program lunr-languages ships (an old JSX port with its own quirks, and
Snowball 3 changed the Dutch algorithm), so this is a line-by-line port of
``lunr.nl.stemmer`` from lunr.nl.min.js as Material for MkDocs ships it, including
the quirks. tests/test_search.py runs both on every word of the records.

- ``trim(word)``: lunr.nl.trimmer with ASCII digits added to the word characters
  (lunr.nl strips them, which would make "NT2", "W13" or "2016" unfindable); the
  browser makes the same trimmer with
  ``lunr.trimmerSupport.generateTrimmer(lunr.nl.wordCharacters + "0-9")``.
- ``STOP_WORDS``: lunr.nl.stopWordFilter's list (data/stopwoorden_nl.txt).
- ``stem(word)``: lunr.nl.stemmer, memoized (words repeat a lot).
"""
from __future__ import annotations

import re
from functools import cache

from ..shared.data import DATA

# lunr.nl.wordCharacters, verbatim (escaped: editors normalize the Kelvin and Angstrom signs);
# all in the Basic Multilingual Plane.
WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c"
    "\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a"
    "\u212b\u2132\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7"
    "\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
)
TRIM_CHARACTERS = WORD_CHARACTERS + "0-9"
_LEADING = re.compile(f"^[^{TRIM_CHARACTERS}]+")
# Tried only where the trailing run can start (after a word character): else a long run of punctuation
# inside a token is tried from each of its characters, in quadratic time.
_TRAILING = re.compile(f"(?<![^{TRIM_CHARACTERS}])[^{TRIM_CHARACTERS}]+$")

STOP_WORDS = frozenset(
    line.strip() for line in (DATA / "stopwoorden_nl.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)

# lunr.tokenizer.separator is /[\s\-]+/; JavaScript's \s is this set.
SEPARATOR = re.compile(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\\-]+"
)


def tokenize(text: str) -> list[str]:
    """lunr.tokenizer: lowercase, split on whitespace and hyphens."""
    return [t for t in SEPARATOR.split(text.lower()) if t]


def trim(word: str) -> str:
    # Python's "$" also matches before a final "\n"; tokens never contain one.
    return _TRAILING.sub("", _LEADING.sub("", word))


@cache
def index_term(token: str) -> str | None:
    """What the index pipeline (trimmer, stop words, stemmer) makes of a token; None: dropped."""
    word = trim(token)
    if not word or word in STOP_WORDS:
        return None  # lunr.js keeps "" terms; they can never be queried, so they are left out
    return stem(word)


# ---- the stemmer -------------------------------------------------------------------------------
# Tables from lunr.nl.min.js: (string, substring_i, result), sorted as Snowball's find_among expects.
# Snowball's tables: (suffix, index of the entry it extends or -1, result), and groupings (bits, lowest, highest).
Among = list[tuple[str, int, int]]
Grouping = tuple[list[int], int, int]

_A_PRELUDE: Among = [("", -1, 6), ("á", 0, 1), ("ä", 0, 1), ("é", 0, 2), ("ë", 0, 2), ("í", 0, 3),
              ("ï", 0, 3), ("ó", 0, 4), ("ö", 0, 4), ("ú", 0, 5), ("ü", 0, 5)]
_A_POSTLUDE = [("", -1, 3), ("I", 0, 2), ("Y", 0, 1)]
_A_UNDOUBLE = [("dd", -1, -1), ("kk", -1, -1), ("tt", -1, -1)]
_A_SUFFIX_1 = [("ene", -1, 2), ("se", -1, 3), ("en", -1, 2), ("heden", 2, 1), ("s", -1, 3)]
_A_SUFFIX_2 = [("end", -1, 1), ("ig", -1, 2), ("ing", -1, 1), ("lijk", -1, 3), ("baar", -1, 4), ("bar", -1, 5)]
_A_LONG_VOWEL = [("aa", -1, -1), ("ee", -1, -1), ("oo", -1, -1), ("uu", -1, -1)]
# Groupings as bit sets over a code point range.
_V = ([17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128], 97, 232)          # a e i o u y è
_V_I = ([1, 0, 0, 17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128], 73, 232)  # vowels + I
_V_J = ([17, 67, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128], 97, 232)        # vowels + j


class _Program:
    """The parts of lunr-languages' SnowballProgram the Dutch stemmer uses, same semantics."""

    def __init__(self, word: str):
        self.s = word
        self.cursor = 0
        self.limit = len(word)
        self.limit_backward = 0
        self.bra = 0
        self.ket = self.limit

    def _in(self, grouping: Grouping, at: int) -> bool:
        bits, low, high = grouping
        c = ord(self.s[at])
        if c > high or c < low:
            return False
        c -= low
        return bool(bits[c >> 3] & (1 << (c & 7)))

    def in_grouping(self, g: Grouping) -> bool:
        if self.cursor < self.limit and self._in(g, self.cursor):
            self.cursor += 1
            return True
        return False

    def out_grouping(self, g: Grouping) -> bool:
        if self.cursor < self.limit and not self._in(g, self.cursor):
            self.cursor += 1
            return True
        return False

    def out_grouping_b(self, g: Grouping) -> bool:
        if self.cursor > self.limit_backward and not self._in(g, self.cursor - 1):
            self.cursor -= 1
            return True
        return False

    def eq_s(self, s: str) -> bool:
        if self.s.startswith(s, self.cursor) and self.limit - self.cursor >= len(s):
            self.cursor += len(s)
            return True
        return False

    def eq_s_b(self, s: str) -> bool:
        start = self.cursor - len(s)
        if start >= self.limit_backward and self.s[start:self.cursor] == s:
            self.cursor = start
            return True
        return False

    def find_among(self, among: Among) -> int:
        """Snowball's binary search for the longest table entry at the cursor (forwards)."""
        i, j, c, limit = 0, len(among), self.cursor, self.limit
        common_i = common_j = 0
        first_key_inspected = False
        while True:
            k = i + ((j - i) >> 1)
            diff = 0
            common = min(common_i, common_j)
            w = among[k][0]
            for i2 in range(common, len(w)):
                if c + common == limit:
                    diff = -1
                    break
                diff = ord(self.s[c + common]) - ord(w[i2])
                if diff:
                    break
                common += 1
            if diff < 0:
                j, common_j = k, common
            else:
                i, common_i = k, common
            if j - i <= 1:
                if i > 0 or j == i or first_key_inspected:
                    break
                first_key_inspected = True
        while True:
            w, substring_i, result = among[i]
            if common_i >= len(w):
                self.cursor = c + len(w)
                return result
            i = substring_i
            if i < 0:
                return 0

    def find_among_b(self, among: Among) -> int:
        """The same, backwards from the cursor."""
        i, j, c, lb = 0, len(among), self.cursor, self.limit_backward
        common_i = common_j = 0
        first_key_inspected = False
        while True:
            k = i + ((j - i) >> 1)
            diff = 0
            common = min(common_i, common_j)
            w = among[k][0]
            for i2 in range(len(w) - 1 - common, -1, -1):
                if c - common == lb:
                    diff = -1
                    break
                diff = ord(self.s[c - 1 - common]) - ord(w[i2])
                if diff:
                    break
                common += 1
            if diff < 0:
                j, common_j = k, common
            else:
                i, common_i = k, common
            if j - i <= 1:
                if i > 0 or j == i or first_key_inspected:
                    break
                first_key_inspected = True
        while True:
            w, substring_i, result = among[i]
            if common_i >= len(w):
                self.cursor = c - len(w)
                return result
            i = substring_i
            if i < 0:
                return 0

    def slice_from(self, s: str) -> None:
        bra, ket = self.bra, self.ket
        adjustment = len(s) - (ket - bra)
        self.s = self.s[:bra] + s + self.s[ket:]
        self.limit += adjustment
        if self.cursor >= ket:
            self.cursor += adjustment
        elif self.cursor > bra:
            self.cursor = bra

    def slice_del(self) -> None:
        self.slice_from("")


class _DutchStemmer:
    """lunr.nl.stemmer's program; the JS keeps p1, p2 and e_found between calls, so does this."""

    def __init__(self) -> None:
        self.p1 = self.p2 = 0
        self.e_found = False

    def stem(self, word: str) -> str:
        self.z = z = _Program(word)
        start = z.cursor
        self._prelude()
        z.cursor = start
        self._mark_regions()
        z.limit_backward = start
        z.cursor = z.limit
        self._standard_suffix()
        z.cursor = z.limit_backward
        self._postlude()
        return z.s

    def _prelude(self) -> None:
        z = self.z
        start = z.cursor
        while True:  # strip accents from vowels
            z.bra = z.cursor
            found = z.find_among(_A_PRELUDE)
            z.ket = z.cursor
            if found in (1, 2, 3, 4, 5):
                z.slice_from("aeiou"[found - 1])
                continue
            if found == 6 and z.cursor < z.limit:
                z.cursor += 1
                continue
            break
        z.cursor = start
        z.bra = start
        if z.eq_s("y"):
            z.ket = z.cursor
            z.slice_from("Y")
        else:
            z.cursor = start
        while True:  # mark i and y between vowels as consonants
            v = z.cursor
            if z.in_grouping(_V):
                i = z.cursor
                z.bra = i
                if z.eq_s("i"):
                    z.ket = z.cursor
                    if z.in_grouping(_V):
                        z.slice_from("I")
                        z.cursor = v
                else:
                    z.cursor = i
                    if z.eq_s("y"):
                        z.ket = z.cursor
                        z.slice_from("Y")
                        z.cursor = v
                    elif self._next(v):
                        break
            elif self._next(v):
                break

    def _next(self, at: int) -> bool:
        """True when the loop is done (at the end); else step one past ``at``."""
        z = self.z
        z.cursor = at
        if at >= z.limit:
            return True
        z.cursor += 1
        return False

    def _mark_regions(self) -> None:
        z = self.z
        self.p1 = z.limit
        self.p2 = self.p1
        if not self._gopast_vowel_then_consonant():
            self.p1 = max(z.cursor, 3)
            if not self._gopast_vowel_then_consonant():
                self.p2 = z.cursor

    def _gopast_vowel_then_consonant(self) -> bool:
        """False when found (cursor after them), True when the word ends first."""
        z = self.z
        while not z.in_grouping(_V):
            if z.cursor >= z.limit:
                return True
            z.cursor += 1
        while not z.out_grouping(_V):
            if z.cursor >= z.limit:
                return True
            z.cursor += 1
        return False

    def _postlude(self) -> None:
        z = self.z
        while True:
            z.bra = z.cursor
            found = z.find_among(_A_POSTLUDE)
            z.ket = z.cursor
            if found == 1:
                z.slice_from("y")
            elif found == 2:
                z.slice_from("i")
            elif found == 3:
                if z.cursor >= z.limit:
                    return
                z.cursor += 1

    def _r1(self) -> bool:
        return self.p1 <= self.z.cursor

    def _r2(self) -> bool:
        return self.p2 <= self.z.cursor

    def _undouble(self) -> None:
        z = self.z
        back = z.limit - z.cursor
        if z.find_among_b(_A_UNDOUBLE):
            z.cursor = z.limit - back
            z.ket = z.cursor
            if z.cursor > z.limit_backward:
                z.cursor -= 1
                z.bra = z.cursor
                z.slice_del()

    def _e_ending(self) -> None:
        z = self.z
        self.e_found = False
        z.ket = z.cursor
        if z.eq_s_b("e"):
            z.bra = z.cursor
            if self._r1():
                back = z.limit - z.cursor
                if z.out_grouping_b(_V):
                    z.cursor = z.limit - back
                    z.slice_del()
                    self.e_found = True
                    self._undouble()

    def _en_ending(self) -> None:
        z = self.z
        if self._r1():
            back = z.limit - z.cursor
            if z.out_grouping_b(_V):
                z.cursor = z.limit - back
                if not z.eq_s_b("gem"):
                    z.cursor = z.limit - back
                    z.slice_del()
                    self._undouble()

    def _standard_suffix(self) -> None:
        z = self.z
        end = z.limit - z.cursor
        z.ket = z.cursor
        found = z.find_among_b(_A_SUFFIX_1)
        if found:
            z.bra = z.cursor
            if found == 1:
                if self._r1():
                    z.slice_from("heid")
            elif found == 2:
                self._en_ending()
            elif found == 3:
                if self._r1() and z.out_grouping_b(_V_J):
                    z.slice_del()
        z.cursor = z.limit - end
        self._e_ending()
        z.cursor = z.limit - end
        z.ket = z.cursor
        if z.eq_s_b("heid"):
            z.bra = z.cursor
            if self._r2():
                back = z.limit - z.cursor
                if not z.eq_s_b("c"):
                    z.cursor = z.limit - back
                    z.slice_del()
                    z.ket = z.cursor
                    if z.eq_s_b("en"):
                        z.bra = z.cursor
                        self._en_ending()
        z.cursor = z.limit - end
        z.ket = z.cursor
        found = z.find_among_b(_A_SUFFIX_2)
        if found:
            z.bra = z.cursor
            if found == 1:  # end, ing
                if self._r2():
                    z.slice_del()
                    back = z.limit - z.cursor
                    z.ket = z.cursor
                    if z.eq_s_b("ig"):
                        z.bra = z.cursor
                        if self._r2():
                            before_e = z.limit - z.cursor
                            if not z.eq_s_b("e"):
                                z.cursor = z.limit - before_e
                                z.slice_del()
                                found = 0  # the JS "break"s out here, skipping the undouble
                    if found:
                        z.cursor = z.limit - back
                        self._undouble()
            elif found == 2:  # ig
                if self._r2():
                    back = z.limit - z.cursor
                    if not z.eq_s_b("e"):
                        z.cursor = z.limit - back
                        z.slice_del()
            elif found == 3:  # lijk
                if self._r2():
                    z.slice_del()
                    self._e_ending()
            elif found == 4:  # baar
                if self._r2():
                    z.slice_del()
            elif found == 5:  # bar
                if self._r2() and self.e_found:
                    z.slice_del()
        z.cursor = z.limit - end
        if z.out_grouping_b(_V_I):
            back = z.limit - z.cursor
            if z.find_among_b(_A_LONG_VOWEL) and z.out_grouping_b(_V):
                z.cursor = z.limit - back
                z.ket = z.cursor
                if z.cursor > z.limit_backward:
                    z.cursor -= 1
                    z.bra = z.cursor
                    z.slice_del()


_STEMMER = _DutchStemmer()


@cache
def stem(word: str) -> str:
    """lunr.nl.stemmer on one lowercase word."""
    if any(ord(c) > 0xFFFF for c in word):
        # JavaScript strings count UTF-16 code units: run on surrogate pairs, as the browser does.
        units = word.encode("utf-16-le", "surrogatepass")
        pairs = "".join(chr(int.from_bytes(units[i:i + 2], "little")) for i in range(0, len(units), 2))
        return _STEMMER.stem(pairs).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    return _STEMMER.stem(word)
