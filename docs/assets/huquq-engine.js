// huquq site search: the command line's ranking (kb/search.py, kb/ranking.py) over the files that
// generator/site/search_index.py writes into search-index/. The same fields, weights and BM25F statistics, the
// share of the query's words a record has, and the authority's prior: a query of words gives the order
// `huquq search` gives (tests/test_site_browser.py checks the whole relevance set). Quotes, OR and wildcards
// are read as words, and NOT leaves out what has the next word. Files are fetched as a query needs them (a
// few KB each) and kept for the next query.
(function () {
  "use strict";
  var PARTS = ["title", "text", "summary", "lead", "context"];
  var POOL = 100;        // kb.search.Searcher.COORDINATION_POOL
  var SINGLE_LIMIT = 30; // a one-word query: the best 30 by BM25F are weighed by authority (Searcher.search)
  var FORMAT = 4;        // generator.site.search_index.FORMAT
  // Words: letters and digits with inner hyphens or dots (kb.textnorm.WORD); English is split as Whoosh's
  // default tokenizer splits it.
  var WORD = /[\p{L}\p{N}_]+(?:[-.][\p{L}\p{N}_]+)*/gu;
  var ENGLISH_WORD = /[\p{L}\p{N}_]+(?:\.?[\p{L}\p{N}_]+)*/gu;
  var FOLD = { "ҳ": "х", "ҷ": "ч", "қ": "к", "ғ": "г", "ӣ": "и", "ӯ": "у", "ё": "е" };
  // kb.search.TAJIK_MARKERS (tests/test_site.py checks they are the same).
  var TAJIK_MARKERS = "ба ва ки бо аз ман мо шумо маро барои агар нест аст буд шуд кард карданд мекунам".split(" ");
  var SCRIPT_LANGS = { latin: ["en"], russian: ["ru"], tajik: ["tg"], cyrillic: ["ru", "tg"], mixed: ["en", "ru", "tg"] };

  function fold(word) { return word.replace(/[ҳҷқғӣӯё]/g, function (c) { return FOLD[c]; }); }

  // The Tajik endings of kb/tajik.py, the same rules on the same folded words (a browser test checks both
  // give the same stems): -ро, the possessives -ам, -аш, -ашон, the izofa -и, the plurals -ҳо, -гон, -ён, -он,
  // the adverb -ан, the verb endings -ан and -анд after a past stem.
  var NOT_VERBS = { "гардан": 1 };
  var SHORT_PLURAL_ON = { "зан": 1, "пир": 1, "чон": 1 };
  var POSSESSIVES = ["ашон", "яшон", "ам", "аш", "ям", "яш"];
  var SHORT_POSSESSED = { "пул": 1, "хун": 1, "сар": 1, "зан": 1, "чон": 1, "дил": 1, "ном": 1, "кор": 1 };
  function tajikStem(word) {
    var hyphen = /^(.+?)-(?=.)(?:хо)?(?:[ая][мтш](?:он)?)?(?:и|ро)?$/.exec(word);
    if (hyphen) return hyphen[1];
    if (word.length <= 3) return word;
    if (/ро$/.test(word) && !/гаро$/.test(word) && word.length - 2 >= 3) word = word.slice(0, -2);
    word = abstract(izofa(possessive(word)));
    var endings = ["хо", "гон", "ен", "он"];
    for (var i = 0; i < endings.length; i++) {
      var cut = plural(word, endings[i]);
      if (cut !== word) return possessive(participle(abstract(izofa(cut))));
    }
    if (/ан$/.test(word) && word.length - 2 >= 5) return word.slice(0, -2);
    var verb = /^(.{3,}[тд])(?:аанд|ааст|аед|аем|анд|ан)$/.exec(word);
    if (verb && !NOT_VERBS[word]) return verb[1];
    return possessive(participle(word));
  }
  function possessive(word) {
    for (var i = 0; i < POSSESSIVES.length; i++) {
      var ending = POSSESSIVES[i];
      if (word.slice(-ending.length) === ending) {
        var rest = word.slice(0, -ending.length);
        return rest.length >= 4 || SHORT_POSSESSED[rest] ? rest : word;
      }
    }
    return word;
  }
  function abstract(word) { return /аг$/.test(word) && word.length - 1 >= 4 ? word.slice(0, -1) : word; }
  function participle(word) { return /шуда$/.test(word) && word.length - 4 >= 3 ? word.slice(0, -4) : word; }
  function izofa(word) {
    for (var i = 0; i < 2; i++) if (/и$/.test(word) && word.length - 1 >= 3) word = word.slice(0, -1);
    return word;
  }
  function plural(word, ending) {
    if (word.slice(-ending.length) !== ending) return word;
    var rest = word.slice(0, -ending.length);
    if (ending === "хо") return rest.length >= 3 ? rest : word;
    if (ending === "гон") return /а$/.test(rest) && rest.length >= 3 ? rest : word;
    if (ending === "ен") return rest.length >= 3 && /[аеиоуэюя]$/.test(rest) ? rest : word;
    return rest.length >= 4 || SHORT_PLURAL_ON[rest] ? rest : word;
  }

  function lookupKey(token, lang) { token = token.toLowerCase(); return lang === "en" ? token : fold(token); }

  // Which languages' fields a query is looked for in, by its letters (kb.search._script).
  function script(text) {
    var latin = /[A-Za-z]/.test(text), cyrillic = /[\u0400-\u04ff]/.test(text);
    if (latin === cyrillic) return "mixed";
    if (latin) return "latin";
    var russian = /[ыщцьЫЩЦЬ]/.test(text), tajik = /[ҳҷқғӣӯҲҶҚҒӢӮ]/.test(text);
    // Russian letters beside a Tajik word: Tajik typed on a Russian keyboard with a Russian loanword.
    var words = text.toLowerCase().match(/[\u0400-\u04ff]+/g) || [];
    if (russian && !tajik && words.some(function (w) { return TAJIK_MARKERS.indexOf(w) >= 0; })) return "cyrillic";
    return russian && !tajik ? "russian" : tajik && !russian ? "tajik" : "cyrillic";
  }

  // The same hash as generator.site.search_index.word_hash.
  function hash(text) {
    var value = 0;
    for (var i = 0; i < text.length; i++) value = (Math.imul(value, 31) + text.charCodeAt(i)) >>> 0;
    return value;
  }

  function decode(base64) {
    var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
    var numbers = [], value = 0, shift = 0;
    for (var i = 0; i < bytes.length; i++) {
      value += (bytes[i] & 127) * Math.pow(2, shift);
      if (bytes[i] & 128) { shift += 7; continue; }
      numbers.push(value); value = 0; shift = 0;
    }
    var half = numbers.length / 2, found = new Map(), doc = -1;
    for (var j = 0; j < half; j++) { doc += numbers[j] + 1; found.set(doc, numbers[half + j]); }
    return found;  // document -> frequency
  }

  // options: stop (folded words left out of queries).
  function Engine(base, options) {
    this.base = base;
    this.options = options;
    this.files = {};
    this.decoded = {};
  }

  // A file of the index, fetched once. A failed fetch is forgotten, so that the next query tries again (a
  // phone that was offline for a moment keeps its search). The index's other files are asked for with the
  // build's token, so that a browser never mixes a cached file of one build with another's.
  Engine.prototype.file = function (path, binary, options) {
    var self = this;
    if (!self.files[path]) {
      var ask = path === META ? Promise.resolve("") : self.meta().then(function (meta) { return "?v=" + meta.build; });
      self.files[path] = ask.then(function (token) {
        return fetch(new URL(path + token, self.base).href, options);
      }).then(function (r) {
        if (r.status === 404) return null;  // a shard with no words in it
        if (!r.ok) throw new Error(path + ": " + r.status);
        return binary ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
      });
      self.files[path].catch(function () { delete self.files[path]; });
    }
    return self.files[path];
  };
  var META = "search-index/meta.json";
  Engine.prototype.meta = function () {
    return this.file(META, false, { cache: "no-cache" }).then(function (meta) {
      if (meta.format !== FORMAT) throw new Error("search-index/meta.json: format " + meta.format + ", not " + FORMAT);
      if (!meta.fieldIndex) {
        meta.fieldIndex = {};
        meta.fields.forEach(function (field, i) { meta.fieldIndex[field.name] = i; });
      }
      return meta;
    });
  };
  // What a result shows a reader of ``lang`` (its text in that language, or the one read next).
  Engine.prototype.card = function (doc, lang) { return this.file("search-index/d/" + lang + "/" + doc + ".json"); };
  // The document number of provision ``id``, read from its instrument's table, or null.
  Engine.prototype.docOf = function (id) {
    return this.file("search-index/i/" + id.split("/")[0] + ".json").then(function (numbers) {
      return numbers && Object.prototype.hasOwnProperty.call(numbers, id) ? numbers[id] : null;
    });
  };
  // The card of provision ``id``, or null.
  Engine.prototype.cardOf = function (id, lang) {
    var self = this;
    return this.docOf(id).then(function (doc) { return doc === null ? null : self.card(doc, lang); });
  };

  // --- words as the index has them -------------------------------------------------------------------
  // A typed word is looked up in the table of the corpus's words (the index's own analysis of each). A form
  // the corpus does not have is stemmed here, as kb/textnorm.py stems it: Tajik by the port of kb/tajik.py,
  // Russian and English by Snowball stemmers (assets/vendor/, each fetched the first time it is needed;
  // English after -ize is read as -ise); each language then with its families (kb.textnorm.ENGLISH_FAMILIES,
  // RUSSIAN_FAMILIES, TAJIK_FAMILIES).
  // Each word is looked up once a visit: a query's words are analysed for its tokens, its terms, the
  // subjects it names and what it leaves out.
  Engine.prototype.indexWord = function (lang, token) {
    var known = this.known || (this.known = new Map()), key = lang + "\u0000" + lookupKey(token, lang);
    if (!known.has(key)) {
      var found = this.lookUp(lang, token);
      known.set(key, found);
      found.catch(function () { known.delete(key); });
    }
    return known.get(key);
  };
  Engine.prototype.lookUp = function (lang, token) {
    var self = this, key = lookupKey(token, lang);
    if ((lang !== "tg" && key.length < 2) || self.options.stop[key]) return Promise.resolve("");  // key is folded
    return self.meta().then(function (meta) {
      return self.file("search-index/w/" + lang + "/" + (hash(key.slice(0, 3)) % meta.words[lang]) + ".json");
    }).then(function (table) {
      if (table && Object.prototype.hasOwnProperty.call(table, key)) return table[key];
      var english = lang === "en";
      var stemmer = lang === "tg" ? Promise.resolve(tajikStem) : self.stemmer(english ? "english" : "russian");
      return Promise.all([self.meta(), stemmer]).then(function (both) {
        var stem = both[1](english ? key.replace(IZE, "$1is$2") : key), families = both[0].families[lang] || {};
        return Object.prototype.hasOwnProperty.call(families, stem) ? families[stem] : stem;
      });
    });
  };
  var IZE = /^(\w{3,})iz(e|es|ed|ing|ation|ations|er|ers)$/;  // kb.textnorm._IZE
  Engine.prototype.stemmer = function (language) {
    var self = this, stemmers = self.stemmers || (self.stemmers = {});
    if (!stemmers[language]) {
      stemmers[language] = import(new URL("assets/vendor/snowball-" + language + ".js", self.base).href)
        .then(function (m) { return m.stemmer; });
      stemmers[language].catch(function () { delete stemmers[language]; });
    }
    return stemmers[language];
  };
  // The words of ``text`` as one language's fields were analysed, in order, words left out dropped.
  Engine.prototype.analyse = function (text, lang) {
    var tokens = text.toLowerCase().match(lang === "en" ? ENGLISH_WORD : WORD) || [];
    var self = this;
    return Promise.all(tokens.map(function (t) { return self.indexWord(lang, t); })).then(function (words) {
      return words.filter(Boolean);
    });
  };
  // The query's distinct words, each as every one of ``langs`` analyses it ({lang: [words]}); words no
  // language keeps left out (kb.search.Searcher._tokens).
  Engine.prototype.tokens = function (text, langs) {
    var self = this, seen = Object.create(null);
    var tokens = (text.toLowerCase().match(WORD) || []).filter(function (t) { return !seen[t] && (seen[t] = true); });
    return Promise.all(tokens.map(function (token) {
      return Promise.all(langs.map(function (lang) { return self.analyse(token, lang); })).then(function (each) {
        var analysed = {}, any = false;
        langs.forEach(function (lang, i) { if (each[i].length) { analysed[lang] = each[i]; any = true; } });
        return any ? analysed : null;
      });
    })).then(function (list) { return list.filter(Boolean); });
  };

  // --- the index ----------------------------------------------------------------------------------------
  Engine.prototype.postings = function (lang, word, part) {
    var self = this, key = lang + "\u0000" + word + "\u0000" + part;
    // The promise is kept, so that searches asking for the same postings at once decode them once.
    if (!self.decoded[key]) {
      self.decoded[key] = self.meta().then(function (meta) {
        return self.file("search-index/p/" + lang + "/" + (hash(word) % meta.shards[lang]) + ".json");
      }).then(function (shard) {
        var entry = shard && Object.prototype.hasOwnProperty.call(shard, word) ? shard[word][part] : null;
        return entry ? { idf: entry[0], docs: decode(entry[1]) } : null;
      });
      self.decoded[key].catch(function () { delete self.decoded[key]; });
    }
    return self.decoded[key];
  };
  // Each document's length in a field, as Whoosh's byte (meta.lengths decodes it).
  Engine.prototype.lengths = function (field) { return this.file("search-index/len/" + field + ".bin", true); };

  // Documents with a typed word in any field of its languages. ``all``: with all the words it became
  // ("non-refoulement": non, refoul) in one field, as the command line's parser asks of a query's one word,
  // or of each word when all of them are wanted.
  Engine.prototype.having = function (token, all) {
    var self = this, fields = [];
    Object.keys(token).forEach(function (lang) {
      PARTS.forEach(function (part) {
        fields.push(Promise.all(token[lang].map(function (word) { return self.postings(lang, word, part); })));
      });
    });
    return Promise.all(fields).then(function (each) {
      var docs = new Set();
      each.forEach(function (lists) {
        if (!all) {
          lists.forEach(function (p) { if (p) p.docs.forEach(function (_tf, doc) { docs.add(doc); }); });
        } else if (lists.every(Boolean)) {
          lists[0].docs.forEach(function (_tf, doc) {
            if (lists.every(function (p) { return p.docs.has(doc); })) docs.add(doc);
          });
        }
      });
      return docs;
    });
  };

  // BM25F over (lang, part, word, weight) terms for ``docs``, as kb.ranking.Ranker._top: doc -> score.
  Engine.prototype.score = function (docs, terms) {
    var self = this;
    return Promise.all([self.meta(), Promise.all(terms.map(function (t) { return self.postings(t.lang, t.word, t.part); }))]).then(function (both) {
      var meta = both[0], postings = both[1];
      // The lengths of the fields where a word was found and length counts (B > 0).
      var names = Array.from(new Set(terms.filter(function (t, i) { return postings[i]; })
        .map(function (t) { return t.part + "_" + t.lang; })
        .filter(function (name) { return meta.fields[meta.fieldIndex[name]].b; })));
      return Promise.all(names.map(function (name) { return self.lengths(name); })).then(function (columns) {
        var lengthsOf = {};
        names.forEach(function (name, i) {
          if (!columns[i]) throw new Error("search-index/len/" + name + ".bin is missing");  // not a silent 0
          lengthsOf[name] = columns[i];
        });
        var scores = new Map();
        docs.forEach(function (doc) { scores.set(doc, 0); });
        terms.forEach(function (term, i) {
          var p = postings[i];
          if (!p) return;
          var name = term.part + "_" + term.lang, field = meta.fields[meta.fieldIndex[name]], column = lengthsOf[name];
          var norm = meta.k1 * (1 - field.b), perLength = meta.k1 * field.b / field.avg;
          var weight = p.idf * (meta.k1 + 1) * term.weight;
          p.docs.forEach(function (tf, doc) {
            if (!scores.has(doc)) return;
            var length = column ? meta.lengths[column[doc]] : 0;
            scores.set(doc, scores.get(doc) + weight * tf / (tf + norm + perLength * length));
          });
        });
        return scores;
      });
    });
  };

  function bestFirst(a, b) { return b[1] - a[1] || a[0] - b[0]; }

  // A query word that is a word of the setting in every language it is analysed in (kb.search._is_setting).
  function isSetting(token, setting) {
    return Object.keys(token).every(function (lang) {
      return token[lang].every(function (word) { return (setting[lang] || []).indexOf(word) >= 0; });
    });
  }

  // The documents in ``allowed`` (null: all) that ``text`` finds, best first: [[doc, score], ...]. Plain
  // words are ranked by BM25F times the share of the query's words a document has, to the power
  // meta.coordination (kb.search.COORDINATION), times its authority's prior, the documents with the most
  // words scored first (kb.search.Searcher._best). ``everyWord``: only the documents with every word.
  Engine.prototype.best = function (text, allowed, everyWord) {
    var self = this, langs = SCRIPT_LANGS[script(text)];
    return Promise.all([self.meta(), self.tokens(text, langs)]).then(function (both) {
      var meta = both[0], tokens = both[1];
      if (!tokens.length) return [];
      var parsed = everyWord || tokens.length < 2;  // the command line's parser, not the share of words
      return Promise.all(tokens.map(function (t) { return self.having(t, parsed); })).then(function (found) {
        found = found.map(function (docs) {
          return allowed ? new Set(Array.from(docs).filter(function (d) { return allowed(d); })) : docs;
        });
        // The setting ("police", "в отделе") is left out of the share when two other words remain and a
        // document has one of them (kb.search.SETTING, Searcher._shares); it is still scored.
        var subject = found.filter(function (_docs, i) { return !isSetting(tokens[i], meta.setting); });
        var anyDoc = subject.some(function (docs) { return docs.size > 0; });
        if (!parsed && subject.length >= 2 && anyDoc) found = subject;
        var shares = new Map();
        var every = Array.from(found[0]).filter(function (d) { return found.every(function (s) { return s.has(d); }); });
        if (parsed || every.length >= POOL) {
          every.forEach(function (d) { shares.set(d, 1); });
        } else {
          found.forEach(function (docs) { docs.forEach(function (d) { shares.set(d, (shares.get(d) || 0) + 1); }); });
          shares.forEach(function (count, d) { shares.set(d, count / found.length); });
        }
        var pool = mostWords(shares, POOL);
        return Promise.all(langs.map(function (lang) { return self.analyse(text, lang); })).then(function (analysed) {
          var terms = [];
          langs.forEach(function (lang, i) {
            analysed[i].forEach(function (word) {
              meta.fields.forEach(function (field) {
                if (field.lang === lang) terms.push({ lang: lang, part: field.part, word: word, weight: field.weight });
              });
            });
          });
          return self.score(new Set(shares.keys()), terms).then(function (raw) {
            function weighed(docs) {
              return docs.map(function (d) {
                return [d, raw.get(d) * Math.pow(shares.get(d), meta.coordination) * meta.priors[meta.prior[d]]];
              }).sort(bestFirst);
            }
            var inPool = Array.from(pool), rest = Array.from(shares.keys()).filter(function (d) { return !pool.has(d); });
            if (parsed) {
              // The command line weighs the best 30 by BM25F alone (kb.search.Searcher._prior).
              var byScore = inPool.map(function (d) { return [d, raw.get(d)]; }).sort(bestFirst);
              var head = byScore.slice(0, SINGLE_LIMIT).map(function (e) { return e[0]; });
              return weighed(head).concat(weighed(byScore.slice(SINGLE_LIMIT).map(function (e) { return e[0]; })));
            }
            // The leading authorities of the circumstance a caller's story tells of (Searcher._told).
            var typed = {};
            langs.forEach(function (lang, i) { typed[lang] = new Set(analysed[i]); });
            return self.told(typed, meta).then(function (story) {
              return raise(weighed(inPool), weighed(rest), story ? story.leaders : [], allowed, meta.told);
            });
          });
        });
      });
    });
  };

  // ``list`` (the pool, weighed, best first) then ``rest`` with the circumstance's ``leaders`` (document
  // numbers; null for one not in force today) raised: each by a share of the first result's score, added to its
  // own score in the pool (kb.search.Searcher._told).
  function raise(list, rest, leaders, allowed, told) {
    if (!leaders.length || !list.length) return list.concat(rest);
    var scores = new Map(list), raised = new Set(), by = told.boost * list[0][1];
    leaders.forEach(function (d) {
      if (d !== null && (!allowed || allowed(d))) {
        scores.set(d, (scores.has(d) ? scores.get(d) : 0) + by);
        raised.add(d);
      }
      by = by * told.decay;
    });
    return Array.from(scores.entries()).sort(bestFirst)
      .concat(rest.filter(function (e) { return !raised.has(e[0]); }));
  }

  // The circumstance the query's words (``typed``: {lang: Set}) tell of, the setting's words left out, or
  // null when none clearly scores best (kb.subjects.Stories); its ``leaders`` are its first leading
  // authorities' document numbers.
  Engine.prototype.told = function (typed, meta) {
    var told = meta.told;
    return this.file("search-index/subjects.json").then(function (subjects) {
      var all = stories(subjects), best = all.circumstances.map(function () { return 0; }), rare = new Set();
      Object.keys(typed).forEach(function (lang) {
        var counts = all.byLang[lang].counts, having = all.byLang[lang].having;
        var setting = meta.setting[lang] || [];
        // summed in the command line's order
        var words = Array.from(typed[lang]).filter(function (w) { return setting.indexOf(w) < 0; }).sort();
        counts.forEach(function (count, i) {
          var shared = words.filter(function (w) { return count.has(w); });
          if (shared.length < told.words) return;
          var score = 0;
          shared.forEach(function (w) {
            var n = having.get(w), tf = count.get(w);
            score += Math.log(1 + (counts.length - n + 0.5) / (n + 0.5)) * tf * (told.k1 + 1) / (tf + told.k1);
          });
          best[i] = Math.max(best[i], score);
          if (shared.filter(function (w) { return having.get(w) <= told.rare; }).length >= told.words) rare.add(i);
        });
      });
      var order = best.map(function (score, i) { return [i, score]; }).sort(bestFirst);
      if (!order.length || order[0][1] < told.score) return null;
      if (order.length > 1 && order[0][1] < told.margin * order[1][1]) return null;
      if (!rare.has(order[0][0])) return null;  // common words make no story (kb.subjects.TOLD_RARE)
      return all.circumstances[order[0][0]];
    });
  };

  // The circumstances' names as the words a story is scored against, counted once per subjects file and
  // language (kb.subjects.Stories): each circumstance's words with their counts, and how many have each word.
  var STORIES = new WeakMap();
  function stories(subjects) {
    if (!STORIES.has(subjects)) {
      var circumstances = subjects.filter(function (s) { return s.kind === "circumstance"; }), byLang = {};
      ["en", "ru", "tg"].forEach(function (lang) {
        var counts = circumstances.map(function (s) {
          var count = new Map();
          (s.names[lang] || []).forEach(function (name) {
            name.split(" ").forEach(function (w) { count.set(w, (count.get(w) || 0) + 1); });
          });
          return count;
        });
        var having = new Map();
        counts.forEach(function (count) { count.forEach(function (_n, w) { having.set(w, (having.get(w) || 0) + 1); }); });
        byLang[lang] = { counts: counts, having: having };
      });
      STORIES.set(subjects, { circumstances: circumstances, byLang: byLang });
    }
    return STORIES.get(subjects);
  }

  // The documents with the largest shares: those of the best share, then of the next, until ``atLeast``.
  function mostWords(shares, atLeast) {
    var values = Array.from(new Set(shares.values())).sort(function (a, b) { return b - a; });
    var pool = new Set();
    for (var i = 0; i < values.length; i++) {
      pool = new Set(Array.from(shares.keys()).filter(function (d) { return shares.get(d) >= values[i]; }));
      if (pool.size >= atLeast) break;
    }
    return pool;
  }

  // A whole search: ``named`` ([instrument id, the other words] or null) puts that instrument's documents
  // with all the other words first, as the command line does; ``selected`` holds the filters chosen
  // ({kind, jurisdiction, instrument, topic}). Gives {docs: [document numbers, best first]}.
  Engine.prototype.search = function (text, selected, named) {
    var self = this;
    // "NOT word" leaves out the documents with the word (the command line's syntax; its other operators and
    // quotes are searched as plain words here).
    var excluded = [];
    text = text.replace(/(^|\s)NOT\s+("[^"]*"|\S+)/g, function (_all, space, words) { excluded.push(words); return space; });
    return Promise.all([self.meta(), self.allowed(selected)]).then(function (both) {
      var meta = both[0], allowed = both[1];
      var own = null;
      if (named && named[1] && (!selected.instrument || selected.instrument === named[0])) {
        var index = meta.instruments.indexOf(named[0]);
        own = self.facets().then(function (facets) {
          return self.best(named[1], function (d) { return facets.instrument[d].indexOf(index) >= 0 && (!allowed || allowed(d)); }, true);
        });
      }
      // Filters and no words: everything the filters let through, in the index's order.
      var words = (text.match(WORD) || []).length ? self.best(text, allowed, false)
        : Promise.resolve(allowed ? Array.from({ length: meta.count }, function (_u, d) { return [d, 0]; })
                                      .filter(function (e) { return allowed(e[0]); }) : []);
      var unwanted = Promise.all(excluded.map(function (words) {
        return self.tokens(words, SCRIPT_LANGS[script(words)]).then(function (tokens) {
          return Promise.all(tokens.map(function (t) { return self.having(t); }));
        });
      }));
      return Promise.all([own || [], words, unwanted]).then(function (lists) {
        var seen = new Set(), docs = [];
        lists[2].forEach(function (sets) { sets.forEach(function (set) { set.forEach(function (d) { seen.add(d); }); }); });
        lists[0].concat(lists[1]).forEach(function (e) { if (!seen.has(e[0])) { seen.add(e[0]); docs.push(e[0]); } });
        return { docs: docs };
      });
    });
  };

  // The topics and circumstances the query names: those one of whose names (label, synonym, title) has all
  // its words among the query's, the longest name first; at most three; and the circumstance it tells of,
  // when none of those is it, in the last place (kb.subjects.shown).
  Engine.prototype.subjects = function (text) {
    var self = this, langs = SCRIPT_LANGS[script(text)];
    return Promise.all([self.file("search-index/subjects.json"), self.meta(),
                        Promise.all(langs.map(function (lang) { return self.analyse(text, lang); }))]).then(function (both) {
      var typed = {}, meta = both[1];
      langs.forEach(function (lang, i) { typed[lang] = new Set(both[2][i]); });
      var found = [];
      both[0].forEach(function (subject) {
        var best = 0;
        langs.forEach(function (lang) {
          (subject.names[lang] || []).forEach(function (name) {
            var words = name.split(" ");
            if (words.every(function (w) { return typed[lang].has(w); })) best = Math.max(best, words.length);
          });
        });
        if (best) found.push([best, subject]);
      });
      found.sort(function (a, b) { return b[0] - a[0]; });
      found = found.slice(0, 3).map(function (f) { return f[1]; });
      return self.told(typed, meta).then(function (told) {
        // A guess from the story's words, offered as one (kb.subjects.shown).
        return told && found.indexOf(told) < 0 ? found.slice(0, 2).concat([Object.assign({}, told, {told: true})]) : found;
      });
    });
  };

  Engine.prototype.facets = function () { return this.file("search-index/facets.json"); };
  // A test for the filters chosen, or null when there are none (the facets file is fetched only then).
  Engine.prototype.allowed = function (selected) {
    var names = Object.keys(selected || {}).filter(function (k) { return selected[k]; });
    if (!names.length) return Promise.resolve(null);
    return Promise.all([this.meta(), this.facets()]).then(function (both) {
      var meta = both[0], facets = both[1];
      var kind = meta.kinds.indexOf(selected.kind), jurisdiction = meta.jurisdictions.indexOf(selected.jurisdiction);
      var instrument = meta.instruments.indexOf(selected.instrument), topic = meta.topics.indexOf(selected.topic);
      return function (d) {
        return (!selected.kind || meta.kind[d] === kind) &&
               (!selected.jurisdiction || meta.jurisdiction[d] === jurisdiction) &&
               (!selected.instrument || facets.instrument[d].indexOf(instrument) >= 0) &&
               (!selected.topic || facets.topics[d].indexOf(topic) >= 0);
      };
    });
  };
  // Whether the filters chosen let the provision ``id`` through (its document number read from its
  // instrument's table, fetched only then): a citation opens a provision the filters allow, as on the
  // command line.
  Engine.prototype.passes = function (id, selected) {
    var self = this;
    return this.allowed(selected).then(function (allowed) {
      if (!allowed) return true;
      return self.docOf(id).then(function (doc) { return doc !== null && allowed(doc); }, function () { return false; });
    });
  };
  // How many of ``docs`` have each value of each filter: {kind: {provision: 12, ...}, ...}.
  Engine.prototype.counts = function (docs) {
    return Promise.all([this.meta(), this.facets()]).then(function (both) {
      var meta = both[0], facets = both[1];
      var counts = { kind: {}, jurisdiction: {}, instrument: {}, topic: {} };
      function add(name, value) { counts[name][value] = (counts[name][value] || 0) + 1; }
      docs.forEach(function (d) {
        add("kind", meta.kinds[meta.kind[d]]);
        add("jurisdiction", meta.jurisdictions[meta.jurisdiction[d]]);
        facets.instrument[d].forEach(function (i) { add("instrument", meta.instruments[i]); });
        facets.topics[d].forEach(function (t) { add("topic", meta.topics[t]); });
      });
      return counts;
    });
  };

  window.HuquqEngine = Engine;
  window.HuquqEngine.internals = { script: script, hash: hash, decode: decode, lookupKey: lookupKey,
                                   SCRIPT_LANGS: SCRIPT_LANGS, fold: fold, tajikStem: tajikStem, IZE: IZE };
})();
