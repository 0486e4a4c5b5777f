"""The fields of a record, as data: what each key holds and whether it is required.

One table drives everything that knows the fields: the validator checks each field by its kind
(``checker.CHECKS``) and builds the model under the same names; the JSON Schema (``schema.py``)
describes each kind; ``gids nieuw`` lays the fields out in this order, with their explanation and
example; ``tests/test_contributing.py`` holds CONTRIBUTING.md's field list to this table. Adding a
field means a row here and its place in the model (``model.py``; ``tests/test_fields.py`` checks both).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .limits import TEKSTEN

# What a field holds. Each kind has one checker (checker.CHECKS) and one schema (schema._value);
# tests/test_fields.py keeps the three lists equal.
Kind = Literal[
    "text",           # one line of text
    "summary",        # text within the summary's budget
    "texts",          # a list of texts
    "text_or_texts",  # one text or a list (trekker)
    "id", "ids",      # one or more values of a closed list (vocab)
    "gemeenten",      # municipalities of the reference list
    "date", "month", "year", "int", "decimal", "bool", "basis", "url",
    "email", "phone", "website",  # a contact's means
    "contacts", "bron", "projecten",  # composites with a table of their own
]
VocabName = Literal["hoofdstukken", "themas", "doelgroepen", "provincies"]


@dataclass(frozen=True)
class FieldRule:
    """One field: what it holds, whether it is required, and how an editor is told about it.

    The validator checks it by ``kind``, the JSON Schema describes it by ``kind``, ``gids nieuw`` lays it
    out in the table's order under ``uitleg`` and ``voorbeeld``, and CONTRIBUTING.md names it.
    """

    kind: Kind
    required: bool
    uitleg: str
    onbekend_allowed: bool = False  # the source may not state it: 'onbekend'
    vocab: VocabName | None = None  # the closed list of an id or ids
    bereik: tuple[int, int] | None = None  # lowest and highest value of an int or year
    voorbeeld: str = ""  # a real value, as YAML, for the editor's help and the skeleton of `gids nieuw`
    verwacht: str = ""  # what an int or year expects, in the validator's message
    to_fill: bool = False  # optional, yet `gids nieuw` lays it out as a line to fill: most records have it
    toelichting: str = ""  # a second line of help above the field in the skeleton of `gids nieuw`


FICHE_FIELDS = ("trekker", "partners", "budget", "periode", "contact")

RECORD_FIELDS: dict[str, FieldRule] = {
    "slug": FieldRule("text", False, "de slug; moet gelijk zijn aan de bestandsnaam zonder .md"),
    "titel": FieldRule("text", True, "de titel zoals in de bron, zonder de plaats ervoor",
                       voorbeeld="toeleiders tonen de weg via de 1-loketdienst"),
    "plaats": FieldRule("text", True, "de plaats vóór de titel in de bron, bv. 'Kortrijk' of 'Regio Halle-Vilvoorde'",
                        voorbeeld="Kortrijk"),
    "gemeenten": FieldRule("gemeenten", True, "lijst van de betrokken gemeenten", voorbeeld="[Lebbeke, Dendermonde, Buggenhout]",
                           toelichting="Betreft de praktijk een hele provincie of regio, laat de lijst dan leeg en vul "
                                       "'provincies' in."),
    "provincies": FieldRule("ids", False, "provincies, als de praktijk een hele provincie of regio betreft", vocab="provincies",
                            voorbeeld="[limburg]"),
    "hoofdstuk": FieldRule("id", True, "het hoofdstuk van de gids", vocab="hoofdstukken"),
    "themas": FieldRule("ids", True, "een of meer thema's", vocab="themas"),
    "doelgroepen": FieldRule("ids", False, "de doelgroepen", vocab="doelgroepen", to_fill=True),
    "samenvatting": FieldRule("summary", True, "de inleidende alinea, hoogstens 300 tekens"),
    "trekker": FieldRule("text_or_texts", True, "de trekker zoals in de fiche van de bron", onbekend_allowed=True,
                         voorbeeld="Effect vzw"),
    "partners": FieldRule("texts", True, "de partners zoals in de fiche van de bron", onbekend_allowed=True,
                          voorbeeld="[Stad Kortrijk, Agentschap Integratie en Inburgering]"),
    "budget": FieldRule("text", True, "budget/personeelsinzet zoals in de fiche van de bron", onbekend_allowed=True,
                        voorbeeld="2 VTE en 40 000 euro per jaar"),
    "periode": FieldRule("text", True, "de periode zoals in de fiche van de bron", onbekend_allowed=True,
                         voorbeeld="Gestart op 1 december 2015."),
    "contact": FieldRule("contacts", True, "contactpersonen of -diensten", onbekend_allowed=True),
    "projecten": FieldRule("projecten", False, "deelprojecten met elk een eigen fiche (in plaats van één fiche)"),
    "bron": FieldRule("bron", True, "waar de praktijk vandaan komt: titel, jaar of datum, en pagina of webadres; "
                                    "de gegevens gelden op de datum van de bron"),
    "bevestigd": FieldRule("date", False, "datum waarop de praktijk zelf (bv. de contactpersoon) bevestigde dat de fiche "
                                          "klopt (JJJJ-MM-DD); vanaf dan gelden de gegevens op die datum, niet meer op die "
                                          "van de bron", voorbeeld="2027-03-15"),
    "laatst_gecontroleerd": FieldRule("date", True, "datum waarop een redacteur het record het laatst naast zijn bron legde "
                                                    "(JJJJ-MM-DD); zegt niet hoe actueel de gegevens zelf zijn",
                                      voorbeeld="2026-11-23"),
    "toegevoegd": FieldRule("date", False, "datum waarop de praktijk in de catalogus kwam (JJJJ-MM-DD); "
                                           "zonder dit veld geldt laatst_gecontroleerd", voorbeeld="2026-11-23", to_fill=True),
    "start": FieldRule("month", False, "overschrijft het afgeleide startjaar (JJJJ of JJJJ-MM)"),
    "einde": FieldRule("month", False, "overschrijft het afgeleide eindjaar (JJJJ of JJJJ-MM)"),
    "lopend": FieldRule("bool", False, "overschrijft of de praktijk nog loopt (true of false)"),
    "bedrag_eur": FieldRule("int", False, "overschrijft het afgeleide bedrag in euro (geheel getal)", bereik=(0, 10**9),
                            verwacht="een bedrag in euro als geheel getal, bv. 40000"),
    "bedrag_basis": FieldRule("basis", False, "overschrijft waarop het bedrag slaat: 'per jaar', 'voor 18 maanden', "
                                              "'voor 3 jaar' of 'voor het hele project'", voorbeeld="per jaar"),
    "vte": FieldRule("decimal", False, "overschrijft het afgeleide aantal voltijdse equivalenten (bv. 1.5)"),
}

CONTACT_FIELDS: dict[str, FieldRule] = {
    "naam": FieldRule("text", False, "naam van de contactpersoon", to_fill=True),
    "functie": FieldRule("text", False, "functie of rol"),
    "organisatie": FieldRule("text", False, "organisatie of dienst"),
    "email": FieldRule("email", False, "e-mailadres", to_fill=True),
    "telefoon": FieldRule("phone", False, "vast telefoonnummer (T:)", to_fill=True),
    "gsm": FieldRule("phone", False, "gsm-nummer (M:)"),
    "adres": FieldRule("text", False, "postadres"),
    "website": FieldRule("website", False, "website (https://...)"),
}
CONTACT_MEANS = ("email", "telefoon", "gsm", "adres", "website")
# A contact the source names without a way to reach them ("Kim Van Belleghem, directeur W13"): honest, and the
# page says "geen contactgegevens in de bron".
CONTACT_WHO = ("naam", "functie", "organisatie")

BRON_FIELDS: dict[str, FieldRule] = {
    "titel": FieldRule("text", True, "titel van de bron", voorbeeld="Van opvang naar samenleven"),
    # required unless 'datum' gives the day (a dated web page or news item); the validator enforces one of the two
    "jaar": FieldRule("year", False, "jaar van de bron (mag weg als 'datum' er staat)", bereik=(1900, 2100), voorbeeld="2016",
                      verwacht="een jaartal zoals 2016", to_fill=True),
    "datum": FieldRule("date", False, "datum van de bron, voor een gedateerd bericht of webpagina (JJJJ-MM-DD)",
                       voorbeeld="2023-05-12"),
    "uitgever": FieldRule("text", False, "wie de bron uitgaf, bv. de gemeente of de krant",
                          voorbeeld="Agentschap Integratie en Inburgering"),
    "pagina": FieldRule("int", False, "pagina in de gedrukte gids", bereik=(1, 9999), voorbeeld="31",
                        verwacht="een paginanummer", to_fill=True),
    "url": FieldRule("url", False, "adres van de bron op het web", voorbeeld="https://www.vvsg.be/gids"),
}

PROJECT_FIELDS: dict[str, FieldRule] = {
    "naam": FieldRule("text", True, "naam van het deelproject"),
    **{name: RECORD_FIELDS[name] for name in FICHE_FIELDS},
}

SUMMARY_MAX = TEKSTEN["samenvatting"]

# How a field is named for people (in the editor's help), where its key does not say it as such.
LABELS: dict[str, str] = {"themas": "Thema's", "gsm": "Gsm", "vte": "Voltijdse equivalenten (VTE)",
                          "bedrag_eur": "Bedrag in euro", "url": "Webadres", "email": "E-mailadres"}


def label(key: str) -> str:
    return LABELS.get(key) or key.replace("_", " ").capitalize()


# The formats of text values. The validator matches them against the stripped text; the JSON
# Schema publishes them as they are, so they stay within what ECMA-262 (editors' tools) reads too.
_PHONE_SEP = r"[ ./()-]"
PATTERNS: dict[str, str] = {
    "slug": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "month": r"^([0-9]{4})(?:-(0[1-9]|1[0-2]))?$",
    "basis": r"^(?:per jaar|voor [0-9]+ (?:maanden|jaar)|voor het hele project)$",
    "int": r"^[0-9]+$",
    "decimal": r"^[0-9]+(?:[.,][0-9]+)?$",
    "email": r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
    # international (+, 10 to 13 digits) or Belgian/Dutch national (a leading 0, 9 or 10 digits)
    "phone": rf"^(?:\+(?:{_PHONE_SEP}*[0-9]){{10,13}}{_PHONE_SEP}*|\+?{_PHONE_SEP}*0(?:{_PHONE_SEP}*[0-9]){{8,9}}{_PHONE_SEP}*)$",
    "url": r"^https?://[^\s<>\"']+$",
    # a contact's website may leave out the scheme, as the sources print it (www.eindhoven.nl)
    "website": r"^(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:[/?#][^\s<>\"']*)?$",
}

# The words a bool field accepts, in any case.
TRUE_WORDS = ("true", "ja")
FALSE_WORDS = ("false", "nee")

# The story `gids nieuw` writes; the validator refuses a record that still holds it.
VERHAAL_VOORBEELD = ("Vervang deze alinea door het verhaal van de praktijk in Markdown: de aanleiding, de aanpak en wat "
                     "het opleverde, met tussentitels (`## Aanpak`) zoals in de bron.")
