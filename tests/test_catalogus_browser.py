"""The catalogue page in real Chromium, used the way a visitor does: typing, ticking, sharing, going back.

Expected numbers come from the fixture project's records (generator.records.catalog + generator.records.facets), not from the page.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from generator.records.catalog import load_catalog
from generator.records.facets import Facets
from generator.records.vocab import load_vocab

from .conftest import FIXTURE_PRAKTIJKEN, static_host

CATALOG = load_catalog(FIXTURE_PRAKTIJKEN)  # the records of served_site, the fixture project
FACETS = Facets(CATALOG.records, load_vocab())
SLUGS = [r.slug for r in CATALOG.records]
DEFINITIONS = {f.key: f for f in FACETS.definitions}
SCHAKELKLAS = "kortrijk-schakelklas-anderstalige-nieuwkomers"
LOADING = "Praktijken worden geladen…"
TIMEOUT = 10_000  # ms; a step that takes longer has failed


# ---------- fixtures ----------



@pytest.fixture
def page(looks):
    """A tab handed from test to test (conftest.SharedTabs), nothing stored; JavaScript errors fail the test. The test's
    own goto() opens a new document; going back goes no further than the test's own steps."""
    page = looks.take(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page.set_default_timeout(TIMEOUT)
    yield page
    errors = page.errors
    looks.give_back(page)
    assert errors == [], errors


# ---------- expectations from the records ----------

def having(**wanted: list[str]) -> set[str]:
    """The practices with at least one of the values of every facet given (OR within, AND across facets)."""
    return {s for s in SLUGS if all(set(values) & set(FACETS.values[s][key]) for key, values in wanted.items())}


def expected_counts(key: str, **wanted: list[str]) -> dict[str, int]:
    """A facet's counts: the practices per value among those matching the *other* facets' selections."""
    pool = having(**{k: v for k, v in wanted.items() if k != key})
    found = Counter(v for slug in pool for v in FACETS.values[slug][key])
    return {value: found.get(value, 0) for value in DEFINITIONS[key].values}


def status_text(n: int) -> str:
    return "Geen resultaten" if n == 0 else "1 praktijk" if n == 1 else f"{n} praktijken"


# ---------- reading the page ----------

def open_catalogue(page, base: str, query: str = "") -> None:
    page.goto(base + "praktijken/" + query, wait_until="load")
    wait_until_loaded(page)


def wait_until_loaded(page) -> None:
    """The catalogue and both search indexes are in: the results no longer change by themselves."""
    expect(page.locator("#gids-resultaten")).not_to_have_attribute("aria-busy", "true")
    expect(page.locator("[data-gids-status]")).not_to_have_text(LOADING)


def box(page, key: str, value: str):
    return page.locator(f'.gids-facet input[name="{key}"][value="{value}"]')


def result_refs(page) -> list[str]:
    """The refs of the listed cards, once the list is final (while typing, the stories' hits follow a frame later)."""
    expect(page.locator("#gids-resultaten")).not_to_have_attribute("aria-busy", "true")
    return page.eval_on_selector_all(
        "#gids-resultaten > li h3 a", "as => as.map(a => a.pathname.split('/').filter(Boolean).pop())")


def all_result_refs(page) -> list[str]:
    more = page.locator("[data-gids-meer]")
    while more.is_visible():
        more.click()
    return result_refs(page)


def checked(page) -> list[tuple[str, str]]:
    return [tuple(x) for x in page.eval_on_selector_all(
        ".gids-facet input:checked", "bs => bs.map(b => [b.name, b.value])")]


def facet_counts(page, key: str) -> dict[str, tuple[int, bool]]:
    """value -> (shown count, disabled) of one facet, once the page has redrawn the counts."""
    expect(page.locator("[data-gids-catalogus]")).not_to_have_attribute("data-gids-tellingen", "bezig")
    return {v: (n, d) for v, n, d in page.eval_on_selector_all(
        f'.gids-facet input[name="{key}"]',
        "bs => bs.map(b => [b.value, parseInt(b.closest('li').querySelector('[data-aantal]').textContent.slice(1)),"
        " b.disabled])")}


URL_DELAY_MS = 250  # catalogus.js writes a typed query into the URL this long after the last key


def assert_params(page, wanted: dict[str, list[str]]) -> None:
    """The URL's parameters become ``wanted`` (a typed query reaches the URL URL_DELAY_MS after the last key)."""
    expected = {k: sorted(v) for k, v in wanted.items()}

    def current() -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in parse_qs(urlparse(page.url).query).items()}

    for _ in range(TIMEOUT // 20):  # a condition, not a fixed wait: a step that takes longer has failed
        if current() == expected:
            break
        page.wait_for_timeout(20)
    assert current() == expected


def snapshot(page) -> dict:
    return {"url": page.url, "q": page.input_value("#gids-q"), "checked": checked(page),
            "sort": page.input_value("[data-gids-sort]"), "status": page.inner_text("[data-gids-status]"),
            "results": result_refs(page)}


def assert_filtered_view(page, **wanted: list[str]) -> None:
    """Results, status, every facet's counts, disabled boxes, ticked boxes and URL match a selection (no query)."""
    expected = having(**wanted)
    expect(page.locator("[data-gids-status]")).to_have_text(status_text(len(expected)))
    assert set(all_result_refs(page)) == expected
    for key in DEFINITIONS:
        shown = facet_counts(page, key)
        counts = expected_counts(key, **wanted)
        assert {v: n for v, (n, _) in shown.items()} == counts, key
        ticked = set(wanted.get(key, []))
        assert {v for v, (_, disabled) in shown.items() if disabled} == {v for v, n in counts.items()
                                                                        if n == 0 and v not in ticked}, key
    assert sorted(checked(page)) == sorted((k, v) for k, values in wanted.items() for v in values)
    assert_params(page, wanted)


def natural(text: str) -> list:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", plain)]


# ---------- typing ----------

def test_resultaten_volgen_het_typen(page, served_site):
    open_catalogue(page, served_site)
    expect(page.locator("[data-gids-status]")).to_have_text(status_text(len(SLUGS)))
    assert page.input_value("[data-gids-sort]") == "plaats"
    page.locator("#gids-q").click()
    statuses = []
    for letter in "schakelklas":
        page.keyboard.type(letter)
        shown = len(result_refs(page))  # waits for the final list of this key
        status = page.inner_text("[data-gids-status]")
        n = 0 if status == "Geen resultaten" else int(status.split()[0])
        assert shown == min(n, 20), (letter, status, shown)  # the list is the status' list, after every key
        statuses.append(n)
    assert len(set(statuses)) > 1 and statuses[-1] < len(SLUGS), statuses
    assert result_refs(page)[0] == SCHAKELKLAS
    # with a query, results are sorted by relevance unless the visitor chose otherwise
    assert page.input_value("[data-gids-sort]") == "relevantie"
    assert_params(page, {"zoek": ["schakelklas"]})


def test_zoeken_markeert_de_woorden(page, served_site):
    open_catalogue(page, served_site)
    page.locator("#gids-q").press_sequentially("vrijwilliger")
    refs = result_refs(page)
    assert "gent-werken-met-vrijwilligers" in refs
    card = page.locator("#gids-resultaten > li").filter(has=page.locator('a[href$="/gent-werken-met-vrijwilligers/"]'))
    marks = card.locator("mark").all_inner_texts()
    assert any(m.lower().startswith("vrijwillig") for m in marks), marks
    # the summary arrives with the card data, highlighted too
    expect(card.locator(".gids-kaart__samenvatting")).not_to_be_empty()


# ---------- facets ----------

def test_facetten_tellen_en_combineren(page, served_site):
    open_catalogue(page, served_site)
    assert_filtered_view(page)
    assert facet_counts(page, "budget")["tot-25000"] == (0, True)  # no practice: a value that cannot be ticked

    box(page, "thema", "huisvesting").check()
    assert_filtered_view(page, thema=["huisvesting"])
    # the brief's example, spelled out: the province counts are the housing practices per province
    housing = having(thema=["huisvesting"])
    per_province = Counter(p for s in housing for p in FACETS.values[s]["provincie"])
    assert {v: n for v, (n, _) in facet_counts(page, "provincie").items() if n} == dict(per_province)

    box(page, "thema", "welzijn").check()  # OR within a facet: the union
    assert having(thema=["huisvesting", "welzijn"]) == housing | having(thema=["welzijn"])
    assert_filtered_view(page, thema=["huisvesting", "welzijn"])

    union = having(thema=["huisvesting", "welzijn"])
    province = next(p for p, n in expected_counts("provincie", thema=["huisvesting", "welzijn"]).items()
                    if 0 < n < len(union))
    box(page, "provincie", province).check()  # AND across facets: the intersection
    assert_filtered_view(page, thema=["huisvesting", "welzijn"], provincie=[province])
    assert having(thema=["huisvesting", "welzijn"], provincie=[province]) < union

    box(page, "thema", "huisvesting").uncheck()
    assert_filtered_view(page, thema=["welzijn"], provincie=[province])
    page.get_by_role("button", name="Alle filters wissen").click()
    assert_filtered_view(page)


# ---------- sharing and history ----------

def test_gedeelde_link_toont_hetzelfde(page, browser, served_site):
    open_catalogue(page, served_site)
    page.locator("#gids-q").press_sequentially("taal")
    box(page, "thema", "onderwijs").check()
    page.select_option("[data-gids-sort]", "titel")
    assert urlparse(page.url).query == "zoek=taal&thema=onderwijs&sort=titel"
    view = snapshot(page)
    titles = page.locator("#gids-resultaten > li h3 a").all_inner_texts()
    assert len(titles) >= 2 and titles == sorted(titles, key=natural)
    assert set(view["results"]) <= having(thema=["onderwijs"])

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT)
    try:
        other = context.new_page()
        open_catalogue(other, served_site, "?zoek=taal&thema=onderwijs&sort=titel")
        assert snapshot(other) == view
        assert other.input_value("#gids-q") == "taal" and other.input_value("[data-gids-sort]") == "titel"
        assert checked(other) == [("thema", "onderwijs")]
    finally:
        context.close()


