"""A project's inputs, loaded once: the vocabularies, the records and the book, or every problem in them."""
from __future__ import annotations

from dataclasses import dataclass

from .book import Boek, load_book
from .catalog import load_catalog
from .errors import RecordError
from .layout import ProjectLayout
from .model import Praktijk
from .vocab import Vocab, load_vocab


@dataclass
class Inputs:
    """The loaded inputs, or every problem that stops the site or the PDF."""

    vocab: Vocab
    boek: Boek | None
    records: list[Praktijk]
    errors: list[RecordError]


def load_inputs(layout: ProjectLayout) -> Inputs:
    vocab = load_vocab()
    catalog = load_catalog(layout.praktijken, vocab)
    boek, book_errors = load_book(layout.boek, layout.docs, vocab)
    return Inputs(vocab, boek, catalog.records, catalog.errors + book_errors)
