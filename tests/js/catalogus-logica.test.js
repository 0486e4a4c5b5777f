// theme/assets/javascripts/catalogus-logica.js in node, on a small catalogue of its own (not the real
// one): `node --test tests/js/` (tests/test_catalogus_js.py runs it with pytest).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const LOGICA = path.join(__dirname, "..", "..", "theme", "assets", "javascripts", "catalogus-logica.js");

// ---------- a stand-in for zoekindex.js: records its calls, answers from a table ----------

function fakeZoekindex(answers) {
  const calls = [];
  return {
    calls,
    MAX_TEKST: 200,
    laad: (json) => ({ index: json.naam }),
    woorden: (text) => {
      calls.push(["woorden", text]);
      return text.toLowerCase().split(/\s+/).filter((w) => w && w !== "de");
    },
    stam: (word) => word.replace(/(en|s)$/, ""),  // enough to tell a stem match from a prefix match
    deels: (score) => score < 0,
    zoek: (indexes, q, unfinished, ruim) => {
      calls.push(["zoek", indexes.map(([index, weight]) => [index && index.index, weight]), q, unfinished, ruim]);
      return answers[q] === undefined ? null : answers[q];
    },
  };
}

const fake = fakeZoekindex({ taal: { "edegem-taalcafe": 2, "genk-werk": 5, "kortrijk-schakelklas": 2 }, niets: {} });
const L = require(LOGICA)(fake);
const withoutIndex = require(LOGICA)(undefined);  // lunr failed to load in the browser

// ---------- the catalogue: catalogus.json as generator/search/catalogue_data.py writes it ----------

const FACETTEN = [
  { key: "thema", label: "Thema", waarden: [["onthaal", "Onthaal"], ["taal", "Taal"], ["huisvesting", "Huisvesting"],
                                            ["werk", "Werk"], ["gezondheid", "Gezondheid"]] },
  { key: "provincie", label: "Provincie", waarden: [["antwerpen", "Antwerpen"], ["limburg", "Limburg"],
                                                    ["oost-vlaanderen", "Oost-Vlaanderen"], ["west-vlaanderen", "West-Vlaanderen"]] },
  { key: "budget", label: "Budget", waarden: [["tot-25000", "Tot 25.000 euro"], ["meer", "Meer dan 25.000 euro"]] },
];
// [ref, titel, plaats, gecontroleerd, thema codes, provincie codes, budget codes]
const ROWS = [
  ["kortrijk-schakelklas", "Schakelklas 10", "Kortrijk", "2025-03-01", [1], [3], [1]],
  ["gent-onder-dak", "Iedereen onder dak", "Gent", "2026-02-01", [2, 0], [2], [1]],
  ["edegem-taalcafe", "Taalcafé", "Edegem", "2024-11-15", [1], [0], []],
  ["ecaussinnes-onthaal", "Schakelklas 9", "Écaussinnes", "2026-02-01", [0], [], [0]],
  ["genk-werk", "werk en taal", "Genk", "2023-05-05", [3, 1], [1], [0]],
  ["antwerpen-woonbox", "Woonbox", "Antwerpen", "2025-12-31", [2], [0], []],
];
const JSON_DATA = { facetten: FACETTEN, praktijken: ROWS };
const data = L.decode(JSON.parse(JSON.stringify(JSON_DATA)));
const refs = (list) => list.map((p) => p.ref);
const byRef = (ref) => data.praktijken.find((p) => p.ref === ref);

// ---------- decoding ----------

test("decode: practices keep their order, fields and facet values (codes into each facet's list)", () => {
  assert.deepEqual(refs(data.praktijken), ROWS.map((row) => row[0]));
  const p = byRef("gent-onder-dak");
  assert.deepEqual([p.titel, p.plaats, p.gecontroleerd], ["Iedereen onder dak", "Gent", "2026-02-01"]);
  assert.deepEqual({ ...p.facetten }, { thema: ["huisvesting", "onthaal"], provincie: ["oost-vlaanderen"], budget: ["meer"] });
});

test("decode: a facet without values is absent from the practice", () => {
  assert.deepEqual({ ...byRef("ecaussinnes-onthaal").facetten }, { thema: ["onthaal"], budget: ["tot-25000"] });
  assert.deepEqual(Object.keys(byRef("antwerpen-woonbox").facetten), ["thema", "provincie"]);
});

