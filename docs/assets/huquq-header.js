// A search button in the header of every page, leading to the Search page (Pagefind). Material's own
// search is switched off (mkdocs.yml), and with it the header's search box.
(function () {
  "use strict";
  var script = document.currentScript;
  var inner = document.querySelector(".md-header__inner");
  if (!script || !inner || inner.querySelector(".huquq-header-search")) return;
  var link = document.createElement("a");
  link.className = "md-header__button md-icon huquq-header-search";
  link.href = new URL("../find/", script.src).href;
  link.title = "Search";
  link.setAttribute("aria-label", "Search");
  link.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 ' +
    '6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 ' +
    '6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  inner.appendChild(link);
})();
