"""Code of others: the site ships only the lunr files it uses, and every ported or shipped file keeps its licence."""
from __future__ import annotations

import re
from pathlib import Path

from .conftest import ROOT, parsed_page

NS = "{http://www.w3.org/1999/xhtml}"
THIRD_PARTY = (ROOT / "THIRD-PARTY.md").read_text(encoding="utf-8")


def script_sources(site: Path) -> set[Path]:
    """Every file a page of the site loads with <script src>, resolved against the page."""
    sources = set()
    for page in site.rglob("*.html"):
        document = parsed_page(page)
        for script in document.iter(f"{NS}script"):
            src = script.get("src")
            if src:
                base = site if src.startswith("/") else page.parent
                sources.add((base / src.lstrip("/").split("?")[0]).resolve())
    return sources


def test_the_site_ships_only_the_lunr_files_its_pages_load(fixture_site):
    loaded = script_sources(fixture_site)
    assert all(path.is_file() for path in loaded), sorted(p for p in loaded if not p.is_file())
    lunr = fixture_site / "assets" / "javascripts" / "lunr"
    shipped = {p.resolve() for p in lunr.rglob("*") if p.is_file()}
    scripts = {p for p in shipped if p.suffix == ".js"}
    assert {p.name for p in scripts} == {"lunr.stemmer.support.min.js", "lunr.nl.min.js"}
    assert scripts <= loaded  # the catalogue loads each of them
    assert {p.name for p in shipped - scripts} == {"lunr-languages.LICENSE.txt"}


def test_the_shipped_lunr_languages_files_carry_their_licence(fixture_site):
    notice = (fixture_site / "assets/javascripts/lunr/min/lunr-languages.LICENSE.txt").read_text(encoding="utf-8")
    assert "Mihai Valentin" in notice and "Oleg Mazko" in notice
    assert "https://github.com/MihaiValentin/lunr-languages" in notice
    assert "MOZILLA PUBLIC LICENSE" in notice and "Version 1.1" in notice
    for name in ("vendor/lunr.LICENSE.txt",):
        assert (fixture_site / "assets/javascripts" / name).is_file()
    assert (fixture_site / "assets/material.LICENSE.txt").read_text(encoding="utf-8").startswith("Copyright (c)")


def test_the_port_of_the_dutch_stemmer_states_its_licence_and_origin():
    port = (ROOT / "generator" / "search" / "lunr_nl.py").read_text(encoding="utf-8")
    head = port[:port.index('"""')]  # the notice comes first
    assert "subject to the Mozilla Public License Version 1.1" in head
    assert "https://github.com/MihaiValentin/lunr-languages" in head
    assert "Copyright (C) 2014 Mihai Valentin" in head and "Oleg Mazko" in head
    assert "Modifications" in head  # MPL 1.1, 3.3: what was changed, and when
    licence = (ROOT / "generator" / "data" / "MPL-1.1.txt").read_text(encoding="utf-8")
    assert "MOZILLA PUBLIC LICENSE" in licence and "Version 1.1" in licence
    assert "Mozilla Public License 1.1" in (ROOT / "generator" / "data" / "stopwoorden_nl.txt").read_text(encoding="utf-8")


def test_third_party_lists_files_that_exist(fixture_site):
    named = set(re.findall(r"`((?:theme|tests|generator)/[^`*]+)`", THIRD_PARTY))
    assert len(named) >= 8
    assert [path for path in named if not (ROOT / path).exists()] == []
    for path in ("generator/search/lunr_nl.py", "theme/assets/javascripts/vendor/lunr.min.js", "tests/vendor/axe.min.js"):
        assert f"`{path}`" in THIRD_PARTY, path
    # what THIRD-PARTY.md says is on the site is
    for row in THIRD_PARTY.splitlines():
        for path in re.findall(r"`theme/(assets/[^`]+)` \(ook op de site\)", row):
            assert (fixture_site / path).is_file(), path


def test_every_vendored_script_has_its_licence_beside_it():
    for folder in (ROOT / "theme" / "assets" / "javascripts" / "vendor", ROOT / "tests" / "vendor"):
        for script in folder.glob("*.min.js"):
            name = script.name.removesuffix(".min.js")
            assert list(folder.glob(f"{name}*LICENSE*")), script
