"""The catalogue's full-text search indexes: built here (``bm25.py`` scores as lunr does), queried in the browser by lunr.js.

``build_indexes(records, vocab)`` returns ``{path under the site: JSON text}``:

- ``zoeken/kop.json``, loaded first so the first results appear fast; fields (boost):
    - ``titel`` (10): the title;
    - ``plaats`` (10): the place, the municipalities, the provinces;
    - ``samenvatting`` (3): the summary;
    - ``fiche`` (3): project names, trekker, the labels of the hoofdstuk, thema's and
      doelgroepen, and abbreviations meant by any of these (see below);
    - ``details`` (0.5): partners, budget and period of the fiche. A partner list names many
      organisations in passing ("alle lokale partners (OCMW, LOI's, OKAN klassen, ...)"): a
      word there says no more about the practice than one in its story (boost 1, which the
      catalogue page weighs 0.5), and much less than one in its fiche or summary;
- ``zoeken/verhaal.json``, loaded right after, in the background:
    - ``verhaal`` (1): the story, and abbreviations meant in it;
    - ``kopdelen`` (1): the parts of the compounds of the kop's fields (``delen.py``: "regenbooggemeenschap"
      gives regenboog and gemeenschap), so a part finds the whole, below a record that says the part itself.
      Here, not in kop.json: they made the first file 6 times larger gzipped on the bench's 1,000 records;
    - ``delen`` (0.3): the parts of the story's compounds.

Every field also has its hyphenated compounds as one word ("welzijns-campus" gives welzijn,
campus and welzijnscampus), as people type them (``samenstellingen``).

A record's score is lunr's (BM25 with these boosts). The two are separate indexes, so the
browser adds up a record's scores from both (theme/assets/javascripts/zoekindex.js does).

Each file is a lunr.js 2.3.9 serialized index with two changes that make it less than half
the size, undone in the browser by ``gidsZoekindex.laad(json)`` before ``lunr.Index.load``:

- no ``invertedIndex``: it says which terms each field of each record has, as the field
  vectors do. Instead ``terms`` lists the terms in lunr.js's order; a term's number in the
  field vectors (its ``_index``) is its position there;
- refs are record numbers ("0", "1", ...: short, and repeated in every posting) and
  ``refs`` lists the slugs: ``refs[n]`` is record n's slug. laad() puts the slugs back, so
  the loaded index's refs are slugs. Records are numbered in slug order in both files.

No term positions are stored (a posting's metadata is ``{}``): highlighting is done on the
card text in the browser.

Text becomes index terms by ``woorden``: lowercase, split on whitespace, hyphens and slashes,
strip a plural "'s" (OCMW's, thema's), trim other punctuation (letters as lunr.nl.trimmer,
and digits, so NT2 and W13 stay findable), drop lunr.nl's stop words, stem with lunr.nl's
stemmer (``generator.search.lunr_nl``, a port of the JavaScript), and finish the stem where Snowball
leaves singular and plural apart (``stam_af``: "lessen" as "les", "initiatieven" as
"initiatief", "sociaal" as "sociale"). A query goes through the same steps in the browser
(zoekindex.js ``woorden`` and ``stam``); tests/test_search.py checks both sides on every word
of the records.

Abbreviations (``data/zoeksynoniemen.yml``): a record that mentions an abbreviation or one of
its meanings (or has one of its doelgroepen/thema's) gets the missing words of both added to
that field, so "NBMV" finds the practices about niet-begeleide minderjarigen, and back; and
the abbreviation once more for every further time a meaning is written out, so a story that
says "lokaal opvanginitiatief" three times counts as saying "LOI" three times.

Output is deterministic: records sorted by slug, keys sorted, no timestamps.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..records.model import Praktijk
from ..records.vocab import Vocab, load_vocab
from ..shared.config_yaml import load_config_yaml
from ..shared.data import DATA
from . import bm25, lunr_nl
from .delen import MIN_WORD, alle_delen, lexicon_woorden, woordenlijst

KOP_FIELDS = (("titel", 10), ("plaats", 10), ("samenvatting", 3), ("fiche", 3), ("details", 0.5))
VERHAAL_FIELDS = (("verhaal", 1), ("kopdelen", 1), ("delen", 0.3))
FILES = {"zoeken/kop.json": KOP_FIELDS, "zoeken/verhaal.json": VERHAAL_FIELDS}

# Markdown [text](url): index the text, not the url. A url never holds '](' (where a next one starts), so
# an unclosed '](' is scanned once, not once per '](' before it: linear on '](](](...'.
_LINK_TARGET = re.compile(r"\]\((?:[^)\s\]]|\](?!\())*\)")
_SPLIT = re.compile(r"/+")  # on top of lunr's whitespace and hyphens: "Nederlands/Frans"
_PLURAL_S = re.compile(r"['’]s$")


def woorden(text: str) -> list[str]:
    """The index terms of a text, in order."""
    terms: list[str] = []
    for token in lunr_nl.tokenize(_LINK_TARGET.sub("] ", text)):
        terms += _token_terms(token)
    return terms


@cache
def _token_terms(token: str) -> tuple[str, ...]:
    """A lunr token's terms, memoized: words repeat a lot."""
    terms = []
    for part in _SPLIT.split(token):
        word = _PLURAL_S.sub("", lunr_nl.trim(part))
        term = lunr_nl.index_term(word) if word else None
        if term is not None:
            terms.append(stam_af(term))
    return tuple(terms)


