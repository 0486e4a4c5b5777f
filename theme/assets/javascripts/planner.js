/* Tasks for later, by name: planning a name again replaces its pending task (a debounce), and a
 * pending task can be cancelled or run at once. The catalogue page's one timer mechanism.
 *
 *   var planner = gidsPlanner(window);         // node: require(".../planner.js")(a fake clock)
 *   planner.plan("url", 250, fn);              // fn in 250 ms, unless "url" is planned again before
 *   planner.plan("tellingen", gidsPlanner.NA_VERF, fn);  // fn once the browser has painted the next frame
 *   planner.cancel("url");                     // true if a task was pending
 *   planner.runNow("url");                     // a pending task runs now (true), or nothing happens (false)
 *   planner.pending("url");
 *
 * clock: an object with setTimeout, clearTimeout, requestAnimationFrame and cancelAnimationFrame.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.gidsPlanner = factory();
})(this, function () {
  "use strict";

  // A frame's callbacks run before it is painted; a timeout set from one runs after.
  var NA_VERF = "na-verf";

  function gidsPlanner(clock) {
    var tasks = new Map();  // name -> {fn, frame, timer}

    function cancel(name) {
      var task = tasks.get(name);
      if (!task) return false;
      tasks.delete(name);
      if (task.frame !== null) clock.cancelAnimationFrame(task.frame);
      if (task.timer !== null) clock.clearTimeout(task.timer);
      return true;
    }

    function plan(name, delay, fn) {
      cancel(name);
      var task = { fn: fn, frame: null, timer: null };
      tasks.set(name, task);
      var fire = function () {
        task.timer = null;
        if (tasks.get(name) !== task) return;  // replaced or cancelled meanwhile
        tasks.delete(name);  // no longer pending while it runs: fn may plan its name again
        fn();
      };
      if (delay === NA_VERF) {
        task.frame = clock.requestAnimationFrame(function () {
          task.frame = null;
          task.timer = clock.setTimeout(fire, 0);
        });
      } else {
        task.timer = clock.setTimeout(fire, delay);
      }
    }

    function runNow(name) {
      var task = tasks.get(name);
      if (!task) return false;
      cancel(name);
      task.fn();
      return true;
    }

    function pending(name) {
      return tasks.has(name);
    }

    return { plan: plan, cancel: cancel, runNow: runNow, pending: pending };
  }

  gidsPlanner.NA_VERF = NA_VERF;
  return gidsPlanner;
});
