"""Reading ``legal_sources/`` into a ``Corpus``.

``check_sources`` reports every problem (for ``huquq validate``);
``load_corpus`` raises ``SourceError`` at the first failing run, for the
library, the index, the site and the documents.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import jsonschema

from . import parsecache
from .errors import Problem, SourceError
from .models import (
    Binding, Case, Choice, Circumstance, Corpus, ExampleQuery, Instrument, Interview, Notice, Origin,
    Provision, Question, Right, Section, Source, Text, Topic, ValueSpec, Verification, Wording,
)
from .schema import schema
from .yamlio import Mapping, Sequence, decode, line_at, load_yaml

SCHEMA_COMMENT = "# yaml-language-server: $schema="


def source_files(root: Path) -> list[tuple[Path, str]]:
    """Every source file under ``root`` with the kind of record it holds."""
    found: list[tuple[Path, str]] = []
    for sub, kind in (("instruments", "instrument"), ("cases", "case"), ("notices", "notice"),
                      ("circumstances", "circumstance")):
        found += [(p, kind) for p in sorted((root / sub).rglob("*.yaml"))]
    for name, kind in (("topics.yaml", "topics"), ("interview.yaml", "interview")):
        if (root / name).exists():
            found.append((root / name, kind))
    return found


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder where possible."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


@lru_cache(maxsize=None)
def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))


def schema_problems(shown: str, kind: str, data: Any) -> list[Problem]:
    problems = []
    for error in _validator(kind).iter_errors(data):
        path = list(error.absolute_path)
        line = line_at(data, path)
        where = "/".join(str(step) for step in path) or "the file"
        message = _explain(error)
        if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
            allowed = set(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in allowed:
                    line = error.instance.line_of(key)
                    message = (f"unknown field {key!r}; expected one of: "
                               f"{', '.join(sorted(allowed))}")
                    problems.append(Problem(shown, line, f"{where}: {message}"))
            continue
        problems.append(Problem(shown, line, f"{where}: {message}"))
    return problems


def _explain(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        return f"missing field {error.message.split(chr(39))[1]!r}"
    if error.validator == "enum":
        return f"{error.instance!r} is not allowed; expected one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "pattern":
        return f"{error.instance!r} does not have the expected form ({_PATTERN_HINTS.get(error.validator_value, error.validator_value)})"
    if error.validator == "type":
        wanted = error.validator_value
        if "string" in (wanted if isinstance(wanted, list) else [wanted]) and isinstance(error.instance, (int, float)) \
                and not isinstance(error.instance, bool):
            return (f"{error.instance!r} is read as a number; write it as text in quotes: "
                    f"'{error.instance}'")
        if wanted == "string" and isinstance(error.instance, bool):
            return f"{str(error.instance).lower()} is read as yes/no; write it as text in quotes"
        if wanted == "object" and isinstance(error.instance, str):
            return ("expected the text per language (en: ..., ru: ..., tg: ...), found one text; write it "
                    "under en: and add ru: and tg:")
        return f"expected {wanted}, found {type(error.instance).__name__} {error.instance!r}"[:300]
    if error.validator == "anyOf" and "summary" in str(error.validator_value):
        return "needs a summary (the project's own words) or a text; expected at least summary.en"
    if error.validator == "anyOf" and "'required': ['circumstances']" in str(error.validator_value):
        return ("needs circumstances (what happened: ids from `huquq interview` or the site) or issues "
                "(topic ids); expected at least one of them")
    if error.validator == "anyOf" and "propertyNames" in str(error.validator_value):
        return ("expected a circumstance id, or an id with its values, e.g. "
                "`- held-beyond-time-limit: {hours: 20, proceeding: none}`")
    if error.validator == "anyOf" and "url" in str(error.validator_value):
        return "a source needs a url (the address of the publication) or a provenance"
    return error.message[:300]


_PATTERN_HINTS = {
    r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": 'a date written "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "a lowercase slug: letters a-z, digits and single hyphens",
    r"^[0-9a-z]+([.-][0-9a-z]+)*$": "a label like 9, 143-1 or 2.1",
    r"^[a-z0-9]+(-[a-z0-9]+)*/[0-9a-z]+([.-][0-9a-z]+)*$": "a provision id like iccpr/9",
    r"^https?://\S+$": "an http(s) address",
}


# -- building records from checked data ---------------------------------------------------

def _origin(shown: str, data: Mapping) -> Origin:
    """Where a record is, with the lines of its fields and of the items of its lists."""
    fields: list[tuple[str, int]] = []
    for key, value in data.items():
        fields.append((key, data.line_of(key)))
        if isinstance(value, Sequence):
            fields += [(f"{key}[{index}]", value.line_of(index)) for index in range(len(value))]
        elif isinstance(value, Mapping):
            fields += [(f"{key}.{sub}", value.line_of(sub)) for sub in value]
    return Origin(shown, data.line, tuple(fields))


def _source(data: dict) -> Source:
    return Source(**{k: data[k] for k in ("title", "url", "provenance", "accessed", "pinpoint") if k in data})


def _sources(items: list | None) -> tuple[Source, ...]:
    return tuple(_source(item) for item in items or ())


def _verification(data: dict | None) -> Verification | None:
    return Verification(**{**data, "note": dict(data.get("note") or {})}) if data else None


def _texts(data: dict | None) -> dict[str, Text]:
    return {
        lang: Text(lang=lang, kind=t["kind"], content=t["content"], source=_source(t["source"]))
        for lang, t in (data or {}).items()
    }


def _keywords(data: Mapping) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(terms) for lang, terms in (data.get("keywords") or {}).items()}


def _provision(instrument: dict, data: Mapping, shown: str) -> Provision:
    current = Wording(
        in_force_from=data.get("in_force_from"),
        in_force_to=data.get("in_force_to"),
        summary=dict(data.get("summary", {})),
        texts=_texts(data.get("text")),
        amended_by=dict(data.get("amended_by") or {}),
        sources=_sources(data.get("sources")),
        current=True,
    )
    versions = tuple(
        Wording(
            in_force_from=v["in_force_from"],
            in_force_to=v.get("in_force_to"),
            summary=dict(v.get("summary", {})),
            texts=_texts(v.get("text")),
            amended_by=dict(v.get("amended_by") or {}),
            sources=_sources(v.get("sources")),
            notes=dict(v.get("notes") or {}),
        )
        for v in data.get("versions", ())
    )
    return Provision(
        instrument_id=instrument["id"],
        label=str(data["label"]),
        title=dict(data.get("title", {})),
        wording=current,
        versions=versions,
        topics=tuple(data.get("topics", ())),
        related=tuple(data.get("related", ())),
        verification=_verification(data["verification"]),
        sources=_sources(data["sources"]),
        notes=dict(data.get("notes") or {}),
        origin=_origin(shown, data),
        argument=dict(data.get("argument", {})),
        keywords=_keywords(data),
    )


def _instrument(data: Mapping, shown: str) -> tuple[Instrument, list[Provision]]:
    provisions = [_provision(data, p, shown) for p in data["provisions"]]
    binding = data.get("binding_on_tajikistan")
    instrument = Instrument(
        id=data["id"],
        title=dict(data["title"]),
        short_title=dict(data["short_title"]),
        aliases=tuple(data.get("aliases", ())),
        kind=data["kind"],
        jurisdiction=data["jurisdiction"],
        issued_by=dict(data.get("issued_by") or {}),
        symbol=data.get("symbol"),
        unit=dict(data.get("unit", {})),
        binding_on_tajikistan=Binding(
            binding=binding["binding"], since=binding.get("since"), note=dict(binding.get("note") or {}),
            source=_source(binding["source"]) if "source" in binding else None,
        ) if binding else None,
        adopted=data.get("adopted"),
        in_force_from=data.get("in_force_from"),
        in_force_to=data.get("in_force_to"),
        replaced_by=data.get("replaced_by"),
        official_sources=_sources(data["official_sources"]),
        verification=_verification(data.get("verification")),
        notes=dict(data.get("notes") or {}),
        provision_ids=tuple(p.id for p in provisions),
        origin=_origin(shown, data),
    )
    return instrument, provisions


def _case(data: Mapping, shown: str) -> Case:
    return Case(
        id=data["id"], title=dict(data["title"]), body=data["body"], court=data.get("court"),
        number=str(data["number"]), symbol=data.get("symbol"), date=data["date"],
        parties=dict(data.get("parties", {})), outcome=dict(data.get("outcome", {})),
        summary=dict(data["summary"]), holdings=tuple(dict(h) for h in data.get("holdings", ())),
        keywords=_keywords(data),
        provisions=tuple(data["provisions"]), topics=tuple(data["topics"]),
        binding=data["binding"], adverse=data.get("adverse", False),
        sources=_sources(data["sources"]), verification=_verification(data["verification"]),
        notes=dict(data.get("notes") or {}), origin=_origin(shown, data),
    )


def _topic(data: Mapping, shown: str) -> Topic:
    return Topic(
        id=data["id"], label=dict(data["label"]),
        synonyms={lang: tuple(words) for lang, words in data.get("synonyms", {}).items()},
        description=dict(data["description"]), broader=tuple(data.get("broader", ())),
        argument=dict(data["argument"]),
        queries=tuple(ExampleQuery(q["query"], q["lang"], tuple(q["expect"]))
                      for q in data.get("queries", ())),
        origin=_origin(shown, data),
        leading=tuple(data.get("leading", ())),
        request={lang: tuple(items) for lang, items in data.get("request", {}).items()},
    )


def _circumstance(data: Mapping, shown: str) -> Circumstance:
    values = tuple(
        ValueSpec(id=v["id"], type=v["type"], question=dict(v["question"]),
                  explanation=dict(v.get("explanation", {})), required=v.get("required", False),
                  min=v.get("min"), max=v.get("max"),
                  choices=tuple(Choice(c["id"], dict(c["label"])) for c in v.get("choices", ())))
        for v in data.get("values", ())
    )
    return Circumstance(
        id=data["id"], title=dict(data["title"]), question=dict(data["question"]),
        explanation=dict(data["explanation"]),
        said={lang: tuple(phrases) for lang, phrases in data.get("said", {}).items()}, values=values,
        topics=tuple(data["topics"]), leading=tuple(data["leading"]), argument=dict(data["argument"]),
        request={lang: tuple(items) for lang, items in data["request"].items()},
        sources=_sources(data["sources"]), notes=data.get("notes"), origin=_origin(shown, data),
    )


def _interview(data: Mapping, shown: str) -> Interview:
    def questions(items) -> tuple[Question, ...]:
        return tuple(Question(q["id"], dict(q["question"]), dict(q["explanation"])) for q in items)

    return Interview(
        matter=questions(data["matter"]), gates=questions(data["gates"]),
        sections=tuple(Section(s["id"], dict(s["title"]), tuple(s.get("ask_if", ())), tuple(s["circumstances"]))
                       for s in data["sections"]),
        origin=_origin(shown, data),
    )


def _notice(data: Mapping, shown: str) -> Notice:
    return Notice(
        id=data["id"], title=dict(data["title"]), intro=dict(data["intro"]),
        rights=tuple(Right(r["id"], dict(r["text"]), tuple(r["provisions"])) for r in data["rights"]),
        what_to_do_heading=dict(data["what_to_do_heading"]),
        what_to_do=tuple(dict(item) for item in data["what_to_do"]),
        contact_heading=dict(data["contact_heading"]),
        translations=dict(data["translations"]), notes=data.get("notes"),
        origin=_origin(shown, data),
    )


# -- reading a folder -------------------------------------------------------------------

def read_file(path: Path, kind: str, cache_dir: Path | None = None) -> tuple[str, Mapping | None, str, list[Problem]]:
    """Parse and schema-check one file: (shown path, data or None, sha256, problems)."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        cached = parsecache.get(cache_dir, digest, kind)
        if cached is not None:
            return shown, cached, digest, []
        data = load_yaml(path, decode(path, raw))
    except SourceError as e:
        return shown, None, "", [Problem(shown, p.line, p.message) for p in e.problems]
    except OSError as e:
        return shown, None, "", [Problem(shown, 1, f"cannot read the file: {e.strerror}")]
    if not isinstance(data, Mapping):
        return shown, None, digest, [Problem(shown, getattr(data, "line", 1) or 1,
                                             "expected a mapping of fields at the top of the file")]
    from .validate import control_characters

    # Checked once, here, so that a file from the parse cache is known to be clean.
    problems = schema_problems(shown, kind, data) + control_characters(data, shown)
    if not problems:
        parsecache.put(cache_dir, digest, kind, data)
    return shown, (None if problems else data), digest, problems


