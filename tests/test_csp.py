"""The Content-Security-Policy: on every page, allowing the page's own scripts and blocking any other.

The pages are read with tinyhtml5 (an HTML5 parser, as a browser parses) rather than with the
generator's own script finder, and the policy is tested in Chromium on every page type.
"""
from __future__ import annotations

import base64
import hashlib
import re

import pytest
import tinyhtml5

from generator.site.csp import POLICY, inline_scripts, with_policy

from .conftest import FIXTURE_PRAKTIJKEN, copy_klein, parsed_page, run_gids_in_process, static_host
from .test_catalogus_browser import DEFINITIONS

NS = "{http://www.w3.org/1999/xhtml}"
JAVASCRIPT = {"", "text/javascript", "application/javascript", "module"}
FIRST_RECORD = sorted(p.stem for p in FIXTURE_PRAKTIJKEN.glob("*.md"))[0]
FACET, VALUE = "thema", next(iter(DEFINITIONS["thema"].values))
# every page type; each maps to the status it answers with (static_host serves 404.html for a missing page)
PAGES = {"": 200, "praktijken/": 200, "praktijken/?zoek=huisvesting": 200, f"praktijken/?{FACET}={VALUE}": 200,
         f"praktijken/{FIRST_RECORD}/": 200, "hoofdstukken/onthaalbeleid/": 200, f"themas/{VALUE}/": 200,
         "gids/cijfers/": 200, "open-data/": 200, "over/": 200, "deze/pagina/bestaat/niet/": 404}
# registered before any script of the page runs
LISTEN = """window.gidsViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.gidsViolations.push(e.effectiveDirective + " " + (e.blockedURI || "") + " " + (e.sample || "")));"""


def policy_of(document) -> tuple[int, str | None]:
    """(position among the head's children, content) of the page's CSP meta."""
    head = document.find(f"{NS}head")
    for i, child in enumerate(head):
        if child.tag == f"{NS}meta" and (child.get("http-equiv") or "").lower() == "content-security-policy":
            return i, child.get("content")
    return -1, None


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_the_policy_with_the_hash_of_each_of_its_inline_scripts(fixture_site):
    pages = sorted(fixture_site.rglob("*.html"))
    assert len(pages) > 100 and fixture_site / "404.html" in pages
    hashed = 0
    for path in pages:
        document = parsed_page(path)
        position, content = policy_of(document)
        assert content is not None, path
        head = document.find(f"{NS}head")
        assert [child.tag for child in head][:position] == [f"{NS}meta"] and head[0].get("charset"), path
        assert len(re.findall(r'http-equiv="Content-Security-Policy"', path.read_text(encoding="utf-8"))) == 1, path
        directives = dict(part.strip().split(" ", 1) for part in content.split(";"))
        assert "unsafe" not in content, path
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'", path
        assert directives["base-uri"] == "'self'" and directives["form-action"] == "'self'", path
        assert directives["style-src"] == "'self'", path
        allowed = set(directives["script-src"].split())
        for script in document.iter(f"{NS}script"):
            if script.get("src") is None and (script.get("type") or "").lower() in JAVASCRIPT:
                assert sha256(script.text or "") in allowed, (path, (script.text or "")[:80])
                hashed += 1
        assert not any(name.startswith("on") for element in document.iter() for name in element.attrib), path
    assert hashed >= len(pages)  # Material has inline scripts on every page


def test_data_blocks_and_external_scripts_need_no_hash():
    html = ('<html><head><meta charset="utf-8"><script src="a.js"></script>'
            '<script type="application/ld+json">{"a": 1}</script><script type="application/json">{}</script>'
            '<script type="module">import "./b.js"</script></head><body><script>let x = "</p>";</script></body></html>')
    scripts = ['import "./b.js"', 'let x = "</p>";']
    assert inline_scripts(html) == scripts
    page = with_policy(html)
    assert page.startswith('<html><head><meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy"')
    script_src = next(part for part in policy_of(tinyhtml5.parse(page))[1].split("; ") if part.startswith("script-src"))
    assert script_src == " ".join(["script-src", "'self'", *map(sha256, scripts)])
    assert [name for name, _ in POLICY][0] == "default-src"


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.add_init_script(LISTEN)
    yield context
    context.close()


def watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.text} @ {m.location.get('url')}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def test_no_page_type_breaks_the_policy_in_chromium(context, fixture_site):
    with static_host(fixture_site) as base:
        # all pages at once: their waits for a quiet network overlap
        pages = {path: context.new_page() for path in PAGES}
        problems = {path: watch(page) for path, page in pages.items()}
        responses = {path: page.goto(base + path, wait_until="commit") for path, page in pages.items()}
        for path, status in PAGES.items():
            page = pages[path]
            page.wait_for_load_state("networkidle")
            assert responses[path].status == status, path
            if path.startswith("praktijken/?"):  # the catalogue at work: results, highlighting, counts
                page.locator("#gids-q").fill("")
                page.locator("#gids-q").press_sequentially("taal onderw")
                page.locator(".gids-facet input").first.check()
                page.wait_for_load_state("networkidle")
            assert page.evaluate("window.gidsViolations") == [], path
            if status == 404:  # Chromium reports the missing page itself as an error
                problems[path].remove(f"Failed to load resource: the server responded with a status of 404 (Not Found) @ {base}{path}")
            assert problems[path] == [], path
            page.close()


def test_a_script_added_to_a_built_page_does_not_run(context, served_site, fixture_site):
    """The policy bites: a page changed after the build (or a script slipped into it) runs nothing new."""
    built = (fixture_site / "index.html").read_text(encoding="utf-8")
    injected = built.replace("</body>", '<script>document.documentElement.dataset.geinjecteerd = "ja"</script>'
                                        '<img src="nergens.png" onerror="document.title = \'geinjecteerd\'"></body>')
    assert injected != built
    page = context.new_page()
    problems = watch(page)
    page.route(served_site, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=injected))
    page.goto(served_site, wait_until="networkidle")
    assert page.evaluate("document.documentElement.dataset.geinjecteerd") is None
    assert page.title() != "geinjecteerd"
    violations = page.evaluate("window.gidsViolations")
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
    assert any(v.startswith("script-src-attr inline") for v in violations), violations
    assert page.evaluate("typeof __md_scope") == "object"  # the page's own inline script did run
    assert any("Content Security Policy" in p for p in problems), problems
    page.close()


def test_a_script_in_a_page_stops_the_build_in_dutch(tmp_path):
    project = copy_klein(tmp_path / "project")
    over = project / "docs" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = run_gids_in_process("build", "-d", str(tmp_path / "site"), "--zonder-pdf", cwd=project)
    assert result.returncode == 1
    assert "docs/over.md: de pagina bevat een script" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
