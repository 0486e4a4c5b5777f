/* Catalogue page: full-text search (lunr, Dutch), facets with counts, state in the URL.
 *
 * Data (written by the generator):
 *   zoeken/catalogus.json      every practice's ref, sort keys and facet values
 *   zoeken/kop.json            lunr index of title, place, summary and fiche (loaded first)
 *   zoeken/verhaal.json        lunr index of the stories (loaded after the first results)
 *   zoeken/kaarten/<ref>.json  what a result card shows, fetched for visible results only
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-gids-catalogus]");
  if (!root) return;
  // The forms only filter this page; no inline handler, so that pages carry no code of their own.
  root.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });

  var PAGE = 20;
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
  var shownCounts = boxes.map(function () { return -1; });

  var data = null;          // catalogus.json
  var shownList = null;
  var cardLoads = [];       // the cards being fetched for the list on screen     // what the result list shows now (refs and highlighted words)
  var byRef = {};           // ref -> practice
  var kop = null, verhaal = null;
  var cards = {};           // ref -> card (or a pending promise)
  var shown = PAGE;
  var order = [];           // facet selections in the order they were made (for "drop the last filter")
  var chosenSort = "";      // the sort the visitor chose; "" follows the query (defaultSort)
  var currentUrl = null;    // the URL of the current history entry
  var committed = null;     // the state that URL holds
  var urlTimer = null;      // a pending URL update while typing
  var typing = false, typingTimer = null;  // typing: the keystrokes since the last pause make one history step

  // ---------- state <-> URL ----------

  function readState() {
    var params = new URLSearchParams(location.search);
    var sort = params.get("sort") || "";
    var known = Array.prototype.some.call(sortSelect.options, function (o) { return o.value === sort; });
    // a shared link may hold any query: read no more of it than can be typed (the box's maxlength)
    var q = params.get("zoek") || "";
    var state = { q: input.maxLength > 0 ? q.slice(0, input.maxLength) : q, sort: known ? sort : "", facets: {} };
    data.facetten.forEach(function (f) {
      var values = params.getAll(f.key).filter(function (v) { return v in f.waarden; });
      if (values.length) state.facets[f.key] = values;
    });
    return state;
  }

  function currentState() {
    var state = { q: input.value.trim(), sort: chosenSort, facets: {} };
    boxes.forEach(function (box) {
      if (box.checked) (state.facets[box.name] = state.facets[box.name] || []).push(box.value);
    });
    if (state.sort === defaultSort(state.q)) state.sort = "";
    return state;
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("zoek", state.q);
    data.facetten.forEach(function (f) {
      (state.facets[f.key] || []).forEach(function (v) { params.append(f.key, v); });
    });
    if (state.sort) params.set("sort", state.sort);
    var text = params.toString();
    return location.pathname + (text ? "?" + text : "");
  }

  function applyState(state) {
    input.value = state.q;
    boxes.forEach(function (box) {
      box.checked = (state.facets[box.name] || []).indexOf(box.value) >= 0;
    });
    order = order.filter(function (o) { return (state.facets[o.key] || []).indexOf(o.value) >= 0; });
    boxes.forEach(function (box) {
      if (box.checked && !order.some(function (o) { return o.key === box.name && o.value === box.value; })) {
        order.push({ key: box.name, value: box.value });
      }
    });
    chosenSort = state.sort;
    sortSelect.value = state.sort || defaultSort(state.q);
  }

  function defaultSort(q) { return q ? "relevantie" : "plaats"; }

  // Show the state in the URL: as a new history entry (push) or in the current one. false if the URL stays.
  function commit(push, state) {
    state = state || currentState();
    var url = toQuery(state);
    if (url === currentUrl) return false;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    currentUrl = url;
    committed = state;
    return true;
  }

  // The typed query on top of what the URL already holds (a filter ticked meanwhile is a step of its own).
  function typedState() {
    var state = committed ? { q: input.value.trim(), sort: committed.sort, facets: committed.facets } : currentState();
    return state;
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    if (urlTimer) {  // a pending URL update of the query: do it now, as its own step
      clearTimeout(urlTimer);
      urlTimer = null;
      if (commit(!typing, typedState())) typing = true;
    }
    typing = false;
  }

  // ---------- search ----------

  function terms(q) {
    return typeof gidsZoekindex !== "undefined" ? gidsZoekindex.woorden(q.slice(0, gidsZoekindex.MAX_TEKST))
      : q.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function textMatches(q) {
    // Before the indexes arrive (or if they fail): plain substring match on title and place.
    var scores = {};
    var words = q.toLowerCase().split(/\s+/).filter(Boolean);
    data.praktijken.forEach(function (p) {
      var hay = (p.titel + " " + p.plaats).toLowerCase();
      if (words.every(function (w) { return hay.indexOf(w) >= 0; })) scores[p.ref] = 1;
    });
    return scores;
  }

  function search(q, quick) {
    if (q.length < 2) return null;  // one letter says nothing yet: keep the whole list until the second
    if (!kop) return textMatches(q);
    if (quick && verhaal) return gidsZoekindex.zoek([[kop, 1]], q, true) || {};  // the stories follow (typing)
    // the story weighs less than title, place, summary and fiche
    return gidsZoekindex.zoek([[kop, 1], [verhaal, 0.5]], q, true) || {};
  }

  // ---------- facets ----------

  function matchesFacets(p, facets, skip) {
    for (var key in facets) {
      if (key === skip) continue;
      var wanted = facets[key];
      var have = p.facetten[key] || [];
      if (!wanted.some(function (v) { return have.indexOf(v) >= 0; })) return false;
    }
    return true;
  }

  // Counts per facet value, each facet counted under the other facets' filters (AND across facets,
  // OR within one): a record that fails no active facet counts everywhere; one that fails exactly one
  // active facet counts only for that facet; others not at all. One pass over the pool.
  function updateCounts(pool, facets) {
    var keys = Object.keys(facets);
    var counts = {};
    data.facetten.forEach(function (f) { counts[f.key] = {}; });
    pool.forEach(function (p) {
      var failed = null, failures = 0;
      for (var i = 0; i < keys.length && failures < 2; i++) {
        var have = p.facetten[keys[i]] || [];
        if (!facets[keys[i]].some(function (v) { return have.indexOf(v) >= 0; })) { failed = keys[i]; failures++; }
      }
      if (failures > 1) return;
      for (var key in p.facetten) {
        if (failures === 1 && key !== failed) continue;
        var c = counts[key];
        p.facetten[key].forEach(function (v) { c[v] = (c[v] || 0) + 1; });
      }
    });
    boxes.forEach(function (box, i) {
      var n = counts[box.name][box.value] || 0;
      if (shownCounts[i] === n && box.disabled === (n === 0 && !box.checked)) return;
      shownCounts[i] = n;
      countEls[i].textContent = "(" + n + ")";
      box.disabled = n === 0 && !box.checked;
      box.closest("li").classList.toggle("gids-facet__waarde--leeg", box.disabled);
    });
  }

  // Counts are redrawn after the results are painted: while typing, the list is what the eye follows.
  var countsFrame = null, countsTimer = null;
  function scheduleCounts(pool, facets) {
    cancelAnimationFrame(countsFrame);
    clearTimeout(countsTimer);
    root.setAttribute("data-gids-tellingen", "bezig");
    countsFrame = requestAnimationFrame(function () {
      countsTimer = setTimeout(function () {
        updateCounts(pool, facets);
        root.removeAttribute("data-gids-tellingen");
      }, 0);
    });
  }

  // ---------- results ----------

  function sorted(pool, scores, sort) {
    var by = {
      relevantie: function (a, b) { return (scores ? scores[b.ref] - scores[a.ref] : 0) || a.rangPlaats - b.rangPlaats; },
      plaats: function (a, b) { return a.rangPlaats - b.rangPlaats; },
      titel: function (a, b) { return a.rangTitel - b.rangTitel; },
      gecontroleerd: function (a, b) { return (a.gecontroleerd < b.gecontroleerd) - (a.gecontroleerd > b.gecontroleerd) || a.rangPlaats - b.rangPlaats; }
    };
    return pool.slice().sort(by[sort] || by.plaats);
  }

  // Sort ranks computed once: Dutch collation by place then title, and by title then place.
  function rank(praktijken) {
    var collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });
    var cmp = collator.compare;
    praktijken.slice().sort(function (a, b) { return cmp(a.plaats, b.plaats) || cmp(a.titel, b.titel); })
      .forEach(function (p, i) { p.rangPlaats = i; });
    praktijken.slice().sort(function (a, b) { return cmp(a.titel, b.titel) || cmp(a.plaats, b.plaats); })
      .forEach(function (p, i) { p.rangTitel = i; });
  }

  // quick: while typing, search titles, places, summaries and fiches now and add the stories once the
  // browser has painted (the story index is the large one); the list is marked busy in between.
  var storiesTimer = null, storiesPending = false;
  function render(resetPage, quick) {
    if (!data) return;
    clearTimeout(storiesTimer);
    if (storiesPending && !quick) {  // this full render includes the stories: nothing left to add
      storiesPending = false;
      list.removeAttribute("aria-busy");
    }
    var state = currentState();
    sortSelect.value = chosenSort || defaultSort(state.q);
    var scores = search(state.q, quick);
    if (quick && verhaal && state.q) {
      storiesPending = true;
      list.setAttribute("aria-busy", "true");
      requestAnimationFrame(function () {
        clearTimeout(storiesTimer);
        if (storiesPending) storiesTimer = setTimeout(function () { render(false); }, 0);
      });
    }
    var pool = scores ? data.praktijken.filter(function (p) { return p.ref in scores; }) : data.praktijken;
    scheduleCounts(pool, state.facets);
    var results = sorted(pool.filter(function (p) { return matchesFacets(p, state.facets); }), scores, sortSelect.value);
    if (resetPage) shown = PAGE;

    var n = results.length;
    var status = n === 0 ? "Geen resultaten" : n === 1 ? "1 praktijk" : n + " praktijken";
    if (statusEl.textContent !== status) {
      statusEl.textContent = status;
      showButton.textContent = n === 0 ? "Toon de resultaten" : "Toon " + status;
    }
    var active = order.length;
    activeLabel.textContent = active ? "(" + active + " actief)" : "";
    renderEmpty(n === 0, state);
    var visible = results.slice(0, shown), words = terms(state.q);
    var key = visible.map(function (p) { return p.ref; }).join(" ") + "|" + words.join(" ");
    if (key !== shownList) renderList(visible, words);  // typing on often leaves the list as it is
    shownList = key;
    moreButton.hidden = n <= shown;
  }

  function renderEmpty(empty, state) {
    emptyEl.hidden = !empty;
    emptyEl.textContent = "";
    if (!empty) return;
    var p = document.createElement("p");
    p.textContent = "Geen praktijken gevonden.";
    emptyEl.appendChild(p);
    var last = order[order.length - 1];
    if (last) {
      var facet = data.facetten.filter(function (f) { return f.key === last.key; })[0];
      emptyEl.appendChild(button("Verwijder de filter ‘" + facet.waarden[last.value] + "’", function () {
        boxes.forEach(function (box) { if (box.name === last.key && box.value === last.value) box.checked = false; });
        order.pop();
        stopTyping();
        commit(true);
        render(true);
        input.focus();  // the button is gone: keep the focus on the page
      }));
    }
    if (state.q) {
      emptyEl.appendChild(button("Wis de zoekterm ‘" + state.q + "’", function () {
        input.value = "";
        stopTyping();
        commit(true);
        render(true);
        input.focus();
      }));
    }
  }

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "gids-knop";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function renderList(results, queryWords) {
    var fragment = document.createDocumentFragment();
    cardLoads = [];
    results.forEach(function (p) {
      var li = document.createElement("li");
      li.className = "gids-kaart";
      li.innerHTML =
        '<p class="gids-kaart__plaats"></p><h3 class="gids-kaart__titel"><a></a></h3>' +
        '<p class="gids-kaart__samenvatting"></p><p class="gids-kaart__meta"></p>';
      highlight(li.querySelector(".gids-kaart__plaats"), p.plaats, queryWords);
      var a = li.querySelector("a");
      a.href = new URL("praktijken/" + p.ref + "/", base).href;
      highlight(a, p.titel, queryWords);
      fragment.appendChild(li);
      cardLoads.push(fillCard(li, p.ref, queryWords));
    });
    list.textContent = "";
    list.appendChild(fragment);
  }

  function fillCard(li, ref, queryWords) {
    return loadCard(ref).then(function (card) {
      if (!card || !li.isConnected) return;
      highlight(li.querySelector(".gids-kaart__samenvatting"), card.samenvatting, queryWords);
      var meta = [card.hoofdstuk];
      if (card.trekker) meta.push("Trekker: " + card.trekker);
      if (card.periode) meta.push("Periode: " + card.periode);
      li.querySelector(".gids-kaart__meta").textContent = meta.join(" · ");
    });
  }

  function loadCard(ref) {
    if (!cards[ref]) {
      cards[ref] = fetchJSON("zoeken/kaarten/" + ref + ".json").catch(function () { return null; });
    }
    return cards[ref];
  }

  // Mark words of the text whose stem matches a query word's stem (or that start with the unfinished last word).
  function highlight(el, text, queryWords) {
    el.textContent = "";
    if (!queryWords.length || typeof gidsZoekindex === "undefined") {
      el.textContent = text;
      return;
    }
    var stems = {}, prefixes = [];
    queryWords.forEach(function (w) {
      stems[gidsZoekindex.stam(w)] = true;
      if (w.length >= 3) prefixes.push(w);
    });
    text.split(/([\p{L}\p{N}]+)/u).forEach(function (part, i) {
      var lower = part.toLowerCase();
      var hit = i % 2 === 1 && (stems[gidsZoekindex.stam(lower)] || prefixes.some(function (pre) { return lower.indexOf(pre) === 0; }));
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        el.appendChild(mark);
      } else {
        el.appendChild(document.createTextNode(part));
      }
    });
  }

  // ---------- loading ----------

  // catalogus.json is compact: facet values as numbers into each facet's value list, practices as
  // [ref, titel, plaats, gecontroleerd, [values of facet 0], [values of facet 1], ...].
  function decode(json) {
    var facetten = json.facetten.map(function (f) {
      var waarden = {};
      f.waarden.forEach(function (pair) { waarden[pair[0]] = pair[1]; });
      return { key: f.key, label: f.label, waarden: waarden, ids: f.waarden.map(function (pair) { return pair[0]; }) };
    });
    var praktijken = json.praktijken.map(function (row) {
      var p = { ref: row[0], titel: row[1], plaats: row[2], gecontroleerd: row[3], facetten: {} };
      facetten.forEach(function (f, i) {
        var codes = row[4 + i];
        if (codes.length) p.facetten[f.key] = codes.map(function (c) { return f.ids[c]; });
      });
      return p;
    });
    return { facetten: facetten, praktijken: praktijken };
  }

  function fetchJSON(path) {
    return fetch(new URL(path, base)).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
  }

  function loadIndex(path) {
    return fetchJSON(path).then(function (json) { return gidsZoekindex.laad(json); }).catch(function () { return null; });
  }

  // ---------- events ----------

  input.addEventListener("input", function () {
    render(true, true);
    // The URL follows a moment later (writing history on every key costs more than the search).
    // The first update after a pause starts a new history entry, the next ones update it.
    clearTimeout(urlTimer);
    urlTimer = setTimeout(function () { urlTimer = null; if (commit(!typing, typedState())) typing = true; }, 250);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 1000);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && input.value) {
      e.preventDefault();
      e.stopPropagation();
      input.value = "";
      stopTyping();
      commit(true);
      render(true);
    }
  });
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) order.push({ key: box.name, value: box.value });
      else order = order.filter(function (o) { return !(o.key === box.name && o.value === box.value); });
      stopTyping();
      commit(true);
      render(true);
    });
  });
  sortSelect.addEventListener("change", function () {
    chosenSort = sortSelect.value === defaultSort(input.value.trim()) ? "" : sortSelect.value;
    stopTyping();
    commit(true);
    render(true);
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
    stopTyping();
    commit(true);
    render(true);
  });
  Array.prototype.forEach.call(root.querySelectorAll("[data-meer]"), function (b) {
    b.addEventListener("click", function () {
      var listEl = b.parentNode.querySelector(".gids-facet__waarden");
      var open = listEl.classList.toggle("gids-facet__waarden--open");
      b.setAttribute("aria-expanded", String(open));
      b.textContent = open ? "Toon minder" : "Toon alle " + listEl.children.length;
    });
  });
  window.addEventListener("popstate", function () {
    if (!data) return;
    stopTyping();
    currentUrl = location.pathname + location.search;
    committed = currentState();
    applyState(readState());
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
  root.querySelector("[data-gids-toon]").addEventListener("click", function () {
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
    data = decode(json);
    data.praktijken.forEach(function (p) { byRef[p.ref] = p; });
    rank(data.praktijken);
    applyState(readState());
    currentUrl = location.pathname + location.search;
    committed = currentState();
    render(true);
    return loadIndex("zoeken/kop.json");
  }).then(function (index) {
    kop = index;
    if (input.value) render(false);
    // the stories' index is large: fetch it once the first cards are on screen
    return Promise.all(cardLoads).then(function () { return loadIndex("zoeken/verhaal.json"); });
  }).then(function (index) {
    verhaal = index;
    if (input.value) render(false);
  }).catch(function () {
    statusEl.textContent = "De praktijken konden niet geladen worden. Probeer de pagina opnieuw te laden.";
  }).then(function () {
    list.removeAttribute("aria-busy");
  });
})();
