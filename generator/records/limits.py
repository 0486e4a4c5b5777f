"""The budget of one record and of one page of docs/: every size a pull request could blow up, as data.

A record or page over any of these is refused by `gids check` (``budget``) before Markdown, the
search index or the PDF reads it, so that whatever passes the check builds (site and PDF) in well
under a minute. Each limit is about 10x the largest real value (measured on praktijken/ and docs/,
named in the comment), so an editor never comes near it; each comment says what grows without it.
CONTRIBUTING.md shows the same numbers to editors (tests/test_budget.py holds them equal).
"""
from __future__ import annotations

from dataclasses import dataclass

# ---- the file
BESTAND_BYTES = 256 * 1024  # largest record 6 KB; what the YAML parser and the story scans read at most

# ---- the story of a practice, and every page of docs/ (the same budget: both come from pull requests)
VERHAAL_TEKENS = 60_000  # longest story 5,138, longest docs page 16,000: every step below is linear in it
VERHAAL_KOPPEN = 200  # most 17: Python-Markdown's toc makes unique ids in quadratic time (32,000 take 43 s)
VERHAAL_REGELS = 2_000  # most 191 (docs/open-data.md): Markdown rescans a block's lines after each heading, rule or item
VERHAAL_HAKEN = 200  # '[' of links and images, most 9: each unclosed '[' makes Markdown rescan its paragraph
VERHAAL_DIEPTE = 10  # quote and list levels on one line, most 2: deep nesting recurses (RecursionError)
VERHAAL_TABELREGELS = 500  # lines with '|', most 81 (docs/open-data.md): a table's rows grow superlinearly
VERHAAL_TABELCELLEN = 5_000  # '|' characters, most 405: each is a cell Markdown, the browser and the PDF lay out


@dataclass(frozen=True)
class Lijst:
    """How many items a list field may hold, and what an editor does when there are more."""

    grens: int
    advies: str


# ---- list fields, by field name (a deelproject's partners and contact count as the record's)
LIJSTEN: dict[str, Lijst] = {
    # most 18: every partner is a line in the fiche, the PDF and the search index (100,000 made a 3.9 GB PDF)
    "partners": Lijst(200, "noem de belangrijkste en vat de rest samen, bv. 'en 40 lokale verenigingen'"),
    "trekker": Lijst(50, "noem de organisaties die de praktijk echt trekken; de andere zijn partners"),  # most 5
    "contact": Lijst(20, "houd de contacten die vragen beantwoorden, bv. één per dienst"),  # most 2
    "gemeenten": Lijst(100, "gebruik 'provincies' voor een praktijk in een hele provincie"),  # most 7
    "provincies": Lijst(30, "elke provincie hoort er één keer in"),  # a closed list of 10 (and Brussel)
    "themas": Lijst(30, "kies de thema's waar de praktijk echt over gaat"),  # most 5; a closed list
    "doelgroepen": Lijst(30, "kies de doelgroepen die de praktijk echt bereikt"),  # most 4; a closed list
    "projecten": Lijst(40, "bundel kleine deelprojecten of maak er aparte praktijken van"),  # most 4
}

# ---- text fields: characters, by field name (most: titel 118, plaats 65, a fiche text 609, any other 95)
TEKSTEN: dict[str, int] = {
    "titel": 500,  # also bron.titel: a title is one line on the card, the page, the PDF's contents
    "plaats": 500,
    "samenvatting": 300,  # most 291: the card's introduction (a rule of the guide, not a budget)
    "trekker": 5_000,  # the fiche's texts are copied from the source as they are: a paragraph at most
    "partners": 5_000,
    "budget": 5_000,
    "periode": 5_000,
}
TEKST_ANDERS = 1_000  # every other text (a contact's naam, adres, ...; the samenvatting has its own 300)
