"""What WeasyPrint may read while it lays out the guide: the print assets, the fonts, and images in docs/ and praktijken/.

The attack it stops: ``actions/checkout`` keeps its token in ``.git/config``, and a page in docs/ with
``<a rel="attachment" href="../../.git/config">`` had it embedded in the published PDF.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from generator.print.fetcher import local_fetcher
from generator.records.layout import ProjectLayout

from .conftest import FIXTURE_PRAKTIJKEN, ROOT, copy_klein, run_gids_in_process

GEHEIM = "ghs_GEHEIM-TOKEN-uit-de-checkout"
TOEGELATEN = ("de pdf neemt alleen afbeeldingen uit docs/ en praktijken/ op, en de opmaak en lettertypen uit theme/; "
              "zet een afbeelding in docs/")
SLUG = sorted(FIXTURE_PRAKTIJKEN.glob("*.md"))[0].stem


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the small project with what a checkout in CI has beside it, and a few files of each kind."""
    project = copy_klein(tmp_path_factory.mktemp("fetcher") / "project")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(f'[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic {GEHEIM}\n')
    (project / "pyproject.toml").write_text(f"# {GEHEIM}\n")
    (project / "docs" / "gids" / "foto.png").write_bytes(b"\x89PNG toegelaten afbeelding")
    (project / "docs" / ".verborgen.png").write_bytes(b"\x89PNG verborgen")
    (project / "praktijken" / "kaart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    return project


@pytest.fixture
def links(project: Path):
    """Two images that are links out of the allowed folders (`gids check` refuses them; the fetcher must too)."""
    made = {project / "docs" / "gids" / "config.png": "../../.git/config", project / "docs" / "gids" / "host.png": "/etc/hostname"}
    for link, target in made.items():
        link.symlink_to(target)
    yield project
    for link in made:
        link.unlink()


def fetcher(project: Path):
    return local_fetcher(ProjectLayout.in_folder(project))


def print_references(theme: Path) -> list[str]:
    """Every file the print templates load, as a URL: the stylesheets of gids.html and the url()s in them."""
    base = (theme / "print" / "gids.html").as_uri()
    found = []
    for sheet in re.findall(r'<link rel="stylesheet" href="([^"]+)"', (theme / "print" / "gids.html").read_text()):
        found.append(urljoin(base, sheet))
        css = (theme / "print" / sheet).read_text()
        found += [urljoin(found[-1], url) for url in re.findall(r'url\("?([^")]+)"?\)', css)]
    return found


def test_every_file_the_print_templates_reference_is_served():
    served = fetcher(ROOT)
    references = print_references(ROOT / "theme")
    assert references[0].endswith("/theme/print/gids-print.css") and any(r.endswith(".woff2") for r in references)
    for reference in references:
        path = Path(url2pathname(urlsplit(reference).path))
        assert served.fetch(reference).read() == as_weasyprint_reads(path), reference
    assert served.refused == []


def as_weasyprint_reads(path: Path) -> bytes:
    """A file's bytes, a WOFF2 font decompressed as WeasyPrint does it (the fetcher does that once per process)."""
    from io import BytesIO

    from fontTools.ttLib import woff2

    if path.suffix != ".woff2":
        return path.read_bytes()
    out = BytesIO()
    woff2.decompress(BytesIO(path.read_bytes()), out)
    return out.getvalue()


@pytest.mark.parametrize("relative", ["docs/gids/foto.png", "praktijken/kaart.svg"])
def test_images_in_docs_and_praktijken_are_served(project, relative):
    assert fetcher(project).fetch((project / relative).as_uri()).read() == (project / relative).read_bytes()


REFUSED = {
    ".git/config": ".git/config is een verborgen bestand of staat in een verborgen map",
    "docs/.verborgen.png": "docs/.verborgen.png is een verborgen bestand of staat in een verborgen map",
    "docs/gids/config.png": ".git/config is een verborgen bestand of staat in een verborgen map",  # a link, resolved
    "pyproject.toml": "pyproject.toml hoort niet bij de gids",
    "mkdocs.yml": "mkdocs.yml hoort niet bij de gids",
    "boek.yml": "boek.yml hoort niet bij de gids",
    "schema/praktijk.schema.json": "schema/praktijk.schema.json hoort niet bij de gids",
    "theme/main.html": "theme/main.html hoort niet bij de gids",
    "theme/fragments/praktijk.html": "theme/fragments/praktijk.html hoort niet bij de gids",
    "docs/gids/voorwoord.md": "docs/gids/voorwoord.md hoort niet bij de gids",  # a page, not an image
    f"praktijken/{SLUG}.md": f"praktijken/{SLUG}.md hoort niet bij de gids",
    "docs/gids/bestaat-niet.png": "docs/gids/bestaat-niet.png bestaat niet",
}


@pytest.mark.parametrize("relative", REFUSED)
def test_other_files_of_the_project_are_refused_in_dutch(links, relative):
    project = links
    refusing = fetcher(project)
    with pytest.raises(ValueError) as refused:
        refusing.fetch((project / relative).as_uri())
    reason = REFUSED[relative]
    said = f"niet in de pdf opgenomen: {reason}" + ("" if reason.endswith("bestaat niet") else f"; {TOEGELATEN}")
    assert str(refused.value) == said and refusing.reasons == [said]


@pytest.mark.parametrize("url", ["file:///etc/hostname", "file:///proc/self/environ", "file:///etc/../etc/passwd",
                                 "HOST_LINK", "OUTSIDE"])
def test_files_outside_the_project_are_refused(links, url):
    project = links
    if url == "HOST_LINK":
        url = (project / "docs" / "gids" / "host.png").as_uri()  # an image name, pointing out of the project
    elif url == "OUTSIDE":
        url = (project.parent / "x.png").as_uri()
    refusing = fetcher(project)
    with pytest.raises(ValueError, match="^niet in de pdf opgenomen: /.* ligt buiten het project; " + re.escape(TOEGELATEN)):
        refusing.fetch(url)
    assert refusing.refused == [url]


@pytest.mark.parametrize("url", ["http://example.com", "https://example.com/logo.png", "ftp://example.com/x",
                                 "data:image/png;base64,iVBORw0KGgo=", "file://server/share/x.png"])
def test_other_servers_are_refused(project, url):
    refusing = fetcher(project)
    with pytest.raises(ValueError) as refused:
        refusing.fetch(url)
    assert str(refused.value) == (f"niet in de pdf opgenomen: {url} staat niet in het project: de pdf haalt niets van "
                                  f"andere servers; {TOEGELATEN}")


def test_an_image_on_the_web_is_not_fetched_while_rendering():
    from weasyprint import HTML

    refusing = fetcher(ROOT)
    HTML(string='<p><img src="http://example.com/foto.png"></p>', base_url=ROOT.as_uri() + "/",
         url_fetcher=refusing).write_pdf()
    assert refusing.refused == ["http://example.com/foto.png"]


# ---------------------------------------------------------------- the attack, through `gids pdf`

def streams(reader: PdfReader) -> list[bytes]:
    """Every stream of the PDF, decoded: page contents, fonts, embedded files."""
    found = []
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(IndirectObject(number, 0, reader))
        except Exception:  # a free entry in the cross-reference table
            continue
        if isinstance(obj, StreamObject):
            found.append(obj.get_data())
    return found


def attached(reader: PdfReader) -> list[bytes]:
    """The files embedded in the PDF: the document's own and those of file-attachment annotations on its pages."""
    found = [data for contents in reader.attachments.values() for data in contents]
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment":
                found.append(annotation["/FS"].get_object()["/EF"]["/F"].get_object().get_data())
    return found


def test_a_page_cannot_attach_the_checkout_token_to_the_pdf(project, tmp_path):
    """The colophon (in every edition) attaches .git/config: no PDF is made, so CI fails and nothing is published."""
    result = with_colophon(project, '<a rel="attachment" href="../../.git/config">configuratie</a> '
                                    '<a rel="attachment" href="../../pyproject.toml">project</a> '
                                    '<a rel="attachment" href="../../docs/gids/foto.png">foto</a>',
                           tmp_path / "selectie.pdf")
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        f"fout: niet in de pdf opgenomen: .git/config is een verborgen bestand of staat in een verborgen map; {TOEGELATEN}",
        f"fout: niet in de pdf opgenomen: pyproject.toml hoort niet bij de gids; {TOEGELATEN}",
        "De pdf is niet gemaakt: 2 fout(en) hierboven.",
    ]
    assert not (tmp_path / "selectie.pdf").exists()
    assert not list(tmp_path.glob(".selectie.pdf-*"))


