"""Benchmarks on the real corpus (not run by the tests): `make bench`.

Measures the memo render (the 2014 example matter),
a full index build, library search latency, and the site build. Synthetic
corpora are in bench/scale.py (`make bench-scale`).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(function, repeat: int = 1) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    from generator.cli_site import build_site
    from generator.matter import load_matter
    from generator.memo import plan_memo, render_memo
    from kb import load_corpus
    from kb.index import update_index
    from kb.search import Searcher

    sources = ROOT / "legal_sources"
    out = Path(tempfile.mkdtemp(prefix="huquq-bench-"))
    load = timed(lambda: load_corpus(sources), 3)
    corpus = load_corpus(sources)
    print(f"load and validate: {min(load) * 1000:.0f} ms ({len(corpus.provisions)} provisions)")
    matter = load_matter(ROOT / "examples/matters/2014-dushanbe-detentions.yaml", corpus)
    memo = timed(lambda: render_memo(corpus, matter, plan_memo(corpus, matter), out / "memo.docx"), 5)
    print(f"memo plan + render (the 2014 example): median {statistics.median(memo) * 1000:.0f} ms")
    build = timed(lambda: update_index(corpus, sources, out / "index", full=True), 3)
    print(f"full index build: {min(build):.2f} s")
    searcher = Searcher(out / "index")
    queries = ["arbitrary detention", "задержание без протокола", "шиканча", "ICCPR 9", "HIV test consent",
               "свобода объединений", "torture in custody", "статья 19 Конституции"] * 25
    latencies = sorted(t * 1000 for q in queries for t in timed(lambda q=q: searcher.search(q)))
    print(f"library search: median {statistics.median(latencies):.1f} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms ({len(latencies)} queries)")
    site = timed(lambda: build_site(sources, out / "site"))
    size = sum(f.stat().st_size for f in (out / "site").rglob("*") if f.is_file())
    print(f"site build: {site[0]:.1f} s, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
