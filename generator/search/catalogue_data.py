"""The data files behind the catalogue page, written next to the site's pages.

- ``zoeken/catalogus.json``: every practice's ref, sort keys and facet values (as numbers into
  each facet's value list), small enough to load at once (counts and filters need all of them);
- ``zoeken/kaarten/<slug>.json``: what a result card shows, fetched only for visible results,
  so the first results do not wait for the whole catalogue's summaries.

Output is deterministic: sorted keys, no timestamps.
"""
from __future__ import annotations

import json

from ..records.facets import Facets
from ..records.model import Praktijk
from ..records.vocab import Vocab


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def card(record: Praktijk, vocab: Vocab) -> dict:
    trekkers = [t for f in record.fiches for t in (f.trekker or ())]
    if len(record.fiches) == 1:
        periode = record.fiches[0].periode
    else:  # several projects: name each project's period
        periode = "; ".join(f"{f.naam}: {f.periode}" for f in record.fiches if f.periode) or None
    return {
        "samenvatting": record.samenvatting,
        "hoofdstuk": vocab.hoofdstukken[record.hoofdstuk].label,
        "trekker": "; ".join(dict.fromkeys(trekkers)) or None,
        "periode": periode,
    }


def catalogue_files(records: list[Praktijk], facets: Facets, vocab: Vocab) -> dict[str, str]:
    """{path under the site: JSON text} for the catalogue page."""
    definitions = facets.definitions
    code = {f.key: {value: i for i, value in enumerate(f.values)} for f in definitions}
    files = {
        # compact: facet values as numbers into each facet's list; a practice as
        # [ref, titel, plaats, gecontroleerd, [values of facet 0], [values of facet 1], ...]
        "zoeken/catalogus.json": _dump({
            "facetten": [{"key": f.key, "label": f.label, "waarden": [[k, v] for k, v in f.values.items()]}
                         for f in definitions],
            "praktijken": [
                [r.slug, r.titel, r.plaats, r.laatst_gecontroleerd.isoformat()]
                + [[code[f.key][v] for v in facets.values[r.slug][f.key]] for f in definitions]
                for r in records
            ],
        }),
    }
    for r in records:
        files[f"zoeken/kaarten/{r.slug}.json"] = _dump(card(r, vocab))
    return files
