"""The field table (generator/records/fields.py) drives the checks, the schema and the model: every kind it
declares has a checker and a schema, and every field it lists has its place in the model, under its own name."""
from __future__ import annotations

from dataclasses import fields
from typing import get_args

import pytest

from generator.records.checker import CHECKS
from generator.records.derive import OVERRIDABLE
from generator.records.fields import BRON_FIELDS, CONTACT_FIELDS, FICHE_FIELDS, PROJECT_FIELDS, RECORD_FIELDS, FieldRule, Kind
from generator.records.model import Afgeleid, Bron, Contact, Fiche, Praktijk
from generator.records.schema import _value
from generator.records.vocab import load_vocab

TABLES = {"record": RECORD_FIELDS, "contact": CONTACT_FIELDS, "bron": BRON_FIELDS, "project": PROJECT_FIELDS}
RULES = [pytest.param(name, rule, id=f"{table}.{name}") for table, rules in TABLES.items() for name, rule in rules.items()]


def names(cls: type) -> set[str]:
    return {f.name for f in fields(cls)}


def test_elke_soort_heeft_een_controle():
    assert set(CHECKS) == set(get_args(Kind))


@pytest.mark.parametrize("kind", get_args(Kind))
def test_elke_soort_heeft_een_schema(kind):
    rule = FieldRule(kind, True, "x", vocab="themas" if kind in ("id", "ids") else None, bereik=(1, 9))
    assert _value("x", rule, load_vocab(), []), kind


@pytest.mark.parametrize(("name", "rule"), RULES)
def test_de_regel_is_volledig(name, rule):
    assert (rule.vocab is not None) == (rule.kind in ("id", "ids")), name
    assert (rule.bereik is not None) == (rule.kind in ("int", "year")), name
    assert bool(rule.verwacht) == (rule.kind in ("int", "year")), name  # the message says what it expects
    assert not (rule.required and rule.to_fill), f"{name}: a required field is always to fill"
    assert rule.uitleg and rule.uitleg == rule.uitleg.strip(), name


def test_elk_veld_heeft_zijn_plaats_in_het_model():
    """A record's field is the model's field of the same name, in Praktijk, its Fiche or its Afgeleid."""
    for name in RECORD_FIELDS:
        assert name in names(Praktijk) | names(Fiche) | names(Afgeleid) or name == "projecten", name
    assert set(FICHE_FIELDS) <= names(Fiche) and set(OVERRIDABLE) <= names(Afgeleid)
    assert set(PROJECT_FIELDS) <= names(Fiche)
    assert set(CONTACT_FIELDS) == names(Contact)
    assert set(BRON_FIELDS) == names(Bron)
