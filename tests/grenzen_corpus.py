"""Records made to hurt: the pathological corpus of tests/test_grenzen.py, and a record at every limit.

Written as code, not as fixtures: most of them are hundreds of kilobytes. bench/bench_grenzen.py
builds the record at every limit too.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.records.limits import (
    LIJSTEN,
    TEKST_ANDERS,
    TEKSTEN,
    VERHAAL_DIEPTE,
    VERHAAL_HAKEN,
    VERHAAL_KOPPEN,
    VERHAAL_REGELS,
    VERHAAL_TABELCELLEN,
    VERHAAL_TABELREGELS,
    VERHAAL_TEKENS,
)
from generator.records.vocab import load_vocab

STORY = ("Voor mensen die nieuw zijn in de stad is het verre van evident om de weg te vinden tussen de vele "
         "wetten, rechten en plichten. Twee toeleiders in diversiteit werden aangeworven.")

# The fields of a valid record, as YAML lines; a case replaces some.
FRONT: dict[str, str] = {
    "titel": "toeleiders tonen de weg via de 1-loketdienst",
    "plaats": "Kortrijk",
    "gemeenten": "[Kortrijk]",
    "hoofdstuk": "horizontaal-integratiebeleid",
    "themas": "[onthaal, toeleiding]",
    "doelgroepen": "[nieuwkomers]",
    "samenvatting": "Toeleiders in diversiteit zorgen ervoor dat mensen van buitenlandse herkomst hun weg vinden.",
    "trekker": "Effect vzw",
    "partners": "[Stad Kortrijk, Agentschap Integratie en Inburgering]",
    "budget": "2 VTE voor de toeleiders zelf",
    "periode": "Gestart op 1 december 2015.",
    "contact": "\n  - naam: Fie Velghe\n    email: fie.velghe@integratie-inburgering.be",
    "bron": "\n  titel: Van opvang naar samenleven\n  jaar: 2016\n  pagina: 31",
    "laatst_gecontroleerd": "2026-11-23",
    "toegevoegd": "2026-11-23",
}


def record(story: str = STORY, **fields: str) -> str:
    """A record's text: FRONT with ``fields`` replaced (YAML value text), then the story."""
    front = {**FRONT, **fields}
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in front.items()) + "---\n\n" + story + "\n"


def line_of(text: str, needle: str, after: str = "\n---\n") -> int:
    """The 1-based line of the first ``needle`` after ``after`` (by default: in the story)."""
    return text.count("\n", 0, text.index(needle, text.index(after) + len(after) if after else 0)) + 1


def story_line(text: str) -> int:
    """The line of the story's first character (record() leaves a blank line above it)."""
    return text.count("\n", 0, text.index("\n---\n") + 5) + 2


@dataclass(frozen=True)
class Geval:
    """A record the check refuses: the field, a fragment of the Dutch message, and the line it is at."""

    naam: str
    tekst: str
    veld: str
    bericht: str
    regel: int


def _geval(naam: str, tekst: str, veld: str, bericht: str, regel) -> Geval:
    return Geval(naam, tekst, veld, bericht, regel(tekst) if callable(regel) else regel)


def refused() -> list[Geval]:
    """The corpus of records over the budget, each with the error it must get."""
    front_line = {key: i + 2 for i, key in enumerate(FRONT)}  # the line of each field in record()
    many_links = "[a](https://e.org) " * 10_000
    return [
        # Python-Markdown reads unclosed '[' in quadratic time: 8,000 took 16 s
        _geval("haken", record("[" * 250_000), "verhaal",
               f"bevat 250.000 keer '[' (elke link en afbeelding telt mee); de grens is {VERHAAL_HAKEN}", story_line),
        _geval("sterren", record("*" * 250_000), "verhaal", f"is 250.000 tekens lang; de grens is {VERHAAL_TEKENS:,}".replace(",", "."),
               story_line),
        _geval("citaten_10000_diep", record("> " * 10_000 + "x"), "verhaal", "nest 10.000 niveaus diep", story_line),
        _geval("lijsten_10000_diep", record("- " * 10_000 + "x"), "verhaal", "nest 10.000 niveaus diep", story_line),
        _geval("lijsten_ingesprongen", record("".join("    " * i + "- x\n" for i in range(60))), "verhaal",
               "nest 60 niveaus diep", lambda t: story_line(t) + 59),
        _geval("koppen_50000", record("#\n" * 50_000), "verhaal", f"heeft 50.000 koppen; de grens is {VERHAAL_KOPPEN}",
               lambda t: story_line(t) + VERHAAL_KOPPEN),
        _geval("nadruk_genest", record("*_" * 40_000 + "x" + "_*" * 40_000), "verhaal", "is 160.001 tekens lang",
               story_line),
        _geval("tabel_1000_regels", record("| a | b |\n|---|---|\n" + "| x | y |\n" * 1_000), "verhaal",
               f"heeft 1.002 tabelregels (regels met '|'); de grens is {VERHAAL_TABELREGELS}",
               lambda t: story_line(t) + VERHAAL_TABELREGELS),
        _geval("tabel_breed", record("|" + "x|" * 8_000 + "\n|" + "-|" * 8_000), "verhaal",
               f"tabelcellen (tekens '|'); de grens is {VERHAAL_TABELCELLEN:,}".replace(",", "."), story_line),
        _geval("links_10000", record(many_links), "verhaal", "bevat 10.000 keer '['", story_line),
        _geval("een_regel_van_1_mb", record("a" * 1_000_000), "", "bestand is", 1),
        _geval("titel_zonder_spaties", record(titel="W" * 10_000), "titel", "is 10.000 tekens lang (verwacht hoogstens 500)",
               front_line["titel"]),
        _geval("partners_100000", record(partners="[" + ",".join(["p"] * 100_000) + "]"), "partners",
               f"de lijst heeft 100.000 items; de grens is {LIJSTEN['partners'].grens}", front_line["partners"]),
        _geval("gemeenten_30000", record(gemeenten="[" + ",".join(f"g{i}" for i in range(30_000)) + "]"),
               "gemeenten", "de lijst heeft 30.000 items", front_line["gemeenten"]),
        _geval("contact_te_veel", record(contact="[" + ",".join(["{naam: x}"] * 1_000) + "]"), "contact",
               "de lijst heeft 1.000 items", front_line["contact"]),
        _geval("adres_te_lang", record(contact="\n  - naam: x\n    adres: " + "a" * 50_000), "contact[0].adres",
               f"verwacht hoogstens {TEKST_ANDERS:,}".replace(",", "."), front_line["contact"] + 2),
        # libyaml stops at 1,000 levels; below that the loader and the budget walk without recursion
        _geval("yaml_genest_20000", record(partners="[" * 20_000 + "]" * 20_000), "partners", "YAML-syntaxfout",
               front_line["partners"]),
        _geval("yaml_genest_900", record(partners="[" * 900 + "]" * 900), "partners[0]", "verwacht tekst",
               front_line["partners"]),
    ]


