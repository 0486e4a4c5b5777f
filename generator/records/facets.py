"""Facets of the catalogue: which values a practice has for each filter, and their Dutch labels.

The catalogue page filters on these; the index pages (theme, chapter, province,
municipality) list the same groups without JavaScript.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .derive import PER_JAAR
from .model import Praktijk
from .vocab import Vocab

# Only yearly amounts compare: 150.000 euro for a three-year project is not more than 100.000 euro a year.
BUDGET_CLASSES = {
    "tot-25000": "tot 25.000 euro per jaar",
    "25000-100000": "25.000 tot 100.000 euro per jaar",
    "meer-dan-100000": "meer dan 100.000 euro per jaar",
    "ander-bedrag": "een bedrag voor een andere of onvermelde periode",
    "alleen-personeel": "alleen personeelsinzet vermeld",
    "niet-vermeld": "geen bedrag vermeld",
}
# The state on the date of the facts (mostly the source's year), never a claim about today.
STATUS = {"lopend": "liep nog toen de gegevens verzameld werden", "afgelopen": "was toen al afgelopen",
          "onbekend": "niet af te leiden"}
STATUS_LABEL = "Liep de praktijk nog? (volgens de gegevens)"


@dataclass(frozen=True)
class Facet:
    """One filter of the catalogue page: its URL parameter, its label and its values in display order."""

    key: str
    label: str
    values: dict[str, str]  # value id -> label


def budget_class(record: Praktijk) -> str:
    bedrag, vte = record.afgeleid.bedrag_eur, record.afgeleid.vte
    if bedrag is not None and record.afgeleid.bedrag_basis == PER_JAAR:
        return "tot-25000" if bedrag < 25_000 else "25000-100000" if bedrag <= 100_000 else "meer-dan-100000"
    if bedrag is not None:
        return "ander-bedrag"
    return "alleen-personeel" if vte else "niet-vermeld"


def running_status(record: Praktijk) -> str:
    lopend = record.afgeleid.lopend
    return "onbekend" if lopend is None else "lopend" if lopend else "afgelopen"


def gemeente_slug(name: str) -> str:
    """URL-safe id of a municipality name: 'Sint-Pieters-Leeuw' -> 'sint-pieters-leeuw'."""
    import unicodedata
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in ascii_name.lower()).split())


class Facets:
    """The facet values of every record, computed once per build."""

    def __init__(self, records: list[Praktijk], vocab: Vocab):
        self.vocab = vocab
        self.records = records
        self.values: dict[str, dict[str, list[str]]] = {r.slug: self._of(r) for r in records}
        self.definitions = self._definitions()

    def provincies(self, record: Praktijk) -> list[str]:
        found = [self.vocab.gemeenten[g].provincie for g in record.gemeenten] + list(record.provincies)
        return list(dict.fromkeys(found))

    def _of(self, r: Praktijk) -> dict[str, list[str]]:
        provincies = self.provincies(r)
        landen = {self.vocab.gemeenten[g].land for g in r.gemeenten} | {
            "Nederland" if p == "noord-brabant" else "België" for p in r.provincies}
        return {
            "thema": list(r.themas),
            "hoofdstuk": [r.hoofdstuk],
            "provincie": provincies,
            "land": sorted(landen),
            "gemeente": [gemeente_slug(g) for g in r.gemeenten],
            "doelgroep": list(r.doelgroepen),
            "status": [running_status(r)],
            "budget": [budget_class(r)],
        }

    def _definitions(self) -> list[Facet]:
        v = self.vocab
        used = Counter(g for r in self.records for g in r.gemeenten)
        gemeenten = {gemeente_slug(g): g for g in sorted(used, key=str.lower)}
        landen = sorted({land for values in self.values.values() for land in values["land"]})
        return [
            Facet("thema", "Thema", {k: t.label for k, t in v.themas.items()}),
            Facet("hoofdstuk", "Hoofdstuk", {k: t.label for k, t in v.hoofdstukken.items()}),
            Facet("provincie", "Provincie", {k: t.label for k, t in v.provincies.items()
                                             if any(k in vals["provincie"] for vals in self.values.values())}),
            Facet("land", "Land", {land: land for land in landen}),
            Facet("gemeente", "Gemeente", gemeenten),
            Facet("doelgroep", "Doelgroep", {k: t.label for k, t in v.doelgroepen.items()}),
            Facet("status", STATUS_LABEL, dict(STATUS)),
            Facet("budget", "Budget", dict(BUDGET_CLASSES)),
        ]

    def members(self, key: str, value: str) -> list[Praktijk]:
        return [r for r in self.records if value in self.values[r.slug][key]]
