"""The search measured on a relevance set (tests/relevance/), on the command line's ranking:
python bench/relevance.py [--set lawyers|volunteer|heldout] [--table-only]. Prints the table of the README and
the failures; for the held-out set, the table only (its queries are measured, never tuned on, so their
results are not shown). Where a set's queries name the circumstance they describe, a second table counts
how often that circumstance is the one linked above the results."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb import load_corpus  # noqa: E402
from kb.index import update_index  # noqa: E402
from kb.relevance import links_report, load_judgments, measure, measure_links, report  # noqa: E402

# The relevance sets: what a lawyer types, how a crisis-line volunteer types what happened, and queries
# held out from tuning (written after a change, to see whether it helps queries it was not made for).
SETS = {"lawyers": ROOT / "tests/relevance/queries.yaml", "volunteer": ROOT / "tests/relevance/volunteer.yaml",
        "heldout": ROOT / "tests/relevance/heldout.yaml"}
from kb.search import Searcher  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=Path, default=ROOT / "legal_sources")
    parser.add_argument("--set", choices=sorted(SETS), default="lawyers",
                        help="lawyers: what a lawyer types (the issue's targets); volunteer: how a crisis-line "
                             "volunteer types what happened; heldout: queries no search term was written from "
                             "(measure on them, do not tune on them)")
    parser.add_argument("--table-only", action="store_true", help="print the table without the failures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        update_index(load_corpus(args.sources), args.sources, index)
        searcher = Searcher(index)
        judgments = load_judgments(SETS[args.set])
        scores = measure(judgments, lambda q, lang: [h.id for h in searcher.search(q, lang=lang, limit=10)])
        links = measure_links(judgments, lambda q, lang: [s["id"] for s in searcher.subjects(q)
                                                          if s["kind"] == "circumstance"])
        searcher.close()
    print(report(scores, failures=not (args.table_only or args.set == "heldout")))
    if links:
        print()
        print(links_report(links))


if __name__ == "__main__":
    main()
