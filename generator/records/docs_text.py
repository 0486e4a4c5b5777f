"""The text of a narrative page in docs/, as the engine reads it: without its front matter."""
from __future__ import annotations

import re
from pathlib import Path


def page_text(file: Path) -> tuple[str, int]:
    """A page of docs/ without its front matter, and the file's line on which that text starts."""
    text = file.read_text(encoding="utf-8-sig")
    first = 1
    if re.match(r"---[ \t]*\r?\n", text):
        end = re.search(r"^(?:---|\.\.\.)[ \t]*\r?$", text[3:], re.MULTILINE)
        if end:
            body = text[3 + end.end():]
            first = text.count("\n", 0, len(text) - len(body)) + 1
            text = body
    return text, first
