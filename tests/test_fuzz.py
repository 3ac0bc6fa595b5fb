"""Fuzzing: generated and mutated source and matter files either load or fail with a located error.

Hypothesis generates valid instruments (which must round-trip through ``huquq fmt``) and mutates
real files (bytes inserted, deleted or replaced; tabs; truncation); every outcome must be a model or
a list of ``path:line`` problems, never another exception.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.matter import load_matter
from generator.cli_sources import canonical_text
from kb.canonical import dump, plain, schema_comment
from kb.errors import SourceError
from kb.load import check_sources
from kb.yamlio import load_yaml
from tests.conftest import FIXTURE_SOURCES, ROOT

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LOCATED = re.compile(r"^.+:\d+: .+")

# Text as people paste it: letters of the three languages, punctuation, spaces, newlines, quotes.
prose = st.text(alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " .,;:()-'\"#&*!?%@`|>\n")
                                         + list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяҳҷқғӣӯ«»—№¹")),
                min_size=1, max_size=120).filter(lambda s: s.strip())
labels = st.from_regex(r"\A[0-9]{1,3}(-[0-9]{1,2})?\Z")


@st.composite
def instruments(draw):
    provisions = []
    for label in draw(st.lists(labels, min_size=0, max_size=4, unique=True)):
        provision = {
            "label": label,
            "summary": {"en": draw(prose), "ru": draw(prose)},
            "verification": {"status": "unverified", "note": draw(prose)},
            "sources": [{"title": draw(prose), "url": "https://example.org/" + draw(st.from_regex(r"\A[a-z0-9/]{0,20}\Z"))}],
        }
        if draw(st.booleans()):
            provision["text"] = {"ru": {"kind": "official", "content": draw(prose),
                                        "source": {"title": "Official text", "url": "https://example.org/t"}}}
        if draw(st.booleans()):
            provision["topics"] = ["arbitrary-detention"]
        provisions.append(provision)
    return {
        "id": "tj-fuzz-law",
        "title": {"en": draw(prose), "ru": draw(prose), "tg": draw(prose)},
        "short_title": {"en": draw(prose)},
        "kind": "law",
        "jurisdiction": "tj",
        "official_sources": [{"title": draw(prose), "url": "https://example.org/law"}],
        "notes": draw(prose),
        "provisions": provisions,
    }


@pytest.fixture()
def sources(tmp_path):
    target = tmp_path / "sources"
    shutil.copytree(FIXTURE_SOURCES, target)
    return target


def located_or_loaded(root: Path):
    corpus, problems = check_sources(root)
    for problem in problems:
        assert LOCATED.match(str(problem)) and problem.line >= 1, str(problem)
    return corpus, problems


def without_origin(record):
    return dataclasses.replace(record, origin=None)


@FUZZ
@given(data=instruments())
def test_generated_instruments_round_trip_through_fmt(sources, data):
    path = sources / "instruments" / "tj" / "tj-fuzz-law.yaml"
    text = dump(data, "instrument", schema_comment(path, sources, "instrument"))
    path.write_text(text, encoding="utf-8")
    corpus, problems = located_or_loaded(sources)
    if problems:  # generated prose may hold what the validator refuses (e.g. a stray control character)
        return
    assert canonical_text(path, sources, "instrument") == text  # fmt changes nothing
    assert plain(load_yaml(path)) == data
    # Written another way (PyYAML's defaults), fmt gives back the same model.
    import yaml
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    path.write_text(canonical_text(path, sources, "instrument"), encoding="utf-8")
    again, _ = check_sources(sources)
    assert without_origin(again.instruments["tj-fuzz-law"]) == without_origin(corpus.instruments["tj-fuzz-law"])
    assert [without_origin(p) for p in again.provisions_of("tj-fuzz-law")] == \
        [without_origin(p) for p in corpus.provisions_of("tj-fuzz-law")]


mutations = st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace", "truncate"]),
                               st.floats(0, 1), st.sampled_from(list(b"\t:-[]{}&*!|>'\"#%@`\n \x00\xff\xc3") + [ord("a")])),
                     min_size=1, max_size=4)


def mutate(raw: bytes, steps) -> bytes:
    for action, where, byte in steps:
        at = int(where * len(raw))
        if action == "insert":
            raw = raw[:at] + bytes([byte]) + raw[at:]
        elif action == "delete":
            raw = raw[:at] + raw[at + 1:]
        elif action == "replace":
            raw = raw[:at] + bytes([byte]) + raw[at + 1:]
        else:
            raw = raw[:at]
    return raw


@FUZZ
@given(steps=mutations, which=st.sampled_from(["instruments/un/iccpr.yaml", "instruments/tj/tj-family-code.yaml",
                                               "topics.yaml", "cases/hrc/toonen-v-australia.yaml"]))
def test_mutated_sources_load_or_fail_located(sources, steps, which):
    path = sources / which
    original = (FIXTURE_SOURCES / which).read_bytes()
    path.write_bytes(mutate(original, steps))
    try:
        located_or_loaded(sources)
    finally:
        path.write_bytes(original)


@FUZZ
@given(steps=mutations)
def test_mutated_matters_load_or_fail_located(tmp_path, corpus, steps):
    matter = tmp_path / "matter.yaml"
    matter.write_bytes(mutate((ROOT / "examples/matters/2014-dushanbe-detentions.yaml").read_bytes(), steps))
    warnings: list[str] = []
    try:
        loaded = load_matter(matter, corpus, warn=warnings.append)
    except SourceError as e:
        assert e.problems and all(LOCATED.match(str(p)) for p in e.problems), str(e)
        assert "Example Client" not in str(e)  # the client's name is never in an error message
        return
    assert all("Example Client" not in w for w in warnings)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", loaded.facts + loaded.title + loaded.client)


@FUZZ
@given(value=st.one_of(st.integers(), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                       st.text(max_size=20), st.none(), st.booleans()),
       key=st.sampled_from(["title", "date", "language", "issues", "cite", "exclude", "facts", "client", "place"]))
def test_matter_fields_of_any_type_are_located(tmp_path, corpus, key, value):
    import yaml
    data = yaml.safe_load((ROOT / "examples/matters/2014-dushanbe-detentions.yaml").read_text())
    data[key] = value
    matter = tmp_path / "matter.yaml"
    matter.write_text(yaml.safe_dump(data, allow_unicode=True))
    try:
        load_matter(matter, corpus)
    except SourceError as e:
        assert all(LOCATED.match(str(p)) for p in e.problems), str(e)


# What a lawyer may type into the search box, Whoosh's query syntax included, broken or not.
query_pieces = st.sampled_from(['"', "(", ")", "NOT", "OR", "AND", "*", "?", "~", "^2", ":", "text_en:", "id:", "[",
                                "]", "TO", "arrest", "брак", "ҳуқуқ", "brought", "promptly", "ICCPR", "9", "ст.",
                                "'", "-", "+", "{", "}", "\\", "/", "143¹"])


@FUZZ
@given(st.lists(query_pieces, min_size=1, max_size=12).map(" ".join))
def test_any_query_gives_results_or_a_clear_error(fixture_index, text):
    """Found by this test: Whoosh's parser raised IndexError on 'NOT NOT "'; the words are searched instead."""
    from kb.search import search

    try:
        hits = search(fixture_index, text)
    except ValueError as error:
        assert "the query is empty" in str(error)
    else:
        assert all(hit.id and hit.url for hit in hits)
