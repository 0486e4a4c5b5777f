"""The repository's GitHub files: they parse, and they do what CONTRIBUTING.md says they do.

GitHub only reads these files on its own servers, so a typo would show up after the merge;
here it shows up in the tests. (actionlint and check-jsonschema's GitHub schemas were also
run on them by hand; they are not dependencies of the project.) A pull request is untrusted input:
the tests also hold the workflows to least privilege and pinned actions.
"""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from generator.records.errors import RecordError
from generator.records.vocab import load_vocab

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
YAML_FILES = sorted([*GITHUB.rglob("*.yml"), *GITHUB.rglob("*.yaml"), ROOT / ".pre-commit-hooks.yaml"])


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key 'on' as the boolean True
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


# An action runs with the job's token and sees the checked-out pull request: pinned to a commit (a tag can be
# moved), with the release it is in a comment for the reader and for Dependabot.
PINNED = re.compile(r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40}) # (?P<version>v\d+\.\d+\.\d+)$")
INSTALL = "pip install --require-hashes -r requirements/lock.txt && pip install --no-deps --no-build-isolation -e ."


def weasyprint_packages() -> set[str]:
    """The Debian packages .ci/run installs for the PDF: the workflows need the same."""
    found = set(re.findall(r"\blib(?:pango|pangoft2|harfbuzz)[\w.-]*", (ROOT / ".ci" / "run").read_text(encoding="utf-8")))
    assert found == {"libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"}, found
    return found


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_yaml_bestand_is_geldig(path):
    assert load(path), path


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflow_heeft_de_vorm_die_github_verwacht(path):
    workflow = load(path)
    assert workflow["name"] and triggers(workflow)
    for name, job in workflow["jobs"].items():
        assert job["runs-on"].startswith("ubuntu-"), name
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step


