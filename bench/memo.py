"""The memo on the example matters (not run by the tests): python bench/memo.py [--pages]

For each matter in examples/matters/, in English and Russian: the time to plan and render it (median
of five; the search index is built first, as `huquq memo` would), how many provisions and cases it
cites, and with --pages its page count in LibreOffice (the whole document, and the body before the
annexes). Target: the six-issue Khujand matter planned and rendered in under 1 s.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.matter import load_matter  # noqa: E402
from generator.memo import plan_json, plan_memo, render_memo  # noqa: E402
from kb import load_corpus  # noqa: E402
from kb.index import update_index  # noqa: E402
from kb.search import Searcher  # noqa: E402
from bench.run import timed  # noqa: E402


def pages(docx: Path) -> tuple[int, int] | None:
    from tests.pages import layout

    if not shutil.which("soffice"):
        return None
    found = layout(docx)
    annex = found.first_page_with("Annex A", "Приложение А", "Annex B", "Приложение Б", "Verification table",
                                  "Таблица проверки")
    return len(found.pages), (annex - 1) if annex else len(found.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", action="store_true", help="also count pages in LibreOffice")
    args = parser.parse_args()
    sources = ROOT / "legal_sources"
    corpus = load_corpus(sources)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        update_index(corpus, sources, work / "index")
        searcher = Searcher(work / "index")
        print("| matter | language | plan + render (median of 5) | provisions / cases cited | pages (body) |")
        print("|---|---|---|---|---|")
        for path in sorted((ROOT / "examples" / "matters").glob("*.yaml")):
            for lang in ("en", "ru"):
                text = re.sub(r"^language: \w+$", f"language: {lang}", path.read_text(encoding="utf-8"), flags=re.M)
                if "language:" not in text:
                    text += f"language: {lang}\n"
                matter_path = work / f"{path.stem}-{lang}.yaml"
                matter_path.write_text(text, encoding="utf-8")
                matter = load_matter(matter_path, corpus)
                out = work / f"{path.stem}-{lang}.docx"
                times = timed(lambda: render_memo(corpus, matter, plan_memo(corpus, matter, searcher.rank_facts), out), 5)
                summary = plan_json(corpus, plan_memo(corpus, matter, searcher.rank_facts))
                counted = pages(out) if args.pages else None
                shown = f"{counted[0]} ({counted[1]})" if counted else "-"
                print(f"| {path.stem} | {lang} | {statistics.median(times) * 1000:.0f} ms | "
                      f"{len(summary['provisions'])} / {len(summary['cases'])} | {shown} |", flush=True)
        searcher.close()


if __name__ == "__main__":
    main()
