"""Related practices: three to five per practice, computed at build time.

Score = shared themes and target groups (what an officer filters on) plus the
cosine similarity of the texts' TF-IDF vectors (what the practices are about).
To stay linear in the number of records, each text keeps only its strongest
terms and candidates are found through an inverted index of those terms.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict

from ..records.model import Praktijk
from .lunr_nl import index_term, tokenize

TOP_TERMS = 40          # strongest terms kept per practice
MAX_POSTING = 100       # a term shared by more practices says little and costs much
MAX_CANDIDATES = 30     # practices scored in full per practice
THEMA, DOELGROEP, HOOFDSTUK, TEXT = 1.0, 0.6, 0.5, 4.0
MIN_RELATED, MAX_RELATED, MIN_SCORE = 3, 5, 1.0


def _terms(record: Praktijk) -> Counter:
    text = " ".join([record.titel, record.samenvatting, record.verhaal])
    terms = (index_term(token) for token in tokenize(text))
    return Counter(t for t in terms if t and len(t) > 2 and not t.isdigit())


def _vectors(records: list[Praktijk]) -> dict[str, dict[str, float]]:
    counts = {r.slug: _terms(r) for r in records}
    df = Counter(term for c in counts.values() for term in c)
    n = len(records)
    vectors = {}
    for slug, c in counts.items():
        weights = {t: (1 + math.log(k)) * math.log((1 + n) / df[t]) for t, k in c.items()}
        top = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS])
        norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
        vectors[slug] = {t: w / norm for t, w in top.items()}
    return vectors


def related(records: list[Praktijk]) -> dict[str, list[Praktijk]]:
    """slug -> its related practices, best first; never the practice itself, deterministic."""
    by_slug = {r.slug: r for r in records}
    vectors = _vectors(records)
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for slug, vector in vectors.items():
        for term, weight in vector.items():
            postings[term].append((slug, weight))
    by_thema: dict[str, list[str]] = defaultdict(list)
    for r in sorted(records, key=lambda r: r.slug):
        for t in r.themas:
            by_thema[t].append(r.slug)

    themas = {r.slug: set(r.themas) for r in records}
    doelgroepen = {r.slug: set(r.doelgroepen) for r in records}
    result = {}
    for r in records:
        scores: dict[str, float] = defaultdict(float)
        for term, weight in vectors[r.slug].items():
            posting = postings[term]
            if len(posting) <= MAX_POSTING:
                for other, other_weight in posting:
                    scores[other] += TEXT * weight * other_weight
        scores.pop(r.slug, None)
        # the strongest text matches, topped up with practices on the same themes when text says little
        candidates = heapq.nsmallest(MAX_CANDIDATES, scores, key=lambda slug: (-scores[slug], slug))
        if len(candidates) < MAX_CANDIDATES:
            extra = sorted({s for t in r.themas for s in by_thema[t][:MAX_CANDIDATES]} - set(candidates) - {r.slug})
            candidates += extra[: MAX_CANDIDATES - len(candidates)]
        ranked = []
        for slug in candidates:
            candidate = by_slug[slug]
            score = (scores.get(slug, 0.0)
                     + THEMA * len(themas[r.slug] & themas[slug])
                     + DOELGROEP * len(doelgroepen[r.slug] & doelgroepen[slug])
                     + HOOFDSTUK * (r.hoofdstuk == candidate.hoofdstuk))
            ranked.append((-round(score, 9), slug))
        ranked.sort()
        chosen = [slug for score, slug in ranked[:MAX_RELATED] if -score >= MIN_SCORE]
        if len(chosen) < MIN_RELATED:
            chosen = [slug for _, slug in ranked[:MIN_RELATED]]
        result[r.slug] = [by_slug[s] for s in chosen]
    return result
