"""The site at scale, with its three interface languages: build time and peak memory, page sizes, what
the three languages cost in each page, and the bytes the site search fetches (not run by the tests).

    python bench/site_scale.py [--size 5000] [--work /tmp/site-scale]

Targets (issue 15): at 5,000 provisions the site builds in under 90 s and 500 MB of memory, pages
average under 120 KB, the first search fetches at most 200 KB and each later one at most 60 KB.
The build runs in a child process (`huquq site`), so its peak memory is measured alone: the resident
memory of that process and all its own (the pages' process, the search index's) summed, sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from site_search import later, measure_huquq  # noqa: E402
from synthetic import write_corpus  # noqa: E402

# The versions of a label the reader did not choose: what the one-build, three-language site adds.
OTHER_LANGUAGES = re.compile(r'<span class="l-(?:en|tg)"(?: lang="\w+")?>.*?</span>', re.S)


def build(sources: Path, site: Path) -> tuple[float, float]:
    """(seconds, peak MB) of `huquq site` in a child process. The peak is of the memory of the whole
    process tree at once (the command, the pages' process, the search index's), sampled every 0.1 s from /proc: the
    largest single process would hide the others running beside it."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "generator", "site", "--sources", str(sources), "-d", str(site)],
                             cwd=ROOT, env={**os.environ, "HUQUQ_BUILD": str(site.parent / "work")},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while child.poll() is None:
        peak = max(peak, tree_kb(child.pid))
        time.sleep(0.1)
    if child.returncode:
        raise SystemExit(f"huquq site failed: {child.stderr.read().decode()[-800:]}")
    return time.perf_counter() - start, peak / 1024


def tree_kb(pid: int) -> int:
    """Resident memory (KB) of ``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total


def page_sizes(site: Path) -> dict:
    pages = [p for p in site.rglob("index.html") if "search-index" not in p.parts]
    sizes = [p.stat().st_size for p in pages]
    sample = pages[:: max(1, len(pages) // 300)]
    extra = [len(OTHER_LANGUAGES.findall(p.read_text(encoding="utf-8"))) and
             sum(len(m) for m in OTHER_LANGUAGES.findall(p.read_text(encoding="utf-8"))) for p in sample]
    whole = [p.stat().st_size for p in sample]
    return {"pages": len(pages), "mean_kb": statistics.mean(sizes) / 1e3, "largest_kb": max(sizes) / 1e3,
            "site_mb": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6,
            "languages_kb": statistics.mean(extra) / 1e3, "languages_share": sum(extra) / sum(whole)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/site-scale"))
    args = parser.parse_args()
    sources = args.work / f"sources-{args.size}"
    if not sources.exists():
        write_corpus(sources, args.size, clustered=True)
    site = args.work / f"site-{args.size}"
    took, peak = build(sources, site)
    sizes = page_sizes(site)
    search = measure_huquq(site)
    first_raw, first_gz = search["first"][0]
    later_raw = [row[0][0] for row in search["later"]]
    print(f"| provisions | pages | build | peak memory | site | page mean / largest | other two languages per page | "
          f"first search | later searches: median, largest |\n|---|---|---|---|---|---|---|---|---|\n"
          f"| {args.size:,} | {sizes['pages']:,} | {took:.0f} s | {peak:.0f} MB | {sizes['site_mb']:.0f} MB "
          f"| {sizes['mean_kb']:.0f} / {sizes['largest_kb']:.0f} KB | {sizes['languages_kb']:.1f} KB "
          f"({sizes['languages_share']:.0%}) | {first_raw / 1e3:.0f} KB ({first_gz / 1e3:.0f} KB gzipped) "
          f"| {later(search['later'])} |")
    ok = took < 90 and peak < 500 and sizes["mean_kb"] < 120 and first_raw <= 200e3 and max(later_raw) <= 60e3
    print(f"\ntargets (90 s, 500 MB, 120 KB a page, 200 KB first search, 60 KB later): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
