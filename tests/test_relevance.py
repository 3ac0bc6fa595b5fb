"""The search measured on the relevance set (tests/relevance/queries.yaml): what a lawyer expects first
for each query, and what belongs in the top 10, judged from the law (not from the search's output).

The targets of the issue (90% first in the top 3, 95% all in the top 10, MRR 0.85) are not all met yet;
the README reports the measures and the failing queries (`python bench/relevance.py`). This test keeps
the ranking from getting worse than it was measured: each floor is a little under the measure.
"""

from __future__ import annotations

import pytest

from kb.relevance import load_judgments, measure
from kb.search import Searcher
from tests.conftest import ROOT

JUDGMENTS = load_judgments(ROOT / "tests/relevance/queries.yaml")
# first in top 3, all expected in top 10, MRR
FLOORS = {"en": (0.88, 0.72, 0.77), "ru": (0.93, 0.78, 0.85), "tg": (0.90, 0.86, 0.80)}


def test_the_relevance_set_is_large_and_names_real_authorities(corpus):
    assert len(JUDGMENTS) >= 100
    for lang in ("en", "ru", "tg"):
        assert sum(j.lang == lang for j in JUDGMENTS) >= 30
    for judgment in JUDGMENTS:
        for record in [judgment.first, *judgment.top10]:
            assert record in corpus.provisions or record in corpus.cases, (judgment.query, record)
    queries = {j.query for j in JUDGMENTS}
    # The queries of the table, and Tajik typed without its letters.
    for query in ("arbitrary detention", "произвольное задержание", "ҳабси худсарона", "torture", "пытки",
                  "озодии иттиҳодияҳо", "forced HIV testing", "санҷиши маҷбурии ВНМО", "right to a lawyer",
                  "ҳуқуқ ба адвокат"):
        assert query in queries, query
    assert any(j.lang == "tg" and not any(c in j.query for c in "ҳҷқғӣӯ") for j in JUDGMENTS)


@pytest.fixture(scope="module")
def scores(index_dir):
    searcher = Searcher(index_dir)
    try:
        yield measure(JUDGMENTS, lambda q, lang: [h.id for h in searcher.search(q, lang=lang, limit=10)])
    finally:
        searcher.close()


@pytest.mark.parametrize("lang", ["en", "ru", "tg"])
def test_the_ranking_is_no_worse_than_measured(scores, lang):
    top3, top10, mrr = FLOORS[lang]
    measured = scores[lang]
    found = (measured.top3, measured.top10, measured.mrr)
    assert all(value >= floor for value, floor in zip(found, (top3, top10, mrr))), found
