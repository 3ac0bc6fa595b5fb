"""Scale benchmarks on synthetic corpora (not run by the tests): `make bench-scale`.

For each size: load and validate, full index build, one changed file re-indexed (in the library and
through a fresh `huquq index` process), index size, query latency through the library and through a
fresh `huquq search` process, and the same queries on SQLite FTS5 as a reference. With --site, the
site build time and size too. Results are printed as a Markdown table and written to
bench/RESULTS.md.

    python bench/scale.py --sizes 1000,10000,50000 --site-sizes 1000,5000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
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


def change_one_file(sources: Path) -> None:
    path = sorted((sources / "instruments" / "tj").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Synthetic benchmark record.", "Synthetic benchmark record, changed.", 1),
                    encoding="utf-8")


def fts5(corpus, asked: list[str], folder: Path) -> dict:
    """The same texts in SQLite FTS5 (unicode61 tokenizer, no stemming): a reference point."""
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
    for query in asked:
        expression = " OR ".join(f'"{word}"' for word in query.split())
        latencies.append(seconds(lambda: db.execute(
            "SELECT id, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10",
            (expression,)).fetchall()) * 1000)
    db.close()
    return {"build": built, "size": path.stat().st_size, "median": statistics.median(latencies),
            "p95": percentile(latencies, 0.95)}


def run_size(size: int) -> dict:
    from kb import load_corpus
    from kb.index import update_index
    from kb.search import Searcher

    sources = write_corpus(WORK / f"sources-{size}", size)
    index = WORK / f"index-{size}"
    result: dict = {"size": size, "files": len(list(sources.rglob("*.yaml"))),
                    "source_mb": folder_size(sources) / 1e6}
    cache = WORK / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    result["load"] = seconds(lambda: load_corpus(sources, cache_dir=cache))  # cold: fills the parse cache
    result["load_cached"] = seconds(lambda: load_corpus(sources, cache_dir=cache))
    corpus = load_corpus(sources, cache_dir=cache)
    result["full"] = seconds(lambda: update_index(corpus, sources, index, full=True))
    result["index_mb"] = folder_size(index) / 1e6
    change_one_file(sources)
    result["incremental_library"] = seconds(lambda: update_index(load_corpus(sources, cache_dir=cache), sources, index))
    command = [str(HUQUQ), "index", "--sources", str(sources), "--index", str(index)]
    env = {**os.environ, "HUQUQ_BUILD": str(WORK / f"build-{size}")}
    subprocess.run(command, check=True, capture_output=True, env=env)  # fills the command's parse cache
    change_one_file(sources)  # a second edit, for the command (the first is indexed now)
    result["incremental_command"] = seconds(lambda: subprocess.run(command, check=True, capture_output=True, env=env))
    asked = queries()
    searcher = Searcher(index)
    for query in asked[:5]:
        searcher.search(query)  # warm the caches, as a long-running process has them
    latencies = [seconds(lambda q=q: searcher.search(q)) * 1000 for q in asked]
    searcher.close()
    result["library_median"], result["library_p95"] = statistics.median(latencies), percentile(latencies, 0.95)
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
    pagefind = site / "pagefind"
    return {"size": size, "seconds": took, "mb": folder_size(site) / 1e6,
            "pages": len(list(site.rglob("index.html"))),
            "material_index_mb": search_index.stat().st_size / 1e6 if search_index.exists() else None,
            "pagefind_mb": folder_size(pagefind) / 1e6 if pagefind.exists() else None}


def report(results: list[dict], sites: list[dict]) -> str:
    lines = [
        f"# Scale benchmarks ({dt.date.today().isoformat()})",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}. "
        "Synthetic corpora from bench/synthetic.py (English and Russian texts of 50-800 words drawn "
        "from the real corpus's vocabulary and word frequencies, 100 provisions per file); the queries "
        f"are the {len(queries())} example searches of the real topics (en, ru, tg). Produced by `make bench-scale`.",
        "",
        "## Search",
        "",
        "| provisions | files | sources | load + validate (cold / cached) | full index build | index size | one file changed: library / `huquq index` | library query median / p95 | `huquq search` process median / max | SQLite FTS5 build / size / median / p95 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        f = r["fts5"]
        lines.append(
            f"| {r['size']:,} | {r['files']} | {r['source_mb']:.0f} MB | {r['load']:.1f} / {r['load_cached']:.1f} s | {r['full']:.1f} s "
            f"| {r['index_mb']:.0f} MB | {r['incremental_library']:.1f} s / {r['incremental_command']:.1f} s "
            f"| {r['library_median']:.1f} / {r['library_p95']:.1f} ms "
            f"| {r['process_median']:.2f} / {r['process_p95']:.2f} s "
            f"| {f['build']:.1f} s / {f['size'] / 1e6:.0f} MB / {f['median']:.1f} / {f['p95']:.1f} ms |")
    if sites:
        lines += ["", "## Site", "", "| provisions | pages | build | size | Material search index | Pagefind index |",
                  "|---|---|---|---|---|---|"]
        for s in sites:
            material = f"{s['material_index_mb']:.1f} MB" if s["material_index_mb"] is not None else "none"
            pagefind = f"{s['pagefind_mb']:.1f} MB" if s["pagefind_mb"] is not None else "none"
            lines.append(f"| {s['size']:,} | {s['pages']:,} | {s['seconds']:.0f} s | {s['mb']:.0f} MB "
                         f"| {material} | {pagefind} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="Corpus sizes for the search benchmark.")
    parser.add_argument("--site-sizes", default="1000,5000", help="Corpus sizes for the site build ('' for none).")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    results = []
    for size in [int(s) for s in args.sizes.split(",") if s]:
        print(f"search benchmark at {size:,} provisions…", file=sys.stderr)
        results.append(run_size(size))
        print(report(results, []), file=sys.stderr)
    sites = []
    for size in [int(s) for s in args.site_sizes.split(",") if s]:
        print(f"site benchmark at {size:,} provisions…", file=sys.stderr)
        sites.append(run_site(size))
    text = report(results, sites)
    print(text)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
