"""kb.ranking: the same ranking as Whoosh's own BM25F, phrases checked on the stored text."""

import pytest
from whoosh import query as Q

from kb import ranking
from kb.index import update_index
from kb.search import Searcher, _script, _without_phrases, search

QUERIES = [
    "arbitrary arrest and detention", "equal protection of the law without discrimination",
    "право на свободу и личную неприкосновенность", "принудительное тестирование на ВИЧ",
    "ҳуқуқ ба озодӣ", "хукук ба озоди", "detention задержание", "torture OR degrading", "privacy NOT correspondence",
    "detent*", "freedom of association", "медицинская тайна",
]


@pytest.fixture(scope="module")
def searcher(index_dir):
    searcher = Searcher(index_dir)
    yield searcher
    searcher.close()


@pytest.mark.parametrize("text", QUERIES)
def test_ranking_is_whooshs_bm25f(searcher, text):
    """Whoosh's own search of the same query, filters and index gives the same documents in the same
    order with the same scores."""
    allowed = searcher._filter_set(None, None, None, None, None)
    compared = 0
    for parser in searcher.parsers[_script(text)]:  # all the words, then any word
        query = parser.parse(text)
        if isinstance(query, Q.Or) and any(isinstance(child, Q.Not) for child in query.children()):
            continue  # "any word" with a NOT: Whoosh's Or would take every document without the word
        ours = list(searcher.ranker.rank(query, allowed, 20))
        # A wildcard is compared as Whoosh expands it (an Or of its words): Whoosh's own wildcard matcher
        # drops the field's boost when a field has a single matching word, and keeps it otherwise.
        asked = query.simplify(searcher.searcher.reader()) if "*" in text else query
        theirs = [(hit.docnum, hit.score) for hit in searcher.searcher.search(asked, filter=allowed, limit=20)]
        assert [doc for doc, _ in ours] == [doc for doc, _ in theirs], parser.group
        assert [round(score, 6) for _, score in ours] == [round(score, 6) for _, score in theirs]
        compared += len(ours)
    assert compared, f"{text!r} found nothing: the comparison would prove nothing"


def test_block_reading_equals_whooshs_matcher(searcher):
    """The block-at-a-time reader and the document lengths give what Whoosh's public API gives."""
    reader = searcher.searcher.reader()
    for fieldname, word in [("text_en", "detent"), ("text_ru", "прав"), ("text_tg", "хукук")]:
        fast = dict(searcher.ranker.postings(fieldname, word))
        assert len(fast) > 5
        slow = {}
        for leaf, offset in reader.leaf_readers():
            if (fieldname, word) in leaf:
                matcher = leaf.postings(fieldname, word)
                while matcher.is_active():
                    slow[matcher.id() + offset] = matcher.weight()
                    matcher.next()
        assert fast == slow
        lengths = searcher.ranker.lengths(fieldname)
        assert all(lengths[doc] == reader.doc_field_length(doc, fieldname) for doc in fast)


def test_postings_fall_back_for_other_matchers(searcher):
    """A matcher that is not Whoosh's own codec's is read one posting at a time."""
    class Plain:
        def __init__(self, items):
            self.items = list(items)

        def is_active(self):
            return bool(self.items)

        def id(self):
            return self.items[0][0]

        def weight(self):
            return self.items[0][1]

        def next(self):
            self.items.pop(0)

    assert list(ranking._read_postings(Plain([(0, 1.0), (3, 2.0)]), 10)) == [(10, 1.0), (13, 2.0)]


def test_phrases_need_the_words_side_by_side(fixture_index):
    assert search(fixture_index, '"brought promptly"')[0].id == "iccpr/9"
    # Both words are in ICCPR art. 9, but not in this order: no phrase.
    assert "iccpr/9" not in [hit.id for hit in search(fixture_index, '"promptly brought"')]
    # A phrase and a word; a phrase with a word left out.
    assert search(fixture_index, '"brought promptly" judge')[0].id == "iccpr/9"
    assert "iccpr/9" not in [hit.id for hit in search(fixture_index, '"brought promptly" NOT judge')]
    # Excluded in the "any word" stage too.
    assert "iccpr/9" not in [hit.id for hit in search(fixture_index, 'arbitrary marriage NOT judge')]
    assert "iccpr/9" in [hit.id for hit in search(fixture_index, 'arbitrary marriage')]


def test_phrases_in_instrument_names_and_topic_words(fixture_index):
    """A phrase is looked for in all the searchable text: instrument names and topic words too."""
    assert "iccpr/9" in [hit.id for hit in search(fixture_index, '"unlawful arrest"')]  # a topic synonym
    assert "tj-family-code/15" in [hit.id for hit in search(fixture_index, '"принудительный тест"')]
    family = [hit.id for hit in search(fixture_index, '"family code"', limit=20)]
    assert "tj-family-code/19" in family and "iccpr/9" not in family
    # Not across two parts: a topic's label ends, a synonym begins.
    assert not search(fixture_index, '"detention unlawful"')


