"""Facts derived from a fiche's text: start, einde, lopend (from periode); bedrag_eur, bedrag_basis, vte (from budget).

The texts are free Dutch prose ("Gestart op 1 december 2015.", "2016 - 2018",
"1,5 VTE leerkracht, 0,5 VTE jongerencoach"); the parsers read the common
shapes and a record overrides any fact they get wrong.

Two rules keep the facts honest:
- ``lopend`` is judged on the date of the facts (the source's date, or the day the practice
  confirmed them), never on today: "liep in 2016", not "loopt".
- A number is only given when the text states one: a range ("1 tot 1,5 VTE") or staff named per
  unit ("HTE per partnerorganisatie") gives none; an amount keeps what it covers ("per jaar",
  "voor 18 maanden"), and amounts covering different things are not added up.
Every fact carries the reason it rests on (``Afgeleid.gronden``), so an editor can see a wrong reading.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .dates import MAANDEN
from .model import Afgeleid, Fiche, Peil

MONTHS = {name: i for i, name in enumerate(MAANDEN, start=1)}
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
# "600 tot 1200 euro", "1 à 2 VTE", "tussen 1 en 2 VTE": the text gives a range, so no single number.
RANGE_LINK = r"\s*(?:tot|à|a|-|–|en)\s*"
AMOUNT_RANGE = re.compile(rf"{EURO_NUMBER}(?:\s*euro|\s*EUR|\s*€)?{RANGE_LINK}€?\s*{EURO_NUMBER}"
                          r"\s*(?:miljoen\s*)?(?:euro\b|EUR\b|€)", re.IGNORECASE)
STAFF_UNIT = {"vte": 1.0, "fte": 1.0, "hte": 0.5}  # HTE: halftijds equivalent
STAFF = re.compile(rf"(?P<n>{NUMBER})\s*(?P<unit>VTE|FTE|HTE|voltijdse? equivalent\w*)\b", re.IGNORECASE)
STAFF_WORD = re.compile(r"\b(?:VTE|FTE|HTE|voltijdse? equivalent\w*)\b", re.IGNORECASE)
STAFF_RANGE = re.compile(rf"{NUMBER}{RANGE_LINK}{NUMBER}\s*(?:VTE|FTE|HTE)\b", re.IGNORECASE)
WORD_NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5}
HEADS = re.compile(
    rf"(?P<n>{NUMBER}|" + "|".join(WORD_NUMBERS) + r")\s+(?P<kind>voltijdse|halftijdse)\b(?!\s+equivalent)",
    re.IGNORECASE)
SHARE_OF_TIME = re.compile(rf"(?P<pct>{NUMBER})\s*%\s*van\s+(?:zijn|haar|hun|de)\s+tijd", re.IGNORECASE)

# What an amount covers. "per jaar" is the only basis on which amounts of different practices compare.
PER_JAAR = "per jaar"
HEEL_PROJECT = "voor het hele project"
_COUNT = r"(?P<n>\d+|" + "|".join(WORD_NUMBERS) + r"|zes|achttien)"
_NUMBER_WORDS = {**WORD_NUMBERS, "zes": 6, "achttien": 18}
BASES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(?:per\s+jaar|jaarlijks\w*|op\s+jaarbasis|/\s*jaar)\b", re.IGNORECASE), PER_JAAR),
    (re.compile(rf"\bvoor\s+{_COUNT}\s+maanden\b", re.IGNORECASE), "voor {n} maanden"),
    (re.compile(rf"\b(?:voor|over)\s+{_COUNT}\s+jaar\b", re.IGNORECASE), "voor {n} jaar"),
    (re.compile(r"\b(?P<n>twee|drie|vier|vijf|zes)jarig\w*\s+project\b", re.IGNORECASE), "voor {n} jaar"),
    (re.compile(r"\bvoor\s+het\s+(?:hele\s+|volledige\s+)?project\b", re.IGNORECASE), HEEL_PROJECT),
    # "100.000 EUR in 2016": the money of one year
    (re.compile(r"(?:euro|EUR|€)\s+in\s+(?:19|20)\d{2}\b", re.IGNORECASE), PER_JAAR),
]


def as_peil(peildatum: Peil | date | None) -> Peil | None:
    if isinstance(peildatum, date):
        return Peil.van_dag(peildatum)
    return peildatum


def parse_periode(text: str | None, peildatum: Peil | date | None) -> tuple[str | None, str | None, bool | None]:
    """(start, einde, lopend) from a periode text; lopend is judged at the peildatum (the date of the facts).

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
    return start, einde, judge_lopend(start, einde, as_peil(peildatum), running)


