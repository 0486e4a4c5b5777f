"""Measure the catalogue's search: index build, file sizes, bytes of a first query, time per keystroke.

Usage: .venv/bin/python bench/bench_search.py [echt | AANTAL ...] [--zoekopdrachten N]
       (default: echt 1000 5000; "echt" is the real catalogue in praktijken/)

For each size it writes a project (the real records, or synthetic ones made by
bench_build.synthetic_records), builds it with `gids build` into a temporary folder, and prints:

  - index build: generator.search.indexes.build_indexes on the loaded records, in this process, with the
    generator's word caches emptied first (as in a fresh `gids build`), best of 3, wall and CPU time;
  - sizes: every file build_indexes returns and zoeken/catalogus.json, raw and gzipped (level 6),
    and the cards zoeken/kaarten/*.json on average;
  - first query: the site is served by a local HTTP server that gzips text (html, css, js, json,
    svg) like a web host; chromium (Playwright) opens /praktijken/?zoek=<word> with an empty cache
    and waits until the first result card has its summary. The server counts the body bytes it
    sent (Content-Length, gzipped where it gzipped) for the requests it had received by that moment;
    the page's Resource Timing tells which of them were complete and which still arriving. Two words: one from the
    titles (the page's text match on title and place can show results before the index arrives)
    and one found only in summaries (results need the kop index). The server gzips each file once
    (an unmeasured visit first fills its cache). The largest resources are listed, and the whole
    page up to network idle;
  - keystrokes: N queries (default 50) made of the records' words (one word, several words,
    a place, half-typed words, a typo) typed key by key in the search box. Listeners injected
    before the page's scripts take performance.now() at the input event (capture, on window) and
    after the page's own input handler has run and a forced style/layout of the results (bubble,
    on window); that is what the browser has to do before it can paint the new results. Cards
    filled later by a network fetch are not counted. Prints median, 95th percentile, worst, and how
    many keystrokes took over 16 ms (one frame at 60 Hz); then, to split that time, the lunr search
    alone (gidsZoekindex.zoek replayed on the same keystrokes), the cost of history.replaceState on the
    page, and the emptying of the box between queries (every record listed).

Targets are printed beside the figures they belong to. The last line is all figures as JSON.
"""
from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import copy_project  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from generator.records.catalog import load_catalog  # noqa: E402
from generator.records.vocab import load_vocab  # noqa: E402
from generator.search import indexes as search  # noqa: E402
from generator.search import lunr_nl  # noqa: E402

KIB = 1024
TARGET_FIRST_QUERY = (1000, 175 * KIB)   # at 1,000 records the first query fetches <= 175 KiB
TARGET_KEYSTROKE = (5000, 16.0)          # at 5,000 records a keystroke's p95 updates results within 16 ms (issue 14)
TARGET_INDEX_BUILD = (1000, 3.0)         # build_indexes of 1,000 records takes < 3 s

