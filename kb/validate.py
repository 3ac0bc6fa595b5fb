"""Checks across records and files: references, dates, placement, sources.

Schema checks (the form of each file) happen in ``kb.load``; these are the
rules a schema cannot express. Each returns ``Problem``s; nothing raises.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from .dates import parse_date
from .errors import Problem
from .models import Corpus, Origin, Provision, Verification, Wording
from .yamlio import Mapping, Sequence

# Characters Word cannot store and that have no place in a legal text.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def duplicate(kind: str, record_id: str, shown: str, line: int, first: Origin) -> Problem:
    return Problem(shown, line, f"duplicate {kind} id {record_id!r} (first defined at {first})")


def check_placement(kind: str, data: Mapping, shown: str, path: Path, root: Path) -> list[Problem]:
    """A record lives where its id says: instruments/tj/tj-x.yaml, cases/hrc/x.yaml, ..."""
    problems: list[Problem] = []
    rel = path.relative_to(root).parts
    if kind == "instrument":
        record_id, folder = data["id"], rel[1] if len(rel) > 2 else ""
        if path.stem != record_id:
            problems.append(Problem(shown, data.line_of("id"), f"id {record_id!r} does not match the file name; expected {record_id}.yaml"))
        is_tj = data["jurisdiction"] == "tj"
        if is_tj != record_id.startswith("tj-") or is_tj != (folder == "tj"):
            problems.append(Problem(shown, data.line_of("jurisdiction"),
                                    "Tajik acts have ids starting with tj-, jurisdiction tj and live in instruments/tj/; "
                                    "international instruments do not"))
    elif kind == "case":
        if path.stem != data["id"]:
            problems.append(Problem(shown, data.line_of("id"), f"id {data['id']!r} does not match the file name; expected {data['id']}.yaml"))
        if len(rel) != 3 or rel[1] != data["body"]:
            problems.append(Problem(shown, data.line_of("body"), f"a case of body {data['body']!r} lives in cases/{data['body']}/"))
    elif kind in ("notice", "circumstance") and path.stem != data["id"]:
        problems.append(Problem(shown, data.line_of("id"), f"id {data['id']!r} does not match the file name; expected {data['id']}.yaml"))
    return problems


def control_characters(data: Any, shown: str, line: int = 1) -> list[Problem]:
    """Control characters in any text: Word cannot open a document that holds them."""
    problems = []
    if isinstance(data, Mapping):
        for key, value in data.items():
            problems += control_characters(value, shown, data.line_of(key))
    elif isinstance(data, Sequence):
        for index, value in enumerate(data):
            problems += control_characters(value, shown, data.line_of(index))
    elif isinstance(data, str) and CONTROL_CHARS.search(data):
        char = CONTROL_CHARS.search(data).group()
        problems.append(Problem(shown, line, f"control character U+{ord(char):04X} in text; remove it"))
    return problems


def cross_check(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    for instrument in corpus.instruments.values():
        where = instrument.origin
        problems += _date_order(where, [("adopted", instrument.adopted),
                                        ("in_force_from", instrument.in_force_from)], strict=False)
        problems += _date_order(where, [("in_force_from", instrument.in_force_from),
                                        ("in_force_to", instrument.in_force_to)])
        if instrument.replaced_by and instrument.replaced_by not in corpus.instruments:
            problems.append(_at(where, f"replaced_by {instrument.replaced_by!r} is not an instrument in the sources"
                                       f"{nearest(instrument.replaced_by, corpus.instruments)}", "replaced_by"))
        if instrument.binding_on_tajikistan and instrument.binding_on_tajikistan.since:
            problems += _dates(where, [("binding_on_tajikistan.since", instrument.binding_on_tajikistan.since)])
        if instrument.verification:
            problems += _verification(where, instrument.id, instrument.verification)
        if not any(s.url for s in instrument.official_sources):
            problems.append(_at(where, f"{instrument.id}: official_sources needs at least one url", "official_sources"))
    problems += _replacement_cycles(corpus)
    for provision in corpus.provisions.values():
        problems += _provision(corpus, provision)
    for case in corpus.cases.values():
        where = case.origin
        problems += _dates(where, [("date", case.date)])
        problems += _references(corpus, where, case.id, "provisions", case.provisions)
        if case.body == "ecthr" and case.binding:
            problems.append(_at(where, f"{case.id}: a European Court judgment does not bind Tajikistan (not a "
                                       "Council of Europe member); expected binding: false", "binding"))
        problems += _topics(corpus, where, case.id, case.topics)
        problems += _verification(where, case.id, case.verification)
        if not any(s.url for s in case.sources):
            problems.append(_at(where, f"{case.id}: sources needs at least one url", "sources"))
    for topic in corpus.topics.values():
        for index, broader in enumerate(topic.broader):
            if broader not in corpus.topics:
                problems.append(_at(topic.origin, f"{topic.id}: broader topic {broader!r} is not in topics.yaml"
                                                  f"{nearest(broader, corpus.topics)}", f"broader[{index}]"))
        for index, query in enumerate(topic.queries):
            for expected in query.expect:
                if corpus.get(expected) is None:
                    problems.append(_at(topic.origin, f"{topic.id}: example query {query.query!r} expects "
                                                      f"{expected!r}, which does not exist", f"queries[{index}]"))
        problems += _leading(corpus, topic.origin, topic.id, topic.leading)
    for notice in corpus.notices.values():
        for index, right in enumerate(notice.rights):
            problems += [Problem(p.path, notice.origin.at(f"rights[{index}]"), p.message) for p in _references(
                corpus, notice.origin, f"{notice.id}/{right.id}", "provisions",
                [citation.split("(")[0] for citation in right.provisions])]
    problems += _circumstances(corpus)
    return problems


def nearest(name: str, candidates: Iterable[str], count: int = 3) -> str:
    """" (nearest: a, b)" when ``name`` looks like a misspelling of some of ``candidates``."""
    close = difflib.get_close_matches(name, list(candidates), n=count, cutoff=0.6)
    return f" (nearest: {', '.join(close)})" if close else ""


def _leading(corpus: Corpus, where: Origin, owner: str, entries: Iterable[str]) -> list[Problem]:
    """Leading authorities exist, provisions before cases, none twice, none marked conflicting."""
    problems: list[Problem] = []
    seen: set[str] = set()
    case_seen = False
    for index, entry in enumerate(entries):
        field = f"leading[{index}]"
        found = corpus.authority(entry)
        if found is None:
            candidates = corpus.provisions if "/" in entry else corpus.cases
            problems.append(_at(where, f"{owner}: leading names {entry!r}, which is not a provision or case "
                                       f"in the sources{nearest(entry.split('(')[0], candidates)}", field))
            continue
        kind, record_id, _pin = found
        if record_id in seen:
            problems.append(_at(where, f"{owner}: leading names {record_id} twice", field))
        seen.add(record_id)
        if kind == "case":
            case_seen = True
        elif case_seen:
            problems.append(_at(where, f"{owner}: leading lists provisions first, then cases; {entry} comes "
                                       "after a case", field))
        record = corpus.provisions.get(record_id) or corpus.cases.get(record_id)
        if record.verification.is_conflicting:
            problems.append(_at(where, f"{owner}: leading names {record_id}, whose record is marked conflicting; "
                                       "no memo may rely on it", field))
    return problems


def _circumstances(corpus: Corpus) -> list[Problem]:
    from .arguments import template_problems

    problems: list[Problem] = []
    gates = {gate.id for gate in corpus.interview.gates} if corpus.interview else set()
    for circumstance in corpus.circumstances.values():
        where, cid = circumstance.origin, circumstance.id
        problems += _topics(corpus, where, cid, circumstance.topics)
        problems += _leading(corpus, where, cid, circumstance.leading)
        problems += [_at(where, f"{cid}: {message}", message.split(".")[0].split(":")[0].split("[")[0]
                         if message.startswith(("argument", "request")) else "values")
                     for message in template_problems(circumstance)]
    interview = corpus.interview
    if interview is None:
        return problems  # kb.load reports the missing file
    placed: dict[str, str] = {}
    for section in interview.sections:
        for gate in section.ask_if:
            if gate not in gates:
                problems.append(_at(interview.origin, f"section {section.id}: ask_if names {gate!r}, which is "
                                                      f"not a gate{nearest(gate, gates)}"))
        for cid in section.circumstances:
            if cid not in corpus.circumstances:
                problems.append(_at(interview.origin, f"section {section.id}: no circumstance {cid!r}"
                                                      f"{nearest(cid, corpus.circumstances)}"))
            elif cid in placed:
                problems.append(_at(interview.origin, f"section {section.id}: {cid} is already in section "
                                                      f"{placed[cid]}"))
            placed.setdefault(cid, section.id)
    for cid, circumstance in corpus.circumstances.items():
        if cid not in placed:
            problems.append(_at(circumstance.origin, f"{cid}: not in any section of interview.yaml, so it is "
                                                     "never asked; add it to a section"))
    if "date" not in {q.id for q in interview.matter}:
        problems.append(_at(interview.origin, "matter: the date of the events must be asked (id: date)"))
    return problems


def missing_summary(provision_id: str) -> str:
    """How a problem about a provision without its summary begins (huquq import tolerates it)."""
    return f"{provision_id}: needs a summary"


def _provision(corpus: Corpus, provision: Provision) -> list[Problem]:
    where, pid = provision.origin, provision.id
    problems = _references(corpus, where, pid, "related", provision.related)
    if pid in provision.related:
        problems.append(_at(where, f"{pid}: a provision cannot be related to itself", "related"))
    problems += _topics(corpus, where, pid, provision.topics)
    problems += _verification(where, pid, provision.verification)
    if not any(s.url for s in provision.sources):
        problems.append(_at(where, f"{pid}: sources needs at least one source with a url (the address where "
                                   "it was read)", "sources"))
    missing = [lang for lang in ("en", "ru") if not provision.summary.get(lang)]
    if missing:
        problems.append(_at(where, f"{missing_summary(pid)} in {' and '.join(missing)} (the project's own "
                                   "words; summary.en and summary.ru), even where a text is at hand",
                            "summary" if provision.summary else None))
    problems += _wordings(where, pid, provision.wording, provision.versions)
    return problems


def _wordings(where: Origin, pid: str, current: Wording, versions: tuple[Wording, ...]) -> list[Problem]:
    """Each wording's dates parse and are in order, and no two wordings overlap."""
    problems: list[Problem] = []
    valid = []
    for wording in (current, *versions):
        found = _date_order(where, [("in_force_from", wording.in_force_from),
                                    ("in_force_to", wording.in_force_to)], label=pid)
        problems += found
        if not found:
            valid.append(wording)
    if versions and current.in_force_from is None:
        return problems + [_at(where, f"{pid}: a provision with versions needs in_force_from "
                                      "(when its current wording took effect)")]
    ordered = sorted(valid, key=lambda w: parse_date(w.in_force_from) if w.in_force_from else date.min)
    for earlier, later in zip(ordered, ordered[1:]):
        if earlier.in_force_to is None or parse_date(earlier.in_force_to) > parse_date(later.in_force_from):
            problems.append(_at(where, f"{pid}: versions overlap: the wording from {earlier.in_force_from} "
                                       f"must end (in_force_to) on or before {later.in_force_from}, "
                                       "when the next one starts"))
    return problems


