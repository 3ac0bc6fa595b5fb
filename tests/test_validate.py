"""Bad sources: every problem is reported as path:line: message, exit status 1, no traceback."""

import re

import pytest

from kb.dates import parse_date
from kb.schema import SCHEMA_DIR, SCHEMAS, schema_json

ICCPR = "instruments/un/iccpr.yaml"


def test_the_real_corpus_validates(run):
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


# (file, text to find, replacement, line expected in the message, words expected in the message)
BROKEN = [
    (ICCPR, "kind: treaty", "kind: treatise", 9, "'treatise' is not allowed"),
    (ICCPR, "jurisdiction: intl", "jurisdiction: intl\njurisdiction: tj", 11, "duplicate key 'jurisdiction'"),
    # A dangling reference is reported at its own line, with the nearest valid ids.
    (ICCPR, "related: [iccpr/9]", "related: [iccpr/99]", 36, "'iccpr/99', which is not a provision in the sources (nearest: iccpr/9"),
    (ICCPR, "topics: [arbitrary-detention]", "topics: [arbitrary-detentoin]", 25, "'arbitrary-detentoin' is not in topics.yaml (nearest: arbitrary-detention)"),
    (ICCPR, 'adopted: "1966-12-16"', 'adopted: "1966-13-45"', 2, "not a real date"),
    (ICCPR, 'in_force_from: "1976-03-23"', 'in_force_from: "1960-03-23"', 2, "dates out of order"),
    (ICCPR, "    verification: {status: secondary, note: {en: Fixture.}}\n    sources:\n      - title: OHCHR, ICCPR\n        url: https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights\n  - label: \"17\"",
     "    verification: {status: secondary, note: {en: Fixture.}}\n  - label: \"17\"", 20, "missing field 'sources'"),
    (ICCPR, "short_title:", "shortest_title: x\nshort_title:", 7, "unknown field 'shortest_title'"),
    (ICCPR, "id: iccpr", "id: iccpr\n\tfoo: 1", 3, "tab character"),
    (ICCPR, "aliases: [ICCPR, МПГПП]", "aliases: &a [ICCPR]\nnames: *a", 8, "anchors and aliases"),
    (ICCPR, "id: iccpr", "id: Iccpr/../x", 2, "lowercase slug"),
    ("instruments/tj/tj-family-code.yaml", 'in_force_to: "2016-07-01"', 'in_force_to: "2017-01-01"', 14, "versions overlap"),
    ("instruments/tj/tj-family-code.yaml", "      en: [certificate for the registry office]", "      en: certificate", 27, "keywords/en: expected array"),
    (ICCPR, "verification: {status: unverified, note: {en: Fixture; check the summary., ru: Проверить изложение.}}", "verification: {status: unverified}", 37, "needs a note"),
    # A note the site shows is written per language; a single text is the form notes had before.
    (ICCPR, "  since: \"1999\"", "  since: \"1999\"\n  note: Ratified in 1999.", 14, "expected the text per language (en: ..., ru: ..., tg: ...)"),
]


@pytest.mark.parametrize("path, old, new, line, words", BROKEN, ids=[b[4][:30] for b in BROKEN])
def test_broken_sources_are_located(run, fixture_copy, path, old, new, line, words):
    target = fixture_copy / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("validate", "--sources", fixture_copy)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    located = [l for l in result.output.splitlines() if words in l]
    assert located, result.output
    assert re.match(rf".*{re.escape(path)}:{line}: ", located[0]), located[0]


def test_non_utf8_is_located(run, fixture_copy):
    target = fixture_copy / ICCPR
    target.write_bytes(target.read_bytes().replace(b"title:", b"\xff\xfetitle:", 1))
    result = run("validate", "--sources", fixture_copy)
    assert result.exit_code == 1
    assert "iccpr.yaml:3: byte 0xff is not UTF-8" in result.output


def test_billion_laughs_is_refused(run, fixture_copy):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)]
    (fixture_copy / "instruments" / "un" / "bomb.yaml").write_text("\n".join(lines), encoding="utf-8")
    result = run("validate", "--sources", fixture_copy)
    assert result.exit_code == 1
    assert "bomb.yaml:1: anchors and aliases" in result.output


def test_partial_dates():
    assert parse_date("1999").isoformat() == "1999-01-01"
    assert parse_date("2016-07").isoformat() == "2016-07-01"
    with pytest.raises(ValueError, match="expected YYYY"):
        parse_date("10 June 2014")


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_published_schemas_match_the_code(kind):
    published = (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert published == schema_json(kind), "run: huquq schema --write kb/schemas"


def test_every_command_has_help(run):
    from generator.cli import cli

    for name, command in cli.commands.items():
        assert command.help, name
        assert run(name, "--help").exit_code == 0


def test_parse_cache_gives_the_same_corpus_and_never_hides_a_change(fixture_copy, tmp_path):
    from kb.load import check_sources

    cache = tmp_path / "cache"
    fresh, _ = check_sources(fixture_copy)
    first, _ = check_sources(fixture_copy, cache_dir=cache)
    cached, _ = check_sources(fixture_copy, cache_dir=cache)
    assert len(list(cache.rglob("*.pickle"))) == 5
    assert cached.provisions == fresh.provisions == first.provisions
    assert cached.topics == fresh.topics and cached.cases == fresh.cases
    target = fixture_copy / ICCPR
    target.write_text(target.read_text(encoding="utf-8").replace("kind: treaty", "kind: treatise", 1), encoding="utf-8")
    corpus, problems = check_sources(fixture_copy, cache_dir=cache)
    assert corpus is None and any("'treatise' is not allowed" in p.message for p in problems)
    assert len(list(cache.rglob("*.pickle"))) == 5  # the broken file is not cached
