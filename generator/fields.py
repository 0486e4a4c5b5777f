"""The fields of a record, as data: what each key holds and whether it is required.

The validator enforces these rules; the editor documentation and (later) the
JSON Schema are derived from the same table.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldRule:
    kind: str  # text | texts | text_or_texts | id | ids | gemeenten | date | year | contacts | bron | projecten | ...
    required: bool
    uitleg: str
    onbekend_allowed: bool = False  # the source may not state it: 'onbekend'
    vocab: str | None = None  # name of the closed list for id/ids


FICHE_FIELDS = ("trekker", "partners", "budget", "periode", "contact")

RECORD_FIELDS: dict[str, FieldRule] = {
    "slug": FieldRule("text", False, "de slug; moet gelijk zijn aan de bestandsnaam zonder .md"),
    "titel": FieldRule("text", True, "de titel zoals in de bron, zonder de plaats ervoor"),
    "plaats": FieldRule("text", True, "de plaats vóór de titel in de bron, bv. 'Kortrijk' of 'Regio Halle-Vilvoorde'"),
    "gemeenten": FieldRule("gemeenten", True, "lijst van de betrokken gemeenten"),
    "provincies": FieldRule("ids", False, "provincies, als de praktijk een hele provincie of regio betreft", vocab="provincies"),
    "hoofdstuk": FieldRule("id", True, "het hoofdstuk van de gids", vocab="hoofdstukken"),
    "themas": FieldRule("ids", True, "een of meer thema's", vocab="themas"),
    "doelgroepen": FieldRule("ids", False, "de doelgroepen", vocab="doelgroepen"),
    "samenvatting": FieldRule("summary", True, "de inleidende alinea, hoogstens 300 tekens"),
    "trekker": FieldRule("text_or_texts", True, "de trekker zoals in de fiche van de bron", onbekend_allowed=True),
    "partners": FieldRule("texts", True, "de partners zoals in de fiche van de bron", onbekend_allowed=True),
    "budget": FieldRule("text", True, "budget/personeelsinzet zoals in de fiche van de bron", onbekend_allowed=True),
    "periode": FieldRule("text", True, "de periode zoals in de fiche van de bron", onbekend_allowed=True),
    "contact": FieldRule("contacts", True, "contactpersonen of -diensten", onbekend_allowed=True),
    "projecten": FieldRule("projecten", False, "deelprojecten met elk een eigen fiche (in plaats van één fiche)"),
    "bron": FieldRule("bron", True, "waar de praktijk vandaan komt: titel, jaar, pagina"),
    "laatst_gecontroleerd": FieldRule("date", True, "datum waarop een redacteur de fiche het laatst naliep (JJJJ-MM-DD)"),
    "toegevoegd": FieldRule("date", False, "datum waarop de praktijk in de catalogus kwam (JJJJ-MM-DD); "
                                           "zonder dit veld geldt laatst_gecontroleerd"),
    "start": FieldRule("month", False, "overschrijft het afgeleide startjaar (JJJJ of JJJJ-MM)"),
    "einde": FieldRule("month", False, "overschrijft het afgeleide eindjaar (JJJJ of JJJJ-MM)"),
    "lopend": FieldRule("bool", False, "overschrijft of de praktijk nog loopt (true of false)"),
    "bedrag_eur": FieldRule("int", False, "overschrijft het afgeleide bedrag in euro (geheel getal)"),
    "vte": FieldRule("decimal", False, "overschrijft het afgeleide aantal voltijdse equivalenten (bv. 1.5)"),
}

CONTACT_FIELDS: dict[str, str] = {
    "naam": "naam van de contactpersoon",
    "functie": "functie of rol",
    "organisatie": "organisatie of dienst",
    "email": "e-mailadres",
    "telefoon": "vast telefoonnummer (T:)",
    "gsm": "gsm-nummer (M:)",
    "adres": "postadres",
    "website": "website (https://...)",
}
CONTACT_MEANS = ("email", "telefoon", "gsm", "adres", "website")

BRON_FIELDS: dict[str, FieldRule] = {
    "titel": FieldRule("text", True, "titel van de bron"),
    "jaar": FieldRule("year", True, "jaar van de bron"),
    "pagina": FieldRule("int", False, "pagina in de gedrukte gids"),
    "url": FieldRule("url", False, "adres van de bron op het web"),
}

PROJECT_FIELDS: dict[str, FieldRule] = {
    "naam": FieldRule("text", True, "naam van het deelproject"),
    **{name: RECORD_FIELDS[name] for name in FICHE_FIELDS},
}

SUMMARY_MAX = 300
