"""Facts derived from a fiche's text: start, einde, lopend (from periode); bedrag_eur, vte (from budget).

The texts are free Dutch prose ("Gestart op 1 december 2015.", "2016 - 2018",
"1,5 VTE leerkracht, 0,5 VTE jongerencoach"); the parsers read the common
shapes and a record overrides any fact they get wrong.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .model import Afgeleid, Fiche

MONTHS = {name: i for i, name in enumerate(
    "januari februari maart april mei juni juli augustus september oktober november december".split(), start=1)}
DATE_MENTION = re.compile(
    r"(?:(?:\d{1,2}\s+)?(?P<month>" + "|".join(MONTHS) + r")\s+)?(?P<year>(?:19|20)\d{2})", re.IGNORECASE)
END_WORDS = re.compile(r"\b(?:tot|eind\w*|einde|afgelopen|liep|t\.e\.m\.|tem)\b", re.IGNORECASE)
NUMBER = r"\d+(?:[.,]\d+)?"
AMOUNT = re.compile(
    r"(?:€\s*(?P<a>\d{1,3}(?:[ .]\d{3})+|\d+)(?P<am>\s*miljoen)?)|(?:(?P<b>\d{1,3}(?:[ .\u00a0]\d{3})+|\d+)(?:,\d+)?(?P<bm>\s*miljoen)?\s*(?:euro|EUR|€))",
    re.IGNORECASE)
VTE = re.compile(rf"(?P<n>{NUMBER})\s*(?:VTE|FTE|voltijdse equivalent)", re.IGNORECASE)
FULL_TIME = re.compile(r"\b(?P<n>\d+|een|één)\s+(?P<kind>voltijdse|halftijdse)\b", re.IGNORECASE)
WORD_NUMBERS = {"een": 1, "één": 1}


def parse_periode(text: str | None, peildatum: date | None) -> tuple[str | None, str | None, bool | None]:
    """(start, einde, lopend) from a periode text; lopend is judged at the peildatum (the last check)."""
    if not text:
        return None, None, None
    mentions = [_month_key(m) for m in DATE_MENTION.finditer(text)]
    start = einde = None
    if len(mentions) >= 2:
        start, einde = mentions[0], mentions[-1]
    elif len(mentions) == 1:
        before = text[: DATE_MENTION.search(text).start()]
        if END_WORDS.search(before):
            einde = mentions[0]
        else:
            start = mentions[0]
    return start, einde, judge_lopend(start, einde, peildatum)


def judge_lopend(start: str | None, einde: str | None, peildatum: date | None) -> bool | None:
    """Running at the peildatum: no end given after a known start, or an end not yet passed."""
    if einde and peildatum:
        return einde >= f"{peildatum.year}" if len(einde) == 4 else einde >= f"{peildatum:%Y-%m}"
    if start:
        return True
    return None


def _month_key(match: re.Match) -> str:
    month = match.group("month")
    return f"{match.group('year')}-{MONTHS[month.lower()]:02d}" if month else match.group("year")


def parse_bedrag(text: str | None) -> int | None:
    """The sum of the euro amounts named in a budget text."""
    if not text:
        return None
    total, found = 0, False
    for m in AMOUNT.finditer(text):
        digits = re.sub(r"\D", "", m.group("a") or m.group("b"))
        value = int(digits) * (1_000_000 if (m.group("am") or m.group("bm")) else 1)
        total, found = total + value, True
    return total if found else None


def parse_vte(text: str | None) -> float | None:
    """The sum of the full-time equivalents named in a budget text ("2 VTE", "1 voltijdse", "halftijdse")."""
    if not text:
        return None
    values = [float(m.group("n").replace(",", ".")) for m in VTE.finditer(text)]
    for m in FULL_TIME.finditer(text):
        n = WORD_NUMBERS.get(m.group("n").lower()) or float(m.group("n"))
        values.append(n * (1.0 if m.group("kind").lower() == "voltijdse" else 0.5))
    return round(sum(values), 2) if values else None


def derive(fiches: tuple[Fiche, ...], peildatum: date | None, overrides: Afgeleid, explicit: set[str]) -> Afgeleid:
    """Combine the facts of all fiches (earliest start, latest end, summed money and staff), then apply overrides."""
    starts, eindes, bedragen, vtes = [], [], [], []
    open_ended = False
    for fiche in fiches:
        start, einde, _ = parse_periode(fiche.periode, peildatum)
        starts += [start] if start else []
        eindes += [einde] if einde else []
        open_ended |= bool(start and not einde)
        if (bedrag := parse_bedrag(fiche.budget)) is not None:
            bedragen.append(bedrag)
        if (vte := parse_vte(fiche.budget)) is not None:
            vtes.append(vte)
    start = min(starts) if starts else None
    einde = None if open_ended or not eindes else max(eindes)
    derived = Afgeleid(
        start=start,
        einde=einde,
        lopend=judge_lopend(start, einde, peildatum),
        bedrag_eur=sum(bedragen) if bedragen else None,
        vte=round(sum(vtes), 2) if vtes else None,
    )
    derived = replace(derived, **{name: getattr(overrides, name) for name in explicit})
    if "lopend" not in explicit and explicit & {"start", "einde"}:
        derived = replace(derived, lopend=judge_lopend(derived.start, derived.einde, peildatum))
    return derived
