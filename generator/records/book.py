"""The guide's structure (boek.yml): parts, chapters, framing and narrative pages, in order.

One definition drives the site's navigation and the print edition's order.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TypeGuard

from .budget import docs_errors
from .checker import KIND_NAMES, N
from .errors import RecordError, display_path
from .loader import Mapping, Node, Scalar, Sequence, parse_yaml
from .model import Praktijk
from .suggestions import unknown_key_message, unknown_value_message
from .symlinks import message as symlink_message
from .symlinks import symlink_errors
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


BOOK_FIELDS = ("titel", "ondertitel", "onderdelen")
PART_FIELDS = ("pagina", "deel", "hoofdstukken")
CHAPTER_FIELDS = ("id", "situering")
VOORBEELD = "gids/voorwoord.md"


def load_book(path: Path, docs_dir: Path, vocab: Vocab) -> tuple[Boek | None, list[RecordError]]:
    """Read boek.yml: every problem at its line and column, the book only when there is none.

    The book names pages, so it decides what files reach the site and the PDF: only Markdown pages inside
    ``docs_dir``, written relative to it, never through '..', an absolute path or a symbolic link.
    Any symbolic link in ``docs_dir`` is refused as well (MkDocs would publish what it points at).
    """
    shown = display_path(path)
    errors = symlink_errors(docs_dir) + docs_errors(docs_dir)  # every page of docs/ is rendered, in the book or not
    if path.is_symlink():
        return None, [RecordError(shown, 1, 1, "", symlink_message(path)), *errors]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [RecordError(shown, 1, 1, "", f"boekdefinitie kan niet gelezen worden ({exc.strerror or exc})"), *errors]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [RecordError(shown, line, column, "", f"bestand is geen geldige UTF-8 (byte 0x{data[exc.start]:02x}); "
                                                           "sla het op als UTF-8"), *errors]
    parsed = parse_yaml(shown, text, 0, errors, "boek.yml")
    checker = _BookChecker(shown, docs_dir, vocab, errors)
    boek = checker.book(parsed.root, readable=parsed.readable, skipped=parsed.skipped)
    return (boek if not errors else None), sorted(errors)


class _BookChecker:
    """Walks boek.yml's nodes like the record validator walks a front matter: collect every problem, stop at none."""

    def __init__(self, path: str, docs_dir: Path, vocab: Vocab, errors: list[RecordError]) -> None:
        self.path, self.docs_dir, self.vocab, self.errors = path, docs_dir, vocab, errors
        self.seen: dict[tuple[str, str], tuple[int, int]] = {}  # (kind, id or page) -> where it is first named

    def err(self, node: Node, fld: str, message: str) -> None:
        self.errors.append(RecordError(self.path, node.line, node.column, fld, message))

    def expect(self, node: Node, fld: str, kind: type[N], what: str) -> TypeGuard[N]:
        if isinstance(node, kind):
            return True
        got = f"tekst '{node.text}'" if isinstance(node, Scalar) and not node.is_empty else KIND_NAMES[type(node)]
        self.err(node, fld, f"verwacht {what}, kreeg {got}")
        return False

    def text(self, node: Node, fld: str, what: str) -> str | None:
        if not self.expect(node, fld, Scalar, what):
            return None
        if node.is_empty:
            self.err(node, fld, f"is leeg (verwacht {what})")
            return None
        return node.text.strip()

    def fields(self, mapping: Mapping, allowed: tuple[str, ...], where: str) -> tuple[dict[str, tuple[Scalar, Node]], set[str]]:
        """The allowed keys present, and the keys that unknown ones resemble (a typo: one message, not also 'missing')."""
        present: dict[str, tuple[Scalar, Node]] = {}
        meant: set[str] = set()
        for key, entry in mapping.entries.items():
            if key in allowed:
                present[key] = entry
            else:
                self.err(entry[0], f"{where}.{key}".lstrip("."), unknown_key_message(key, allowed))
                meant.update(difflib.get_close_matches(key.lower(), allowed, n=1, cutoff=0.6))
        return present, meant

    def once(self, kind: str, value: str, node: Node, fld: str, what: str) -> bool:
        """A page, part or chapter appears once in the book (its anchor in the PDF must be unique)."""
        first = self.seen.setdefault((kind, value), (node.line, node.column))
        if first != (node.line, node.column):
            self.err(node, fld, f"{what} '{value}' staat al in het boek (op regel {first[0]}); laat er één staan")
            return False
        return True

    # --- the book -------------------------------------------------------

    def book(self, root: Node | None, readable: bool, skipped: set[str]) -> Boek | None:
        """``skipped``: top-level keys set aside after a YAML syntax error (already reported, not 'missing')."""
        if root is None:
            if readable and not skipped:
                self.errors.append(RecordError(self.path, 1, 1, "", "boek.yml is leeg: verwacht de velden titel, ondertitel "
                                                                    "en onderdelen (de pagina's en delen van de gids)"))
            return None
        if not self.expect(root, "", Mapping, "de velden titel, ondertitel en onderdelen (regels 'naam: waarde')"):
            return None
        present, meant = self.fields(root, BOOK_FIELDS, "")
        for key in ("titel", "onderdelen"):
            if key not in present and key not in meant | skipped:
                self.err(root, key, f"verplicht veld ontbreekt; voeg '{key}:' toe" + (
                    " met de pagina's en delen van de gids, elk op een regel '- pagina: ...' of '- deel: ...'"
                    if key == "onderdelen" else ""))
        titel = self.text(present["titel"][1], "titel", "de titel van de gids") if "titel" in present else None
        ondertitel = (self.text(present["ondertitel"][1], "ondertitel", "de ondertitel van de gids")
                      if "ondertitel" in present else "")
        parts = self.parts(present["onderdelen"]) if "onderdelen" in present else []
        if titel is None or ondertitel is None or skipped:
            return None
        return Boek(titel, ondertitel, tuple(parts))

    def parts(self, entry: tuple[Scalar, Node]) -> list[Pagina | Deel]:
        key, node = entry
        if not self.expect(node, "onderdelen", Sequence, "een lijst van onderdelen (regels '- pagina: ...' of '- deel: ...')"):
            return []
        if not node.items:
            self.err(node, "onderdelen", "is een lege lijst (verwacht de pagina's en delen van de gids)")
        parts: list[Pagina | Deel] = []
        for i, item in enumerate(node.items):
            if found := self.part(item, f"onderdelen[{i}]"):
                parts.append(found)
        listed = {value for kind, value in self.seen if kind == "hoofdstuk"}  # also those of a part with errors
        missing: dict[str, list[str]] = {}
        for chapter in self.vocab.hoofdstukken.values():
            if chapter.id not in listed:
                missing.setdefault(chapter.deel or "", []).append(chapter.id)
        for deel, ids in missing.items():
            names = ", ".join(f"'{i}'" for i in ids)
            which = f"hoofdstuk {names} staat" if len(ids) == 1 else f"hoofdstukken {names} staan"
            under = f"de hoofdstukken van deel '{deel}'" if deel else "de hoofdstukken van zijn deel"
            self.err(key, "onderdelen", f"{which} niet in het boek; voeg elk toe als '- id: ...' onder {under}")
        return parts

    def part(self, node: Node, where: str) -> Pagina | Deel | None:
        what = "een onderdeel: 'pagina: gids/x.md' of 'deel: ...' met zijn hoofdstukken"
        if not self.expect(node, where, Mapping, what):
            return None
        keys = node.entries
        if "pagina" in keys and ("deel" in keys or "hoofdstukken" in keys):
            self.err(node, where, "een onderdeel is ofwel een pagina ('pagina: ...') ofwel een deel ('deel: ...' met "
                                  "'hoofdstukken:'), niet allebei; maak er twee onderdelen van")
            return None
        if "pagina" in keys:
            present, _ = self.fields(node, ("pagina",), where)
            return self.page(present["pagina"][1], f"{where}.pagina")
        if "deel" in keys or "hoofdstukken" in keys:
            return self.deel(node, where)
        if not self.fields(node, PART_FIELDS, where)[1]:
            self.err(node, where, f"verwacht {what}")
        return None

    def deel(self, node: Mapping, where: str) -> Deel | None:
        present, meant = self.fields(node, ("deel", "hoofdstukken"), where)
        term = None
        if "deel" in present:
            term = self.term(present["deel"][1], f"{where}.deel", self.vocab.delen, "deel")
        elif "deel" not in meant:
            self.err(node, f"{where}.deel", f"verplicht veld ontbreekt: welk deel (een van: {', '.join(self.vocab.delen)})")
        if "hoofdstukken" not in present:
            if "hoofdstukken" not in meant:
                self.err(node, f"{where}.hoofdstukken", "verplicht veld ontbreekt: de hoofdstukken van dit deel, elk "
                                                       "op een regel '- id: ...'")
            return None
        chapters_node = present["hoofdstukken"][1]
        fld = f"{where}.hoofdstukken"
        if not self.expect(chapters_node, fld, Sequence, "een lijst van hoofdstukken (regels '- id: ...')"):
            return None
        if not chapters_node.items:
            self.err(chapters_node, fld, "is een lege lijst (verwacht minstens één hoofdstuk, '- id: ...')")
        chapters = [self.chapter(item, f"{fld}[{j}]") for j, item in enumerate(chapters_node.items)]
        if term is None or None in chapters:
            return None
        return Deel(term, tuple(c for c in chapters if c is not None))

    def chapter(self, node: Node, where: str) -> Hoofdstuk | None:
        if not self.expect(node, where, Mapping, "een hoofdstuk: 'id: ...' en eventueel 'situering: [gids/x.md]'"):
            return None
        present, meant = self.fields(node, CHAPTER_FIELDS, where)
        term = None
        if "id" in present:
            term = self.term(present["id"][1], f"{where}.id", self.vocab.hoofdstukken, "hoofdstuk")
        elif "id" not in meant:
            self.err(node, f"{where}.id",
                     f"verplicht veld ontbreekt: welk hoofdstuk (een van: {', '.join(self.vocab.hoofdstukken)})")
        framing: list[Pagina | None] = []
        if "situering" in present:
            fld = f"{where}.situering"
            node = present["situering"][1]
            if self.expect(node, fld, Sequence, f"een lijst van pagina's, bv. [{VOORBEELD}]"):
                framing = [self.page(item, f"{fld}[{k}]") for k, item in enumerate(node.items)]
        if term is None or None in framing:
            return None
        return Hoofdstuk(term, tuple(p for p in framing if p is not None))

    def term(self, node: Node, fld: str, terms: dict[str, Term], kind: str) -> Term | None:
        """A part or chapter by its id from the closed lists, named once in the book."""
        value = self.text(node, fld, f"de id van een {kind}")
        if value is None:
            return None
        if value not in terms:
            self.err(node, fld, unknown_value_message(value, list(terms)))
            return None
        return terms[value] if self.once(kind, value, node, fld, kind) else None

    # --- pages ----------------------------------------------------------

    def page(self, node: Node, fld: str) -> Pagina | None:
        src = self.text(node, fld, f"het pad van een pagina in docs/, bv. {VOORBEELD}")
        if src is None:
            return None
        problem = page_problem(src, self.docs_dir)
        if problem:
            self.err(node, fld, problem)
            return None
        src = PurePosixPath(src).as_posix()
        if not self.once("pagina", src, node, fld, "pagina"):
            return None
        try:
            text = (self.docs_dir / src).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            why = "is geen geldige UTF-8; sla ze op als UTF-8" if isinstance(exc, UnicodeDecodeError) else \
                f"kan niet gelezen worden ({exc.strerror or exc})"
            self.err(node, fld, f"pagina '{src}' {why}")
            return None
        match = HEADING.search(text)
        return Pagina(src, match.group(1) if match else Path(src).stem, _first_paragraph(text))


