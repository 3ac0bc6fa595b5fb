"""Searching the index: filters, dates, citations, snippets.

Reads only the index (and its small catalog): a fresh ``huquq search``
process never parses YAML unless the index is stale.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from bisect import insort
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.qparser import AndGroup, MultifieldParser, OrGroup

from . import ids
from .cite import pick, pick_lang
from .citations import find_case, find_citation, named_instrument, prepare
from .index import CATALOG, OPEN_END
from .models import LANGS
from .ranking import Ranker, Unsupported, best_first, weighting
from .snippets import query_stems, snippet
from .subjects import Stories, shown
from .textnorm import WORD, words_of_each_language

KINDS = ("provision", "case")
JURISDICTIONS = ("tj", "intl")


@dataclass
class Hit:
    id: str
    kind: str
    title: str
    citation: str
    score: float
    snippet: str
    url: str
    instrument: str
    verification: str
    in_force_from: str | None = None
    in_force_to: str | None = None
    topics: list[str] = field(default_factory=list)
    exact: bool = False

    def to_json(self) -> dict:
        return asdict(self)


# Tajik words no Russian text has, common in any Tajik sentence: a query in Tajik typed on a Russian
# keyboard, with a Russian loanword ("участковый хар руз ба хонаам меояд"), is Tajik too.
TAJIK_MARKERS = frozenset("ба ва ки бо аз ман мо шумо маро барои агар нест аст буд шуд кард карданд мекунам".split())


def _script(text: str) -> str:
    """Which languages' fields a query needs, from its letters: ы щ ц ь are Russian only (the Tajik
    alphabet has none of them), ҳ ҷ қ ғ ӣ ӯ Tajik only; other Cyrillic could be either, and so could Russian
    letters beside a Tajik word (TAJIK_MARKERS)."""
    latin = re.search(r"[A-Za-z]", text) is not None
    cyrillic = re.search(r"[\u0400-\u04ff]", text) is not None
    if latin == cyrillic:
        return "mixed"
    if latin:
        return "latin"
    russian = re.search(r"[ыщцьЫЩЦЬ]", text) is not None
    tajik = re.search(r"[ҳҷқғӣӯҲҶҚҒӢӮ]", text) is not None
    if russian and not tajik and TAJIK_MARKERS.intersection(re.findall(r"[\u0400-\u04ff]+", text.lower())):
        return "cyrillic"
    return "russian" if russian and not tajik else "tajik" if tajik and not russian else "cyrillic"


# How much a word counts by where it is found: the provision's own title and text, its summary and its
# search terms (keywords), the words of the subjects that lead with it, and the context (the instrument's
# names, the words of its topics, the project's argument) well below. Tuned on the relevance set
# (tests/relevance/).
FIELD_WEIGHTS = {"title": 3.0, "text": 1.5, "summary": 1.5, "lead": 1.5, "context": 0.15}
# When scores are close, binding law before interpretation, interpretation before standards and reports.
# Views against Tajikistan ("case-binding") between the two; other bodies' cases (the European Court's,
# views on other states) persuade as standards do, and weigh as much. Of binding law, a Tajik provision a
# little before a treaty article that matches as well: a lawyer before a Tajik court cites the Constitution
# or the Code, then the treaty. Chosen at 0.95 on a blind batch written for the choice (mean MRR 0.50 with
# 1.0, 0.51 with 0.95 and 0.9; bench/RESULTS.md, seventeenth session).
AUTHORITY_PRIOR = {"tajik-law": 1.0, "treaty": 0.95, "case-binding": 0.8, "interpretation": 0.65,
                   "standard": 0.55, "case": 0.55}
# A plain-word query's score is multiplied by the share of its words a document has, to this power: two of
# three words count 0.54 of the score, one of two 0.35 (kb.search.Searcher._best). A word of the setting
# ("в милиции", "in custody") that a constitutional article never says should not quarter its score: 1.5
# measured better than 2 on both relevance sets, no measure lower (bench/RESULTS.md, eleventh session).
COORDINATION = 1.5
# The setting almost every caller names ("at the police station", "в отделе милиции", "дар шӯъба") is not
# what the query asks about: when at least two other words remain, a record's share of the query's words is
# counted without these (they are still scored). Otherwise every detention article, which has them, led
# "cops beat me up at the station" and "в отделе не вызвали врача" above the law on the harm they name
# (bench/RESULTS.md, fifteenth session).
_SETTING_WORDS = {
    # Porter2 stems "officer" as "office": "our office was sealed" counts its other words only, as
    # "officers sealed our office" does (measured: without "officer", no set gained).
    "latin": "police policeman policemen officer officers station custody militia cop cops",
    # Russian and Tajik alike: a Tajik query typed without the Tajik letters is read in both languages.
    "cyrillic": "милиция милиции милицию милицией милиционер милиционеры полиция полиции отдел отделе отдела "
                "отделение отделении сотрудник сотрудники сотрудников участковый милитсия милиса шӯъба шӯъбаи "
                "корманд кормандон кормандони",
}
SETTING = {lang: frozenset(words(_SETTING_WORDS["latin" if lang == "en" else "cyrillic"]))
           for lang, words in words_of_each_language().items()}
# A caller's words that tell of one circumstance more than of any other (kb.subjects.Stories) raise its first
# leading authorities in the circumstance's order: the first by this share of the best result's score, the
# next ones by TOLD_DECAY times the one before ("police won't give my friend his HIV pills": the
# Constitution's right to health care first). On the relevance sets 0.2 to 0.45 measured alike; on two blind
# batches written after it, 0.3 lost to no raise and 0.2 came within a query of it, and 0.2 was the best on
# the older held-out queries (bench/RESULTS.md, sixteenth session).
TOLD_BOOST = 0.2
TOLD_DECAY = 0.8
# The languages whose fields a query is looked for in, by the letters it is written in.
SCRIPT_LANGS = {"latin": ("en",), "russian": ("ru",), "tajik": ("tg",), "cyrillic": ("ru", "tg"), "mixed": LANGS}
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}


def _parse(parser, text: str) -> Q.Query:
    """The query ``text`` asks for. Whoosh's parser fails on some broken syntax ('NOT NOT "'): then
    the words alone are searched."""
    try:
        return parser.parse(text)
    except Exception:  # noqa: BLE001 - any failure of the parser has the same remedy
        words = [word for word in re.findall(r"\w+", text) if word not in OPERATORS]
        return parser.parse(" ".join(words)) if words else Q.NullQuery


def _is_setting(token: dict[str, list[str]]) -> bool:
    """A query word that, in every language it is analysed in, is a word of the setting (SETTING)."""
    return all(word in SETTING[lang] for lang, words in token.items() for word in words)


def _any_word_terms(analysed: dict[str, list[str]]) -> list[tuple[str, str, float]]:
    """(field, word, boost) of every analysed word in every field of its language: the terms the "any
    word" parser makes of plain words (tests/test_ranking.py compares them)."""
    return [(f"{part}_{lang}", word, weight) for lang, found in analysed.items()
            for word in found for part, weight in FIELD_WEIGHTS.items()]