def test_terugknop_stapt_door_de_keuzes(page, served_site):
    open_catalogue(page, served_site)
    states = [snapshot(page)]
    page.locator("#gids-q").click()
    page.keyboard.type("taal")
    assert_params(page, {"zoek": ["taal"]})  # the query is one step, in the URL
    states.append(snapshot(page))
    box(page, "thema", "onderwijs").check()
    states.append(snapshot(page))
    page.locator('.gids-facet[data-facet="provincie"] input:not(:disabled):not(:checked)').first.check()
    states.append(snapshot(page))
    assert len({s["url"] for s in states}) == 4
    assert states[1]["q"] == "taal" and states[2]["checked"] == [("thema", "onderwijs")]

    for expected in reversed(states[:-1]):
        page.go_back()
        page.wait_for_function("url => location.href === url", arg=expected["url"])
        assert snapshot(page) == expected
    page.go_forward()
    page.wait_for_function("url => location.href === url", arg=states[1]["url"])
    assert snapshot(page) == states[1]


def test_typen_zonder_pauze_is_een_stap(page, served_site):
    """A query typed in one go and then a tick: back first drops the tick, then the whole query."""
    open_catalogue(page, served_site)
    page.locator("#gids-q").press_sequentially("huisvesting")
    box(page, "provincie", "oost-vlaanderen").check()
    page.go_back()
    page.wait_for_function("() => !location.search.includes('provincie')")
    assert page.input_value("#gids-q") == "huisvesting" and checked(page) == []
    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert page.input_value("#gids-q") == ""
    expect(page.locator("[data-gids-status]")).to_have_text(status_text(len(SLUGS)))


