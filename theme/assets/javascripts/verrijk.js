/* Progressive enhancement on every page: links that list practices statically (a theme, a province, ...)
 * lead to the same selection in the searchable catalogue when JavaScript runs. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("a[data-catalogus]"), function (a) {
    a.setAttribute("href", a.getAttribute("data-catalogus"));
  });
})();
