"""Every `gids` parser, also one added later, speaks Dutch: its --help and the errors argparse gives."""
from __future__ import annotations

import argparse
import ast
import inspect
import re
from collections.abc import Iterator

import pytest

from generator.cli import build_parser, main
from generator.cli.argparse_nl import NL, NL_N

from .engels import english


def parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Each parser with the words that reach it (``()`` for gids itself), found by walking the subparsers."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, (*path, name))


ALL = list(parsers(build_parser()))


def argparse_texts() -> tuple[list[str], list[tuple[str, str]]]:
    """The texts the running Python's argparse marks for translation, read from its source."""
    singles, plurals = [], []
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "_" and texts:
                singles.append(texts[0])
            elif node.func.id == "ngettext" and len(texts) == 2:
                plurals.append((texts[0], texts[1]))
    return singles, plurals


def english_fragments() -> set[str]:
    """The fixed words of argparse's English texts (between the placeholders), e.g. 'show this help message and exit'."""
    singles, plurals = argparse_texts()
    texts = singles + [text for pair in plurals for text in pair]
    pieces = {piece.strip(" :") for text in texts for piece in re.split(r"%\(\w+\)[sr]|%[sr]", text)}
    return {piece for piece in pieces if len(piece) >= 5 and re.search("[a-z]", piece)}


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


def assert_dutch(text: str, what: str) -> None:
    fragments = sorted(f for f in english_fragments() if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text))
    assert not fragments and not english(text), f"{what}: Engels {fragments or english(text)} in:\n{text}"


def test_argparse_heeft_voor_elke_tekst_een_vertaling():
    singles, plurals = argparse_texts()
    assert len(singles) > 20, "argparse markeert zijn teksten niet meer met _(): argparse_nl.py moet anders"
    assert [text for text in singles if text not in NL] == []
    assert [pair for pair in plurals if pair not in NL_N] == []


def test_de_parsers_worden_gevonden():
    names = [path[0] for path, _ in ALL if len(path) == 1]
    assert len(names) >= 2 and len(set(names)) == len(names)


@pytest.mark.parametrize(("path", "parser"), ALL, ids=[" ".join(("gids", *path)) for path, _ in ALL])
def test_hulp_is_nederlands(path, parser, capsys):
    code, out, err = run([*path, "--help"], capsys)
    assert code == 0 and err == ""
    assert out.startswith(f"gebruik: {parser.prog}") and "\nopties:\n" in out and "deze hulp tonen en stoppen" in out
    assert_dutch(out, f"gids {' '.join(path)} --help")


def wrong_calls(path: tuple[str, ...], parser: argparse.ArgumentParser) -> Iterator[list[str]]:
    """Calls that argparse itself refuses: an unknown option, an option without its value, a value not among
    the choices, a missing required argument."""
    yield [*path, "--bestaat-niet"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield [*path, "bestaat-niet"]
        elif action.option_strings and action.nargs is None:
            yield [*path, action.option_strings[-1]]
            if action.choices:
                yield [*path, action.option_strings[-1], "bestaat-niet"]
    if any(action.required for action in parser._actions):
        yield list(path)


CALLS = [call for path, parser in ALL for call in wrong_calls(path, parser)]


@pytest.mark.parametrize("argv", CALLS, ids=[" ".join(("gids", *call)) for call in CALLS])
def test_fout_is_nederlands(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert "gebruik: gids" in err and ": fout: " in err
    assert_dutch(err, f"gids {' '.join(argv)}")


def test_een_later_toegevoegde_opdracht_is_ook_nederlands(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    later = sub.add_parser("later", help="een opdracht die er later bij komt")
    later.add_argument("--waarde", type=int)
    later.add_argument("--versie", action="version", version="1")
    with pytest.raises(SystemExit):
        parser.parse_args(["later", "--waarde", "twee"])
    err = capsys.readouterr().err
    assert "gids later: fout: --waarde: ongeldige waarde 'twee'" in err
    assert_dutch(later.format_help() + err, "gids later")
