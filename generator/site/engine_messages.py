"""The engine's own messages in Dutch, as `gids build` and `gids serve` print them.

The engine (ProperDocs or MkDocs 1.6, see engine.py), its live-reload server and Material log in English
under the engine's logger, and the engine ends a failed build with an English exception ("Aborted with a
BuildError!"). ProperDocs words them as MkDocs 1.6.1 does, but for its name and two messages that
MkDocs lacks (a link that is no URL at all, the config file's new name). ``MkDocsMeldingen`` prints
that log: a message an editor needs in Dutch (a link warning at the editor's file, via link_messages),
a purely technical one not at all, and an unknown one with its English text in a Dutch frame, so that
it is still seen. The generator's own messages are Dutch already and pass as they are. ``stop_message``
does the same for the exception that stopped a build, and ``dutch_rebuilds`` for serve's rebuilds.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..records.errors import RecordError, display_path
from ..records.report import github_command
from ..shared.safe_output import in_github_actions, own, shown
from .engine import LOGGER, NAAM, Abort, BuildError, MkDocsException, engine_logger
from .link_messages import Locate
from .link_messages import dutch as dutch_link
from .link_messages import problem as link_problem

PACKAGE = Path(__file__).resolve().parent.parent  # the generator package: a message logged by its code is ours
ENGELS = f"{NAAM} meldt (Engels): "
_STAMP = re.compile(r"^(\[\d\d:\d\d:\d\d\] )")  # livereload puts the time before its messages

Translation = Callable[[dict[str, str], Locate | None], str | None]


def _text(template: str) -> Translation:
    return lambda fields, locate: template.format(**fields)


def _drop(fields: dict[str, str], locate: Locate | None) -> None:
    return None


def _framed(what: str) -> Translation:
    """A Dutch start and the engine's English detail, framed: '{what}: ProperDocs meldt (Engels): {detail}'."""
    def translation(fields: dict[str, str], locate: Locate | None) -> str:
        start = what.format(**{**fields, "src": _page(fields.get("src", ""), locate)})
        detail = fields.get("detail", "").strip()
        return f"{start}: {ENGELS}{detail}" if detail else start
    return translation


def _page(src: str, locate: Locate | None) -> str:
    """The file an editor opens for a page the engine names by its place in the site."""
    return display_path(locate(src)) if locate is not None and src else src


def _strict(fields: dict[str, str], locate: Locate | None) -> str:
    """'1 warnings' or '2 errors, 1 warnings' in strict mode: each of them stops the build."""
    n = sum(int(count) for count in re.findall(r"\d+", fields["counts"]))
    return (f"{n} {'probleem' if n == 1 else 'problemen'} hierboven; de site wordt pas gebouwd als "
            f"{'het' if n == 1 else 'elk'} opgelost is")


def _seconds(fields: dict[str, str], locate: Locate | None) -> str:
    return f"Site opgebouwd in {float(fields['s']):.1f} s.".replace(".", ",", 1)