def page_problem(src: str, docs_dir: Path) -> str | None:
    """Why ``src`` (as written in boek.yml) cannot be a page of the guide, or None.

    Decided on the path as written and on the files as they are: no part of it may be a symbolic link,
    so what is read is always a file inside ``docs_dir``.
    """
    docs = f"{docs_dir.name}/"  # as the editor knows it, wherever the project is
    pure = PurePosixPath(src)
    voorbeeld = f"schrijf het pad ten opzichte van {docs}, bv. {VOORBEELD}"
    if pure.is_absolute() or src.startswith("~") or "\\" in src or ":" in src:
        return f"'{src}' is geen pad binnen {docs}: de gids neemt alleen pagina's uit {docs} op; {voorbeeld}"
    if ".." in pure.parts:
        return f"'{src}' verwijst met '..' naar buiten {docs}: de gids neemt alleen pagina's uit {docs} op; {voorbeeld}"
    if any(part.startswith(".") for part in pure.parts):
        return (f"'{src}' is een verborgen bestand of map (begint met '.'), die de site niet publiceert; kies een naam "
                "zonder '.' vooraan")
    if pure.suffix != ".md":
        return f"'{src}' is geen Markdown-pagina: verwacht een bestand in {docs} dat eindigt op .md, bv. {VOORBEELD}"
    file = docs_dir
    for part in pure.parts:
        file = file / part
        if file.is_symlink():
            return (f"'{src}' gaat via een symbolische link ({docs}{file.relative_to(docs_dir).as_posix()}); de gids "
                    f"neemt alleen gewone bestanden uit {docs} op: zet de pagina zelf daar")
    if not file.is_file() or not file.resolve().is_relative_to(docs_dir.resolve()):
        pages = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md") if p.is_file()) \
            if docs_dir.is_dir() else []
        close = difflib.get_close_matches(pure.as_posix(), pages, n=1, cutoff=0.6)
        hint = f": bedoelde je '{close[0]}'?" if close else ""
        return f"pagina '{src}' bestaat niet in {docs}{hint}"
    return None


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