# ---------- keyboard only ----------

def test_alleen_met_het_toetsenbord(page, served_site):
    open_catalogue(page, served_site)
    focused = "() => { const e = document.activeElement; return e.id || e.type || e.tagName; }"
    for _ in range(10):  # from the top of the page
        page.keyboard.press("Tab")
        if page.evaluate(focused) == "gids-q":
            break
    assert page.evaluate(focused) == "gids-q"
    page.keyboard.type("taal")
    expect(page.locator("[data-gids-status]")).not_to_have_text(status_text(len(SLUGS)))
    # the counts of the query as typed: on a busy machine they may have been drawn for "taa" between two keys, with
    # the first box disabled, so that Tab passed it and Shift+Tab later came back to it instead of to the search box
    expect(page.locator("[data-gids-catalogus]")).not_to_have_attribute("data-gids-tellingen", "bezig")

    page.keyboard.press("Tab")
    name, value = page.evaluate("() => { const e = document.activeElement;"
                                " return e.type === 'checkbox' ? [e.name, e.value] : [null, null]; }")
    assert name == "thema", "Tab after the search box goes to the first filter"
    before = page.inner_text("[data-gids-status]")
    page.keyboard.press("Space")
    assert checked(page) == [(name, value)]
    assert_params(page, {"zoek": ["taal"], name: [value]})
    expect(page.locator("[data-gids-status]")).not_to_have_text(before)
    # the counts are redrawn after the results: until then a box may be enabled that will not be
    expect(page.locator("[data-gids-catalogus]")).not_to_have_attribute("data-gids-tellingen", "bezig")

    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == "gids-q"
    page.keyboard.press("Escape")
    assert page.input_value("#gids-q") == ""
    assert_params(page, {name: [value]})
    assert set(all_result_refs(page)) == having(**{name: [value]})

    page.locator("#gids-q").focus()
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('#gids-resultaten')"):
            break
    target = page.evaluate("document.activeElement.href")
    assert target.startswith(served_site + "praktijken/") and target != served_site + "praktijken/"
    before = snapshot(page)
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("h1").count() == 1

    # back: the same selection, and the focus on the result that was opened (not on the page's top)
    page.go_back()
    wait_until_loaded(page)
    page.wait_for_function("href => document.activeElement && document.activeElement.href === href", arg=target)
    assert snapshot(page) == before
    assert page.evaluate("document.activeElement.matches(':focus-visible')")  # the keyboard user sees where
    expect(page.locator(f'#gids-resultaten a[href="{target}"]')).to_be_in_viewport()
    page.keyboard.press("Tab")  # and Tab goes on from there
    assert page.evaluate("document.activeElement.closest('#gids-resultaten, [data-gids-meer]') !== null")


