"""What a page tells machines about itself: schema.org JSON-LD, Open Graph tags and its date.

A practice page is an ``Article`` (the page: a description of a good practice, part of the
catalogue, based on the guide) ``about`` a ``Project`` (the practice itself: an undertaking with
a lead organisation and partners, in some municipalities, from a start to an end). schema.org's
``Project`` is an ``Organization``: it has ``location``, ``foundingDate``/``dissolutionDate`` and
``member``; the trekker and partners are members in an ``OrganizationRole`` named after their
role. The municipalities are ``AdministrativeArea`` places with their NIS code, inside their
province. No contact persons: they stay on the page, as in the open data (see ``privacy.py``).

The JSON is made safe to sit in HTML: ``<``, ``>`` and ``&`` are written as ``\\u003c``... so
no ``</script>`` or comment can end the block early.
"""
from __future__ import annotations

import json
from datetime import date

from ..records.dates import FIRST_EDITION, newest_date, source_date
from ..records.model import Praktijk
from ..records.vocab import Vocab
from .export import CatalogMetadata
from .privacy import contact_names, without_names_in

OG_LOCALE = "nl_BE"


def place(naam: str, vocab: Vocab) -> dict:
    gemeente = vocab.gemeenten[naam]
    data: dict = {"@type": "AdministrativeArea", "name": naam}
    if gemeente.refnis:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "NIS", "value": gemeente.refnis}
    data["containedInPlace"] = {"@type": "AdministrativeArea", "name": vocab.provincies[gemeente.provincie].label}
    return data


def _organisations(names: tuple[str, ...] | None, role: str) -> list[dict]:
    return [{"@type": "OrganizationRole", "roleName": role, "member": {"@type": "Organization", "name": n}}
            for n in names or ()]


def practice_jsonld(r: Praktijk, vocab: Vocab, cat: CatalogMetadata) -> dict:
    """The page's description for machines; contact persons' names left out, as in the open data."""
    return without_names_in(_practice_jsonld(r, vocab, cat), contact_names(r))


def _practice_jsonld(r: Praktijk, vocab: Vocab, cat: CatalogMetadata) -> dict:
    url = cat.site_url + r.url
    places = [place(g, vocab) for g in r.gemeenten] + [
        {"@type": "AdministrativeArea", "name": vocab.provincies[p].label} for p in r.provincies]
    keywords = [vocab.themas[t].label for t in r.themas]
    project: dict = {"@type": "Project", "name": r.volledige_titel, "description": r.samenvatting,
                     "location": places, "keywords": keywords}
    if r.afgeleid.start:
        project["foundingDate"] = r.afgeleid.start
    if r.afgeleid.einde:
        project["dissolutionDate"] = r.afgeleid.einde
    members = [m for f in r.fiches for m in _organisations(f.trekker, "trekker") + _organisations(f.partners, "partner")]
    if members:
        project["member"] = members
    if len(r.fiches) > 1:
        project["subOrganization"] = [{"@type": "Project", "name": f.naam} for f in r.fiches if f.naam]
    bron: dict = {"@type": "CreativeWork", "name": r.bron.titel,
                  "datePublished": r.bron.datum.isoformat() if r.bron.datum else str(r.bron.jaar)}
    if r.bron.uitgever:
        bron["publisher"] = {"@type": "Organization", "name": r.bron.uitgever}
    if r.bron.url:
        bron["url"] = r.bron.url
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": url,
        "url": url,
        "headline": r.volledige_titel,
        "name": r.volledige_titel,
        "description": r.samenvatting,
        "inLanguage": "nl-BE",
        "about": project,
        "spatialCoverage": places,
        "keywords": keywords,
        "articleSection": vocab.hoofdstukken[r.hoofdstuk].label,
        "datePublished": r.in_catalogus_sinds.isoformat(),
        "dateModified": r.laatst_gecontroleerd.isoformat(),
        "isBasedOn": bron,
        "isPartOf": {"@type": "WebSite", "name": cat.titel, "url": cat.site_url},
        "publisher": {"@type": "Organization", "name": cat.uitgever},
    }


def script_json(data: dict) -> str:
    """JSON for inside <script type="application/ld+json">: nothing in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def open_graph(titel: str, beschrijving: str, url: str | None, soort: str, cat: CatalogMetadata) -> list[tuple[str, str]]:
    """(property, content) pairs of the page's Open Graph tags."""
    tags = [("og:title", titel), ("og:description", beschrijving), ("og:type", soort)]
    if url:
        tags.append(("og:url", url))
    return tags + [("og:site_name", cat.titel), ("og:locale", OG_LOCALE)]


def catalogue_date(records: list[Praktijk]) -> date:
    """The date of every page that is not a practice: SOURCE_DATE_EPOCH when set, else the newest record date.

    Never the clock: the same input gives the same sitemap.
    """
    moment = source_date()
    return moment.date() if moment is not None else newest_date(records) or FIRST_EDITION