test("decode: facets keep label, value order and labels", () => {
  assert.deepEqual(data.facetten.map((f) => [f.key, f.label]), FACETTEN.map((f) => [f.key, f.label]));
  for (const [i, f] of data.facetten.entries()) {
    assert.deepEqual(f.ids, FACETTEN[i].waarden.map((pair) => pair[0]));
    assert.deepEqual({ ...f.waarden }, Object.fromEntries(FACETTEN[i].waarden));
  }
});

test("decode: values are no inherited properties ('constructor' is not a value)", () => {
  const thema = data.facetten[0];
  assert.equal("constructor" in thema.waarden, false);
  assert.equal("toString" in byRef("genk-werk").facetten, false);
});

test("decode: an empty catalogue", () => {
  const empty = L.decode({ facetten: FACETTEN, praktijken: [] });
  assert.deepEqual(empty.praktijken, []);
  assert.equal(empty.facetten.length, 3);
});

// ---------- state <-> URL ----------

const ALL = { q: "", sort: "", facets: {} };

test("readState: the whole catalogue without a search part", () => {
  assert.deepEqual(L.readState("", data.facetten, 200), ALL);
  assert.deepEqual(L.readState("?", data.facetten, 200), ALL);
});

test("readState: query, facets and sort", () => {
  assert.deepEqual(L.readState("?zoek=taal+caf%C3%A9&thema=taal&provincie=limburg&sort=titel", data.facetten, 200),
    { q: "taal café", sort: "titel", facets: { thema: ["taal"], provincie: ["limburg"] } });
});

test("readState: values in the facet's order, each once; unknown ones and unknown facets dropped", () => {
  const state = L.readState("?thema=werk&thema=onthaal&thema=werk&thema=Werk&thema=&kleur=rood&provincie=nergens",
    data.facetten, 200);
  assert.deepEqual(state, { q: "", sort: "", facets: { thema: ["onthaal", "werk"] } });
});

test("readState: hostile values are no facet value or sort (prototype names, labels, odd characters)", () => {
  for (const value of ["constructor", "__proto__", "toString", "hasOwnProperty", "Taal", "taal ", "taal\u0000", "0", "1"]) {
    const search = new URLSearchParams({ thema: value, sort: value }).toString();
    assert.deepEqual(L.readState("?" + search, data.facetten, 200), ALL, value);
  }
  for (const sort of ["__proto__", "constructor", "RELEVANTIE", "relevantie ", "x".repeat(10000)]) {
    assert.equal(L.readState("?sort=" + encodeURIComponent(sort), data.facetten, 200).sort, "", sort);
  }
});

test("readState: every known sort is read", () => {
  assert.deepEqual(L.SORTS, ["relevantie", "plaats", "titel", "gecontroleerd"]);
  for (const sort of L.SORTS) assert.equal(L.readState("?sort=" + sort, data.facetten, 200).sort, sort);
});

test("readState: an oversized query is cut to what the box takes (200), or MAX_TEKST without maxlength", () => {
  const long = "inburgeringstrajectbegeleiding ".repeat(500);
  assert.equal(L.readState("?zoek=" + encodeURIComponent(long), data.facetten, 200).q, long.slice(0, 200));
  assert.equal(L.readState("?zoek=" + "a".repeat(5000), data.facetten, 50).q, "a".repeat(50));
  for (const none of [-1, 0, undefined]) {
    assert.equal(L.readState("?zoek=" + "b".repeat(5000), data.facetten, none).q.length, fake.MAX_TEKST);
  }
  assert.equal(withoutIndex.MAX_ZOEK, 200);
  assert.equal(withoutIndex.readState("?zoek=" + "c".repeat(300), data.facetten, -1).q.length, 200);
});

test("readState: one word of 5000 letters, 450 words, only spaces: cut, read as they are", () => {
  const word = "kwbrtlamsvnoepdgiu".repeat(300);
  const words = Array.from({ length: 450 }, (_, i) => word.slice(i, i + 9)).join(" ");
  assert.equal(L.readState("?zoek=" + word, data.facetten, 200).q, word.slice(0, 200));
  assert.equal(L.readState("?zoek=" + encodeURIComponent(words), data.facetten, 200).q, words.slice(0, 200));
  assert.equal(L.readState("?zoek=" + "+".repeat(300), data.facetten, 200).q, " ".repeat(200));
});

