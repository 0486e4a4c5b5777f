"""``gids check --format tekst|github|json`` and ``--strict``: what CI and editors read.

The CLI runs in a temporary project folder, as in CI, so that the paths it prints are
relative to the working directory (``praktijken/x.md``), the form GitHub needs to put an
annotation on the right file of a pull request.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.records.errors import RecordError
from generator.records.report import (
    escape_data,
    escape_property,
    github_command,
    json_document,
    render,
    summary,
)
from generator.records.vocab import load_vocab

from .conftest import FIXTURE_PRAKTIJKEN, PROJECT, ROOT

KORTRIJK = FIXTURE_PRAKTIJKEN / "kortrijk-toeleiders-1-loketdienst.md"
GENT = FIXTURE_PRAKTIJKEN / "gent-iedereen-onder-dak.md"
KORTRIJK_PAD = "praktijken/kortrijk-toeleiders-1-loketdienst.md"
GENT_PAD = "praktijken/gent-iedereen-onder-dak.md"
THEMAS = ", ".join(load_vocab().themas)  # read from the data: an editor may add a theme
OUD = ("de gegevens van deze fiche dateren van 2024-06-30, toen de praktijk ze bevestigde: 2 jaar en 4 maanden geleden "
       "(de grens is 24 maanden). Vraag de praktijk of ze nog kloppen, werk de fiche bij en zet de datum van die "
       "bevestiging in 'bevestigd'")
CHECKED = "laatst_gecontroleerd: 2026-11-23"


def confirmed(source: Path, day: str) -> str:
    """The record as if the practice confirmed its facts on ``day`` (JJJJ-MM-DD)."""
    return edit(source, (CHECKED, f"{CHECKED}\nbevestigd: {day}"))


def edit(source: Path, *changes: tuple[str, str]) -> str:
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of two fixture records: Kortrijk with three errors on three lines, Gent valid but confirmed long ago."""
    folder = tmp_path / "praktijken"
    folder.mkdir()
    (folder / KORTRIJK.name).write_text(edit(
        KORTRIJK,
        (CHECKED, f"{CHECKED}\nbevestigd: 2026-11-23"),
        ("themas: [onthaal, toeleiding, diversiteit]", "themas: [onthaal, toeleiding, sport]"),
        ("  - Stad Kortrijk\n", "  - \n"),
        ("    email: Fie.Velghe@integratie-inburgering.be", "    email: Fie.Velghe(at)integratie-inburgering.be"),
    ), encoding="utf-8")
    (folder / GENT.name).write_text(confirmed(GENT, "2024-06-30"), encoding="utf-8")
    return tmp_path


def fresh_gent(tmp_path: Path) -> Path:
    """Gent alone, confirmed by the practice on 2026-11-23."""
    (tmp_path / "praktijken").mkdir()
    (tmp_path / "praktijken" / GENT.name).write_text(confirmed(GENT, "2026-11-23"), encoding="utf-8")
    return tmp_path


def gids_check(cwd: Path, *args: str, vandaag: str | None = "2026-11-23") -> subprocess.CompletedProcess:
    """`gids check` on the day ``vandaag`` (the fixture records were checked on 2026-11-23); None: today."""
    clock = {k: v for k, v in os.environ.items() if k.startswith(("FAKETIME", "LD_PRELOAD"))}  # a moved clock too
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **clock, **({"GIDS_VANDAAG": vandaag} if vandaag else {})}
    return subprocess.run([sys.executable, "-m", "generator.cli", "check", *args], cwd=cwd, env=env, check=False,
                          capture_output=True, text=True, timeout=120)


def line_of(record: Path, start: str) -> int:
    """The line number of the first line of a record that starts with ``start``."""
    lines = record.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


def gent_line() -> int:
    """The line of 'bevestigd' in the project's Gent copy: right after laatst_gecontroleerd."""
    return line_of(GENT, CHECKED) + 1


# --- github ---------------------------------------------------------------------------------------------


def test_github_geeft_een_aantekening_per_probleem_op_de_juiste_regel(project):
    result = gids_check(project, "--format", "github")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"::warning file={GENT_PAD},line={gent_line()},col=12,title=bevestigd::{OUD}",
        f"::error file={KORTRIJK_PAD},line={line_of(KORTRIJK, 'themas:')},col=31,title=themas[2]::onbekende waarde 'sport' (verwacht een van: {THEMAS})",
        f"::error file={KORTRIJK_PAD},line={line_of(KORTRIJK, '  - Stad Kortrijk')},col=4,title=partners[0]::is leeg (verwacht tekst)",
        (f"::error file={KORTRIJK_PAD},line={line_of(KORTRIJK, '    email:')},col=12,title=contact[0].email::ongeldig e-mailadres "
         "'Fie.Velghe(at)integratie-inburgering.be' (verwacht iets als naam@organisatie.be)"),
    ]
    # the people reading the log get the summary, the annotations stay on stdout
    assert result.stderr == "3 fout(en) in 1 van 2 bestanden, 1 waarschuwing(en).\n"


def test_github_ontsnapt_wat_een_commando_zou_breken():
    problem = RecordError("praktijken/a,b:c.md", 3, 7, "contact[0].email",
                          "100% fout:\nregel twee, met komma\r\x1b[2K", severity="fout")
    # a carriage return or ESC would reach the log through the runner's %0D: shown as an escape instead
    assert github_command(problem) == (
        "::error file=praktijken/a%2Cb%3Ac.md,line=3,col=7,title=contact[0].email::100%25 fout:%0Aregel twee, met komma\\r\\x1b[2K")
    assert escape_data("50%0A") == "50%250A"  # '%' first, or an existing '%0A' would turn into a newline
    assert escape_property("a: b, c%") == "a%3A b%2C c%25"


