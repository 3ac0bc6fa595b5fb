"""Ranking word queries: Whoosh's BM25F, computed over whole posting lists at once.

Whoosh answers a query by walking a tree of matchers one document at a time, in Python. A query whose
words are all common ("equal protection of the law without discrimination") has thousands of
documents with every word, and at 10,000 provisions that walk took 60 ms. Here each word's postings
are read a block at a time into a dict, the query's AND/OR/NOT structure becomes set operations,
and only the documents left (and passing the filters) are scored, with Whoosh's own BM25F formula
and statistics, so the ranking is the one Whoosh would give (``tests/test_ranking.py`` checks that). An
index updated file by file still holds the replaced documents, deleted: their statistics are then counted
over the live documents only, so that it ranks as an index of the same sources made afresh.

Phrases ("brought promptly") are matched on the stored texts: the index keeps no word positions,
which made reading a common word's postings about four times slower. Wildcards are expanded to the
words in the index first. A query this module does not evaluate (only excluded words: "NOT torture")
raises ``Unsupported`` and ``kb.search`` hands it to Whoosh.
"""

from __future__ import annotations

import heapq
from itertools import accumulate, chain, islice
from math import log
from typing import Callable, Iterator

from whoosh import query as Q
from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

K1, B = 1.2, 0.75  # Whoosh's BM25F defaults
# How much a field's length lowers the weight of a word in it (BM25's B per field, by the part before
# "_lang"; Whoosh's default for the others). The subjects a record leads (kb.index.lead_words) lengthen its
# "lead" field with each subject it leads, which says nothing about how much it leads any one of them: the
# Constitution's article 23, which leads three subjects, is no less a leading authority on privacy than an
# article that leads one. An article's text and summary are long because it has many parts (ICCPR 14 lists
# every guarantee of a fair trial), not because it says little about each: their length counts for less.
# Measured on the relevance set when the Tajik summaries came in (bench/RESULTS.md, seventh session).
FIELD_B = {"lead": 0.0, "summary": 0.5, "text": 0.3}
LENGTHS = [byte_to_length(b) for b in range(256)]  # Whoosh stores field lengths as one byte


def field_b(fieldname: str) -> float:
    return FIELD_B.get(fieldname.rsplit("_", 1)[0], B)


def weighting(fieldnames) -> scoring.BM25F:
    """Whoosh's BM25F with the B of FIELD_B for ``fieldnames``: what ``Ranker`` computes, for the
    queries Whoosh answers itself."""
    return scoring.BM25F(B=B, K1=K1, **{f"{name}_B": field_b(name) for name in fieldnames
                                         if field_b(name) != B})


def best_first(item: tuple[int, float]) -> tuple[float, int]:
    """Sort key of (document number, score): best score first, ties by document number (as Whoosh)."""
    return -item[1], item[0]


class Unsupported(Exception):
    """A query shape this module does not evaluate."""