test("readState: the cut never splits a character in two (no lone surrogate)", () => {
  const q = "a".repeat(199) + "😀😀";
  const read = L.readState("?" + new URLSearchParams({ zoek: q }), data.facetten, 200).q;
  assert.equal(read, "a".repeat(199));
  assert.equal(read.isWellFormed ? read.isWellFormed() : !/[\ud800-\udbff]$/.test(read), true);
  assert.equal(L.readState("?" + new URLSearchParams({ zoek: "😀".repeat(100) }), data.facetten, 200).q, "😀".repeat(100));
});

test("readState: malformed percent escapes and the first of several queries", () => {
  assert.equal(L.readState("?zoek=%E0%A4%A&zoek=tweede", data.facetten, 200).q, "\ufffd%A");
  assert.equal(L.readState("?zoek=%&thema=taal", data.facetten, 200).facets.thema[0], "taal");
});

test("toSearch: the whole catalogue is no search part; the parts in a fixed order", () => {
  assert.equal(L.toSearch(ALL, data.facetten), "");
  const state = { q: "taal café", sort: "titel", facets: { budget: ["meer"], thema: ["onthaal", "werk"] } };
  assert.equal(L.toSearch(state, data.facetten), "?zoek=taal+caf%C3%A9&thema=onthaal&thema=werk&budget=meer&sort=titel");
});

test("state -> URL -> state: round trips", () => {
  const states = [
    ALL,
    { q: "taal", sort: "", facets: {} },
    { q: "", sort: "gecontroleerd", facets: { provincie: ["antwerpen", "west-vlaanderen"] } },
    { q: "a&b=c?d#e f+g%h", sort: "plaats", facets: { thema: ["onthaal", "taal", "huisvesting", "werk", "gezondheid"],
                                                       provincie: ["limburg"], budget: ["tot-25000", "meer"] } },
    { q: "é ü 😀 ΟΔΟΣ İstanbul", sort: "relevantie", facets: { budget: ["tot-25000"] } },
    { q: "x".repeat(200), sort: "", facets: {} },
  ];
  for (const state of states) {
    assert.deepEqual(L.readState(L.toSearch(state, data.facetten), data.facetten, 200), state, JSON.stringify(state));
  }
});

test("URL -> state -> URL: a link in canonical form comes back as it was", () => {
  for (const search of ["", "?zoek=taal", "?thema=taal&thema=werk&provincie=limburg&sort=titel", "?zoek=a+b&budget=meer"]) {
    assert.equal(L.toSearch(L.readState(search, data.facetten, 200), data.facetten), search);
  }
});

test("makeState: trims the query, groups the ticked values, drops a sort that is the default", () => {
  assert.deepEqual(L.makeState("  taal ", "relevantie", [["thema", "taal"], ["thema", "werk"], ["budget", "meer"]]),
    { q: "taal", sort: "", facets: { thema: ["taal", "werk"], budget: ["meer"] } });
  assert.deepEqual(L.makeState("", "plaats", []), ALL);
  assert.equal(L.makeState("", "relevantie", []).sort, "relevantie");
  assert.equal(L.makeState("taal", "plaats", []).sort, "plaats");
  assert.equal(L.makeState("   ", "relevantie", []).sort, "relevantie");
});

test("defaultSort and chosenSort: relevance with a query, place without", () => {
  assert.equal(L.defaultSort(""), "plaats");
  assert.equal(L.defaultSort("taal"), "relevantie");
  assert.equal(L.chosenSort("relevantie", " taal "), "");
  assert.equal(L.chosenSort("plaats", "taal"), "plaats");
  assert.equal(L.chosenSort("plaats", "  "), "");
  assert.equal(L.chosenSort("titel", ""), "titel");
});

test("withQuery: the typed query on the URL's state, filters and sort as they were", () => {
  const committed = { q: "oud", sort: "titel", facets: { thema: ["taal"] } };
  assert.deepEqual(L.withQuery(committed, " nieuw "), { q: "nieuw", sort: "titel", facets: { thema: ["taal"] } });
  assert.equal(committed.q, "oud");
});