def test_an_allowed_image_is_attached_and_nothing_else(project, tmp_path):
    result = with_colophon(project, '<a rel="attachment" href="../../docs/gids/foto.png">foto</a>', tmp_path / "s.pdf")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / "s.pdf")
    assert attached(reader) == [b"\x89PNG toegelaten afbeelding"]
    assert all(GEHEIM.encode() not in data for data in streams(reader))
    assert GEHEIM.encode() not in (tmp_path / "s.pdf").read_bytes()


def test_gids_build_refuses_the_attachment_and_keeps_the_previous_site(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "vorige.html").write_text("vorige", encoding="utf-8")
    colofon = project / "docs" / "gids" / "colofon.md"
    original = colofon.read_text(encoding="utf-8")
    colofon.write_text(original + '\n<p><a rel="attachment" href="../../.git/config">x</a></p>\n', encoding="utf-8")
    try:
        result = run_gids_in_process("build", "-d", str(site), cwd=project)
    finally:
        colofon.write_text(original, encoding="utf-8")
    assert result.returncode == 1, result.stderr
    assert (f"fout (pdf): niet in de pdf opgenomen: .git/config is een verborgen bestand of staat in een verborgen map; "
            f"{TOEGELATEN}") in result.stderr.splitlines()
    assert "1 fout(en) in de pdf hierboven; de site is niet gebouwd." in result.stderr
    assert [p.name for p in site.iterdir()] == ["vorige.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def with_colophon(project: Path, links: str, target: Path):
    """``gids pdf`` of one practice with ``links`` in the colophon, which every edition holds."""
    colofon = project / "docs" / "gids" / "colofon.md"
    original = colofon.read_text(encoding="utf-8")
    colofon.write_text(original + f"\n<p>{links}</p>\n", encoding="utf-8")
    try:
        return run_gids_in_process("pdf", "--praktijk", SLUG, "-o", str(target), cwd=project)
    finally:
        colofon.write_text(original, encoding="utf-8")


def test_a_woff2_font_is_given_decompressed_once_and_again_when_it_changes(project: Path):
    """WeasyPrint gets the TrueType font it would make of the WOFF2 itself, so the PDF is the same; a font file that
    changes (same path) is read again, not taken from the cache."""
    font = project / "theme" / "assets" / "fonts" / "source-sans-3-latin-700-normal.woff2"
    given = fetcher(project).fetch(font.as_uri()).read()
    assert given == as_weasyprint_reads(font) and given[:4] == b"\x00\x01\x00\x00"  # TrueType, not wOF2

    original = font.read_bytes()
    try:
        font.write_bytes((font.parent / "source-sans-3-latin-400-italic.woff2").read_bytes())
        assert fetcher(project).fetch(font.as_uri()).read() == as_weasyprint_reads(font) != given
    finally:
        font.write_bytes(original)