def check_sources(root: Path, progress: Callable[[str], None] | None = None,
                  cache_dir: Path | None = None) -> tuple[Corpus | None, list[Problem]]:
    """Load and check everything under ``root``; return the corpus (if clean) and all problems.

    With ``cache_dir``, files unchanged since they last loaded cleanly are not parsed again.
    """
    from .validate import cross_check

    root = Path(root)
    if not root.is_dir():
        return None, [Problem(display_path(root), 1, "no such folder of sources; expected legal_sources/")]
    corpus = Corpus()
    problems: list[Problem] = []
    files = source_files(root)
    unread = 0
    for number, (path, kind) in enumerate(files, 1):
        if progress:
            progress(f"[{number}/{len(files)}] {display_path(path)}")
        shown, data, digest, file_problems = read_file(path, kind, cache_dir)
        problems += file_problems
        corpus.file_hashes[path.relative_to(root).as_posix()] = digest
        if data is None:
            unread += 1
            continue
        problems += _add(corpus, kind, data, shown, path, root)
    if not (root / "topics.yaml").exists():
        problems.append(Problem(display_path(root / "topics.yaml"), 1, "missing: the topic vocabulary is required"))
    if corpus.circumstances and not (root / "interview.yaml").exists():
        problems.append(Problem(display_path(root / "interview.yaml"), 1, "missing: the circumstances need "
                                "interview.yaml, which gives the order of the questions"))
    if not unread:
        # With a file unread, every reference into it would be reported too: noise, not news.
        problems += cross_check(corpus)
    return (None if problems else corpus), sorted(set(problems))


