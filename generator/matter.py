"""Matter files: the input of a memo. They name clients, so nothing of them is logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kb.dates import parse_date
from kb.errors import Problem, SourceError
from kb.ids import parse_citation
from kb.load import display_path
from kb.models import Corpus
from kb.validate import CONTROL_CHARS
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


def load_matter(path: Path, corpus: Corpus, warn: Callable[[str], None] | None = None) -> Matter:
    """Read and check a matter file. Problems name the line and never quote the facts or the client.

    Control characters (which Word cannot store) are removed, each with a warning through ``warn``.
    """
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

    def text(key: str) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if isinstance(value, (Mapping, list)):
            problems.append(Problem(shown, data.line_of(key), f"{key}: expected text, found a "
                                    f"{'list' if isinstance(value, list) else 'mapping'}"))
            return ""
        cleaned = CONTROL_CHARS.sub("", str(value))
        if cleaned != str(value) and warn:
            warn(f"{shown}:{data.line_of(key)}: warning: {key}: control characters removed (Word cannot store them)")
        return cleaned

    def ids(key: str) -> list[tuple[int, str]]:
        value = data.get(key) or []
        if not isinstance(value, list) or any(isinstance(v, (Mapping, list)) for v in value):
            problems.append(Problem(shown, data.line_of(key), f"{key}: expected a list of ids, like [iccpr/9]"))
            return []
        return [(value.line_of(i), str(v)) for i, v in enumerate(value)]

    try:
        date = parse_date(text("date"))
    except ValueError as e:
        raise SourceError.at(shown, data.line_of("date"), f"date: {e}") from None
    language = text("language") or "en"
    if language not in ("en", "ru"):
        problems.append(Problem(shown, data.line_of("language"), "language: expected en or ru"))
    issues = ids("issues")
    if not issues and not problems:
        problems.append(Problem(shown, data.line_of("issues"), "issues: expected a list of topic ids"))
    for line, topic in issues:
        if topic not in corpus.topics:
            problems.append(Problem(shown, line, f"unknown topic {topic!r}; expected one of: {', '.join(corpus.topics)}"))
    found: dict[str, list[tuple[str, str]]] = {"cite": [], "exclude": []}
    for key in found:
        for line, item in ids(key):
            try:
                pid, pin = parse_citation(item)
            except ValueError as e:
                problems.append(Problem(shown, line, f"{key}: {e}"))
                continue
            if pid not in corpus.provisions:
                problems.append(Problem(shown, line, f"{key}: unknown provision {pid!r}"))
            else:
                found[key].append((pid, pin))
    fields = {key: text(key) for key in ("title", "place", "prepared_by", "client", "facts")}
    if problems:
        raise SourceError(problems)
    return Matter(
        title=fields["title"], date=date, place=fields["place"], language=language,
        prepared_by=fields["prepared_by"], client=fields["client"], facts=fields["facts"],
        issues=tuple(topic for _, topic in issues), cite=tuple(found["cite"]),
        exclude=tuple(pid for pid, _ in found["exclude"]),
    )
