"""What WeasyPrint's tagged PDF leaves out for a screen reader: the scope of table headers, the open bookmarks.

WeasyPrint tags a table's header cells as /TH but drops the template's ``scope``: without /Scope a
screen reader cannot tell which cells a header names (PDF/UA-1, 7.5; rule UA-15-003 of the pdfua
checker). A header cell whose row also holds data cells heads that row, every other one its column:
the fiche's "Trekker", "Partners", ... are row headers. And a reader opening the guide should see its
bookmarks (parts, chapters, practices) at once: /PageMode /UseOutlines.
"""
from __future__ import annotations

from typing import Any


def finish_tagging(pdf: Any) -> None:
    """Give every /TH its /Scope and open the bookmarks panel; ``pdf`` is pydyf's PDF (no types)."""
    import pydyf

    elements = {id(obj): obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary) and "S" in obj}
    by_number = {getattr(obj, "number", None): obj for obj in elements.values()}
    for obj in elements.values():
        if obj.get("S") == "/TH":
            row = _parent(obj, by_number)
            scope = "/Row" if row is not None and _has_data_cells(row, by_number) else "/Column"
            attributes = obj.get("A")
            if not isinstance(attributes, pydyf.Dictionary):
                attributes = obj["A"] = pydyf.Dictionary({"O": "/Table"})
            attributes.setdefault("Scope", scope)
    if "Outlines" in pdf.catalog:
        pdf.catalog["PageMode"] = "/UseOutlines"


def _parent(element: Any, by_number: dict[Any, Any]) -> Any:
    reference = element.get("P")
    return by_number.get(_number(reference))


def _has_data_cells(row: Any, by_number: dict[Any, Any]) -> bool:
    kids = row.get("K")
    kids = kids if isinstance(kids, list) else [kids]
    return any(getattr(by_number.get(_number(kid)), "get", lambda _: None)("S") == "/TD" for kid in kids)


def _number(reference: Any) -> Any:
    """The object number in a pydyf reference ('12 0 R' as bytes or str), or the object's own number."""
    if reference is None:
        return None
    if hasattr(reference, "number"):
        return reference.number
    text = reference.decode() if isinstance(reference, bytes) else str(reference)
    return int(text.split()[0]) if text.split() and text.split()[0].isdigit() else None
