"""Scale benchmarks on synthetic corpora (not run by the tests): `make bench-scale`.

For each size: load and validate, full index build, one changed file re-indexed (in the library and
through a fresh `huquq index` process), index size, query latency through the library and through a
fresh `huquq search` process, and the same queries on SQLite FTS5 as a reference; at the
--single-writer-sizes, the full build with a one-process Whoosh writer too; the slowest queries and
how many documents they match. At the --site-sizes, the site build time and size. Results are printed
as Markdown tables and written to bench/RESULTS.md.

    python bench/scale.py --sizes 1000,10000,50000 --site-sizes 1000,5000
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench"
HUQUQ = Path(sys.executable).with_name("huquq")
# bench/scale.py rewrites only what lies between these two markers of its output file: the notes written
# by hand above and below them (each session's figures and remarks) are kept.
BEGIN = "<!-- bench/scale.py writes from here to the next marker -->"
KEEP = "<!-- written by hand: kept when bench/scale.py rewrites this file -->"


def write_report(path: Path, text: str) -> None:
    """``text`` in place of the block between BEGIN and KEEP of ``path`` (the whole file, when it has
    neither marker), keeping what is written by hand around it."""
    previous = path.read_text(encoding="utf-8") if path.exists() else ""
    before = previous[:previous.index(BEGIN)] if BEGIN in previous else ""
    after = previous[previous.index(KEEP):] if KEEP in previous else KEEP + "\n"
    path.write_text(f"{before}{BEGIN}\n{text}\n{after}", encoding="utf-8")


def seconds(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def queries() -> list[str]:
    """What lawyers type: the example searches of the real topics, in English, Russian and Tajik."""
    import yaml

    topics = yaml.safe_load((ROOT / "legal_sources" / "topics.yaml").read_text(encoding="utf-8"))["topics"]
    return [query["query"] for topic in topics for query in topic.get("queries", [])]


# Phrases: the index keeps no word positions, so kb.search checks each candidate's stored text. Slowest
# when few of the documents with all the words have them side by side (words drawn independently).
PHRASES = ('"arbitrary detention"', '"medical examination"', '"right to life"', '"equal protection"',
           '"brought promptly"', '"право на жизнь"', '"медицинское освидетельствование"', '"ҳуқуқ ба озодӣ"')


def change_one_file(sources: Path) -> None:
    path = sorted((sources / "instruments" / "tj").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Synthetic benchmark record.", "Synthetic benchmark record, changed.", 1),
                    encoding="utf-8")


def fts5(corpus, asked: list[str], folder: Path) -> dict:
    """The same texts in SQLite FTS5 (unicode61 tokenizer, no stemming): a reference point. Queried as
    kb.search queries Whoosh: all the words first, any of them when fewer than ten documents have all."""
    path = folder / "fts5.sqlite"
    path.unlink(missing_ok=True)

    def build():
        db = sqlite3.connect(path)
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='unicode61')")
        rows = []
        for provision in corpus.provisions.values():
            texts = [*provision.summary.values(), *(t.content for t in provision.texts.values())]
            rows.append((provision.id, " ".join(provision.title.values()), " ".join(texts)))
        db.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
        db.commit()
        db.close()

    built = seconds(build)
    db = sqlite3.connect(path)
    latencies = []
    sql = "SELECT id, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10"

    def search(query: str) -> None:
        # As kb.search does: documents with every word first, then any word fills the ten.
        words = [f'"{word}"' for word in re.findall(r"\w+", query)]
        rows = db.execute(sql, (" AND ".join(words),)).fetchall()
        if len(rows) < 10:
            db.execute(sql, (" OR ".join(words),)).fetchall()

    for query in asked:
        latencies.append(seconds(lambda query=query: search(query)) * 1000)
    db.close()
    return {"build": built, "size": path.stat().st_size, "median": statistics.median(latencies),
            "p95": percentile(latencies, 0.95)}


@contextlib.contextmanager
def one_process_writer():
    """Whoosh's writer forced to one process (kb.index asks for two above 5,000 documents)."""
    from whoosh.index import FileIndex

    writer = FileIndex.writer

    def single(self, procs=1, **options):
        options.pop("multisegment", None)
        return writer(self, **options)

    FileIndex.writer = single
    try:
        yield
    finally:
        FileIndex.writer = writer