def stam_af(stem: str) -> str:
    """Finish a stem of lunr.nl's stemmer (Snowball's Dutch) where it leaves singular and plural apart.

    zoekindex.js ``stam`` does the same to the words of a query:

    - a double consonant at the end is made single, as Snowball does with kk, dd and tt only:
      "lessen" -> "less", but "les" -> "les"; "klassen" and "klas"; "stappen" and "stap";
    - a final v or z becomes f or s: "initiatieven" -> "initiatiev", but "initiatief";
      "huizen" and "huis"; "actieve" and "actief";
    - both only after a vowel, so abbreviations stay as they are ("NBMV");
    - a long vowel before the final consonant is made single after an i too, as Snowball does
      after a consonant ("lokaal" and "lokale" -> "lokal"): "sociaal" stays, "sociale" -> "social".
    """
    stem = _DOUBLE_CONSONANT.sub(r"\1\2", stem)
    stem = _V_Z.sub(lambda m: m.group(1) + ("f" if m.group(2) == "v" else "s"), stem)
    return _LONG_VOWEL_AFTER_I.sub(r"i\1\2", stem)


_DOUBLE_CONSONANT = re.compile(r"([aeiouyè])([bcdfghjklmnpqrstvwxz])\2$")  # after a vowel: not in "NBMV"
_V_Z = re.compile(r"([aeiouyè])([vz])$")
_LONG_VOWEL_AFTER_I = re.compile(r"i([aeou])\1([^aeiouyè])$")

# A hyphenated compound ("welzijns-campus", "faciliteiten-gemeenten", "Mind-Spring") is also
# indexed as the one word people type for it ("welzijnscampus"), on top of its parts.
# It starts only where a word starts: unanchored, a 20,000-character word without a hyphen took 6.5 s (tried from
# each of its characters), with the same matches.
_HYPHENATED = re.compile(r"(?<![^\s\-])[^\s\-]+(?:-[^\s\-]+)+")


def samenstellingen(text: str) -> list[str]:
    """The terms of the hyphenated compounds of a text, written as one word."""
    terms: list[str] = []
    for compound in _HYPHENATED.findall(_LINK_TARGET.sub("] ", text.lower())):
        parts = [lunr_nl.trim(part) for part in compound.split("-")]
        if sum(any(c.isalpha() for c in part) for part in parts) >= 2:  # not "1-loket", "2015-2016"
            terms += _token_terms("".join(parts))
    return terms


# ---- abbreviations ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Afkorting:
    afkorting: str
    termen: tuple[str, ...]  # the abbreviation's own terms (one, mostly)
    vormen: tuple[str, ...]  # the abbreviation and each meaning, as " term term " strings
    toevoegen: tuple[str, ...]  # the terms of the abbreviation and its first meaning
    doelgroepen: frozenset[str]
    themas: frozenset[str]


