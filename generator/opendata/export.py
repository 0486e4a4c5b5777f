"""The catalogue as open data: ``open-data/praktijken.json`` and ``open-data/praktijken.csv``.

``praktijken.json``::

    {"titel": ..., "licentie": {...}, "bijgewerkt": "2026-11-23", "schema": "praktijk.schema.json",
     "lijsten": {"hoofdstukken": {id: label}, "themas": ..., "doelgroepen": ..., "provincies": ...},
     "praktijken": [{"slug": ..., "url": <page>, "bestand": "praktijken/<slug>.md",
                     "record": {<the front matter, same keys and shape, without personal data>},
                     "afgeleid": {<facts computed from the record>},
                     "persoonsgegevens_weggelaten": true|false}]}

``record`` is the validated record written back in its canonical front-matter shape: a fiche
value the source does not state is ``"onbekend"``, ``trekker`` is always a list, dates are
``JJJJ-MM-DD``. Overrides of derived facts (``start``, ``einde``, ...) are not repeated there:
``afgeleid`` holds the facts in force, computed or overridden.

``praktijken.csv``: one row per practice, the columns of ``CSV_COLUMNS``; UTF-8 with BOM,
``;`` between columns, RFC 4180 quoting, CRLF line ends; lists in one cell joined by " | ";
decimals with a comma. That is what Excel and LibreOffice in a Dutch (Belgian) locale expect
when a file is opened by double-clicking: their list separator is ``;`` because ``,`` is the
decimal separator.

Neither file holds the story (``verhaal``, the guide's text: it is on the pages) nor personal
contact data (see ``privacy.py``). Output is deterministic: no clock, sorted keys.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..records.dates import newest_date
from ..records.facets import Facets
from ..records.fields import CONTACT_FIELDS
from ..records.model import ONBEKEND, Contact, Fiche, Praktijk
from ..records.vocab import Vocab
from .privacy import (
    contact_names,
    public_contact,
    public_contacts,
    without_names,
    without_names_in,
)

FOLDER = "open-data"
JSON_NAME = "praktijken.json"
CSV_NAME = "praktijken.csv"
SCHEMA_NAME = "praktijk.schema.json"  # published by the record schema's own module
LIJST_SCHEIDING = " | "
CSV_SCHEIDING = ";"
LICENTIE = {
    "naam": "Creative Commons Naamsvermelding 4.0 Internationaal (CC BY 4.0)",
    "id": "CC-BY-4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
}
# What a spreadsheet would read as a formula: such a cell gets a leading apostrophe (OWASP advice).
FORMULE_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CatalogMetadata:
    """What the open data files describe themselves with (from mkdocs.yml)."""

    titel: str
    beschrijving: str
    uitgever: str
    site_url: str  # absolute, ends with "/"


# ---------------------------------------------------------------- the record, in front-matter shape

def _fiche_value(value: str | tuple[str, ...] | None) -> str | list[str]:
    return ONBEKEND if value is None else (list(value) if isinstance(value, tuple) else value)


def contact_data(contact: Contact) -> dict[str, str]:
    return {name: getattr(contact, name) for name in CONTACT_FIELDS if getattr(contact, name)}


def fiche_data(fiche: Fiche, pagina: str) -> dict:
    contacts = public_contacts(fiche.contact, pagina)
    return {
        "trekker": _fiche_value(fiche.trekker),
        "partners": _fiche_value(fiche.partners),
        "budget": _fiche_value(fiche.budget),
        "periode": _fiche_value(fiche.periode),
        "contact": ONBEKEND if contacts is None else [contact_data(c) for c in contacts],
    }


def record_data(r: Praktijk, pagina: str) -> dict:
    """The record's front matter as the editors wrote it (canonical shape), without personal data.

    ``pagina``: the URL of the practice's page, where the full contacts are.
    """
    return without_names_in(_record_data(r, pagina), contact_names(r))


def _record_data(r: Praktijk, pagina: str) -> dict:
    data: dict = {"titel": r.titel, "plaats": r.plaats, "gemeenten": list(r.gemeenten)}
    if r.provincies:
        data["provincies"] = list(r.provincies)
    data |= {"hoofdstuk": r.hoofdstuk, "themas": list(r.themas)}
    if r.doelgroepen:
        data["doelgroepen"] = list(r.doelgroepen)
    data["samenvatting"] = r.samenvatting
    if len(r.fiches) == 1 and r.fiches[0].naam is None:
        data |= fiche_data(r.fiches[0], pagina)
    else:
        data["projecten"] = [{"naam": f.naam, **fiche_data(f, pagina)} for f in r.fiches]
    data["bron"] = {k: v for k, v in (("titel", r.bron.titel), ("jaar", r.bron.jaar), ("datum", _iso(r.bron.datum)),
                                      ("uitgever", r.bron.uitgever), ("pagina", r.bron.pagina), ("url", r.bron.url))
                    if v is not None}
    if r.bevestigd:
        data["bevestigd"] = r.bevestigd.isoformat()
    data["laatst_gecontroleerd"] = r.laatst_gecontroleerd.isoformat()
    if r.toegevoegd:
        data["toegevoegd"] = r.toegevoegd.isoformat()
    return data


def derived_data(r: Praktijk, facets: Facets, vocab: Vocab) -> dict:
    a = r.afgeleid
    return {
        # the date the facts were true, and every derived state judged on it (never on today)
        "gegevens_van": str(r.stand.peil), "gegevens_bevestigd": r.stand.bevestigd,
        "start": a.start, "einde": a.einde, "lopend": a.lopend, "lopend_op": str(r.stand.peil),
        "bedrag_eur": a.bedrag_eur, "bedrag_basis": a.bedrag_basis, "vte": a.vte,
        "provincies": facets.provincies(r),
        "landen": facets.values[r.slug]["land"],
        "gemeenten": [{"naam": g, "nis": vocab.gemeenten[g].refnis, "opvolger": vocab.gemeenten[g].opvolger,
                       "provincie": vocab.gemeenten[g].provincie} for g in r.gemeenten],
        "in_catalogus_sinds": r.in_catalogus_sinds.isoformat(),
    }


def has_personal_data(r: Praktijk) -> bool:
    """Whether the export leaves something out: every contact name is personal, so any name counts."""
    return any(c.naam or c.gsm or public_contact(c) != c for f in r.fiches for c in f.contact or ())


def catalogue_json(records: list[Praktijk], facets: Facets, vocab: Vocab, cat: CatalogMetadata) -> dict:
    return {
        "titel": cat.titel,
        "beschrijving": cat.beschrijving,
        "uitgever": cat.uitgever,
        "url": f"{cat.site_url}{FOLDER}/",
        "licentie": LICENTIE,
        "bijgewerkt": newest.isoformat() if (newest := newest_date(records)) else None,
        "schema": SCHEMA_NAME,
        "weggelaten": "namen, persoonlijke e-mailadressen en gsm-nummers van contactpersonen (zie de pagina van de praktijk)",
        "lijsten": {
            "hoofdstukken": {k: t.label for k, t in vocab.hoofdstukken.items()},
            "themas": {k: t.label for k, t in vocab.themas.items()},
            "doelgroepen": {k: t.label for k, t in vocab.doelgroepen.items()},
            "provincies": {k: t.label for k, t in vocab.provincies.items()},
        },
        "praktijken": [
            {"slug": r.slug, "url": f"{cat.site_url}{r.url}", "bestand": f"praktijken/{r.slug}.md",
             "record": record_data(r, f"{cat.site_url}{r.url}"), "afgeleid": derived_data(r, facets, vocab),
             "persoonsgegevens_weggelaten": has_personal_data(r)}
            for r in records
        ],
    }


# ---------------------------------------------------------------- the CSV

def _join(values: Iterable[str]) -> str:
    return LIJST_SCHEIDING.join(values)


def _per_fiche(r: Praktijk, get: Callable[[Fiche], Sequence[str] | None]) -> str:
    """A fiche value over the practice's fiches; with projects every value names its project ("Taalcoach: ...")."""
    if len(r.fiches) == 1 and r.fiches[0].naam is None:
        values = get(r.fiches[0])
        return ONBEKEND if values is None else _join(values)
    return _join(f"{f.naam}: {v}" for f in r.fiches for v in (get(f) or [ONBEKEND]))


