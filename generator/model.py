"""The data model: a good practice (Praktijk) and its parts. Typed, frozen, no I/O.

``None`` in a fiche field means the source does not state it: the record says
``onbekend`` and the site says "niet vermeld".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Contact:
    """One way to reach someone about the practice.

    ```yaml
    - naam: Fie Velghe
      email: Fie.Velghe@integratie-inburgering.be
      telefoon: 056 74 21 50
    ```
    """

    naam: str | None = None
    functie: str | None = None
    organisatie: str | None = None
    email: str | None = None
    telefoon: str | None = None
    gsm: str | None = None
    adres: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Fiche:
    """The fixed fiche of a practice, or of one project of a practice (then it has a ``naam``)."""

    trekker: tuple[str, ...] | None
    partners: tuple[str, ...] | None
    budget: str | None
    periode: str | None
    contact: tuple[Contact, ...] | None
    naam: str | None = None


@dataclass(frozen=True)
class Bron:
    """Where the practice comes from: ``{titel: Van opvang naar samenleven, jaar: 2016, pagina: 31}``."""

    titel: str
    jaar: int
    pagina: int | None = None
    url: str | None = None


@dataclass(frozen=True)
class Afgeleid:
    """Facts derived from the fiche text (or set in the record where the parser is wrong).

    ``start``/``einde`` are "JJJJ" or "JJJJ-MM"; ``lopend`` says whether the practice
    still ran when the fiche was last checked (None: unknown).
    """

    start: str | None = None
    einde: str | None = None
    lopend: bool | None = None
    bedrag_eur: int | None = None
    vte: float | None = None


@dataclass(frozen=True)
class Praktijk:
    """A good practice of local integration policy: one file ``praktijken/<slug>.md``."""

    slug: str
    path: str
    titel: str
    plaats: str
    gemeenten: tuple[str, ...]
    provincies: tuple[str, ...]
    hoofdstuk: str
    themas: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    samenvatting: str
    fiches: tuple[Fiche, ...]
    bron: Bron
    laatst_gecontroleerd: date
    verhaal: str
    afgeleid: Afgeleid = field(default_factory=Afgeleid)
    toegevoegd: date | None = None  # None: the record does not say

    @property
    def in_catalogus_sinds(self) -> date:
        """When the practice joined the catalogue: its 'toegevoegd', else its last check."""
        return self.toegevoegd or self.laatst_gecontroleerd

    @property
    def volledige_titel(self) -> str:
        return f"{self.plaats}: {self.titel}"

    @property
    def url(self) -> str:
        return f"praktijken/{self.slug}/"
