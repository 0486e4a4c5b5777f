"""Valid YAML that does not say what the editor meant: a list item folded into the text above it.

A plain (unquoted) value may run on over several lines; YAML joins them with spaces. So

    partners:
      - Gemeente Lebbeke
       - Gemeente Buggenhout

is ONE partner, "Gemeente Lebbeke - Gemeente Buggenhout": the second dash is one space to the
right, which makes its line more text of the first item. No parser complains, so we look at the
node itself: a plain value whose continuation line starts with '- ' was meant as a new item.
"""
from __future__ import annotations

from dataclasses import dataclass

from .yaml_errors import spaces


@dataclass(frozen=True)
class Fold:
    line: int  # 0-based, in the YAML text: the continuation line starting with '-'
    column: int  # 0-based: its '-'


def folded_items(lines: list[str], first: int, last: int) -> list[Fold]:
    """The continuation lines (first+1..last, 0-based) of one plain value that start with a list dash."""
    folds = []
    for index in range(first + 1, min(last, len(lines) - 1) + 1):
        text = lines[index].rstrip("\r")
        stripped = text.lstrip(" ")
        if stripped == "-" or stripped.startswith(("- ", "-\t")):
            folds.append(Fold(index, len(text) - len(stripped)))
    return folds


def item_message(fold: Fold, dash_column: int, value: str) -> str:
    """A folded line in a list: its dash sits to the right of the item's own dash (0-based `dash_column`)."""
    return (f"dit lijstitem staat {spaces(fold.column - dash_column)} te ver naar rechts: YAML voegt het samen met het "
            f"vorige item ('{value}'). Zet het streepje onder dat van het vorige item.")


def value_message(key: str, value: str) -> str:
    """A folded line under `key: text`: the editor meant a list, or a text that happens to start a line with '-'."""
    return (f"deze regel begint met '-', maar YAML leest ze als vervolg van de tekst van '{key}' ('{value}'). "
            f"Bedoel je een lijst, begin ze dan op de regel na '{key}:', met elk item op een eigen regel en de streepjes "
            f"onder elkaar; is het wel tekst, zet ze dan tussen aanhalingstekens.")