def _text(value: str | None) -> list[str] | None:
    return None if value is None else [value]


def contact_line(c: Contact) -> str:
    """One public contact: its fields in the fiche's order, joined by ', '."""
    return ", ".join(contact_data(c).values())


def _contacts(f: Fiche, pagina: str) -> list[str] | None:
    contacts = public_contacts(f.contact, pagina)
    return None if contacts is None else [contact_line(c) for c in contacts]


def _decimal(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def _bool(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nee")


@dataclass(frozen=True)
class Kolom:
    naam: str
    uitleg: str
    waarde: Callable[[Praktijk, Omgeving], str]


@dataclass(frozen=True)
class Omgeving:
    """What a column may need besides the record."""

    cat: CatalogMetadata
    facets: Facets


CSV_COLUMNS: tuple[Kolom, ...] = (
    Kolom("slug", "de naam van het bestand en het webadres van de praktijk", lambda r, c: r.slug),
    Kolom("url", "het webadres van de pagina van de praktijk", lambda r, c: f"{c.cat.site_url}{r.url}"),
    Kolom("titel", "de titel zoals in de bron, zonder plaats", lambda r, c: r.titel),
    Kolom("plaats", "de plaats vóór de titel in de bron", lambda r, c: r.plaats),
    Kolom("gemeenten", "de betrokken gemeenten (lijst)", lambda r, c: _join(r.gemeenten)),
    Kolom("provincies", "de provincies (id's, lijst): van de gemeenten en de uitdrukkelijk vermelde",
          lambda r, c: _join(c.facets.provincies(r))),
    Kolom("hoofdstuk", "het hoofdstuk van de gids (id)", lambda r, c: r.hoofdstuk),
    Kolom("themas", "de thema's (id's, lijst)", lambda r, c: _join(r.themas)),
    Kolom("doelgroepen", "de doelgroepen (id's, lijst)", lambda r, c: _join(r.doelgroepen)),
    Kolom("samenvatting", "de inleidende alinea", lambda r, c: r.samenvatting),
    Kolom("projecten", "de namen van de deelprojecten, als de praktijk er heeft (lijst)",
          lambda r, c: _join(f.naam for f in r.fiches if f.naam)),
    Kolom("trekker", "de trekker(s) zoals in de fiche (lijst)", lambda r, c: _per_fiche(r, lambda f: f.trekker)),
    Kolom("partners", "de partners zoals in de fiche (lijst)", lambda r, c: _per_fiche(r, lambda f: f.partners)),
    Kolom("budget", "budget en personeelsinzet zoals in de fiche", lambda r, c: _per_fiche(r, lambda f: _text(f.budget))),
    Kolom("periode", "de periode zoals in de fiche", lambda r, c: _per_fiche(r, lambda f: _text(f.periode))),
    Kolom("contact", "de contacten zonder persoonsgegevens (lijst); per contact functie, organisatie, e-mail, "
                     "telefoon, adres en website voor zover bekend, gescheiden door komma's",
          lambda r, c: _per_fiche(r, lambda f: _contacts(f, f"{c.cat.site_url}{r.url}"))),
    Kolom("bron_titel", "de titel van de bron", lambda r, c: r.bron.titel),
    Kolom("bron_jaar", "het jaar van de bron", lambda r, c: str(r.bron.jaar)),
    Kolom("bron_datum", "de datum van de bron, als ze die geeft (JJJJ-MM-DD)", lambda r, c: _iso(r.bron.datum) or ""),
    Kolom("bron_uitgever", "wie de bron uitgaf", lambda r, c: r.bron.uitgever or ""),
    Kolom("bron_pagina", "de pagina in de gedrukte gids", lambda r, c: str(r.bron.pagina or "")),
    Kolom("bron_url", "het webadres van de bron", lambda r, c: r.bron.url or ""),
    Kolom("gegevens_van", "wanneer de gegevens golden: de dag waarop de praktijk ze bevestigde, anders de datum of "
                          "het jaar van de bron (JJJJ-MM-DD of JJJJ)", lambda r, c: str(r.stand.peil)),
    Kolom("bevestigd", "de dag waarop de praktijk de gegevens bevestigde (JJJJ-MM-DD; leeg: nooit nagevraagd)",
          lambda r, c: _iso(r.bevestigd) or ""),
    Kolom("laatst_gecontroleerd", "de datum waarop een redacteur het record het laatst naast zijn bron legde (JJJJ-MM-DD); "
                                  "zegt niet hoe actueel de gegevens zijn",
          lambda r, c: r.laatst_gecontroleerd.isoformat()),
    Kolom("toegevoegd", "de datum waarop de praktijk in de catalogus kwam (JJJJ-MM-DD)",
          lambda r, c: r.in_catalogus_sinds.isoformat()),
    Kolom("start", "afgeleid: het begin (JJJJ of JJJJ-MM)", lambda r, c: r.afgeleid.start or ""),
    Kolom("einde", "afgeleid: het einde (JJJJ of JJJJ-MM)", lambda r, c: r.afgeleid.einde or ""),
    Kolom("lopend", "afgeleid: liep de praktijk nog op de datum in gegevens_van (ja, nee of leeg: onbekend); "
                    "zegt niets over vandaag",
          lambda r, c: _bool(r.afgeleid.lopend)),
    Kolom("bedrag_eur", "afgeleid: het bedrag in euro (geheel getal); leeg bij een vork of zonder bedrag",
          lambda r, c: "" if r.afgeleid.bedrag_eur is None else str(r.afgeleid.bedrag_eur)),
    Kolom("bedrag_basis", "afgeleid: waarop het bedrag slaat ('per jaar', 'voor 18 maanden', ...; leeg: niet vermeld)",
          lambda r, c: r.afgeleid.bedrag_basis or ""),
    Kolom("vte", "afgeleid: het aantal voltijdse equivalenten (decimale komma)", lambda r, c: _decimal(r.afgeleid.vte)),
)

def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _cell(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULE_START) else value


def catalogue_csv(records: list[Praktijk], facets: Facets, cat: CatalogMetadata) -> bytes:
    omgeving = Omgeving(cat, facets)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=CSV_SCHEIDING, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([k.naam for k in CSV_COLUMNS])
    for r in records:
        names = contact_names(r)
        writer.writerow([_cell(without_names(k.waarde(r, omgeving), names)) for k in CSV_COLUMNS])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def open_data_files(records: list[Praktijk], facets: Facets, vocab: Vocab, cat: CatalogMetadata) -> dict[str, bytes]:
    """{path under the site: bytes} of the open data files."""
    data = catalogue_json(records, facets, vocab, cat)
    return {
        f"{FOLDER}/{JSON_NAME}": (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8"),
        f"{FOLDER}/{CSV_NAME}": catalogue_csv(records, facets, cat),
    }
