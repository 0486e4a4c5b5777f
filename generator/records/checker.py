"""Checks one record's fields against their rules (fields.py), each problem at its line and column, in Dutch.

Every kind of field has one checker, and ``CHECKS`` maps the kind to it: the table in fields.py says
what a field holds, this module how that is checked, and no field is checked by hand.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeGuard, TypeVar

from .dates import check_today
from .errors import RecordError
from .fields import (
    BRON_FIELDS,
    CONTACT_FIELDS,
    CONTACT_MEANS,
    CONTACT_WHO,
    FALSE_WORDS,
    FICHE_FIELDS,
    PATTERNS,
    PROJECT_FIELDS,
    TRUE_WORDS,
    FieldRule,
    Kind,
)
from .hidden_chars import first_hidden, hidden_message
from .loader import Mapping, Node, Scalar, Sequence
from .model import ONBEKEND, Bron, Contact, Fiche
from .suggestions import unknown_key_message, unknown_value_message
from .vocab import Vocab

FORMAT = {kind: re.compile(pattern) for kind, pattern in PATTERNS.items()}
SLUG, EMAIL, PHONE, DATE, MONTH, URL, WEBSITE = (FORMAT[k] for k in ("slug", "email", "phone", "date", "month", "url", "website"))
N = TypeVar("N", bound=Node)
KIND_NAMES: dict[type[Node], str] = {Scalar: "tekst", Sequence: "een lijst", Mapping: "velden (naam: waarde)"}


class FieldChecker:
    """Walks one record's front matter, collecting errors and building model values."""

    def __init__(self, path: str, vocab: Vocab) -> None:
        self.path, self.vocab = path, vocab
        self.errors: list[RecordError] = []

        self.over_budget: set[int] = set()  # nodes already refused as too long: not read further

    def err(self, node: Node, fld: str, message: str) -> None:
        self.errors.append(RecordError(self.path, node.line, node.column, fld, message))

    # --- structure ------------------------------------------------------

    def fields(self, mapping: Mapping, rules: dict[str, FieldRule], where: str, skip: Iterable[str] = frozenset(),
               end: Node | None = None) -> dict[str, tuple[Node, Node]]:
        """Check keys against rules: unknown keys get a suggestion, missing required keys an error.

        A missing key is reported at `end` when given (the front matter's closing '---', where it is added),
        else at the mapping itself (a bron or a deelproject: the editor sees which one).
        """
        present: dict[str, tuple[Node, Node]] = {}
        suggested: set[str] = set()
        for key, (key_node, value) in mapping.entries.items():
            name = f"{where}.{key}" if where else key
            if key not in rules:
                self.err(key_node, name, unknown_key_message(key, rules))
                suggested.update(difflib.get_close_matches(key.lower(), list(rules), n=1, cutoff=0.6))
            else:
                present[key] = (key_node, value)
        for key, rule in rules.items():
            # a typo'd key already says what is missing: one problem, one message
            if rule.required and key not in present and key not in skip and key not in suggested:
                name = f"{where}.{key}" if where else key
                hint = f"; schrijf '{ONBEKEND}' als de bron het niet vermeldt" if rule.onbekend_allowed else ""
                where_to = f"; voeg '{key}:' toe boven deze regel '---'" if end else ""
                self.err(end or mapping, name, f"verplicht veld ontbreekt ({rule.uitleg}){hint}{where_to}")
        return present

    def check(self, node: Node, fld: str, rule: FieldRule) -> Any:
        """The value of one field as the model holds it, or None (its errors collected): checked by its kind."""
        return CHECKS[rule.kind](self, node, fld, rule)

    def check_fields(self, present: dict[str, tuple[Node, Node]], rules: dict[str, FieldRule], where: str) -> dict[str, Any]:
        """The checked value of each present field, in the table's order; the model's names are the keys."""
        return {name: self.check(present[name][1], f"{where}.{name}" if where else name, rule)
                for name, rule in rules.items() if name in present}

    def expect(self, node: Node, fld: str, kind: type[N], what: str) -> TypeGuard[N]:
        if id(node) in self.over_budget:
            return False
        if isinstance(node, kind):
            return True
        self.err(node, fld, f"verwacht {what}, kreeg {KIND_NAMES[type(node)]}")
        return False

    # --- scalar kinds ---------------------------------------------------

    def text(self, node: Node, fld: str, rule: FieldRule | None = None) -> str | None:
        if not self.expect(node, fld, Scalar, "tekst"):
            return None
        if node.is_empty:
            hint = f"; schrijf '{ONBEKEND}' als de bron het niet vermeldt" if rule and rule.onbekend_allowed else ""
            self.err(node, fld, f"is leeg (verwacht tekst){hint}")
            return None
        if hidden := first_hidden(node.text):
            self.err(node, fld, hidden_message(hidden.group()))
            return None
        value = node.text.strip()
        return None if rule and rule.onbekend_allowed and value == ONBEKEND else value

    def texts(self, node: Node, fld: str, rule: FieldRule) -> tuple[str, ...] | None:
        return self._texts(node, fld, rule, allow_single=False)

    def text_or_texts(self, node: Node, fld: str, rule: FieldRule) -> tuple[str, ...] | None:
        return self._texts(node, fld, rule, allow_single=True)

    def _texts(self, node: Node, fld: str, rule: FieldRule, allow_single: bool) -> tuple[str, ...] | None:
        other_case = isinstance(node, Scalar) and node.text.strip().lower() == ONBEKEND and node.text.strip() != ONBEKEND
        if isinstance(node, Scalar) and rule.onbekend_allowed and other_case:
            self.err(node, fld, f"schrijf '{ONBEKEND}' in kleine letters, kreeg '{node.text.strip()}'")
            return None
        if isinstance(node, Scalar) and (allow_single or (rule.onbekend_allowed and node.text.strip() == ONBEKEND)):
            value = self.text(node, fld, rule)
            return None if value is None or value == ONBEKEND else (value,)
        lijst = "een lijst (regels die beginnen met '- ')"
        if not self.expect(node, fld, Sequence, f"tekst of {lijst}" if allow_single else lijst):
            return None
        if not node.items:
            self.err(node, fld, f"is een lege lijst (verwacht minstens één waarde{self.onbekend_hint(rule)})")
            return None
        values = [self.text(item, f"{fld}[{i}]") for i, item in enumerate(node.items)]
        return tuple(v for v in values if v is not None)

    @staticmethod
    def onbekend_hint(rule: FieldRule) -> str:
        return f", of '{ONBEKEND}' als de bron niets vermeldt" if rule.onbekend_allowed else ""

    def one_id(self, node: Node, fld: str, rule: FieldRule) -> str | None:
        found = self._ids(node, fld, rule, single=True)
        return found[0] if found else None

    def ids(self, node: Node, fld: str, rule: FieldRule) -> tuple[str, ...]:
        return self._ids(node, fld, rule, single=False)

    def _ids(self, node: Node, fld: str, rule: FieldRule, single: bool) -> tuple[str, ...]:
        allowed = self.vocab.terms(rule.vocab)
        values: list[tuple[Node, str]]
        if single:
            one = self.expect(node, fld, Scalar, f"één waarde (geen lijst), bv. {next(iter(allowed))}")
            values = [(node, fld)] if one else []
        else:
            if isinstance(node, Scalar) and node.is_empty:
                if rule.required:
                    self.err(node, fld, f"is leeg (verwacht een lijst met minstens één van: {', '.join(allowed)})")
                return ()
            if isinstance(node, Scalar):
                self.err(node, fld, f"verwacht een lijst, bv. [{node.text.strip()}], kreeg tekst")
                return ()
            if not self.expect(node, fld, Sequence, "een lijst"):
                return ()
            if not node.items and rule.required:
                self.err(node, fld, f"is een lege lijst (verwacht minstens één van: {', '.join(allowed)})")
            values = [(item, f"{fld}[{i}]") for i, item in enumerate(node.items)]
        found: list[str] = []
        for item, item_fld in values:
            value = self.text(item, item_fld)
            if value is None:
                continue
            if value not in allowed:
                self.err(item, item_fld, unknown_value_message(value, list(allowed)))
            elif value in found:
                self.err(item, item_fld, f"'{value}' staat twee keer in de lijst")
            else:
                found.append(value)
        return tuple(found)

    def gemeenten(self, node: Node, fld: str, rule: FieldRule) -> tuple[str, ...]:
        if not self.expect(node, fld, Sequence, "een lijst van gemeenten, bv. [Gent]"):
            return ()
        found: list[str] = []
        for i, item in enumerate(node.items):
            name = self.text(item, f"{fld}[{i}]")
            if name is None:
                continue
            if name not in self.vocab.gemeenten:
                close = difflib.get_close_matches(name, list(self.vocab.gemeenten), n=1, cutoff=0.8)
                hint = (f": bedoelde je '{close[0]}'?" if close
                        else " (verwacht de Nederlandse naam van een Belgische gemeente, ook van vóór een fusie)")
                self.err(item, f"{fld}[{i}]", f"onbekende gemeente '{name}'{hint}")
            elif name in found:
                self.err(item, f"{fld}[{i}]", f"'{name}' staat twee keer in de lijst")
            else:
                found.append(name)
        return tuple(found)

    def date(self, node: Node, fld: str, rule: FieldRule) -> date | None:
        value = self.text(node, fld)
        if value is None:
            return None
        try:
            if not DATE.match(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            self.err(node, fld, f"ongeldige datum '{value}' (verwacht JJJJ-MM-DD, bv. 2026-11-23)")
            return None

    def integer(self, node: Node, fld: str, rule: FieldRule) -> int | None:
        value = self.text(node, fld)
        if value is None:
            return None
        low, high = rule.bereik or (0, 0)
        if not FORMAT["int"].match(value) or not low <= int(value) <= high:
            self.err(node, fld, f"verwacht {rule.verwacht}, kreeg '{value}'")
            return None
        return int(value)

    def decimal(self, node: Node, fld: str, rule: FieldRule) -> float | None:
        value = self.text(node, fld)
        if value is None:
            return None
        if not FORMAT["decimal"].match(value):
            self.err(node, fld, f"verwacht een getal, bv. 1.5, kreeg '{value}'")
            return None
        return float(value.replace(",", "."))

    def boolean(self, node: Node, fld: str, rule: FieldRule) -> bool | None:
        value = self.text(node, fld)
        if value is None:
            return None
        if value.lower() in TRUE_WORDS + FALSE_WORDS:
            return value.lower() in TRUE_WORDS
        self.err(node, fld, f"verwacht true of false, kreeg '{value}'")
        return None

    def month(self, node: Node, fld: str, rule: FieldRule) -> str | None:
        value = self.text(node, fld)
        if value is None:
            return None
        if not MONTH.match(value):
            self.err(node, fld, f"verwacht een jaar of jaar-maand (JJJJ of JJJJ-MM), kreeg '{value}'")
            return None
        return value

    def basis(self, node: Node, fld: str, rule: FieldRule) -> str | None:
        value = self.text(node, fld)
        if value is not None and not FORMAT["basis"].match(value):
            self.err(node, fld, f"onbekende basis '{value}' (verwacht 'per jaar', 'voor 18 maanden', 'voor 3 jaar' "
                                "of 'voor het hele project')")
            return None
        return value

    def url(self, node: Node, fld: str, rule: FieldRule) -> str | None:
        return self._web(node, fld, URL)

    def website(self, node: Node, fld: str, rule: FieldRule) -> str | None:
        return self._web(node, fld, WEBSITE)

    def _web(self, node: Node, fld: str, pattern: re.Pattern[str]) -> str | None:
        value = self.text(node, fld)
        if value is not None and not pattern.match(value):
            self.err(node, fld, f"ongeldig webadres '{value}' (verwacht een adres dat begint met https:// of http://)")
            return None
        return value

    def email(self, node: Node, fld: str, rule: FieldRule) -> str | None:
        value = self.text(node, fld)
        if value is not None and not EMAIL.match(value):
            self.err(node, fld, f"ongeldig e-mailadres '{value}' (verwacht iets als naam@organisatie.be)")
            return None
        return value

    def phone(self, node: Node, fld: str, rule: FieldRule) -> str | None:
        value = self.text(node, fld)
        if value is None:
            return None
        if not PHONE.match(value):
            self.err(node, fld, f"ongeldig telefoonnummer '{value}' (verwacht bv. 056 74 21 50, 0491 52 97 34 of "
                                "+32 56 74 21 50)")
            return None
        return value

    # --- composite kinds -------------------------------------------------

    def contacts(self, node: Node, fld: str, rule: FieldRule) -> tuple[Contact, ...] | None:
        if isinstance(node, Scalar) and node.text.strip() == ONBEKEND:
            return None
        if isinstance(node, Scalar) and node.text.strip().lower() == ONBEKEND:
            self.err(node, fld, f"schrijf '{ONBEKEND}' in kleine letters, kreeg '{node.text.strip()}'")
            return None
        if not self.expect(node, fld, Sequence, "een lijst van contacten (regels die beginnen met '- naam: ...')"):
            return None
        if not node.items:
            self.err(node, fld, f"is een lege lijst (verwacht minstens één contact{self.onbekend_hint(rule)})")
            return None
        found = []
        for i, item in enumerate(node.items):
            where = f"{fld}[{i}]"
            if not self.expect(item, where, Mapping, "velden zoals naam, email, telefoon"):
                continue
            values = {}
            for key, (key_node, value) in item.entries.items():  # in the file's order, unknown keys among them
                sub = f"{where}.{key}"
                if key not in CONTACT_FIELDS:
                    self.err(key_node, sub, unknown_key_message(key, CONTACT_FIELDS))
                else:
                    values[key] = self.check(value, sub, CONTACT_FIELDS[key])
            if not any(key in item.entries for key in (*CONTACT_MEANS, *CONTACT_WHO)):
                self.err(item, where, f"geen manier om iemand te bereiken en geen naam (verwacht minstens één van: "
                                      f"{', '.join(CONTACT_MEANS)}; of, als de bron niet meer geeft, naam of functie)")
            found.append(Contact(**{k: v for k, v in values.items() if v is not None}))
        return tuple(found)

    def projecten(self, node: Node, fld: str, rule: FieldRule) -> tuple[Fiche, ...]:
        if not self.expect(node, fld, Sequence, "een lijst van deelprojecten"):
            return ()
        if not node.items:
            self.err(node, fld, "is een lege lijst (verwacht minstens één deelproject, of laat het veld weg)")
        fiches = []
        for i, item in enumerate(node.items):
            where = f"{fld}[{i}]"
            if not self.expect(item, where, Mapping,
                                                                "velden naam, trekker, partners, budget, periode, contact"):
                continue
            fiches.append(fiche(self.check_fields(self.fields(item, PROJECT_FIELDS, where), PROJECT_FIELDS, where)))
        return tuple(fiches)

    def bron(self, node: Node, fld: str, rule: FieldRule) -> Bron | None:
        if not self.expect(node, fld, Mapping, "velden titel, jaar (of datum) en pagina (of url)"):
            return None
        present = self.fields(node, BRON_FIELDS, fld)
        values = self.check_fields(present, BRON_FIELDS, fld)
        jaar, datum = values.get("jaar"), values.get("datum")
        if "jaar" not in present and "datum" not in present:
            self.err(node, f"{fld}.jaar", "verplicht veld ontbreekt: het jaar van de bron (of 'datum: JJJJ-MM-DD' voor een "
                                          "gedateerd bericht); de gegevens gelden op die datum")
        if jaar and datum and jaar != datum.year:
            self.err(present["jaar"][1], f"{fld}.jaar", f"{jaar} is niet het jaar van bron.datum {datum.isoformat()} "
                                                         "(laat 'jaar' weg of maak ze gelijk)")
            return None
        if datum and datum > check_today():
            self.err(present["datum"][1], f"{fld}.datum",
                     f"{datum.isoformat()} ligt in de toekomst (verwacht de datum van de bron)")
        values["jaar"] = jaar or (datum.year if datum else None)
        return Bron(**values) if values.get("titel") and values["jaar"] else None


def fiche(values: dict[str, Any]) -> Fiche:
    """A fiche from its checked fields (a record's, or a deelproject's with its naam)."""
    return Fiche(**{name: values.get(name) for name in (*FICHE_FIELDS, "naam")})


# One checker per kind of field (fields.Kind): what the table declares is what is checked.
CHECKS: dict[Kind, Callable[[FieldChecker, Node, str, FieldRule], Any]] = {
    "text": FieldChecker.text,
    "summary": FieldChecker.text,  # its length is in the budget (budget.front_errors)
    "texts": FieldChecker.texts,
    "text_or_texts": FieldChecker.text_or_texts,
    "id": FieldChecker.one_id,
    "ids": FieldChecker.ids,
    "gemeenten": FieldChecker.gemeenten,
    "date": FieldChecker.date,
    "month": FieldChecker.month,
    "year": FieldChecker.integer,
    "int": FieldChecker.integer,
    "decimal": FieldChecker.decimal,
    "bool": FieldChecker.boolean,
    "basis": FieldChecker.basis,
    "url": FieldChecker.url,
    "email": FieldChecker.email,
    "phone": FieldChecker.phone,
    "website": FieldChecker.website,
    "contacts": FieldChecker.contacts,
    "bron": FieldChecker.bron,
    "projecten": FieldChecker.projecten,
}
