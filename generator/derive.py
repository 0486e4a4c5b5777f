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
# A point in time: "1 december 2015", "midden september 2015", "2014", "01/07/2015", "jaren '90".
DATE = re.compile(
    r"\b(?:(?P<month>" + "|".join(MONTHS) + r")\s+)?(?P<year>(?:19|20)\d{2})\b"
    r"|\b(?:\d{1,2}/)?(?P<mm>0?[1-9]|1[0-2])/(?P<myear>(?:19|20)\d{2})\b"
    r"|\bjaren\s*'(?P<decade>\d0)\b",
    re.IGNORECASE)
START_WORDS = re.compile(r"\b(?:sinds|sedert|vanaf|start\w*|gestart|opgestart)\b", re.IGNORECASE)
END_WORDS = re.compile(r"\b(?:tot|eind\w*|afgelopen|liep|t\.e\.m\.|tem)\b", re.IGNORECASE)
# Words saying the practice runs, even when no start year is given ("Lopende", "loopt reeds 5 jaar").
RUNNING_WORDS = re.compile(r"\b(?:lopend\w*|loopt|sinds|sedert)\b", re.IGNORECASE)
SCHOOL_YEAR = re.compile(r"\b(?:een|één|1)\s+schooljaar\b", re.IGNORECASE)

# A number not glued to a bigger one; thousands grouped by space or dot ("51 750", "200.000"), decimal comma.
NUMBER = r"(?<![\d.,])\d+(?:[.,]\d+)?"
EURO_NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:[ .\u00a0]\d{3})+|\d+)(?:,\d+)?"
AMOUNT = re.compile(
    rf"(?:€\s*(?P<a>{EURO_NUMBER})(?P<am>\s*miljoen)?|(?P<b>{EURO_NUMBER})(?P<bm>\s*miljoen)?\s*(?:euro\b|EUR\b|€))"
    # "6.600 euro per traject" is a price, not the budget; only "per jaar" still names the practice's money.
    r"(?P<rate>\s*per\s+(?!jaar\b))?",
    re.IGNORECASE)
STAFF_UNIT = {"vte": 1.0, "fte": 1.0, "hte": 0.5}  # HTE: halftijds equivalent
STAFF = re.compile(rf"(?P<n>{NUMBER})\s*(?P<unit>VTE|FTE|HTE|voltijdse? equivalent\w*)\b", re.IGNORECASE)
WORD_NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5}
HEADS = re.compile(
    rf"(?P<n>{NUMBER}|" + "|".join(WORD_NUMBERS) + r")\s+(?P<kind>voltijdse|halftijdse)\b(?!\s+equivalent)",
    re.IGNORECASE)
SHARE_OF_TIME = re.compile(rf"(?P<pct>{NUMBER})\s*%\s*van\s+(?:zijn|haar|hun|de)\s+tijd", re.IGNORECASE)


def parse_periode(text: str | None, peildatum: date | None) -> tuple[str | None, str | None, bool | None]:
    """(start, einde, lopend) from a periode text; lopend is judged at the peildatum (the last check).

    Each date is a start unless the words before it mark an end ("tot", "eindigen") or it closes a
    range ("2016 - 2018": the last of several dates, unless "sinds" or "start" marks it as another start);
    of several starts the earliest wins.
    """
    if not text:
        return None, None, None
    starts, einde, previous_end = [], None, 0
    mentions = list(DATE.finditer(text))
    for i, m in enumerate(mentions):
        before = text[previous_end:m.start()]
        previous_end = m.end()
        closes_range = i == len(mentions) - 1 and i > 0 and not START_WORDS.search(before)
        if END_WORDS.search(before) or closes_range:
            einde = _month_key(m)
        else:
            starts.append(_month_key(m))
    start = min(starts) if starts else None
    if start and not einde and SCHOOL_YEAR.search(text):
        einde = f"{int(start[:4]) + 1}-06"  # a school year started in September ends in June
    running = bool(RUNNING_WORDS.search(text))
    return start, einde, judge_lopend(start, einde, peildatum, running)


