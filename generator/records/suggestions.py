"""Dutch hints for a key or value outside the allowed ones: the allowed one it most resembles, else the list.

Shared by the records' fields (checker.py) and the book (book.py).
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable


def unknown_key_message(key: str, allowed: Iterable[str]) -> str:
    """An unknown key, with the allowed key it most resembles (also used for boek.yml)."""
    allowed = list(allowed)
    close = difflib.get_close_matches(key.lower(), allowed, n=1, cutoff=0.6)
    if close:
        return f"onbekend veld '{key}': bedoelde je '{close[0]}'?"
    return f"onbekend veld '{key}' (toegestaan: {', '.join(allowed)})"


def unknown_value_message(value: str, allowed: list[str]) -> str:
    """A value outside a closed list, with the list and the value it most resembles."""
    listing = ", ".join(allowed) if len(allowed) <= 20 else ", ".join(allowed[:20]) + ", ..."
    message = f"onbekende waarde '{value}' (verwacht een van: {listing})"
    lowered = {a.lower(): a for a in allowed}
    close = [lowered[value.lower()]] if value.lower() in lowered else difflib.get_close_matches(value, allowed, n=1, cutoff=0.75)
    return f"{message}: bedoelde je '{close[0]}'?" if close else message