def test_github_zonder_veld_heeft_geen_titel_en_een_waarschuwing_is_warning():
    problem = RecordError("praktijken/x.md", 1, 1, "", "front matter ontbreekt", severity="waarschuwing")
    assert github_command(problem) == "::warning file=praktijken/x.md,line=1,col=1::front matter ontbreekt"


# --- json ------------------------------------------------------------------------------------------------


def test_json_telt_wat_tekst_toont(project):
    as_json = gids_check(project, "--format", "json")
    as_text = gids_check(project)
    assert as_json.returncode == as_text.returncode == 1
    document = json.loads(as_json.stdout)
    assert list(document) == ["ok", "fouten", "waarschuwingen", "problemen"]
    assert (document["ok"], document["fouten"], document["waarschuwingen"]) == (False, 3, 1)
    assert len(document["problemen"]) == len(as_text.stdout.splitlines()) == 4
    first = document["problemen"][0]
    assert list(first) == ["bestand", "regel", "kolom", "veld", "melding", "ernst"]
    assert (first["bestand"], first["regel"], first["kolom"], first["veld"], first["ernst"]) == (
        GENT_PAD, gent_line(), 12, "bevestigd", "waarschuwing")
    rebuilt = [RecordError(p["bestand"], p["regel"], p["kolom"], p["veld"], p["melding"], p["ernst"])
               for p in document["problemen"]]
    assert render(rebuilt, "tekst") == as_text.stdout  # nothing lost on the way
    assert json_document(rebuilt) + "\n" == as_json.stdout  # and the same document again


def test_json_zonder_problemen(tmp_path):
    result = gids_check(fresh_gent(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"ok": True, "fouten": 0, "waarschuwingen": 0, "problemen": []}


# --- freshness on the command line --------------------------------------------------------------------------


def test_verouderde_fiche_is_een_waarschuwing_die_niet_faalt(tmp_path):
    fresh_gent(tmp_path)
    fresh = gids_check(tmp_path, vandaag="2028-11-23")  # exactly 24 months: not yet
    assert (fresh.returncode, fresh.stdout) == (0, "")
    stale = gids_check(tmp_path, vandaag="2028-11-24")
    assert stale.returncode == 0, stale.stderr
    assert stale.stdout == (f"{GENT_PAD}:{gent_line()}:12: waarschuwing: bevestigd: de gegevens van deze fiche dateren "
                            "van 2026-11-23, toen de praktijk ze bevestigde: 2 jaar geleden (de grens is 24 maanden). "
                            "Vraag de praktijk of ze nog kloppen, werk de fiche bij en zet de datum van die bevestiging "
                            "in 'bevestigd'\n")
    assert "geen fouten, 1 waarschuwing(en)." in stale.stderr


def test_strict_maakt_van_een_waarschuwing_een_mislukking(tmp_path):
    fresh_gent(tmp_path)
    result = gids_check(tmp_path, "--strict", "--format", "json", vandaag="2028-11-24")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert (document["ok"], document["fouten"], document["waarschuwingen"]) == (False, 0, 1)
    assert "Met --strict tellen waarschuwingen als fouten" in result.stderr
    assert gids_check(tmp_path, "--strict", vandaag="2026-11-23").returncode == 0


def test_verouderd_na_kiest_de_grens(tmp_path):
    fresh_gent(tmp_path)
    result = gids_check(tmp_path, "--verouderd-na", "6", vandaag="2027-06-01")
    assert result.returncode == 0
    assert "van 2026-11-23, toen de praktijk ze bevestigde: 6 maanden geleden (de grens is 6 maanden)" in result.stdout
    refused = gids_check(tmp_path, "--verouderd-na", "twee jaar")
    assert refused.returncode == 2 and "verwacht een aantal maanden" in refused.stderr


def test_ongeldige_vandaag_wordt_in_het_nederlands_geweigerd(tmp_path):
    result = gids_check(tmp_path, vandaag="23/11/2026")
    assert result.returncode == 2
    assert result.stderr == "gids check: GIDS_VANDAAG='23/11/2026' is geen datum (verwacht JJJJ-MM-DD, bv. 2026-11-23)\n"


@pytest.mark.catalogus
def test_de_catalogus_heeft_vandaag_geen_fouten():
    """Today, whatever day that is: a fiche not checked for a long time is a warning, never a failure."""
    result = gids_check(PROJECT, "--format", "json", vandaag=None)
    assert result.returncode == 0, result.stdout + result.stderr
    document = json.loads(result.stdout)
    assert document["ok"] is True and document["fouten"] == 0
    assert {p["ernst"] for p in document["problemen"]} <= {"waarschuwing"}


# --- the summary ------------------------------------------------------------------------------------------------


def test_samenvatting_telt_waarschuwingen_apart():
    fout = RecordError("praktijken/a.md", 2, 1, "titel", "is leeg (verwacht tekst)")
    oud = RecordError("praktijken/b.md", 9, 23, "laatst_gecontroleerd", "...", severity="waarschuwing")
    assert summary([], 38, 0.5) == "38 praktijken nagekeken in 0.50 s: geen fouten."
    assert summary([oud], 38, 0.5) == "38 praktijken nagekeken in 0.50 s: geen fouten, 1 waarschuwing(en)."
    assert summary([fout, oud], 38, 0.5) == "1 fout(en) in 1 van 38 bestanden, 1 waarschuwing(en)."
    assert summary([oud], 38, 0.5, strict=True).endswith("\nMet --strict tellen waarschuwingen als fouten: "
                                                         "de controle is niet geslaagd.")
