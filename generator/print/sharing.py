"""What an edition prints once: the summary, and text that several practices share.

On the site every record stays whole. On paper a reader turns the pages: a summary that the story
repeats as its first paragraph, or an introduction common to the four actions of one plan, is
read twice or four times. This module decides, per practice, what of its story the edition prints:

- the summary as standfirst, unless the story's opening paragraph holds it already (then the story says it);
- a paragraph that several practices of the edition share (``MIN_SHARED`` characters or more) is printed
  by the first of them, in edition order; the others print a reference to it instead;
- a practice with nothing of its own left (a one-line project whose only text is shared) becomes a
  compact entry; a chapter prints its compact entries together, after the text they share.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records.model import Praktijk

COMPACT_BELOW = 400  # characters of its own: a practice with less is a compact entry, several to a page
MIN_SHARED = 100  # shorter paragraphs ("Meer info op de website.") may recur without being a shared text
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"#{1,6}\s")


def _norm(text: str) -> str:
    """Compare texts as read: whitespace and Markdown emphasis do not count."""
    return " ".join(re.sub(r"[*_]+", "", text).split()).casefold()


def blocks(story: str) -> list[str]:
    """The story's blocks (paragraphs, headings, lists), as separated by blank lines."""
    return [b.strip() for b in _BLANK_LINE.split(story.strip()) if b.strip()]


@dataclass(frozen=True)
class Artikel:
    """A narrative page of the edition (a chapter's framing article): what it prints, no practice prints again."""

    anker: str
    titel: str
    markdown: str


@dataclass
class Gedeeld:
    """Text several practices of the edition share, printed once, by the first of them."""

    anker: str
    markdown: str
    praktijken: list[Praktijk] = field(default_factory=list)  # in edition order

    eerste_compact: bool = False  # printed at the head of a block of compact entries

    @property
    def eerste(self) -> Praktijk:
        return self.praktijken[0]


@dataclass
class Gedrukt:
    """A practice as this edition prints it."""

    praktijk: Praktijk
    blokken: list[str]  # the story's blocks this edition may print (a repeated summary or title left out)
    gemeen: set[int]  # indices in ``blokken`` of the text shared with other practices
    samenvatting: bool  # print the summary as standfirst
    gedeeld: Gedeeld | None = None
    elders: Artikel | None = None  # a narrative page of the edition prints part of this story already

    @property
    def eigen(self) -> bool:
        """False: hardly anything of its own but a title and a fiche (a compact entry)."""
        return sum(len(b) for i, b in enumerate(self.blokken) if i not in self.gemeen) >= COMPACT_BELOW

    @property
    def drukt_gedeeld(self) -> bool:
        """This practice prints the shared text (it comes first); the others refer to it."""
        return self.gedeeld is not None and self.gedeeld.eerste is self.praktijk

    @property
    def verhaal(self) -> str:
        """Markdown: the story as printed; the first of a group keeps the shared text in its place."""
        keep = self.drukt_gedeeld and self.eigen
        return "\n\n".join(b for i, b in enumerate(self.blokken) if keep or i not in self.gemeen)


@dataclass
class Compact:
    """Compact entries of one chapter, several to a page, after the text they share."""

    items: list[Gedrukt]

    @property
    def slugs(self) -> set[str]:
        return {i.praktijk.slug for i in self.items}

    @property
    def elders(self) -> Artikel | None:
        """The article that prints what every entry of this block shares (the block says so once)."""
        found = {id(i.elders): i.elders for i in self.items}
        return next(iter(found.values())) if len(found) == 1 else None

    @property
    def gedeeld(self) -> list[Gedeeld]:
        """The shared texts this block prints first (those whose first practice is here)."""
        return list({id(g): g for i in self.items if (g := i.gedeeld) is not None and i.drukt_gedeeld}.values())


def _section_blocks(parts: list[str], shared: set[str]) -> set[int]:
    """Indices of blocks that are shared: shared paragraphs, and a heading whose whole section is shared."""
    found = {i for i, b in enumerate(parts) if _norm(b) in shared}
    for i, b in enumerate(parts):
        if _HEADING.match(b):
            j = i + 1
            while j < len(parts) and not _HEADING.match(parts[j]):
                j += 1
            if j > i + 1 and all(k in found for k in range(i + 1, j)):
                found.add(i)
    return found