def test_has_phrase_counts_slop():
    phrase = Q.Phrase("text_en", ["brought", "prompt"])
    assert ranking.has_phrase(["arrest", "brought", "prompt", "judg"], phrase)
    assert not ranking.has_phrase(["brought", "judg", "prompt"], phrase)
    assert ranking.has_phrase(["brought", "judg", "prompt"], Q.Phrase("text_en", ["brought", "prompt"], slop=2))


def test_queries_it_cannot_rank_go_to_whoosh(searcher):
    """A query of excluded words only is Whoosh's to answer (no positions: phrases become all words)."""
    allowed = searcher._filter_set(None, None, None, None, None)
    with pytest.raises(ranking.Unsupported):
        searcher.ranker.rank(Q.Not(Q.Term("text_en", "tortur")), allowed, 10)
    query = _without_phrases(Q.Or([Q.Phrase("text_en", ["brought", "prompt"]), Q.Term("text_en", "x")]))
    assert query == Q.Or([Q.And([Q.Term("text_en", "brought"), Q.Term("text_en", "prompt")]),
                          Q.Term("text_en", "x")])
    assert searcher.search("NOT torture")  # answered, not an error


def test_incremental_update_deleted_wordings_are_not_found(fixture_copy, fixture_corpus, tmp_path):
    """After a file changes, its old documents stay in the old segment, marked deleted: the ranker
    may read their postings, and the filter set leaves them out. It scores as Whoosh does on an index of
    the same sources made afresh (Whoosh itself would count the deleted documents in its statistics)."""
    import shutil

    from kb import load_corpus

    index = tmp_path / "index"
    update_index(load_corpus(fixture_copy), fixture_copy, index)
    family = fixture_copy / "instruments/tj/tj-family-code.yaml"
    family.write_text(family.read_text(encoding="utf-8").replace(
        "Fixture provision with a Tajik text.", "Zanzibarian marker."), encoding="utf-8")
    assert not search(index, "zanzibarian")
    update_index(load_corpus(fixture_copy), fixture_copy, index)
    shutil.copytree(fixture_copy, tmp_path / "again")
    update_index(load_corpus(tmp_path / "again"), tmp_path / "again", tmp_path / "fresh")
    fresh = Searcher(tmp_path / "fresh")
    searcher = Searcher(index)
    try:
        assert len(searcher.searcher.reader().leaf_readers()) > 1  # the case this test is about
        assert [hit.id for hit in searcher.search("zanzibarian")] == ["tj-family-code/19"]
        reader = searcher.searcher.reader()
        assert any(reader.is_deleted(doc) for doc in range(reader.doc_count_all()))
        allowed = searcher._filter_set(None, None, None, None, None)
        for word in ("fixtur", "marriag", "zanzibarian"):
            query = Q.Term("summary_en", word)
            ranked = list(searcher.ranker.rank(query, allowed, 100))
            assert ranked and not any(reader.is_deleted(doc) for doc, _ in ranked)
            whoosh = fresh.searcher.search(query, filter=fresh._filter_set(None, None, None, None, None))
            ids = [searcher.searcher.stored_fields(doc)["id"] for doc, _ in ranked]
            assert ids == [hit["id"] for hit in whoosh], word
            assert all(abs(score - hit.score) <= 0.01 * hit.score for (_, score), hit in zip(ranked, whoosh)), word
    finally:
        searcher.close()
        fresh.close()


@pytest.mark.parametrize("text", [q for q in QUERIES if not any(c in q for c in '*"') and " OR " not in q
                                  and " NOT " not in q])
def test_plain_words_are_scored_as_the_parser_would_ask(searcher, text):
    """kb.search builds the "any word" terms of plain words itself and scores the documents it has
    chosen: the same documents, order and scores as ranking the parsed query on them."""
    from kb.search import SCRIPT_LANGS, _any_word_terms

    allowed = searcher._filter_set(None, None, None, None, None)
    parsed = searcher.parsers[_script(text)][1].parse(text)
    docs = set(doc for doc, _ in searcher.ranker.rank(parsed, allowed, 60))
    assert len(docs) > 5, text
    expected = list(searcher.ranker.rank(parsed, docs, len(docs)))
    ours = searcher.ranker.score(docs, _any_word_terms(searcher._analysed(text, SCRIPT_LANGS[_script(text)])), len(docs))
    assert [(doc, round(score, 6)) for doc, score in ours] == [(doc, round(score, 6)) for doc, score in expected]
