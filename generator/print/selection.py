"""Selection editions: which practices a ``gids pdf --thema ... --provincie ...`` edition holds.

AND across the kinds of choice, OR within one kind. Ids are checked against the closed
lists and the records; an unknown id gives a Dutch message with the valid ones.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..records.book import Boek
from ..records.facets import Facets
from ..records.model import Praktijk
from ..records.terms import match_term, suggest_terms
from ..records.vocab import Vocab
from .edition import Editie, make_edition


@dataclass(frozen=True)
class Selection:
    """What a selection edition holds: AND across the kinds, OR within one kind."""

    themas: tuple[str, ...] = ()
    hoofdstukken: tuple[str, ...] = ()
    provincies: tuple[str, ...] = ()
    praktijken: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.themas or self.hoofdstukken or self.provincies or self.praktijken)


class SelectionError(Exception):
    """A selection that names unknown ids or selects nothing; the message is Dutch and complete."""


def select(selectie: Selection, records: list[Praktijk], vocab: Vocab, facets: Facets) -> tuple[list[Praktijk], str]:
    """The selected records and the selection in words ("thema Huisvesting; provincie Antwerpen of Limburg")."""
    kinds = [
        ("thema", "--thema", "thema's", selectie.themas, {k: t.label for k, t in vocab.themas.items()}),
        ("hoofdstuk", "--hoofdstuk", "hoofdstukken", selectie.hoofdstukken, {k: t.label for k, t in vocab.hoofdstukken.items()}),
        ("provincie", "--provincie", "provincies", selectie.provincies, {k: t.label for k, t in vocab.provincies.items()}),
        ("praktijk", "--praktijk", "praktijken", selectie.praktijken, {r.slug: r.volledige_titel for r in records}),
    ]
    problems, chosen, words = [], [], []
    for key, option, plural, asked, known in kinds:
        if not asked:
            continue
        ids = []
        for value in asked:
            found = match_term(value, known)
            if found is None:
                problems.append(f"{option}: onbekende waarde '{value}'{suggest_terms(value, known)}")
            elif found not in ids:
                ids.append(found)
        chosen.append((key, set(ids)))
        if key == "praktijk":
            words.append(f"{len(ids)} gekozen {'praktijk' if len(ids) == 1 else 'praktijken'}")
        else:
            words.append(f"{key if len(ids) == 1 else plural} {' of '.join(known[i] for i in ids)}")
    if problems:
        raise SelectionError("\n".join(problems))

    def fits(record: Praktijk) -> bool:
        values = facets.values[record.slug]
        return all((record.slug in ids) if key == "praktijk" else bool(ids & set(values[key])) for key, ids in chosen)

    selected = [r for r in records if fits(r)]
    beschrijving = "; ".join(words)
    if not selected:
        raise SelectionError(f"geen enkele praktijk past bij deze keuze ({beschrijving}); "
                           "verschillende soorten keuzes moeten allemaal kloppen, binnen één soort volstaat er één")
    return selected, beschrijving


def edition_for(boek: Boek, records: list[Praktijk], vocab: Vocab, selectie: Selection | None = None,
                titel: str | None = None) -> Editie:
    """The whole guide, or the selection (raises SelectionError)."""
    if not selectie:
        return make_edition(boek, records, titel=titel)
    chosen, beschrijving = select(selectie, records, vocab, Facets(records, vocab))
    return make_edition(boek, chosen, titel=titel, selectie=f"Selectie: {beschrijving}")