@cache
def afkortingen() -> tuple[Afkorting, ...]:
    raw = load_config_yaml((DATA / "zoeksynoniemen.yml").read_text(encoding="utf-8"))
    result = []
    for entry in raw:
        forms = [entry["afkorting"], *entry["betekenis"]]
        result.append(Afkorting(
            afkorting=entry["afkorting"],
            termen=tuple(woorden(entry["afkorting"])),
            vormen=tuple(f" {' '.join(woorden(form))} " for form in forms),
            toevoegen=tuple(dict.fromkeys(woorden(f"{entry['afkorting']} {entry['betekenis'][0]}"))),
            doelgroepen=frozenset(entry.get("doelgroepen", ())),
            themas=frozenset(entry.get("themas", ())),
        ))
    return tuple(result)


def _abbreviation_terms(terms: list[str], have: set[str], record: Praktijk | None = None) -> list[str]:
    """The terms to add to a field with ``terms`` for the abbreviations they (or the record's facets) mean:
    the words of the abbreviation and its first meaning that are not in ``have`` (which grows), and the
    abbreviation once more for every further time a meaning is written out: a text that says "lokaal
    opvanginitiatief" three times is as much about the LOI as one that says "LOI" three times."""
    text = f" {' '.join(terms)} "
    added: list[str] = []
    for a in afkortingen():
        by_facet = record is not None and (a.doelgroepen & set(record.doelgroepen) or a.themas & set(record.themas))
        if by_facet or any(form in text for form in a.vormen):
            missing = [t for t in a.toevoegen if t not in have]
            have.update(missing)
            added += missing
            # a mention is where a meaning starts (a longer meaning holds a shorter one)
            mentions = {i for form in a.vormen[1:] for i in _occurrences(text, form)}
            extra = len(mentions) - (1 if set(a.termen) & set(missing) else 0)
            added += list(a.termen) * max(extra, 0)
    return added


def _occurrences(text: str, part: str) -> list[int]:
    found, i = [], text.find(part)
    while i >= 0:
        found.append(i)
        i = text.find(part, i + 1)
    return found


# ---- the documents ------------------------------------------------------------------------------

def _fields(record: Praktijk, vocab: Vocab, delen: Callable[[str], tuple[str, ...]] = lambda word: ()) -> dict[str, list[str]]:
    places = [record.plaats, *(g for g in record.gemeenten if g not in record.plaats),
              *(vocab.provincies[p].label for p in record.provincies)]
    fiche = [f.naam or "" for f in record.fiches]
    fiche += [value for f in record.fiches for value in f.trekker or ()]
    fiche += [vocab.hoofdstukken[record.hoofdstuk].label]
    fiche += [vocab.themas[t].label for t in record.themas]
    fiche += [vocab.doelgroepen[d].label for d in record.doelgroepen]
    details = [value for f in record.fiches for value in f.partners or ()]
    details += [text for f in record.fiches for text in (f.budget, f.periode) if text]  # "51 750 euro", "ESF"
    texts = {"titel": record.titel, "plaats": " ".join(places), "samenvatting": record.samenvatting,
             "fiche": " ".join(fiche), "details": " ".join(details), "verhaal": record.verhaal}
    fields = {name: woorden(text) for name, text in texts.items()}
    # An abbreviation meant in a field of the kop is added to that field (meant by a facet: to
    # the fiche), its words only once in the kop; one meant in the story, to the story.
    have = {t for name, terms in fields.items() if name != "verhaal" for t in terms}
    additions = {name: _abbreviation_terms(fields[name], have, record if name == "fiche" else None)
                 for name in ("fiche", "titel", "plaats", "samenvatting", "details")}
    additions["verhaal"] = _abbreviation_terms(fields["verhaal"], set(fields["verhaal"]))
    for name, text in texts.items():
        fields[name] += additions[name] + samenstellingen(text)
    # the parts of compounds, in fields of their own that weigh less: a part finds the whole, below the
    # practices that say the word itself
    fields["delen"] = [t for name, text in texts.items() if name != "verhaal" for t in _part_terms(text, delen)]
    fields["verhaaldelen"] = _part_terms(record.verhaal, delen)
    return fields