def library_latencies(index: Path, asked: list[str], warm: list[str] | None = None) -> list[float]:
    """Milliseconds per query through kb.search.Searcher, warm (one Searcher, as a server keeps, that has
    answered ``warm``: by default the first five queries)."""
    from kb.search import Searcher

    searcher = Searcher(index)
    for query in asked[:5] if warm is None else warm:
        searcher.search(query)  # warm the caches, as a long-running process has them
    latencies = [seconds(lambda q=q: searcher.search(q)) * 1000 for q in asked]
    searcher.close()
    return latencies


def matching(index: Path, query: str) -> tuple[int, int, int]:
    """Documents with every word of ``query``, with any of its words, and in all (as kb.search parses it)."""
    from kb.search import Searcher, _script

    searcher = Searcher(index)
    every, anyone = searcher.parsers[_script(query)]
    counts = (len(list(every.parse(query).docs(searcher.searcher))),
              len(list(anyone.parse(query).docs(searcher.searcher))), searcher.ix.doc_count())
    searcher.close()
    return counts


def real_index() -> Path:
    """The real corpus indexed under build/bench, to compare how common the query words are there."""
    from kb import load_corpus
    from kb.index import update_index

    index = WORK / "index-real"
    update_index(load_corpus(ROOT / "legal_sources"), ROOT / "legal_sources", index)
    return index


def slowest(index: Path, asked: list[str], latencies: list[float], count: int = 3) -> list[tuple]:
    """The slowest queries, with how many documents have all their words and any of them (kb.search
    scores those with all the words, or, when fewer than 100 have them, those with the most of them),
    here and in the real corpus."""
    real = real_index()
    return [(query, took, matching(index, query), matching(real, query))
            for took, query in sorted(zip(latencies, asked), reverse=True)[:count]]


def run_size(size: int, single_writer_sizes: set[int] = frozenset(), clustered: bool = False) -> dict:
    from kb import load_corpus
    from kb.index import update_index

    name = f"{size}-clustered" if clustered else f"{size}"
    sources = write_corpus(WORK / f"sources-{name}", size, clustered=clustered)
    index = WORK / f"index-{name}"
    result: dict = {"size": size, "clustered": clustered, "files": len(list(sources.rglob("*.yaml"))),
                    "source_mb": folder_size(sources) / 1e6}
    cache = WORK / f"cache-{name}"
    shutil.rmtree(cache, ignore_errors=True)
    result["load"] = seconds(lambda: load_corpus(sources, cache_dir=cache))  # cold: fills the parse cache
    result["load_cached"] = seconds(lambda: load_corpus(sources, cache_dir=cache))
    corpus = load_corpus(sources, cache_dir=cache)
    result["full"] = seconds(lambda: update_index(corpus, sources, index, full=True))
    result["index_mb"] = folder_size(index) / 1e6
    if size in single_writer_sizes and not clustered:
        # kb.index uses Whoosh's two-process writer above 5,000 documents; the same build with one.
        single = WORK / f"index-{size}-single"
        shutil.rmtree(single, ignore_errors=True)
        with one_process_writer():
            result["full_single"] = seconds(lambda: update_index(corpus, sources, single, full=True))
        result["single_latency"] = library_latencies(single, queries())
        shutil.rmtree(single)
    change_one_file(sources)
    result["incremental_library"] = seconds(lambda: update_index(load_corpus(sources, cache_dir=cache), sources, index))
    command = [str(HUQUQ), "index", "--sources", str(sources), "--index", str(index)]
    env = {**os.environ, "HUQUQ_BUILD": str(WORK / f"build-{name}")}
    subprocess.run(command, check=True, capture_output=True, env=env)  # fills the command's parse cache
    change_one_file(sources)  # a second edit, for the command (the first is indexed now)
    result["incremental_command"] = seconds(lambda: subprocess.run(command, check=True, capture_output=True, env=env))
    asked = queries()
    latencies = library_latencies(index, asked)
    result["library_median"], result["library_p95"] = statistics.median(latencies), percentile(latencies, 0.95)
    result["slowest"] = slowest(index, asked, latencies)
    phrases = library_latencies(index, list(PHRASES), warm=asked[:5])
    result["phrase_median"], result["phrase_max"] = statistics.median(phrases), max(phrases)
    result["phrase_slowest"] = max(zip(phrases, PHRASES))[1]
    process = [seconds(lambda q=q: subprocess.run(
        [str(HUQUQ), "search", "--sources", str(sources), "--index", str(index), q],
        check=True, capture_output=True)) for q in asked[:10]]
    result["process_median"], result["process_p95"] = statistics.median(process), max(process)
    result["fts5"] = fts5(corpus, asked, WORK)
    return result