test("selections: kept in the order made; after a state, new ones follow in the facets' order", () => {
  let order = L.withSelection([], "provincie", "limburg", true);
  order = L.withSelection(order, "thema", "taal", true);
  order = L.withSelection(order, "provincie", "limburg", false);
  order = L.withSelection(order, "provincie", "limburg", true);
  assert.deepEqual(order, [{ key: "thema", value: "taal" }, { key: "provincie", value: "limburg" }]);
  const next = L.selectionsAfter(order, { budget: ["meer"], provincie: ["limburg"], thema: ["werk", "onthaal"] }, data.facetten);
  assert.deepEqual(next, [{ key: "provincie", value: "limburg" }, { key: "thema", value: "onthaal" },
                          { key: "thema", value: "werk" }, { key: "budget", value: "meer" }]);
  assert.deepEqual(L.selectionsAfter(next, {}, data.facetten), []);
});

// ---------- search ----------

test("zoek: under two letters no search (null: the whole list)", () => {
  const indexes = { kop: { index: "kop" }, verhaal: { index: "verhaal" } };
  fake.calls.length = 0;
  assert.equal(L.zoek(indexes, data.praktijken, "", false), null);
  assert.equal(L.zoek(indexes, data.praktijken, "t", true), null);
  assert.deepEqual(fake.calls, []);
});

test("zoek: both indexes, the stories weighing half; quick with both loaded: only kop", () => {
  const indexes = { kop: { index: "kop" }, verhaal: { index: "verhaal" } };
  fake.calls.length = 0;
  assert.deepEqual(L.zoek(indexes, data.praktijken, "taal", false), { "edegem-taalcafe": 2, "genk-werk": 5, "kortrijk-schakelklas": 2 });
  L.zoek(indexes, data.praktijken, "taal", true);
  L.zoek({ kop: indexes.kop, verhaal: null }, data.praktijken, "taal", true);  // no stories to follow: search what there is
  assert.deepEqual(fake.calls, [["zoek", [["kop", 1], ["verhaal", 0.5]], "taal", true, true],
                                ["zoek", [["kop", 1]], "taal", true, true], ["zoek", [["kop", 1], [null, 0.5]], "taal", true, true]]);
});

test("zoek: a query without words finds nothing (not everything)", () => {
  assert.deepEqual(L.zoek({ kop: { index: "kop" }, verhaal: null }, data.praktijken, "de de", false), {});
  assert.deepEqual(L.zoek({ kop: { index: "kop" }, verhaal: null }, data.praktijken, "niets", false), {});
});

test("zoek before the indexes: every word in title or place, any case", () => {
  const before = { kop: null, verhaal: null };
  assert.deepEqual(Object.keys(L.zoek(before, data.praktijken, "SCHAKEL", false)).sort(), ["ecaussinnes-onthaal", "kortrijk-schakelklas"]);
  assert.deepEqual(Object.keys(L.zoek(before, data.praktijken, "schakel kortrijk", false)), ["kortrijk-schakelklas"]);
  assert.deepEqual(Object.keys(L.zoek(before, data.praktijken, "taal", false)).sort(), ["edegem-taalcafe", "genk-werk"]);
  assert.deepEqual(L.zoek(before, data.praktijken, "onbestaand", false), {});
  assert.deepEqual(L.zoek(before, data.praktijken, "  ", false), Object.fromEntries(data.praktijken.map((p) => [p.ref, 1])));
  assert.deepEqual(Object.keys(withoutIndex.zoek(before, data.praktijken, "gent", false)), ["gent-onder-dak"]);
  // a 5000-letter word is no reason to scan more than the first 200
  assert.deepEqual(L.zoek(before, data.praktijken, "gent " + "x".repeat(5000), false), {});
  assert.deepEqual(Object.keys(L.zoek(before, data.praktijken, "gent" + " ".repeat(200) + "x".repeat(5000), false)), ["gent-onder-dak"]);
});

test("terms: the index's words of at most MAX_TEKST characters; without zoekindex.js: the plain words", () => {
  fake.calls.length = 0;
  assert.deepEqual(L.terms("De Taal  werk"), ["taal", "werk"]);
  L.terms("w".repeat(5000));
  assert.deepEqual(fake.calls.map(([name, text]) => [name, text.length]), [["woorden", 13], ["woorden", 200]]);
  assert.deepEqual(withoutIndex.terms(" De  Taal "), ["de", "taal"]);
  assert.deepEqual(L.terms(""), []);
});

