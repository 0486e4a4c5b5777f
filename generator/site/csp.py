"""The Content-Security-Policy of every page, as a ``<meta>`` (GitHub Pages sets no headers).

Everything the site loads is its own, so the policy is ``'self'`` with two kinds of exceptions:

- the page's own inline scripts (Material's, in its templates), each allowed by its sha256 hash,
  computed from the page as built: any other inline script, such as one injected into the page
  later through a weakness in the catalogue's JavaScript, does not run;
- ``data:`` images: Material draws its icons as CSS masks of SVG data URLs.

No ``'unsafe-inline'``, for scripts or styles: the pages carry no inline styles (Markdown tables
are aligned with the ``align`` attribute, mkdocs.yml), and the scripts set styles through the DOM,
which a policy does not restrict. A ``<meta>`` policy cannot say ``frame-ancestors`` (framing),
``report-to`` or ``sandbox``; only a server's header can.

Data blocks (``application/json``, ``application/ld+json``) are not scripts a browser runs, so
they need no hash. The policy goes first in ``<head>``, before anything it should cover.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + the hashes of the page's inline scripts
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),  # the header's search form opens the catalogue
)

# The type values of a script element that runs (HTML's JavaScript MIME type essences, and module).
_SCRIPT_TYPES = {"", "module", "application/ecmascript", "application/javascript", "application/x-ecmascript",
                 "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
                 "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
                 "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript"}
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)


class _Scripts(HTMLParser):
    """The text of every inline script element that runs, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        values = {name: value or "" for name, value in attrs}
        runs = values.get("type", "").strip().lower() in _SCRIPT_TYPES
        self._text = [] if runs and "src" not in values else None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            self.found.append("".join(self._text))
            self._text = None


def inline_scripts(html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.found


def script_hash(text: str) -> str:
    """A script's CSP source: its text as the browser hashes it (UTF-8, line ends normalized)."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(html: str) -> str:
    """The policy of a page: POLICY, with the hashes of the page's inline scripts (each once, in page order)."""
    hashes = list(dict.fromkeys(script_hash(text) for text in inline_scripts(html)))
    return "; ".join(" ".join([name, value, *hashes]) if name == "script-src" else f"{name} {value}"
                     for name, value in POLICY)


def with_policy(html: str) -> str:
    """The page with its policy as the first element of ``<head>`` (after the charset, which must come first)."""
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("een pagina zonder <head>: de Content-Security-Policy kan er niet in")
    at = head.end()
    charset = _CHARSET.match(html, at)
    if charset:
        at = charset.end()
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[:at] + meta + html[at:]
