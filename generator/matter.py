"""Matter files: the input of a memo. They name clients, so nothing of them is logged.

The form is a JSON Schema (``huquq schema matter``); this module adds what a schema cannot say: the ids
exist (with the nearest valid ones when they do not), each circumstance has the values it needs, of the
right type, nothing is listed twice, the date is not in the future. Text is cleaned on the way in:
characters Word cannot store and invisible formatting characters (bidirectional overrides can make a name
read differently from what it is) are removed with a located warning.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from kb.dates import parse_date
from kb.errors import Problem, SourceError
from kb.ids import parse_citation
from kb.load import display_path, schema_problems
from kb.models import Circumstance, Corpus, ValueSpec
from kb.validate import CONTROL_CHARS, nearest
from kb.yamlio import Mapping, Sequence, load_yaml

TEXT_FIELDS = ("title", "place", "prepared_by", "client", "facts")


@dataclass(frozen=True)
class Answer:
    """A circumstance of the matter, with its values (by value id)."""

    id: str
    values: dict = field(default_factory=dict)


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
    circumstances: tuple[Answer, ...] = ()

    def answer(self, circumstance_id: str) -> Answer | None:
        return next((a for a in self.circumstances if a.id == circumstance_id), None)


def clean_text(value: str) -> tuple[str, list[str]]:
    """``value`` without what Word cannot store or a reader cannot see; and what was removed."""
    removed: list[str] = []
    if "\x0b" in value or "\x0c" in value:
        value = value.replace("\x0b", " ").replace("\x0c", " ")
        removed.append("vertical tab or form feed made a space")
    if CONTROL_CHARS.search(value):
        value = CONTROL_CHARS.sub("", value)
        removed.append("control characters removed (Word cannot store them)")
    invisible = {c for c in value if unicodedata.category(c) == "Cf"}
    if invisible:
        value = "".join(c for c in value if c not in invisible)
        names = ", ".join(sorted(f"U+{ord(c):04X}" for c in invisible))
        removed.append(f"invisible formatting characters removed ({names}; bidirectional overrides can make "
                       "a name read differently from what it is)")
    return value, removed


def paragraphs_of(text: str) -> list[str]:
    """Facts as written in YAML: a single line break is a space, a blank line starts a new paragraph."""
    return [" ".join(block.split()) for block in re.split(r"\n[ \t]*\n", text or "") if block.strip()]


def load_matter(path: Path, corpus: Corpus, warn: Callable[[str], None] | None = None,
                today: dt.date | None = None) -> Matter:
    """Read and check a matter file. Problems name the line and never quote the facts or the client."""
    return matter_from_text(None, display_path(path), corpus, warn, today, path=path)


def matter_from_text(text: str | None, shown: str, corpus: Corpus, warn: Callable[[str], None] | None = None,
                     today: dt.date | None = None, path: Path | None = None) -> Matter:
    """A matter from the text of a matter file (read from ``path`` when ``text`` is None); problems are
    located in ``shown``."""
    data = load_yaml(path or Path(shown), text)
    if not isinstance(data, Mapping):
        raise SourceError.at(shown, 1, "expected a mapping of fields (title, date, circumstances, ...)")
    problems = schema_problems(shown, "matter", data)
    if problems:
        raise SourceError(problems)
    return read_matter(data, shown, corpus, warn, today)


def read_matter(data: Mapping, shown: str, corpus: Corpus, warn: Callable[[str], None] | None = None,
                today: dt.date | None = None) -> Matter:
    """A matter from already parsed (and schema-checked) data; ``SourceError`` lists every problem."""
    problems: list[Problem] = []

    def text(key: str) -> str:
        value = data.get(key)
        if value is None:
            return ""
        cleaned, removed = clean_text(str(value))
        for what in removed:
            if warn:
                warn(f"{shown}:{data.line_of(key)}: warning: {key}: {what}")
        return cleaned

    try:
        date = parse_date(str(data["date"]))
    except ValueError as e:
        raise SourceError.at(shown, data.line_of("date"), f"date: {e}") from None
    if date > (today or dt.date.today()):
        problems.append(Problem(shown, data.line_of("date"), f"date: {data['date']} is in the future; expected "
                                                             "the date of the events"))
    language = str(data.get("language") or "en")
    issues = _unique(shown, data, "issues", problems)
    for line, topic in issues:
        if topic not in corpus.topics:
            problems.append(Problem(shown, line, f"issues: unknown topic {topic!r}{nearest(topic, corpus.topics)}; "
                                                 "see `huquq show TOPIC` or the site's topic list"))
    answers = _circumstances(shown, data, corpus, problems)
    found: dict[str, list[tuple[str, str]]] = {"cite": [], "exclude": []}
    for key in found:
        for line, item in _unique(shown, data, key, problems):
            try:
                pid, pin = parse_citation(item)
            except ValueError as e:
                problems.append(Problem(shown, line, f"{key}: {e}"))
                continue
            if pid not in corpus.provisions:
                problems.append(Problem(shown, line, f"{key}: unknown provision {pid!r}{nearest(pid, corpus.provisions)}"))
            else:
                found[key].append((pid, pin))
    fields = {key: text(key) for key in TEXT_FIELDS}
    if problems:
        raise SourceError(problems)
    return Matter(
        title=fields["title"], date=date, place=fields["place"], language=language,
        prepared_by=fields["prepared_by"], client=fields["client"], facts=fields["facts"],
        issues=tuple(topic for _, topic in issues), cite=tuple(found["cite"]),
        exclude=tuple(pid for pid, _ in found["exclude"]), circumstances=tuple(answers),
    )


def _unique(shown: str, data: Mapping, key: str, problems: list[Problem]) -> list[tuple[int, str]]:
    """(line, id) of each item of a list of ids; an id listed twice is a problem."""
    items = data.get(key) or Sequence()
    found: list[tuple[int, str]] = []
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        line, value = items.line_of(index), str(item)
        if value in first:
            problems.append(Problem(shown, line, f"{key}: {value} is listed twice (first on line {first[value]})"))
            continue
        first[value] = line
        found.append((line, value))
    return found


def _circumstances(shown: str, data: Mapping, corpus: Corpus, problems: list[Problem]) -> list[Answer]:
    items = data.get("circumstances") or Sequence()
    answers: list[Answer] = []
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        line = items.line_of(index)
        cid, given = (item, Mapping()) if isinstance(item, str) else next(iter(item.items()))
        if cid in first:
            problems.append(Problem(shown, line, f"circumstances: {cid} is listed twice (first on line {first[cid]})"))
            continue
        first[cid] = line
        circumstance = corpus.circumstances.get(cid)
        if circumstance is None:
            problems.append(Problem(shown, line, f"circumstances: unknown circumstance {cid!r}"
                                                 f"{nearest(cid, corpus.circumstances)}; `huquq interview` "
                                                 "lists them with their questions"))
            continue
        values = _values(shown, line, circumstance, given, problems)
        answers.append(Answer(cid, values))
    return answers


def _values(shown: str, line: int, circumstance: Circumstance, given: Mapping, problems: list[Problem]) -> dict:
    values: dict[str, Any] = {}
    for key, raw in given.items():
        at = given.line_of(key) if isinstance(given, Mapping) else line
        spec = circumstance.value(str(key))
        if spec is None:
            known = [v.id for v in circumstance.values]
            problems.append(Problem(shown, at, f"{circumstance.id}: no value {key!r}; expected "
                                               f"{', '.join(known) if known else 'none (it takes no values)'}"))
            continue
        try:
            values[spec.id] = convert_value(spec, raw)
        except ValueError as e:
            problems.append(Problem(shown, at, f"{circumstance.id}: {spec.id}: {e}"))
    for spec in circumstance.values:
        if spec.required and spec.id not in values and spec.id not in given:
            problems.append(Problem(shown, line, f"{circumstance.id}: needs the value {spec.id} "
                                                 f"({spec.question.get('en', '')})"))
        values.setdefault(spec.id, None)
    return values


def convert_value(spec: ValueSpec, raw: Any) -> Any:
    """``raw`` (from YAML or typed by a person) as the value ``spec`` asks for; ``ValueError`` says what
    was expected."""
    if spec.type in ("integer", "number"):
        if isinstance(raw, bool):
            raise ValueError(f"expected a number, found {raw!r}")
        try:
            number = float(str(raw).replace(",", ".").strip())
        except ValueError:
            raise ValueError(f"expected a number, found {str(raw)[:40]!r}") from None
        if spec.type == "integer":
            if number != int(number):
                raise ValueError(f"expected a whole number, found {raw!r}")
            number = int(number)
        if spec.min is not None and number < spec.min:
            raise ValueError(f"expected at least {spec.min:g}, found {number:g}")
        if spec.max is not None and number > spec.max:
            raise ValueError(f"expected at most {spec.max:g}, found {number:g}")
        return number
    if spec.type == "boolean":
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word in ("yes", "y", "true", "да", "д", "ҳа", "ha", "ха"):
            return True
        if word in ("no", "n", "false", "нет", "н", "не", "на"):
            return False
        raise ValueError(f"expected yes or no, found {str(raw)[:40]!r}")
    if spec.type == "date":
        try:
            return parse_date(str(raw)).isoformat()
        except ValueError as e:
            raise ValueError(str(e)) from None
    if spec.type == "choice":
        ids = [choice.id for choice in spec.choices]
        if str(raw) not in ids:
            raise ValueError(f"expected one of {', '.join(ids)}, found {str(raw)[:40]!r}")
        return str(raw)
    if isinstance(raw, (Mapping, list)):
        raise ValueError("expected text")
    cleaned, _removed = clean_text(str(raw))
    return cleaned