test("found: the practices of a search's scores, in the catalogue's order; all without a search", () => {
  assert.equal(L.found(data.praktijken, null), data.praktijken);
  assert.deepEqual(refs(L.found(data.praktijken, { "genk-werk": 1, "kortrijk-schakelklas": 3, onbekend: 2 })),
    ["kortrijk-schakelklas", "genk-werk"]);
  assert.deepEqual(L.found(data.praktijken, {}), []);
  assert.deepEqual(L.found([{ ref: "constructor" }], {}), []);
});

test("laadIndex: through zoekindex.js; without it, an error (the page then keeps to title and place)", () => {
  assert.deepEqual(L.laadIndex({ naam: "kop" }), { index: "kop" });
  assert.throws(() => withoutIndex.laadIndex({}), /zoekindex\.js/);
});

// ---------- highlighting ----------

const joined = (parts) => parts.map(([text]) => text).join("");
const marked = (parts) => parts.filter(([, hit]) => hit).map(([text]) => text);

test("highlight: words with a query word's stem, and words starting with a query word of 3+ letters", () => {
  const text = "Taallessen en taal, vrijwilligers; Vrijwilliger! Ta";
  const parts = L.highlight(text, ["taal", "vrijwilliger"]);
  assert.equal(joined(parts), text);
  assert.deepEqual(marked(parts), ["Taallessen", "taal", "vrijwilligers", "Vrijwilliger"]);
  assert.deepEqual(marked(L.highlight("De wijken en de wijk", ["wijken"])), ["wijken", "wijk"]);  // same stem
  assert.deepEqual(marked(L.highlight("ge gent", ["ge"])), ["ge"]);  // two letters: whole words only
});

test("highlight: letters and digits of any script are words; the rest stays unmarked", () => {
  const text = "NT2-aanbod in Curaçao (ΟΔΟΣ) 2016";
  assert.deepEqual(marked(L.highlight(text, ["nt2", "curaçao", "οδος", "2016"])), ["NT2", "Curaçao", "ΟΔΟΣ", "2016"]);
  assert.equal(joined(L.highlight(text, ["nt2"])), text);
});

test("highlight: nothing to mark without words or zoekindex.js; nothing for no text", () => {
  assert.deepEqual(L.highlight("Taal", []), [["Taal", false]]);
  assert.deepEqual(withoutIndex.highlight("Taal", ["taal"]), [["Taal", false]]);
  assert.deepEqual(L.highlight("", ["taal"]), []);
  assert.deepEqual(L.highlight(null, ["taal"]), []);
});

test("highlight: a query word of 200 letters on a long text stays correct", () => {
  const text = "a".repeat(300) + " taal";
  assert.deepEqual(marked(L.highlight(text, ["a".repeat(200), "taal"])), ["a".repeat(300), "taal"]);
});

// ---------- filtering and counting ----------

// The definition, written plainly: the practices with a value of every facet selected.
function having(facets) {
  return data.praktijken.filter((p) => Object.entries(facets).every(([key, values]) =>
    values.some((v) => (p.facetten[key] || []).includes(v))));
}

// Every selection of values: 2^11 (5 + 4 + 2 values).
function allSelections() {
  const values = data.facetten.flatMap((f) => f.ids.map((id) => [f.key, id]));
  const selections = [];
  for (let mask = 0; mask < 1 << values.length; mask++) {
    const facets = {};
    values.forEach(([key, id], i) => { if (mask & (1 << i)) (facets[key] = facets[key] || []).push(id); });
    selections.push(facets);
  }
  return selections;
}

test("filter: OR within a facet, AND across facets", () => {
  assert.deepEqual(refs(L.filter(data.praktijken, {})), refs(data.praktijken));
  assert.deepEqual(refs(L.filter(data.praktijken, { thema: ["taal"] })), ["kortrijk-schakelklas", "edegem-taalcafe", "genk-werk"]);
  assert.deepEqual(refs(L.filter(data.praktijken, { thema: ["taal", "huisvesting"] })),
    ["kortrijk-schakelklas", "gent-onder-dak", "edegem-taalcafe", "genk-werk", "antwerpen-woonbox"]);
  assert.deepEqual(refs(L.filter(data.praktijken, { thema: ["taal", "huisvesting"], provincie: ["antwerpen"] })),
    ["edegem-taalcafe", "antwerpen-woonbox"]);
  assert.deepEqual(refs(L.filter(data.praktijken, { thema: ["taal"], budget: ["tot-25000"], provincie: ["limburg"] })), ["genk-werk"]);
  // a practice without values of a selected facet never matches it
  assert.deepEqual(refs(L.filter(data.praktijken, { provincie: ["antwerpen", "limburg", "oost-vlaanderen", "west-vlaanderen"] })),
    ["kortrijk-schakelklas", "gent-onder-dak", "edegem-taalcafe", "genk-werk", "antwerpen-woonbox"]);
  assert.deepEqual(L.filter(data.praktijken, { thema: ["gezondheid"] }), []);
});