def judge_lopend(start: str | None, einde: str | None, peildatum: date | None, running: bool = False) -> bool | None:
    """Running at the peildatum: an end not yet passed, or no end after a known start (or words saying it runs)."""
    if einde:
        if not peildatum:
            return None
        return einde >= (f"{peildatum.year}" if len(einde) == 4 else f"{peildatum:%Y-%m}")
    return True if start or running else None


def _month_key(m: re.Match) -> str:
    if m.group("decade"):
        decade = int(m.group("decade"))
        return f"{1900 + decade if decade >= 50 else 2000 + decade}"  # "begin jaren '90": the decade's first year
    if m.group("myear"):
        return f"{m.group('myear')}-{int(m.group('mm')):02d}"
    month = m.group("month")
    number = MONTHS.get(month.lower()) if month else None  # 'ſeptember' matches case-insensitively but is no key
    return f"{m.group('year')}-{number:02d}" if number else m.group("year")


def parse_bedrag(text: str | None) -> int | None:
    """The sum of the euro amounts named in a budget text; prices per unit are left out.

    Of a range ("600 tot 1200 euro") only the upper amount carries the word euro, so it is the one counted.
    """
    if not text:
        return None
    values = []
    for m in AMOUNT.finditer(text):
        if m.group("rate"):
            continue
        number = (m.group("a") or m.group("b")).replace(" ", "").replace(".", "").replace("\u00a0", "")
        value = float(number.replace(",", "."))
        values.append(round(value * (1_000_000 if (m.group("am") or m.group("bm")) else 1)))
    return sum(values) if values else None


def parse_vte(text: str | None) -> float | None:
    """The sum of the staff named in a budget text, in full-time equivalents.

    Counted: "2 VTE", "1 HTE" (half), "1 voltijdse", "een halftijdse", "10% van haar tijd".
    A bare head count ("4 maatschappelijk werkers") says nothing about working time and is left out.
    """
    if not text:
        return None
    values = [_number(m.group("n")) * STAFF_UNIT.get(m.group("unit").lower(), 1.0) for m in STAFF.finditer(text)]
    values += [_number(m.group("n")) * (1.0 if m.group("kind").lower() == "voltijdse" else 0.5)
               for m in HEADS.finditer(text)]
    values += [_number(m.group("pct")) / 100 for m in SHARE_OF_TIME.finditer(text)]
    return round(sum(values), 2) if values else None


def _number(word: str) -> float:
    return WORD_NUMBERS.get(word.lower()) or float(word.replace(",", "."))


def derive(fiches: tuple[Fiche, ...], peildatum: date | None, overrides: Afgeleid, explicit: set[str]) -> Afgeleid:
    """Combine the facts of all fiches (earliest start, latest end, summed money and staff), then apply overrides.

    The practice runs while any of its projects runs; it has an end only when every project has one.
    """
    periodes = [parse_periode(fiche.periode, peildatum) for fiche in fiches]
    starts = [start for start, _, _ in periodes if start]
    eindes = [einde for _, einde, _ in periodes if einde]
    open_ended = any(lopend and not einde for _, einde, lopend in periodes)
    lopenden = [lopend for _, _, lopend in periodes]
    ended = bool(lopenden) and all(lopend is False for lopend in lopenden)
    bedragen = [b for b in map(parse_bedrag, (f.budget for f in fiches)) if b is not None]
    vtes = [v for v in map(parse_vte, (f.budget for f in fiches)) if v is not None]
    derived = Afgeleid(
        start=min(starts) if starts else None,
        einde=None if open_ended or not eindes else max(eindes),
        lopend=True if any(lopenden) else False if ended else None,
        bedrag_eur=sum(bedragen) if bedragen else None,
        vte=round(sum(vtes), 2) if vtes else None,
    )
    derived = replace(derived, **{name: getattr(overrides, name) for name in explicit})
    if "lopend" not in explicit and explicit & {"start", "einde"}:
        derived = replace(derived, lopend=judge_lopend(derived.start, derived.einde, peildatum))
    return derived