# MkDocs 1.6's, ProperDocs' and livereload's messages (without livereload's time) -> Dutch, or None: not for an editor.
KNOWN: list[tuple[re.Pattern[str], Translation]] = [(re.compile(pattern, re.DOTALL), translation) for pattern, translation in (
    (r"Building documentation\.\.\.", _text("De site wordt opgebouwd…")),
    (r"Cleaning site directory", _drop),
    (r"Building documentation to directory: .*", _drop),
    (r"The directory contains stale files\. Use --clean to remove them\.", _drop),
    (r"Documentation built in (?P<s>[0-9.]+) seconds", _seconds),
    (r"Watching paths for changes: (?P<paths>.*)", _text("Wijzigingen volgen in: {paths}")),
    (r"Serving on (?P<url>\S+)(?: and opening it in a browser)?", _text("Bekijk de site op {url}")),
    (r"Browser connected: (?P<url>.*)", _text("Browser verbonden: {url}")),
    (r"Detected file changes", _text("Wijziging gezien.")),
    (r"Reloading browsers", _text("De browser toont de nieuwe versie.")),
    (r"Shutting down\.\.\.", _text("Gestopt.")),
    (r"An error happened during the rebuild\. The server will appear stuck until build errors are resolved\.",
     _text("De site is niet opnieuw opgebouwd: los de fouten hierboven op en bewaar; tot dan toont de browser de "
           "vorige versie.")),
    (r"Aborted with (?P<counts>.+?) in strict mode!", _strict),
    (r"Aborted with a BuildError!", _text("een fout hierboven hield de bouw tegen")),
    (r"Aborted with a configuration error!", _text("de configuratie (mkdocs.yml) heeft fouten, zie hierboven")),
    (r"Aborted with (?P<n>\d+) configuration warnings in 'strict' mode!",
     _text("{n} waarschuwing(en) over de configuratie (mkdocs.yml) hierboven houden de site tegen")),
    (r"Config value '(?P<name>[^']+)': (?P<detail>.*)", _framed("configuratie (mkdocs.yml), instelling '{name}'")),
    (r"Config file '(?P<file>[^']+)' does not exist\.", _text("{file}: configuratiebestand niet gevonden")),
    # ProperDocs, when it finds mkdocs.yml by itself; `gids` always names the file, so this is not for an editor
    (r"The configuration file '(?P<file>[^']+)' should be renamed to 'properdocs\.yml'.*", _drop),
    (r"Error reading page '(?P<src>[^']+)':(?P<detail>.*)", _framed("{src}: de pagina kon niet gelezen worden")),
    (r"Error building page '(?P<src>[^']+)':(?P<detail>.*)", _framed("{src}: de pagina kon niet gebouwd worden")),
    (r"Page skipped: '(?P<src>[^']+)'\. Generated empty output\.", _framed("{src}: de pagina is leeg en overgeslagen")),
    (r"Template skipped: '(?P<name>[^']+)' generated empty output\.", _drop),
    (r"Template skipped: '(?P<name>[^']+)' not found in theme directories\.",
     _text("sjabloon '{name}' staat niet in het thema; overgeslagen")),
    (r"Template skipped: '(?P<name>[^']+)' not found in docs_dir\.",
     _text("sjabloon '{name}' staat niet in docs/; overgeslagen")),
    (r"Error reading template '(?P<name>[^']+)': (?P<detail>.*)", _framed("sjabloon '{name}' kon niet gelezen worden")),
    (r"The following pages are being built only for the preview but will be excluded from "
     r"`(?:mkdocs|properdocs) build` per `draft_docs` config:(?P<pages>.*)",
     lambda fields, locate: "Deze pagina's staan alleen in de voorvertoning, niet op de gebouwde site (draft_docs): "
                            + ", ".join(re.findall(r"^\s*-\s*(.+?)\s*$", fields["pages"], re.MULTILINE))),
    (r"Failed to render an error message!", _text("de foutpagina kon niet getoond worden")),
    (r"A 'dirty' build is being performed, .*", _text("snelle bouw ('dirty'): de navigatie en links kunnen fout zijn")),
    (r"Excluding '(?P<src>[^']+)' from the site because it conflicts with '(?P<other>[^']+)'\.",
     _text("docs/{src} staat niet op de site: het botst met docs/{other}")),
    (r"edit_uri: (?P<uri>.*) is not a valid URL, it should include the http:// \(scheme\)",
     _text("mkdocs.yml: edit_uri {uri} is geen webadres: het begint niet met https://")),
    (r"edit_uri: (?P<uri>.*) is not a valid URL: (?P<detail>.*)", _framed("mkdocs.yml: edit_uri {uri} is geen webadres")),
    (r"File not found: (?P<path>.*)", _text("{path}: bestand niet gevonden")),
    (r"Encoding error reading file: (?P<path>.*)", _text("{path}: het bestand is geen UTF-8; bewaar het als UTF-8")),
)]


def translate(message: str, locate: Locate | None = None) -> str | None:
    """An engine message in Dutch, None when it is not for an editor, or framed when it is not known."""
    stamp = match.group(1) if (match := _STAMP.match(message)) else ""
    text = message[len(stamp):]
    if locate is not None and (link := dutch_link(text, locate)):
        return stamp + link
    for pattern, translation in KNOWN:
        if found := pattern.fullmatch(text):
            dutch = translation(found.groupdict(), locate)
            return None if dutch is None else stamp + dutch
    return stamp + ENGELS + text