def _shared_paragraphs(records: Iterable[Praktijk]) -> set[str]:
    seen: dict[str, set[str]] = {}
    for r in records:
        for b in blocks(r.verhaal):
            if len(b) >= MIN_SHARED and not _HEADING.match(b):
                seen.setdefault(_norm(b), set()).add(r.slug)
    return {text for text, slugs in seen.items() if len(slugs) > 1}


def _letters(text: str) -> str:
    """Only letters and digits: a summary that the story repeats as a list (Vlaamse Rand) is still repeated."""
    return re.sub(r"[\W_]+", "", text).casefold()


def _summary_in(summary: str, text: str) -> bool:
    """Does ``text`` open with the summary (``summary`` as ``_letters`` gives it)?"""
    return bool(summary) and _letters(text).startswith(summary)


def _plan_one(r: Praktijk, shared: set[str], articles: dict[str, Artikel],
              groups: dict[frozenset[str], Gedeeld]) -> Gedrukt:
    parts = blocks(r.verhaal)
    summary, title = _norm(r.samenvatting), _norm(r.titel)
    printed = _section_blocks(parts, set(articles))  # an article of the edition prints these already
    elders = next((articles[_norm(parts[i])] for i in sorted(printed) if _norm(parts[i]) in articles), None)
    common = _section_blocks(parts, shared) - printed
    own = [i for i in range(len(parts)) if i not in common and i not in printed]
    standfirst = summary != title and summary not in articles  # a summary that only repeats the title says nothing new
    drop: set[int] = set(printed)
    while own and _norm(parts[own[0]]) in (summary, title):  # the story opens with the summary (or the title) itself
        drop.add(own.pop(0))
    opening = " ".join(parts[i] for i in own if not _HEADING.match(parts[i]))  # the story's text, under a heading or not
    said = _letters(r.samenvatting)
    if any(_summary_in(said, parts[i]) for i in common | printed) or _summary_in(said, opening):
        standfirst = False  # a printed paragraph opens with the summary
    gedeeld = None
    if common:
        key = frozenset(_norm(parts[i]) for i in common)
        gedeeld = groups.setdefault(key, Gedeeld(f"gedeeld-{len(groups) + 1}",
                                                 "\n\n".join(parts[i] for i in sorted(common))))
        gedeeld.praktijken.append(r)
    kept = [i for i in range(len(parts)) if i not in drop]
    return Gedrukt(r, [parts[i] for i in kept], {n for n, i in enumerate(kept) if i in common}, standfirst, gedeeld,
                   elders)


def plan(chapters: list[list[Praktijk]], artikels: Iterable[Artikel] = ()) -> list[list[Gedrukt | Compact]]:
    """Each chapter's practices as printed, in edition order, compact entries gathered; ``artikels``: the
    narrative pages the edition prints (a chapter's framing article may hold what its practices repeat)."""
    everything = [r for chapter in chapters for r in chapter]
    articles: dict[str, Artikel] = {}
    for a in artikels:
        for b in blocks(a.markdown):
            if not _HEADING.match(b):
                articles.setdefault(_norm(b), a)
    shared = _shared_paragraphs(everything) - set(articles)
    groups: dict[frozenset[str], Gedeeld] = {}
    arranged = [arrange([_plan_one(r, shared, articles, groups) for r in chapter]) for chapter in chapters]
    order = {id(g.praktijk): n for n, g in enumerate(_flatten(arranged))}
    compact = {id(g.praktijk) for g in _flatten(arranged) if not g.eigen}
    for g in groups.values():  # compact entries print what they share at the head of their block; else first as printed
        g.praktijken.sort(key=lambda r: (id(r) not in compact, order[id(r)]))
        g.eerste_compact = id(g.eerste) in compact
    return arranged


def _flatten(arranged: list[list[Gedrukt | Compact]]) -> Iterable[Gedrukt]:
    for chapter in arranged:
        for item in chapter:
            yield from (item.items if isinstance(item, Compact) else [item])


def arrange(items: list[Gedrukt]) -> list[Gedrukt | Compact]:
    """A chapter's practices as printed: its compact entries gathered where the first of them stood."""
    arranged: list[Gedrukt | Compact] = []
    block: Compact | None = None
    for item in items:
        if item.eigen:
            arranged.append(item)
        elif block is None:
            block = Compact([item])
            arranged.append(block)
        else:
            block.items.append(item)
    return arranged
