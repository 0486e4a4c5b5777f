/* The catalogue page's logic without the page: the data files, state <-> URL, search, filters and
 * counts, sorting, and the texts the page shows. No DOM: catalogus.js wires it to the page, and
 * tests/js/catalogus-logica.test.js runs it in node.
 *
 *   var logica = gidsCatalogusLogica;                           // browser: after zoekindex.js
 *   var logica = require(".../catalogus-logica.js")(zoekindex);  // node: zoekindex.js's object or a stand-in
 *
 * Data (written by generator/search/catalogue_data.py):
 *   zoeken/catalogus.json   every practice's ref, sort keys and facet values      -> decode
 *   zoeken/kop.json         lunr index of title, place, summary and fiche          -> laadIndex, zoek
 *   zoeken/verhaal.json     lunr index of the stories                              -> laadIndex, zoek
 *   zoeken/kaarten/<ref>.json  what a result card shows                            -> kaartMeta
 *
 * A state is what a URL holds: {q: query, sort: the visitor's choice ("" follows the query),
 * facets: {key: [value, ...]}} with the ticked values of each facet in the facet's order.
 * A selection is one ticked value, {key, value}; the page keeps them in the order they were made.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;  // node: require(...)(zoekindex)
  else root.gidsCatalogusLogica = factory(root.gidsZoekindex);  // undefined if lunr failed to load: no index then
})(this, function (zoekindex) {
  "use strict";

  // The longest query read from a link or searched: as much as zoekindex.js reads (the box's maxlength).
  var MAX_ZOEK = zoekindex ? zoekindex.MAX_TEKST : 200;
  var SORTS = ["relevantie", "plaats", "titel", "gecontroleerd"];

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // ---------- the data files ----------

  // catalogus.json is compact: facet values as numbers into each facet's value list, practices as
  // [ref, titel, plaats, gecontroleerd, [values of facet 0], [values of facet 1], ...].
  // Values are keys of objects without a prototype: "constructor" from a URL is no facet value.
  function decode(json) {
    var facetten = json.facetten.map(function (f) {
      var waarden = Object.create(null);
      f.waarden.forEach(function (pair) { waarden[pair[0]] = pair[1]; });
      return { key: f.key, label: f.label, waarden: waarden, ids: f.waarden.map(function (pair) { return pair[0]; }) };
    });
    var praktijken = json.praktijken.map(function (row) {
      var p = { ref: row[0], titel: row[1], plaats: row[2], gecontroleerd: row[3], facetten: Object.create(null) };
      facetten.forEach(function (f, i) {
        var codes = row[4 + i];
        if (codes.length) p.facetten[f.key] = codes.map(function (c) { return f.ids[c]; });
      });
      return p;
    });
    rank(praktijken);
    return { facetten: facetten, praktijken: praktijken };
  }

  // Sort ranks computed once (sorting on every key stroke compares numbers): Dutch collation by place
  // then title (rangPlaats), and by title then place (rangTitel).
  function rank(praktijken) {
    var cmp = new Intl.Collator("nl", { sensitivity: "base", numeric: true }).compare;
    praktijken.slice().sort(function (a, b) { return cmp(a.plaats, b.plaats) || cmp(a.titel, b.titel); })
      .forEach(function (p, i) { p.rangPlaats = i; });
    praktijken.slice().sort(function (a, b) { return cmp(a.titel, b.titel) || cmp(a.plaats, b.plaats); })
      .forEach(function (p, i) { p.rangTitel = i; });
  }

  // zoeken/kop.json or verhaal.json as a lunr index; throws without zoekindex.js (the page then filters only).
  function laadIndex(json) {
    if (!zoekindex) throw new Error("zoekindex.js is niet geladen");
    return zoekindex.laad(json);
  }

  // ---------- state <-> URL ----------

  function defaultSort(q) { return q ? "relevantie" : "plaats"; }

  // The state of the page's controls: q as typed, sort as chosen, ticked as [[key, value], ...] in page order.
  // A sort equal to the query's default is no choice: the URL stays short and follows the query.
  function makeState(q, sort, ticked) {
    var state = { q: q.trim(), sort: sort, facets: {} };
    ticked.forEach(function (pair) { (state.facets[pair[0]] = state.facets[pair[0]] || []).push(pair[1]); });
    if (state.sort === defaultSort(state.q)) state.sort = "";
    return state;
  }

  // The query typed on top of the state the URL holds (a filter ticked meanwhile is a step of its own).
  function withQuery(state, q) {
    return { q: q.trim(), sort: state.sort, facets: state.facets };
  }

  // The sort to keep when the visitor picks one: "" when it is what the query gets anyway.
  function chosenSort(selected, q) {
    return selected === defaultSort(q.trim()) ? "" : selected;
  }

  // A URL's search part (?zoek=...&thema=...&sort=...) as a state. A shared link may hold anything:
  // no more of the query than can be typed (maxZoek, the box's maxlength; MAX_ZOEK without one),
  // only known sorts and facet values, each value once.
  function readState(search, facetten, maxZoek) {
    var params = new URLSearchParams(search);
    var sort = params.get("sort") || "";
    var state = { q: cap(params.get("zoek") || "", maxZoek > 0 ? maxZoek : MAX_ZOEK),
                  sort: SORTS.indexOf(sort) >= 0 ? sort : "", facets: {} };
    facetten.forEach(function (f) {
      var wanted = params.getAll(f.key);
      var values = f.ids.filter(function (id) { return wanted.indexOf(id) >= 0; });
      if (values.length) state.facets[f.key] = values;
    });
    return state;
  }

  // The first n characters of text, without half a character (a lone surrogate) at the cut.
  function cap(text, n) {
    if (text.length <= n) return text;
    var code = text.charCodeAt(n - 1);
    return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
  }

  // A state as a URL's search part ("" for the whole catalogue); readState reads it back.
  function toSearch(state, facetten) {
    var params = new URLSearchParams();
    if (state.q) params.set("zoek", state.q);
    facetten.forEach(function (f) {
      (state.facets[f.key] || []).forEach(function (v) { params.append(f.key, v); });
    });
    if (state.sort) params.set("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function isTicked(facets, key, value) {
    return has(facets, key) && facets[key].indexOf(value) >= 0;
  }

  // The selections in the order they were made, after the page took a state (from a URL or history):
  // those still ticked keep their place, newly ticked ones follow in the facets' order.
  function selectionsAfter(order, facets, facetten) {
    var kept = order.filter(function (o) { return isTicked(facets, o.key, o.value); });
    facetten.forEach(function (f) {
      f.ids.forEach(function (value) {
        if (isTicked(facets, f.key, value) && !kept.some(function (o) { return o.key === f.key && o.value === value; })) kept.push({ key: f.key, value: value });
      });
    });
    return kept;
  }

  // The selections after one value was ticked (last) or unticked.
  function withSelection(order, key, value, ticked) {
    var rest = order.filter(function (o) { return !(o.key === key && o.value === value); });
    if (ticked) rest.push({ key: key, value: value });
    return rest;
  }

  // ---------- search ----------

  // The query's words as the index saw them, for highlighting.
  function terms(q) {
    return zoekindex ? zoekindex.woorden(q.slice(0, MAX_ZOEK)) : q.toLowerCase().split(/\s+/).filter(Boolean);
  }

  // Before the indexes arrive (or if they fail): every word a substring of title or place.
  function textMatches(praktijken, q) {
    var scores = {};
    var words = q.slice(0, MAX_ZOEK).toLowerCase().split(/\s+/).filter(Boolean);
    praktijken.forEach(function (p) {
      var hay = (p.titel + " " + p.plaats).toLowerCase();
      if (words.every(function (w) { return hay.indexOf(w) >= 0; })) scores[p.ref] = 1;
    });
    return scores;
  }

  // {ref: score} of the practices a query finds, or null when it filters nothing (under two letters).
  // indexes: {kop, verhaal}, each null until loaded. quick (while typing): titles, places, summaries and
  // fiches only, when the stories would follow in a second pass (their index is the large one).
  function zoek(indexes, praktijken, q, quick) {
    if (q.length < 2) return null;  // one letter says nothing yet: keep the whole list until the second
    var kop = indexes.kop, verhaal = indexes.verhaal;
    if (!kop) return textMatches(praktijken, q);
    if (quick && verhaal) return zoekindex.zoek([[kop, 1]], q, true, true) || {};
    // the story weighs less than title, place, summary and fiche (tests/test_relevance.py reads this call)
    return zoekindex.zoek([[kop, 1], [verhaal, 0.5]], q, true, true) || {};
  }

  // Whether a found practice holds only some of the query's words (zoekindex.js zoek, ruim).
  function isPartial(scores, ref) {
    return Boolean(scores && zoekindex && has(scores, ref) && zoekindex.deels(scores[ref]));
  }

  // Where the practices holding only some words start in a sorted list (its length: none).
  function firstPartial(results, scores) {
    for (var i = 0; i < results.length; i++) if (isPartial(scores, results[i].ref)) return i;
    return results.length;
  }

  // The practices a search found (all without one), in the catalogue's order.
  function found(praktijken, scores) {
    return scores ? praktijken.filter(function (p) { return has(scores, p.ref); }) : praktijken;
  }

  // Mark words of the text whose stem is a query word's stem, or that start with a query word of
  // 3 letters or more (the last one may be unfinished): [[part, marked], ...], together the text.
  function highlight(text, queryWords) {
    if (!text) return [];
    if (!queryWords.length || !zoekindex) return [[text, false]];
    var stems = Object.create(null), prefixes = [];
    queryWords.forEach(function (w) {
      stems[zoekindex.stam(w)] = true;
      if (w.length >= 3) prefixes.push(w);
    });
    var parts = [];
    text.split(/([\p{L}\p{N}]+)/u).forEach(function (part, i) {
      if (!part) return;
      var lower = part.toLowerCase();
      var hit = i % 2 === 1 && (stems[zoekindex.stam(lower)] === true ||
        prefixes.some(function (pre) { return lower.indexOf(pre) === 0; }));
      parts.push([part, hit]);
    });
    return parts;
  }

  // ---------- facets ----------

  function matchesFacets(p, facets) {
    for (var key in facets) {
      var wanted = facets[key], have = p.facetten[key] || [];
      if (!wanted.some(function (v) { return have.indexOf(v) >= 0; })) return false;
    }
    return true;
  }

  // AND across facets, OR within one.
  function filter(pool, facets) {
    return pool.filter(function (p) { return matchesFacets(p, facets); });
  }

  // {key: {value: n}}, each facet counted under the other facets' filters: a record that fails no
  // active facet counts everywhere; one that fails exactly one active facet counts only for that
  // facet; others not at all. One pass over the pool. A value no record has is missing (0).
  function counts(pool, facets, facetten) {
    var keys = Object.keys(facets);
    var result = {};
    facetten.forEach(function (f) { result[f.key] = Object.create(null); });
    pool.forEach(function (p) {
      var failed = null, failures = 0;
      for (var i = 0; i < keys.length && failures < 2; i++) {
        var have = p.facetten[keys[i]] || [];
        if (!facets[keys[i]].some(function (v) { return have.indexOf(v) >= 0; })) { failed = keys[i]; failures++; }
      }
      if (failures > 1) return;
      for (var key in p.facetten) {
        if (failures === 1 && key !== failed) continue;
        var c = result[key];
        p.facetten[key].forEach(function (v) { c[v] = (c[v] || 0) + 1; });
      }
    });
    return result;
  }

  // A value that would leave no results cannot be ticked; a ticked one can always be unticked.
  function isDisabled(n, ticked) {
    return n === 0 && !ticked;
  }

  // ---------- sorting ----------

  // By the sort's order, ties by place; relevance: by score (without a search: by place).
  // gecontroleerd: the most recently checked first (ISO dates compare as text).
  // In every order, the practices that hold all words of the query come before those that hold some.
  function sorted(pool, scores, sort) {
    // each practice's score and whether it holds only some words, looked up once, not in each comparison
    var rows = pool.map(function (p) {
      return { p: p, score: scores ? scores[p.ref] : 0, partial: isPartial(scores, p.ref) ? 1 : 0 };
    });
    var by = {
      relevantie: function (a, b) { return (b.score - a.score) || a.p.rangPlaats - b.p.rangPlaats; },
      plaats: function (a, b) { return a.p.rangPlaats - b.p.rangPlaats; },
      titel: function (a, b) { return a.p.rangTitel - b.p.rangTitel; },
      gecontroleerd: function (a, b) {
        return (a.p.gecontroleerd < b.p.gecontroleerd) - (a.p.gecontroleerd > b.p.gecontroleerd) || a.p.rangPlaats - b.p.rangPlaats;
      }
    };
    var order = has(by, sort) ? by[sort] : by.plaats;
    return rows.sort(function (a, b) { return a.partial - b.partial || order(a, b); })
      .map(function (row) { return row.p; });
  }

  // ---------- what the page says ----------

  // The line above the practices that hold only some of the words.
  var DEELS_TEXT = "Geen praktijk bevat alle woorden; deze bevatten er de meeste";

  function statusText(n) {
    return n === 0 ? "Geen resultaten" : n === 1 ? "1 praktijk" : n + " praktijken";
  }

  // The button under the filters on a phone.
  function showText(n) {
    return n === 0 ? "Toon de resultaten" : "Toon " + statusText(n);
  }

  // Beside the filter button: how many values are ticked.
  function activeText(n) {
    return n ? "(" + n + " actief)" : "";
  }

  // The card's line under the summary, from zoeken/kaarten/<ref>.json.
  function kaartMeta(card) {
    var meta = [card.hoofdstuk];
    if (card.trekker) meta.push("Trekker: " + card.trekker);
    if (card.periode) meta.push("Periode: " + card.periode);
    return meta.join(" · ");
  }

  // The ways out of "no results": drop the last filter ticked, clear the query.
  // [{kind: "filter", text, key, value}, {kind: "zoek", text}], either missing when there is none.
  function waysOut(state, order, facetten) {
    var ways = [], last = order[order.length - 1];
    var facet = last && facetten.filter(function (f) { return f.key === last.key; })[0];
    if (facet && last.value in facet.waarden) {
      ways.push({ kind: "filter", text: "Verwijder de filter ‘" + facet.waarden[last.value] + "’", key: last.key, value: last.value });
    }
    if (state.q) ways.push({ kind: "zoek", text: "Wis de zoekterm ‘" + state.q + "’" });
    return ways;
  }

  // ---------- back from a practice ----------

  // What a history entry remembers of the result the visitor opened from it: its ref, and how many
  // cards the list showed (the page shows the first PAGE cards again and would scroll short of it).
  function opened(ref, shown) {
    return { geopend: ref, getoond: shown };
  }

  // Back on an entry: the result opened from it and how many cards to show, or null when it opened
  // none. historyState is the page's history.state, which another script could have set: anything.
  function returnTo(historyState, page) {
    if (!historyState || typeof historyState.geopend !== "string" || !historyState.geopend) return null;
    var before = historyState.getoond;
    var shown = typeof before === "number" && isFinite(before) && before > page ? Math.floor(before) : page;
    return { ref: historyState.geopend, shown: shown };
  }

  // How many cards to show so that the result at index (0-based; -1: not found) is among them: as many
  // as now, or up to the end of its page when the list's order changed since (the stories' index came in).
  function shownWith(index, shown, page) {
    return index < shown ? shown : Math.ceil((index + 1) / page) * page;
  }

  return {
    MAX_ZOEK: MAX_ZOEK, SORTS: SORTS, DEELS_TEXT: DEELS_TEXT,
    decode: decode, laadIndex: laadIndex,
    defaultSort: defaultSort, makeState: makeState, withQuery: withQuery, chosenSort: chosenSort,
    readState: readState, toSearch: toSearch, selectionsAfter: selectionsAfter, withSelection: withSelection,
    terms: terms, zoek: zoek, found: found, firstPartial: firstPartial, highlight: highlight,
    filter: filter, counts: counts, isDisabled: isDisabled, sorted: sorted,
    statusText: statusText, showText: showText, activeText: activeText, kaartMeta: kaartMeta, waysOut: waysOut,
    opened: opened, returnTo: returnTo, shownWith: shownWith
  };
});