def _part_terms(text: str, delen: Callable[[str], tuple[str, ...]]) -> list[str]:
    """The index terms of the parts of the compounds of a text (generator/search/delen.py)."""
    terms: list[str] = []
    for token in lunr_nl.tokenize(_LINK_TARGET.sub("] ", text)):
        terms += delen(token)
    return terms


def part_finder(records: list[Praktijk]) -> Callable[[str], tuple[str, ...]]:
    """A lunr token's compound parts as index terms (each once, none the word's own), memoized: the lexicon is
    data/woorden_nl.txt and every word of the records (the catalogue's own vocabulary)."""
    lexicon = set(woordenlijst())
    for r in records:
        lexicon |= lexicon_woorden(f"{r.titel} {r.samenvatting} {r.verhaal}")

    @cache  # per lunr token: tokens repeat a lot
    def delen(token: str) -> tuple[str, ...]:
        terms: list[str] = []
        for word in _SPLIT.split(token):
            word = _PLURAL_S.sub("", lunr_nl.trim(word))
            if len(word) >= MIN_WORD:
                own = set(_token_terms(word))
                terms += [t for part in alle_delen(word, lexicon.__contains__) for t in _token_terms(part) if t not in own]
        return tuple(dict.fromkeys(terms))

    return delen


# verhaal.json's fields "kopdelen" and "delen": the parts of the kop's fields and of the story's.
_SOURCE: dict[tuple[tuple[tuple[str, float], ...], str], str] = {
    (VERHAAL_FIELDS, "kopdelen"): "delen", (VERHAAL_FIELDS, "delen"): "verhaaldelen"}


def _index(docs: list[tuple[str, dict[str, list[str]]]], fields: tuple[tuple[str, float], ...]) -> dict:
    """A lunr.js index of the docs, serialized, with the terms in place of the inverted index."""
    terms, vectors = bm25.field_vectors([(ref, index_fields(terms, fields)) for ref, terms in docs], fields)
    # The inverted index is a function of the field vectors (which terms each field of each
    # document has) and more than half of the file: ship the terms only, in JavaScript's sort
    # order (lunr.js's TokenSet.Builder wants UTF-16 order), a term's _index being its position.
    order = sorted(range(len(terms)), key=lambda n: terms[n].encode("utf-16-be"))
    position = {number: n for n, number in enumerate(order)}
    return {
        "version": bm25.LUNR_VERSION,
        "fields": [name for name, _ in fields],
        "fieldVectors": [[field_ref, _renumbered(elements, position)] for field_ref, elements in vectors],
        # lunr.nl's query pipeline: the terms are stemmed here already (woorden() did lunr.nl's trimmer,
        # stop words and stemmer), a query's words by the stemmer lunr.nl.min.js registers in the browser
        "pipeline": ["stemmer-nl"],
        "terms": [terms[n] for n in order],
    }


def _renumbered(elements: list, position: dict[int, int]) -> list:
    """A lunr vector [term, score, term, score, ...] with new term numbers, kept sorted by term."""
    pairs = sorted((position[elements[i]], elements[i + 1]) for i in range(0, len(elements), 2))
    return [x for term, score in pairs for x in (term, int(score) if score == int(score) else score)]


def documents(records: list[Praktijk], vocab: Vocab) -> list[tuple[str, dict[str, list[str]]]]:
    """(ref, {field: terms}) of each record, numbered in slug order (``records`` sorted by slug)."""
    delen = part_finder(records)
    return [(str(n), _fields(r, vocab, delen)) for n, r in enumerate(records)]


def index_fields(terms: dict[str, list[str]], fields: tuple[tuple[str, float], ...]) -> dict[str, list[str]]:
    """The terms of one index's fields, of a document's terms."""
    return {name: terms[_SOURCE.get((fields, name), name)] for name, _ in fields}


def build_indexes(records: list[Praktijk], vocab: Vocab | None = None) -> dict[str, str]:
    """{path under the site: JSON text} of the search indexes."""
    vocab = vocab or load_vocab()
    records = sorted(records, key=lambda r: r.slug)
    docs = documents(records, vocab)
    refs = [r.slug for r in records]
    files = {}
    for path, fields in FILES.items():
        index = _index(docs, fields)
        index["refs"] = refs
        files[path] = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return files