CATALOGUE_PAGE = "praktijken/"
SEARCH_BOX = "#gids-q"
RESULTS = "#gids-resultaten"
GZIP_TYPES = {".html", ".css", ".js", ".json", ".svg"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
QUERY_KINDS = ("titel", "samenvatting", "twee", "verhaal", "drie", "plaats", "deel", "woord+deel", "titel", "typfout")

# Injected before the page's own scripts. window.__bench collects:
#   eerste: {epoch, ms} when the first result card has a summary (epoch ms; ms since navigation start)
#   laad:   ms that gidsZoekindex.laad took per index file (JSON -> lunr.Index)
#   toetsen: per measured input event (meten: "toets" typing, "leeg" emptying the box), the query and
#            the ms of the handler and of handler + layout
PAGE_PROBE = """
(() => {
  const bench = window.__bench = { eerste: null, laad: [], toetsen: [], meten: "", t0: 0 };
  performance.setResourceTimingBufferSize(10000);

  let zoekindex;
  Object.defineProperty(window, "gidsZoekindex", {
    configurable: true,
    get() { return zoekindex; },
    set(value) {
      if (value && typeof value.laad === "function") {
        const laad = value.laad;
        value.laad = function (json) {
          const t = performance.now();
          const index = laad.apply(this, arguments);
          bench.laad.push({ records: (json.refs || []).length, ms: performance.now() - t });
          return index;
        };
      }
      zoekindex = value;
    }
  });

  document.addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector("%(results)s");
    if (!list) return;
    const observer = new MutationObserver(() => {
      const summary = list.querySelector(".gids-kaart__samenvatting");
      if (summary && summary.textContent.trim()) {
        const now = performance.now();
        bench.eerste = { epoch: performance.timeOrigin + now, ms: now };
        observer.disconnect();
      }
    });
    observer.observe(list, { childList: true, subtree: true, characterData: true });
  });

  const isBox = (e) => e.target instanceof Element && e.target.matches("%(box)s");
  window.addEventListener("input", (e) => { if (isBox(e)) bench.t0 = performance.now(); }, true);
  window.addEventListener("input", (e) => {
    if (!isBox(e) || !bench.meten) return;
    const handled = performance.now();
    document.querySelector("%(results)s").getBoundingClientRect();  // style and layout of the new results
    const laidOut = performance.now();
    bench.toetsen.push({ soort: bench.meten, q: e.target.value, handler: handled - bench.t0, totaal: laidOut - bench.t0 });
  });
})();
""" % {"results": RESULTS, "box": SEARCH_BOX}  # noqa: UP031 (JavaScript is all braces: %-format leaves them alone)

# The page's own view of what it fetched: path, request start and response end (ms since navigation
# start), encoded body bytes. Tells the responses complete at the first card from those still arriving.
RESOURCE_TIMING = """
() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).map((e) => ({
  path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize
}))
"""

# The search alone: load the index files afresh, then time gidsZoekindex.zoek on every prefix of every
# query, in typing order (so its per-word cache behaves as while typing). Returns ms per keystroke.
SEARCH_REPLAY = """
async ([urls, queries]) => {
  const indexes = [];
  for (const url of urls) indexes.push([gidsZoekindex.laad(await (await fetch(url)).json()), 1]);
  const times = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      const t = performance.now();
      gidsZoekindex.zoek(indexes, q.slice(0, i), true);
      times.push(performance.now() - t);
    }
  }
  return times;
}
"""

# Chrome saves the state of every form control into the history entry on replaceState/pushState:
# [form controls on the page, median ms of replaceState to the same URL].
HISTORY_COST = """
() => {
  const times = [];
  for (let i = 0; i < 41; i++) {
    const t = performance.now();
    history.replaceState(history.state, "", location.href);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { controls: document.querySelectorAll("input, select, textarea").length, median: times[20] };
}
"""


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", default=["echt", "1000", "5000"], help="'echt' or a number of records")
    parser.add_argument("--zoekopdrachten", type=int, default=50, help="queries typed key by key (default 50)")
    args = parser.parse_args(argv)
    print(f"# gids search bench (Python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size in args.sizes:
            count = None if size == "echt" else int(size)
            with tempfile.TemporaryDirectory(prefix="gids-zoekbench-") as tmp:
                label, figures = bench_size(Path(tmp), count, browser, args.zoekopdrachten)
            results[label] = figures
        browser.close()
    print(json.dumps(results))


def bench_size(base: Path, count: int | None, browser, n_queries: int) -> tuple[str, dict]:
    project = make_project(base, count)
    vocab = load_vocab()
    catalog = load_catalog(project / "praktijken", vocab)
    assert catalog.ok, catalog.errors[:5]
    records = catalog.records
    n = len(records)
    label = f"{n} (echt)" if count is None else str(n)
    print(f"\n## {label} records")

    times, index_files = time_index_build(records, vocab)
    seconds = min(wall for wall, _ in times)
    print(f"index build (build_indexes, cold, best of {len(times)}) {seconds:6.2f} s wall, "
          f"{min(cpu for _, cpu in times):.2f} s CPU   "
          f"{target_note(seconds < TARGET_INDEX_BUILD[1], n, TARGET_INDEX_BUILD[0], '< 3 s')}")
    print(f"  (all runs, wall/CPU s: {', '.join(f'{w:.2f}/{c:.2f}' for w, c in times)}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")

    site, build_seconds = build_site(project, base / "site")
    print(f"(gids build for the browser tests    {build_seconds:8.1f} s)")
    sizes = print_sizes(site, index_files)

    words = first_query_words(records)
    queries = make_queries(records, n_queries, random.Random(n))
    with serve(site) as server:
        warm_up(browser, server, words.values())
        first = {}
        for kind, word in words.items():
            first[kind] = measure_first_query(browser, server, word, kind, n)
        keys = measure_keystrokes(browser, server, queries, n)

    figures = {"index_build_s": round(seconds, 3), "index_build_cpu_s": round(min(c for _, c in times), 3),
               "gids_build_s": round(build_seconds, 1), "sizes": sizes,
               "first_query": first, "keystrokes": keys}
    return label, figures


# ---- project and site ---------------------------------------------------------------------------

def make_project(base: Path, count: int | None) -> Path:
    """A copy of this project; with `count`, its records replaced by synthetic ones."""
    return copy_project(base, count)


def build_site(project: Path, target: Path) -> tuple[Path, float]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--zonder-pdf", "-d", str(target)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"gids build failed:\n{result.stderr[-3000:]}")
    return target, time.perf_counter() - started


def time_index_build(records, vocab, runs: int = 3) -> tuple[list[tuple[float, float]], dict[str, str]]:
    """(wall s, CPU s) of `runs` build_indexes calls, each with the word caches of the generator empty
    (as in a fresh `gids build`). CPU time is less disturbed by other processes than wall time."""
    times = []
    for _ in range(runs):
        for module in (search, lunr_nl):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
        wall, cpu = time.perf_counter(), time.process_time()
        files = search.build_indexes(records, vocab)
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return times, files


# ---- file sizes ---------------------------------------------------------------------------------

def print_sizes(site: Path, index_files: dict[str, str]) -> dict:
    """Sizes of the built site's files (the timed build_indexes output names the index files)."""
    print(f"{'file':<34} {'raw KiB':>10} {'gzip KiB':>10}")
    sizes = {}
    changed = []
    for path in sorted(index_files) + ["zoeken/catalogus.json"]:
        data = (site / path).read_bytes()  # what the browser fetches
        if path in index_files and data != index_files[path].encode():
            changed.append(path)
        raw, packed = len(data), len(gzip.compress(data, 6))
        sizes[path] = {"raw": raw, "gzip": packed}
        print(f"{path:<34} {raw / KIB:>10.1f} {packed / KIB:>10.1f}")
    cards = sorted((site / "zoeken" / "kaarten").glob("*.json"))
    if cards:
        raw = [len(p.read_bytes()) for p in cards]
        packed = [len(gzip.compress(p.read_bytes(), 6)) for p in cards]
        print(f"{f'zoeken/kaarten/*.json (mean of {len(cards)})':<34} "
              f"{statistics.mean(raw) / KIB:>10.2f} {statistics.mean(packed) / KIB:>10.2f}")
        sizes["zoeken/kaarten/* mean"] = {"raw": round(statistics.mean(raw)), "gzip": round(statistics.mean(packed))}
    material = site / "search" / "search_index.json"
    if material.exists():
        data = material.read_bytes()
        print(f"{'(search/search_index.json, Material)':<34} {len(data) / KIB:>10.1f} {len(gzip.compress(data, 6)) / KIB:>10.1f}")
    if changed:
        print(f"  NOTE: the site's {', '.join(changed)} differ from the timed build_indexes output: "
              "generator code changed during this run?")
    return sizes


# ---- the gzipping server ------------------------------------------------------------------------

class GzipServer(ThreadingHTTPServer):
    """Serves a built site, gzipping text as a web host would; logs (epoch ms, path, bytes sent, raw bytes)."""

    daemon_threads = True

    def __init__(self, site: Path):
        super().__init__(("127.0.0.1", 0), _GzipHandler)
        self.site = site
        self.log: list[tuple[float, str, int, int]] = []
        self._bodies: dict[Path, tuple[bytes, int, bool]] = {}
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def body(self, file: Path) -> tuple[bytes, int, bool]:
        """(body, raw size, gzipped?), compressed once per file like a host's static cache."""
        with self._lock:
            if file not in self._bodies:
                data = file.read_bytes()
                packed = file.suffix in GZIP_TYPES
                self._bodies[file] = (gzip.compress(data, 6) if packed else data, len(data), packed)
            return self._bodies[file]


class _GzipHandler(SimpleHTTPRequestHandler):
    server: GzipServer

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        file = (self.server.site / path.lstrip("/")).resolve()
        if file.is_dir():
            file = file / "index.html"
        if self.server.site.resolve() not in file.parents or not file.is_file():
            self.send_error(404)
            return
        body, raw, packed = self.server.body(file)
        self.send_response(200)
        self.send_header("Content-Type", content_type(file))
        if packed:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # stamped when handed to the socket: on localhost the body arrives within a few ms, and a
        # stamp taken after writing could trail the page's own clock by a thread switch
        self.server.log.append((time.time() * 1000, path, len(body), raw))
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, *args) -> None:
        pass


def content_type(file: Path) -> str:
    if file.suffix == ".woff2":
        return "font/woff2"
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    textual = kind.startswith("text/") or kind in ("application/json", "application/javascript")
    return kind + "; charset=utf-8" if textual else kind


@contextmanager
def serve(site: Path):
    server = GzipServer(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# ---- first query: bytes before the first result ------------------------------------------------

def first_query_words(records) -> dict[str, str]:
    """A frequent title word, and a frequent summary word found in no title or place."""
    titles = [f"{r.titel} {r.plaats}".lower() for r in records]
    title_words = frequent_words(r.titel for r in records)
    summary_words = frequent_words(r.samenvatting for r in records)
    only_summary = [w for w in summary_words if not any(w in t for t in titles)]
    return {"titelwoord": title_words[0], "alleen in samenvatting": only_summary[0]}


def frequent_words(texts) -> list[str]:
    """Words of 5+ letters that are no stop words, most frequent first (by number of texts)."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in set(words_of(text)):
            if len(word) >= 5:
                counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))


def words_of(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in lunr_nl.STOP_WORDS]


def warm_up(browser, server: GzipServer, words) -> None:
    """One unmeasured visit per query, so the server has gzipped what the page fetches (a host's cache)."""
    for word in words:
        context = browser.new_context()
        context.new_page().goto(f"{server.url}{CATALOGUE_PAGE}?zoek={word}", wait_until="networkidle", timeout=300_000)
        context.close()


SEARCH_SCRIPTS = {"lunr.min.js", "lunr.stemmer.support.min.js", "lunr.nl.min.js", "zoekindex.js", "catalogus-logica.js",
                  "planner.js", "catalogus.js"}


def measure_first_query(browser, server: GzipServer, word: str, kind: str, n: int) -> dict:
    # the bench reads its figures with evaluated code
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.add_init_script(PAGE_PROBE)
    page = context.new_page()
    start = len(server.log)
    page.goto(f"{server.url}{CATALOGUE_PAGE}?zoek={word}", wait_until="commit")
    page.wait_for_function("window.__bench && window.__bench.eerste !== null", timeout=300_000)
    first = page.evaluate("window.__bench.eerste")
    page.wait_for_load_state("networkidle", timeout=300_000)
    page.wait_for_timeout(500)
    laad = page.evaluate("window.__bench.laad")
    timing = page.evaluate(RESOURCE_TIMING)
    context.close()

    log = server.log[start:]
    before = [entry for entry in log if entry[0] <= first["epoch"]]  # sending had started
    sent = sum(entry[2] for entry in before)
    total = sum(entry[2] for entry in log)
    complete = [e for e in timing if e["end"] <= first["ms"]]
    arriving = [e for e in timing if e["start"] <= first["ms"] < e["end"]]
    ok = sent <= TARGET_FIRST_QUERY[1]
    print(f"\nfirst query ?zoek={word} ({kind}): first card after {first['ms']:.0f} ms")
    print(f"  sent (or being sent) before it, server count: {len(before)} responses, {sent / KIB:.1f} KiB "
          f"({sum(e[3] for e in before) / KIB:.1f} KiB unpacked)   "
          f"{target_note(ok, n, TARGET_FIRST_QUERY[0], '<= 175 KiB')}")
    for _, path, packed, raw in sorted(before, key=lambda e: -e[2])[:6]:
        print(f"    {packed / KIB:8.1f} KiB  ({raw / KIB:8.1f} KiB unpacked)  {path}")
    cards = [e for e in before if "/kaarten/" in e[1]]
    if cards:
        print(f"    {sum(e[2] for e in cards) / KIB:8.1f} KiB  in {len(cards)} cards zoeken/kaarten/*.json")
    arriving.sort(key=lambda e: -e["bytes"])
    print(f"  the page's Resource Timing: complete at that moment {len(complete)} responses, "
          f"{sum(e['bytes'] for e in complete) / KIB:.1f} KiB; requested but not complete {len(arriving)}, "
          f"{sum(e['bytes'] for e in arriving) / KIB:.1f} KiB"
          + (" (largest: " + ", ".join(f"{e['path']} {e['bytes'] / KIB:.1f} KiB" for e in arriving[:3]) + ")"
             if arriving else ""))
    # Like for like with Pagefind's figure, which counts the search's own fetches, not the page around it.
    search = [e for e in before if e[1].startswith("/zoeken/") or e[1].split("/")[-1] in SEARCH_SCRIPTS]
    search_bytes = sum(e[2] for e in search)
    print(f"  of which the search's own fetches (zoeken/*, lunr, lunr.nl, zoekindex.js, catalogus*.js, planner.js): "
          f"{len(search)} responses, {search_bytes / KIB:.1f} KiB   "
          f"{target_note(search_bytes <= TARGET_FIRST_QUERY[1], n, TARGET_FIRST_QUERY[0], '<= 175 KiB, as Pagefind')}")
    print(f"  the rest is the page itself (HTML, Material's CSS and JS, fonts): {(sent - search_bytes) / KIB:.1f} KiB")
    print(f"  up to network idle: {len(log)} responses, {total / KIB:.1f} KiB sent; after the first card: "
          + ", ".join(f"{e[1]} {e[2] / KIB:.1f} KiB" for e in sorted(log[len(before):], key=lambda e: -e[2])[:3]))
    if laad:
        print("  lunr index load in the page (gidsZoekindex.laad): "
              + ", ".join(f"{item['ms']:.0f} ms" for item in laad))
    return {"word": word, "first_card_ms": round(first["ms"]), "responses": len(before), "bytes": sent,
            "search_bytes": search_bytes,
            "bytes_to_idle": total, "laad_ms": [round(item["ms"]) for item in laad]}


# ---- keystrokes ---------------------------------------------------------------------------------

def make_queries(records, count: int, rng: random.Random) -> list[str]:
    """`count` queries from the records' words, cycling through QUERY_KINDS."""
    queries = []
    while len(queries) < count:
        kind = QUERY_KINDS[len(queries) % len(QUERY_KINDS)]
        record = rng.choice(records)
        title, summary, story = (long_words(t) for t in (record.titel, record.samenvatting, record.verhaal))
        if not (title and summary and story):
            continue
        queries.append(_query(kind, rng, title, summary, story, record.plaats))
    return queries


def _query(kind: str, rng: random.Random, title: list[str], summary: list[str], story: list[str], plaats: str) -> str:
    """One query of a kind, from a record's long words (the random draws in the same order as ever)."""
    pick = rng.choice
    return {
        "titel": lambda: pick(title),
        "samenvatting": lambda: pick(summary),
        "verhaal": lambda: pick(story),
        "twee": lambda: f"{pick(title)} {pick(summary)}",
        "drie": lambda: f"{pick(title)} {pick(summary)} {pick(story)}",
        "plaats": lambda: f"{pick(title)} {plaats.split(',')[0].lower()}",
        "deel": lambda: pick(title + summary)[:rng.randint(3, 5)],
        "woord+deel": lambda: f"{pick(title)} {pick(summary)[:rng.randint(3, 6)]}",
        "typfout": lambda: typo(pick([w for w in summary + story if len(w) >= 7] or summary), rng),
    }[kind]()


def long_words(text: str) -> list[str]:
    return [w for w in words_of(text) if len(w) >= 4]


def typo(word: str, rng: random.Random) -> str:
    """The word with one letter left out (not the first two)."""
    i = rng.randrange(2, len(word))
    return word[:i] + word[i + 1:]


def measure_keystrokes(browser, server: GzipServer, queries: list[str], n: int) -> dict:
    # the bench reads its figures with evaluated code
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.add_init_script(PAGE_PROBE)
    page = context.new_page()
    page.goto(server.url + CATALOGUE_PAGE, wait_until="networkidle", timeout=300_000)
    index_files = len([p for p in search.FILES])
    try:
        page.wait_for_function(f"window.__bench.laad.length >= {index_files}", timeout=60_000)
    except Exception:
        print("  (the indexes' loading was not seen; measuring after network idle)")
    box = page.locator(SEARCH_BOX)
    for query in queries:
        page.evaluate("window.__bench.meten = 'leeg'")
        box.fill("")  # one input event: the empty box lists every record
        box.focus()
        page.evaluate("window.__bench.meten = 'toets'")
        page.keyboard.type(query)
    page.evaluate("window.__bench.meten = ''")
    measured = page.evaluate("window.__bench.toetsen")
    history = page.evaluate(HISTORY_COST)
    try:
        replay = page.evaluate(SEARCH_REPLAY, [[server.url + path for path in search.FILES], queries])
    except Exception as exc:  # zoekindex.js changed its interface
        replay = None
        print(f"  (replaying gidsZoekindex.zoek failed: {str(exc)[:200]})")
    context.close()
    keys = [k for k in measured if k["soort"] == "toets"]
    emptied = sorted(k["totaal"] for k in measured if k["soort"] == "leeg" and k["q"] == "")

    total = sorted(k["totaal"] for k in keys)
    handler = sorted(k["handler"] for k in keys)
    slow = [k for k in keys if k["totaal"] > 16]
    worst = max(keys, key=lambda k: k["totaal"])
    print(f"\nkeystrokes: {len(keys)} in {len(queries)} queries typed key by key "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"  input event -> results rendered (handler + layout): median {statistics.median(total):.1f} ms, "
          f"p95 {percentile(total, 95):.1f} ms, worst {worst['totaal']:.1f} ms (\"{worst['q']}\")   "
          f"{target_note(percentile(total, 95) <= TARGET_KEYSTROKE[1], n, TARGET_KEYSTROKE[0], 'p95 <= 16 ms')}")
    print(f"  handler alone: median {statistics.median(handler):.1f} ms, worst {handler[-1]:.1f} ms")
    print(f"  over 16 ms: {len(slow)} of {len(keys)} keystrokes")
    for k in sorted(keys, key=lambda k: -k["totaal"])[:5]:
        print(f"    {k['totaal']:7.1f} ms  \"{k['q']}\"")
    if replay:
        lunr = sorted(replay)
        print(f"  of which lunr search (gidsZoekindex.zoek replayed on the same keystrokes, fresh indexes): "
              f"median {statistics.median(lunr):.2f} ms, p95 {percentile(lunr, 95):.2f} ms, worst {lunr[-1]:.1f} ms")
        if len(replay) == len(keys):
            rest = sorted(k["totaal"] - t for k, t in zip(keys, replay, strict=True))
            print(f"  the rest (counts, sorting, cards, layout), per keystroke: median {statistics.median(rest):.1f} ms, "
                  f"p95 {percentile(rest, 95):.1f} ms")
    print(f"  history.replaceState on this page ({history['controls']} form controls; catalogus.js updates the URL "
          f"on keystrokes): median {history['median']:.2f} ms")
    if emptied:
        print(f"  emptying the box (all {n} records listed): median {statistics.median(emptied):.1f} ms, "
              f"worst {emptied[-1]:.1f} ms ({len(emptied)} times)")
    print("  queries: " + " | ".join(queries))
    return {"keystrokes": len(keys), "median_ms": round(statistics.median(total), 2),
            "p95_ms": round(percentile(total, 95), 2), "worst_ms": round(worst["totaal"], 2),
            "worst_query": worst["q"], "over_16ms": len(slow),
            "empty_box_median_ms": round(statistics.median(emptied), 2) if emptied else None,
            "lunr_median_ms": round(statistics.median(replay), 2) if replay else None,
            "replace_state_median_ms": round(history["median"], 2), "form_controls": history["controls"]}


def percentile(sorted_values: list[float], p: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, round(p / 100 * (len(sorted_values) - 1)))]


def target_note(met: bool, n: int, target_n: int, target: str) -> str:
    verdict = ("met" if met else "MISSED") if n == target_n else ("would be met" if met else "over")
    return f"[target {target} at {target_n:,} records: {verdict}]"


if __name__ == "__main__":
    main(sys.argv[1:])