def _dates(where: Origin, fields: list[tuple[str, str | None]]) -> list[Problem]:
    problems = []
    for name, value in fields:
        if value is None:
            continue
        try:
            parse_date(value)
        except ValueError as e:
            problems.append(_at(where, f"{name}: {e}"))
    return problems


def _date_order(where: Origin, fields: list[tuple[str, str | None]], strict: bool = True, label: str = "") -> list[Problem]:
    if _dates(where, fields):
        return _dates(where, fields)
    (first_name, first), (second_name, second) = fields
    if not first or not second:
        return []
    a, b = parse_date(first), parse_date(second)
    if a > b or (strict and a == b):
        prefix = f"{label}: " if label else ""
        return [_at(where, f"{prefix}{first_name} {first} is after {second_name} {second}; dates out of order")]
    return []


def _references(corpus: Corpus, where: Origin, owner: str, field: str, ids: Iterable[str]) -> list[Problem]:
    return [_at(where, f"{owner}: {field} names {ref!r}, which is not a provision in the sources"
                       f"{nearest(ref, corpus.provisions)}", f"{field}[{index}]")
            for index, ref in enumerate(ids) if ref not in corpus.provisions]


def _topics(corpus: Corpus, where: Origin, owner: str, topics: Iterable[str]) -> list[Problem]:
    if not corpus.topics:
        return []
    return [_at(where, f"{owner}: topic {topic!r} is not in topics.yaml{nearest(topic, corpus.topics)}",
                f"topics[{index}]")
            for index, topic in enumerate(topics) if topic not in corpus.topics]


