"""What ``gids`` prints cannot steer the terminal or GitHub Actions, whatever a record holds.

Values and file names of records come from pull requests and reach our messages. On a terminal a
control character in them moves the cursor or erases a line (an ESC sequence once rewrote
``gids check``'s verdict into "geen fouten"), and a bidi override shows text in another order
than it has. In the log of GitHub Actions a line that starts with ``::`` (after spaces), or that
holds ``##[``, is a workflow command: an annotation, or ``::add-mask::``.

``shown`` writes such characters as visible escapes (``\\x1b``, ``\\u202e``). ``guarded`` puts
every write to stdout and stderr through it, so no message of ours, of MkDocs or of Python can
forget to; under ``GITHUB_ACTIONS=true`` it also keeps any line from being a workflow command.
Our own annotations (report.github_command, whose values are escaped) and our own terminal
codes (the PDF's progress line) pass with ``own``.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

# C0 except the newline, DEL and C1; the Unicode bidi embeddings, overrides, isolates and marks; invisible
# characters (zero-width, word joiner, byte order mark, the tag block) and the line and paragraph separators
# that some terminals and editors break on; lone surrogates (a file name that is not UTF-8).
_CONTROLS = "\x00-\x09\x0b-\x1f\x7f-\x9f"
_INVISIBLE = ("\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff"
              "\U000e0000-\U000e007f")
UNSAFE = re.compile(f"[{_CONTROLS}{_INVISIBLE}]")
UNSAFE_OR_NEWLINE = re.compile(f"[\n{_CONTROLS}{_INVISIBLE}]")

_V1_COMMAND = re.compile(r"(?<=##)\[")  # the runner's older '##[command]' form, anywhere in a line


def shown(text: str, *, one_line: bool = False) -> str:
    """``text`` with every unsafe character as a Python-style escape; with ``one_line`` also the newline."""
    return (UNSAFE_OR_NEWLINE if one_line else UNSAFE).sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    if code == 0x0D:
        return "\\r"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def json_escaped(document: str) -> str:
    """A JSON text with its unsafe characters as JSON escapes: the same value, nothing raw on a terminal."""
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x10000:
            return f"\\u{code:04x}"
        code -= 0x10000  # a surrogate pair, as JSON writes characters beyond the BMP
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return UNSAFE.sub(escape, document)


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


class SafeStream:
    """A text stream that shows unsafe characters and, in GitHub Actions, starts no workflow command.

    The runner reads a line as a command when it starts with '::' after leading white space, or
    holds '##['; it ends lines at '\\n' and '\\r'. Only text that is not our own is changed: the
    first ':' of a line becomes ``\\x3a`` and the '[' of '##[' becomes ``\\x5b``.
    """

    def __init__(self, raw: TextIO, github: bool) -> None:
        self.raw = raw
        self.github = github
        self._blank = True  # nothing but white space on the current line so far
        self._tail = ""  # the current line's last two characters, for a '##[' split over two writes

    def write(self, text: str) -> int:
        return self._write(shown(text), own=False)

    def own(self, text: str) -> None:
        """Text we made to steer the terminal or the runner on purpose; it goes out as it is."""
        self._write(text, own=True)

    def _write(self, text: str, own: bool) -> int:
        if not self.github:
            return self.raw.write(text)
        out: list[str] = []
        for piece in re.split(r"([\r\n])", text):
            if piece in ("\r", "\n"):
                self._blank, self._tail = True, ""
            elif piece:
                if not own:
                    piece = self._defused(piece)
                self._blank = self._blank and not piece.strip()
                self._tail = (self._tail + piece)[-2:]
            out.append(piece)
        return self.raw.write("".join(out))

    def _defused(self, piece: str) -> str:
        if self._blank and piece.lstrip().startswith(":"):
            lead = len(piece) - len(piece.lstrip())
            piece = piece[:lead] + "\\x3a" + piece[lead + 1:]
        return _V1_COMMAND.sub(r"\\x5b", self._tail + piece)[len(self._tail):]

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, ...: the stream's own
        return getattr(self.raw, name)


def own(text: str, stream: TextIO | None = None) -> None:
    """Write our own annotation or terminal code unchanged (stderr by default)."""
    stream = stream if stream is not None else sys.stderr
    if isinstance(stream, SafeStream):
        stream.own(text)
    else:
        stream.write(text)


@contextmanager
def guarded() -> Iterator[None]:
    """Put stdout and stderr through SafeStream for the duration of a ``gids`` command."""
    old = sys.stdout, sys.stderr
    github = in_github_actions()
    sys.stdout = SafeStream(old[0], github)
    sys.stderr = SafeStream(old[1], github)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        sys.stdout, sys.stderr = old
