"""The benchmarks' synthetic corpora are valid sources (a benchmark of sources that fail to load measures
nothing)."""

import sys

from kb import load_corpus
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from synthetic import write_corpus  # noqa: E402


def test_a_synthetic_corpus_loads(tmp_path):
    for clustered in (False, True):
        corpus = load_corpus(write_corpus(tmp_path / f"c{clustered}", 60, clustered=clustered))
        assert len(corpus.provisions) == 60


def test_the_scale_benchmark_rewrites_only_its_own_block(tmp_path):
    # bench/RESULTS.md holds each session's notes above the generated tables and more below them.
    from scale import BEGIN, KEEP, write_report

    results = tmp_path / "RESULTS.md"
    results.write_text(f"# Notes\nby hand, above\n{BEGIN}\nold tables\n{KEEP}\nby hand, below\n", encoding="utf-8")
    write_report(results, "new tables")
    assert results.read_text(encoding="utf-8") == f"# Notes\nby hand, above\n{BEGIN}\nnew tables\n{KEEP}\nby hand, below\n"
    fresh = tmp_path / "fresh.md"
    write_report(fresh, "tables")
    write_report(fresh, "tables again")
    assert fresh.read_text(encoding="utf-8") == f"{BEGIN}\ntables again\n{KEEP}\n"
