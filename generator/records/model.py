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
    """Where the practice comes from.

    ```yaml
    bron: {titel: Van opvang naar samenleven, jaar: 2016, pagina: 31}
    bron:
      titel: Dendermonde, Lebbeke, Buggenhout en Hamme samen in Plan Samenleven
      uitgever: Stad Dendermonde
      datum: 2023-05-12
      url: https://www.dendermonde.be/nieuws/plan-samenleven
    ```
    ``jaar`` is always set: given, or the year of ``datum``.
    """

    titel: str
    jaar: int
    pagina: int | None = None
    url: str | None = None
    uitgever: str | None = None
    datum: date | None = None


@dataclass(frozen=True, order=True)
class Peil:
    """The moment the facts of a fiche were true: a day, or only a year when the source gives no more.

    Ordered by the latest day it can mean, so a year compares as its 31 December.
    """

    laatste_dag: date
    jaar_alleen: bool

    @classmethod
    def van_jaar(cls, jaar: int) -> Peil:
        return cls(date(jaar, 12, 31), True)

    @classmethod
    def van_dag(cls, dag: date) -> Peil:
        return cls(dag, False)

    @property
    def jaar(self) -> int:
        return self.laatste_dag.year

    @property
    def sleutel(self) -> str:
        """'2016' or '2023-05': the precision at which derived 'start'/'einde' are compared with it."""
        return f"{self.jaar}" if self.jaar_alleen else f"{self.laatste_dag:%Y-%m}"

    def __str__(self) -> str:
        return str(self.jaar) if self.jaar_alleen else self.laatste_dag.isoformat()


@dataclass(frozen=True)
class Stand:
    """When the facts of the fiche were true, and what that rests on: a confirmation, or the source's date."""

    peil: Peil
    bevestigd: bool  # True: the practice itself confirmed the facts; False: they are the source's


@dataclass(frozen=True)
class Afgeleid:
    """Facts derived from the fiche text (or set in the record where the parser is wrong).

    ``start``/``einde`` are "JJJJ" or "JJJJ-MM"; ``lopend`` says whether the practice still ran
    on the date of its facts (``Praktijk.stand``), never whether it runs today (None: unknown).
    ``bedrag_basis`` says what the amount covers ("per jaar", "voor 18 maanden", "voor het hele
    project"); None: the source does not say, so the amount is not compared with others.
    ``gronden`` tells, per fact, what it rests on, for the editor (``gids toon``, ``gids serve``).
    """

    start: str | None = None
    einde: str | None = None
    lopend: bool | None = None
    bedrag_eur: int | None = None
    vte: float | None = None
    bedrag_basis: str | None = None
    gronden: tuple[tuple[str, str], ...] = ()

    def grond(self, name: str) -> str | None:
        return dict(self.gronden).get(name)


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
    bevestigd: date | None = None  # the day the practice itself confirmed the facts; None: never
    verhaal_regel: int = 1  # the line of the file on which the story starts, for messages about its links

    @property
    def stand(self) -> Stand:
        """When the facts were true: the confirmation if there is one, else the source's date or year."""
        return stand_of(self.bron, self.bevestigd)

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


def stand_of(bron: Bron, bevestigd: date | None) -> Stand:
    if bevestigd is not None:
        return Stand(Peil.van_dag(bevestigd), bevestigd=True)
    peil = Peil.van_dag(bron.datum) if bron.datum else Peil.van_jaar(bron.jaar)
    return Stand(peil, bevestigd=False)
