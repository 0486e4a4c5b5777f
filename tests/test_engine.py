"""The engine behind the site: ProperDocs, named in generator/site/engine.py alone, with MkDocs 1.6 as fallback.

docs/ontwikkeling/beslissing-engine.md says why; the build comparison below is the evidence it cites,
kept as a test: on the same input both engines write the same site, but for the generator tag.
"""
from __future__ import annotations

import ast
import os
import re
from pathlib import Path

from generator.site import engine

from .conftest import FIXTURE_BUILD_ENV, ROOT, copy_klein, run_gids

GENERATOR = ROOT / "generator"
# the adapter: the packages whose modules may know there is an engine (they import generator.site.engine);
# tests/test_architectuur.py holds every other package to its place
ADAPTER = {"site", "cli"}
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _imports(path: Path) -> set[str]:
    """The modules a file imports, relative ones as '.name'."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def test_alleen_engine_py_importeert_de_engine():
    importers = {path.relative_to(GENERATOR).as_posix() for path in GENERATOR.rglob("*.py")
                 if any(name.split(".")[0] in ("mkdocs", "properdocs") for name in _imports(path))}
    assert importers == {"site/engine.py"}


def test_alleen_de_adapter_kent_de_engine():
    users = {path.relative_to(GENERATOR).parts[0] for path in GENERATOR.rglob("*.py")
             if {".engine", "..site.engine"} & _imports(path)}
    assert "site" in users and users <= ADAPTER, users - ADAPTER


def test_de_tests_draaien_op_properdocs_tenzij_gids_engine_mkdocs_zegt():
    """The locks install ProperDocs; Material's `mkdocs.*` imports then load its modules, not MkDocs'.
    ``GIDS_ENGINE=mkdocs pytest`` runs the tests on MkDocs 1.6.1 instead."""
    import mkdocs.plugins
    import properdocs.plugins

    if os.environ.get("GIDS_ENGINE") == "mkdocs":
        assert engine.NAAM == "MkDocs" and engine.LOGGER == "mkdocs"
        assert mkdocs.plugins is not properdocs.plugins and engine.BasePlugin is mkdocs.plugins.BasePlugin
    else:
        assert engine.NAAM == "ProperDocs" and engine.LOGGER == "properdocs"
        assert mkdocs.plugins is properdocs.plugins and engine.BasePlugin is properdocs.plugins.BasePlugin


def _site(path: Path) -> dict[str, bytes]:
    """Every file of a built site, HTML without the generator tag (each engine writes its own name there)."""
    files = {}
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        data = file.read_bytes()
        if file.suffix == ".html":
            data, found = GENERATOR_TAG.subn(b"", data)
            assert found == 1, file
        files[file.relative_to(path).as_posix()] = data
    return files


def test_mkdocs_en_properdocs_bouwen_dezelfde_site(tmp_path):
    project = copy_klein(tmp_path / "project")
    built = {}
    for name in ("properdocs", "mkdocs"):
        result = run_gids("build", "--zonder-pdf", "-d", str(tmp_path / name), cwd=project,
                          env={**FIXTURE_BUILD_ENV, "GIDS_ENGINE": name})
        assert result.returncode == 0, result.stderr
        built[name] = tmp_path / name
    # the two builds really ran different engines
    assert b'content="mkdocs-ProperDocs ' in (built["properdocs"] / "index.html").read_bytes()
    assert b"ProperDocs" not in (built["mkdocs"] / "index.html").read_bytes()
    first, second = _site(built["properdocs"]), _site(built["mkdocs"])
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
