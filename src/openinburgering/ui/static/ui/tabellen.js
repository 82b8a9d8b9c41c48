/* A table wider than the screen scrolls sideways in its .oi-table-wrap. Keyboard users can
 * only scroll what they can focus (WCAG 2.1.1), so a wrapper that actually overflows becomes a
 * focusable, labelled region; one that fits stays out of the tab order. */
(function () {
  "use strict";
  function label(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    var el = wrap.previousElementSibling;
    while (el && !/^H[1-6]$/.test(el.tagName)) el = el.previousElementSibling;
    if (el) return el.textContent.trim();
    var kop = document.querySelector("h1");
    return kop ? kop.textContent.trim() : document.title;
  }
  function bijwerken() {
    document.querySelectorAll(".oi-table-wrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
      } else if (wrap.hasAttribute("role")) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", bijwerken);
  window.addEventListener("resize", bijwerken);
  document.addEventListener("htmx:afterSettle", bijwerken);
})();
