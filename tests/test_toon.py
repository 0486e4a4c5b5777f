"""What an editor is shown of the derived facts: ``gids toon``, ``gids check -v`` and the aside of ``gids serve``."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.records.catalog import load_catalog
from generator.records.derive import OVERRIDABLE
from generator.records.explain import facts as regels
from generator.records.explain import text_block as tekst

from .conftest import FIXTURE_PRAKTIJKEN, run_gids

BY_SLUG = load_catalog(FIXTURE_PRAKTIJKEN).by_slug()
LEUVEN = "leuven-doelgericht-traject-reguliere-job"  # start and amount overridden, with a comment each
AALST = "aalst-netoverschrijdende-taalstimuleringsprojecten"  # four projects


def by_field(slug: str) -> dict:
    return {r.veld: r for r in regels(BY_SLUG[slug]) if r.veld}


def test_every_overridable_fact_is_shown_with_the_facts_date_first():
    found = regels(BY_SLUG[AALST])
    assert [r.veld for r in found[:1 + len(OVERRIDABLE)]] == ["bron.jaar", *OVERRIDABLE]
    assert found[0].waarde.startswith("gegevens uit de bron van 2016")
    assert found[-1].label == "in de catalogus"  # what the filters make of it


def test_an_override_shows_the_comment_above_it_as_its_reason():
    leuven = by_field(LEUVEN)
    assert leuven["start"].waarde == "2011"
    assert leuven["start"].grond == "overschreven in het record: 'loopt reeds 5 jaar' in de gids van 2016: gestart rond 2011"
    assert leuven["bedrag_eur"].waarde == "462.000"


def test_derived_facts_say_what_they_rest_on():
    aalst = by_field(AALST)
    assert aalst["lopend"].waarde == "liep in 2016"
    assert aalst["bedrag_eur"].grond == "de som van de bedragen van 4 deelprojecten"
    assert aalst["bedrag_basis"].waarde == "niet vermeld"


def test_the_block_names_the_file_and_the_title():
    block = tekst(BY_SLUG[LEUVEN])
    assert block.startswith(f"{BY_SLUG[LEUVEN].path}\n  Leuven: ")
    assert "\n  lopend " in block and "(overschreven in het record: " in block


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(FIXTURE_PRAKTIJKEN, tmp_path / "praktijken")
    return tmp_path


def test_gids_toon_takes_a_name_a_part_of_one_or_a_path(project):
    for given in (LEUVEN, "leuven", f"praktijken/{LEUVEN}.md"):
        result = run_gids("toon", given, cwd=project)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"praktijken/{LEUVEN}.md\n")
        assert "Zet het juiste feit in het record" in result.stderr


def test_gids_toon_helps_with_a_wrong_or_ambiguous_name(project):
    typo = run_gids("toon", "leuvn-doelgericht-traject-reguliere-job", cwd=project)
    assert typo.returncode == 1 and f"bedoelde je '{LEUVEN}'?" in typo.stderr
    ambiguous = run_gids("toon", "gent", cwd=project)
    assert ambiguous.returncode == 1 and "meer praktijken hebben dat in hun naam; kies er een: gent-" in ambiguous.stderr


def test_gids_toon_on_a_record_with_errors_shows_the_errors(project):
    path = project / "praktijken" / f"{LEUVEN}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("hoofdstuk: tewerkstelling", "hoofdstuk: werk"), encoding="utf-8")
    result = run_gids("toon", LEUVEN, cwd=project)
    assert result.returncode == 1
    assert "de praktijk heeft fouten; los die eerst op:" in result.stderr and "hoofdstuk" in result.stderr


def test_gids_check_verbose_shows_every_practice(project):
    result = run_gids("check", "-v", "--verouderd-na", "1200", cwd=project, env={"GIDS_VANDAAG": "2026-11-23"})
    assert result.returncode == 0, result.stdout + result.stderr
    for slug in BY_SLUG:
        assert f"\npraktijken/{slug}.md\n" in result.stdout
    assert result.stdout.count("\n  gegevens ") == len(BY_SLUG)


# --- gids check --sinds: freshness only for what a change touches -------------------------------------------------


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_sinds_warns_only_about_records_the_branch_changed_or_added(project):
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "catalogus")
    git(project, "switch", "-q", "-c", "wijziging")
    changed = project / "praktijken" / f"{LEUVEN}.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("titel: ", "titel: nieuw ", 1), encoding="utf-8")
    git(project, "commit", "-q", "-am", "titel aangepast")
    git(project, "switch", "-q", "main")  # main moves on after the branch left it: that change is not the branch's
    other = project / "praktijken" / f"{AALST}.md"
    other.write_text(other.read_text(encoding="utf-8") + "\nNog een alinea.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "main gaat verder")
    git(project, "switch", "-q", "wijziging")
    (project / "praktijken" / "leuven-kopie.md").write_text(  # new, not yet committed
        changed.read_text(encoding="utf-8").replace(f"slug: {LEUVEN}\n", ""), encoding="utf-8")

    result = run_gids("check", "--sinds", "main", cwd=project, env={"GIDS_VANDAAG": "2026-11-23"})
    assert result.returncode == 0, result.stdout + result.stderr
    warned = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert warned == {f"praktijken/{LEUVEN}.md", "praktijken/leuven-kopie.md"}
    assert "andere praktijk(en) hebben gegevens van meer dan 24 maanden oud; deze wijziging raakt ze niet" in result.stderr
    everything = run_gids("check", cwd=project, env={"GIDS_VANDAAG": "2026-11-23"})
    assert len(everything.stdout.splitlines()) > len(warned)


def test_sinds_an_unknown_version_is_refused_in_dutch(project):
    git(project, "init", "-q", "-b", "main")
    result = run_gids("check", "--sinds", "origin/bestaat-niet", cwd=project)
    assert result.returncode == 2
    assert "git kent die versie niet" in result.stderr and "fatal" not in result.stderr