def nederlands(record: logging.LogRecord, locate: Locate | None = None) -> str | None:
    """The line to print for a log record of the engine, or None."""
    if _in_generator(record.pathname):
        return record.getMessage()
    if record.name == f"{LOGGER}.commands.build" and record.funcName == "build" and record.levelno >= logging.ERROR:
        return None  # the text of the exception that stops the build: `stop_message` reports it, once
    return translate(record.getMessage(), locate)


class MkDocsMeldingen(logging.Handler):
    """Prints the engine's log on stderr in Dutch; ``locate`` finds the file of a page, for link warnings.

    One log record is one line: a newline from a record's content cannot start a line of its own. In GitHub
    Actions a problem in a record (logged with ``extra={"probleem": RecordError}``) or a link warning is an
    annotation on its line, as ``gids check --format github`` writes it.
    """

    def __init__(self, level: int, locate: Callable[[], Locate | None] = lambda: None) -> None:
        super().__init__(level)
        self.locate = locate

    def emit(self, record: logging.LogRecord) -> None:
        locate = self.locate()
        if in_github_actions() and (problem := _problem(record, locate)) is not None:
            own(github_command(problem) + "\n", sys.stderr)
            return
        line = nederlands(record, locate)
        if line is not None:
            print(shown(line, one_line=True), file=sys.stderr)


def _problem(record: logging.LogRecord, locate: Locate | None) -> RecordError | None:
    problem = getattr(record, "probleem", None)
    if isinstance(problem, RecordError):
        return problem
    if locate is not None and not _in_generator(record.pathname):
        return link_problem(record.getMessage(), locate)
    return None


def install(level: int, locate: Callable[[], Locate | None] = lambda: None) -> MkDocsMeldingen:
    """Let only MkDocsMeldingen print the engine's log (from ``level`` on), once per process."""
    logger = engine_logger()
    logger.setLevel(level)
    logger.propagate = False
    for old in [h for h in logger.handlers if isinstance(h, MkDocsMeldingen)]:
        logger.removeHandler(old)
    handler = MkDocsMeldingen(level, locate)
    logger.addHandler(handler)
    return handler


def locate_pages(locate: Locate) -> None:
    """Let the engine's messages about a page name the file it comes from: the plugin of each build calls this
    (`gids serve` makes a new plugin for every rebuild)."""
    for handler in engine_logger().handlers:
        if isinstance(handler, MkDocsMeldingen):
            handler.locate = lambda: locate


def stop_message(exc: BaseException, wat: str = "De site is niet gebouwd") -> str:
    """The Dutch line for the exception that stopped a build: the generator's own as it is, else '{wat}: ...'."""
    cause = exc.__context__ if isinstance(exc, Abort) and isinstance(exc.__context__, BuildError) else exc
    if isinstance(cause, MkDocsException) and _raised_in_generator(cause):
        return str(cause)
    if isinstance(cause, MkDocsException):
        return f"{wat}: {translate(str(cause)) or str(cause)}"
    return (f"{wat} door een interne fout ({type(cause).__name__}: {str(cause)[:300]}). "
            "Meld dit aan de beheerders; GIDS_DEBUG=1 toont de details.")


def dutch_rebuilds(builder: Callable[..., Any]) -> Callable[..., Any]:
    """Serve's builder for its rebuilds: livereload prints an exception that is also a SystemExit as it is (any
    other as an English traceback), so a failed rebuild ends in the engine's Abort (both) with the Dutch line."""
    @functools.wraps(builder)
    def rebuild(*args: Any, **kwargs: Any) -> Any:
        try:
            return builder(*args, **kwargs)
        except Exception as exc:
            if os.environ.get("GIDS_DEBUG"):
                raise
            raise Abort(stop_message(exc)) from None
    return rebuild


def _in_generator(filename: str) -> bool:
    return Path(filename).resolve().is_relative_to(PACKAGE)


def _raised_in_generator(exc: BaseException) -> bool:
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ is not None else []
    return bool(frames) and _in_generator(frames[-1].filename)
