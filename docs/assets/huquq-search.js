// huquq site search: a small interface over Pagefind (pagefind/pagefind.js, built by `huquq site`).
// Nothing is loaded until the search box is used; every file comes from this site.
(function () {
  "use strict";
  var root = document.getElementById("huquq-search");
  if (!root) return;
  var script = document.currentScript || document.querySelector("script[src*='huquq-search.js']");
  var siteRoot = new URL("../", script.src);
  var input = root.querySelector("input[type=search]");
  var filtersBox = root.querySelector(".huquq-search-filters");
  var status = root.querySelector(".huquq-search-status");
  var list = root.querySelector(".huquq-search-results");
  var pagefind = null;
  var selected = {};
  var latest = 0;

  // Tajik typed on a Russian keyboard has no ҳ ҷ қ ғ ӣ ӯ: pages carry their Tajik words folded the
  // same way, so a query with or without the Tajik letters finds them.
  var FOLD = { "ҳ": "х", "ҷ": "ч", "қ": "к", "ғ": "г", "ӣ": "и", "ӯ": "у", "ё": "е" };
  // Pagefind matches the start of words, and its stemming is English only: cutting the usual
  // Russian and Tajik endings off a word lets "задержания" find "задержание" and "задержанию".
  var ENDING = /(иями|ями|ами|остью|остей|ости|ость|ого|его|ому|ему|ыми|ими|ией|ий|ия|ие|ью|ья|ов|ев|ей|ам|ям|ах|ях|ом|ем|ую|ая|яя|ое|ее|ые|ый|ой|ых|их|хои|хо|ро|он|а|я|о|е|ы|и|у|ю|ь|й)$/;
  function stem(word) {
    if (!/[а-я]/.test(word)) return word;
    var cut = word.replace(ENDING, "");
    return cut.length >= 4 ? cut : word;
  }
  // Words in nearly every page ("of", "и", "ва") are left out of a query: each would fetch a large
  // part of the index (94 KB for "of" at 5,000 provisions) and narrow nothing. (ё is folded to е.)
  var STOP = {};
  ("a an and are as at be by for from has have in is it its of on or that the to was were with " +
   "а в во да для до за и из или к как ко на не но о об от по с со у что " +
   "аз ба барои бо ва дар е ин ки он то").split(" ").forEach(function (w) { STOP[w] = true; });
  function fold(text) {
    var words = text.toLowerCase().replace(/[ҳҷқғӣӯё]/g, function (c) { return FOLD[c]; })
      .split(/\s+/).filter(Boolean);
    var kept = words.filter(function (w) { return !STOP[w]; });
    return (kept.length ? kept : words).map(stem).join(" ");
  }

  function load() {
    if (pagefind) return pagefind;
    pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
      // No Web Worker: it would be one more script to fetch (41 KB) before the first results, and on a
      // slow line Pagefind gives up waiting for it after 5 s and searches in the page anyway.
      return pf.options({ baseUrl: siteRoot.pathname, excerptLength: 24, noWorker: true })
        .then(function () { return pf; });
    });
    return pagefind;
  }

  // Filters are loaded when the reader opens them, not with the first search.
  filtersBox.addEventListener("toggle", function () {
    if (!filtersBox.open || filtersBox.dataset.loaded) return;
    filtersBox.dataset.loaded = "yes";
    load().then(function (pf) { return pf.filters(); }).then(showFilters);
  });

  function showFilters(filters) {
    Object.keys(filters).sort().forEach(function (name) {
      var label = document.createElement("label");
      label.textContent = name + " ";
      var select = document.createElement("select");
      select.name = name;
      select.add(new Option("any", ""));
      Object.keys(filters[name]).sort().forEach(function (value) {
        select.add(new Option(value + " (" + filters[name][value] + ")", value));
      });
      select.addEventListener("change", function () {
        if (select.value) selected[name] = select.value; else delete selected[name];
        run();
      });
      label.appendChild(select);
      filtersBox.appendChild(label);
    });
  }

  // The excerpt is HTML with <mark> around matched words: keep the marks and the text, nothing else.
  function excerptNode(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var p = document.createElement("p");
    Array.prototype.forEach.call(parsed ? parsed.childNodes : [], function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  // Pages end with words for the search only (folded Tajik, topic words), after the marker word
  // "huquqextra". An excerpt is taken from the words before it, and the visible words that fold to the
  // start of a query word are marked too ("қадр" when "кадр" was typed and matched the hidden copy).
  var MARKER = "huquqextra";
  var EXCERPT = 24;
  function excerptFor(page, query) {
    var words = (page.content || "").split(/[\r\n\s]+/g);
    var end = words.indexOf(MARKER);
    if (end < 0) return excerptNode(page.excerpt);
    var marked = {};
    (page.locations || []).forEach(function (at) { if (at < end) marked[at] = true; });
    var wanted = query.split(" ").filter(function (w) { return w.length >= 3; });
    words.slice(0, end).forEach(function (word, at) {
      var folded = fold(word.replace(/[^\w\u0400-\u04ff-]/g, ""));
      if (wanted.some(function (w) { return folded && folded.indexOf(w) === 0; })) marked[at] = true;
    });
    var first = Math.min.apply(null, Object.keys(marked).map(Number).concat([end]));
    var start = Math.max(0, Math.min(first === end ? 0 : first - 4, end - EXCERPT));
    var p = document.createElement("p");
    words.slice(start, Math.min(end, start + EXCERPT)).forEach(function (word, i) {
      if (i) p.appendChild(document.createTextNode(" "));
      if (marked[start + i]) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(word));
      }
    });
    return p;
  }

  var PAGE = 5;  // results fetched at a time: each is a small file, and phones are on slow networks
  var found = [];
  var shown = "";  // the (folded) query whose results are listed
  var more = root.querySelector(".huquq-search-more");

  function show(from, ticket, query) {
    return Promise.all(found.slice(from, from + PAGE).map(function (r) { return r.data(); }))
      .then(function (pages) {
        if (ticket !== latest) return;
        pages.forEach(function (page) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = page.url;
          link.textContent = page.meta.title || page.url;
          item.appendChild(link);
          item.appendChild(excerptFor(page, query));
          list.appendChild(item);
        });
        more.hidden = list.children.length >= found.length;
      });
  }

  function run() {
    var query = fold(input.value.trim());
    var ticket = ++latest;
    if (!query && !Object.keys(selected).length) {
      list.innerHTML = ""; status.textContent = ""; more.hidden = true; return;
    }
    status.textContent = "Searching…";
    load().then(function (pf) {
      return pf.search(query || null, { filters: selected });
    }).then(function (search) {
      if (ticket !== latest) return null;
      found = search.results;
      status.textContent = found.length + " result(s)";
      list.innerHTML = "";
      shown = query;
      return show(0, ticket, query);
    }).catch(function (error) {
      status.textContent = "Search is not available here (" + error.message + "). Open the site through " +
        "a web server, e.g. `huquq serve`, not as files.";
    });
  }

  more.addEventListener("click", function () { show(list.children.length, latest, shown); });

  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  input.addEventListener("focus", load, { once: true });
  root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); run(); });
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) { input.value = asked; run(); }
})();
