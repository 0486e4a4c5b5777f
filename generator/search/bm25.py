"""A lunr.js 2.3.9 index's field vectors, computed as lunr's builders do, without their overhead.

lunr.py's ``Builder`` wraps every term in a Token with a deep-copied metadata dict, keeps a posting per
term, field and document, and inserts each score into a sorted vector one by one: two thirds of the time
of ``build_indexes`` (2 of 3 s for 1,000 records). The indexes need none of that: the terms come ready
(``indexes.woorden``), and the files ship the field vectors and the terms only. So the vectors are
computed here in one pass, with lunr's BM25 to the letter (``lunr/builder.py`` ``_create_field_vectors``,
the same operations in the same order, so the same floats): ``tests/test_search.py`` compares every
score with what lunr.js's own builder computes.
"""
from __future__ import annotations

import math
from collections import Counter

LUNR_VERSION = "2.3.9"  # the lunr.js that reads the files (Material's)
K1 = 1.2  # lunr's term frequency saturation
B = 0.75  # lunr's field length normalisation

# (field name, boost) of an index; a document: (ref, {field: terms})
Fields = tuple[tuple[str, float], ...]
Document = tuple[str, dict[str, list[str]]]


def field_vectors(docs: list[Document], fields: Fields) -> tuple[list[str], list[list]]:
    """(terms, fieldVectors): every term in the order lunr numbers them (first seen, document by document,
    field by field) and each field of each document as ["field/ref", [term number, score, ...]] in lunr's
    order (documents as given, fields as declared), its elements sorted by term number."""
    numbers: dict[str, int] = {}
    having: list[int] = []  # per term number: the fields of documents that have it (lunr's idf counts fields)
    frequencies: list[tuple[str, str, Counter[str], int]] = []
    lengths = dict.fromkeys((name for name, _ in fields), 0)
    for ref, terms in docs:
        for name, _ in fields:
            field_terms = terms.get(name, [])  # lowercase already (lunr's tokenizer would lower them)
            counted = Counter(field_terms)  # first seen first, as lunr's defaultdict
            for term in counted:
                number = numbers.get(term)
                if number is None:
                    number = numbers[term] = len(having)
                    having.append(0)
                having[number] += 1
            frequencies.append((name, ref, counted, len(field_terms)))
            lengths[name] += len(field_terms)
    average = {name: total / len(docs) for name, total in lengths.items()} if docs else lengths
    boosts = dict(fields)
    idf = [math.log(1 + abs((len(docs) - n + 0.5) / (n + 0.5))) for n in having]
    vectors = []
    for name, ref, counted, length in frequencies:
        # (as lunr, only for a field with terms: a field empty in every document has an average length of 0)
        norm = K1 * (1 - B + B * (length / average[name])) if counted else 0.0
        pairs = []
        for term, tf in counted.items():
            number = numbers[term]
            score = idf[number] * ((K1 + 1) * tf) / (norm + tf)
            score *= boosts[name]
            pairs.append((number, round(score, 3)))
        pairs.sort()
        vectors.append([f"{name}/{ref}", [x for pair in pairs for x in pair]])
    return list(numbers), vectors
