// The site's interface language: Tajik, Russian or English, chosen once and kept in the browser.
// Every label is in the page in the three languages (generator/site/l10n.py); the stylesheet shows the
// one of <html data-ui>, which the page's head sets before drawing (overrides/main.html). This script
// adds the switch to the header, puts the chosen language into attributes and the window's title, opens
// each text on the tab of that language, and makes the "Cite this" copy buttons work.
(function () {
  "use strict";
  var LANGS = ["tg", "ru", "en"];
  var root = document.documentElement;
  var ui = JSON.parse((document.getElementById("huquq-ui") || {}).textContent || "{}");
  var script = document.currentScript;

  function current() { return root.getAttribute("data-ui") || "ru"; }

  function pick(texts, lang) {
    return texts[lang] || texts.ru || texts.en || texts.tg || "";
  }

  function apply(lang) {
    root.setAttribute("data-ui", lang);
    root.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-l10n-attrs]"), function (el) {
      var versions = JSON.parse(el.getAttribute("data-l10n-attrs"));
      Object.keys(versions).forEach(function (name) { el.setAttribute(name, pick(versions[name], lang)); });
    });
    var title = document.querySelector("title[data-l10n]");
    if (title) document.title = pick(JSON.parse(title.getAttribute("data-l10n")), lang);
    // Each text opens on the reader's language where the record has it, else on the language that reader
    // reads next (Russian for a Tajik reader).
    var order = { tg: ["tg", "ru", "en"], ru: ["ru", "en", "tg"], en: ["en", "ru", "tg"] }[lang];
    Array.prototype.forEach.call(document.querySelectorAll(".huquq-langtabs"), function (set) {
      for (var i = 0; i < order.length; i++) {
        var input = set.querySelector('input[data-lang="' + order[i] + '"]');
        if (input) { input.checked = true; break; }
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".huquq-lang button"), function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === lang));
    });
    document.dispatchEvent(new CustomEvent("huquq:language", { detail: lang }));
  }

  function choose(lang) {
    try { localStorage.setItem("huquq.lang", lang); } catch (e) { /* private mode: kept for this page only */ }
    apply(lang);
  }

  function header() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".huquq-lang")) return;
    // The search button: Material's own search is off; the site has its own Search page.
    var link = document.createElement("a");
    link.className = "md-header__button md-icon huquq-header-search";
    link.href = new URL("../find/", script.src).href + (location.protocol === "file:" ? "index.html" : "");
    link.setAttribute("data-l10n-attrs", JSON.stringify({ "title": ui.search, "aria-label": ui.search }));
    link.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 ' +
      '6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 ' +
      '6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    inner.appendChild(link);
    var group = document.createElement("div");
    group.className = "huquq-lang";
    group.setAttribute("role", "group");
    group.setAttribute("data-l10n-attrs", JSON.stringify({ "aria-label": ui.language }));
    LANGS.forEach(function (lang) {
      var button = document.createElement("button");
      button.type = "button";
      button.lang = lang;
      button.setAttribute("data-lang", lang);
      button.textContent = ui.short[lang];
      button.title = ui.names[lang];
      button.addEventListener("click", function () { choose(lang); });
      group.appendChild(button);
    });
    inner.appendChild(group);
  }

  function copyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll(".huquq-copy"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var lang = current();
        var text = button.parentNode.querySelector('.huquq-cite-text[data-l="' + lang + '"]');
        var value = text ? text.textContent : "";
        var done = function () {
          var copied = JSON.parse(button.getAttribute("data-copied"));
          button.setAttribute("data-label", button.innerHTML);
          button.textContent = pick(copied, lang);
          setTimeout(function () { button.innerHTML = button.getAttribute("data-label"); }, 1600);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(value).then(done, function () { select(text); });
        } else {
          select(text);  // pages opened as files: the citation is selected for Ctrl+C
        }
      });
    });
  }

  function select(element) {
    if (!element) return;
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  header();
  copyButtons();
  apply(current());
})();
