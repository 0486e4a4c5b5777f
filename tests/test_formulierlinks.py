"""The site's links to the issue forms: every practice page opens the correction form with itself filled in,
the home page and the catalogue open the proposal form; without ``repo_url`` they are left out, said once."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.shared.issue_forms import CORRECTIE_FORM, VOORSTEL_FORM

from .conftest import ROOT, copy_klein, parsed_page, run_gids_in_process

REPO = "https://github.com/voorbeeld-eigenaar/van-opvang-naar-samenleven"
MELDING = "geen adres van de repository (GIDS_REPO_URL of repo_url in mkdocs.yml)"


def links(page: Path, text: str) -> list[str]:
    return [a.get("href") for a in parsed_page(page).iter("{http://www.w3.org/1999/xhtml}a")
            if "".join(a.itertext()).strip() == text]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, str]:
    project = copy_klein(tmp_path_factory.mktemp("formulierlinks") / "project")
    result = run_gids_in_process("build", "--zonder-pdf", cwd=project, env={"GIDS_REPO_URL": REPO})  # as CI sets it
    assert result.returncode == 0, result.stderr
    assert MELDING not in result.stderr
    return project, project / "site", result.stderr


def test_elke_praktijk_linkt_naar_het_wijzigingsformulier_met_zichzelf_ingevuld(built):
    project, site, _ = built
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / CORRECTIE_FORM).read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    records = sorted((project / "praktijken").glob("*.md"))
    assert records
    for record in records:
        front = yaml.safe_load(record.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n"))
        [href] = links(site / "praktijken" / record.stem / "index.html", "Meld een wijziging")
        url = urlsplit(href)
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
        query = parse_qs(url.query, strict_parsing=True)
        assert query["template"] == [CORRECTIE_FORM] and query["praktijk"] == [record.stem]
        assert query["title"] == [f"Wijziging: {front['plaats']}: {front['titel']}"]
        assert set(query) - {"template", "title"} <= ids  # every other parameter fills a question of the form


def test_start_en_catalogus_linken_naar_het_voorstelformulier_en_de_uitleg(built):
    _, site, _ = built
    for page in (site / "index.html", site / "praktijken" / "index.html"):
        [href] = links(page, "Een praktijk voorstellen")
        assert href == f"{REPO}/issues/new?template={VOORSTEL_FORM}"
        assert (ROOT / ".github" / "ISSUE_TEMPLATE" / VOORSTEL_FORM).is_file()
    assert "Wat gebeurt er daarna?" in (site / "voorstellen" / "index.html").read_text(encoding="utf-8")


def test_geen_widget_dat_github_bevraagt(built):
    """Material's repository widget would fetch the repository's facts from GitHub's API on every page."""
    _, site, _ = built
    for page in site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert "md-source" not in text and "api.github.com" not in text, page


def test_zonder_repo_url_geen_links_en_een_melding(tmp_path, monkeypatch):
    project = copy_klein(tmp_path / "project")
    monkeypatch.delenv("GIDS_REPO_URL", raising=False)
    result = run_gids_in_process("build", "--zonder-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(MELDING) == 1
    site = project / "site"
    assert not links(site / "index.html", "Een praktijk voorstellen")
    assert not any(links(page, "Meld een wijziging") for page in (site / "praktijken").glob("*/index.html"))
