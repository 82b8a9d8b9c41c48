/* Tables that read well at every width.
 * - A date, a number or a code ("12-11-2026", "VW-MLRAU8", "14:05:33") in a table cell is kept
 *   on one line: Chrome breaks "12-11-|2026" after a hyphen, also in running text that comes
 *   from the server. Each such token gets a nowrap span; the words around it still wrap.
 * - A table wider than the screen scrolls sideways in its .oi-table-wrap. Keyboard users can
 *   only scroll what they can focus (WCAG 2.1.1), so a wrapper that actually overflows becomes
 *   a focusable, labelled region; one that fits stays out of the tab order. */
(function () {
  "use strict";
  var HEEL = /\S*\d\S*/g;
  var BREEKBAAR = /[-\u2010\u2013\/.:,]/;
  function heelHouden(root) {
    root.querySelectorAll("td, th").forEach(function (cel) {
      var walker = document.createTreeWalker(cel, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var ouder = node.parentElement;
        if (!ouder || ouder.classList.contains("oi-heel")) return;
        var tekst = node.textContent;
        HEEL.lastIndex = 0;
        if (!/\d/.test(tekst)) return;
        var frag = document.createDocumentFragment();
        var vanaf = 0;
        var m;
        var gewijzigd = false;
        while ((m = HEEL.exec(tekst))) {
          if (!BREEKBAAR.test(m[0])) continue;
          frag.appendChild(document.createTextNode(tekst.slice(vanaf, m.index)));
          var span = document.createElement("span");
          span.className = "oi-heel";
          span.textContent = m[0];
          frag.appendChild(span);
          vanaf = m.index + m[0].length;
          gewijzigd = true;
        }
        if (!gewijzigd) return;
        frag.appendChild(document.createTextNode(tekst.slice(vanaf)));
        ouder.replaceChild(frag, node);
      });
    });
  }
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
  document.addEventListener("DOMContentLoaded", function () {
    heelHouden(document);
    bijwerken();
  });
  window.addEventListener("resize", bijwerken);
  document.addEventListener("htmx:afterSettle", function (event) {
    heelHouden(event.target);
    bijwerken();
  });
})();
