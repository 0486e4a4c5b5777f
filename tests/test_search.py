"""The search indexes: built in Python, read by lunr.js in the browser (here: node), same words on both sides.

Built from the fixture project's records, which the expected answers name.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest
import yaml

from generator.records.vocab import load_vocab
from generator.search import bm25, lunr_nl
from generator.search import indexes as search

ROOT = Path(__file__).resolve().parent.parent
MATERIAL_LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
NODE_HELPER = Path(__file__).parent / "lunr_node.js"

# Words with accents, diaeresis and odd letters the stemmer and trimmer must treat alike on both sides.
TRICKY = ["geïnteresseerden", "één", "coördinator", "België", "reëel", "ideeën", "café's", "naïef", "Curaçao",
          "yoga", "maaien", "kaas", "heden", "mogelijkheden", "lichamelijke", "gemeenten", "bibliotheken",
          "«Welkom»", "(OKAN-klas)", "NT2-aanbod", "W13", "2016", "1.500", "‘taal’", "“samen”", "ocmw’s",
          "\u212aelvin", "ﬁnanciering", "straße", "İstanbul", "ΟΔΟΣ", "😀vrijwilligers", "vrij😀willigers", "x"]


@pytest.fixture(scope="module")
def indexes(fixture_records, tmp_path_factory):
    files = search.build_indexes(fixture_records, load_vocab())
    folder = tmp_path_factory.mktemp("zoeken")
    for name, text in files.items():
        (folder / Path(name).name).write_text(text, encoding="utf-8")
    return folder


def node(command: str, data: dict, tmp_path: Path) -> dict:
    """Run tests/lunr_node.js once; it reads the vendored lunr.js and Material's lunr.nl, nothing else."""
    if not shutil.which("node"):
        pytest.fail("node is needed to check the index against lunr.js (apt-get install nodejs)")
    source = tmp_path / f"{command}.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(["node", str(NODE_HELPER), str(MATERIAL_LUNR), command, str(source)],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def record_texts(record, vocab) -> list[str]:
    """Every text of a record that goes into an index, one string per value."""
    texts = [record.titel, record.plaats, record.samenvatting, search._LINK_TARGET.sub("] ", record.verhaal),
             *record.gemeenten, *(vocab.provincies[p].label for p in record.provincies),
             vocab.hoofdstukken[record.hoofdstuk].label,
             *(vocab.themas[t].label for t in record.themas), *(vocab.doelgroepen[d].label for d in record.doelgroepen)]
    for fiche in record.fiches:
        texts += [fiche.naam or "", *(fiche.trekker or ()), *(fiche.partners or ()), fiche.budget or "", fiche.periode or ""]
    return texts


# ---- (a) the same words and stems in Python and in lunr.js -------------------------------------

def test_python_and_lunr_js_make_the_same_terms_of_every_word_in_the_records(fixture_records, tmp_path):
    vocab = load_vocab()
    texts = [text for record in fixture_records for text in record_texts(record, vocab)] + TRICKY
    table = yaml.safe_load((ROOT / "generator" / "data" / "zoeksynoniemen.yml").read_text(encoding="utf-8"))
    texts += [" ".join([entry["afkorting"], *entry["betekenis"]]) for entry in table]
    texts += [text.replace("-", "") for text in texts if "-" in text]  # compounds typed as one word ("welzijnscampus")
    tokens = sorted({token for text in texts for token in lunr_nl.tokenize(text)})
    assert len(tokens) > 3000  # the real fixture_records' vocabulary, not an empty run

    js = node("woorden", {"texts": texts, "tokens": tokens}, tmp_path)

    python_tokens = [[lunr_nl.trim(t), lunr_nl.stem(t), lunr_nl.trim(t) in lunr_nl.STOP_WORDS] for t in tokens]
    differing = [(t, p, j) for t, p, j in zip(tokens, python_tokens, js["tokens"], strict=True) if p != j]
    assert differing == [], f"{len(differing)} of {len(tokens)} words differ (word, python, lunr.js): {differing[:20]}"
    differing = [(text[:80], p, j) for text, p, j in zip(texts, map(search.woorden, texts), js["texts"], strict=True) if p != j]
    assert differing == [], differing[:5]


def test_stop_words_and_word_characters_are_those_of_the_installed_lunr_nl():
    script = (MATERIAL_LUNR / "lunr.nl.min.js").read_text(encoding="utf-8")
    stop_words = re.search(r'generateStopWordFilter\("([^"]*)"\.split\(" "\)\)', script).group(1).split()
    word_characters = re.search(r'r\.nl\.wordCharacters="([^"]*)"', script).group(1)
    assert lunr_nl.STOP_WORDS == frozenset(stop_words)
    assert lunr_nl.WORD_CHARACTERS == word_characters


