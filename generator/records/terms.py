"""A closed list's value as an editor types it: its id or its label, and what to say when it is neither."""
from __future__ import annotations

import difflib


def suggest_terms(value: str, known: dict[str, str]) -> str:
    """'bedoelde je ...?' and the valid ids (all of them while the list stays readable)."""
    close = difflib.get_close_matches(value.strip().lower(), list(known), n=3, cutoff=0.75)
    hint = f" (bedoelde je {' of '.join(repr(c) for c in close)}?)" if close else ""
    if len(known) <= 60:
        return f"{hint}; kies uit: {', '.join(sorted(known))}"
    return f"{hint} ({len(known)} mogelijke waarden; de slug is de bestandsnaam zonder .md)"


def match_term(value: str, known: dict[str, str]) -> str | None:
    """An id as typed, or its label in any case ('Oost-Vlaanderen', 'huisvesting')."""
    wanted = value.strip().lower()
    for key, label in known.items():
        if wanted in (key.lower(), label.lower()):
            return key
    return None
