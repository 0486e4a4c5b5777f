/* Progressive enhancement on every page. */
(function () {
  "use strict";

  // Links that list practices statically (a theme, a province, ...) lead to the same selection
  // in the searchable catalogue when JavaScript runs.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-catalogus]"), function (a) {
    a.setAttribute("href", a.getAttribute("data-catalogus"));
  });

  // Material's menu button is a <label>: make it reachable and operable with the keyboard.
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  if (drawer && button) {
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Menu");
    var sync = function () { button.setAttribute("aria-expanded", String(drawer.checked)); };
    sync();
    drawer.addEventListener("change", sync);
    // Material already clicks a focused label on Enter; Space, as for any button, is ours.
    button.addEventListener("keydown", function (e) {
      if (e.key === " ") {
        e.preventDefault();
        button.click();
      }
    });
    // the drawer's checkbox is set by a click on the label, which fires no change event of its own
    button.addEventListener("click", function () { setTimeout(sync, 0); });
    document.querySelector("label.md-overlay").addEventListener("click", function () { setTimeout(sync, 0); });
  }
})();
