/* Catalogue page: full-text search (lunr, Dutch), facets with counts, state in the URL.
 *
 * The page's wiring: its controls, history and fetches. What to show is decided by
 * catalogus-logica.js (read it for the data files and the state); when, by one planner (planner.js):
 *   "url"        a typed query goes into the URL a moment after the last key (URL_DELAY)
 *   "pauze"      a pause in typing ends the history step of the query typed (PAUSE)
 *   "verhalen"   while typing, the stories' hits follow the quick results a moment after the last key (SETTLE)
 *   "kaarten"    while typing, the cards below the window follow once those in sight are painted
 *   "tellingen"  the facet counts are redrawn once the results are painted; while typing, after SETTLE
 * Opening a result writes it into the history entry (L.opened), so that back from the practice puts
 * the focus on it again (focusOpened).
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-gids-catalogus]");
  if (!root) return;
  // The forms only filter this page; no inline handler, so that pages carry no code of their own.
  root.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });

  var L = gidsCatalogusLogica;
  var planner = gidsPlanner(window);
  var NA_VERF = gidsPlanner.NA_VERF;
  var PAGE = 20;          // cards shown at first and added by "Toon meer"
  var URL_DELAY = 250;    // ms; writing history on every key costs more than the search
  var PAUSE = 1000;       // ms without a key: the next key starts a new history step
  // ms without a key before the stories' search and the counts: done after every key, they delayed the
  // next key's results (and were replaced by it); a keystroke's list comes first
  var SETTLE = 100;

  var base = new URL(root.getAttribute("data-basis"), location.href);
  var input = root.querySelector("#gids-q");
  var sortSelect = root.querySelector("[data-gids-sort]");
  var statusEl = root.querySelector("[data-gids-status]");
  var list = root.querySelector("[data-gids-resultaten]");
  var emptyEl = root.querySelector("[data-gids-leeg]");
  var moreButton = root.querySelector("[data-gids-meer]");
  var filters = root.querySelector("#gids-filters");
  var showButton = root.querySelector("[data-gids-toon]");
  var activeLabel = root.querySelector("[data-gids-actief]");
  var boxes = Array.prototype.slice.call(root.querySelectorAll(".gids-facet input[type=checkbox]"));
  var countEls = boxes.map(function (box) { return box.closest("li").querySelector("[data-aantal]"); });
  var shownCounts = boxes.map(function () { return -1; });  // what each count shows (-1: nothing yet)

  var data = null;          // catalogus.json, decoded
  var indexes = { kop: null, verhaal: null };
  var cards = {};           // ref -> promise of its card (null if it failed)
  var loadedCards = {};     // ref -> its card, once loaded (null if it failed): filled in at once
  var cardLoads = [];       // the cards being fetched for the list on screen
  var shownList = null;     // what the result list shows now (refs and highlighted words)
  var shown = PAGE;
  var order = [];           // the selections in the order they were made (for "drop the last filter")
  var chosenSort = "";      // the sort the visitor chose; "" follows the query (L.defaultSort)
  var currentUrl = null;    // the URL of the current history entry
  var committed = null;     // the state that URL holds
  var typing = false;       // the query typed since the last pause has its history entry already
  var resultRefs = [];      // the refs of all results, in the list's order
  var back = null;          // {ref, shown}: back from the practice opened from this entry (L.returnTo)

  // ---------- state <-> page and URL ----------

  function currentState() {
    var ticked = boxes.filter(function (box) { return box.checked; }).map(function (box) { return [box.name, box.value]; });
    return L.makeState(input.value, chosenSort, ticked);
  }

  function applyState(state) {
    input.value = state.q;
    boxes.forEach(function (box) {
      box.checked = (state.facets[box.name] || []).indexOf(box.value) >= 0;
    });
    order = L.selectionsAfter(order, state.facets, data.facetten);
    chosenSort = state.sort;
    sortSelect.value = state.sort || L.defaultSort(state.q);
  }

  // Show the state in the URL: as a new history entry (push) or in the current one. false if the URL stays.
  function commit(push, state) {
    state = state || currentState();
    var url = location.pathname + L.toSearch(state, data.facetten);
    if (url === currentUrl) return false;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    currentUrl = url;
    committed = state;
    return true;
  }

  // The typed query into the URL: the first time after a pause as a new history entry, then in it.
  function commitTyped() {
    if (commit(!typing, committed ? L.withQuery(committed, input.value) : currentState())) typing = true;
  }

  // Before any other step: the query typed so far becomes a step of its own.
  function stopTyping() {
    planner.cancel("pauze");
    planner.runNow("url");
    typing = false;
  }

  // A step the visitor took (a tick, a sort, a button): in history, and on screen from the first page.
  function step() {
    stopTyping();
    commit(true);
    render(true);
  }

  // ---------- rendering ----------

  // quick: while typing, search titles, places, summaries and fiches now and add the stories when the
  // typing pauses (SETTLE; the story index is the large one); the list is marked busy in between.
  function render(resetPage, quick) {
    if (!data) return;
    var sight = quick ? cardsInSight() : Infinity;  // read before the page changes: no layout of its own
    if (!quick && planner.cancel("verhalen") && !planner.pending("kaarten")) list.removeAttribute("aria-busy");  // this one has the stories
    var state = currentState();
    sortSelect.value = chosenSort || L.defaultSort(state.q);
    var scores = L.zoek(indexes, data.praktijken, state.q, quick);
    if (quick && indexes.verhaal && state.q) {
      list.setAttribute("aria-busy", "true");
      planner.plan("verhalen", SETTLE, function () {
        render(false);
        if (!planner.pending("kaarten")) list.removeAttribute("aria-busy");
      });
    }
    var pool = L.found(data.praktijken, scores);
    scheduleCounts(pool, state.facets, quick ? SETTLE : NA_VERF);
    var results = L.sorted(L.filter(pool, state.facets), scores, sortSelect.value);
    resultRefs = results.map(function (p) { return p.ref; });
    if (resetPage) shown = PAGE;

    var n = results.length, status = L.statusText(n);
    if (statusEl.textContent !== status) {
      statusEl.textContent = status;
      showButton.textContent = L.showText(n);
    }
    activeLabel.textContent = L.activeText(order.length);
    renderEmpty(n === 0, state);
    var visible = results.slice(0, shown), words = L.terms(state.q), partial = L.firstPartial(visible, scores);
    var key = visible.map(function (p) { return p.ref; }).join(" ") + "|" + words.join(" ") + "|" + partial;
    if (key !== shownList) renderList(visible, words, partial, sight);  // typing on often leaves the list as it is
    shownList = key;
    moreButton.hidden = n <= shown;
  }

  // Counts are redrawn after the results are painted: while typing, the list is what the eye follows.
  function scheduleCounts(pool, facets, delay) {
    root.setAttribute("data-gids-tellingen", "bezig");
    planner.plan("tellingen", delay, function () {
      var counts = L.counts(pool, facets, data.facetten);
      boxes.forEach(function (box, i) {
        var n = counts[box.name][box.value] || 0, disabled = L.isDisabled(n, box.checked);
        if (shownCounts[i] === n && box.disabled === disabled) return;
        shownCounts[i] = n;
        countEls[i].textContent = "(" + n + ")";
        box.disabled = disabled;
        box.closest("li").classList.toggle("gids-facet__waarde--leeg", disabled);
      });
      root.removeAttribute("data-gids-tellingen");
    });
  }

  function renderEmpty(empty, state) {
    emptyEl.hidden = !empty;
    emptyEl.textContent = "";
    if (!empty) return;
    var p = document.createElement("p");
    p.textContent = "Geen praktijken gevonden.";
    emptyEl.appendChild(p);
    L.waysOut(state, order, data.facetten).forEach(function (way) {
      emptyEl.appendChild(button(way.text, function () {
        if (way.kind === "filter") {
          boxes.forEach(function (box) { if (box.name === way.key && box.value === way.value) box.checked = false; });
          order = L.withSelection(order, way.key, way.value, false);
        } else {
          input.value = "";
        }
        step();
        input.focus();  // the button is gone: keep the focus on the page
      }));
    });
  }

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "gids-knop";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  // partial: where the practices that hold only some of the query's words start (a line above them).
  // sight: how many cards to make now (while typing, those that can be in sight); the others follow once
  // the browser has painted these: a keystroke lays out 8 cards, not 20. A later render replaces both.
  function renderList(results, queryWords, partial, sight) {
    planner.cancel("kaarten");
    var now = Math.min(results.length, sight);
    var fragment = document.createDocumentFragment();
    cardLoads = [];
    addCards(fragment, results, 0, now, queryWords, partial);
    list.textContent = "";
    list.appendChild(fragment);
    if (now === results.length) return;
    list.setAttribute("aria-busy", "true");
    planner.plan("kaarten", NA_VERF, function () {
      var rest = document.createDocumentFragment();
      addCards(rest, results, now, results.length, queryWords, partial);
      list.appendChild(rest);
      if (!planner.pending("verhalen")) list.removeAttribute("aria-busy");
    });
  }

  // How many cards the window can show from the list's top (a card is at least MIN_CARD px high);
  // all when the visitor has scrolled into the list.
  var MIN_CARD = 90;
  function cardsInSight() {
    var top = list.getBoundingClientRect().top;
    return top < 0 ? Infinity : Math.ceil(Math.max(0, window.innerHeight - top) / MIN_CARD) + 1;
  }

  function addCards(fragment, results, from, to, queryWords, partial) {
    results.slice(from, to).forEach(function (p, j) {
      var i = from + j;
      if (i === partial) {
        var line = document.createElement("li");
        line.className = "gids-kaarten__deels";
        line.textContent = L.DEELS_TEXT;
        fragment.appendChild(line);
      }
      var li = cardTemplate.cloneNode(true);
      highlight(li.children[0], p.plaats, queryWords);
      var a = li.children[1].firstChild;
      a.href = new URL("praktijken/" + p.ref + "/", base).href;
      a.setAttribute("data-ref", p.ref);
      highlight(a, p.titel, queryWords);
      fragment.appendChild(li);
      if (p.ref in loadedCards) fill(li, loadedCards[p.ref], queryWords);  // at once: no flash of empty cards
      else cardLoads.push(fillCard(li, p.ref, queryWords));
    });
  }

  var cardTemplate = document.createElement("li");
  cardTemplate.className = "gids-kaart";
  cardTemplate.innerHTML =
    '<p class="gids-kaart__plaats"></p><h3 class="gids-kaart__titel"><a></a></h3>' +
    '<p class="gids-kaart__samenvatting"></p><p class="gids-kaart__meta"></p>';

  function fillCard(li, ref, queryWords) {
    return loadCard(ref).then(function (card) {
      if (li.isConnected) fill(li, card, queryWords);
    });
  }

  function fill(li, card, queryWords) {
    if (!card) return;
    highlight(li.children[2], card.samenvatting, queryWords);
    li.children[3].textContent = L.kaartMeta(card);
  }

  function loadCard(ref) {
    if (!cards[ref]) {
      cards[ref] = fetchJSON("zoeken/kaarten/" + ref + ".json").catch(function () { return null; })
        .then(function (card) { loadedCards[ref] = card; return card; });
    }
    return cards[ref];
  }

  function highlight(el, text, queryWords) {
    el.textContent = "";
    L.highlight(text, queryWords).forEach(function (part) {
      var node = part[1] ? document.createElement("mark") : document.createTextNode(part[0]);
      if (part[1]) node.textContent = part[0];
      el.appendChild(node);
    });
  }

  // Back from a practice opened from this history entry: the focus goes to its card's link, where the
  // visitor left the list (WCAG 2.4.3), unless the visitor has already moved it.
  function focusOpened() {
    var target = back;
    back = null;
    if (!target || (document.activeElement && document.activeElement !== document.body)) return;
    var index = resultRefs.indexOf(target.ref);
    if (index < 0) return;  // no longer among the results (the catalogue changed meanwhile)
    var needed = L.shownWith(index, shown, PAGE);
    if (needed !== shown) {
      shown = needed;
      render(false);
    }
    var link = list.children[index] && list.children[index].querySelector("a");
    if (!link) return;
    // the browser restored the scroll position: keep it, unless the card is out of sight
    link.focus({ preventScroll: true });
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0, box = link.getBoundingClientRect();
    if (box.top < top || box.bottom > window.innerHeight) link.scrollIntoView({ block: "center" });
  }

  // ---------- loading ----------

  function fetchJSON(path) {
    return fetch(new URL(path, base)).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
  }

  function loadIndex(path) {
    return fetchJSON(path).then(L.laadIndex).catch(function () { return null; });
  }

  // ---------- events ----------

  input.addEventListener("input", function () {
    render(true, true);
    planner.plan("url", URL_DELAY, commitTyped);
    planner.plan("pauze", PAUSE, stopTyping);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && input.value) {
      e.preventDefault();
      e.stopPropagation();
      input.value = "";
      step();
    }
  });
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      order = L.withSelection(order, box.name, box.value, box.checked);
      step();
    });
  });
  sortSelect.addEventListener("change", function () {
    chosenSort = L.chosenSort(sortSelect.value, input.value);
    step();
  });
  moreButton.addEventListener("click", function () {
    var first = shown;
    shown += PAGE;
    render(false);
    var next = list.children[first];
    if (next) next.querySelector("a").focus();
  });
  root.querySelector("[data-gids-wis]").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    order = [];
    step();
  });
  Array.prototype.forEach.call(root.querySelectorAll("[data-meer]"), function (b) {
    b.addEventListener("click", function () {
      var listEl = b.parentNode.querySelector(".gids-facet__waarden");
      var open = listEl.classList.toggle("gids-facet__waarden--open");
      b.setAttribute("aria-expanded", String(open));
      b.textContent = open ? "Toon minder" : "Toon alle " + listEl.children.length;
    });
  });
  // A result opened (click, Enter, or a new tab): its entry remembers it, with the query typed so far.
  list.addEventListener("click", function (e) {
    var a = e.target.closest("a[data-ref]");
    if (!a) return;
    stopTyping();
    history.replaceState(L.opened(a.getAttribute("data-ref"), shown), "", location.href);
  });
  // back from the practice to this page as it was left (the back/forward cache): the focus too
  window.addEventListener("pageshow", function (e) {
    if (!e.persisted) return;
    back = L.returnTo(history.state, PAGE);
    focusOpened();
  });
  window.addEventListener("popstate", function () {
    if (!data) return;
    stopTyping();
    currentUrl = location.pathname + location.search;
    committed = currentState();
    applyState(L.readState(location.search, data.facetten, input.maxLength));
    render(true);
  });

  // On a phone the filters start folded behind a button, so the results are visible first.
  var filterButton = root.querySelector("[data-gids-filterknop]");
  function foldFilters(folded) {
    filters.hidden = folded;
    filterButton.setAttribute("aria-expanded", String(!folded));
  }
  filterButton.addEventListener("click", function () { foldFilters(!filters.hidden); });
  // On a phone the results are far below the open filters: this button folds them and goes there.
  showButton.addEventListener("click", function () {
    foldFilters(true);
    statusEl.setAttribute("tabindex", "-1");
    statusEl.focus();
  });
  var phone = window.matchMedia("(max-width: 59.9375em)");
  foldFilters(phone.matches);
  phone.addEventListener("change", function (e) { foldFilters(e.matches); });

  // The list may still change until both indexes are in (a query finds more in the stories).
  list.setAttribute("aria-busy", "true");
  fetchJSON("zoeken/catalogus.json").then(function (json) {
    data = L.decode(json);
    applyState(L.readState(location.search, data.facetten, input.maxLength));
    currentUrl = location.pathname + location.search;
    committed = currentState();
    // back from a practice: as many cards as were shown, so that the browser's scroll lands where it was
    back = L.returnTo(history.state, PAGE);
    if (back) shown = back.shown;
    render(false);
    return loadIndex("zoeken/kop.json");
  }).then(function (index) {
    indexes.kop = index;
    if (input.value) render(false);
    // the stories' index is large: fetch it once the first cards are on screen
    return Promise.all(cardLoads).then(function () { return loadIndex("zoeken/verhaal.json"); });
  }).then(function (index) {
    indexes.verhaal = index;
    if (input.value) render(false);
  }).catch(function () {
    statusEl.textContent = "De praktijken konden niet geladen worden. Probeer de pagina opnieuw te laden.";
  }).then(function () {
    list.removeAttribute("aria-busy");
    focusOpened();  // once the list is final
  });
})();