test("filter: equals the definition for every selection of values", () => {
  for (const facets of allSelections()) assert.deepEqual(refs(L.filter(data.praktijken, facets)), refs(having(facets)));
});

test("counts: without filters, the practices per value; a value nobody has is missing (0)", () => {
  const counts = L.counts(data.praktijken, {}, data.facetten);
  assert.deepEqual({ ...counts.thema }, { onthaal: 2, taal: 3, huisvesting: 2, werk: 1 });
  assert.deepEqual({ ...counts.provincie }, { antwerpen: 2, limburg: 1, "oost-vlaanderen": 1, "west-vlaanderen": 1 });
  assert.deepEqual({ ...counts.budget }, { "tot-25000": 2, meer: 2 });
  assert.equal(counts.thema.gezondheid, undefined);
});

test("counts: a facet counts under the other facets' filters, not its own", () => {
  const counts = L.counts(data.praktijken, { thema: ["taal"] }, data.facetten);
  // thema itself: all practices (its own selection does not narrow it), so other values can be added
  assert.deepEqual({ ...counts.thema }, { onthaal: 2, taal: 3, huisvesting: 2, werk: 1 });
  // provincie and budget: only the language practices
  assert.deepEqual({ ...counts.provincie }, { "west-vlaanderen": 1, antwerpen: 1, limburg: 1 });
  assert.deepEqual({ ...counts.budget }, { meer: 1, "tot-25000": 1 });
  const two = L.counts(data.praktijken, { thema: ["taal"], budget: ["tot-25000"] }, data.facetten);
  assert.deepEqual({ ...two.thema }, { onthaal: 1, werk: 1, taal: 1 });  // under budget tot-25000
  assert.deepEqual({ ...two.budget }, { meer: 1, "tot-25000": 1 });       // under thema taal
  assert.deepEqual({ ...two.provincie }, { limburg: 1 });                  // under both
});

test("counts: equal the definition for every selection of values, also within a search's pool", () => {
  const pools = [data.praktijken, L.found(data.praktijken, { "gent-onder-dak": 1, "genk-werk": 1, "edegem-taalcafe": 1 }), []];
  for (const pool of pools) {
    const inPool = new Set(refs(pool));
    for (const facets of allSelections()) {
      const counts = L.counts(pool, facets, data.facetten);
      for (const f of data.facetten) {
        const others = Object.fromEntries(Object.entries(facets).filter(([key]) => key !== f.key));
        const matching = having(others).filter((p) => inPool.has(p.ref));
        for (const id of f.ids) {
          const expected = matching.filter((p) => (p.facetten[f.key] || []).includes(id)).length;
          assert.equal(counts[f.key][id] || 0, expected, `${f.key}=${id} under ${JSON.stringify(facets)}`);
        }
      }
    }
  }
});

test("isDisabled: a value with no results cannot be ticked, a ticked one can always be unticked", () => {
  assert.equal(L.isDisabled(0, false), true);
  assert.equal(L.isDisabled(0, true), false);
  assert.equal(L.isDisabled(3, false), false);
  const counts = L.counts(data.praktijken, { provincie: ["limburg"] }, data.facetten);
  const disabled = data.facetten[0].ids.filter((id) => L.isDisabled(counts.thema[id] || 0, false));
  assert.deepEqual(disabled, ["onthaal", "huisvesting", "gezondheid"]);
});

// ---------- sorting ----------

test("sort by place: Dutch collation (accents and case do not count), ties by title with numbers as numbers", () => {
  assert.deepEqual(refs(L.sorted(data.praktijken, null, "plaats")),
    ["antwerpen-woonbox", "ecaussinnes-onthaal", "edegem-taalcafe", "genk-werk", "gent-onder-dak", "kortrijk-schakelklas"]);
  const twins = L.decode({ facetten: [], praktijken: [["b", "Project 10", "Gent", "2020-01-01"], ["a", "project 9", "gent", "2020-01-01"],
                                                      ["c", "Project 9b", "GENT", "2020-01-01"]] });
  assert.deepEqual(refs(L.sorted(twins.praktijken, null, "plaats")), ["a", "c", "b"]);
});

