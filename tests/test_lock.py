"""The locks that CI and the README install from hold every dependency of pyproject.toml, within its range, hashed.

pyproject.toml says which versions the code works with; requirements/lock.txt and lock-test.txt say which
exact files are installed (README: "De vergrendelde versies bijwerken"). When someone adds or raises a
dependency in one and not the other, this test says so before pip does on a fresh machine.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT

REQUIREMENTS = ROOT / "requirements"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)(?P<rest>.*)$")


def pins(path: Path) -> dict[str, str]:
    """name -> version of a lock, after asserting that every pin carries at least one sha256 hash."""
    found: dict[str, str] = {}
    entries = re.split(r"\n(?=\S)", path.read_text(encoding="utf-8"))  # a pin and its indented continuation lines
    for entry in entries:
        if entry.startswith("#") or not entry.strip():
            continue
        match = PIN.match(entry.splitlines()[0])
        assert match, f"{path.name}: not an exact pin: {entry.splitlines()[0]}"
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), f"{path.name}: {match['name']} has no hash"
        found[canonicalize_name(match["name"])] = match["version"]
    return found


def assert_within(requirements: list[str], locked: dict[str, str], lock: str) -> None:
    for text in requirements:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{lock} lacks {requirement.name} from pyproject.toml"
        assert requirement.specifier.contains(locked[name], prereleases=True), \
            f"{lock} has {requirement.name}=={locked[name]}, outside pyproject.toml's {requirement.specifier}"


@pytest.mark.parametrize(("lock", "extras"), [("lock.txt", []), ("lock-test.txt", ["test"])])
def test_slot_bevat_elke_afhankelijkheid_binnen_haar_bereik(lock, extras):
    locked = pins(REQUIREMENTS / lock)
    wanted = PYPROJECT["project"]["dependencies"] + [r for extra in extras for r in PYPROJECT["project"]["optional-dependencies"][extra]]
    assert_within(wanted, locked, lock)
    # the build backend too: `pip install --no-build-isolation` takes it from the venv, not from the network
    assert_within(PYPROJECT["build-system"]["requires"], locked, lock)
    build_in = [line for line in (REQUIREMENTS / "build.in").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    assert build_in == PYPROJECT["build-system"]["requires"]


def test_de_site_en_de_tests_gebruiken_dezelfde_versies():
    site, tests = pins(REQUIREMENTS / "lock.txt"), pins(REQUIREMENTS / "lock-test.txt")
    assert {name: tests.get(name) for name in site} == site


def test_de_minimumversies_liggen_voorbij_de_bekende_lekken():
    """Material's search XSS (fixed in 9.7.7), Jinja2's sandbox escape (3.1.6), Python-Markdown's crash (3.8.1)."""
    minimum = {canonicalize_name(Requirement(r).name): Requirement(r).specifier for r in PYPROJECT["project"]["dependencies"]}
    for name, bad in (("mkdocs-material", "9.7.6"), ("jinja2", "3.1.5"), ("markdown", "3.8.0")):
        assert not minimum[name].contains(bad), f"pyproject.toml still allows {name} {bad}"
