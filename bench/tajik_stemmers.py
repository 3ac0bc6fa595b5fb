"""Tajik stemmers measured against the word lists of tests/test_tajik.py.

    python bench/tajik_stemmers.py        (installs tajiknlp into build/bench-tajiknlp first, if needed)

Counts, for huquq's kb.tajik and for tajiknlp's rule-based DictStemmer (MIT, on PyPI), how many
groups of word forms meet and how many pairs of different words stay apart. tajiknlp stems the
words with their Tajik letters; kb.tajik the folded words, as the index does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.tajik import stem as huquq_stem  # noqa: E402
from kb.textnorm import fold_tajik  # noqa: E402
from tests.test_tajik import APART, MEET  # noqa: E402


def tajiknlp_stemmer():
    target = ROOT / "build" / "bench-tajiknlp"
    if not (target / "tajiknlp").exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), "tajiknlp"],
                       check=True)
    sys.path.insert(0, str(target))
    from tajiknlp.components.stemmers.tajik_stemmer import DictStemmer

    stemmer = DictStemmer()
    return lambda word: stemmer.stem(word.lower())


def score(name: str, stem) -> None:
    met = [group for group in MEET if len({stem(w) for w in group}) == 1]
    apart = [pair for pair in APART if stem(pair[0]) != stem(pair[1])]
    print(f"{name}: {len(met)}/{len(MEET)} groups meet, {len(apart)}/{len(APART)} pairs stay apart")
    for group in MEET:
        if group not in met:
            print("   split:", ", ".join(f"{w}→{stem(w)}" for w in group))
    for pair in APART:
        if pair not in apart:
            print("   joined:", ", ".join(f"{w}→{stem(w)}" for w in pair))


if __name__ == "__main__":
    score("kb.tajik", lambda word: huquq_stem(fold_tajik(word)))
    try:
        score("tajiknlp", tajiknlp_stemmer())
    except Exception as e:  # noqa: BLE001 - a benchmark reports what it could not run
        print(f"tajiknlp: not measured ({type(e).__name__}: {e})")
