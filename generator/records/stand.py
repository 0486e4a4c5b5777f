"""How a practice's facts are dated, said in Dutch: "gegevens uit de bron van 2016", "liep in 2016".

Every page, the PDF, the feed and the open data say when the facts were true, and a derived
state is always told together with that date, never as a claim about today.
"""
from __future__ import annotations

from .dates import datum
from .model import Peil, Praktijk


def peil_tekst(peil: Peil) -> str:
    """'2016' or '12 mei 2023'."""
    return str(peil.jaar) if peil.jaar_alleen else datum(peil.laatste_dag)


def op_peil(peil: Peil) -> str:
    """'in 2016' or 'op 12 mei 2023'."""
    return f"in {peil.jaar}" if peil.jaar_alleen else f"op {datum(peil.laatste_dag)}"


def gegevens(p: Praktijk) -> str:
    """What the facts rest on: 'gegevens uit de bron van 2016 (Van opvang naar samenleven, p. 31)'."""
    stand = p.stand
    if stand.bevestigd:
        return f"gegevens bevestigd door de praktijk op {datum(stand.peil.laatste_dag)}"
    return f"gegevens uit de bron van {peil_tekst(stand.peil)} ({bron_kort(p)})"


def bron_kort(p: Praktijk) -> str:
    """'Van opvang naar samenleven, p. 31' or 'Plan Samenleven van start, Stad Dendermonde'."""
    parts = [p.bron.titel]
    if p.bron.uitgever:
        parts.append(p.bron.uitgever)
    if p.bron.pagina:
        parts.append(f"p. {p.bron.pagina}")
    return ", ".join(parts)


def looptijd(p: Praktijk) -> str:
    """The derived state with its date: 'liep in 2016', 'was op 12 mei 2023 al afgelopen', 'niet af te leiden'."""
    lopend, peil = p.afgeleid.lopend, p.stand.peil
    if lopend is True:
        return f"liep {op_peil(peil)}"
    if lopend is False:
        return f"was {op_peil(peil)} al afgelopen"
    return "niet af te leiden uit de periode"


def looptijd_volledig(p: Praktijk) -> str:
    """The state and what it rests on, for a page: 'liep in 2016 (volgens de gegevens uit de bron van 2016 ...)'."""
    if p.afgeleid.lopend is None:
        return looptijd(p)
    return f"{looptijd(p)}, volgens de {gegevens(p)}; of de praktijk vandaag nog loopt, zegt de catalogus niet"
