"""`gids serve`: the editor's live preview follows the records, and says in Dutch why it cannot start."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, copy_project, run_gids

RECORD = "praktijken/kortrijk-toeleiders-1-loketdienst.md"


def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_serve_met_een_fout_in_een_praktijk_zegt_waar_en_stopt(tmp_path):
    project = project_copy(tmp_path)
    record = project / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("plaats: Kortrijk", "plaats:"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{free_port()}"],
                            cwd=project, capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert f"{RECORD}:" in result.stderr and "plaats: is leeg" in result.stderr
    assert "De site kan niet getoond worden" in result.stderr
    assert "Aborted" not in result.stderr


def test_serve_toont_een_gewijzigde_praktijk_zonder_herstart(tmp_path):
    project = project_copy(tmp_path)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={"PYTHONPATH": str(ROOT)})
    page = f"http://127.0.0.1:{port}/praktijken/kortrijk-toeleiders-1-loketdienst/"
    try:
        assert wait_for(lambda: fetch(page) is not None, 90), "gids serve startte niet"
        assert "Effect vzw" in fetch(page)
        # the editor sees what was derived, and on what it rests (the published site does not: test_site)
        assert "Wat de generator afleidt" in fetch(page) and "uit &#39;bron.jaar&#39;" in fetch(page)
        record = project / RECORD
        record.write_text(record.read_text(encoding="utf-8").replace("trekker: Effect vzw", "trekker: Effect vzw Kortrijk"),
                          encoding="utf-8")
        assert wait_for(lambda: "Effect vzw Kortrijk" in (fetch(page) or ""), 90), "de wijziging verscheen niet"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Bekijk de site op" in errors and "praktijken" in errors


def test_serve_zonder_configuratie_zegt_het_in_het_nederlands(tmp_path):
    result = run_gids("serve", "-f", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 1
    assert "configuratiebestand niet gevonden" in result.stderr


def test_serve_noemt_een_kapotte_link_in_het_nederlands_bij_het_bestand(tmp_path):
    project = project_copy(tmp_path)
    record = project / RECORD
    record.write_text(record.read_text(encoding="utf-8") + "\nZie [x](bestaat-niet.md).\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{free_port()}"],
                            cwd=project, capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert f"{RECORD}:" in result.stderr
    assert "link 'bestaat-niet.md' verwijst naar een pagina die niet bestaat" in result.stderr
    assert "Doc file" not in result.stderr