class Ranker:
    """Scores queries on one open Whoosh searcher (one reader: its document numbers stay valid).

    ``words_of(docnum, fieldname)`` gives a document's analysed words in a field, for phrases.
    """

    def __init__(self, searcher, words_of: Callable[[int, str], list[str]]):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = self.reader.leaf_readers()  # [(segment reader, first document number)]
        self.words_of = words_of
        self._lengths: dict[str, list[int]] = {}
        self._postings: dict[tuple[str, str], dict[int, float]] = {}
        # An index updated file by file keeps the replaced documents, deleted, until its segments merge; Whoosh
        # counts them in a word's rarity and a field's average length, so the same corpus would rank otherwise
        # than when indexed afresh. Those statistics are then taken over the live documents only.
        self.live: set[int] | None = set(self.reader.all_doc_ids()) if self.reader.has_deletions() else None
        self._averages: dict[str, float] = {}
        self._idfs: dict[tuple[str, str], float] = {}

    def rank(self, query: Q.Query, allowed: set[int], limit: int) -> Iterator[tuple[int, float]]:
        """(document number, score) for the documents in ``allowed`` that ``query`` matches, best
        first, at most ``limit``. Raises ``Unsupported`` (at once, not while iterating) if it cannot."""
        self.forget()
        query = query.simplify(self.reader)
        terms: list[tuple[str, str, float]] = []
        phrases: list[Q.Phrase] = []
        docs = self._match(query, terms, phrases) & allowed
        if not phrases:
            return iter(self._top(docs, terms, limit))
        # Documents with the phrases' words, best first, kept while the phrases are there too.
        ranked = ((doc, score) for doc, score in self._top(docs, terms, None) if self._holds(query, doc))
        return islice(ranked, limit)

    def score(self, docs: set[int], terms: list[tuple[str, str, float]], limit: int) -> list[tuple[int, float]]:
        """``docs`` ranked by BM25F over ``terms`` ((field, word, boost), as an Or of Terms gives them),
        best first, at most ``limit``: for a caller that already knows which documents match. Uses the
        postings already read for this query."""
        return self._top(docs, terms, limit)

    def forget(self) -> None:
        """Drop the postings read: each query reads its own, so memory stays small and timings honest."""
        self._postings = {}

    # --- matching: which documents -------------------------------------------------------------

    def _match(self, node: Q.Query, terms: list, phrases: list) -> set[int]:
        if isinstance(node, Q.Term):
            terms.append((node.fieldname, node.text, node.boost))
            return set(self.postings(node.fieldname, node.text))
        if isinstance(node, Q.Phrase):
            phrases.append(node)
            words = [Q.Term(node.fieldname, word, boost=node.boost) for word in node.words]
            return self._match(Q.And(words), terms, phrases)
        if node is Q.NullQuery:
            return set()
        if isinstance(node, Q.AndNot):
            return self._match(node.a, terms, phrases) - self._match(node.b, [], [])
        if isinstance(node, Q.And):
            wanted = [c for c in node.children() if not isinstance(c, Q.Not)]
            unwanted = [c for c in node.children() if isinstance(c, Q.Not)]
            if not wanted:
                raise Unsupported("a query of excluded words only")
            docs = set.intersection(*(self._match(c, terms, phrases) for c in wanted))
            for child in unwanted:
                docs -= self._match(child.query, [], [])
                terms.append(("", "", child.boost))  # Whoosh scores a NOT it passes as its boost
            return docs
        if isinstance(node, Q.Or) and not isinstance(node, Q.DisjunctionMax):
            # "any word" of "a b NOT c": a or b, and never c. (Whoosh's own Or would take every
            # document without c.)
            wanted = [c for c in node.children() if not isinstance(c, Q.Not)]
            if not wanted:
                raise Unsupported("a query of excluded words only")
            docs: set[int] = set()
            for child in wanted:
                docs |= self._match(child, terms, phrases)
            for child in node.children():
                if isinstance(child, Q.Not):
                    docs -= self._match(child.query, [], [])
            return docs
        raise Unsupported(type(node).__name__)

    def _holds(self, node: Q.Query, doc: int) -> bool:
        """Whether ``doc`` matches ``node``, phrases checked word by word (``node`` is one that
        ``_match`` accepted)."""
        if isinstance(node, Q.Term):
            return doc in self.postings(node.fieldname, node.text)
        if isinstance(node, Q.Phrase):
            postings = [self.postings(node.fieldname, word) for word in node.words]
            return all(doc in p for p in postings) and has_phrase(self.words_of(doc, node.fieldname), node)
        if isinstance(node, Q.AndNot):
            return self._holds(node.a, doc) and not self._holds(node.b, doc)
        if isinstance(node, Q.Not):
            return not self._holds(node.query, doc)
        if isinstance(node, Q.And):
            return all(self._holds(child, doc) for child in node.children())
        if isinstance(node, Q.Or):
            wanted = [c for c in node.children() if not isinstance(c, Q.Not)]
            unwanted = [c for c in node.children() if isinstance(c, Q.Not)]
            return any(self._holds(c, doc) for c in wanted) and all(self._holds(c, doc) for c in unwanted)
        return False  # the null query

    # --- scoring: in what order -----------------------------------------------------------------

    def _top(self, docs: set[int], terms: list[tuple[str, str, float]], limit: int | None
             ) -> list[tuple[int, float]]:
        """``docs`` ranked by BM25F over ``terms``, best first (ties by document number, as Whoosh);
        the best ``limit`` of them, or all."""
        scores = dict.fromkeys(docs, 0.0)
        for fieldname, text, boost in terms:
            if not fieldname:
                scores = {doc: score + boost for doc, score in scores.items()}
                continue
            postings = self.postings(fieldname, text)
            if not postings:
                continue
            idf = self.idf(fieldname, text)
            avg = self.average_length(fieldname)
            lengths = self.lengths(fieldname)
            b = field_b(fieldname)
            norm = K1 * (1 - b)
            per_length = K1 * b / avg
            weight = idf * (K1 + 1) * boost
            for doc in postings.keys() & docs:
                tf = postings[doc]
                scores[doc] += weight * tf / (tf + norm + per_length * lengths[doc])

        if limit is None:
            return sorted(scores.items(), key=best_first)
        return heapq.nsmallest(limit, scores.items(), key=best_first)

    # --- statistics: Whoosh's, over the live documents ---------------------------------------------

    def idf(self, fieldname: str, text: str) -> float:
        """How rare ``text`` is in ``fieldname``: Whoosh's BM25F idf, counting only live documents."""
        if self.live is None:
            return self.searcher.idf(fieldname, text)
        if (fieldname, text) not in self._idfs:  # kept for the Ranker's life, as Whoosh keeps its own
            found = len(self.postings(fieldname, text).keys() & self.live)
            self._idfs[fieldname, text] = log(len(self.live) / (found + 1)) + 1
        return self._idfs[fieldname, text]

    def average_length(self, fieldname: str) -> float:
        """The average length of ``fieldname`` over the live documents (as Whoosh computes it, which counts
        the deleted ones too)."""
        if self.live is None:
            return self.searcher.avg_field_length(fieldname) or 1
        if fieldname not in self._averages:
            lengths = self.lengths(fieldname)
            deleted = sum(length for doc, length in enumerate(lengths) if doc not in self.live)
            self._averages[fieldname] = ((self.searcher.field_length(fieldname) - deleted) / (len(self.live) or 1)) or 1
        return self._averages[fieldname]

    # --- reading the index ----------------------------------------------------------------------

    def postings(self, fieldname: str, text: str) -> dict[int, float]:
        """{document number: term frequency} for ``text`` in ``fieldname``, over all segments.
        Deleted documents may be included: the caller's filter set never contains them."""
        key = (fieldname, text)
        if key in self._postings:
            return self._postings[key]
        found: dict[int, float] = {}
        for reader, offset in self.leaves:
            if (fieldname, text) not in reader:
                continue
            matcher = reader.postings(fieldname, text)
            matcher = getattr(matcher, "child", matcher)  # without the deleted-documents wrapper
            found.update(_read_postings(matcher, offset))
        self._postings[key] = found
        return found

    def lengths(self, fieldname: str) -> list[int]:
        """Each document's length in ``fieldname`` (as Whoosh stores it, to within a few percent)."""
        if fieldname not in self._lengths:
            column: list[int] = []
            for reader, _offset in self.leaves:
                column.extend(_field_lengths(reader, fieldname))
            self._lengths[fieldname] = column
        return self._lengths[fieldname]


