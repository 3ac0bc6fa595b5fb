"""A maintainer's path: scaffold, import pasted texts, fmt, validate, build, search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator.cli_site import build_site
from generator.cli_sources import canonical_text
from kb import load_corpus
from kb.canonical import comment_lines, dump, plain, schema_comment
from kb.load import source_files
from kb.textimport import label_of, parse_articles
from kb.yamlio import load_yaml
from tests.conftest import SOURCES

SAMPLES = Path(__file__).parent / "fixtures" / "import"
UDHR_URL = "https://www.ohchr.org/en/human-rights/universal-declaration/translations"


def new_instrument(run, sources, instrument_id="udhr-sample"):
    return run("new", "instrument", "--sources", sources, "--id", instrument_id, "--title-en", "UDHR sample",
               "--title-ru", "ВДПЧ (образец)", "--title-tg", "ЭУҲБ (намуна)", "--kind", "declaration",
               "--source-url", "https://www.ohchr.org/en/universal-declaration-of-human-rights")


def write_summaries(sources, instrument_id="udhr-sample"):
    """What a maintainer does after an import: the summaries, in their own words."""
    path = Path(sources) / "instruments" / "un" / f"{instrument_id}.yaml"
    data = plain(load_yaml(path))
    for provision in data["provisions"]:
        provision.setdefault("summary", {"en": f"Article {provision['label']} (sample summary).",
                                         "ru": f"Статья {provision['label']} (образец изложения)."})
    path.write_text(dump(data, "instrument", schema_comment(path, Path(sources), "instrument")), encoding="utf-8")


def import_sample(run, sources, name, lang, *extra):
    return run("import", SAMPLES / name, "--sources", sources, "--instrument", "udhr-sample", "--lang", lang,
               "--text-kind", "transcription", "--source-url", UDHR_URL, *extra)


def test_walk_through_scaffold_import_fmt_validate_site_search(run, fixture_copy, tmp_path):
    assert new_instrument(run, fixture_copy).exit_code == 0
    path = fixture_copy / "instruments" / "un" / "udhr-sample.yaml"
    assert path.read_text().startswith("# yaml-language-server: $schema=../../../kb/schemas/instrument.schema.json")

    first = import_sample(run, fixture_copy, "udhr_en.txt", "en")
    assert first.exit_code == 0, first.stderr
    assert "added (3): udhr-sample/1, udhr-sample/2, udhr-sample/3" in first.stdout
    assert "lines 1-3, before the first article heading, were not imported" in first.stdout
    for lang in ("ru", "tg"):
        result = import_sample(run, fixture_copy, f"udhr_{lang}.txt", lang)
        assert result.exit_code == 0, result.stderr
        assert f"text added in {lang} (3)" in result.stdout
    again = import_sample(run, fixture_copy, "udhr_ru.txt", "ru")
    assert "unchanged (3)" in again.stdout

    assert path.read_text() == canonical_text(path, fixture_copy, "instrument")  # import writes canonical form
    waiting = run("validate", "--sources", fixture_copy)
    assert waiting.exit_code == 1 and "udhr-sample/2: needs a summary in en and ru" in waiting.output
    assert "to do: write summary.en and summary.ru" in first.stdout
    write_summaries(fixture_copy)
    assert run("validate", "--sources", fixture_copy).exit_code == 0
    corpus = load_corpus(fixture_copy)
    article2 = corpus.provisions["udhr-sample/2"]
    assert set(article2.texts) == {"en", "ru", "tg"}
    assert article2.texts["ru"].content.startswith("Каждый человек должен обладать всеми правами")
    assert "\n\nКроме того" in article2.texts["ru"].content  # paragraphs kept
    assert article2.texts["en"].source.url == UDHR_URL
    assert article2.verification.status == "unverified"

    site = tmp_path / "site"
    build_site(fixture_copy, site)
    page = (site / "udhr-sample" / "2" / "index.html").read_text()
    assert "Каждый человек должен обладать" in page and "unverified" in page

    index = tmp_path / "index"
    found = run("search", "--sources", fixture_copy, "--index", index, "--json", "провозглашенными Декларацией")
    assert found.exit_code == 0, found.stderr
    assert json.loads(found.stdout)[0]["id"] == "udhr-sample/2"
    tajik = run("search", "--sources", fixture_copy, "--index", index, "--json", "ҳуқуқ озодихоро")
    assert "udhr-sample/2" in [hit["id"] for hit in json.loads(tajik.stdout)]


def test_markdown_headings_and_numbered_parts(run, fixture_copy):
    new_instrument(run, fixture_copy)
    result = run("import", SAMPLES / "cat_en.md", "--sources", fixture_copy, "--instrument", "udhr-sample",
                 "--lang", "en", "--source-url", "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-against-torture")
    assert result.exit_code == 0, result.stderr
    write_summaries(fixture_copy)
    text = load_corpus(fixture_copy).provisions["udhr-sample/1"].texts["en"].content
    assert text.startswith('1. For the purpose of this Convention, the term "torture" means')
    assert "\n2. This article is without prejudice" in text


def test_tajik_headings_and_a_new_version(run, fixture_copy):
    new_instrument(run, fixture_copy)
    sample = SAMPLES / "constitution_tg.txt"
    args = ["--sources", fixture_copy, "--instrument", "udhr-sample", "--lang", "tg",
            "--source-url", "https://mmk.tj/constitution"]
    assert run("import", sample, *args, "--in-force-from", "1994-11-06").exit_code == 0
    amended = fixture_copy.parent / "amended.txt"
    amended.write_text("Моддаи 5.\nМатни нав барои санҷиш.\n\nМоддаи 14.\n" + sample.read_text().split("Моддаи 14\n")[1])
    result = run("import", amended, *args, "--in-force-from", "2016-05-22")
    assert result.exit_code == 0, result.stderr
    assert "new version (1): udhr-sample/5" in result.stdout and "unchanged (1): udhr-sample/14" in result.stdout
    write_summaries(fixture_copy)
    provision = load_corpus(fixture_copy).provisions["udhr-sample/5"]
    assert provision.wording.in_force_from == "2016-05-22"
    assert provision.texts["tg"].content == "Матни нав барои санҷиш."
    (old,) = provision.versions
    assert (old.in_force_from, old.in_force_to) == ("1994-11-06", "2016-05-22")
    assert old.texts["tg"].content.startswith("Инсон, ҳуқуқ ва озодиҳои он арзиши олӣ мебошанд.")
    conflict = run("import", sample, *args)
    assert conflict.exit_code == 1 and "differs from the one in the file" in conflict.stderr


@pytest.mark.parametrize("text, lang, expected", [
    ("Статья 1.\nТекст.\nСтатья .\nТекст.\n", "ru", ":3: article heading without a number"),
    ("Статья 1.\nТекст.\nСтатья 1.\nЕщё.\n", "ru", ":3: article 1 appears twice (first at line 1)"),
    ("Article 1\nText.\nСтатья 2.\nТекст.\n", "en", ":3: heading 'Статья' in a text imported as en"),
    ("Article 1\nThe State shall респект.\nТекст на русском языке.\n", "en", ":3: Cyrillic text"),
    ("Статья 1.\nТекст.\nМоддаи 2.\nҲар як инсон ҳуқуқ дорад.\n", "ru", ":3: heading 'Моддаи'"),
    ("Статья 1.\n\nСтатья 2.\nТекст.\n", "ru", ":1: article 1 has no text"),
    ("Just some text\nwith no headings\n", "ru", ":1: no article headings found; expected lines like 'Статья 19.'"),
])
def test_malformed_text_is_reported_by_line_and_nothing_is_written(run, fixture_copy, tmp_path, text, lang, expected):
    new_instrument(run, fixture_copy)
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(text)
    path = fixture_copy / "instruments" / "un" / "udhr-sample.yaml"
    before = path.read_bytes()
    result = run("import", pasted, "--sources", fixture_copy, "--instrument", "udhr-sample", "--lang", lang,
                 "--source-url", "https://example.org/law")
    assert result.exit_code == 1
    assert f"pasted.txt{expected}" in result.stderr
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("heading, label, title", [
    ("Статья 143¹. Нарушение равноправия", "143-1", "Нарушение равноправия"),
    ("Статья 143(1).", "143-1", ""),
    ("Моддаи 19. Ҳуқуқ ба ҳимояи судӣ", "19", "Ҳуқуқ ба ҳимояи судӣ"),
    ("### Article  2  ", "2", ""),
    ("Article 9: Liberty", "9", "Liberty"),
])
def test_heading_forms(heading, label, title):
    lang = "ru" if heading.startswith("Статья") else "tg" if heading.startswith("Моддаи") else "en"
    body = {"ru": "Текст статьи.", "tg": "Матни модда.", "en": "Text of the article."}[lang]
    (article,), problems = parse_articles(f"{heading}\n{body}\n", lang, "x.txt")
    assert problems == []
    assert (article.label, article.title, article.body) == (label, title, body)


def test_a_sentence_starting_with_article_is_body_text():
    text = "Article 7\n1. The State shall act.\nArticle 4 of this Convention applies to such acts.\n"
    (article,), problems = parse_articles(text, "en", "x.txt")
    assert problems == [] and article.body.endswith("applies to such acts.")
    assert label_of("143", "¹") == "143-1"


def test_new_provision_and_case_validate_and_land_in_place(run, fixture_copy):
    assert new_instrument(run, fixture_copy).exit_code == 0
    for label in ("10", "2", "9"):
        result = run("new", "provision", "udhr-sample", label, "--sources", fixture_copy, "--summary-en",
                     f"Article {label} in our words.", "--summary-ru", f"Статья {label} нашими словами.",
                     "--summary-tg", f"Моддаи {label} бо суханони мо.", "--topic", "arbitrary-detention",
                     "--source-url", "https://example.org/law")
        assert result.exit_code == 0, result.stderr
    provisions = load_corpus(fixture_copy).provisions_of("udhr-sample")
    assert [p.label for p in provisions] == ["2", "9", "10"]
    assert provisions[1].summary["tg"] == "Моддаи 9 бо суханони мо."
    bad = run("new", "provision", "udhr-sample", "11", "--sources", fixture_copy, "--summary-en", "x",
              "--topic", "no-such-topic", "--source-url", "https://example.org/law")
    assert bad.exit_code == 1 and "topic 'no-such-topic' is not in topics.yaml" in bad.stderr
    assert "udhr-sample/11" not in load_corpus(fixture_copy).provisions
    case = run("new", "case", "--sources", fixture_copy, "--id", "a-v-tajikistan", "--title-en", "A. v. Tajikistan",
               "--body", "hrc", "--number", "0000/2020", "--date", "2022-03-01", "--respondent", "Tajikistan",
               "--summary-en", "Scaffolded for a test.", "--provision", "udhr-sample/9", "--binding",
               "--source-url", "https://example.org/case")
    assert case.exit_code == 0, case.stderr
    assert (fixture_copy / "cases" / "hrc" / "a-v-tajikistan.yaml").exists()
    assert run("validate", "--sources", fixture_copy).exit_code == 0
    missing = run("new", "case", "--sources", fixture_copy)
    assert missing.exit_code == 2 and "missing case id" in missing.stderr


def test_the_real_sources_are_in_canonical_form(run):
    result = run("fmt", "--check", "--sources", SOURCES)
    assert result.exit_code == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_fmt_check_shows_the_diff_and_the_fix_and_fmt_fixes_it(run, fixture_copy):
    path = next(p for p, kind in source_files(fixture_copy) if kind == "instrument")
    data = plain(load_yaml(path))
    shuffled = dict(reversed(list(data.items())))
    # The same data in another layout: keys reversed, no schema line, PyYAML's defaults.
    path.write_text(yaml.safe_dump(shuffled, allow_unicode=True, sort_keys=False))
    check = run("fmt", "--check", "--sources", fixture_copy)
    assert check.exit_code == 1
    assert check.stdout.startswith("---") and "+# yaml-language-server" in check.stdout
    assert "fix with: huquq fmt --sources" in check.stderr
    assert run("fmt", "--sources", fixture_copy).exit_code == 0
    assert run("fmt", "--check", "--sources", fixture_copy).exit_code == 0
    assert plain(load_yaml(path)) == data


def test_fmt_refuses_to_drop_comments(run, fixture_copy):
    path = next(p for p, kind in source_files(fixture_copy) if kind == "instrument")
    lines = path.read_text().split("\n")
    lines.insert(3, "# checked with the ministry in May")
    path.write_text("\n".join(lines))
    result = run("fmt", "--sources", fixture_copy)
    assert result.exit_code == 1 and ":4: a comment here would be lost" in result.stderr
    assert "# checked with the ministry in May" in path.read_text()
    assert comment_lines('a: "x # not a comment"\nb: |\n  # nor this\n') == []


def test_canonical_form_is_stable_for_every_real_file():
    for path, kind in source_files(SOURCES):
        data = plain(load_yaml(path))
        text = dump(data, kind, schema_comment(path, SOURCES, kind))
        assert plain(load_yaml(path, text)) == data, path
        assert dump(plain(load_yaml(path, text)), kind, schema_comment(path, SOURCES, kind)) == text, path


def test_changelog_entries_are_well_formed_and_name_real_records(corpus):
    from kb.changes import check_changes, read_changes
    from tests.conftest import ROOT
    changes, problems = read_changes(ROOT / "CHANGES.md")
    assert problems == [] and changes
    assert check_changes(changes, corpus, "CHANGES.md") == []
    assert changes[0].date >= changes[-1].date
    # A reader of Russian or Tajik reads what changed in their language, with the English's numbers.
    for change in changes:
        assert set(change.text) == {"en", "ru", "tg"}, change.line
        english = set(re.findall(r"\d+", change.text["en"]))
        assert all(english <= set(re.findall(r"\d+", change.text[lang])) for lang in ("ru", "tg")), change.line


def test_changelog_problems_are_located(tmp_path, fixture_corpus):
    from kb.changes import check_changes, read_changes
    path = tmp_path / "CHANGES.md"
    path.write_text("# Changes\n\n- added: iccpr/9 — before any date\n## 2026-02-30\n"
                    "- added: iccpr/9, iccpr/999 — two ids\n- changed: iccpr/9 — unknown kind\n", encoding="utf-8")
    changes, problems = read_changes(path)
    assert [(p.line, p.message[:20]) for p in problems] == [
        (3, "expected '- added|am"), (4, "'2026-02-30' is not "), (6, "expected '- added|am")]
    assert [p.line for p in check_changes(changes, fixture_corpus, str(path))] == [5]


def test_changelog_descriptions_in_russian_and_tajik(tmp_path):
    from kb.changes import read_changes
    path = tmp_path / "CHANGES.md"
    path.write_text("## 2026-11-30\n- added: iccpr/9 — the article\n  ru: статья\n  tg: модда\n"
                    "- added: iccpr/7 — English only\n"
                    "  fr: l'article\n  ru: один\n  ru: два\n\n## 2026-11-29\n  tg: под заголовком\n",
                    encoding="utf-8")
    changes, problems = read_changes(path)
    assert [c.text for c in changes] == [{"en": "the article", "ru": "статья", "tg": "модда"},
                                         {"en": "English only", "ru": "один"}]
    # An unknown language, a second Russian line and a line under no entry are reported at their lines.
    assert [p.line for p in problems] == [6, 8, 11] and "'  ru: ...'" in problems[0].message


def test_part_and_chapter_headings_are_not_article_text():
    text = "### PART I\n\n### Article 1\nText one.\n\n### PART II\n\nГЛАВА 2. ЗАДЕРЖАНИЕ\nArticle 2\nText two.\n"
    articles, problems = parse_articles(text.replace("ГЛАВА 2. ЗАДЕРЖАНИЕ", "CHAPTER 2. DETENTION"), "en", "x.md")
    assert problems == [] and [a.body for a in articles] == ["Text one.", "Text two."]
    (article,), _ = parse_articles("Глава 5. Задержание\nСтатья 91. Основания задержания\nТекст.\nБоби 6\n", "ru", "x")
    assert (article.label, article.title, article.body) == ("91", "Основания задержания", "Текст.")


def test_a_sentence_starting_with_part_stays_in_the_text():
    (article,), _ = parse_articles("Article 3\nPart 2 of this article applies.\nГлава 5 настоящего\n", "en", "x")
    assert article.body.startswith("Part 2 of this article applies.")


def test_import_keeps_the_headings_as_titles_in_their_language(run, fixture_copy, tmp_path):
    new_instrument(run, fixture_copy)
    pasted = tmp_path / "law_ru.txt"
    pasted.write_text("Статья 19. Право на судебную защиту\nКаждому гарантируется судебная защита.\n"
                      "Статья 143¹. Пытки\nТекст статьи.\n", encoding="utf-8")
    result = run("import", pasted, "--sources", fixture_copy, "--instrument", "udhr-sample", "--lang", "ru",
                 "--source-url", "https://example.org/law")
    assert result.exit_code == 0, result.stderr
    write_summaries(fixture_copy)
    provisions = load_corpus(fixture_copy).provisions
    assert provisions["udhr-sample/19"].title == {"ru": "Право на судебную защиту"}
    assert provisions["udhr-sample/143-1"].texts["ru"].content == "Текст статьи."


def test_verify_records_the_reviewer_on_a_provision_and_a_case(run, fixture_copy, monkeypatch):
    monkeypatch.setenv("HUQUQ_BUILD", str(fixture_copy.parent / "build"))
    against = "https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights"
    result = run("verify", "iccpr/9", "--by", "A. Reviewer", "--against", against, "--sources", fixture_copy)
    assert result.exit_code == 0, result.output
    corpus = load_corpus(fixture_copy)
    verification = corpus.provisions["iccpr/9"].verification
    assert (verification.status, verification.by, verification.against) == ("verified", "A. Reviewer", against)
    assert "A. Reviewer" in verification.note["en"] and "A. Reviewer" in verification.note["ru"]
    # A case whose only source is a database's home page cannot be verified: nothing is written.
    case_file = fixture_copy / "cases" / "hrc" / "toonen-v-australia.yaml"
    before = case_file.read_bytes()
    result = run("verify", "toonen-v-australia", "--by", "A. Reviewer", "--against", "https://juris.ohchr.org/x",
                 "--sources", fixture_copy)
    assert result.exit_code != 0 and "names no address of its official text" in result.output
    assert case_file.read_bytes() == before
    # Once it names the decision's own address, it can.
    case_file.write_text(before.decode().replace("url: https://juris.ohchr.org/", "url: https://juris.ohchr.org/casedetails/702/en-US"),
                         encoding="utf-8")
    result = run("verify", "toonen-v-australia", "--by", "A. Reviewer", "--against", "https://juris.ohchr.org/casedetails/702/en-US",
                 "--sources", fixture_copy)
    assert result.exit_code == 0, result.output
    assert load_corpus(fixture_copy).cases["toonen-v-australia"].verification.status == "verified"
