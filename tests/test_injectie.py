"""Content is data, never code: an injection corpus through the validator, a real build, a browser and the print edition.

``tests/fixtures/injectie/geweigerd/`` holds one attack per record that ``gids check`` must refuse (the table
states field, message, line and column). ``tests/fixtures/injectie/aanvaard/`` holds records whose text only
looks like code: they are added to a copy of the project and built for real, and then every built page is
read with an HTML parser: no script but the theme's own, no event handler, no script URL, and the template
syntax shows up as the literal text the editor typed.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.print.edition import make_edition
from generator.print.html import build_html
from generator.records.book import load_book
from generator.records.catalog import load_catalog
from generator.records.vocab import load_vocab
from generator.site.engine import load_config
from generator.site.safety import story_problems

from .conftest import FIXTURE_PROJECT, ROOT, copy_klein, run_gids, run_gids_in_process

CORPUS = ROOT / "tests" / "fixtures" / "injectie"
# a 1x1 transparent PNG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154789c"
                  "6360000200000500017a5eab3f0000000049454e44ae426082")
HTML = "HTML ('{}') is niet toegestaan in het verhaal; gebruik Markdown"
LINK = "een link naar 'javascript:', 'vbscript:' of 'data:' is niet toegestaan; gebruik een https://-adres"
WEBADRES = "ongeldig webadres '{}' (verwacht een adres dat begint met https:// of http://)"

# file -> (field, message, line, column): the one error `gids check` reports for it
REFUSED = {
    "verhaal-script": ("verhaal", HTML.format("<script>"), 23, 7),
    "verhaal-img-onerror": ("verhaal", HTML.format("<img"), 23, 1),
    "verhaal-img-tab-onerror": ("verhaal", HTML.format("<img"), 23, 1),
    "verhaal-svg-onload": ("verhaal", HTML.format("<svg/onload=alert(1)>"), 23, 6),
    "verhaal-svg-regeleinde": ("verhaal", HTML.format("<svg"), 23, 1),  # tag name ends the line
    "verhaal-svg-xlink": ("verhaal", HTML.format("<svg>"), 23, 1),
    "verhaal-iframe": ("verhaal", HTML.format("<iframe"), 23, 1),
    "verhaal-object": ("verhaal", HTML.format("<object"), 23, 1),
    "verhaal-embed": ("verhaal", HTML.format("<embed"), 23, 1),
    "verhaal-html-link-javascript": ("verhaal", HTML.format("<a"), 23, 1),
    "verhaal-style": ("verhaal", HTML.format("<style>"), 23, 1),
    "verhaal-form-formaction": ("verhaal", HTML.format("<form>"), 23, 1),
    "verhaal-math-mutatie": ("verhaal", HTML.format("<math>"), 23, 1),
    "verhaal-meta-refresh": ("verhaal", HTML.format("<meta"), 23, 1),
    "verhaal-base": ("verhaal", HTML.format("<base"), 23, 1),
    "verhaal-html-commentaar": ("verhaal", HTML.format("<!--"), 23, 1),
    "verhaal-escaped-backtick": ("verhaal", HTML.format("<script>"), 23, 3),  # \` is no code span
    "verhaal-javascript-link": ("verhaal", LINK, 23, 6),
    "verhaal-javascript-hoofdletters": ("verhaal", LINK, 23, 6),
    "verhaal-javascript-entiteit": ("verhaal", LINK, 23, 6),
    "verhaal-javascript-hex-entiteit": ("verhaal", LINK, 23, 6),
    "verhaal-javascript-tab-entiteit": ("verhaal", LINK, 23, 6),
    "verhaal-javascript-tab": ("verhaal", LINK, 23, 6),
    "verhaal-javascript-dubbelepunt-entiteit": ("verhaal", LINK, 23, 6),
    "verhaal-javascript-regeleinde": ("verhaal", LINK, 23, 6),  # java<newline>script:
    "verhaal-javascript-volgende-regel": ("verhaal", LINK, 23, 6),  # [x](<newline>javascript:
    "verhaal-javascript-spatie-hoekhaken": ("verhaal", LINK, 23, 6),
    "verhaal-javascript-afbeelding": ("verhaal", LINK, 23, 7),
    "verhaal-vbscript-link": ("verhaal", LINK, 23, 6),
    "verhaal-data-link": ("verhaal", LINK, 23, 6),
    "verhaal-data-afbeelding": ("verhaal", LINK, 23, 7),
    "verhaal-referentielink-javascript": ("verhaal", LINK, 25, 3),
    "verhaal-referentielink-volgende-regel": ("verhaal", LINK, 25, 3),  # [r]:<newline>    javascript:
    "verhaal-autolink-javascript": ("verhaal", LINK, 23, 1),
    "contact-website-javascript": ("contact[0].website", WEBADRES.format("javascript:alert(1)"), 15, 14),
    "contact-website-aanhalingsteken": ("contact[0].website", WEBADRES.format('https://stad.gent/"><script>alert(1)</script>'), 15, 14),
    "contact-email-html": ("contact[0].email", "ongeldig e-mailadres 'an@stad.gent\"><script>alert(1)</script>' (verwacht iets als naam@organisatie.be)", 14, 12),
    "contact-telefoon-html": ("contact[0].telefoon", "ongeldig telefoonnummer '09 266 <b>71</b> 11' (verwacht bv. 056 74 21 50, 0491 52 97 34 of +32 56 74 21 50)", 16, 15),
    "bron-url-javascript": ("bron.url", WEBADRES.format("javascript:alert(1)"), 17, 54),
}

# accepted record -> what its page must show as text, exactly as typed
LITERAL = {
    "injectie-fiche-jinja": [
        "{% include 'base.html' %}: {{ config }} en {{ ''.__class__.__mro__ }}",
        "Samenvatting met {{ config.site_dir }} en {{ 7*7 }} en {# commentaar #}",
        "{{ lipsum.__globals__ }}", "{% for x in range(3) %}lus{% endfor %}", "{{ self.__init__.__globals__ }}",
        "{{ 7*7 }} euro", "{% raw %}2016{% endraw %} - 2018", "{{ cycler.__init__.__globals__.os }}",
        "https://stad.gent/?q={{config}}", "Bron {{ config }}",
    ],
    "injectie-fiche-html": [
        "Gent\"><img src=x onerror=alert('plaats')>: </title><script>alert('titel')</script>",
        "\"><svg onload=alert('samenvatting')> en '><script>alert(2)</script>",
        "<iframe src=javascript:alert('trekker')>", "<a href=\"javascript:alert('partner')\">klik</a>",
        "&lt;script&gt;alert('entiteit')&lt;/script&gt;", "'; alert('budget'); '",
        "**vet** [klik](javascript:alert('periode')) en _schuin_", "<b onmouseover=alert('naam')>An</b>",
        "{: onclick=\"alert('attr')\" }", "</textarea><script>alert('adres')</script>",
        "<script>alert('bron')</script>",
    ],
    "injectie-verhaal-jinja": [
        "Kop met {{ config }}", "Tekst met {{ config }} en {% include 'base.html' %} en {{ ''.class }}.",  # __x__ is Markdown's bold
        "link met {{ page }}", "{%- raw %} en {# commentaar #}", "{{ config.site_name }}", "{% set x = 1 %}", "{{ x }}",
    ],
    "injectie-verhaal-lijkt-op-code": [
        "<script>alert('kop')</script>", "Entiteiten: <script>alert('entiteit')</script> en <img src=x onerror=alert(1)>.",
        "<script>alert('code')</script>", "a`<iframe src=x>`b", "<script>alert('blok')</script>",
        "print(\"<svg onload=alert(1)>\")", "{: onclick=\"alert('attr_list')\" }",
        "Kop met attributen { .x onmouseover=alert('kop') }", "\"javascript:alert(1)\" zonder link, en 3 < 4 > 2.",
    ],
}
# what the template syntax above would have become had it been run as a template
EVALUATED = ["49 euro", "<class '", "Undefined", "lusluslus", "SiteModel", "MkDocsConfig"]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite"}
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base"}
SCRIPT_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


# ---------------------------------------------------------------- reading HTML

class Page(HTMLParser):
    """One HTML file: its scripts, every attribute of every element, and its visible text."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str | None, str]] = []  # (src, inline text)
        self.data_blocks: list[str] = []  # <script type="application/ld+json">: data, never run
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.title = ""
        self._in: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        if tag == "script" and dict(attrs).get("type") == "application/ld+json" and "src" not in dict(attrs):
            self._in.append("data")
            self.data_blocks.append("")
            return
        if tag == "script":
            self.scripts.append((dict(attrs).get("src"), ""))
        if tag not in ("br", "img", "meta", "link", "input", "hr", "source", "path"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self._in and self._in[-1] == "data":
            self._in.pop()
            return
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if self._in and self._in[-1] == "data":
            self.data_blocks[-1] += data
        elif self._in and self._in[-1] == "script":
            src, inline = self.scripts[-1]
            self.scripts[-1] = (src, inline + data)
        elif self._in and self._in[-1] == "title":
            self.title += data
        elif not (self._in and self._in[-1] == "style"):
            self.text.append(data)

    @property
    def visible(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def pages_of(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): Page(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


def script_key(where: str, src: str | None, inline: str) -> str:
    """A script as the site path it loads, or its inline text: the same script has the same key on every page."""
    if src is None:
        return "inline:" + inline.strip()
    return posixpath.normpath(posixpath.join(posixpath.dirname(where), src.split("?")[0])).lstrip("/")


def script_url(value: str) -> bool:
    return bool(SCRIPT_SCHEME.match(INVISIBLE.sub("", value)))


def violations(where: str, page: Page, theme_scripts: set[str]) -> list[str]:
    found = []
    for src, inline in page.scripts:
        key = script_key(where, src, inline)
        if key not in theme_scripts or (src is not None and not key.startswith("assets/")):
            found.append(f"{where}: script {key[:120]!r}")
    for block in page.data_blocks:  # linked data: must be JSON, with no markup a parser could take for a tag
        try:
            json.loads(block)
        except ValueError:
            found.append(f"{where}: JSON-LD is geen JSON: {block[:120]!r}")
        if "<" in block or ">" in block:
            found.append(f"{where}: JSON-LD met < of >: {block[:120]!r}")
    for tag, attrs in page.elements:
        if tag in FORBIDDEN_ELEMENTS:
            found.append(f"{where}: <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (name in URL_ATTRIBUTES and script_url(value or "")):
                found.append(f"{where}: <{tag} {name}={value!r}>")
            elif tag == "meta" and name == "http-equiv" and (value or "").lower() == "refresh":
                found.append(f"{where}: <meta http-equiv=refresh>")
    return found


# ---------------------------------------------------------------- refused by the validator

@pytest.fixture(scope="module")
def check_output() -> dict[str, list[str]]:
    result = run_gids("check", str(CORPUS / "geweigerd"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    per_file: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        name = Path(line.split(":", 1)[0]).stem
        per_file.setdefault(name, []).append(line)
    return per_file


def test_every_refused_fixture_is_in_the_table():
    assert sorted(p.stem for p in (CORPUS / "geweigerd").glob("*.md")) == sorted(REFUSED)
    assert len(REFUSED) + sum(len(v) for v in LITERAL.values()) >= 30


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_validator_refuses(check_output, name):
    field, message, line, column = REFUSED[name]
    assert check_output.get(name) == [
        f"tests/fixtures/injectie/geweigerd/{name}.md:{line}:{column}: {field}: {message}"], check_output.get(name)


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """Markdown exactly as the engine configures it for this site (mkdocs.yml plus the engine's own defaults)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@pytest.mark.parametrize("name", sorted(n for n in REFUSED if n.startswith("verhaal-")))
def test_the_build_refuses_what_the_validator_would_miss(site_markdown, name):
    """Defence in depth: had the validator let a story through, the build's own look at its HTML stops it."""
    story = (CORPUS / "geweigerd" / f"{name}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert story_problems(site_markdown.reset().convert(story)), name


# ---------------------------------------------------------------- accepted, built for real

@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    project = copy_klein(tmp_path_factory.mktemp("injectie") / "project")
    (project / "docs" / "afbeeldingen").mkdir()
    (project / "docs" / "afbeeldingen" / "b.png").write_bytes(PNG)  # the story's image is the site's own
    for record in (CORPUS / "aanvaard").glob("*.md"):
        shutil.copy(record, project / "praktijken" / record.name)
    result = run_gids_in_process("build", "--zonder-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def theme_scripts(built_site) -> set[str]:
    """The scripts of a build without the corpus: the theme's own."""
    return {script_key(where, src, inline) for where, page in pages_of(built_site).items() for src, inline in page.scripts}


def test_no_page_carries_code(corpus_site, theme_scripts):
    pages = pages_of(corpus_site)
    assert {f"praktijken/{slug}/index.html" for slug in LITERAL} <= set(pages)
    found = [v for where, page in pages.items() for v in violations(where, page, theme_scripts)]
    assert found == []


@pytest.mark.parametrize("slug", sorted(LITERAL))
def test_code_in_a_record_is_shown_as_text(corpus_site, slug):
    markup = (corpus_site / "praktijken" / slug / "index.html").read_text(encoding="utf-8")
    page = Page(markup)
    for literal in LITERAL[slug]:
        assert re.sub(r"\s+", " ", literal) in page.visible, literal
    for result in EVALUATED:
        assert result not in page.visible, result
    assert str(corpus_site.parent) not in markup  # {{ config.site_dir }} stayed text


def test_titles_are_text_in_head_and_header(corpus_site):
    page = Page((corpus_site / "praktijken" / "injectie-fiche-html" / "index.html").read_text(encoding="utf-8"))
    assert page.title.startswith("Gent\"><img src=x onerror=alert('plaats')>: </title><script>alert('titel')</script> - ")
    description = next(dict(attrs)["content"] for tag, attrs in page.elements
                       if tag == "meta" and dict(attrs).get("name") == "description")
    assert description == "\"><svg onload=alert('samenvatting')> en '><script>alert(2)</script>"


def test_search_data_holds_the_text_as_data(corpus_site):
    """The catalogue's JSON carries the record values as plain strings; the browser test shows they stay text."""
    data = "\n".join(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False)
                     for p in sorted((corpus_site / "zoeken").rglob("*.json")))
    assert json.dumps("</title><script>alert('titel')</script>", ensure_ascii=False) in data
    assert "injectie-fiche-html" in data


def test_nothing_runs_in_a_browser(corpus_site, browser):
    """Every corpus page and the catalogue searching them, in Chromium: no dialog opens, titles stay text."""
    from .conftest import static_host
    from .test_catalogus_browser import wait_until_loaded

    dialogs: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    with static_host(corpus_site) as base:
        for slug in sorted(LITERAL):
            page.goto(f"{base}praktijken/{slug}/", wait_until="load")
            page.hover("h1")
        page.goto(f"{base}praktijken/?zoek=alert", wait_until="load")
        wait_until_loaded(page)
        titles = page.eval_on_selector_all("#gids-resultaten h3 a", "as => as.map(a => a.textContent)")
        page.wait_for_timeout(300)
    context.close()
    assert dialogs == []
    assert "</title><script>alert('titel')</script>" in titles


# ---------------------------------------------------------------- the print edition

def test_print_edition_escapes(tmp_path):
    vocab = load_vocab()
    catalog = load_catalog(CORPUS / "aanvaard", vocab)
    assert catalog.ok, catalog.errors
    boek, errors = load_book(FIXTURE_PROJECT / "boek.yml", FIXTURE_PROJECT / "docs", vocab)
    assert not errors
    markup = build_html(make_edition(boek, catalog.records, titel="Injectie", selectie="injectie"),
                        docs_dir=FIXTURE_PROJECT / "docs", theme_dir=ROOT / "theme", vocab=vocab, datum="2026-01-15")
    page = Page(markup)
    assert page.scripts == []
    assert violations("gids.html", page, set()) == []
    for slug, literals in LITERAL.items():
        for literal in literals:
            if literal != "https://stad.gent/?q={{config}}":  # the print edition shows the address as a link text
                assert re.sub(r"\s+", " ", literal) in page.visible, (slug, literal)
