"""Which contact data is personal, and so stays out of the bulk export (open data, linked data).

The practice pages show every contact as the guide printed it. The bulk export
(``praktijken.json``, ``praktijken.csv``) keeps only what reaches an organisation:

- ``naam`` is always a person's name (the field is "naam van de contactpersoon"): left out;
- ``gsm`` and any number that is a mobile number (Belgian 04.., +32 4..; Dutch 06.., +31 6..),
  whatever field holds it: left out;
- an e-mail address is personal when its local part (before the @) holds a token of at least
  three letters of the contact's name ("david.lowyck", "M.moen", "elmiraerstukajeva"), or,
  without a name, looks like firstname.lastname (two or more words joined by dots, none of
  them a service word such as "dienst" or "integratie"): left out. Functional mailboxes
  (info@, onderwijs@, openinlooptaal@, connect2work@) stay;
- functie, organisatie, vaste telefoon, adres and website stay: they name a role or reach a
  service, not a private person.

A contact that keeps no way of reaching anyone (only a name, a personal address and a mobile
number) keeps its functie and organisatie, and its ``website`` becomes the practice's page, which
shows the whole contact: every exported contact still says where to reach someone.

A contact's name that also appears in another text of the record (the trekker "Menno Moen,
adviseur wonen gemeente Eindhoven", a summary naming the coordinator) is replaced there by
"(naam weggelaten)". Names of people who are not contacts cannot be recognised: the bulk export
holds no story, only the summary, and the editors keep names out of summaries.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..records.model import Contact, Praktijk

# Name words too short or too common to identify a person in an address ("Van den Heuvel", "... en ...").
PARTICLES = frozenset({"van", "von", "den", "der", "de", "het", "ten", "ter", "te", "la", "le", "du", "di", "da", "en"})
# Words that make a dotted mailbox a service rather than a person ("dienst.integratie@...").
SERVICE_WORDS = frozenset({
    "info", "dienst", "integratie", "inburgering", "onthaal", "welzijn", "onderwijs", "wonen", "werk", "taal",
    "secretariaat", "administratie", "contact", "loket", "team", "stad", "gemeente", "ocmw", "cultuur", "samenleven",
    "diversiteit", "vrijwilligers", "jeugd", "sport", "communicatie", "sociale", "zaken", "beleid", "huis",
})
FIRSTNAME_LASTNAME = re.compile(r"^[a-z]+(?:\.[a-z]+)+$")
WEGGELATEN = "(naam weggelaten)"
MOBILE = re.compile(r"^(?:(?:\+|00)324[5-9]\d{7}|04[5-9]\d{7}|(?:\+|00)316\d{8}|06\d{8})$")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def name_tokens(naam: str | None) -> set[str]:
    """The words of a person's name that could appear in their address: 'Jessie Van den Heuvel' -> {jessie, heuvel}."""
    words = re.findall(r"[a-z]+", _ascii(naam or ""))
    return {w for w in words if len(w) >= 3 and w not in PARTICLES}


def is_personal_email(email: str, naam: str | None) -> bool:
    local = _ascii(email.split("@", 1)[0])
    letters = re.sub(r"[^a-z]", "", local)
    if any(token in letters for token in name_tokens(naam)):
        return True
    return bool(FIRSTNAME_LASTNAME.match(local)) and not set(local.split(".")) & SERVICE_WORDS


def is_mobile(number: str) -> bool:
    digits = re.sub(r"[^0-9+]", "", number)
    return bool(MOBILE.match(digits))


def public_contact(contact: Contact) -> Contact | None:
    """The contact without its personal data; None when nothing that reaches someone is left."""
    email = contact.email if contact.email and not is_personal_email(contact.email, contact.naam) else None
    telefoon = contact.telefoon if contact.telefoon and not is_mobile(contact.telefoon) else None
    kept = Contact(naam=None, functie=contact.functie, organisatie=contact.organisatie, email=email,
                   telefoon=telefoon, gsm=None, adres=contact.adres, website=contact.website)
    if not (kept.email or kept.telefoon or kept.adres or kept.website):
        return None
    return kept


def public_contacts(contacts: tuple[Contact, ...] | None, pagina: str) -> tuple[Contact, ...] | None:
    """The contacts fit for the bulk export (None stays None: the source names no contact).

    ``pagina`` is the practice page's URL: where a contact with nothing public left can be found.
    """
    if contacts is None:
        return None
    return tuple(public_contact(c) or Contact(functie=c.functie, organisatie=c.organisatie, website=pagina)
                 for c in contacts)


def contact_names(record: Praktijk) -> tuple[str, ...]:
    """The names of the record's contact persons, longest first (so 'Jan Van Damme' goes before 'Jan')."""
    names = {c.naam for f in record.fiches for c in f.contact or () if c.naam}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def without_names(text: str, names: tuple[str, ...]) -> str:
    for naam in names:
        text = text.replace(naam, WEGGELATEN)
    return text


def without_names_in(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """``without_names`` on every text in a JSON-like object (dicts, lists, texts)."""
    return {key: _without_names_in(value, names) for key, value in data.items()}


def _without_names_in(value: Any, names: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        return without_names(value, names)
    if isinstance(value, list):
        return [_without_names_in(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _without_names_in(v, names) for k, v in value.items()}
    return value
