"""The guide's structure (boek.yml): parts, chapters, framing and narrative pages, in order.

One definition drives the site's navigation and the print edition's order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .budget import docs_errors
from .errors import RecordError, display_path
from .loader import load_config_yaml
from .model import Praktijk
from .vocab import Term, Vocab

HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Pagina:
    """A hand-written page under docs/, with the title of its first heading."""

    src: str  # path relative to docs/, e.g. gids/voorwoord.md
    titel: str
    inleiding: str = ""  # the first paragraph, shown where the page is introduced


@dataclass(frozen=True)
class Hoofdstuk:
    term: Term
    situering: tuple[Pagina, ...]

    @property
    def id(self) -> str:
        return self.term.id

    @property
    def src(self) -> str:
        return f"hoofdstukken/{self.term.id}/index.md"


@dataclass(frozen=True)
class Deel:
    term: Term
    hoofdstukken: tuple[Hoofdstuk, ...]


@dataclass(frozen=True)
class Boek:
    titel: str
    ondertitel: str
    onderdelen: tuple[Pagina | Deel, ...]

    @property
    def hoofdstukken(self) -> list[Hoofdstuk]:
        return [h for part in self.onderdelen if isinstance(part, Deel) for h in part.hoofdstukken]


def load_book(path: Path, docs_dir: Path, vocab: Vocab) -> tuple[Boek | None, list[RecordError]]:
    """Read boek.yml; every reference (chapter id, page file) must exist."""
    shown = display_path(path)
    errors: list[RecordError] = []
    try:
        raw = load_config_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return None, [RecordError(shown, 1, 1, "", f"boekdefinitie kan niet gelezen worden ({exc})")]

    def page(src: str, where: str) -> Pagina | None:
        file = docs_dir / src
        if not file.is_file():
            errors.append(RecordError(shown, 1, 1, where, f"pagina '{src}' bestaat niet in {display_path(docs_dir)}"))
            return None
        text = file.read_text(encoding="utf-8")
        match = HEADING.search(text)
        return Pagina(src, match.group(1) if match else Path(src).stem, _first_paragraph(text))

    parts: list[Pagina | Deel] = []
    for i, part in enumerate(raw.get("onderdelen", [])):
        where = f"onderdelen[{i}]"
        if "pagina" in part:
            if found := page(part["pagina"], f"{where}.pagina"):
                parts.append(found)
        elif part.get("deel") in vocab.delen:
            chapters = []
            for j, ch in enumerate(part.get("hoofdstukken", [])):
                if ch.get("id") not in vocab.hoofdstukken:
                    errors.append(RecordError(shown, 1, 1, f"{where}.hoofdstukken[{j}]", f"onbekend hoofdstuk '{ch.get('id')}'"))
                    continue
                framing = [page(src, f"{where}.hoofdstukken[{j}].situering") for src in ch.get("situering", [])]
                chapters.append(Hoofdstuk(vocab.hoofdstukken[ch["id"]], tuple(p for p in framing if p)))
            parts.append(Deel(vocab.delen[part["deel"]], tuple(chapters)))
        else:
            errors.append(RecordError(shown, 1, 1, where, "verwacht 'pagina: ...' of 'deel: ...' met een bekend deel"))
    boek = Boek(raw.get("titel", ""), raw.get("ondertitel", ""), tuple(parts))
    errors += docs_errors(docs_dir)  # every page of docs/ is rendered, in the book or not
    missing = set(vocab.hoofdstukken) - {h.id for h in boek.hoofdstukken}
    for chapter in sorted(missing):
        errors.append(RecordError(shown, 1, 1, "onderdelen", f"hoofdstuk '{chapter}' staat niet in het boek"))
    return boek, errors


def _first_paragraph(markdown: str) -> str:
    """The first plain paragraph of a page (not a heading, list, quote or front matter), as text."""
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", ">", "|", "---", "!", "1.")):
            return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", block))
    return ""


def guide_order(records: list[Praktijk]) -> list[Praktijk]:
    """The printed guide's order within a chapter: its page number first, other sources after, by place."""
    return sorted(records, key=lambda r: (r.bron.pagina is None, r.bron.pagina or 0, r.plaats.lower(), r.titel.lower()))