def test_terug_van_een_praktijk_verder_in_de_lijst(page, served_site):
    """A result shown by "Toon meer": back from it, the list is as long as it was, the focus on it, in sight."""
    assert len(SLUGS) > 20, "the fixture needs more practices than one page of results (catalogus.js PAGE)"
    open_catalogue(page, served_site)
    page.locator("[data-gids-meer]").click()
    shown = page.locator("#gids-resultaten > li").count()
    assert shown > 20
    link = page.locator("#gids-resultaten > li").nth(shown - 1).locator("h3 a")
    target = link.evaluate("a => a.href")
    link.click()
    page.wait_for_url(target)
    page.go_back()
    wait_until_loaded(page)
    page.wait_for_function("href => document.activeElement && document.activeElement.href === href", arg=target)
    expect(page.locator("#gids-resultaten > li")).to_have_count(shown)
    expect(page.locator(f'#gids-resultaten a[href="{target}"]')).to_be_in_viewport()
    # the visitor moved on: a reload of a later step does not pull the focus back
    box(page, "thema", "taal").check()
    page.reload()
    wait_until_loaded(page)
    assert page.evaluate("document.activeElement === document.body")


# ---------- any query ----------

LETTERS = "kwbrtlamsvnoepdgiu"
LONG_WORD = "".join(LETTERS[(i * 7) % len(LETTERS)] for i in range(5000))
MANY_WORDS = " ".join(LONG_WORD[i:i + 9] for i in range(0, 4500, 10))  # 450 words
# A settled page takes well under a second here; before zoekindex.js capped the query and its fuzzy
# matching, a 320-letter word froze the page for 12 s and 5,000 letters crashed it. The bound leaves
# room for a busy machine.
SETTLED_MS = 3000
SETTLED = """() => {
  const status = document.querySelector("[data-gids-status]"), list = document.querySelector("#gids-resultaten"),
    root = document.querySelector("[data-gids-catalogus]");
  return Boolean(status && list && root && status.textContent !== "Praktijken worden geladen…"
    && list.getAttribute("aria-busy") !== "true" && !root.hasAttribute("data-gids-tellingen")) && performance.now();
}"""
# Put a query in the box (past its maxlength, as a script could) and measure until the page has settled.
SEARCH = """async (query) => {
  const settled = """ + SETTLED + """;
  const start = performance.now(), input = document.querySelector("#gids-q");
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  while (!settled()) await new Promise((done) => setTimeout(done, 5));
  return performance.now() - start;
}"""