test("sort by title: numbers as numbers, case does not count, ties by place", () => {
  assert.deepEqual(refs(L.sorted(data.praktijken, null, "titel")),
    ["gent-onder-dak", "ecaussinnes-onthaal", "kortrijk-schakelklas", "edegem-taalcafe", "genk-werk", "antwerpen-woonbox"]);
  const twins = L.decode({ facetten: [], praktijken: [["x", "Taal", "Zele", "2020-01-01"], ["y", "taal", "Aalst", "2020-01-01"]] });
  assert.deepEqual(refs(L.sorted(twins.praktijken, null, "titel")), ["y", "x"]);
});

test("sort by date checked: the most recent first, ties by place", () => {
  assert.deepEqual(refs(L.sorted(data.praktijken, null, "gecontroleerd")),
    ["ecaussinnes-onthaal", "gent-onder-dak", "antwerpen-woonbox", "kortrijk-schakelklas", "edegem-taalcafe", "genk-werk"]);
});

test("sort by relevance: the highest score first, ties by place; without a search by place", () => {
  const scores = { "edegem-taalcafe": 2, "genk-werk": 5, "kortrijk-schakelklas": 2 };
  const pool = L.found(data.praktijken, scores);
  assert.deepEqual(refs(L.sorted(pool, scores, "relevantie")), ["genk-werk", "edegem-taalcafe", "kortrijk-schakelklas"]);
  assert.deepEqual(refs(L.sorted(data.praktijken, null, "relevantie")), refs(L.sorted(data.praktijken, null, "plaats")));
});

test("sort: practices holding only some of the words (a score below zero) come after all the others, in every order", () => {
  const scores = { "edegem-taalcafe": -0.2, "genk-werk": 0.5, "kortrijk-schakelklas": -1.9, "antwerpen-woonbox": 3 };
  const pool = L.found(data.praktijken, scores);
  assert.deepEqual(refs(L.sorted(pool, scores, "relevantie")), ["antwerpen-woonbox", "genk-werk", "edegem-taalcafe", "kortrijk-schakelklas"]);
  const byPlace = L.sorted(pool, scores, "plaats");
  assert.deepEqual(refs(byPlace), ["antwerpen-woonbox", "genk-werk", "edegem-taalcafe", "kortrijk-schakelklas"]);
  assert.equal(L.firstPartial(byPlace, scores), 2);
  assert.deepEqual(refs(L.sorted(pool, scores, "titel")), ["genk-werk", "antwerpen-woonbox", "kortrijk-schakelklas", "edegem-taalcafe"]);
  const onlySome = { "genk-werk": -0.5 };
  assert.equal(L.firstPartial(L.found(data.praktijken, onlySome), onlySome), 0);
  assert.equal(L.firstPartial(pool, { "genk-werk": 1 }), pool.length);
  assert.equal(L.firstPartial(data.praktijken, null), data.praktijken.length);
});

test("sort: an unknown sort sorts by place; the pool itself is left as it was", () => {
  const before = refs(data.praktijken);
  for (const sort of ["", "onbekend", "__proto__", "constructor", "toString"]) {
    assert.deepEqual(refs(L.sorted(data.praktijken, null, sort)), refs(L.sorted(data.praktijken, null, "plaats")), sort);
  }
  assert.deepEqual(refs(data.praktijken), before);
  assert.deepEqual(L.sorted([], null, "titel"), []);
});

// ---------- what the page says ----------

test("texts: status, the phone's show button, the active filters, a card's line", () => {
  assert.deepEqual([0, 1, 2, 517].map(L.statusText), ["Geen resultaten", "1 praktijk", "2 praktijken", "517 praktijken"]);
  assert.deepEqual([0, 1, 2].map(L.showText), ["Toon de resultaten", "Toon 1 praktijk", "Toon 2 praktijken"]);
  assert.deepEqual([0, 1, 3].map(L.activeText), ["", "(1 actief)", "(3 actief)"]);
  assert.equal(L.kaartMeta({ hoofdstuk: "Onthaal", trekker: "OCMW; VZW", periode: "2019-2021" }),
    "Onthaal · Trekker: OCMW; VZW · Periode: 2019-2021");
  assert.equal(L.kaartMeta({ hoofdstuk: "Onthaal", trekker: null, periode: null }), "Onthaal");
  assert.equal(L.kaartMeta({ hoofdstuk: "Taal", periode: "sinds 2020" }), "Taal · Periode: sinds 2020");
});