def judge_lopend(start: str | None, einde: str | None, peil: Peil | date | None, running: bool = False) -> bool | None:
    """Did the practice run at the peil? Compared at the coarser of the two precisions.

    With a year only (the source says "2016"), "ran in 2016" means: started in or before 2016, and
    not ended before 2016. A start after the peil says nothing yet (None), nor does an end without
    a peil to compare it with.
    """
    peil = as_peil(peil)
    if peil is None:
        return None if einde else (True if start or running else None)
    if start and _before(peil.sleutel, start):
        return None  # not begun yet when the facts were written: planned, not running
    if einde:
        return not _before(einde, peil.sleutel)
    return True if start or running else None


def _before(a: str, b: str) -> bool:
    """a lies wholly before b, compared at the coarser precision ('2016-03' is not before '2016')."""
    width = min(len(a), len(b))
    return a[:width] < b[:width]


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
    """The sum of the euro amounts named in a budget text; prices per unit and ranges give no amount."""
    return read_bedrag(text)[0]


def read_bedrag(text: str | None) -> tuple[int | None, str]:
    """(amount, the reason): the sum of the euro amounts named, or None with why there is none."""
    if not text:
        return None, "geen budget vermeld"
    if rng := AMOUNT_RANGE.search(text):
        return None, f"een vork ('{rng.group(0)}'): geen enkel bedrag"
    values, priced = [], []
    for m in AMOUNT.finditer(text):
        if m.group("rate"):
            priced.append(m.group(0).strip())
            continue
        number = (m.group("a") or m.group("b")).replace(" ", "").replace(".", "").replace("\u00a0", "")
        value = float(number.replace(",", "."))
        values.append(round(value * (1_000_000 if (m.group("am") or m.group("bm")) else 1)))
    if not values:
        return None, (f"alleen een prijs per eenheid ('{priced[0]}')" if priced else "geen bedrag in euro in de tekst")
    if len(values) == 1:
        return values[0], "het bedrag in de tekst"
    return sum(values), "de som van " + " + ".join(f"{v:,}".replace(",", ".") for v in values) + " euro"


def parse_basis(text: str | None) -> tuple[str | None, str]:
    """What the amount of a budget text covers, and the words that say so; None when the text does not say."""
    for pattern, basis in BASES:
        if text and (m := pattern.search(text)):
            count = m.groupdict().get("n")
            number = _NUMBER_WORDS.get(count.lower(), count) if count else None
            return basis.format(n=number), f"'{m.group(0).strip()}'"
    return None, "de tekst zegt niet waarop het bedrag slaat"


def parse_vte(text: str | None) -> float | None:
    """The sum of the staff named in a budget text, in full-time equivalents."""
    return read_vte(text)[0]


def read_vte(text: str | None) -> tuple[float | None, str]:
    """(staff in full-time equivalents, the reason).

    Counted: "2 VTE", "1 HTE" (half), "1 voltijdse", "een halftijdse", "10% van haar tijd".
    A bare head count ("4 maatschappelijk werkers") says nothing about working time and is left out.
    A range ("1 tot 1,5 VTE") or staff without a number ("HTE per partnerorganisatie") makes the
    total unknown: no number rather than a wrong one.
    """
    if not text:
        return None, "geen personeelsinzet vermeld"
    if rng := STAFF_RANGE.search(text):
        return None, f"een vork ('{rng.group(0)}'): geen enkel getal"
    counted = list(STAFF.finditer(text))
    if len(STAFF_WORD.findall(text)) > len(counted):
        return None, "personeel zonder aantal (bv. per partner): het totaal is niet te kennen"
    values = [_number(m.group("n")) * STAFF_UNIT.get(m.group("unit").lower(), 1.0) for m in counted]
    heads = list(HEADS.finditer(text))
    values += [_number(m.group("n")) * (1.0 if m.group("kind").lower() == "voltijdse" else 0.5) for m in heads]
    shares = list(SHARE_OF_TIME.finditer(text))
    values += [_number(m.group("pct")) / 100 for m in shares]
    if not values:
        return None, "geen VTE, HTE of voltijdse in de tekst"
    parts = [m.group(0) for m in (*counted, *heads, *shares)]
    half = " (1 HTE telt als 0,5 VTE)" if any(m.group("unit").lower() == "hte" for m in counted) else ""
    return round(sum(values), 2), "uit " + ", ".join(f"'{p}'" for p in parts) + half


def _number(word: str) -> float:
    return WORD_NUMBERS.get(word.lower()) or float(word.replace(",", "."))


OVERRIDABLE = ("start", "einde", "lopend", "bedrag_eur", "bedrag_basis", "vte")
OVERRIDDEN = "overschreven in het record"


