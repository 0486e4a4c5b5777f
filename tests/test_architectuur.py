"""The generator's packages and the direction of their imports (docs/ontwikkeling/architectuur.md).

Read from the source with ast, so a new module is held to the rule the day it is added:
- ``records`` is the core: it imports nothing of the other packages but ``shared``;
- ``search``, ``print`` and ``opendata`` build on the records, not on one another, the site or the command line;
- ``site`` (the engine adapter) builds on all of those; only ``cli`` may import ``site``;
- only ``site`` and ``cli`` may import the engine (MkDocs, ProperDocs, Material).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

GENERATOR = ROOT / "generator"
ENGINE = {"mkdocs", "properdocs", "material"}
# what each package may import of the generator (besides itself)
MAY_IMPORT = {
    "shared": set(),
    "records": {"shared"},
    "search": {"shared", "records"},
    "print": {"shared", "records"},
    "opendata": {"shared", "records"},
    "site": {"shared", "records", "search", "print", "opendata"},
    "cli": {"shared", "records", "search", "print", "opendata", "site"},
}
ENGINE_ALLOWED = {"site", "cli"}
MAX_LINES = 400
WHOLE = {"search/lunr_nl.py"}  # the Snowball port stays one file, as its origin


def _modules() -> list[Path]:
    return sorted(p for p in GENERATOR.rglob("*.py") if p.parent != GENERATOR)


def _package(path: Path) -> str:
    return path.relative_to(GENERATOR).parts[0]


def _imports(path: Path, text: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in a module (or in ``text`` as if it were that module)."""
    package = ["generator", *path.relative_to(GENERATOR).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8") if text is None else text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                # 'from ..site import plugin': the name may be a module of that package
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module or ""))
    return found


def test_elke_module_staat_in_een_pakket():
    assert {p.name for p in GENERATOR.glob("*.py")} == {"__init__.py"}
    assert {_package(p) for p in _modules()} == set(MAY_IMPORT)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(GENERATOR).as_posix())
def test_importen_wijzen_naar_binnen(path: Path):
    own = _package(path)
    wrong = []
    for line, name in _imports(path):
        parts = name.split(".")
        if parts[0] in ENGINE and own not in ENGINE_ALLOWED:
            wrong.append(f"{line}: {name} (de engine hoort in generator/site/)")
        if parts[0] == "generator" and len(parts) > 1 and parts[1] in MAY_IMPORT:
            if parts[1] != own and parts[1] not in MAY_IMPORT[own]:
                wrong.append(f"{line}: {name} ({own} mag {parts[1]} niet importeren)")
    assert wrong == [], f"{path.relative_to(ROOT)}: " + "; ".join(wrong)


def test_de_regel_vangt_een_import_naar_buiten():
    """The check itself: a records module that imports the site or the engine is caught."""
    imports = [name for _, name in _imports(GENERATOR / "records" / "model.py", "from ..site import plugin\nimport mkdocs\n")]
    assert "generator.site.plugin" in imports and "mkdocs" in imports


@pytest.mark.parametrize("path", [p for p in _modules() if p.relative_to(GENERATOR).as_posix() not in WHOLE],
                         ids=lambda p: p.relative_to(GENERATOR).as_posix())
def test_geen_module_is_te_lang(path: Path):
    """Every module but the Snowball port (WHOLE), which stays whole to be compared line by line with lunr.nl."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} heeft {lines} regels; splits per begrip"