def has_phrase(words: list[str], phrase: Q.Phrase) -> bool:
    """Whether ``words`` have the phrase's words in order, each at most ``slop`` words after the last
    (slop 1: side by side, as the index's analyzers number words, function words left out)."""
    wanted = phrase.words
    for start, word in enumerate(words):
        if word != wanted[0]:
            continue
        position = start
        for target in wanted[1:]:
            window = words[position + 1:position + 1 + phrase.slop]
            if target not in window:
                break
            position += 1 + window.index(target)
        else:
            return True
    return False


def _read_postings(matcher, offset: int):
    """(document number, frequency) pairs: a whole block at a time from Whoosh's own codec, one
    posting at a time from any other matcher."""
    if all(hasattr(matcher, name) for name in ("_read_data", "_read_weights", "_next_block", "_byteids")):
        # Python runs once a block; the pairs within it are made and taken in C (a generator yielding each
        # pair cost a third of a common word's search).
        return chain.from_iterable(_blocks(matcher, offset))
    return _one_at_a_time(matcher, offset)


def _blocks(matcher, offset: int):
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        ids = matcher._data[0]
        ids = ids if matcher._byteids else accumulate(ids)  # stored as gaps
        matcher._read_weights()
        yield zip(map(offset.__add__, ids), matcher._weights)  # taken whole before the next block is read
        matcher._next_block()


def _one_at_a_time(matcher, offset: int):
    while matcher.is_active():
        yield matcher.id() + offset, matcher.weight()
        matcher.next()


def _field_lengths(reader, fieldname: str) -> list[int]:
    """One segment's field lengths: its length column read in one piece, or document by document."""
    count = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", None)
    column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN) if hasattr(perdoc, "_cached_reader") else None
    if column is not None and getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_dbfile"):
        stored = column._dbfile.get(column._basepos, column._count) if column._count else b""
        return [LENGTHS[b] for b in stored] + [0] * (count - len(stored))
    return [reader.doc_field_length(doc, fieldname, 0) or 0 for doc in range(count)]

