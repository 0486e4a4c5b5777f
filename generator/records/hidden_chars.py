"""Characters a record may not hold: controls and bidi overrides, which no one can see in a pull request.

An ESC sequence in a title rewrites a terminal line, a bidi override shows a text in another order than it
is read, and neither belongs in a public page. YAML itself refuses raw controls in the front matter, but a
double-quoted value may write them as escapes ("\\x1b"), and the story below the front matter is no YAML.
Tab, newline and carriage return stay allowed: they are layout.
"""
from __future__ import annotations

import re

# C0 without tab, newline and carriage return; DEL and C1; the bidi embeddings, overrides and isolates
HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def first_hidden(text: str) -> re.Match[str] | None:
    return HIDDEN.search(text)


def hidden_message(char: str) -> str:
    kind = "stuurteken voor de schrijfrichting" if ord(char) > 0x9F else "stuurteken"
    return (f"bevat een onzichtbaar {kind} (U+{ord(char):04X}) dat de tekst kan verdraaien; haal het weg "
            f"(tik de tekst eventueel opnieuw)")
