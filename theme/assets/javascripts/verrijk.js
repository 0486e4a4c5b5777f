/* Progressive enhancement on every page. */
(function () {
  "use strict";

  // Links that list practices statically (a theme, a province, ...) lead to the same selection
  // in the searchable catalogue when JavaScript runs.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-catalogus]"), function (a) {
    a.setAttribute("href", a.getAttribute("data-catalogus"));
  });

  // The skip link (main.html) lands on the content's title, whatever precedes it (on a practice page
  // the chapter's link): the h1 takes the focus, so reading and Tab go on from there.
  var skip = document.querySelector("a.gids-skip");
  var title = document.querySelector(".md-content h1");
  if (skip && title) {
    if (!title.id) title.id = "gids-paginatitel";
    title.setAttribute("tabindex", "-1");
    skip.setAttribute("href", "#" + title.id);
    // not every browser moves the focus to a fragment's target
    skip.addEventListener("click", function () { title.focus(); });
  }

  // The menu's button (partials/header.html) opens and closes Material's drawer, a checkbox that
  // its CSS follows; Material's own opener is a label for it, kept for a browser without JavaScript.
  // The open menu covers the page and the header: the focus goes into it, Escape closes it and goes
  // back to the button, and a Tab out of it closes it, so that the focus is never under it.
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector("[data-gids-menuknop]");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && menu && sidebar) {
    menu.hidden = false;
    var sync = function () { menu.setAttribute("aria-expanded", String(drawer.checked)); };
    var setOpen = function (open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change"));  // Material locks the page's scroll on it
    };
    // the first link or label of the level in sight (gids.css hides the others)
    var firstInMenu = function () {
      var candidates = sidebar.querySelectorAll("a[href], label[tabindex], button");
      for (var i = 0; i < candidates.length; i++) {
        var c = candidates[i];
        if (c.checkVisibility ? c.checkVisibility({ visibilityProperty: true }) : getComputedStyle(c).visibility === "visible") return c;
      }
      return null;
    };
    sync();
    drawer.addEventListener("change", sync);
    menu.addEventListener("click", function () {
      setOpen(!drawer.checked);
      var first = drawer.checked && firstInMenu();
      if (first) first.focus();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !drawer.checked) return;
      setOpen(false);
      menu.focus();
    });
    document.addEventListener("focusin", function (e) {
      if (drawer.checked && e.target !== menu && !sidebar.contains(e.target)) setOpen(false);
    });
  }

  // In the phone's menu a level's title goes back up a level, and the current page's label opens its
  // table of contents. Material lets the keyboard reach the labels that open a level (tabindex, Enter on
  // a label clicks it), not these: the same for them (gids.css hides the levels out of sight).
  var labels = '.md-nav--primary .md-nav label.md-nav__title[for^="__nav"], .md-nav--primary label.md-nav__link[for="__toc"]';
  Array.prototype.forEach.call(document.querySelectorAll(labels), function (label) {
    label.setAttribute("tabindex", "0");
  });

  // The colour scheme's radio buttons (one per scheme, mkdocs.yml): Material checks one only when it is
  // picked, so a screen reader would hear none checked. The current one is: the one remembered, or the
  // first ("volgens het systeem"), as Material's bundle chose.
  var schemes = document.querySelectorAll('input[name="__palette"]');
  if (schemes.length && !document.querySelector('input[name="__palette"]:checked')) {
    var remembered = typeof window.__md_get === "function" ? window.__md_get("__palette") : null;
    var current = schemes[remembered && typeof remembered.index === "number" ? remembered.index : 0];
    if (current) current.checked = true;
  }

  // An overflowing code block (open data) scrolls with the arrow keys once it has the focus. Material
  // makes it focusable only on a device that can hover, so a tablet with a keyboard could not scroll it
  // (WCAG 2.1.1): here it is focusable whenever it overflows. Material may take the tabindex away again
  // when the block resizes; that is undone.
  var blocks = document.querySelectorAll(".md-typeset pre > code");
  if (blocks.length && window.ResizeObserver && window.MutationObserver) {
    var focusable = function (code) {
      if (code.scrollWidth > code.clientWidth && code.getAttribute("tabindex") !== "0") code.setAttribute("tabindex", "0");
    };
    var resized = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { focusable(entry.target); });
    });
    var changed = new MutationObserver(function (records) {
      records.forEach(function (record) { focusable(record.target); });
    });
    Array.prototype.forEach.call(blocks, function (code) {
      focusable(code);
      resized.observe(code);
      changed.observe(code, { attributes: true, attributeFilter: ["tabindex"] });
    });
  }
})();