@pytest.mark.parametrize("query", [LONG_WORD, MANY_WORDS], ids=["een-woord", "veel-woorden"])
def test_een_eindeloze_zoekvraag_laat_de_catalogus_niet_hangen(page, served_site, query):
    # in a shared link: the page reads what fits in the box
    page.goto(served_site + "praktijken/?zoek=" + query, wait_until="commit")
    since_start = page.wait_for_function(SETTLED, polling="raf", timeout=30_000).json_value()
    assert since_start < SETTLED_MS, f"{since_start:.0f} ms"
    assert page.input_value("#gids-q") == query[:page.eval_on_selector("#gids-q", "i => i.maxLength")]
    assert page.eval_on_selector("#gids-q", "i => i.maxLength") == page.evaluate("gidsZoekindex.MAX_TEKST")
    expect(page.locator("[data-gids-status]")).to_have_text("Geen resultaten")
    # typed or pasted into the box, also past its maxlength
    page.locator("#gids-q").fill("")
    expect(page.locator("[data-gids-status]")).to_have_text(status_text(len(SLUGS)))
    elapsed = page.evaluate(SEARCH, query)
    assert elapsed < SETTLED_MS, f"{elapsed:.0f} ms"
    expect(page.locator("[data-gids-status]")).to_have_text("Geen resultaten")
    page.locator("#gids-q").fill("")
    page.locator("#gids-q").focus()
    page.keyboard.insert_text(query)
    assert len(page.input_value("#gids-q")) <= page.evaluate("gidsZoekindex.MAX_TEKST")
    expect(page.locator("[data-gids-status]")).to_have_text("Geen resultaten")
    # and the page still answers an ordinary query
    page.locator("#gids-q").fill("schakelklas")
    assert result_refs(page)[0] == SCHAKELKLAS


# ---------- no results ----------

def test_geen_resultaten_biedt_een_uitweg(page, served_site):
    assert not having(thema=["huisvesting"]) & {SCHAKELKLAS}
    open_catalogue(page, served_site)
    box(page, "thema", "huisvesting").check()
    page.locator("#gids-q").press_sequentially("schakelklas")
    expect(page.locator("[data-gids-status]")).to_have_text("Geen resultaten")
    empty = page.locator("[data-gids-leeg]")
    expect(empty).to_be_visible()
    buttons = empty.get_by_role("button")
    expect(buttons).to_have_text(["Verwijder de filter ‘Huisvesting’", "Wis de zoekterm ‘schakelklas’"])
    assert result_refs(page) == []

    buttons.first.click()
    expect(empty).to_be_hidden()
    assert result_refs(page)[0] == SCHAKELKLAS
    assert checked(page) == []
    assert_params(page, {"zoek": ["schakelklas"]})
    assert page.evaluate("document.activeElement.id") == "gids-q"

    # the same dead end from a shared link, left the other way
    open_catalogue(page, served_site, "?zoek=schakelklas&thema=huisvesting")
    expect(page.locator("[data-gids-status]")).to_have_text("Geen resultaten")
    empty.get_by_role("button", name="Wis de zoekterm ‘schakelklas’").click()
    assert page.input_value("#gids-q") == ""
    assert_filtered_view(page, thema=["huisvesting"])
    assert page.evaluate("document.activeElement.id") == "gids-q"


# ---------- phone ----------

def test_telefoon_filters_achter_een_knop(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT)
    try:
        page = context.new_page()
        open_catalogue(page, served_site, "?zoek=integratiebeleid")
        toggle = page.locator("[data-gids-filterknop]")
        expect(toggle).to_be_visible()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.locator("#gids-filters")).to_be_hidden()
        expect(page.locator("#gids-resultaten > li").first).to_be_in_viewport()
        overflow = "document.documentElement.scrollWidth - window.innerWidth"
        assert page.evaluate(overflow) <= 0

        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(page.locator("#gids-filters")).to_be_visible()
        page.locator("#gids-q").fill("")
        box(page, "thema", "taal").tap()
        assert checked(page) == [("thema", "taal")]
        expect(toggle).to_contain_text("(1 actief)")
        expect(page.locator("[data-gids-status]")).to_have_text(status_text(len(having(thema=["taal"]))))
        assert page.evaluate(overflow) <= 0

        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.locator("#gids-filters")).to_be_hidden()
    finally:
        context.close()


# ---------- the practice page ----------