def _add(corpus: Corpus, kind: str, data: Mapping, shown: str, path: Path, root: Path) -> list[Problem]:
    from .validate import check_placement, duplicate

    problems = check_placement(kind, data, shown, path, root)
    if kind == "instrument":
        instrument, provisions = _instrument(data, shown)
        if instrument.id in corpus.instruments:
            return problems + [duplicate("instrument", instrument.id, shown, data.line,
                                         corpus.instruments[instrument.id].origin)]
        corpus.instruments[instrument.id] = instrument
        for provision in provisions:
            if provision.id in corpus.provisions:
                problems.append(duplicate("provision", provision.id, shown, provision.origin.line,
                                          corpus.provisions[provision.id].origin))
                continue
            corpus.provisions[provision.id] = provision
    elif kind == "case":
        case = _case(data, shown)
        if case.id in corpus.cases:
            return problems + [duplicate("case", case.id, shown, data.line, corpus.cases[case.id].origin)]
        corpus.cases[case.id] = case
    elif kind == "topics":
        for item in data["topics"]:
            topic = _topic(item, shown)
            if topic.id in corpus.topics:
                problems.append(duplicate("topic", topic.id, shown, item.line, corpus.topics[topic.id].origin))
                continue
            corpus.topics[topic.id] = topic
    elif kind == "circumstance":
        circumstance = _circumstance(data, shown)
        if circumstance.id in corpus.circumstances:
            return problems + [duplicate("circumstance", circumstance.id, shown, data.line,
                                         corpus.circumstances[circumstance.id].origin)]
        corpus.circumstances[circumstance.id] = circumstance
    elif kind == "interview":
        corpus.interview = _interview(data, shown)
    elif kind == "notice":
        notice = _notice(data, shown)
        if notice.id in corpus.notices:
            return problems + [duplicate("notice", notice.id, shown, data.line, corpus.notices[notice.id].origin)]
        corpus.notices[notice.id] = notice
    return problems


# Set by the huquq command (generator.cli.main), a process that loads the corpus once and then exits: what
# loading and indexing built is frozen (gc.freeze), so that the collector, enabled again, never walks it. At
# 10,000 provisions that walk was a third of re-indexing one changed file. Not in a process that loads the
# corpus again and again (the tests, the benchmarks): frozen garbage is never freed.
FREEZE_WHAT_IS_BUILT = False


@contextlib.contextmanager
def without_gc():
    """Loading or indexing builds hundreds of thousands of small objects that all stay alive: the cyclic
    garbage collector, run again and again as they pile up, only costs time (at 10,000 provisions, a
    quarter of re-indexing one changed file)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if FREEZE_WHAT_IS_BUILT:
                gc.freeze()
            gc.enable()


def load_corpus(root: Path, cache_dir: Path | None = None) -> Corpus:
    """The validated corpus, or ``SourceError`` listing every problem (see ``check_sources``)."""
    with without_gc():
        corpus, problems = check_sources(root, cache_dir=cache_dir)
    if problems:
        raise SourceError(problems)
    assert corpus is not None
    return corpus