def derive(fiches: tuple[Fiche, ...], peildatum: Peil | date | None, overrides: Afgeleid, explicit: set[str]) -> Afgeleid:
    """Combine the facts of all fiches (earliest start, latest end, summed money and staff), then apply overrides.

    The practice runs while any of its projects runs; it has an end only when every project has one.
    Amounts are added up only when they cover the same thing ("per jaar" with "per jaar").
    """
    peil = as_peil(peildatum)
    periodes = [parse_periode(fiche.periode, peil) for fiche in fiches]
    starts = [start for start, _, _ in periodes if start]
    eindes = [einde for _, einde, _ in periodes if einde]
    open_ended = any(lopend and not einde for _, einde, lopend in periodes)
    lopenden = [lopend for _, _, lopend in periodes]
    ended = bool(lopenden) and all(lopend is False for lopend in lopenden)
    start = min(starts) if starts else None
    einde = None if open_ended or not eindes else max(eindes)
    lopend = True if any(lopenden) else False if ended else None
    gronden = {"start": _periode_grond(fiches, start, "start"), "einde": _periode_grond(fiches, einde, "einde")}
    bedrag, basis, gronden["bedrag_eur"], gronden["bedrag_basis"] = _money(fiches)
    vte, gronden["vte"] = _staff(fiches)

    derived = Afgeleid(start=start, einde=einde, lopend=lopend, bedrag_eur=bedrag, vte=vte, bedrag_basis=basis)
    derived = replace(derived, **{name: getattr(overrides, name) for name in explicit})
    gronden.update({name: OVERRIDDEN for name in explicit})
    if "lopend" not in explicit and explicit & {"start", "einde"}:
        derived = replace(derived, lopend=judge_lopend(derived.start, derived.einde, peil))
    if "lopend" not in explicit:
        gronden["lopend"] = _lopend_grond(derived, peil)
    return replace(derived, gronden=tuple((name, gronden[name]) for name in OVERRIDABLE if name in gronden))


def _periode_grond(fiches: tuple[Fiche, ...], value: str | None, which: str) -> str:
    texts = [f.periode for f in fiches if f.periode]
    if not texts:
        return "geen periode vermeld"
    quoted = " / ".join(f"'{t}'" for t in texts)
    return f"uit de periode {quoted}" if value else f"geen {which} te lezen in de periode {quoted}"


def _lopend_grond(derived: Afgeleid, peil: Peil | None) -> str:
    """Why the practice did or did not run at the facts' date (the value itself, 'liep in 2016', is shown beside it)."""
    when = f"de datum van de gegevens ({peil})" if peil else "de datum van de gegevens"
    if derived.lopend is True:
        if derived.einde:
            return f"einde {derived.einde} ligt niet vóór {when}"
        return f"een start of 'sinds'/'lopend' in de periode, en geen einde vóór {when}"
    if derived.lopend is False:
        return f"einde {derived.einde} ligt vóór {when}"
    if derived.start and peil and _before(peil.sleutel, derived.start):
        return f"start {derived.start} ligt na {when}: nog niet begonnen"
    return "niet te zeggen: de periode geeft geen start of einde dat met de datum van de gegevens te vergelijken is"


def _money(fiches: tuple[Fiche, ...]) -> tuple[int | None, str | None, str, str]:
    """(amount, basis, why the amount, why the basis), over all fiches."""
    read = [(read_bedrag(f.budget), parse_basis(f.budget)) for f in fiches if f.budget]
    found = [(amount, basis, why_amount, why_basis) for (amount, why_amount), (basis, why_basis) in read if amount is not None]
    if not found:
        why = read[0][0][1] if len(read) == 1 else "geen bedrag in de fiches"
        return None, None, why, "geen bedrag"
    if len(found) == 1:
        amount, basis, why_amount, why_basis = found[0]
        return amount, basis, why_amount, why_basis
    bases = {basis for _, basis, _, _ in found}
    if len(bases) > 1:
        return None, None, "de deelprojecten noemen bedragen voor verschillende periodes: niet op te tellen", "verschillend"
    basis = bases.pop()
    return (sum(a for a, _, _, _ in found), basis, f"de som van de bedragen van {len(found)} deelprojecten",
            found[0][3] if basis else "de teksten zeggen niet waarop de bedragen slaan")


def _staff(fiches: tuple[Fiche, ...]) -> tuple[float | None, str]:
    read = [read_vte(f.budget) for f in fiches if f.budget]
    values = [v for v, _ in read if v is not None]
    if not read:
        return None, "geen personeelsinzet vermeld"
    if len(read) == 1:
        return read[0]
    if not values:
        return None, "geen VTE in de fiches"
    return round(sum(values), 2), f"de som over {len(values)} deelprojecten"