def _most_words(shares: dict[int, float], at_least: int) -> set[int]:
    """The documents with the largest shares: all those of the best share, then of the next, until at
    least ``at_least`` are taken (or none is left)."""
    pool: set[int] = set()
    for share in sorted(set(shares.values()), reverse=True):
        pool = {doc for doc, found in shares.items() if found >= share}
        if len(pool) >= at_least:
            break
    return pool


def _has_syntax(text: str) -> bool:
    """Whether a query uses the search syntax: quotes, a wildcard, a field, or OR / NOT / AND."""
    return bool(re.search(r'["*?:]', text)) or any(word in OPERATORS for word in text.split())


def _without_phrases(query: Q.Query) -> Q.Query:
    """Phrases as all their words: for Whoosh's own search, since the index keeps no positions."""
    if isinstance(query, Q.Phrase):
        return Q.And([Q.Term(query.fieldname, word, boost=query.boost) for word in query.words])
    return query if query.is_leaf() else query.apply(_without_phrases)


def _choice(name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")


class Searcher:
    """An open index. Keep one for many queries (the benchmark does)."""

    def __init__(self, index_dir: Path):
        if not whoosh_index.exists_in(str(index_dir)):
            raise FileNotFoundError(f"no search index in {index_dir}; run `huquq index` first")
        self.ix = whoosh_index.open_dir(str(index_dir))
        self.catalog = json.loads((Path(index_dir) / CATALOG).read_text(encoding="utf-8"))
        self._citations = prepare(self.catalog)  # the same for every query
        self.stories = Stories(self.catalog.get("subjects", []), SETTING)
        # A query is looked for in the fields of the languages its script can be: Latin letters in the
        # English fields, Cyrillic in the Russian and Tajik ones (topic labels and synonyms there carry
        # it across languages). Plain words are ranked by score and by the share of them a document has
        # (_best); a query with syntax has the documents with all of it first, any of it after.
        self.parsers = {}
        for script, langs in SCRIPT_LANGS.items():
            boosts = {f"{part}_{lang}": weight for lang in langs for part, weight in FIELD_WEIGHTS.items()}
            fields = list(boosts)
            self.parsers[script] = (MultifieldParser(fields, self.ix.schema, fieldboosts=boosts, group=AndGroup),
                                    MultifieldParser(fields, self.ix.schema, fieldboosts=boosts, group=OrGroup))
        # One reader for the life of the Searcher, and each filter's documents computed once:
        # a filter such as "current wording" matches most of the index.
        self.searcher = self.ix.searcher(weighting=weighting(self.ix.schema.names()))
        self.ranker = Ranker(self.searcher, self._words)
        # Each language's analysis of a text, as the index made its words (the site's export reads them too).
        self.words_of = words_of_each_language()
        self._filter_docs: dict[tuple, set[int]] = {}
        self._weights: dict[int, float] = {}
        self._authorities = self.searcher.reader().column_reader("authority")

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()

    def search(self, text: str, *, lang: str = "en", jurisdiction: str | None = None,
               instrument: str | None = None, topic: str | None = None, kind: str | None = None,
               in_force_on: dt.date | None = None, limit: int = 10, site_url: str | None = None) -> list[Hit]:
        _choice("--lang", lang, LANGS)
        _choice("--kind", kind, KINDS)
        _choice("--jurisdiction", jurisdiction, JURISDICTIONS)
        if limit < 1:
            raise ValueError("--limit must be at least 1")
        # A question mark ending a word ends a question ("задержали без протокола?"); to Whoosh it would be
        # a wildcard for one more letter, which the word itself does not match. A colon ending a word ends a
        # heading ("Right to liberty: arrest"); to this module it would be query syntax (a field's name).
        text = re.sub(r"[?:]+(?=\s|$)", " ", text).strip()
        if not text:
            raise ValueError("the query is empty; type a few words or a citation like 'ICCPR 9'")
        filters = self._filter_set(jurisdiction, instrument, topic, kind, in_force_on)
        if not filters:
            return []  # nothing passes the filters (Whoosh would read an empty set as "no filter")
        hits: list[Hit] = []
        searcher = self.searcher
        stems = query_stems(text)
        case = find_case(text, self.catalog) if kind != "provision" else None
        cited = find_citation(text, self.catalog, self._citations) if kind != "case" and not case else None
        named = None if cited or case else named_instrument(text, self._citations)
        if case or cited:
            pid, pinpoint = cited or (case, "")
            for result in searcher.search(Q.Term("id", pid), filter=filters, limit=1):
                hits.append(self._hit(result.fields(), 1000.0, lang, site_url, stems, pinpoint, exact=True))
        # A query that names an instrument ("Criminal Code torture", "свобода собраний Конституция") has
        # that instrument's provisions with all its other words first: its name is rarely in their text.
        searches = [(text, filters, False)]
        if named and named[1]:
            own = filters & self._filter_set(jurisdiction, named[0], topic, kind, in_force_on)
            if own:
                searches.insert(0, (named[1], own, True))
        for words, allowed, every_word in searches:
            if len(hits) >= limit:
                break
            for docnum, score in self._best(words, allowed, 2 * (limit + len(hits)) + 10, every_word):
                fields = searcher.stored_fields(docnum)
                if not any(h.id == fields["id"] for h in hits):
                    hits.append(self._hit(fields, score, lang, site_url, stems))
                if len(hits) >= limit:
                    break
        return hits

    def _best(self, text: str, allowed: set[int], limit: int, every_word: bool = False) -> list[tuple[int, float]]:
        """The documents in ``allowed`` that ``text`` finds, best first: BM25F weighed by authority
        (``_prior``) and, for plain words, by how many of the query's words the document has.

        A document with every word is not simply put before one with most of them: a treaty article with
        two of three words in its title and text is a better answer than a long report with all three
        once. The score is multiplied by the share of the query's words found, to the power
        COORDINATION. A query with syntax (quotes, OR, NOT, wildcards) means what it says: the
        documents with all of it come first, then those with any of it. ``every_word``: only the
        documents with every word."""
        script = _script(text)
        syntax = _has_syntax(text)
        tokens = [] if every_word or syntax else self._tokens(text, SCRIPT_LANGS[script])
        if len(tokens) >= 2:
            shares = self._shares(tokens, allowed, max(limit, self.COORDINATION_POOL))
            pool = _most_words(shares, max(limit, self.COORDINATION_POOL))
            # The pool scored on every word in every field, as the parser would ask for plain words
            # (without parsing, 2 ms, or matching again, 4 ms: the pool is already what matches).
            analysed = self._analysed(text, SCRIPT_LANGS[script])
            ranked = self.ranker.score(pool, _any_word_terms(analysed), len(pool))
            scored = [(doc, score * shares[doc] ** COORDINATION) for doc, score in ranked]
            return self._told(analysed, allowed, scored, self._best_weighed(scored, limit), limit)
        every, some = self.parsers[script]
        ranked = self._prior(self._ranked(_parse(every, text), allowed, limit))
        if syntax and not every_word and len(ranked) < limit:
            seen = {doc for doc, _ in ranked}
            ranked += [(doc, score) for doc, score in self._prior(self._ranked(_parse(some, text), allowed, limit))
                       if doc not in seen]
        return ranked[:limit]

    def _told(self, analysed: dict[str, list[str]], allowed: set[int], scored: list[tuple[int, float]],
              best: list[tuple[int, float]], limit: int) -> list[tuple[int, float]]:
        """``best`` with the first leading authorities of the circumstance the query tells of (kb.subjects.Stories)
        raised: each by a share of the first result's score (TOLD_BOOST, TOLD_DECAY), added to its own
        weighed score in the pool (none if it is not in the pool). The setting's words tell of nothing."""
        story = self.stories.told({lang: set(words) for lang, words in analysed.items()})
        if not story or not best:
            return best
        own = dict(scored)
        scores = dict(best)
        by = TOLD_BOOST * best[0][1]
        for pid in story["leaders"]:
            for doc in self.searcher.document_numbers(id=pid):
                if doc in allowed:
                    scores[doc] = (own[doc] * self.authority_weight(doc) if doc in own else 0.0) + by
            by = by * TOLD_DECAY  # the page's arithmetic (docs/assets/huquq-engine.js, raise)
        return sorted(scores.items(), key=best_first)[:limit]

    def subjects(self, text: str) -> list[dict]:
        """The topics and circumstances ``text`` names, and the circumstance it tells of (kb.subjects.shown):
        kind, id, url, title."""
        typed = {lang: set(words) for lang, words in self._analysed(text, SCRIPT_LANGS[_script(text)]).items()}
        return shown(self.catalog.get("subjects", []), self.stories, typed)

    def _analysed(self, text: str, langs: tuple[str, ...]) -> dict[str, list[str]]:
        """The query's words as the fields of each of ``langs`` were analysed."""
        return {lang: self.words_of[lang](text) for lang in langs}

    def _best_weighed(self, scored: list[tuple[int, float]], limit: int) -> list[tuple[int, float]]:
        """The best ``limit`` of ``scored`` once weighed by authority (as ``_prior``), reading the authority
        of as few documents as it can: a weight is at most 1, so once ``limit`` weighed scores are above
        the next unweighed one, no document left can enter (a pool of common words can hold thousands of
        documents)."""
        weighed: list[tuple[int, float]] = []
        for doc, score in sorted(scored, key=best_first):
            if len(weighed) >= limit and weighed[limit - 1][1] > score:
                break
            insort(weighed, (doc, score * self.authority_weight(doc)), key=best_first)
        return weighed[:limit]

    # The documents scored for the blended order: those with the most of the query's words, taken a number
    # of words at a time (every word, then all but one, ...) until at least this many are in hand. Scoring
    # every document with any word took 47 ms at 10,000 provisions.
    COORDINATION_POOL = 100

    def _tokens(self, text: str, langs: tuple[str, ...]) -> list[dict[str, list[str]]]:
        """The query's words, each as the fields of every one of ``langs`` analyse it ({lang: [words]});
        the words no language keeps (stop words) left out."""
        tokens = []
        for token in dict.fromkeys(re.findall(WORD, text.lower())):
            analysed = {lang: found for lang in langs if (found := self.words_of[lang](token))}
            if analysed:
                tokens.append(analysed)
        return tokens

    def _shares(self, tokens: list[dict[str, list[str]]], allowed: set[int], enough: int) -> dict[int, float]:
        """document -> the share of the query's words it has, in any field of any of the query's languages
        (a Cyrillic word counts found in the Russian or in the Tajik fields), for the documents in
        ``allowed`` with at least one; only those with every word when there are ``enough`` of them (the
        pool is then theirs: see _most_words). The words of the setting (SETTING) are not counted when two
        other words remain and a document has one of them."""
        self.ranker.forget()
        found = [set().union(*(self.ranker.postings(f"{part}_{lang}", word).keys()
                               for lang, words in token.items() for word in words for part in FIELD_WEIGHTS))
                 & allowed for token in tokens]
        # Without the setting, unless that leaves fewer than two words or no document at all ("милиционер
        # приставал к сыну в отделении": no record has the other words, and the setting finds the law).
        subject = [docs for token, docs in zip(tokens, found) if not _is_setting(token)]
        if len(subject) >= 2 and any(subject):
            found = subject
        every = set.intersection(*found)
        if len(every) >= enough:
            return dict.fromkeys(every, 1.0)
        counts: Counter[int] = Counter()
        for docs in found:
            counts.update(docs)
        return {doc: count / len(found) for doc, count in counts.items()}

    def _prior(self, ranked) -> list[tuple[int, float]]:
        """BM25F scores weighed by the authority of the record, best first."""
        weighed = [(doc, score * self.authority_weight(doc)) for doc, score in ranked]
        return sorted(weighed, key=best_first)

    def authority_weight(self, doc: int) -> float:
        """The prior of document ``doc``'s kind of authority (AUTHORITY_PRIOR), as ranking weighs it."""
        # From the index's column (kb.index.make_schema), kept per document: the same documents come back
        # query after query.
        if doc not in self._weights:
            self._weights[doc] = AUTHORITY_PRIOR.get(self._authorities[doc], 1.0)
        return self._weights[doc]

    # A provision is proposed for a matter's facts only when its own words (title, text, summary) share
    # at least this many distinct words with the facts: one shared word ("held") is chance.
    FACTS_MIN_WORDS = 4
    FACTS_PARTS = ("title", "text", "summary")

    def rank_facts(self, text: str, topic: str, on: dt.date, limit: int = 50) -> list[tuple[str, float]]:
        """(provision id, score) of the provisions tagged with ``topic`` and in force on ``on``, ranked
        against a matter's facts (any of their words, in the provision's own title, text and summary),
        best first, those sharing fewer than FACTS_MIN_WORDS distinctive words with the facts left out:
        the memo chooses its extra authorities from them. The words are looked up as the index analyses
        them, never parsed as query syntax."""
        terms = []
        words_by_field: dict[str, set[str]] = {}
        for lang in SCRIPT_LANGS[_script(text)]:
            words = set(self.words_of[lang](text))
            for part in self.FACTS_PARTS:
                words_by_field[f"{part}_{lang}"] = words
                terms += [Q.Term(f"{part}_{lang}", word, boost=FIELD_WEIGHTS[part]) for word in sorted(words)]
        if not terms:
            return []
        filters = self._filter_set(None, None, topic, "provision", on)
        # Words in one document in twenty or more ("officer", "provide") say little about which provision fits.
        total = self.searcher.doc_count() or 1
        common = {word for fieldname, words in words_by_field.items() for word in words
                  if self.searcher.doc_frequency(fieldname, word) > total / 20}
        found: dict[str, float] = {}
        for docnum, score in self._prior(self._ranked(Q.Or(terms), filters, limit)):
            pid = self.searcher.stored_fields(docnum)["id"]
            if pid in found:
                continue
            shared = {word for fieldname, words in words_by_field.items() for word in words
                      if docnum in self.ranker.postings(fieldname, word) and word not in common}
            if len(shared) >= self.FACTS_MIN_WORDS:
                found[pid] = score
        return list(found.items())

    def _ranked(self, query: Q.Query, filters: set[int], limit: int):
        """(document number, score) pairs for ``query``, best first, at most ``limit``."""
        try:
            return self.ranker.rank(query, filters, limit)
        except Unsupported:
            results = self.searcher.search(_without_phrases(query), filter=filters, limit=limit)
            return [(result.docnum, result.score) for result in results]

    def _words(self, docnum: int, fieldname: str) -> list[str]:
        """A document's searchable text in the language of ``fieldname`` (title, the instrument's names,
        body, search terms, topic words), analysed as the index does: phrases are looked for there, since the index
        keeps no word positions."""
        lang = fieldname.rsplit("_", 1)[-1]
        fields = self.searcher.stored_fields(docnum)
        names = self.catalog["instruments"].get(fields["instrument"], []) if fields["kind"] == "provision" else []
        topics = self.catalog.get("topics", {})
        topic_words = [word for topic in fields["topics"].split(",") if topic
                       for word in topics.get(topic, {}).get(lang, [])]
        display = fields["display"]
        parts = [display.get("title", {}).get(lang), *names, fields.get(f"body_{lang}"),
                 *display.get("keywords", {}).get(lang, ()), *topic_words]
        words_of, words = self.words_of[lang], []
        for part in filter(None, parts):
            words += words_of(part)
            words.append("")  # a phrase does not run from one part into the next
        return words

    def _filter_set(self, *key) -> set[int]:
        if key not in self._filter_docs:
            self._filter_docs[key] = set(self._filters(*key).docs(self.searcher))
        return self._filter_docs[key]

    def _filters(self, jurisdiction, instrument, topic, kind, on) -> Q.Query:
        parts: list[Q.Query] = []
        if jurisdiction:
            parts.append(Q.Term("jurisdiction", jurisdiction))
        if instrument:
            parts.append(Q.Term("instrument", instrument))
        if topic:
            parts.append(Q.Term("topics", topic))
        if kind:
            parts.append(Q.Term("kind", kind))
        if on:
            day = on.isoformat()
            parts.append(Q.TermRange("valid_from", None, day))
            parts.append(Q.TermRange("valid_to", day, None, startexcl=True))
        else:
            parts.append(Q.Term("current", "yes"))
        return Q.And(parts)

    def _hit(self, result: dict, score: float, lang: str, site_url: str | None, stems: frozenset[str],
             pinpoint: str = "", exact: bool = False) -> Hit:
        display = result["display"]
        kind = result["kind"]
        title = pick(display.get("title", {}), lang)
        if kind == "provision":
            citation = pick(display["cite"], lang) + pinpoint
            url = ids.absolute(site_url, ids.provision_url(result["id"]))
        else:
            citation = f"{display['body'].upper()} {display['number']} ({display['date']})"
            url = ids.absolute(site_url, ids.case_url(result["id"]))
        valid_to = result["valid_to"]
        return Hit(
            id=result["id"], kind=kind, title=title, citation=citation,
            score=round(float(score or 0.0), 3),
            snippet=self._snippet(result, lang, stems), url=url, instrument=result["instrument"],
            verification=display.get("verification", ""),
            in_force_from=display.get("in_force_from"),
            in_force_to=None if valid_to == OPEN_END else display.get("in_force_to"),
            topics=[t for t in result["topics"].split(",") if t], exact=exact,
        )

    def _snippet(self, result, lang: str, stems: frozenset[str]) -> str:
        """The excerpt in the reader's language (else the one read next, as titles are: kb.cite.pick), at the
        query's words where it has them, else from its start: a Russian reader of "ст. 9 МПГПП" gets the
        Russian summary, not the English text where "9" is found."""
        chosen = pick_lang({candidate: result.get(f"body_{candidate}") for candidate in LANGS}, lang)
        if not chosen:
            return ""
        body = result[f"body_{chosen}"]
        found = snippet(body, stems)
        if found:
            return found
        flat = " ".join(body.split())
        return flat[:220] + ("…" if len(flat) > 220 else "")


def search(index_dir: Path, text: str, **options) -> list[Hit]:
    """One search on the index in ``index_dir`` (see ``Searcher.search`` for the options)."""
    searcher = Searcher(index_dir)
    try:
        return searcher.search(text, **options)
    finally:
        searcher.close()
