"""A pull request's content cannot steer the terminal or GitHub Actions through what ``gids`` prints.

A record's file name and values reach our messages. The attack: ESC sequences, a carriage return
and bidi overrides (a terminal shows something else than the text: an ESC sequence once rewrote
``gids check``'s verdict), and a newline followed by ``::error title=x::pwned`` or ``::add-mask::``
(in GitHub Actions' log a line starting with '::' is a workflow command). Every command runs, in a
process of its own, on a copy of the small project (copy_klein) with GITHUB_ACTIONS=true, as in CI; what it prints must hold no raw
control character, and no line may start with '::' unless it is one of our own annotations, on
the right file and line.
"""
from __future__ import annotations

import io
import json
import logging
import re
from pathlib import Path

import pytest

from generator.shared.safe_output import SafeStream, json_escaped, shown
from generator.site import engine_messages

from .conftest import FIXTURE_PRAKTIJKEN, copy_klein, run_gids

# Written out here rather than imported: what a terminal or the runner must never receive raw.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
ANNOTATION = re.compile(r"::(?P<kind>error|warning) file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+)"
                        r"(?:,title=(?P<title>[^,:]+))?::(?P<message>[^\r\n]*)")

EVIL_NAME = "gent-\x1b[31m\r\u202eevil.md"  # shown as gent-\x1b[31m\r\u202eevil.md
SHOWN_NAME = "praktijken/gent-\\x1b[31m\\r\\u202eevil.md"
ATTACK = "\n::error title=x::pwned\n  ::add-mask::geheim\n##[error]oud"
GENT = FIXTURE_PRAKTIJKEN / "gent-iedereen-onder-dak.md"
GITHUB = {"GITHUB_ACTIONS": "true"}


def annotations(output: str) -> list[re.Match[str]]:
    """The annotations in ``output``, after asserting that nothing in it is raw or a command of someone else's."""
    assert not RAW.search(output), repr(RAW.search(output))
    found = []
    for line in output.split("\n"):
        assert "##[" not in line, line
        if line.lstrip().startswith("::"):
            match = ANNOTATION.fullmatch(line)
            assert match, f"a workflow command that is not one of our annotations: {line!r}"
            found.append(match)
    return found


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def invalid_record(project: Path) -> Path:
    """Gent under a file name with ESC, CR and a bidi override, with two themes full of control characters."""
    (project / "praktijken" / GENT.name).unlink()
    target = project / "praktijken" / EVIL_NAME
    target.write_text(edit(GENT.read_text(encoding="utf-8"), "themas: [huisvesting, samenwerking, vrijwilligers]",
                           'themas: [huisvesting, "\\e[2J\\e[H\\rgeen fouten", "abc\\u202Edef\\u2066x\\u200B"]'),
                      encoding="utf-8")
    return target


def attacking_record(project: Path) -> Path:
    """Gent, valid as far as its fields go (a control character is refused, a newline is not), with a period that
    breaks lines and story links that try to."""
    target = project / "praktijken" / GENT.name
    text = edit(GENT.read_text(encoding="utf-8"), "periode: juli 2015 – juli 2017",
                'periode: "juli 2015 – juli 2017' + ATTACK.replace("\n", "\\n") + '"')
    text = text.rstrip("\n") + ("\n\nZie [de lijst](andere%0A::error%20title=x::pwned%0A::add-mask::geheim.md) en\n"
                                "[het anker](gent-werken-met-vrijwilligers.md#x%0D%0A%23%23[error]z).\n")
    target.write_text(text, encoding="utf-8")
    return target


# --- the escape ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    ("\x1b[2K\rgeen fouten", "\\x1b[2K\\rgeen fouten"),
    ("a\tb\x00c\x7fd\x85e\x9bf", "a\\tb\\x00c\\x7fd\\x85e\\x9bf"),
    ("abc\u202edef\u2066g\u2067h\u2068i\u2069j\u200ek\u200fl\u061cm", "abc\\u202edef\\u2066g\\u2067h\\u2068i\\u2069j\\u200ek\\u200fl\\u061cm"),
    ("zero\u200bwidth\u2060join\ufeffbom", "zero\\u200bwidth\\u2060join\\ufeffbom"),
    ("lijn\u2028para\u2029", "lijn\\u2028para\\u2029"),
    ("niet-utf8-\udcff.md", "niet-utf8-\\udcff.md"),
    ("tag\U000e0041", "tag\\U000e0041"),
])
def test_stuurtekens_worden_zichtbaar(raw, expected):
    assert shown(raw) == expected
    assert not RAW.search(shown(raw))


def test_gewone_tekst_blijft_zoals_hij_is():
    text = "Café – ‘Ťhé’ 10 % € 5 🏠 ijs\nnieuwe regel: ::niet aan het begin"
    assert shown(text) == text
    assert shown(text, one_line=True) == text.replace("\n", "\\n")


def test_json_blijft_dezelfde_waarde_zonder_ruwe_tekens():
    value = {"melding": "a\x1b[2J\r\n\x85\u202e\u2066\u200b\ufeff\u2028\U000e0041 é 🏠", "bestand": "x\udcff.md"}
    document = json_escaped(json.dumps(value, ensure_ascii=False))
    assert not RAW.search(document) and "é 🏠" in document
    assert json.loads(document) == value


