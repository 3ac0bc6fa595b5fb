// huquq site search: the Search page's box, filters and results. The ranking is the command line's, done by
// assets/huquq-engine.js over the files `huquq site` writes into search-index/. Nothing is loaded until the
// search box is used; every file comes from this site. Words of the page are in the reader's interface
// language (#huquq-search-labels, from templates/site/strings.yaml).
(function () {
  "use strict";
  var root = document.getElementById("huquq-search");
  if (!root) return;
  var script = document.currentScript || document.querySelector("script[src*='huquq-search.js']");
  var siteRoot = new URL("../", script.src);
  var labels = JSON.parse(document.getElementById("huquq-search-labels").textContent);
  var input = root.querySelector("input[type=search]");
  var form = root.querySelector("form");
  var filtersBox = root.querySelector(".huquq-search-filters");
  var filterList = root.querySelector(".huquq-filter-list");
  var status = root.querySelector(".huquq-search-status");
  var list = root.querySelector(".huquq-search-results");
  var more = root.querySelector(".huquq-search-more");
  var offline = location.protocol === "file:";
  var selected = {};
  var latest = 0;

  function lang() { return document.documentElement.getAttribute("data-ui") || "ru"; }
  function pick(texts) { var l = lang(); return (texts && (texts[l] || (l === "tg" && texts.ru) || texts.en || texts.ru || texts.tg)) || ""; }
  function say(key, count) { return pick(labels.strings[key]).replace("#", count === undefined ? "" : String(count)); }

  // --- words, roughly as the index has them: for marking them in excerpts -------------------------------
  // (The search itself looks each typed word up in the index's own tables: assets/huquq-engine.js.)
  // Tajik typed on a Russian keyboard has no ҳ ҷ қ ғ ӣ ӯ: folded, either spelling meets the other. The
  // folding, the Tajik endings and the -ize spelling are the engine's (assets/huquq-engine.js).
  var shared = window.HuquqEngine.internals;
  function fold(word) { return shared.fold(word.toLowerCase()); }
  var tajikStem = shared.tajikStem;
  // An excerpt's word is marked when it starts with a query word's stem: the usual Russian endings are cut,
  // so that "задержания" marks "задержание" and "задержанию".
  var RUSSIAN = /(иями|ями|ами|остью|остей|ости|ость|ого|его|ому|ему|ыми|ими|ией|ий|ия|ие|ью|ья|ов|ев|ей|ам|ям|ах|ях|ом|ем|ую|ая|яя|ое|ее|ые|ый|ой|ых|их|а|я|о|е|ы|у|ю|ь|й)$/;
  // The letters of each language, and those only one of the two Cyrillic languages has (kb.search._script):
  // they tell Russian from Tajik.
  var READER_LETTERS = { en: /[a-z]/i, ru: /[а-яё]/i, tg: /[а-яёҳҷқғӣӯ]/i };
  var RUSSIAN_ONLY = /[ыщць]/i, TAJIK_ONLY = /[ҳҷқғӣӯ]/i;
  var OWN_LETTERS = { en: /[a-z]/i, ru: RUSSIAN_ONLY, tg: TAJIK_ONLY };
  var OTHER_LETTERS = { en: /[а-яё]/i, ru: TAJIK_ONLY, tg: RUSSIAN_ONLY };
  // English words the command line's stemmer joins to a family ("detained", "detainee" with "detention";
  // kb/textnorm.py english_stem) are marked by one word of the family, after the American -ize is spelled
  // -ise as in the UN's texts.
  function englishWord(word) {
    var spelled = word.replace(shared.IZE, "$1is$2");
    var own = Object.prototype.hasOwnProperty;  // "constructor" is a word, not a property of every object
    return (own.call(labels.english, word) && labels.english[word]) ||
           (own.call(labels.english, spelled) && labels.english[spelled]) || spelled;
  }
  function stem(word) {
    if (!READER_LETTERS.tg.test(word)) return /^[a-z]+$/.test(word) ? englishWord(word) : word;
    var folded = fold(word);
    var tajik = TAJIK_ONLY.test(word), russian = RUSSIAN_ONLY.test(word);
    if (!russian) folded = tajikStem(folded);
    if (!tajik) { var cut = folded.replace(RUSSIAN, ""); if (cut.length >= 4) folded = cut; }
    return folded;
  }
  // Words in nearly every page ("of", "без", "ва") are left out of a query, as the command line's index
  // leaves them out (kb/textnorm.py STOP, folded): they are neither searched nor marked. Tajik light verbs
  // are among them (эътироф кардан: the meaning is in the noun).
  var STOP = Object.create(null);
  labels.stop.forEach(function (w) { STOP[w] = true; });
  function queryWords(text) {
    // Punctuation around a word ("протокола?", "detention,") is not part of it: stemmed with it, the word
    // would keep its ending.
    var words = text.toLowerCase().split(/\s+/).map(function (w) {
      return w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    }).filter(Boolean);
    var kept = words.filter(function (w) { return !STOP[fold(w)]; });
    return (kept.length ? kept : words).map(stem).join(" ");
  }

  // A verb is stemmed into its noun's family ("избили" with "избиение", "мурд" with "марг":
  // kb.textnorm's families): the index words the engine finds for the query's Russian and Tajik words are
  // marked too, as the command line marks them. Short stems are left out: "изб" would mark "избрание".
  var SHORTEST = { ru: 5, tg: 4 };
  function familyWords(text) {
    var langs = shared.SCRIPT_LANGS[shared.script(text)].filter(function (l) { return SHORTEST[l]; });
    if (!langs.length) return Promise.resolve([]);
    return load().tokens(text, langs).then(function (tokens) {
      var words = [];
      tokens.forEach(function (token) {
        langs.forEach(function (l) {
          ((token && token[l]) || []).forEach(function (w) { if (w.length >= SHORTEST[l]) words.push(w); });
        });
      });
      return words;
    }, function () { return []; });
  }

  // --- citations: the rules of kb/citations.py --------------------------------------------------------
  var UNIT = Object.create(null);
  ("art arts article articles para paras paragraph paragraphs principle principles guideline no of the " +
   "ст ст. статья статьи статье статьей статью статей п пункт пункта параграф принцип часть ч " +
   "модда моддаи м банд банди б и ум").split(" ").forEach(function (w) { UNIT[w] = true; });
  var NUMBER = /(?:^|[^\w-])(\d+)([¹²³⁴⁵⁶⁷⁸⁹]+|(?:[-.]\d+)*)((?:\(\w{1,3}\))*)(?:-(?:и|ум)(?![\wа-яёҳҷқғӣӯ]))?/;
  // A part written before its article ("ч. 1 ст. 94", "қисми 1 моддаи 94"): the article, the part its pinpoint.
  var PART_FIRST = /(^|[^\p{L}\p{N}_])(?:ч|часть|части|кисми|кисм)\.?\s*(\d+)\s+(ст|статья|статьи|статье|моддаи|модда)\.?\s*(\d+(?:-\d+)?)(?![\p{L}\p{N}_(])/u;
  var SUPER = { "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };
  // Words as kb/citations.py reads them: letters ([^\W\d_]+), and letters and digits ([^\W_]+).
  var LETTERS = /[\p{L}\p{Nl}\p{No}]+/gu, NAME_WORDS = /[\p{L}\p{N}]+/gu;
  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function sameWord(typed, token) {
    if (typed === token) return true;
    var stemLength = Math.min(typed.length, token.length) - 2;
    return stemLength >= 4 && typed.slice(0, stemLength) === token.slice(0, stemLength);
  }
  function labelsFor(match) {
    var number = match[1], suffix = match[2], pinpoint = match[3];
    if (suffix && SUPER[suffix[0]]) suffix = "-" + suffix.replace(/./g, function (c) { return SUPER[c]; });
    var found = [[number + suffix, pinpoint]];
    var first = /^\((\w+)\)/.exec(pinpoint);
    if (first && !suffix) found.unshift([number + "-" + first[1], pinpoint.slice(first[0].length)]);
    return found;
  }
  // The instruments' names, read once, as kb.citations.prepare: names holding a number (whole, longest
  // first), every name's words, the names without a number (longest first, as Python sorts them), and
  // each instrument's own name words.
  var tables = null;
  function nameTables() {
    if (tables) return tables;
    tables = { whole: [], words: [], wordNames: [], own: {} };
    Object.keys(labels.instruments).forEach(function (id) {
      labels.instruments[id].forEach(function (name) {
        var tokens = fold(name).match(NAME_WORDS) || [];
        tables.words.push([tokens, id]);
        if (/\d/.test(name) && !/^no\s/i.test(name)) tables.whole.push([fold(name), id]);
        if (tokens.length && name !== id && !/\d/.test(name)) {
          tables.wordNames.push([tokens, id]);
          tables.own[id] = (tables.own[id] || []).concat(tokens);
        }
      });
    });
    tables.whole.sort(function (a, b) { return b[0].length - a[0].length; });
    tables.wordNames.sort(function (a, b) {
      var x = a[0].join(" ") + "\u0000" + a[1], y = b[0].join(" ") + "\u0000" + b[1];
      return b[0].length - a[0].length || (x < y ? -1 : x > y ? 1 : 0);
    });
    return tables;
  }
  function candidates(query) {
    var text = fold(query), found = [], names = nameTables();
    var part = PART_FIRST.exec(text), partPin = part ? "(" + part[2] + ")" : "";
    if (part) text = text.slice(0, part.index) + part[1] + part[3] + " " + part[4] + text.slice(part.index + part[0].length);
    names.whole.forEach(function (entry) {
      var at = new RegExp("(?:^|[^\\w/])" + escapeRe(entry[0]) + "(?![\\w/])").exec(text);
      if (!at) return;
      var rest = text.slice(0, at.index) + " " + text.slice(at.index + at[0].length);
      var number = NUMBER.exec(rest);
      var words = rest.match(LETTERS) || [];
      if (!number || words.some(function (w) { return !UNIT[w]; })) return;
      labelsFor(number).forEach(function (l) { found.push([entry[1], l[0], l[1]]); });
    });
    var match = NUMBER.exec(text);
    if (match) {
      var start = match.index + match[0].length - (match[1] + match[2] + match[3]).length;
      var words = ((text.slice(0, start) + " " + text.slice(match.index + match[0].length)).match(LETTERS) || [])
        .filter(function (w) { return !UNIT[w]; });
      if (words.length) {
        var scored = names.words.filter(function (entry) {
          return words.every(function (w) { return entry[0].some(function (t) { return sameWord(w, t); }); });
        }).map(function (entry) { return [entry[0].length, entry[1]]; });
        scored.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : 1); });
        scored.forEach(function (s) { labelsFor(match).forEach(function (l) { found.push([s[1], l[0], l[1]]); }); });
      }
    }
    return found.map(function (c) { return [c[0], c[1], partPin + c[2]]; });
  }
  // The case whose number or document symbol is one of the query's words ("№ 1096/2002",
  // "CCPR/C/81/D/964/2001"), as kb.citations.find_case: {url, id, pinpoint, titles}, or null.
  function findCase(query) {
    var words = query.toLowerCase().split(/[\s,;№]+/);
    for (var i = 0; i < words.length; i++) {
      var key = words[i].replace(/^[().:]+|[().:]+$/g, "");
      if (Object.prototype.hasOwnProperty.call(labels.cases, key)) {
        var found = labels.cases[key];
        return { url: new URL("cases/" + found.id + "/", siteRoot).href, id: found.id, pinpoint: "", titles: found.title };
      }
    }
    return null;
  }
  // The instrument a query names among its words ("Criminal Code torture", "свобода собраний Конституция"),
  // by its longest name, and the query's other words: [id, rest], or null (kb.citations.named_instrument).
  // Its pages with the other words come first.
  function namedInstrument(query) {
    var names = nameTables();
    // Folding keeps each letter in its place: the words' places in the query as typed, to cut the name out.
    var spans = Array.from(fold(query).matchAll(NAME_WORDS)), words = spans.map(function (m) { return m[0]; });
    for (var n = 0; n < names.wordNames.length; n++) {
      var tokens = names.wordNames[n][0], id = names.wordNames[n][1];
      for (var start = 0; start + tokens.length <= words.length; start++) {
        if (!tokens.every(function (t, i) { return meets(words[start + i], t); })) continue;
        var rest = spans.filter(function (m, at) {
          return (at < start || at >= start + tokens.length) && !qualifies(m[0], names.own[id]);
        }).map(function (m) { return query.slice(m.index, m.index + m[0].length); });
        return [id, rest.join(" ")];
      }
    }
    return null;
  }
  function meets(word, token) { return token.length > 3 ? sameWord(word, token) : word === token; }
  // A word that only qualifies a name ("Tajik" in "Tajik Criminal Code"): the start of one of its words.
  function qualifies(word, nameWords) {
    return nameWords.some(function (t) { return (word.length >= 4 && t.indexOf(word) === 0) || sameWord(word, t); });
  }
  // The first candidate whose page exists: the provision cited.
  function resolveCitation(query) {
    var list = candidates(query);
    var seen = {};
    function next(i) {
      if (i >= list.length) return Promise.resolve(null);
      var c = list[i], url = new URL(c[0] + "/" + c[1] + "/", siteRoot).href;
      if (seen[url]) return next(i + 1);
      seen[url] = true;
      return fetch(url, { method: "HEAD" }).then(function (r) {
        return r.ok ? { url: url, id: c[0] + "/" + c[1], pinpoint: c[2] } : next(i + 1);
      }, function () { return next(i + 1); });
    }
    return offline ? Promise.resolve(null) : next(0);
  }
  window.huquqSearchInternals = { tajikStem: tajikStem, fold: fold, englishWord: englishWord, candidates: candidates,
                                  stem: stem, queryWords: queryWords, excerptStart: excerptStart,
                                  namedInstrument: namedInstrument, findCase: findCase, engine: function () { return load(); } };

  // --- the index: the command line's ranking (assets/huquq-engine.js) -------------------------------------
  var engine = null;
  function load() {
    if (!engine) engine = new window.HuquqEngine(siteRoot, { stop: STOP });
    return engine;
  }

  var NAMES = ["kind", "jurisdiction", "instrument", "topic"];
  var counts = null;
  function refreshFilters() { if (filtersBox.open) showFilters(); }  // a closed panel is built when it opens
  function showFilters() {
    if (!counts && found.length) {  // the counts are the results': fetched when the panel first shows them
      var asked = found;
      load().counts(found).then(function (c) { if (asked === found) { counts = c; showFilters(); } });
    }
    filterList.innerHTML = "";
    NAMES.forEach(function (name) {
      var values = (labels.filters[name] && Object.keys(labels.filters[name])) || [];
      if (!values.length) return;
      var label = document.createElement("label");
      label.textContent = say("search.filter." + name) + " ";
      var select = document.createElement("select");
      select.name = name;
      select.add(new Option(say("search.any"), ""));
      values.map(function (value) { return [pick(labels.filters[name][value]), value]; })
        .sort(function (a, b) { return a[0].localeCompare(b[0]); })
        .forEach(function (entry) {
          var count = counts && counts[name] ? counts[name][entry[1]] || 0 : null;
          if (count === 0 && selected[name] !== entry[1]) return;  // nothing of it among the results
          select.add(new Option(entry[0] + (count === null ? "" : " (" + count + ")"), entry[1]));
        });
      select.value = selected[name] || "";
      select.addEventListener("change", function () {
        if (select.value) selected[name] = select.value; else delete selected[name];
        run(false);
      });
      label.appendChild(select);
      filterList.appendChild(label);
    });
  }

  // The excerpt is HTML with <mark> around matched words: keep the marks and the text, nothing else.
  var EXCERPT = 24;
  function excerptFor(text, query) {
    var words = text.split(/[\r\n\s]+/g);
    var end = words.length;
    var marked = {};
    var wanted = query.split(" ").filter(function (w) { return w.length >= 3; });
    words.slice(0, end).forEach(function (word, at) {
      var folded = stem(word.replace(/[^\w\u0400-\u04ff-]/g, ""));
      // A query word marks the words that begin with it, and the words it begins with but for an ending left
      // on it ("пытки" marks "пытку"), not a shorter word inside it ("бародарам" must not mark "барои").
      if (wanted.some(function (w) {
        return folded && (folded.indexOf(w) === 0 || (w.indexOf(folded) === 0 && folded.length >= 4 && w.length - folded.length <= 2));
      })) marked[at] = true;
    });
    var start = excerptStart(words, end, Object.keys(marked).map(Number));  // in order
    var stop = Math.min(end, start + EXCERPT);
    start = sentenceStart(words, start);
    var p = document.createElement("p");
    words.slice(start, stop).forEach(function (word, i) {
      if (i) p.appendChild(document.createTextNode(" "));
      var node = marked[start + i] ? document.createElement("mark") : document.createTextNode("");
      node.textContent = word;
      p.appendChild(node);
    });
    return p;
  }

  // An excerpt that would open a few words into a sentence opens at its start: "one shall be subjected to
  // torture" without its "No" says the opposite of the law.
  function sentenceStart(words, start) {
    for (var back = start; back > 0 && start - back < 8; back--) if (SENTENCE_END.test(words[back - 1])) return back;
    return start <= 8 ? 0 : start;
  }

  // Where the excerpt starts: at a matched word, in the passage most written in the reader's language; the
  // earliest such passage when several are alike. A result found only by words outside its text (its title,
  // search terms, topic words) has no match to start at: its excerpt starts at the first sentence that opens
  // a passage in the reader's language.
  var SENTENCE_END = /[.:;!?][)»"”]?$/;
  function excerptStart(words, end, matches) {
    var l = lang();
    if (!matches.length) return quietStart(words, end, l);
    var best = matches[0], bestScore = -Infinity;
    matches.forEach(function (at) {
      var from = at;  // up to four words before the match, in the reader's letters and in its sentence
      while (from > 0 && at - from < 4 && READER_LETTERS[l].test(words[from - 1]) &&
             !SENTENCE_END.test(words[from - 1])) from--;
      from = Math.max(0, Math.min(from, end - EXCERPT));
      var found = tally(words.slice(from, Math.min(end, from + EXCERPT)), l);
      var score = found.letters - found.other + (found.own ? EXCERPT / 4 : 0);
      if (score > bestScore) { best = from; bestScore = score; }
    });
    return best;
  }
  // The first sentence that opens a passage in the reader's language (for a Tajik reader with no Tajik
  // passage, in Russian); the text's start if there is none.
  function quietStart(words, end, l) {
    var starts = [0];
    for (var at = 1; at < end; at++) if (/[.:;!?]$/.test(words[at - 1])) starts.push(at);
    var langs = l === "tg" ? ["tg", "ru"] : [l];
    for (var i = 0; i < langs.length; i++) {
      for (var j = 0; j < starts.length; j++) {
        var passage = words.slice(starts[j], Math.min(end, starts[j] + EXCERPT));
        var found = tally(passage, langs[i]), opening = tally(passage.slice(0, 1), langs[i]);
        if (opening.letters && !opening.other && found.letters * 2 >= passage.length && found.own && !found.other) {
          return starts[j];
        }
      }
    }
    return starts[0];
  }
  // How many words of a passage are in a language's letters, in letters of the other Cyrillic language,
  // and whether one has letters only that language has.
  function tally(passage, l) {
    var found = { letters: 0, other: 0, own: false };
    passage.forEach(function (word) {
      if (READER_LETTERS[l].test(word)) found.letters += 1;
      if (OTHER_LETTERS[l].test(word)) found.other += 1;
      if (OWN_LETTERS[l].test(word)) found.own = true;
    });
    return found;
  }

  var PAGE = 5;  // results fetched at a time: each is a small file, and phones are on slow networks
  var found = [];
  var shown = "";
  var citedId = null;  // the provision a citation in the query opens: shown first, not again among the results
  var nextResult = 0;  // the first of the results not shown yet
  function show(from, ticket, query) {
    var search = load();
    nextResult = from + PAGE;
    var l = lang();
    return Promise.all(found.slice(from, from + PAGE).map(function (doc) { return search.card(doc, l); })).then(function (cards) {
      if (ticket !== latest) return;
      cards.forEach(function (card) {
        if (card.id === citedId) return;
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL(card.url, siteRoot).href;
        link.textContent = pick(card.title) || card.id;
        link.setAttribute("data-titles", JSON.stringify(card.title));
        item.appendChild(link);
        if (card.status) item.appendChild(badge(card.status));
        item.appendChild(excerptFor(card.text || "", query));
        list.appendChild(item);
      });
      more.hidden = nextResult >= found.length;
    });
  }

  // "Unverified" or "Sources conflict", in each interface language (the page shows the reader's), as on the
  // record's own page.
  function badge(status) {
    var mark = document.createElement("span");
    mark.className = "huquq-badge huquq-badge--" + status;
    var texts = labels.strings["status." + status];
    Object.keys(texts).forEach(function (l) {
      var span = document.createElement("span");
      span.className = "l-" + l;
      span.textContent = texts[l];
      mark.appendChild(span);
    });
    return mark;
  }

  // The topics and circumstances the query names, linked above the results: their pages gather the leading
  // authorities and the argument (the results are provisions and cases only, as on the command line).
  var subjectsLine = null, lastSubjects = [];
  function showSubjects(subjects) {
    lastSubjects = subjects;
    if (!subjectsLine) {
      subjectsLine = document.createElement("p");
      subjectsLine.className = "huquq-subjects";
      list.parentNode.insertBefore(subjectsLine, list);
    }
    subjectsLine.innerHTML = "";
    subjectsLine.hidden = !subjects.length;
    subjects.forEach(function (subject, i) {
      if (i) subjectsLine.appendChild(document.createTextNode(" · "));
      subjectsLine.appendChild(document.createTextNode(say(subject.told ? "search.told" : "search.kind." + subject.kind) + ": "));
      var link = document.createElement("a");
      link.href = new URL(subject.url, siteRoot).href;
      link.textContent = pick(subject.title);
      link.setAttribute("data-titles", JSON.stringify(subject.title));
      subjectsLine.appendChild(link);
    });
  }

  // The provision cited, named as the reader cites it ("МПГПП, ст. 9(3): Право на свободу ..."), not by its id.
  function showCitation(citation) {
    var item = document.createElement("li");
    item.className = "huquq-citation";
    var link = document.createElement("a");
    link.href = citation.url;
    link.textContent = citation.id + citation.pinpoint;
    item.appendChild(document.createTextNode(say("search.citation") + " "));
    item.appendChild(link);
    list.insertBefore(item, list.firstChild);
    if (citation.titles) {  // a case: its names came with the page
      link.textContent = pick(citation.titles) || link.textContent;
      link.setAttribute("data-titles", JSON.stringify(citation.titles));
      return Promise.resolve();
    }
    return load().cardOf(citation.id, lang()).then(function (card) {
      if (!card) return;
      var titles = {};
      Object.keys(card.title).forEach(function (l) {
        var title = card.title[l], at = title.indexOf(": ");  // the pinpoint after the citation, before the title
        titles[l] = at > 0 ? title.slice(0, at) + citation.pinpoint + title.slice(at) : title + citation.pinpoint;
      });
      link.textContent = pick(titles) || link.textContent;
      link.setAttribute("data-titles", JSON.stringify(titles));
    }, function () { /* the id stays: the link still opens the provision */ });
  }

  function run(navigate) {
    var text = input.value.trim();
    var query = queryWords(text);
    var ticket = ++latest;
    if (offline) { status.textContent = say("search.offline"); return; }
    if (!text && !Object.keys(selected).length) {
      list.innerHTML = ""; status.textContent = ""; more.hidden = true; counts = null; refreshFilters();
      showSubjects([]); return;
    }
    status.textContent = say("search.searching");
    // A citation opens a provision: not when only cases are asked for (as the command line, with --kind case).
    // A case's number opens the case, unless only provisions are asked for or a filter of instrument,
    // jurisdiction or topic is set (the command line opens it when it passes them).
    var filtered = selected.instrument || selected.jurisdiction || selected.topic;
    var caseCited = text && selected.kind !== "provision" && !filtered ? findCase(text) : null;
    var cited = caseCited ? Promise.resolve(caseCited) : text && selected.kind !== "case" ? resolveCitation(text).then(function (citation) {
      return citation && load().passes(citation.id, selected).then(function (passes) { return passes ? citation : false; });
    }) : Promise.resolve(null);
    cited.then(function (citation) {
      if (ticket !== latest) return null;
      if (citation && navigate) { location.href = citation.url; return null; }
      // A citation the filters exclude (false) is searched as words, without its instrument's name first.
      var named = citation !== null || !text ? null : namedInstrument(text);
      citedId = citation ? citation.id : null;
      var subjects = text && !citation ? load().subjects(text) : Promise.resolve([]);  // fetched alongside
      return Promise.all([load().search(text, selected, named), familyWords(text)]).then(function (both) {
        if (ticket !== latest) return null;
        var search = both[0];
        query = [query].concat(both[1]).join(" ");
        found = search.docs;
        counts = null;
        status.textContent = found.length ? say("search.results", found.length) : say("search.none");
        list.innerHTML = "";
        shown = query;
        refreshFilters();
        return Promise.all([show(0, ticket, query), subjects]).then(function (both) {
          if (ticket !== latest) return;
          showSubjects(both[1]);
          if (citation) return showCitation(citation);
        });
      });
    }).catch(function (error) {
      if (ticket !== latest) return;  // an earlier query's failure says nothing of this one
      status.textContent = say("search.unavailable") + " " + error.message;
    });
  }

  more.addEventListener("click", function () {
    more.disabled = true;  // one page at a time, in order
    show(nextResult, latest, shown).then(function () { more.disabled = false; }, function (error) {
      more.disabled = false;
      status.textContent = say("search.unavailable") + " " + error.message;
    });
  });
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(false); }, 250); });
  input.addEventListener("focus", function () { if (!offline) load().meta(); }, { once: true });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(true); });
  filtersBox.addEventListener("toggle", function () { if (filtersBox.open && !offline) showFilters(); });
  document.addEventListener("huquq:language", function () {
    // Results shown are shown again in the new language: the count, the titles, the excerpts' texts.
    if (!offline && input.value.trim() && list.children.length) { run(false); return; }
    refreshFilters();
    if (subjectsLine) showSubjects(lastSubjects);
    Array.prototype.forEach.call(list.querySelectorAll("a[data-titles]"), function (link) {
      link.textContent = pick(JSON.parse(link.getAttribute("data-titles"))) || link.textContent;
    });
    if (offline) status.textContent = say("search.offline");
  });
  if (offline) status.textContent = say("search.offline");
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) { input.value = asked; run(true); }
})();