def run_site(size: int) -> dict:
    from generator.cli_site import build_site

    sources = WORK / f"sources-{size}"
    if not sources.exists():
        write_corpus(sources, size)
    site = WORK / f"site-{size}"
    took = seconds(lambda: build_site(sources, site))
    search_index = site / "search" / "search_index.json"
    own = site / "search-index"
    return {"size": size, "seconds": took, "mb": folder_size(site) / 1e6,
            "pages": len(list(site.rglob("index.html"))),
            "material_index_mb": search_index.stat().st_size / 1e6 if search_index.exists() else None,
            "search_index_mb": folder_size(own) / 1e6 if own.exists() else None}


def label(result: dict) -> str:
    return f"{result['size']:,}" + (" clustered" if result.get("clustered") else "")


def report(results: list[dict], sites: list[dict]) -> str:
    lines = [
        f"# Scale benchmarks ({dt.date.today().isoformat()})",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}. "
        "Synthetic corpora from bench/synthetic.py (English and Russian texts of 50-800 words drawn "
        "from the real corpus's vocabulary and word frequencies, 50-200 provisions per file); the queries "
        f"are the {len(queries())} example searches of the real topics (en, ru, tg). Rows marked \"clustered\": 60% of "
        "each provision's words drawn from one real provision's words, so that words co-occur by subject as in "
        "real law (the other rows draw every word independently: a worst case for search). Produced by `make bench-scale`.",
        "",
        "## Search",
        "",
        "| provisions | files | sources | load + validate (cold / cached) | full index build | index size | one file changed: library / `huquq index` | library query median / p95 | `huquq search` process median / max | SQLite FTS5 build / size / median / p95 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        f = r["fts5"]
        lines.append(
            f"| {label(r)} | {r['files']} | {r['source_mb']:.0f} MB | {r['load']:.1f} / {r['load_cached']:.1f} s | {r['full']:.1f} s "
            f"| {r['index_mb']:.0f} MB | {r['incremental_library']:.1f} s / {r['incremental_command']:.1f} s "
            f"| {r['library_median']:.1f} / {r['library_p95']:.1f} ms "
            f"| {r['process_median']:.2f} / {r['process_p95']:.2f} s "
            f"| {f['build']:.1f} s / {f['size'] / 1e6:.0f} MB / {f['median']:.1f} / {f['p95']:.1f} ms |")
    compared = [r for r in results if "full_single" in r]
    if compared:
        lines += ["", "## Whoosh's two-process writer (used by kb.index above 5,000 documents)", "",
                  "| provisions | full build, two processes | full build, one process | library median / p95 on the one-process index |",
                  "|---|---|---|---|"]
        for r in compared:
            single = r["single_latency"]
            lines.append(f"| {r['size']:,} | {r['full']:.1f} s | {r['full_single']:.1f} s "
                         f"| {statistics.median(single):.1f} / {percentile(single, 0.95):.1f} ms |")
    lines += ["", "## Slowest queries (library)", "",
              "The documents with the most of the query's words are scored (every word, then all but one, "
              "... until 100 are in hand: kb.search.Searcher._best). The synthetic texts draw words independently, so a common "
              "word is in far more documents than in real texts, where words cluster by subject: the last "
              "column is the same query on the real corpus.", "",
              "| provisions | query | ms | every word / any word | real corpus: every word / any word |",
              "|---|---|---|---|---|"]

    def shares(counts):
        every, anyone, total = counts
        return f"{every:,} ({every / total:.0%}) / {anyone:,} ({anyone / total:.0%}) of {total:,}"

    for r in results:
        for query, took, here, real in r["slowest"]:
            lines.append(f"| {label(r)} | {query} | {took:.1f} | {shares(here)} | {shares(real)} |")
    lines += ["", "## Phrase queries (library)", "",
              f"The {len(PHRASES)} phrases {', '.join(PHRASES)}: checked on the stored texts of the documents "
              "with all their words, best first, until ten are found.", "",
              "| provisions | median | slowest |", "|---|---|---|"]
    lines += [f"| {label(r)} | {r['phrase_median']:.0f} ms | {r['phrase_max']:.0f} ms ({r['phrase_slowest']}) |"
              for r in results if "phrase_median" in r]
    at = next((r for r in results if r["size"] == 10000 and not r["clustered"]), None)
    if at:
        checks = [("library query p95", "< 25 ms", f"{at['library_p95']:.1f} ms", at["library_p95"] < 25),
                  ("fresh `huquq search` process (median)", "< 0.5 s", f"{at['process_median']:.2f} s",
                   at["process_median"] < 0.5),
                  ("one changed file re-indexed by `huquq index`", "< 2 s", f"{at['incremental_command']:.1f} s",
                   at["incremental_command"] < 2),
                  ("full index build", "< 30 s", f"{at['full']:.1f} s", at["full"] < 30)]
        lines += ["", "## Targets at 10,000 provisions", "", "| what | target | measured | met |", "|---|---|---|---|"]
        lines += [f"| {what} | {target} | {got} | {'yes' if ok else '**no**'} |" for what, target, got, ok in checks]
    if sites:
        lines += ["", "## Site", "", "| provisions | pages | build | size | Material search index | the Search page's index |",
                  "|---|---|---|---|---|---|"]
        for s in sites:
            material = f"{s['material_index_mb']:.1f} MB" if s["material_index_mb"] is not None else "none"
            own = f"{s['search_index_mb']:.1f} MB" if s["search_index_mb"] is not None else "none"
            lines.append(f"| {s['size']:,} | {s['pages']:,} | {s['seconds']:.0f} s | {s['mb']:.0f} MB "
                         f"| {material} | {own} |")
        lines += ["", "Target at 5,000 provisions: under 90 s and 500 MB. \"none\": Material's search plugin is not "
                  "in mkdocs.yml (the site's search has its own index, site/search-index/, whose files are loaded as a "
                  "query needs them), so there is no site/search/search_index.json."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="Corpus sizes for the search benchmark.")
    parser.add_argument("--site-sizes", default="1000,5000", help="Corpus sizes for the site build ('' for none).")
    parser.add_argument("--single-writer-sizes", default="10000",
                        help="Sizes at which the full build is also timed with a one-process Whoosh writer.")
    parser.add_argument("--clustered-sizes", default="10000",
                        help="Sizes also measured on a corpus whose words cluster by subject (synthetic.py).")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    single = {int(s) for s in args.single_writer_sizes.split(",") if s}
    clustered = [int(s) for s in args.clustered_sizes.split(",") if s]
    WORK.mkdir(parents=True, exist_ok=True)
    results = []
    for size in [int(s) for s in args.sizes.split(",") if s]:
        print(f"search benchmark at {size:,} provisions…", file=sys.stderr)
        results.append(run_size(size, single))
        print(report(results, []), file=sys.stderr)
    for size in clustered:
        print(f"search benchmark at {size:,} provisions, clustered words…", file=sys.stderr)
        results.append(run_size(size, clustered=True))
        print(report(results, []), file=sys.stderr)
    sites = []
    for size in [int(s) for s in args.site_sizes.split(",") if s]:
        print(f"site benchmark at {size:,} provisions…", file=sys.stderr)
        sites.append(run_site(size))
    text = report(results, sites)
    print(text)
    write_report(args.output, text)


if __name__ == "__main__":
    main()
