"""The catalogue page's scripts without a browser: tests/js/ run by node's own test runner.

catalogus-logica.js (state <-> URL, filters, counts, sorting) and planner.js (the page's timers)
have no DOM, so node runs them; tests/test_catalogus_browser.py checks the page that wires them.
"""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .conftest import ROOT

TESTS = ROOT / "tests" / "js"


def test_the_catalogue_scripts_pass_their_node_tests():
    if not shutil.which("node"):
        pytest.fail("node is needed for the tests of the catalogue's scripts (apt-get install nodejs)")
    files = sorted(TESTS.glob("*.test.js"))
    assert len(files) >= 2, files
    result = subprocess.run(["node", "--test", "--test-reporter=tap", *map(str, files)], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    summary = dict(re.findall(r"^# (tests|pass|fail|cancelled|skipped|todo) (\d+)$", result.stdout, re.MULTILINE))
    failed = [line for line in result.stdout.splitlines() if line.lstrip().startswith("not ok")]
    assert result.returncode == 0 and failed == [], result.stdout[-6000:] + result.stderr[-2000:]
    # every test ran and passed: none skipped, none left as todo
    assert int(summary["tests"]) >= 50 and summary["pass"] == summary["tests"], summary
