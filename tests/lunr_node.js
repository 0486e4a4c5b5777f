// Runs the browser side of the search in node for tests/test_search.py; only local files, no downloads.
//
//   node tests/lunr_node.js MATERIAL_LUNR_DIR woorden INPUT.json   {texts: [...], tokens: [...]}
//   node tests/lunr_node.js MATERIAL_LUNR_DIR bouw INPUT.json      {fields: [[name, boost]], docs: [{ref, field: [terms]}]}
//   node tests/lunr_node.js MATERIAL_LUNR_DIR zoek INPUT.json      {kop: path, verhaal: path, queries: [...],
//                                                                    unfinished: bool, ruim: bool, raw: [lunr query strings],
//                                                                    weights: [kop, verhaal] (default [1, 1])}
//        -> {results: {q: [ref, ...] best first}, scores: {q: {ref: score}}, raw, times, loadMs, warnings}
//
// MATERIAL_LUNR_DIR: the installed Material's assets/javascripts/lunr/min (lunr.nl as the site ships it).
"use strict";
const fs = require("fs");
const path = require("path");

const [materialArg, command, inputPath] = process.argv.slice(2);
const materialDir = path.resolve(materialArg);
const root = path.resolve(__dirname, "..");
const lunr = require(path.join(root, "theme/assets/javascripts/vendor/lunr.min.js"));
require(path.join(materialDir, "lunr.stemmer.support.min.js"))(lunr);
require(path.join(materialDir, "lunr.nl.min.js"))(lunr);
const zoekindex = require(path.join(root, "theme/assets/javascripts/zoekindex.js"))(lunr);
const input = JSON.parse(fs.readFileSync(inputPath, "utf8"));
const warnings = [];
console.warn = (...args) => warnings.push(args.join(" "));  // lunr warns on version mismatch

if (command === "woorden") {
  const trim = lunr.trimmerSupport.generateTrimmer(lunr.nl.wordCharacters + "0-9");
  const stem = (word) => lunr.nl.stemmer(new lunr.Token(word)).toString();
  process.stdout.write(JSON.stringify({
    // the index terms of each text, through the browser's word splitting and stemming
    texts: input.texts.map((text) => zoekindex.woorden(text).map(zoekindex.stam)),
    // each lunr token: [trimmed, stem of the raw token (what a query term gets), stop word?]
    tokens: input.tokens.map((token) => [trim(token), stem(token), trim(token) !== "" && !lunr.nl.stopWordFilter(trim(token))]),
  }));
} else if (command === "zoek") {
  const started = process.hrtime.bigint();
  const kop = zoekindex.laad(JSON.parse(fs.readFileSync(input.kop, "utf8")));
  const verhaal = zoekindex.laad(JSON.parse(fs.readFileSync(input.verhaal, "utf8")));
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  const [kopWeight, verhaalWeight] = input.weights || [1, 1];
  const results = {};
  const scored = {};
  const times = {};
  for (const q of input.queries) {
    const t0 = process.hrtime.bigint();
    const scores = zoekindex.zoek([[kop, kopWeight], [verhaal, verhaalWeight]], q, Boolean(input.unfinished), Boolean(input.ruim)) || {};
    times[q] = Number(process.hrtime.bigint() - t0) / 1e6;
    results[q] = Object.keys(scores).sort((a, b) => scores[b] - scores[a] || (a < b ? -1 : 1));
    scored[q] = scores;
  }
  // the raw lunr API too: the query string syntax on the loaded index
  const raw = {};
  for (const q of input.raw || []) raw[q] = kop.search(q).concat(verhaal.search(q)).map((r) => r.ref);
  process.stdout.write(JSON.stringify({ results, scores: scored, raw, times, loadMs, warnings }));
} else if (command === "bouw") {
  // lunr.js's own builder on the same terms: {field: {term: score}} per ref, to compare with generator/search/bm25.py's
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref("ref");
    for (const [field, boost] of input.fields) this.field(field, { boost });
    for (const doc of input.docs) this.add(doc);
  });
  const terms = {};
  for (const [term, posting] of Object.entries(index.invertedIndex)) terms[posting._index] = term;
  const scores = {};
  for (const [fieldRef, vector] of Object.entries(index.fieldVectors)) {
    const entry = (scores[fieldRef] = {});
    for (let i = 0; i < vector.elements.length; i += 2) entry[terms[vector.elements[i]]] = vector.elements[i + 1];
  }
  process.stdout.write(JSON.stringify(scores));
} else {
  throw new Error("unknown command " + command);
}
