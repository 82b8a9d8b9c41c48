/* Progressive enhancement for the grouped main navigation (ADR 0043).
 * Without this file the groups are plain <details> elements and work with mouse, keyboard and
 * screen readers. This only adds what people expect from a menu: one group open at a time,
 * Escape closes it and returns focus, and a click or Tab outside the group closes it. */
(function () {
  "use strict";
  function groepen() {
    return Array.prototype.slice.call(document.querySelectorAll("details[data-oi-navgroep]"));
  }
  function sluit(groep, focus) {
    if (!groep.open) return;
    groep.open = false;
    if (focus) groep.querySelector("summary").focus();
  }
  document.addEventListener("DOMContentLoaded", function () {
    groepen().forEach(function (groep) {
      groep.addEventListener("toggle", function () {
        if (!groep.open) return;
        groepen().forEach(function (ander) { if (ander !== groep) sluit(ander, false); });
      });
      groep.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && groep.open) {
          event.preventDefault();
          sluit(groep, true);
        }
      });
      groep.addEventListener("focusout", function (event) {
        if (event.relatedTarget && !groep.contains(event.relatedTarget)) sluit(groep, false);
      });
    });
    document.addEventListener("click", function (event) {
      groepen().forEach(function (groep) {
        if (!groep.contains(event.target)) sluit(groep, false);
      });
    });
  });
})();
