"""The engine's link warnings in Dutch, pointing at the file an editor opens.

The engine (ProperDocs or MkDocs 1.6) names the page by its place in the site (``praktijken/x.md``,
``gids/partners.md``); an editor needs the file: ``docs/gids/partners.md`` for a narrative page, the
record file for a practice (its page is generated), with the line of the link when it can be found.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..records.errors import RecordError, display_path

Locate = Callable[[str], Path]  # a page's src_uri -> the file it comes from

_DOC = r"^Doc file '(?P<src>[^']+)' contains "
_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but the target(?: '[^']+')? is not found among documentation files\."),
     "link '{link}' verwijst naar een pagina die niet bestaat"),
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but the doc '(?P<target>[^']+)' "
                       r"does not contain an anchor '(?P<anchor>[^']+)'\."),
     "link '{link}': anker '{anchor}' bestaat niet op de pagina {target}"),
    (re.compile(_DOC + r"a link '(?P<link>[^']*)', but there is no such anchor on this page\."),
     "link '{link}': anker '{link}' bestaat niet op deze pagina"),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<link>[^']*)', it was left as is\."),
     "link '{link}' wordt niet herkend: verwijs naar het bestand van de pagina, bv. 'andere-praktijk.md' of "
     "'../gids/partners.md'"),
    (re.compile(_DOC + r"an absolute link '(?P<link>[^']*)', it was left as is\."),
     "link '{link}' begint met '/': schrijf een link ten opzichte van deze pagina, bv. 'andere-praktijk.md' of "
     "'../gids/partners.md'"),
    # ProperDocs only (MkDocs 1.6 stops with a ValueError): a link Python cannot read as a URL, e.g. 'https://[::1'
    (re.compile(_DOC + r"an invalid link '(?P<link>[^']*)', it was left as is\."),
     "link '{link}' is geen geldig adres: kijk het na, bv. 'https://www.voorbeeld.be/pagina'"),
]
_HINT = re.compile(r" Did you mean '(?P<hint>[^']+)'\?$")


def dutch(message: str, locate: Locate) -> str | None:
    """The Dutch form of a link warning (``path:line: link ...``), or None for any other message."""
    found = _read(message, locate)
    if found is None:
        return None
    source, place, text = found
    return f"{display_path(source)}{f':{place[0]}' if place else ''}: {text}"


def problem(message: str, locate: Locate) -> RecordError | None:
    """A link warning as a problem at the link's line and column (1:1 when the link is not found), or None."""
    found = _read(message, locate)
    if found is None:
        return None
    source, place, text = found
    line, column = place or (1, 1)
    return RecordError(display_path(source), line, column, "", text)


def _read(message: str, locate: Locate) -> tuple[Path, tuple[int, int] | None, str] | None:
    for pattern, template in _PATTERNS:
        if match := pattern.match(message):
            fields = match.groupdict()
            source = locate(fields["src"])
            if fields.get("target"):
                fields["target"] = display_path(locate(fields["target"]))
            text = template.format(**fields)
            if hint := _HINT.search(message):
                text += f"; bedoelde je '{hint.group('hint')}'?"
            return source, _place_of(source, fields["link"]), text
    return None


def _place_of(source: Path, link: str) -> tuple[int, int] | None:
    """Line and column of the first Markdown link target that is the link (``](link``, ``]: link`` or ``<link>``)."""
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        return None
    pattern = re.compile(r"(?:\]\(\s*<?|\]:\s*<?|<)" + re.escape(link) + r"(?=[\s)>\"']|$)", re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        return None
    start = match.end() - len(link)
    return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