test("waysOut: drop the last filter made (by its label), clear the query", () => {
  const order = [{ key: "thema", value: "huisvesting" }, { key: "provincie", value: "limburg" }];
  assert.deepEqual(L.waysOut({ q: "schakelklas", sort: "", facets: {} }, order, data.facetten), [
    { kind: "filter", text: "Verwijder de filter ‘Limburg’", key: "provincie", value: "limburg" },
    { kind: "zoek", text: "Wis de zoekterm ‘schakelklas’" },
  ]);
  assert.deepEqual(L.waysOut({ q: "", sort: "", facets: {} }, order.slice(0, 1), data.facetten),
    [{ kind: "filter", text: "Verwijder de filter ‘Huisvesting’", key: "thema", value: "huisvesting" }]);
  assert.deepEqual(L.waysOut({ q: "x", sort: "", facets: {} }, [], data.facetten), [{ kind: "zoek", text: "Wis de zoekterm ‘x’" }]);
  assert.deepEqual(L.waysOut(ALL, [], data.facetten), []);
  assert.deepEqual(L.waysOut(ALL, [{ key: "thema", value: "constructor" }], data.facetten), []);
});

// ---------- back from a practice ----------

test("opened and returnTo: the history entry brings back the result and the length of the list", () => {
  assert.deepEqual(L.returnTo(L.opened("gent-onder-dak", 20), 20), { ref: "gent-onder-dak", shown: 20 });
  assert.deepEqual(L.returnTo(L.opened("gent-onder-dak", 60), 20), { ref: "gent-onder-dak", shown: 60 });
  // the history entry survives JSON (a reload keeps it): the same answer
  assert.deepEqual(L.returnTo(JSON.parse(JSON.stringify(L.opened("genk-werk", 40))), 20), { ref: "genk-werk", shown: 40 });
});

test("returnTo: an entry that opened nothing, or holds what another script put there", () => {
  for (const state of [null, undefined, {}, { geopend: "" }, { geopend: 3 }, "gent-onder-dak", { getoond: 40 }]) {
    assert.equal(L.returnTo(state, 20), null, JSON.stringify(state));
  }
  // a length that is no count of cards: one page
  for (const getoond of [undefined, "60", -5, 0, NaN, Infinity, null, 7]) {
    assert.deepEqual(L.returnTo({ geopend: "genk-werk", getoond }, 20), { ref: "genk-werk", shown: 20 }, String(getoond));
  }
  assert.deepEqual(L.returnTo({ geopend: "genk-werk", getoond: 40.5 }, 20), { ref: "genk-werk", shown: 40 });
});

test("shownWith: enough cards to include the result, in whole pages", () => {
  assert.equal(L.shownWith(0, 20, 20), 20);
  assert.equal(L.shownWith(19, 20, 20), 20);
  assert.equal(L.shownWith(20, 20, 20), 40);   // the first card of the next page
  assert.equal(L.shownWith(45, 20, 20), 60);
  assert.equal(L.shownWith(5, 60, 20), 60);    // never fewer than shown
  assert.equal(L.shownWith(-1, 20, 20), 20);   // not among the results: as it is
});

// ---------- the whole: what the page shows for a URL ----------

test("a shared link: state, results in order, counts", () => {
  const state = L.readState("?zoek=taal&provincie=antwerpen&provincie=limburg&sort=titel", data.facetten, 200);
  const scores = L.zoek({ kop: { index: "kop" }, verhaal: { index: "verhaal" } }, data.praktijken, state.q, false);
  const pool = L.found(data.praktijken, scores);
  const results = L.sorted(L.filter(pool, state.facets), scores, state.sort || L.defaultSort(state.q));
  assert.deepEqual(refs(results), ["edegem-taalcafe", "genk-werk"]);  // Taalcafé, werk en taal
  const counts = L.counts(pool, state.facets, data.facetten);
  assert.deepEqual({ ...counts.provincie }, { "west-vlaanderen": 1, antwerpen: 1, limburg: 1 });
  assert.deepEqual({ ...counts.thema }, { taal: 2, werk: 1 });
  assert.equal(L.statusText(results.length), "2 praktijken");
});
