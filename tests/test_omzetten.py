"""The workflow that turns a labelled issue into a pull request, as far as it runs without GitHub.

Its two jobs are scripts (``.github/omzetten/``): here the first runs on a real event file in a git copy of
the small project, and the second on its output, with a local bare repository as ``origin`` and a stand-in
``gh`` that records what it was asked to do.
"""
from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, copy_klein
from .test_github import WORKFLOWS, load, steps, triggers

WORKFLOW = WORKFLOWS / "omzetten.yml"
SCRIPTS = ROOT / ".github" / "omzetten"
BODIES = ROOT / "tests" / "fixtures" / "voorstel"
LABEL = "omzetten"


def test_alleen_het_label_omzetten_start_de_workflow_en_geen_formulier_zet_het():
    workflow = load(WORKFLOW)
    assert triggers(workflow) == {"issues": {"types": ["labeled"]}}
    assert workflow["jobs"]["omzetten"]["if"] == f"github.event.label.name == '{LABEL}'"
    assert workflow["jobs"]["pull-request"]["needs"] == "omzetten"
    # an issue form's own labels are set by GitHub for anyone who opens an issue: never the trigger
    for form in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        assert LABEL not in (load(form).get("labels") or []), form.name


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_geen_tekst_van_buiten_in_een_shellregel(path):
    """What a proposer or a pull request wrote reaches a step only through the environment or a file."""
    for step in steps(load(path)):
        assert "${{" not in step.get("run", ""), step


@pytest.fixture
def repo(tmp_path) -> Path:
    project = copy_klein(tmp_path / "project")
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", "-A")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "start")
    return project


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def first_job(project: Path, body: str, tmp: Path) -> dict[str, str]:
    event = tmp / "event.json"
    event.write_text(json.dumps({"action": "labeled", "label": {"name": LABEL},
                                 "issue": {"number": 7, "title": "Nieuwe praktijk: x", "body": body}}), encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run([SCRIPTS / "voorstel.sh", event, tmp], cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return dict(line.split("=", 1) for line in result.stdout.splitlines())  # as GitHub reads $GITHUB_OUTPUT


def test_de_eerste_job_maakt_de_praktijk_en_de_reactie(repo, tmp_path):
    body = (BODIES / "ingevuld.md").read_text(encoding="utf-8").replace("\n", "\r\n")  # as GitHub stores a form's answers
    outputs = first_job(repo, body, tmp_path)
    assert set(outputs) == {"praktijk", "bestand", "reactie"}
    made = repo / outputs["praktijk"]
    assert re.fullmatch(r"praktijken/[a-z0-9-]+\.md", outputs["praktijk"]) and made.is_file()
    assert base64.b64decode(outputs["bestand"]) == made.read_bytes() and b"\r" not in made.read_bytes()
    reactie = base64.b64decode(outputs["reactie"]).decode("utf-8")
    assert f"`{outputs['praktijk']}`" in reactie and "in orde" in reactie


def test_een_issue_zonder_formulier_krijgt_alleen_een_reactie(repo, tmp_path):
    outputs = first_job(repo, "Hallo, ik heb een idee.\n$(touch gekaapt)\n", tmp_path)
    assert set(outputs) == {"reactie"} and "niet automatisch omgezet" in base64.b64decode(outputs["reactie"]).decode()
    assert not git(repo, "status", "--porcelain") and not (repo / "gekaapt").exists()


@pytest.mark.parametrize("issue_titel", ["Nieuwe praktijk: $(touch gekaapt) `id`", "Nieuwe praktijk: "])
def test_de_tweede_job_opent_een_pull_request_die_het_issue_sluit(repo, tmp_path, issue_titel):
    body = (BODIES / "vijandig.md").read_text(encoding="utf-8")
    outputs = first_job(repo, body, tmp_path)
    git(repo, "clean", "-fdq", "praktijken")  # the second job starts from a fresh checkout
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "--quiet", "--bare", str(repo), str(origin))
    git(repo, "remote", "add", "origin", str(origin))
    bin_dir, log = tmp_path / "bin", tmp_path / "gh.log"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{log}"\nprintf -- "---\\n" >> "{log}"\n')
    (bin_dir / "gh").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GH_TOKEN": "t", "GITHUB_REPOSITORY": "o/r",
           "BESTAND": outputs["bestand"], "PRAKTIJK": outputs["praktijk"], "ISSUE": "7",
           "ISSUE_TITEL": issue_titel}
    result = subprocess.run([SCRIPTS / "pull-request.sh"], cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert git(origin, "show", f"omzetten/issue-7:{outputs['praktijk']}") == base64.b64decode(outputs["bestand"]).decode()
    calls = log.read_text(encoding="utf-8").split("---\n")
    create = next(call.split("\n") for call in calls if call.startswith("pr\ncreate"))
    # the issue's title as text, not a command; the file's name when the proposer left only the form's prefix
    expected = issue_titel if issue_titel.strip() != "Nieuwe praktijk:" else f"Nieuwe praktijk: {Path(outputs['praktijk']).stem}"
    assert create[create.index("--title") + 1] == expected
    assert "Closes #7" in create[create.index("--body") + 1:][-2]
    assert not (repo / "gekaapt").exists()


def test_de_tweede_job_weigert_een_pad_buiten_praktijken(repo, tmp_path):
    env = {**os.environ, "BESTAND": "", "PRAKTIJK": "praktijken/../mkdocs.yml", "ISSUE": "7", "ISSUE_TITEL": "x"}
    result = subprocess.run([SCRIPTS / "pull-request.sh"], cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "onverwacht pad" in result.stderr


def test_de_workflow_draait_de_scripts_die_hier_getest_worden():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    run_lines = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(line.startswith(".github/omzetten/voorstel.sh \"$GITHUB_EVENT_PATH\"") for line in run_lines)
    assert ".github/omzetten/pull-request.sh" in run_lines