# A note that tells the reader not to cite the record (an instruction, at the start of a sentence).
DO_NOT_CITE = re.compile(r"(?:^|[.;:!]\s+|\s[-–—]\s+)(?:do not|don't|never) cite\b|не ссылаться", re.IGNORECASE)


def _verification(where: Origin, owner: str, verification: Verification) -> list[Problem]:
    if verification.status in ("unverified", "conflicting"):
        missing = [lang for lang in ("en", "ru") if not verification.note.get(lang)]
        if missing:
            return [_at(where, f"{owner}: an {verification.status} record needs a note saying what to check, in "
                               f"{' and '.join(missing)} (note.{missing[0]}): memos list it in their language",
                        "verification")]
    if verification.status == "verified" and not (verification.checked_on and verification.by):
        return [_at(where, f"{owner}: verified needs checked_on (a date) and by (who compared it with the "
                           "official text); record it with `huquq verify`", "verification")]
    if verification.status != "conflicting" and any(DO_NOT_CITE.search(text) for text in verification.note.values()):
        return [_at(where, f"{owner}: the note says not to cite this record; mark it status: conflicting so "
                           "that no memo or notice relies on it", "verification")]
    if verification.checked_on:
        return _dates(where, [("verification.checked_on", verification.checked_on)])
    return []


def _replacement_cycles(corpus: Corpus) -> list[Problem]:
    problems = []
    for start in corpus.instruments.values():
        seen, current = [start.id], start.replaced_by
        while current and current in corpus.instruments:
            if current in seen:
                problems.append(_at(start.origin, f"replaced_by chain loops: {' -> '.join(seen + [current])}"))
                break
            seen.append(current)
            current = corpus.instruments[current].replaced_by
    return problems


def _at(origin: Origin, message: str, field: str | None = None) -> Problem:
    """A problem at the record, or at one of its fields (``related``) or list items (``related[2]``)."""
    return Problem(origin.path, origin.at(field) if field else origin.line, message)
