/* The catalogue's search indexes in the browser: load them, and query them as they were built.
 *
 * Needs lunr.js, lunr.stemmer.support and lunr.nl loaded first. Made for the files of
 * generator/search/indexes.py (read its docstring); tests/test_search.py runs this file in node.
 *
 *   var index = gidsZoekindex.laad(json);       // zoeken/kop.json or zoeken/verhaal.json -> lunr.Index
 *   var scores = gidsZoekindex.zoek([[kop, 1], [verhaal, 1]], q, true, true);  // {slug: score} or null
 *     (read only: a word's scores are remembered, and the same object may be returned again)
 *     (a word that finds nothing is tried as typed, then with a typo, then in its compound parts,
 *     then by a shorter prefix; with the 4th argument, records holding only some words follow)
 *   gidsZoekindex.deels(scores[slug])            // true: a partial match (holds some of the words only)
 *   var words = gidsZoekindex.woorden(q);        // the query's words as the index saw them (highlighting)
 *   gidsZoekindex.stam(word)                     // a word's index term: lunr.nl's stem (see stam)
 *   gidsZoekindex.MAX_TEKST                      // the longest query zoek reads (of a longer one: its start)
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;  // node: require(...)(lunr)
  else root.gidsZoekindex = factory(root.lunr);
})(this, function (lunr) {
  "use strict";

  // The index side (generator/search/indexes.py) splits and trims text exactly like this.
  var trim = lunr.trimmerSupport.generateTrimmer(lunr.nl.wordCharacters + "0-9");

  // A query comes from the search box or from a link's ?zoek=, so it can be anything. Past these
  // lengths no query means more, while the cost does grow: zoek reads only the start of a longer
  // text, and of a longer word only its first MAX_WORD letters (the index's longest words,
  // "inburgeringstrajectbegeleiding", have about 30).
  var MAX_TEKST = 200, MAX_WORD = 40;

  function allWords(text) {
    var words = [];
    text.toLowerCase().split(/[\s\-]+/).forEach(function (token) {
      token.split(/\/+/).forEach(function (part) {
        var word = trim(trim(part).replace(/['’]s$/, ""));  // OCMW's, thema's: as OCMW, thema
        if (word) words.push(word);
      });
    });
    return words;
  }

  function isStopWord(word) {
    return !lunr.nl.stopWordFilter(word);
  }

  // The words of a text that are in the index (before stemming). lunr.nl's query pipeline only
  // stems: a stop word would match nothing, and with every word required, the query neither.
  function woorden(text) {
    return allWords(text).filter(function (word) { return !isStopWord(word); });
  }

  // lunr.nl's stem, finished as generator/search/indexes.py stam_af does (read it): "lessen" like "les",
  // "initiatieven" like "initiatief", "sociaal" like "sociale".
  // Remembered: the page stems every word of every card it highlights, and the same words come back.
  var stems = new Map();
  function stam(word) {
    var stem = stems.get(word);
    if (stem === undefined) {
      stem = lunr.nl.stemmer(new lunr.Token(word)).toString()
        .replace(/([aeiouyè])([bcdfghjklmnpqrstvwxz])\2$/, "$1$2")
        .replace(/([aeiouyè])v$/, "$1f").replace(/([aeiouyè])z$/, "$1s")
        .replace(/i([aeou])\1([^aeiouyè])$/, "i$1$2");
      if (stems.size >= 20000) stems.clear();
      stems.set(word, stem);
    }
    return stem;
  }

  // The files leave out lunr's inverted index (which term is in which field of which record):
  // it follows from the field vectors. Here it is made as postings of record numbers and weights in
  // flat arrays, which ownQuery scores from: the postings of term t in field f are at
  // gidsStarts[t * fields + f] up to the next start. lunr's own inverted index (its objects, with the
  // records' slugs) is filled in only when lunr's query is used, which it seldom is: making it took
  // most of the time of loading the story index.
  function laad(json) {
    var fields = json.fields, refs = json.refs, terms = json.terms, nFields = fields.length, fieldNumber = {};
    fields.forEach(function (field, f) { fieldNumber[field] = f; });
    var inverted = terms.map(function (term, i) {
      var posting = { _index: i };
      fields.forEach(function (field) { posting[field] = {}; });
      return [term, posting];
    });
    var split = json.fieldVectors.map(function (pair) {
      var slash = pair[0].indexOf("/");
      return [pair[0].slice(0, slash), Number(pair[0].slice(slash + 1))];
    });
    var starts = new Int32Array(terms.length * nFields + 1);
    json.fieldVectors.forEach(function (pair, v) {
      var f = fieldNumber[split[v][0]], elements = pair[1];
      for (var i = 0; i < elements.length; i += 2) starts[elements[i] * nFields + f + 1]++;
    });
    for (var k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
    var records = new Int32Array(starts[starts.length - 1]), weights = new Float64Array(records.length);
    var next = starts.slice(0, -1), frequency = new Int32Array(terms.length);
    var vectors = json.fieldVectors.map(function (pair, v) {
      var field = split[v][0], number = split[v][1], f = fieldNumber[field], elements = pair[1];
      for (var i = 0; i < elements.length; i += 2) {
        var t = elements[i], at = next[t * nFields + f]++;
        records[at] = number;
        weights[at] = elements[i + 1];
        frequency[t]++;
      }
      return [field + "/" + refs[number], elements];
    });
    var index = lunr.Index.load({
      version: json.version, fields: fields, fieldVectors: vectors, invertedIndex: inverted, pipeline: json.pipeline
    });
    index.gidsTerms = terms;  // sorted: prefix lookups by binary search
    index.gidsFrequency = frequency;
    index.gidsRefs = refs;
    index.gidsStarts = starts;
    index.gidsRecords = records;
    index.gidsWeights = weights;
    var query = index.query, filled = false;
    index.query = function () {  // (index.search too goes through here)
      if (!filled) {
        var none = {};  // lunr only reads a posting's metadata
        filled = true;
        inverted.forEach(function (entry, t) {
          fields.forEach(function (field, f) {
            for (var i = starts[t * nFields + f]; i < starts[t * nFields + f + 1]; i++) entry[1][field][refs[records[i]]] = none;
          });
        });
      }
      return query.apply(this, arguments);
    };
    return index;
  }

  // Fuzzy matching builds an automaton of every string a few edits from the word: its cost grows
  // steeply with the word's length (a 40-letter word takes 0.1 s on the fixture site's indexes, a
  // 320-letter one froze the page for 12 s and longer ones crashed it). So only words of
  // TYPO_MIN to TYPO_MAX letters get a second chance, and at most MAX_TYPOS words of a query.
  var TYPO_MIN = 5, TYPO_MAX = 20, MAX_TYPOS = 3;

  // Short prefixes ("sa", "ond") match most of a large catalogue and lunr scores every match:
  // below 4 letters, only titles and places are searched for them.
  var SHORT_PREFIX = 4, SHORT_PREFIX_FIELDS = ["titel", "plaats"];

  // The clauses for one word. "exact": its stem. "prefix" (the last word, maybe half typed): its
  // stem (boost 10) and the stems that start with it (3). "typo" (when those find nothing): the
  // stems one edit away, two from 8 letters: a typo in a suffix ("huisvestng") keeps the stemmer
  // from removing it, two letters from "huisvest". Fuzzy matching is slow on a large index, so
  // it is a fallback, not a clause of every query.
  function clauses(index, word, mode, stopWord) {
    var s = stam(word), list = [];
    if (mode === "typo") return [[s, { usePipeline: false, editDistance: word.length >= 8 ? 2 : 1 }]];
    if (!stopWord) list.push([s, { usePipeline: false, boost: 10 }]);
    if (mode === "getypt") return prefixClauses(index, word, 3, []);
    if (mode === "near") return prefixClauses(index, s.slice(0, Math.max(NEAR_MIN, Math.ceil(s.length * NEAR_KEEP))), 1, []);
    if (mode === "prefix") {
      prefixClauses(index, s, 3, list);
    }
    return list;
  }

  function prefixClauses(index, prefix, boost, list) {
    var fields = prefix.length >= SHORT_PREFIX ? index.fields : index.fields.filter(function (field) {
      return SHORT_PREFIX_FIELDS.indexOf(field) >= 0;
    });
    if (fields.length) {
      var many = commonTermsWithPrefix(index, prefix);
      if (many) {  // a short prefix of a large catalogue: its most used completions, not thousands
        many.forEach(function (term) { list.push([term, { usePipeline: false, boost: boost, fields: fields }]); });
      } else {
        list.push([prefix, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: boost, fields: fields }]);
      }
    }
    return list;
  }

  // "near" (when nothing else found a long word): the stems that start with its first 70 %, so
  // "casemanager" finds "casemanagement" and back, forms the stemmer does not join. One prefix
  // lookup, only for a word that found nothing: typing is not slowed.
  var NEAR_MIN_WORD = 8, NEAR_MIN = 6, NEAR_KEEP = 0.7;

  // {ref: score} of one word in one index, remembered: while typing, only the last word changes.
  // The MAX_COMPLETIONS most frequent index terms starting with prefix, or null when there are not more
  // than that (then lunr's own wildcard is as fast). Typing "ge" in 5,000 practices would otherwise
  // score thousands of terms on one keystroke.
  var MAX_COMPLETIONS = 20;
  function commonTermsWithPrefix(index, prefix) {
    var terms = index.gidsTerms;
    if (!terms) return null;
    var lo = firstAtLeast(terms, prefix), end = lo;
    while (end < terms.length && terms[end].lastIndexOf(prefix, 0) === 0) end++;
    if (end - lo <= MAX_COMPLETIONS) return null;
    var found = [];
    for (var i = lo; i < end; i++) found.push(i);
    found.sort(function (a, b) { return index.gidsFrequency[b] - index.gidsFrequency[a] || a - b; });
    return found.slice(0, MAX_COMPLETIONS).map(function (i) { return terms[i]; });
  }

  // Where a term would go in the sorted terms (binary search).
  function firstAtLeast(terms, term) {
    var lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < term) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // ---- compounds --------------------------------------------------------------------------------
  // Dutch writes compounds as one word. One the indexes do not have ("opvoedingsondersteuning")
  // is split into parts they do have ("opvoeding", "ondersteuning": the catalogue's own
  // vocabulary), with the linking letters between them; records holding every part are found,
  // their score times DELEN_WEIGHT. A compound whose last part no record has ("conversatietafel")
  // searches the parts it knows, if they make up at least half of it. The index side splits the
  // records' compounds (generator/search/delen.py), so "regenboog" finds "regenbooggemeenschap".
  var DELEN_MIN_WORD = 8, DELEN_MIN = 4, DELEN_WEIGHT = 0.5, LINKS = ["", "s", "en", "e"];

  function isKnown(indexes, word) {
    if (word.length < DELEN_MIN || isStopWord(word)) return false;
    var s = stam(word);
    return indexes.some(function (entry) {
      var terms = entry[0] && entry[0].gidsTerms;
      return Boolean(terms) && terms[firstAtLeast(terms, s)] === s;
    });
  }

  // The longest known part at the start of the text (not all of it when whole is false), or null.
  function knownStart(indexes, text, whole) {
    for (var i = whole ? text.length : text.length - 1; i >= DELEN_MIN; i--) {
      if (isKnown(indexes, text.slice(0, i))) return text.slice(0, i);
    }
    return null;
  }

  function delen(indexes, word) {
    if (word.length < DELEN_MIN_WORD || word.length > MAX_WORD || !/^[a-zà-ÿ]+$/.test(word)) return null;
    var parts = [], rest = word, length = 0;
    while (rest.length >= DELEN_MIN) {
      var part = null;
      for (var l = 0; l < LINKS.length && !part; l++) {
        if (parts.length && LINKS[l] && rest.lastIndexOf(LINKS[l], 0) === 0) {
          part = knownStart(indexes, rest.slice(LINKS[l].length), true);
          if (part) rest = rest.slice(LINKS[l].length);
        } else if (!LINKS[l]) {
          part = knownStart(indexes, rest, parts.length > 0);
        }
      }
      if (!part) break;
      parts.push(part);
      length += part.length;
      rest = rest.slice(part.length);
    }
    return parts.length && length * 2 >= word.length ? parts : null;
  }

  // delen of a word, remembered on the first index (while typing, the other words stay the same)
  function cachedDelen(indexes, word) {
    var first = indexes.filter(function (entry) { return entry[0]; })[0];
    if (!first) return null;
    var cache = first[0].gidsCache || (first[0].gidsCache = new Map());
    var key = "delen:" + indexes.map(function (entry) { return entry[0] ? 1 : 0; }).join("") + ":" + word;
    if (!cache.has(key)) cache.set(key, delen(indexes, word));
    return cache.get(key);
  }

  function partScores(indexes, word) {
    var parts = cachedDelen(indexes, word);
    if (!parts) return null;
    var total = null;
    parts.forEach(function (part) {
      var scores = sumScores(indexes, part, "exact", false) || {}, both = {};
      for (var ref in scores) if (total === null || ref in total) both[ref] = (total ? total[ref] : 0) + scores[ref] * DELEN_WEIGHT;
      total = both;
    });
    return total && !isEmpty(total) ? total : null;
  }

  // ---- scoring ----------------------------------------------------------------------------------
  // lunr.Index.query's scores, computed from postings of record numbers. lunr's query makes objects
  // for every field of every record that matches (its match data): for a short prefix of a large
  // catalogue, thousands of records times 20 completions, that took most of a keystroke. The score is
  // lunr's to the bit: per field, the dot product of the query's vector (each term's summed boosts)
  // with the field's vector, summed in the order of the term numbers as lunr's Vector.dot does, over
  // the query vector's length; a record's score, the sum over its fields that match. (lunr adds the
  // fields in the order it first met them; here in the index's order: with three fields or more the
  // last bit can differ.) A typo's terms are found by lunr's automaton, as lunr does. null when a
  // term holds a "*" (lunr's wildcard): lunr answers that one.
  function ownQuery(index, list) {
    var fields = index.fields, vectors = fields.map(function () { return new Map(); });
    for (var c = 0; c < list.length; c++) {
      var term = list[c][0], options = list[c][1];
      if (term.indexOf("*") >= 0) return null;
      var boost = options.boost === undefined ? 1 : options.boost;
      var numbers = options.editDistance ? termNumbersNear(index, term, options.editDistance)
        : options.wildcard ? termNumbersWithPrefix(index, term) : termNumbers(index, term);
      (options.fields || fields).forEach(function (field) {
        var vector = vectors[fields.indexOf(field)];
        numbers.forEach(function (t) { vector.set(t, (vector.get(t) || 0) + boost); });
      });
    }
    // one record's sums per record number, made once per index and left at zero after use: a new
    // array per query would leave the garbage collector 100 KB per keystroke at 5,000 records
    var n = index.gidsRefs.length, found = [];
    var scratch = index.gidsScratch || (index.gidsScratch = { total: new Float64Array(n), dot: new Float64Array(n) });
    var total = scratch.total, dot = scratch.dot;
    vectors.forEach(function (vector, f) {
      if (!vector.size) return;
      var terms = Array.from(vector.keys()).sort(function (a, b) { return a - b; });
      var squares = 0;
      terms.forEach(function (t) { var boost = vector.get(t); squares += boost * boost; });
      var length = Math.sqrt(squares), matched = [];
      var starts = index.gidsStarts, records = index.gidsRecords, weights = index.gidsWeights;
      terms.forEach(function (t) {
        var boost = vector.get(t), key = t * fields.length + f;
        for (var i = starts[key]; i < starts[key + 1]; i++) {
          var r = records[i];
          if (dot[r] === 0) matched.push(r);  // (weights and boosts are above zero)
          dot[r] += boost * weights[i];
        }
      });
      matched.forEach(function (r) {
        var score = dot[r] / length || 0;
        dot[r] = 0;
        if (total[r] === 0) found.push(r);  // (a score is above zero)
        total[r] += score;  // the first time: 0 + score, score itself
      });
    });
    var scores = {};
    found.forEach(function (r) { scores[index.gidsRefs[r]] = total[r]; total[r] = 0; });
    return scores;
  }

  function termNumbers(index, term) {
    var terms = index.gidsTerms, i = firstAtLeast(terms, term);
    return terms[i] === term ? [i] : [];
  }

  // the terms a few edits from the term, found as lunr finds them (its automaton on its token set)
  function termNumbersNear(index, term, edits) {
    return index.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(term, edits)).toArray().map(function (found) {
      return firstAtLeast(index.gidsTerms, found);
    });
  }

  function termNumbersWithPrefix(index, prefix) {
    var terms = index.gidsTerms, numbers = [];
    for (var i = firstAtLeast(terms, prefix); i < terms.length && terms[i].lastIndexOf(prefix, 0) === 0; i++) numbers.push(i);
    return numbers;
  }

  function wordScores(index, word, mode, stopWord) {
    var cache = index.gidsCache || (index.gidsCache = new Map());
    var key = mode + ":" + word;
    if (!cache.has(key)) {
      var scores = {}, list = clauses(index, word, mode, stopWord);
      // (a lunr query without clauses is a purely negative one: it would match every record)
      if (list.length) scores = (index.gidsStarts && ownQuery(index, list)) || lunrQuery(index, list);
      if (cache.size > 500) cache.clear();
      cache.set(key, scores);
    }
    return cache.get(key);
  }

  function lunrQuery(index, list) {
    var scores = {};
    index.query(function (query) {
      list.forEach(function (clause) { query.term(clause[0], clause[1]); });
    }).forEach(function (r) { scores[r.ref] = r.score; });
    return scores;
  }

  // A word's scores summed over the indexes, each times its weight; null when it is in none. Remembered
  // (on the first index) like wordScores: the same object while typing on, not changed by its users.
  function sumScores(indexes, word, mode, stopWord) {
    var present = indexes.filter(function (entry) { return entry[0]; });
    if (!present.length) return null;
    if (present.length === 1 && present[0][1] === 1) {  // the sum is the word's own scores
      var own = wordScores(present[0][0], word, mode, stopWord);
      return isEmpty(own) ? null : own;
    }
    var cache = present[0][0].gidsCache || (present[0][0].gidsCache = new Map());
    var key = "som:" + indexes.map(function (entry) { return entry[0] ? entry[1] : "-"; }).join(",") + ":" + mode + ":" + word;
    if (!cache.has(key)) {
      var scores = {}, any = false;
      present.forEach(function (entry) {
        var found = wordScores(entry[0], word, mode, stopWord);
        for (var ref in found) {
          scores[ref] = (scores[ref] || 0) + found[ref] * entry[1];
          any = true;
        }
      });
      if (cache.size > 500) cache.clear();
      cache.set(key, any ? scores : null);
    }
    return cache.get(key);
  }

  // The records in every one of the score sets, their scores summed, in order. The last answer is
  // remembered: while the last word is typed, the words before it stay the same.
  var lastCommon = { sets: [], total: null };
  function common(sets) {
    if (sets.length === lastCommon.sets.length && sets.every(function (s, i) { return s === lastCommon.sets[i]; })) {
      return lastCommon.total;
    }
    var total = sets[0];
    sets.slice(1).forEach(function (scores) { total = both(total, scores); });
    lastCommon = { sets: sets, total: total };
    return total;
  }

  function both(total, scores) {
    var sum = {};
    for (var ref in total) if (ref in scores) sum[ref] = total[ref] + scores[ref];
    return sum;
  }

  // Search the indexes, given as [[index, weight], ...] (a missing index is skipped).
  // Every word must match in some index; a record's score is the sum over words and indexes
  // of lunr's score times the index's weight. `unfinished`: the last word may be half typed
  // (not if the text ends in a space); if it is a stop word ("onder" on the way to "onderwijs")
  // it only adds to the score. null when the text has no word to search for.
  // `ruim`: when fewer than FEW records hold every word of a query of several words, the records
  // that hold some of them follow, with a score below zero (lunr's scores are above it): minus
  // the number of words they miss, plus their summed score squeezed into 0..1. So they rank by
  // how many words they hold, then by where (lunr's score), and the page can draw a line above
  // them (partial: a score below zero). An officer's question then never ends on an empty page
  // while one of its words is in the catalogue ("laaggeletterde ouders").
  function zoek(indexes, text, unfinished, ruim) {
    text = text.slice(0, MAX_TEKST);
    var words = allWords(text).map(function (word) { return word.slice(0, MAX_WORD); });
    unfinished = unfinished && !/[\s\-\/]$/.test(text);
    var perWord = [], optional = null, typos = 0;
    words.forEach(function (word, i) {
      // all words required and one matched nothing: the rest cannot help, unless partial matches count
      if (!ruim && perWord.length && isEmpty(perWord[perWord.length - 1])) return;
      var last = unfinished && i === words.length - 1, stopWord = isStopWord(word);
      if (stopWord && !last) return;
      if (last && word.length < 2 && words.length > 1) return;  // one letter typed: wait for more
      var scores = sumScores(indexes, word, last ? "prefix" : "exact", stopWord);
      // the word being typed as typed, when its stem is no prefix of it and found nothing: the stem no
      // longer reaches what the word is a prefix of ("regenboog" is stemmed to "regenbog", and
      // "regenbooggemeenschap" is not; a stem that is a prefix, "vrijwillig" of "vrijwilligers", does)
      if (!scores && last && !stopWord && word.length >= SHORT_PREFIX && word.lastIndexOf(stam(word), 0) !== 0) {
        scores = sumScores(indexes, word, "getypt", false);
      }
      if (!scores && !stopWord && word.length >= TYPO_MIN && word.length <= TYPO_MAX && typos < MAX_TYPOS) {
        typos++;
        scores = sumScores(indexes, word, "typo", false);
      }
      if (!scores && !stopWord) scores = partScores(indexes, word);
      if (!scores && !stopWord && word.length >= NEAR_MIN_WORD) scores = sumScores(indexes, word, "near", false);
      scores = scores || {};
      if (stopWord) optional = scores;
      else perWord.push(scores);
    });
    if (!perWord.length) return optional;
    // (the remembered score sets are not changed: a new object before adding to one)
    var total = perWord.length > 1 ? both(common(perWord.slice(0, -1)), perWord[perWord.length - 1]) : perWord[0];
    if (optional) {
      var plus = {};
      for (var ref in total) plus[ref] = ref in optional ? total[ref] + optional[ref] : total[ref];
      total = plus;
    }
    if (ruim && perWord.length > 1 && Object.keys(total).length < FEW) addPartial(total, perWord);
    return total;
  }

  var FEW = 3;

  function addPartial(total, perWord) {
    var held = {}, sum = {};
    perWord.forEach(function (scores) {
      for (var ref in scores) {
        held[ref] = (held[ref] || 0) + 1;
        sum[ref] = (sum[ref] || 0) + scores[ref];
      }
    });
    for (var ref in held) {
      if (!(ref in total)) total[ref] = sum[ref] / (1 + sum[ref]) - (perWord.length - held[ref]);
    }
  }

  function isEmpty(scores) {
    for (var ref in scores) return false;
    return true;
  }

  // A score of zoek(..., ruim) that belongs to a record holding only some of the words.
  function deels(score) {
    return score < 0;
  }

  return { laad: laad, woorden: woorden, stam: stam, zoek: zoek, deels: deels, MAX_TEKST: MAX_TEKST };
});
