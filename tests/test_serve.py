"""`gids serve`: the editor's live preview follows the records, and says in Dutch why it cannot start."""
from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generator.site.serve_guard import allowed_hosts, host_guard
from tests.conftest import ROOT, copy_klein, run_gids

RECORD = "praktijken/kortrijk-toeleiders-1-loketdienst.md"


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
        time.sleep(0.05)
    return False


def test_serve_met_een_fout_in_een_praktijk_zegt_waar_en_stopt(tmp_path):
    project = copy_klein(tmp_path)
    record = project / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("plaats: Kortrijk", "plaats:"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{free_port()}"],
                            cwd=project, capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert f"{RECORD}:" in result.stderr and "plaats: is leeg" in result.stderr
    assert "De site kan niet getoond worden" in result.stderr
    assert "Aborted" not in result.stderr


def test_serve_toont_een_gewijzigde_praktijk_zonder_herstart(tmp_path):
    project = copy_klein(tmp_path)
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
    project = copy_klein(tmp_path)
    record = project / RECORD
    record.write_text(record.read_text(encoding="utf-8") + "\nZie [x](bestaat-niet.md).\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{free_port()}"],
                            cwd=project, capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert f"{RECORD}:" in result.stderr
    assert "link 'bestaat-niet.md' verwijst naar een pagina die niet bestaat" in result.stderr
    assert "Doc file" not in result.stderr


def answer(port: int, host: str | None, path: str = "/") -> tuple[int, str]:
    """Status and body of a request to the preview that names ``host`` in its Host header (None: no Host header)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_serve_antwoordt_alleen_voor_zijn_eigen_adres(tmp_path):
    """A page elsewhere that points its own domain at 127.0.0.1 (DNS rebinding) cannot read the preview."""
    project = copy_klein(tmp_path)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "-a", f"localhost:{port}"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={"PYTHONPATH": str(ROOT)})
    try:
        assert wait_for(lambda: fetch(f"http://localhost:{port}/") is not None, 90), "gids serve startte niet"
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
            status, body = answer(port, host)
            assert status == 200 and "Praktijken zoeken" in body, host
        for host in (f"aanvaller.example:{port}", "aanvaller.example", f"localhost.aanvaller.example:{port}",
                     f"127.0.0.1:{port + 1}", f"127.0.0.2:{port}", "", None):
            for path in ("/", f"/praktijken/{Path(RECORD).stem}/", "/livereload/1/1"):
                status, body = answer(port, host, path)
                assert status == 403, (host, path)
                assert body.startswith("Geweigerd: deze voorvertoning van gids serve antwoordt alleen op zijn eigen adres")
                assert "Effect vzw" not in body
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_op_alle_netwerken_antwoordt_op_ip_adressen_maar_niet_op_namen():
    app = host_guard(lambda environ, start_response: start_response("200 OK", []) or [b"site"], "0.0.0.0", 8000)

    def status(host: str) -> str:
        statuses: list[str] = []
        app({"HTTP_HOST": host}, lambda s, headers: statuses.append(s))
        return statuses[0]

    assert status("192.168.1.20:8000").startswith("200") and status("[fe80::1]:8000").startswith("200")
    assert status("localhost:8000").startswith("200")
    assert status("0.0.0.0:8000").startswith("200")  # an IP address: no name to rebind
    assert status("192.168.1.20:8001").startswith("403") and status("intranet.example:8000").startswith("403")
    assert allowed_hosts("127.0.0.1", 80) >= {"localhost", "127.0.0.1:80"}