def at_the_limit(slug: str = "grens-op-elke-limiet") -> str:
    """One record exactly at every limit the file size leaves room for, with the hardest text there is under it."""
    vocab = load_vocab()
    belgian = sorted(g for g, info in vocab.gemeenten.items() if info.land == "België" and not info.opvolger)
    fill = TEKSTEN["partners"]

    def items(count: int, width: int) -> str:
        return "\n" + "".join(f"  - partner {i:03d} {'x' * (width - 14)}\n" for i in range(count)).rstrip("\n")

    contact = "".join(f"\n  - naam: contact {i}\n    email: c{i}@example.org" for i in range(LIJSTEN["contact"].grens - 1))
    contact += "\n  - " + "\n    ".join(f"{key}: {value}" for key, value in {
        "naam": "N" * TEKST_ANDERS, "functie": "f" * TEKST_ANDERS, "organisatie": "o" * TEKST_ANDERS,
        "adres": "a" * TEKST_ANDERS, "email": "x@example.org"}.items())
    fields = {
        "titel": "W" * TEKSTEN["titel"],  # one unbroken word: it must still wrap in the page and the PDF
        "plaats": "P" * TEKSTEN["plaats"],
        "gemeenten": "[" + ", ".join(belgian[:LIJSTEN["gemeenten"].grens]) + "]",
        "themas": "[" + ", ".join(list(vocab.themas)[:LIJSTEN["themas"].grens]) + "]",
        "doelgroepen": "[" + ", ".join(list(vocab.doelgroepen)[:LIJSTEN["doelgroepen"].grens]) + "]",
        "provincies": "[" + ", ".join(list(vocab.provincies)[:LIJSTEN["provincies"].grens]) + "]",
        "samenvatting": "s" * TEKSTEN["samenvatting"],
        "trekker": items(LIJSTEN["trekker"].grens, 60),
        "partners": items(LIJSTEN["partners"].grens - 1, 200) + f"\n  - {'p' * fill}",
        "budget": ("40 000 euro per jaar en 2 VTE, " * 200)[:TEKSTEN["budget"]],
        "periode": ("van 2015 tot 2016-2017; " * 300)[:TEKSTEN["periode"]],
        "contact": contact,
    }
    return record(story_at_the_limit(), **fields)


def story_at_the_limit() -> str:
    """A story of exactly VERHAAL_TEKENS characters with the most headings, '[', table rows and cells and the deepest
    nesting allowed, the rest one paragraph of what the search index and Markdown read slowest."""
    parts = ["## kop\n\n" * VERHAAL_KOPPEN]
    depth = "> " * (VERHAAL_DIEPTE // 2) + "- " * (VERHAAL_DIEPTE - VERHAAL_DIEPTE // 2) + "diep\n\n"
    parts.append(depth)
    cells_per_row = VERHAAL_TABELCELLEN // VERHAAL_TABELREGELS
    row = "|" + "x|" * (cells_per_row - 1) + "\n"
    header = "|" + "a|" * (cells_per_row - 1) + "\n|" + "-|" * (cells_per_row - 1) + "\n"
    parts.append(header + row * (VERHAAL_TABELREGELS - 2) + "\n")
    links = VERHAAL_HAKEN // 2
    parts.append("".join(f"[link {i}](https://example.org/{i}) " for i in range(links)) + "\n\n")
    items = VERHAAL_REGELS - sum(part.count("\n") for part in parts) - 2  # the list's blank line, the last paragraph
    parts.append("- a\n" * items + "\n")  # one list: each item makes Markdown rescan the lines after it
    parts.append("[" * (VERHAAL_HAKEN - links) + " ")  # unclosed, at the start of the paragraph that follows
    head = "".join(parts)
    rest = VERHAAL_TEKENS - len(head)
    pattern = "*_welzijns-campus*_ ](x ``a` "  # emphasis, compounds, a link target and code spans, none closed
    return head + (pattern * (rest // len(pattern) + 1))[:rest]
