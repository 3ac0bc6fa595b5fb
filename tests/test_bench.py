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