def test_in_github_actions_begint_geen_regel_een_commando():
    raw = io.StringIO()
    stream = SafeStream(raw, github=True)
    stream.write("a:b\n::error::x\n  ::add-mask::y\r\n")
    stream.write("  ")  # split over writes, as print() and a progress line do
    stream.write("::warning::z\nok ##")
    stream.write("[error]w\n")
    stream.own("::error file=a.md,line=1,col=1::van ons\n")
    assert raw.getvalue() == ("a:b\n\\x3a:error::x\n  \\x3a:add-mask::y\\r\n  \\x3a:warning::z\nok ##\\x5berror]w\n"
                              "::error file=a.md,line=1,col=1::van ons\n")
    local = io.StringIO()
    SafeStream(local, github=False).write("::blijft\n")  # on a terminal a ':' steers nothing
    assert local.getvalue() == "::blijft\n"


def test_linkwaarschuwing_van_mkdocs_wordt_een_aantekening_op_haar_regel(tmp_path, monkeypatch, capsys):
    """MkDocs' own link warning holds the link as written; a newline in it cannot start a line of its own."""
    page = tmp_path / "gids.md"
    link = "andere\n::error title=x::pwned"
    page.write_text(f"# Titel\n\nZie [de lijst]({link}) hier.\n", encoding="utf-8")
    warning = f"Doc file 'gids.md' contains a link '{link}', but the target is not found among documentation files."
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "/elders/mkdocs/pages.py", 1, warning, None, None)
    handler = engine_messages.MkDocsMeldingen(logging.WARNING, lambda: lambda src: page)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    handler.emit(record)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    handler.emit(record)
    terminal, github = capsys.readouterr().err.splitlines()
    assert terminal.endswith(":3: link 'andere\\n::error title=x::pwned' verwijst naar een pagina die niet bestaat")
    [annotation] = annotations(github)
    assert (annotation["line"], annotation["col"]) == ("3", str(len("Zie [de lijst](") + 1))
    assert annotation["message"] == "link 'andere%0A::error title=x::pwned' verwijst naar een pagina die niet bestaat"


# --- the commands, as in CI ------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_klein(tmp_path / "project")


def test_gids_check_in_elk_formaat(project):
    target = invalid_record(project)
    themas = line_of(target, "themas:")
    for fmt in ("tekst", "github", "json"):
        result = run_gids("check", "--format", fmt, cwd=project, env=GITHUB)
        assert result.returncode == 1, result.stderr
        found = annotations(result.stdout + result.stderr)
        if fmt == "tekst":
            assert not found
            assert f"{SHOWN_NAME}:{themas}:23: themas[1]: bevat een onzichtbaar stuurteken (U+001B)" in result.stdout
        if fmt == "github":
            assert len(found) == len(result.stdout.splitlines())  # stdout is nothing but annotations
            mine = {(a["file"], a["line"], a["col"], a["title"]) for a in found if a["kind"] == "error"}
            assert {(SHOWN_NAME, "1", "1", "slug"), (SHOWN_NAME, str(themas), "23", "themas[1]"),
                    (SHOWN_NAME, str(themas), "49", "themas[2]")} <= mine
        if fmt == "json":
            assert not found
            problems = json.loads(result.stdout)["problemen"]
            mine = [p for p in problems if p["veld"] == "themas[2]"]
            assert [(p["bestand"], p["regel"]) for p in mine] == [(f"praktijken/{EVIL_NAME}", themas)]  # the real name
            assert "(U+202E)" in mine[0]["melding"]


def test_gids_build_toon_en_check_v_in_github_actions(project):
    """Two failing builds: the records' errors, then the links' (each an annotation on its line)."""
    target = invalid_record(project)
    themas = line_of(target, "themas:")
    site = project / "site"
    result = run_gids("build", "--zonder-pdf", "-d", str(site), cwd=project, env=GITHUB)
    assert result.returncode == 1 and not site.exists()
    found = annotations(result.stdout + result.stderr)
    assert {(a["file"], a["line"], a["col"], a["title"]) for a in found} >= {
        (SHOWN_NAME, "1", "1", "slug"), (SHOWN_NAME, str(themas), "23", "themas[1]"), (SHOWN_NAME, str(themas), "49", "themas[2]")}

    target.unlink()
    gent = attacking_record(project)
    result = run_gids("build", "--zonder-pdf", "-d", str(site), cwd=project, env=GITHUB)
    assert result.returncode == 1 and not site.exists()
    found = annotations(result.stdout + result.stderr)
    story = line_of(gent, "Zie [de lijst]")
    assert [(a["kind"], a["file"], a["line"]) for a in found] == [
        ("error", f"praktijken/{GENT.name}", str(story)), ("error", f"praktijken/{GENT.name}", str(story + 1))]
    assert "2 fout(en) in de links hierboven; de site is niet gebouwd." in result.stderr.splitlines()

    for args in (("toon", "gent-iedereen"), ("check", "-v")):
        result = run_gids(*args, cwd=project, env=GITHUB)
        annotations(result.stdout + result.stderr)
        # the period quoted from the record stays on its line
        assert any("juli 2015 – juli 2017\\n::error title=x::pwned" in line for line in result.stdout.splitlines())
