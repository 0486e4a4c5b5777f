"""With the keyboard only, in Chromium: the skip link, a visible focus everywhere, the menu button, code blocks.

- The first Tab on every page type reaches "Naar inhoud", which puts the focus on the content's h1 (WCAG 2.4.1).
- Every stop of a Tab walk through every page type shows a solid ring of at least 2px with 3:1 or more
  against what surrounds it (WCAG 1.4.11, 2.4.7), in the light and the dark scheme, on a desktop and a phone.
- The menu's opener is a real button; an overflowing code block takes the focus on a touch screen too.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests import contrast
from tests.test_catalogus_browser import TIMEOUT, wait_until_loaded
from tests.test_toegankelijkheid import PAGES
from tests.test_toegankelijkheid import site as site  # the fixture: the fixture site on the run's one host

SCHEMES = ["light", "dark"]
DEVICES = {"desktop": {"viewport": {"width": 1280, "height": 900}},
           "gsm": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}}
RING_MIN_CONTRAST = 3.0  # WCAG 1.4.11
RING_MIN_WIDTH = 2.0     # px; thinner is hard to see whatever its colour
MAX_STOPS = 400          # a Tab walk longer than this is stuck (the catalogue has about 150 stops)
# The Tab walk: every page type. The catalogue's states share their controls: the one with filters ticked
# and the one without results (its ways out are buttons of their own) stand for the others.
WALK = [name for name in PAGES if name not in ("catalogus", "catalogus-zoekterm")]


def open_page(looks, url: str, device: str = "desktop", scheme: str = "light"):
    page = looks.take(**DEVICES[device], color_scheme=scheme)
    page.set_default_timeout(TIMEOUT)
    page.goto(url, wait_until="load")
    if page.locator("[data-gids-catalogus]").count():
        wait_until_loaded(page)
    return page


def close(looks, page) -> None:
    errors = page.errors
    looks.give_back(page)
    assert errors == [], errors


DESCRIBE = """() => { const e = document.activeElement;
  if (!e || e === document.body) return null;
  const text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' "' + text + '"'; }"""


# ---------- the skip link ----------

@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name", PAGES)
def test_de_eerste_tab_springt_naar_de_titel(looks, site, name, device):
    page = open_page(looks, site + PAGES[name], device)
    try:
        page.keyboard.press("Tab")
        skip = page.locator("a.gids-skip")
        assert page.evaluate("document.activeElement.matches('a.gids-skip')"), page.evaluate(DESCRIBE)
        expect(skip).to_have_text("Naar inhoud")
        expect(skip).to_be_in_viewport()
        page.keyboard.press("Enter")
        title = page.locator(".md-content h1")
        expect(title).to_have_count(1)
        expect(title).to_be_focused()
        # in sight, below the header that stays on top
        top = page.evaluate("document.querySelector('.md-content h1').getBoundingClientRect().top")
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        assert header <= top < page.viewport_size["height"] / 2, (header, top)
        # and the next Tab goes on from the title, not from the top of the page
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('.md-content h1').compareDocumentPosition(document.activeElement)"
                             " & Node.DOCUMENT_POSITION_FOLLOWING"), page.evaluate(DESCRIBE)
    finally:
        close(looks, page)


def test_zonder_javascript_landt_de_skiplink_voor_de_inhoud(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + PAGES["praktijk"])
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhoud"
        # the target sits right before the content: the page's article with its title
        assert page.evaluate("document.getElementById('inhoud').nextElementSibling.querySelector('h1') !== null")
    finally:
        context.close()


# ---------- the focus ring ----------

# What has the focus, once it and what holds it have moved into place (the skip link and the menu slide in,
# a footer link fades): null on the body.
STOP = """async () => {
  const e = document.activeElement;
  const moving = e ? document.getAnimations().filter((a) => ["opacity", "transform"].includes(a.transitionProperty)
                                                    && a.effect && a.effect.target && a.effect.target.contains(e)) : [];
  await Promise.all(moving.map((a) => a.finished.catch(() => null)));
  if (!e || e === document.body) return null;
  if (!e.dataset.gidsStap) e.dataset.gidsStap = String(Math.random());
  // Material fits its sticky sidebars above the footer a frame after a scroll: what covers the focus
  // for a frame or two does not count
  let ring = gidsContrast.ring(e);
  for (let frame = 0; ring.covered && frame < 10; frame++) {
    await new Promise((done) => requestAnimationFrame(done));
    ring = gidsContrast.ring(e);
  }
  return {id: e.dataset.gidsStap, visible: e.matches(':focus-visible'), ring, what: (DESCRIBE)()};
}""".replace("DESCRIBE", DESCRIBE)


def tab_walk(page) -> list[dict]:
    """Every stop of Tab from the top of the page to its end: what has the focus and its ring."""
    contrast.install(page)
    stops, seen = [], set()
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        if stop is None or stop["id"] in seen:
            return stops
        seen.add(stop["id"])
        stops.append(stop)
    pytest.fail(f"Tab kwam na {MAX_STOPS} stappen niet aan het einde van de pagina")


def ring_problems(stops: list[dict]) -> list[str]:
    problems = []
    for stop in stops:
        ring = stop["ring"]
        if not stop["visible"]:
            problems.append(f"{stop['what']}: geen :focus-visible")
        elif ring["style"] != "solid" or ring["width"] < RING_MIN_WIDTH:
            problems.append(f"{stop['what']}: rand {ring['style']} {ring['width']}px")
        elif ring["covered"]:
            problems.append(f"{stop['what']}: bedekt door {ring['covered']}")
        elif ring["sides"] < 2:
            problems.append(f"{stop['what']}: {ring['sides']} zijde(n) van de rand in beeld")
        elif ring["ratio"] < RING_MIN_CONTRAST:
            problems.append(f"{stop['what']}: {ring['color']} op {ring['background']} is {ring['ratio']:.2f}:1")
    return problems


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name", WALK)
def test_de_focus_is_overal_zichtbaar(looks, site, name, device, scheme):
    url = site + PAGES[name]
    page = open_page(looks, url, device, scheme)
    try:
        if name.startswith("catalogus") and device == "gsm":
            page.locator("[data-gids-filterknop]").click()  # the filters too
            expect(page.locator("#gids-filters")).to_be_visible()
        stops = tab_walk(page)
        assert len(stops) >= 5, [s["what"] for s in stops]
        assert ring_problems(stops) == []
    finally:
        close(looks, page)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", ["start", "verhaal"])
def test_de_focus_in_het_geopende_menu(looks, site, name, scheme):
    """On a phone the navigation is in the drawer, which covers the page: the focus goes into it, shows
    on every stop, never lands on a level out of sight, and a Tab out of the drawer closes it."""
    page = open_page(looks, site + PAGES[name], "gsm", scheme)
    try:
        contrast.install(page)
        menu = page.locator("[data-gids-menuknop]")
        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        drawer = ".md-sidebar--primary"
        stops = []
        while page.evaluate(f"document.querySelector('{drawer}').contains(document.activeElement)"):
            stops.append(page.evaluate(STOP))
            assert len(stops) < MAX_STOPS
            page.keyboard.press("Tab")
        assert len(stops) >= 2, [s["what"] for s in stops]
        assert ring_problems(stops) == []
        # out of the drawer: it closed, and what has the focus now is in sight once it has slid away
        expect(menu).to_have_attribute("aria-expanded", "false")
        page.evaluate("Promise.all(document.querySelector('.md-sidebar--primary').getAnimations({subtree: true})"
                      ".map((a) => a.finished.catch(() => null)))")
        assert ring_problems([page.evaluate(STOP)]) == []
    finally:
        close(looks, page)


# ---------- the menu button ----------

def test_het_menu_opent_met_een_echte_knop(looks, site):
    page = open_page(looks, site + PAGES["verhaal"], "gsm")
    try:
        menu = page.get_by_role("button", name="Menu")
        expect(menu).to_have_count(1)
        assert menu.evaluate("b => b.tagName") == "BUTTON"
        assert page.locator("label[role]").count() == 0  # no label pretends to be a button
        expect(menu).to_have_attribute("aria-expanded", "false")
        drawer = page.locator(".md-sidebar--primary")
        expect(drawer).not_to_be_in_viewport()

        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(drawer).to_be_in_viewport()
        assert page.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
        page.keyboard.press("Escape")  # closes it and gives the focus back to the button
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(menu).to_be_focused()
        page.keyboard.press("Space")
        expect(menu).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("Shift+Tab")  # out of the menu, backwards: it closes
        expect(menu).to_have_attribute("aria-expanded", "false")
        assert page.evaluate("document.activeElement.closest('.md-header') !== null")
        # a tap on the page beside the open menu closes it, and the button says so
        menu.tap()
        expect(menu).to_have_attribute("aria-expanded", "true")
        page.locator("label.md-overlay").tap(position={"x": 380, "y": 400}, force=True)
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(drawer).not_to_be_in_viewport()
    finally:
        close(looks, page)


def test_op_een_breed_scherm_staat_het_menu_open_zonder_knop(looks, site):
    page = open_page(looks, site + PAGES["verhaal"])
    try:
        expect(page.locator("[data-gids-menuknop]")).to_be_hidden()
        expect(page.locator(".md-sidebar--primary")).to_be_visible()
    finally:
        close(looks, page)


def test_zonder_javascript_opent_materials_label_het_menu(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + PAGES["verhaal"])
        expect(page.locator("[data-gids-menuknop]")).to_be_hidden()
        page.locator('.md-header label[for="__drawer"]').click()
        expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    finally:
        context.close()


# ---------- code blocks ----------

@pytest.mark.parametrize("device", DEVICES)
def test_code_die_uitsteekt_krijgt_de_focus_en_schuift(looks, site, device):
    """Material makes such a block focusable only where the device can hover; verrijk.js on every device."""
    page = open_page(looks, site + PAGES["open-data"], device)
    try:
        blocks = page.locator(".md-typeset pre > code")
        overflowing = [i for i in range(blocks.count())
                       if blocks.nth(i).evaluate("c => c.scrollWidth > c.clientWidth")]
        assert overflowing, "open-data/ has no code block wider than the screen to test with"
        for i in overflowing:
            expect(blocks.nth(i)).to_have_attribute("tabindex", "0")
        block = blocks.nth(overflowing[0])
        for _ in range(MAX_STOPS):
            page.keyboard.press("Tab")
            if block.evaluate("c => c === document.activeElement"):
                break
        expect(block).to_be_focused()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        block.evaluate("c => new Promise(done => { const t = setInterval(() => c.scrollLeft > 0 && (clearInterval(t), done()), 20); })")
        # still focusable after a resize (Material re-decides then)
        page.set_viewport_size({"width": page.viewport_size["width"] - 20, "height": page.viewport_size["height"]})
        page.wait_for_timeout(200)
        expect(block).to_have_attribute("tabindex", "0")
    finally:
        close(looks, page)