def test_trimmer_and_stemmer_on_accented_words():
    assert [search.woorden(w) for w in ["geïnteresseerden", "één", "coördinator", "België", "(NBMV)", "OCMW's"]] == [
        ["geinteresseerd"], ["een"], ["coordinator"], ["belgie"], ["nbmv"], ["ocmw"]]
    assert search.woorden("vrijwilligers") == search.woorden("vrijwilliger")
    assert search.woorden("NT2 W13 2016") == ["nt2", "w13", "2016"]  # digits stay: lunr.nl alone would strip them
    assert search.woorden("De vrijwilligers van het OCMW zijn er voor iedereen.") == ["vrijwilliger", "ocmw", "iederen"]


# ---- (b) the files load in lunr.js and answer queries -----------------------------------------

QUERIES = ["vrijwilliger", "NBMV", "niet-begeleide minderjarigen", "schakelklas", "huisvesting", "huisvestng",
           "OKAN", "onthaalklas", "NT2", "W13", "OCMW", "OCMW's", "coördinator", "coordinator", "vrijwilligers in Gent",
           "de", "Gent huisvesting"]


@pytest.fixture(scope="module")
def answers(indexes, tmp_path_factory):
    data = {"kop": str(indexes / "kop.json"), "verhaal": str(indexes / "verhaal.json"), "queries": QUERIES,
            "raw": ["vrijwilliger", "huisvest~1"]}
    return node("zoek", data, tmp_path_factory.mktemp("node"))


def test_indexes_load_in_lunr_js_without_warnings(answers):
    assert answers["warnings"] == []


def test_queries_find_the_expected_practices(answers, fixture_records):
    found = answers["results"]
    assert found["vrijwilliger"][0] == "gent-werken-met-vrijwilligers"
    assert found["schakelklas"][0] == "kortrijk-schakelklas-anderstalige-nieuwkomers"
    assert found["W13"][0] == "zuid-west-vlaanderen-w13-welzijnsbeleid"
    assert "gent-taalkansen-werkvloer" in found["NT2"]
    assert found["OCMW's"] == found["OCMW"] and len(found["OCMW"]) > 10
    assert found["coördinator"] == found["coordinator"] != []
    assert "gent-werken-met-vrijwilligers" in found["vrijwilligers in Gent"]  # "in" is a stop word, not required
    assert found["de"] == []  # nothing to search for
    assert found["Gent huisvesting"] == ["gent-iedereen-onder-dak"]  # every word must match


def test_abbreviations_find_what_they_stand_for(answers, fixture_records):
    found = answers["results"]
    nbmv = {r.slug for r in fixture_records if "nbmv" in r.doelgroepen}
    assert nbmv and nbmv <= set(found["NBMV"])
    assert nbmv <= set(found["niet-begeleide minderjarigen"])
    says_okan = {r.slug for r in fixture_records if re.search(r"\bOKAN\b", r.verhaal + r.samenvatting)}
    assert says_okan and says_okan <= set(found["onthaalklas"])  # they mention only the abbreviation
    assert says_okan <= set(found["OKAN"])


def test_a_typo_still_finds_the_word(answers):
    found = answers["results"]
    assert "eindhoven-meer-betere-huisvesting" in found["huisvestng"][:3]
    assert found["huisvesting"][:3] == found["huisvestng"][:3]


def test_plain_lunr_queries_work_on_the_loaded_index(answers):
    assert "gent-werken-met-vrijwilligers" in answers["raw"]["vrijwilliger"]  # lunr stems with stemmer-nl
    assert "eindhoven-meer-betere-huisvesting" in answers["raw"]["huisvest~1"]


def test_any_query_is_answered_at_once(indexes, tmp_path):
    """A query comes from a link too (?zoek=): one 5,000-letter word, hundreds of words, typos in long words.
    Before zoekindex.js capped fuzzy matching, a 320-letter word froze the catalogue for 12 s and more crashed it."""
    letters = "kwbrtlamsvnoepdgiu"
    word = "".join(letters[(i * 7) % len(letters)] for i in range(5000))
    words = " ".join(word[i:i + 9] for i in range(0, 4500, 10))  # 450 words of 9 letters
    typos = " ".join(["huisvestngxx" * 3] * 12)  # 36 letters, again and again
    data = {"kop": str(indexes / "kop.json"), "verhaal": str(indexes / "verhaal.json"),
            "queries": [word, words, typos, word[:19], "huisvestng " + word]}
    for unfinished in (False, True):
        answer = node("zoek", {**data, "unfinished": unfinished}, tmp_path)
        assert all(found == [] for found in answer["results"].values()), answer["results"]
        slow = {q[:30]: ms for q, ms in answer["times"].items() if ms > 500}
        assert slow == {}, slow  # in ms; each takes a few ms here


