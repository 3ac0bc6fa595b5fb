"""Matter files: the input of a memo. They name clients, so nothing of them is logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kb.dates import parse_date
from kb.errors import Problem, SourceError
from kb.ids import parse_citation
from kb.load import display_path
from kb.models import Corpus
from kb.yamlio import Mapping, load_yaml

FIELDS = {"title", "date", "place", "language", "prepared_by", "client", "facts", "issues", "cite", "exclude"}


@dataclass(frozen=True)
class Matter:
    title: str
    date: dt.date
    place: str
    language: str
    prepared_by: str
    client: str
    facts: str
    issues: tuple[str, ...]
    cite: tuple[tuple[str, str], ...]  # (provision id, pinpoint)
    exclude: tuple[str, ...]


def load_matter(path: Path, corpus: Corpus) -> Matter:
    shown = display_path(path)
    data = load_yaml(path)
    if not isinstance(data, Mapping):
        raise SourceError.at(shown, 1, "expected a mapping of fields (title, date, issues, ...)")
    problems = [Problem(shown, data.line_of(k), f"unknown field {k!r}; expected one of: {', '.join(sorted(FIELDS))}")
                for k in data if k not in FIELDS]
    for key in ("title", "date", "issues"):
        if key not in data:
            problems.append(Problem(shown, 1, f"missing field {key!r}"))
    if problems:
        raise SourceError(problems)
    try:
        date = parse_date(str(data["date"]))
    except ValueError as e:
        raise SourceError.at(shown, data.line_of("date"), f"date: {e}") from None
    language = str(data.get("language", "en"))
    if language not in ("en", "ru"):
        problems.append(Problem(shown, data.line_of("language"), f"language {language!r}: expected en or ru"))
    issues = data.get("issues") or []
    if not isinstance(issues, list) or not issues:
        problems.append(Problem(shown, data.line_of("issues"), "issues: expected a list of topic ids"))
        issues = []
    for index, topic in enumerate(issues):
        if topic not in corpus.topics:
            problems.append(Problem(shown, issues.line_of(index),
                                    f"unknown topic {topic!r}; expected one of: {', '.join(corpus.topics)}"))
    cites = []
    for key in ("cite", "exclude"):
        items = data.get(key) or []
        for index, item in enumerate(items):
            try:
                pid, pin = parse_citation(str(item))
            except ValueError as e:
                problems.append(Problem(shown, items.line_of(index), f"{key}: {e}"))
                continue
            if pid not in corpus.provisions:
                problems.append(Problem(shown, items.line_of(index), f"{key}: unknown provision {pid!r}"))
            elif key == "cite":
                cites.append((pid, pin))
    if problems:
        raise SourceError(problems)
    return Matter(
        title=str(data["title"]), date=date, place=str(data.get("place", "")), language=language,
        prepared_by=str(data.get("prepared_by", "")), client=str(data.get("client", "") or ""),
        facts=str(data.get("facts", "")), issues=tuple(issues), cite=tuple(cites),
        exclude=tuple(parse_citation(str(x))[0] for x in data.get("exclude") or []),
    )
