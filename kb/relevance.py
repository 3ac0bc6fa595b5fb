"""Measuring the search against a relevance set: queries with the authority a lawyer expects first and
the others that belong in the top 10 (``tests/relevance/queries.yaml``, judged from the law); and, for the
queries whose writer also named the circumstance a query describes (``circumstance``), how often the
circumstance linked above the results is that one (kb.subjects.shown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml


@dataclass
class Judgment:
    query: str
    lang: str
    first: str
    top10: list[str]
    # The circumstance the query describes, as its writer judged it: an id, "none" (none squarely, or several
    # equally), or None where the writer was not asked.
    circumstance: str | None = None


@dataclass
class Outcome:
    judgment: Judgment
    found: list[str]  # ids, best first (the top 10)

    @property
    def rank(self) -> int | None:
        return self.found.index(self.judgment.first) + 1 if self.judgment.first in self.found else None

    @property
    def first_in_top3(self) -> bool:
        return self.rank is not None and self.rank <= 3

    @property
    def all_in_top10(self) -> bool:
        return all(pid in self.found for pid in [self.judgment.first, *self.judgment.top10])


@dataclass
class Scores:
    lang: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def top3(self) -> float:
        return sum(o.first_in_top3 for o in self.outcomes) / len(self.outcomes)

    @property
    def top10(self) -> float:
        return sum(o.all_in_top10 for o in self.outcomes) / len(self.outcomes)

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / len(self.outcomes)

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not (o.first_in_top3 and o.all_in_top10)]


def load_judgments(path: Path) -> list[Judgment]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [Judgment(str(d["query"]), d["lang"], d["first"], list(d.get("top10") or []), d.get("circumstance"))
            for d in data]


def measure(judgments: list[Judgment], search: Callable[[str, str], list[str]]) -> dict[str, Scores]:
    """Scores per language; ``search(query, lang)`` gives the ids of the top 10, best first."""
    scores: dict[str, Scores] = {}
    for judgment in judgments:
        scores.setdefault(judgment.lang, Scores(judgment.lang)).outcomes.append(
            Outcome(judgment, search(judgment.query, judgment.lang)[:10]))
    return scores


def report(scores: dict[str, Scores], failures: bool = True) -> str:
    """The table of the README, then (``failures``) each query that misses a target, with what came instead."""
    lines = ["| language | queries | first in top 3 | all expected in top 10 | MRR |", "|---|---|---|---|---|"]
    for lang, s in sorted(scores.items()):
        lines.append(f"| {lang} | {len(s.outcomes)} | {s.top3:.0%} | {s.top10:.0%} | {s.mrr:.2f} |")
    for lang, s in sorted(scores.items() if failures else ()):
        for o in s.failures():
            missing = [pid for pid in o.judgment.top10 if pid not in o.found]
            lines.append(f"- {lang} `{o.judgment.query}`: expected {o.judgment.first} first, rank "
                         f"{o.rank or '>10'}; got {', '.join(o.found[:3])}"
                         + (f"; missing from the top 10: {', '.join(missing)}" if missing else ""))
    return "\n".join(lines)


@dataclass
class Links:
    """The circumstances linked above the results of a language's labelled queries."""
    lang: str
    queries: int = 0
    labelled: int = 0  # describe a circumstance (not "none")
    linked: int = 0  # have a circumstance linked
    right: int = 0  # have theirs linked
    wrong: int = 0  # have a circumstance linked, not theirs

    @property
    def precision(self) -> float:
        return self.right / self.linked if self.linked else 0.0


def measure_links(judgments: list[Judgment], linked: Callable[[str, str], list[str]]) -> dict[str, Links]:
    """Per language, over the judgments with a ``circumstance``: ``linked(query, lang)`` gives the ids of the
    circumstances linked above the results."""
    links: dict[str, Links] = {}
    for judgment in judgments:
        if judgment.circumstance is None:
            continue
        found = linked(judgment.query, judgment.lang)
        counts = links.setdefault(judgment.lang, Links(judgment.lang))
        counts.queries += 1
        counts.labelled += judgment.circumstance != "none"
        counts.linked += bool(found)
        counts.right += judgment.circumstance in found
        counts.wrong += bool(found) and judgment.circumstance not in found
    return links


def links_report(links: dict[str, Links]) -> str:
    """The table of the circumstances linked, per language."""
    lines = ["| language | queries labelled | describing a circumstance | a circumstance linked | theirs | "
             "another | precision |", "|---|---|---|---|---|---|---|"]
    for lang, n in sorted(links.items()):
        lines.append(f"| {lang} | {n.queries} | {n.labelled} | {n.linked} | {n.right} | {n.wrong} | "
                     f"{n.precision:.0%} |")
    return "\n".join(lines)