def test_praktijkpagina_leidt_naar_de_catalogus(page, served_site):
    record = CATALOG.by_slug()[SCHAKELKLAS]
    page.goto(served_site + f"praktijken/{SCHAKELKLAS}/", wait_until="load")
    tags = page.locator(".gids-tags a")
    expected = [served_site + f"praktijken/?thema={t}" for t in record.themas]
    assert page.eval_on_selector_all(".gids-tags a", "as => as.map(a => a.href)") == expected
    for href, target in page.eval_on_selector_all(
            "a[data-catalogus]", "as => as.map(a => [a.href, new URL(a.dataset.catalogus, location.href).href])"):
        assert href == target

    related = page.eval_on_selector_all(".gids-verwant h3 a", "as => as.map(a => a.href)")
    assert 3 <= len(related) <= 5
    assert page.url not in related and len(set(related)) == len(related)
    assert all(h.startswith(served_site + "praktijken/") and h.rstrip("/").split("/")[-1] in SLUGS for h in related)

    theme = record.themas[-1]
    assert list(DEFINITIONS["thema"].values).index(theme) >= 8  # in the folded part of the long theme list
    tags.nth(len(record.themas) - 1).click()
    page.wait_for_url(served_site + f"praktijken/?thema={theme}", wait_until="load")
    wait_until_loaded(page)
    expect(box(page, "thema", theme)).to_be_checked()
    expect(box(page, "thema", theme)).to_be_visible()  # a ticked value is never folded away
    assert_filtered_view(page, thema=[theme])


# ---------- nothing leaves the local server ----------

def test_alle_verzoeken_blijven_lokaal(browser, fixture_site):
    """Every request of every page type, also the late ones (search worker, card data), goes to the site itself."""
    visits = {"": 200, "praktijken/?zoek=huisvesting": 200, f"praktijken/{SCHAKELKLAS}/": 200,
              "hoofdstukken/onthaalbeleid/": 200, "gids/voorwoord/": 200, "deze/pagina/bestaat/niet/": 404}
    with static_host(fixture_site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT)
        requests, failed = [], []
        context.on("request", lambda r: requests.append(r.url))
        context.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
        try:
            # all pages at once: their waits for a quiet network overlap
            pages = {path: context.new_page() for path in visits}
            responses = {path: page.goto(base + path, wait_until="commit") for path, page in pages.items()}
            for path, page in pages.items():
                page.wait_for_load_state("networkidle")
                assert responses[path].status == visits[path], path
                assert page.locator("h1").count() == 1, path
            catalogue = pages["praktijken/?zoek=huisvesting"]
            catalogue.locator("#gids-q").fill("")
            catalogue.locator("#gids-q").press_sequentially("taal onderwijs")
            catalogue.wait_for_load_state("networkidle")
            expect(catalogue.locator(".gids-kaart__samenvatting:empty")).to_have_count(0)
        finally:
            context.close()
    host = urlparse(base).netloc
    assert len(requests) > 20
    assert [u for u in requests if urlparse(u).netloc != host] == []
    assert failed == []


def test_skiplink_en_menu_met_het_toetsenbord_op_een_gsm(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_catalogue(page, served_site)
    wait_until_loaded(page)
    # the first Tab reaches "Naar inhoud"; Enter jumps past the header to the title
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar inhoud"
    page.keyboard.press("Enter")
    expect(page.locator(".md-content h1")).to_be_focused()
    # from the top, the search box is a few Tab presses away: the closed menu holds no focusable links
    page.goto(served_site + "praktijken/")
    wait_until_loaded(page)
    for _ in range(7):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "gids-q":
            break
    assert page.evaluate("document.activeElement.id") == "gids-q", "zoekvak niet bereikt binnen 7 keer Tab"
    # the menu button works with Enter and says whether it is open (tests/test_toetsenbord.py has more)
    menu = page.get_by_role("button", name="Menu")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    # Space closes it again, as on any button
    menu.focus()
    page.keyboard.press(" ")
    expect(menu).to_have_attribute("aria-expanded", "false")
    context.close()


def test_op_een_gsm_brengt_de_knop_onder_de_filters_je_naar_de_resultaten(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_catalogue(page, served_site, "?thema=welzijn")
    page.click("[data-gids-filterknop]")
    expected = len(having(thema=["welzijn"]))
    show = page.locator("[data-gids-toon]")
    expect(show).to_have_text(f"Toon {status_text(expected)}")
    show.click()
    expect(page.locator("[data-gids-filterknop]")).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.activeElement.matches('[data-gids-status]')")
    assert page.locator("#gids-resultaten > li").first.is_visible()
    context.close()
