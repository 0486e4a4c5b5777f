"""argparse in Dutch: the usage, headings, ``-h`` and errors of every ``gids`` parser, also one added later.

argparse marks its own texts for translation: it calls gettext's ``_()`` and ``ngettext()``, looked up in
its module each time. ``GidsParser`` does its work with those two bound to the Dutch table below, and
``add_subparsers`` makes every subparser a ``GidsParser`` too. Nothing else in the process changes, so
the tests' own argparse (pytest) stays as it is. A Python release that adds a text to argparse fails
tests/test_cli_nederlands.py until the text is in the table.
"""
from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

# argparse's texts (Python 3.11 to 3.14) -> Dutch. The developer-facing ones (a parser built wrongly) are
# here too: a new message should never appear half in English.
NL: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "subcommands": "opdrachten",
    "%(heading)s:": "%(heading)s:",
    "show this help message and exit": "deze hulp tonen en stoppen",
    "show program's version number and exit": "het versienummer tonen en stoppen",
    " (default: %(default)s)": " (standaard: %(default)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: waarschuwing: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "one of the arguments %s is required": "geef een van deze: %s",
    "unrecognized arguments: %s": "niet herkend: %s (gids --help toont de opdrachten, gids OPDRACHT --help hun opties)",
    "invalid choice: %(value)r (choose from %(choices)s)": "onbekende keuze %(value)r (kies uit %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "onbekende keuze %(value)r, bedoelde je %(closest)r? (kies uit %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r",
    "expected one argument": "verwacht een waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s kan meer dan één optie zijn: %(matches)s",
    "not allowed with argument %s": "kan niet samen met %s",
    "ignored explicit argument %r": "deze optie neemt geen waarde (%r)",
    "unexpected option string: %s": "onverwachte optie: %s",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' kan niet geopend worden: %(error)s",
    'argument "-" with mode %r': 'argument "-" kan niet met modus %r',
    "command '%(parser_name)s' is deprecated": "de opdracht '%(parser_name)s' verdwijnt binnenkort",
    "option '%(option)s' is deprecated": "de optie '%(option)s' verdwijnt binnenkort",
    "argument '%(argument_name)s' is deprecated": "het argument '%(argument_name)s' verdwijnt binnenkort",
    # a parser built wrongly: for developers, but still Dutch
    ".__call__() not defined": ".__call__() is niet gedefinieerd",
    "'required' is an invalid argument for positionals": "'required' kan niet bij een positioneel argument",
    "mutually exclusive arguments must be optional": "argumenten die elkaar uitsluiten moeten optioneel zijn",
    "%r is not callable": "%r is geen functie",
    "cannot merge actions - two groups are named %r": "kan de opties niet samenvoegen: twee groepen heten %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "ongeldige optie %(option)r: moet beginnen met een teken uit %(prefix_chars)r",
    "dest= is required for options like %r": "dest= is nodig voor een optie als %r",
    "invalid conflict_resolution value: %r": "ongeldige waarde voor conflict_resolution: %r",
    "cannot have multiple subparser arguments": "een parser kan maar één keer opdrachten krijgen",
    "conflicting subparser: %s": "opdracht bestaat al: %s",
    "conflicting subparser alias: %s": "andere naam van een opdracht bestaat al: %s",
}
NL_N: dict[tuple[str, str], tuple[str, str]] = {
    ("conflicting option string: %s", "conflicting option strings: %s"): ("optie bestaat al: %s", "opties bestaan al: %s"),
    ("expected %s argument", "expected %s arguments"): ("verwacht %s waarde", "verwacht %s waarden"),
}


def vertaal(message: str) -> str:
    return NL.get(message, message)


def vertaal_n(singular: str, plural: str, n: int) -> str:
    one, more = NL_N.get((singular, plural), (singular, plural))
    return one if n == 1 else more


@contextmanager
def _nederlands() -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    # argparse's translation hooks are private names its stubs leave out: setattr says so without an ignore
    setattr(argparse, "_", vertaal)  # noqa: B010
    setattr(argparse, "ngettext", vertaal_n)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


F = TypeVar("F", bound=Callable[..., Any])


def _in_dutch(method: F) -> F:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _nederlands():
            return method(*args, **kwargs)
    return wrapper  # type: ignore[return-value]


class GidsParser(argparse.ArgumentParser):
    """An ArgumentParser whose own texts are Dutch: every method that builds, formats or reports one."""

    __init__ = _in_dutch(argparse.ArgumentParser.__init__)
    add_subparsers = _in_dutch(argparse.ArgumentParser.add_subparsers)
    parse_args = _in_dutch(argparse.ArgumentParser.parse_args)
    parse_known_args = _in_dutch(argparse.ArgumentParser.parse_known_args)
    parse_intermixed_args = _in_dutch(argparse.ArgumentParser.parse_intermixed_args)
    parse_known_intermixed_args = _in_dutch(argparse.ArgumentParser.parse_known_intermixed_args)
    format_usage = _in_dutch(argparse.ArgumentParser.format_usage)
    format_help = _in_dutch(argparse.ArgumentParser.format_help)
    error = _in_dutch(argparse.ArgumentParser.error)

    @_in_dutch
    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "version":  # Python 3.11 does not mark this default for translation
            kwargs.setdefault("help", NL["show program's version number and exit"])
        return super().add_argument(*args, **kwargs)
