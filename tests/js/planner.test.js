// theme/assets/javascripts/planner.js in node, on a clock the test turns by hand.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const gidsPlanner = require(path.join(__dirname, "..", "..", "theme", "assets", "javascripts", "planner.js"));
const NA_VERF = gidsPlanner.NA_VERF;

// Timeouts and animation frames that run only when the test says so: tick(ms) and frame().
function fakeClock() {
  let now = 0, next = 1;
  const timers = new Map(), frames = new Map();
  return {
    timers, frames,
    setTimeout(fn, ms) { timers.set(next, { fn, at: now + (ms || 0) }); return next++; },
    clearTimeout(id) { timers.delete(id); },
    requestAnimationFrame(fn) { frames.set(next, fn); return next++; },
    cancelAnimationFrame(id) { frames.delete(id); },
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    frame() {
      const current = [...frames];
      frames.clear();
      current.forEach(([, fn]) => fn());
    },
  };
}

test("a task runs once, after its delay", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  planner.plan("url", 250, () => ran.push("url"));
  assert.equal(planner.pending("url"), true);
  clock.tick(249);
  assert.deepEqual(ran, []);
  clock.tick(1);
  assert.deepEqual(ran, ["url"]);
  assert.equal(planner.pending("url"), false);
  clock.tick(10000);
  assert.deepEqual(ran, ["url"]);
});

test("planning a name again replaces its task and restarts the delay (debounce)", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  planner.plan("url", 250, () => ran.push("eerste"));
  clock.tick(200);
  planner.plan("url", 250, () => ran.push("tweede"));
  clock.tick(200);
  assert.deepEqual(ran, []);
  clock.tick(50);
  assert.deepEqual(ran, ["tweede"]);
  assert.equal(clock.timers.size, 0);  // the replaced timeout was cleared, not left to fire
});

test("names are independent", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  planner.plan("url", 250, () => ran.push("url"));
  planner.plan("pauze", 1000, () => ran.push("pauze"));
  clock.tick(250);
  planner.plan("url", 250, () => ran.push("url"));  // does not move "pauze"
  clock.tick(750);
  assert.deepEqual(ran, ["url", "url", "pauze"]);
});

test("cancel: the task does not run; true only if one was pending", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  planner.plan("url", 250, () => ran.push("url"));
  assert.equal(planner.cancel("url"), true);
  assert.equal(planner.cancel("url"), false);
  assert.equal(planner.cancel("nooit"), false);
  clock.tick(1000);
  assert.deepEqual(ran, []);
  assert.equal(clock.timers.size, 0);
});

test("runNow: a pending task runs at once and not again; nothing pending, nothing runs", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  planner.plan("url", 250, () => ran.push("url"));
  assert.equal(planner.runNow("url"), true);
  assert.deepEqual(ran, ["url"]);
  assert.equal(planner.pending("url"), false);
  assert.equal(planner.runNow("url"), false);
  clock.tick(1000);
  assert.deepEqual(ran, ["url"]);
});

test("NA_VERF: after the next frame, in a timeout of its own (once the frame is painted)", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  planner.plan("tellingen", NA_VERF, () => ran.push("tellingen"));
  clock.tick(1000);
  assert.deepEqual(ran, []);  // no frame yet (a hidden tab paints none)
  clock.frame();
  assert.deepEqual(ran, []);  // not in the frame's callbacks, which run before painting
  assert.equal(planner.pending("tellingen"), true);
  clock.tick(0);
  assert.deepEqual(ran, ["tellingen"]);
});

test("NA_VERF: replaced or cancelled before the frame, or between frame and timeout", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  planner.plan("verhalen", NA_VERF, () => ran.push(1));
  planner.plan("verhalen", NA_VERF, () => ran.push(2));
  assert.equal(clock.frames.size, 1);
  clock.frame();
  planner.plan("verhalen", NA_VERF, () => ran.push(3));  // after the frame, before its timeout
  clock.tick(0);
  assert.deepEqual(ran, []);
  clock.frame();
  assert.equal(planner.cancel("verhalen"), true);
  clock.tick(0);
  clock.frame();
  assert.deepEqual(ran, []);
  assert.equal(clock.timers.size + clock.frames.size, 0);
});

test("a task that plans its own name again (pending is false while it runs)", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  const again = () => {
    ran.push(planner.pending("lus"));
    if (ran.length < 3) planner.plan("lus", 10, again);
  };
  planner.plan("lus", 10, again);
  clock.tick(100);
  assert.deepEqual(ran, [false, false, false]);
  assert.equal(planner.pending("lus"), false);
});

test("runNow from within another task, and a task that cancels another", () => {
  const clock = fakeClock(), planner = gidsPlanner(clock), ran = [];
  // the catalogue's pause: it writes the pending URL at once and ends
  planner.plan("url", 250, () => ran.push("url"));
  planner.plan("pauze", 100, () => { ran.push("pauze"); planner.runNow("url"); });
  clock.tick(100);
  assert.deepEqual(ran, ["pauze", "url"]);
  clock.tick(1000);
  assert.deepEqual(ran, ["pauze", "url"]);
  planner.plan("a", 10, () => planner.cancel("b"));
  planner.plan("b", 20, () => ran.push("b"));
  clock.tick(50);
  assert.deepEqual(ran, ["pauze", "url"]);
});

test("the typing rhythm: one URL write per pause in typing, the pause ends the step", () => {
  // catalogus.js: every key plans "url" (250 ms) and "pauze" (1000 ms); the pause runs "url" if pending.
  const clock = fakeClock(), planner = gidsPlanner(clock), writes = [];
  let typing = false;
  const writeUrl = (text) => () => { writes.push([typing ? "replace" : "push", text]); typing = true; };
  const stopTyping = () => { planner.cancel("pauze"); planner.runNow("url"); typing = false; };
  const key = (text) => { planner.plan("url", 250, writeUrl(text)); planner.plan("pauze", 1000, stopTyping); };
  key("t"); clock.tick(100); key("ta"); clock.tick(100); key("taa"); clock.tick(300);  // a short break: URL written
  key("taal"); clock.tick(100);
  stopTyping();  // a tick of a filter: the typed query is written first, as it is
  key("taal o"); clock.tick(1200);
  assert.deepEqual(writes, [["push", "taa"], ["replace", "taal"], ["push", "taal o"]]);
});

test("a clock's methods are called on the clock (window's need their this)", () => {
  const clock = fakeClock();
  const strict = {};
  for (const name of ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame"]) {
    strict[name] = function (...args) {
      assert.equal(this, strict, name);
      return clock[name](...args);
    };
  }
  const planner = gidsPlanner(strict), ran = [];
  planner.plan("a", 5, () => ran.push("a"));
  planner.plan("b", NA_VERF, () => ran.push("b"));
  planner.plan("c", NA_VERF, () => ran.push("c"));
  planner.cancel("c");
  planner.cancel("a");
  planner.plan("a", 5, () => ran.push("a"));
  clock.frame();
  clock.tick(10);
  assert.deepEqual(ran.sort(), ["a", "b"]);
});