def test_half_typed_words_find_results(indexes, fixture_records, tmp_path):
    data = {"kop": str(indexes / "kop.json"), "verhaal": str(indexes / "verhaal.json"), "unfinished": True,
            "queries": ["vrijwil", "schakelk", "onder", "de", "huisvesting vluchtel", "huisvesting v"]}
    found = node("zoek", data, tmp_path)["results"]
    assert "gent-werken-met-vrijwilligers" in found["vrijwil"][:3]
    assert found["schakelk"][0] == "kortrijk-schakelklas-anderstalige-nieuwkomers"
    assert found["onder"] != []  # a stop word on its way to "onderwijs"
    assert 0 < len(found["de"]) < len(fixture_records)  # "de*" in titles and places; not every record
    assert set(found["huisvesting vluchtel"]) <= set(found["huisvesting v"])  # one letter does not filter yet


# ---- the files themselves ----------------------------------------------------------------------

def test_files_are_lunr_indexes_without_the_derivable_inverted_index(indexes, fixture_records):
    for name, fields in [("kop.json", search.KOP_FIELDS), ("verhaal.json", search.VERHAAL_FIELDS)]:
        data = json.loads((indexes / name).read_text(encoding="utf-8"))
        assert data["version"] == "2.3.9" and data["pipeline"] == ["stemmer-nl"]
        assert data["fields"] == [f for f, _ in fields]
        assert data["refs"] == sorted(r.slug for r in fixture_records)
        terms = data["terms"]
        assert terms == sorted(set(terms), key=lambda t: t.encode("utf-16-be"))  # lunr.js's TokenSet order
        # a stop word is never indexed (some are stems of other words: "één" -> "een", "zelfs" -> "zelf")
        assert not {"de", "van", "die", "dat", "naar", "voor", "zijn"} & set(terms) and "" not in terms
        for field_ref, elements in data["fieldVectors"]:
            field, ref = field_ref.split("/")
            assert field in data["fields"] and 0 <= int(ref) < len(fixture_records)
            term_numbers = elements[::2]
            assert term_numbers == sorted(set(term_numbers)) and all(n < len(terms) for n in term_numbers)
            assert all(score > 0 for score in elements[1::2])


def test_scores_are_those_lunr_js_would_compute(indexes, fixture_records, tmp_path):
    """lunr.js's own builder, given the same terms, gives every term of every field the same score."""
    vocab = load_vocab()
    docs = search.documents(sorted(fixture_records, key=lambda r: r.slug), vocab)
    for name, fields in [("kop.json", search.KOP_FIELDS), ("verhaal.json", search.VERHAAL_FIELDS)]:
        expected = node("bouw", {"fields": fields, "docs": [{"ref": ref, **search.index_fields(terms, fields)}
                                                              for ref, terms in docs]}, tmp_path)
        data = json.loads((indexes / name).read_text(encoding="utf-8"))
        ours = {ref: {data["terms"][e[i]]: e[i + 1] for i in range(0, len(e), 2)} for ref, e in data["fieldVectors"]}
        assert ours.keys() == expected.keys()
        differing = [(ref, term, score, expected[ref].get(term)) for ref, scores in ours.items()
                     for term, score in scores.items() if score != expected[ref].get(term)]
        assert ours == expected, differing[:10]


def test_a_field_empty_in_every_record_is_scored_as_lunr_js_does(tmp_path):
    """A catalogue where no record has partners, budget or period: lunr never divides by that field's average
    length of 0 (the limits bench's one record found bm25.py doing so)."""
    fields = (("titel", 10), ("details", 0.5))
    docs = [("0", {"titel": ["werk", "taal", "werk"], "details": []}), ("1", {"titel": ["taal"], "details": []})]
    terms, vectors = bm25.field_vectors(docs, fields)
    ours = {ref: {terms[e[i]]: e[i + 1] for i in range(0, len(e), 2)} for ref, e in vectors}
    expected = node("bouw", {"fields": fields, "docs": [{"ref": ref, **terms} for ref, terms in docs]}, tmp_path)
    assert ours == expected and ours["details/0"] == {}


def test_build_is_deterministic(fixture_records):
    vocab = load_vocab()
    first = search.build_indexes(fixture_records, vocab)
    second = search.build_indexes(list(reversed(fixture_records)), vocab)
    assert first == second
    assert set(first) == {"zoeken/kop.json", "zoeken/verhaal.json"}


def test_abbreviation_table_is_valid():
    vocab = load_vocab()
    for entry in search.afkortingen():
        assert all(form.strip() for form in entry.vormen), entry.afkorting
        assert entry.doelgroepen <= set(vocab.doelgroepen) and entry.themas <= set(vocab.themas)