# The one job that writes to the repository: it pushes the branch of a converted proposal, opens its pull request
# and comments on the issue (.github/workflows/omzetten.yml); the job that runs gids voorstel only reads.
WRITES = {("omzetten.yml", "pull-request"): {"contents": "write", "pull-requests": "write", "issues": "write"}}


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_elke_job_krijgt_alleen_de_rechten_die_hij_nodig_heeft(path):
    """Nothing by default; reading the repository per job; the rights to publish only where it publishes."""
    workflow = load(path)
    assert workflow["permissions"] == {}, "the workflow grants nothing: each job says what it needs"
    for name, job in workflow["jobs"].items():
        publishes = any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job["steps"])
        expected = {"pages": "write", "id-token": "write"} if publishes else WRITES.get((path.name, name), {"contents": "read"})
        assert job["permissions"] == expected, name
        if publishes:  # and it runs nothing of the pull request's or of a package's
            assert not any("run" in step or step["uses"].startswith("actions/checkout@") for step in job["steps"]), name
        if expected != {"contents": "read"}:  # a job that can write runs no package: no Python set up, nothing installed
            assert not any("pip" in step.get("run", "") or "setup-python" in step.get("uses", "") for step in job["steps"])


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_acties_zijn_vastgepind_op_een_commit_en_checkout_bewaart_geen_token(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert lines and len(lines) == len(uses(load(path)))
    for line in lines:
        assert PINNED.match(line), f"not pinned to a commit with its version: {line.strip()}"
    for step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False, "the token would stay in .git/config for every later step"


def test_dezelfde_versie_van_een_actie_is_overal_dezelfde_commit():
    pins: dict[tuple[str, str], set[str]] = {}
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := PINNED.match(line):
                pins.setdefault((match["action"], match["version"]), set()).add(match["sha"])
    assert pins and all(len(shas) == 1 for shas in pins.values()), pins
    assert len({action for action, _ in pins}) == len(pins), f"one version of each action: {sorted(pins)}"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_pakketten_komen_uit_het_vergrendelde_bestand(path):
    """Every install is the hashed lock, then the project itself without its dependencies."""
    installs = [command for command in runs(load(path)) if "pip install" in command]
    assert installs
    for command in installs:
        assert command in (INSTALL, INSTALL.replace("lock.txt", "lock-test.txt")), command


def test_dependabot_houdt_acties_en_pakketten_bij():
    config = load(GITHUB / "dependabot.yml")
    assert config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    for update in updates.values():
        assert update["directory"] == "/" and update["schedule"]["interval"] == "weekly"
        assert [group["patterns"] for group in update["groups"].values()] == [["*"]]  # one pull request a week


def test_pull_request_kijkt_na_met_aantekeningen_en_bouwt():
    workflow = load(WORKFLOWS / "controle.yml")
    assert "pull_request" in triggers(workflow)
    job = workflow["jobs"]["praktijken"]
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"
    commands = [s["run"] for s in job["steps"] if "run" in s]
    check = next(i for i, c in enumerate(commands) if "gids check --format github" in c)
    assert commands.index(INSTALL) < check < commands.index("gids build")
    # a pull request is checked against its base branch: old-data warnings only for the practices it changes
    assert '--sinds "origin/$GITHUB_BASE_REF"' in commands[check]
    assert weasyprint_packages() <= set(shlex.split(" ".join(commands)))
    tests = workflow["jobs"]["tests"]
    test_runs = [s.get("run", "") for s in tests["steps"]]
    assert any("pytest" in s for s in test_runs)
    # the code is linted and type-checked as .ci/run does it, before the tests
    lint = next(i for i, s in enumerate(test_runs) if s == "ruff check . && mypy")
    assert lint < next(i for i, s in enumerate(test_runs) if "pytest" in s)
    assert any("chromium" in s.get("run", "") and "nodejs" in s.get("run", "") for s in tests["steps"])


def test_main_wordt_gebouwd_en_op_pages_gepubliceerd():
    workflow = load(WORKFLOWS / "publiceren.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False
    assert "gids build" in runs(workflow)
    assert weasyprint_packages() <= set(shlex.split(" ".join(runs(workflow))))
    assert uses(workflow) == ["actions/checkout", "actions/setup-python", "actions/upload-pages-artifact",
                              "actions/configure-pages", "actions/deploy-pages"]
    bouwen = workflow["jobs"]["bouwen"]
    upload = next(s for s in bouwen["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"].rstrip("/") == "site"  # where gids build writes
    deploy = workflow["jobs"]["publiceren"]
    assert deploy["needs"] == "bouwen" and deploy["environment"]["name"] == "github-pages"
    # the build, which runs the packages and the content, cannot publish or ask for an OIDC token
    assert bouwen["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_maandelijkse_controle_op_verouderde_fiches_is_strikt():
    workflow = load(WORKFLOWS / "verouderd.yml")
    assert triggers(workflow)["schedule"]
    assert "gids check --format github --strict" in runs(workflow)


def test_issueformulier_biedt_de_echte_gesloten_lijsten():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "nieuwe-praktijk.yml")
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    vocab = load_vocab()
    for field, terms in (("hoofdstuk", vocab.hoofdstukken), ("themas", vocab.themas), ("doelgroepen", vocab.doelgroepen),
                         ("provincies", vocab.provincies)):
        assert fields[field]["type"] == "dropdown"
        assert fields[field]["attributes"]["options"] == [f"{t.label} ({key})" for key, t in terms.items()], field
    assert fields["themas"]["attributes"]["multiple"] is True
    for required in ("plaats", "titel", "hoofdstuk", "themas", "samenvatting", "bron_titel", "bron_datum", "verhaal"):
        assert fields[required]["validations"]["required"] is True, required
    assert all(option["required"] for option in fields["toestemming"]["attributes"]["options"])
    assert load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")["blank_issues_enabled"] is True


def test_pre_commit_hook_draait_gids_check_op_praktijken():
    [hook] = load(ROOT / ".pre-commit-hooks.yaml")
    assert (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) == ("gids-check", "gids check", "python", False)
    files = re.compile(hook["files"])
    assert files.search("praktijken/gent-iedereen-onder-dak.md")
    assert not files.search("docs/index.md") and not files.search("praktijken/foto.jpg")
    assert 'gids = "generator.cli:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_vscode_taak_herkent_fouten_en_waarschuwingen_van_gids_check():
    """The problem matchers of .vscode/tasks.json read the lines gids check prints (JSON with // comments)."""
    text = (ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8")
    [task] = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.MULTILINE))["tasks"]
    assert task["command"] == ".venv/bin/gids check"
    matchers = {m["severity"]: re.compile(m["pattern"]["regexp"]) for m in task["problemMatcher"]}
    fout = str(RecordError("praktijken/a-b.md", 6, 31, "themas[2]", "onbekende waarde 'sport': bedoelde je 'opvang'?"))
    oud = str(RecordError("praktijken/a-b.md", 29, 23, "laatst_gecontroleerd", "de fiche is ...", severity="waarschuwing"))
    assert matchers["error"].match(fout).groups() == ("praktijken/a-b.md", "6", "31", "themas[2]: onbekende waarde 'sport': bedoelde je 'opvang'?")
    assert matchers["warning"].match(oud).groups() == ("praktijken/a-b.md", "29", "23", "laatst_gecontroleerd: de fiche is ...")
    assert not matchers["error"].match(oud) and not matchers["warning"].match(fout)


def test_ci_run_draait_precies_het_testcommando_van_de_readme():
    """README: "dit is precies wat .ci/run doet": the same command, lint and type check included."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**De tests draaien**"):]
    command = re.search(r"```sh\n(.*?)\n```", section, re.DOTALL)
    assert command, "no test command in the README"
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci_run == command[1]
    assert ".venv/bin/ruff check . && .venv/bin/mypy && .venv/bin/pytest" in ci_run
