"""The memo a lawyer would file: chosen from the circumstances, the law of the matter's date, citations as
lawyers write them, one language throughout, bad input refused. Documents are opened and read back."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from generator.matter import load_matter
from generator.memo import plan_json, plan_memo
from generator.memo.render import pinpoint_gist
from kb.arguments import render_text
from kb.inforce import start_of
from kb.validate import DO_NOT_CITE
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples" / "matters").glob("*.yaml"))
KHUJAND = ROOT / "examples" / "matters" / "2015-khujand-transgender-detention.yaml"


def write(tmp_path: Path, text: str, name: str = "matter.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def footnotes(path: Path) -> list[str]:
    """The text of each footnote, in order (links included)."""
    xml = part(path, "word/footnotes.xml")
    notes = re.findall(r'<w:footnote [^>]*w:id="(\d+)"[^>]*>(.*?)</w:footnote>', xml, re.S)
    return [" ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)).strip() for note_id, body in notes
            if int(note_id) > 0]


def in_language(source: Path, tmp_path: Path, lang: str) -> Path:
    text = re.sub(r"^language: \w+$", f"language: {lang}", source.read_text(encoding="utf-8"), flags=re.M)
    if "language:" not in text:
        text += f"language: {lang}\n"
    return write(tmp_path, text, f"{source.stem}-{lang}.yaml")


# --- what is cited ---------------------------------------------------------------------------

def test_each_circumstance_brings_its_leading_authorities_in_order(corpus):
    matter = load_matter(KHUJAND, corpus)
    plan = plan_memo(corpus, matter)
    seen = 0
    for issue in plan.issues:
        for part_plan in issue.circumstances:
            expected = [e for e in corpus.circumstances[part_plan.id].leading
                        if e.split("(")[0] not in plan.not_cited]
            got = [a.id + a.pinpoint for a in part_plan.authorities]
            assert got == expected, part_plan.id
            assert all(a.brought_by == part_plan.id for a in part_plan.authorities)
            seen += 1
    assert seen == len(matter.circumstances) == 8
    # The plan says what brought each authority.
    summary = plan_json(corpus, plan)
    assert "held-beyond-time-limit" in summary["brought_by"]["iccpr/9"]
    assert "transgender-targeted" in summary["brought_by"]["iccpr/26"]


def test_an_issue_named_without_circumstances_cites_its_topics_leading_authorities(corpus, tmp_path):
    matter = load_matter(write(tmp_path, 'title: T\ndate: "2016-01-01"\nissues: [torture-ill-treatment]\n'), corpus)
    plan = plan_memo(corpus, matter)
    (issue,) = plan.issues
    expected = [e for e in corpus.topics["torture-ill-treatment"].leading if e.split("(")[0] not in plan.not_cited]
    assert [a.id + a.pinpoint for a in issue.leading] == expected
    assert "cat-co-tjk-3/7" in plan.not_cited  # adopted in 2018, after the events
    assert not issue.circumstances


def test_every_circumstance_and_topic_at_once_cites_nothing_conflicting(corpus, tmp_path):
    everything = "\n".join(f"  - {cid}" for cid in corpus.circumstances)
    text = (f'title: T\ndate: "2024-01-01"\nissues: [{", ".join(corpus.topics)}]\ncirculate: x\n'
            .replace("circulate: x\n", f"circumstances:\n{everything}\n"))
    matter = load_matter(write(tmp_path, _with_required_values(corpus, text)), corpus)
    plan = plan_memo(corpus, matter)
    cited = [corpus.provisions.get(a.id) or corpus.cases[a.id] for a in plan.cited()]
    assert cited
    for record in cited:
        assert not record.verification.is_conflicting, record
        assert not any(DO_NOT_CITE.search(note) for note in record.verification.note.values()), record
    assert "tj-criminal-code/351" not in {a.id for a in plan.cited()} | set(plan.annex)


def _with_required_values(corpus, text: str) -> str:
    """Give every circumstance that needs a value a valid one (the first choice, the minimum, yes)."""
    for circumstance in corpus.circumstances.values():
        values = {}
        for spec in circumstance.values:
            if spec.required:
                values[spec.id] = (spec.choices[0].id if spec.type == "choice" else
                                   int(spec.min or 1) if spec.type in ("integer", "number") else
                                   "true" if spec.type == "boolean" else "2020-01-01" if spec.type == "date"
                                   else "x")
        if values:
            inline = ", ".join(f"{k}: {v}" for k, v in values.items())
            text = text.replace(f"  - {circumstance.id}\n", f"  - {circumstance.id}: {{{inline}}}\n")
    return text


def test_the_law_of_the_matters_date_no_instrument_adopted_later(corpus, tmp_path):
    every = ", ".join(corpus.topics)
    matter = load_matter(write(tmp_path, f'title: T\ndate: "1990-01-01"\nissues: [{every}]\n'), corpus)
    plan = plan_memo(corpus, matter)
    for pid in plan.ids("provision") + plan.annex:
        instrument = corpus.instrument_of(corpus.provisions[pid])
        start = start_of(instrument)
        assert start is None or start <= "1990-01-01", (pid, start)
    assert not any(pid.startswith(("tj-constitution/", "tj-criminal-code/")) for pid in plan.ids("provision") + plan.annex)


def test_a_treaty_binds_only_from_accession(corpus, tmp_path, run):
    matter = write(tmp_path, 'title: T\ndate: "1995-06-01"\nissues: [arbitrary-detention]\ncite: [iccpr/9(1)]\n')
    out = tmp_path / "m.docx"
    assert run("memo", matter, "-o", out).exit_code == 0
    lines = [p for p in paragraphs(out) if p.startswith("ICCPR, art. 9")]
    assert lines and all("binding on Tajikistan" not in line for line in lines)
    later = write(tmp_path, 'title: T\ndate: "2005-06-01"\nissues: [arbitrary-detention]\ncite: [iccpr/9(1)]\n', "later.yaml")
    out2 = tmp_path / "m2.docx"
    assert run("memo", later, "-o", out2).exit_code == 0
    assert any(p.startswith("ICCPR, art. 9") and "binding on Tajikistan since 1999" in p for p in paragraphs(out2))


def test_search_in_force_on_knows_when_an_instrument_began(index_dir):
    from kb.search import search

    ids = [hit.id for hit in search(index_dir, "Constitution", in_force_on=dt.date(1990, 1, 1), limit=50)]
    assert not any(pid.startswith("tj-constitution/") for pid in ids)
    ids = [hit.id for hit in search(index_dir, "Constitution", in_force_on=dt.date(2000, 1, 1), limit=50)]
    assert any(pid.startswith("tj-constitution/") for pid in ids)


# --- the document ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def khujand(tmp_path_factory):
    """The six-issue matter in English, Russian and Tajik, with site links and the organisation's header."""
    from click.testing import CliRunner

    from generator import cli as cli_module

    folder = tmp_path_factory.mktemp("khujand")
    made = {}
    for lang in ("en", "ru", "tg"):
        matter = in_language(KHUJAND, folder, lang)
        out = folder / f"memo-{lang}.docx"
        result = CliRunner().invoke(cli_module.cli, ["memo", str(matter), "-o", str(out), "--site-url",
                                                     "https://huquq.example.org", "--org",
                                                     str(ROOT / "examples" / "organisation.yaml")])
        assert result.exit_code == 0, result.output
        made[lang] = out
    return made


def test_first_footnote_full_then_short_forms_and_ibid(khujand):
    notes = footnotes(khujand["en"])
    iccpr = [i for i, note in enumerate(notes) if "Civil and Political Rights" in note or note.startswith(("ICCPR", "Ibid"))]
    first = next(i for i, note in enumerate(notes) if "International Covenant on Civil and Political Rights" in note)
    assert "adopted 16 December 1966" in notes[first] and "binding on Tajikistan since 1999" in notes[first]
    later = [notes[i] for i in iccpr if i > first]
    assert later and all(not note.startswith("International Covenant") for note in later)
    assert any(note.startswith("ICCPR, art.") for note in later)
    assert sum("International Covenant on Civil and Political Rights" in note for note in notes) == 1


def test_footnotes_link_to_the_site_and_to_the_official_document(khujand):
    rels = part(khujand["en"], "word/_rels/footnotes.xml.rels")
    assert 'Target="https://huquq.example.org/iccpr/9/"' in rels
    assert "https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights" in rels
    # A database's front page tells the reader nothing: never a link.
    assert 'Target="https://mmk.tj/"' not in rels and 'Target="http://www.adlia.tj/"' not in rels


def test_the_russian_memo_is_russian_throughout(khujand):
    text = "\n".join(paragraphs(khujand["ru"])) + "\n".join(
        cell.text for table in Document(str(khujand["ru"])).tables for row in table.rows for cell in row.cells)
    for english in ("Summary", "Facts", "Requests", "Annex", "Verification table", "binding on", "see ",
                    "unverified", "secondary source", "Copy of the official text", "What to check", "Provision",
                    "Title", "Status", "Date of the events", "Prepared by", "persuasive", "views on Tajikistan"):
        assert english not in text, english
    for russian in ("Краткое содержание", "Обстоятельства", "Требования", "Приложение Б", "Таблица проверки",
                    "обязателен для Таджикистана с 1999 г.", "Что проверить"):
        assert russian in text, russian
    assert "Там же" in " ".join(footnotes(khujand["ru"])) or "МПГПП, ст." in " ".join(footnotes(khujand["ru"]))


def test_the_tajik_memo_is_tajik_throughout(corpus, khujand):
    document = Document(str(khujand["tg"]))
    facts = {" ".join(p.split()) for p in load_matter(KHUJAND, corpus).facts.split("\n\n")}
    # The memo's own words (not the client's facts, not Annex A's quoted texts, which may be Russian or
    # English where huquq has no Tajik text): no letter that Tajik does not write (ы, щ, ц, ь), so no
    # Russian argument, summary, note or heading fell back into it.
    own = [p.text for p in document.paragraphs if p.style.name != "Quote" and " ".join(p.text.split()) not in facts
           and p.text != load_matter(KHUJAND, corpus).title]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    russian_only = re.compile(r"[ыщцьЫЩЦЬ]")
    assert not [t for t in own + cells + footnotes(khujand["tg"]) if russian_only.search(t)]
    text = "\n".join(own + cells)
    for word in ("Summary", "Requests", "Annex", "binding on", "unverified", "What to check", "Краткое содержание",
                 "Требования", "Приложение", "Таблица проверки", "обязателен", "Там же"):
        assert word not in text, word
    for tajik in ("Мухтасар", "Дархостҳо", "Замимаи Б", "Ҷадвали санҷиш", "Чӣ бояд санҷид",
                  "барои Тоҷикистон аз соли 1999 ҳатмӣ"):
        assert tajik in text, tajik
    notes = " ".join(footnotes(khujand["tg"]))
    assert ("Паймони байналмилалӣ дар бораи ҳуқуқҳои шаҳрвандӣ ва сиёсӣ (санаи қабул: 16 декабри 1966), м. 9(3); "
            "барои Тоҷикистон аз соли 1999 ҳатмӣ") in notes
    assert "ПБҲШС, м. 14(3)(b)." in notes


def test_notes_for_maintainers_never_reach_the_memo(corpus, khujand):
    for lang, path in khujand.items():
        text = "\n".join(paragraphs(path)) + part(path, "word/document.xml") + part(path, "word/footnotes.xml")
        for word in ("transcription", "statengeneraal", "laws-markdown", "provenance", "FACTS.md", "shared/sources",
                     "maintainer"):
            assert word not in text, (lang, word)
    maintainer_notes = [p.verification.maintainer_note for p in corpus.provisions.values() if p.verification.maintainer_note]
    document = part(khujand["en"], "word/document.xml")
    assert maintainer_notes and not any(note[:60] in document for note in maintainer_notes)


def test_search_terms_never_reach_the_memo(run, tmp_path, monkeypatch):
    # Search terms are words people type, not law: a memo citing ICCPR 9 prints none of its terms.
    monkeypatch.setenv("HUQUQ_BUILD", str(tmp_path / "build"))  # the index of these sources stays here
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "legal_sources", sources)
    iccpr = sources / "instruments" / "un" / "iccpr.yaml"
    text = iccpr.read_text(encoding="utf-8")
    assert "        - arbitrary arrest\n" in text
    iccpr.write_text(text.replace("        - arbitrary arrest\n", "        - arbitrary arrest\n        - zebrafinch roundup\n", 1),
                     encoding="utf-8")
    for lang in ("en", "ru"):
        matter = write(tmp_path, f'title: T\ndate: "2016-01-01"\nlanguage: {lang}\nissues: [arbitrary-detention]\n',
                       f"matter-{lang}.yaml")
        out = tmp_path / f"memo-{lang}.docx"
        result = run("memo", matter, "-o", out, "--sources", sources, "--site-url", "https://huquq.example.org")
        assert result.exit_code == 0, result.output
        assert 'Target="https://huquq.example.org/iccpr/9/"' in part(out, "word/_rels/footnotes.xml.rels")
        printed = part(out, "word/document.xml") + part(out, "word/footnotes.xml")
        assert "zebrafinch" not in printed and "mass round-ups" not in printed, lang


def test_requests_are_the_circumstances_own_in_the_memos_language(corpus, khujand):
    matter = load_matter(KHUJAND, corpus)
    for lang, path in khujand.items():
        text = "\n".join(paragraphs(path))
        for answer in matter.circumstances:
            for template in corpus.circumstances[answer.id].request[lang]:
                assert render_text(template, answer.values, matter.date) in text, (lang, answer.id)
        assert "completes the conclusion" not in text and "формулирует вывод" not in text


@pytest.mark.parametrize("summary, label, pinpoint, expected", [
    ("Everyone has liberty (9(1)). Anyone arrested is told why (9(2)).", "9", "(2)",
     "Anyone arrested is told why (9(2))."),
    # Russian summaries mark a part "(п. 2)"; the sentence is not cut after "п."
    ("Каждый имеет право на свободу (п. 1). Каждому сообщаются причины (п. 2).", "9", "(2)",
     "Каждому сообщаются причины (п. 2)."),
    # An item of a part: the lead-in that names the part, then the item (the heading cites 14(3)(b)).
    ("A fair hearing (14(1)). The minimum guarantees of 14(3) are: notice of the charge (a); time to prepare "
     "the defence (b); and an interpreter (f).", "14", "(3)(b)",
     "The minimum guarantees of 14(3) are: … time to prepare the defence (b)"),
    # Article 19(1) is not article 9(1): nothing marked, the summary's start.
    ("Opinions are free (19(1)).", "9", "(1)", "Opinions are free (19(1))."),
])
def test_a_pinpointed_citation_is_summarised_by_its_own_part(summary, label, pinpoint, expected):
    assert pinpoint_gist(summary, label, pinpoint) == expected


def test_the_extortion_argument_invokes_privacy_only_for_a_threat_to_expose(corpus):
    # A memo argues what happened: a threat of arrest is not a threat to expose a private life.
    argument = corpus.circumstances["extortion-money-or-sex"].argument
    arrest = {"demanded": "money", "amount": 500, "paid": None, "threat": "arrest"}
    for lang, article in (("en", "Article 17"), ("ru", "статье 17"), ("tg", "моддаи 17")):
        assert article not in render_text(argument[lang], arrest, dt.date(2024, 1, 1)), lang
        assert article in render_text(argument[lang], {**arrest, "threat": "disclose"}, dt.date(2024, 1, 1)), lang


def test_the_header_shows_the_organisation_and_a_confidential_mark_or_nothing(khujand, run, tmp_path):
    def header_text(path):
        return "".join(re.findall(r"<w:t[^>]*>([^<]+)</w:t>", "".join(
            part(path, n) for n in zipfile.ZipFile(path).namelist() if n.startswith("word/header"))))

    # A memo that names a client says so on every page, in its language, beside the organisation's name.
    assert "Example Legal Aid NGO" in header_text(khujand["en"]) and "Confidential" in header_text(khujand["en"])
    assert "Конфиденциально" in header_text(khujand["ru"])
    text = EXAMPLES[0].read_text(encoding="utf-8")
    matter = write(tmp_path, "\n".join(line for line in text.splitlines() if not line.startswith("client:")), "anon.yaml")
    out = tmp_path / "plain.docx"
    assert run("memo", matter, "-o", out).exit_code == 0
    assert header_text(out) == ""  # no organisation, no client: nothing


def test_the_document_describes_itself_not_its_template(khujand):
    core = Document(str(khujand["ru"])).core_properties
    assert (core.subject, core.language, core.comments) == ("Правовая справка", "ru", "")
    assert core.created.year >= 2026 and core.created == core.modified


def test_the_summary_says_how_much_is_unchecked_not_only_what_is_unverified(khujand):
    # No record is verified yet: "secondary" ones are not compared with the official text either.
    summary = next(p for p in paragraphs(khujand["ru"]) if p.startswith("В справке изложено"))
    assert "Ещё не сверены рецензентом с официальным текстом: все; не подтверждены даже вторичным источником: " in summary


def test_facts_reflow_a_single_line_break_is_a_space(run, tmp_path):
    matter = write(tmp_path, 'title: T\ndate: "2016-01-01"\nissues: [privacy]\nfacts: |\n  First line\n'
                             '  continues here.\n\n  A second paragraph.\n')
    out = tmp_path / "m.docx"
    assert run("memo", matter, "-o", out).exit_code == 0
    text = paragraphs(out)
    assert "First line continues here." in text and "A second paragraph." in text


# --- bad input ---------------------------------------------------------------------------------

BAD = [
    ("circumstances:\n  - held-beyond-time-limt: {hours: 20, proceeding: none}\n", 5,
     "unknown circumstance 'held-beyond-time-limt' (nearest: held-beyond-time-limit)"),
    ("circumstances:\n  - held-beyond-time-limit: {hours: twenty, proceeding: none}\n", 5,
     "held-beyond-time-limit: hours: expected a number, found 'twenty'"),
    ("circumstances:\n  - held-beyond-time-limit: {proceeding: none}\n", 5,
     "held-beyond-time-limit: needs the value hours"),
    ("circumstances:\n  - held-beyond-time-limit: {hours: 20, proceeding: maybe}\n", 5,
     "proceeding: expected one of none, administrative, criminal"),
    ("circumstances:\n  - family-not-informed: {family_informed: never}\n  - family-not-informed: {family_informed: never}\n", 6,
     "family-not-informed is listed twice (first on line 5)"),
    ("issues: [privacy, privacy]\n", 4, "privacy is listed twice"),
    ("issues: [privcy]\n", 4, "unknown topic 'privcy' (nearest: privacy)"),
]


@pytest.mark.parametrize("tail, line, words", BAD, ids=[b[2][:40] for b in BAD])
def test_bad_matters_are_located_and_nothing_is_written(run, tmp_path, tail, line, words):
    matter = write(tmp_path, f'title: T\ndate: "2015-05-14"\nplace: Khujand\n{tail}')
    out = tmp_path / "m.docx"
    result = run("memo", matter, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"matter.yaml:{line}: " in result.output and words in result.output, result.output
    assert not out.exists()
    assert run("validate", matter).exit_code == 1


def test_a_matter_dated_in_the_future_is_refused(run, tmp_path):
    matter = write(tmp_path, f'title: T\ndate: "{dt.date.today().year + 1}-01-01"\nissues: [privacy]\n')
    result = run("memo", matter, "-o", tmp_path / "m.docx")
    assert result.exit_code == 1 and "matter.yaml:2: date:" in result.output and "in the future" in result.output


def test_one_issue_listed_500_times_is_refused_at_once(run, tmp_path):
    import time

    matter = write(tmp_path, 'title: T\ndate: "2015-05-14"\nissues:\n' + "  - privacy\n" * 500)
    started = time.perf_counter()
    result = run("memo", matter, "-o", tmp_path / "m.docx")
    assert result.exit_code == 1 and "listed twice" in result.output
    assert time.perf_counter() - started < 20  # not a timing test: a minute-long render would fail it


def test_invisible_characters_are_removed_with_a_located_warning(run, tmp_path):
    client = "Zar\u202eina\u200b Qo\u2066dirova"
    matter = write(tmp_path, f'title: "Case\\vof Z"\ndate: "2015-05-14"\nclient: "{client}"\nissues: [privacy]\n')
    out = tmp_path / "m.docx"
    result = run("memo", matter, "-o", out, "--redact")
    assert result.exit_code == 0, result.output
    assert "matter.yaml:3: warning: client: invisible formatting characters removed" in result.stderr
    assert "matter.yaml:1: warning: title: vertical tab or form feed made a space" in result.stderr
    document = part(out, "word/document.xml")
    assert "\u202e" not in document and "Zarina" not in document and "Z. Q." in document
    assert "Case of Z" in "\n".join(paragraphs(out))


def test_initials_come_from_letters_only():
    from generator.memo.render import initials_of

    assert initials_of("«Zarina» (Qodirova)") == "Z. Q."
    assert initials_of("Ҷамила  ҳасанова") == "Ҷ. Ҳ."


def test_schema_and_validate_for_matter_files(run, tmp_path):
    schema = json.loads(run("schema", "matter").stdout)
    assert "circumstances" in schema["properties"] and schema["required"] == ["title", "date"]
    for example in EXAMPLES:
        result = run("validate", example)
        assert result.exit_code == 0 and f"ok: {example}" in result.output


# --- the page, as LibreOffice lays it out --------------------------------------------------------

pages = pytest.importorskip("tests.pages")


@pytest.mark.slow
@pytest.mark.skipif(not pages.available(), reason="LibreOffice (soffice) and pdftohtml are not installed")
@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_a_dozen_pages_and_no_heading_left_at_the_foot_of_a_page(run, tmp_path, example, lang):
    out = tmp_path / f"{example.stem}-{lang}.docx"
    assert run("memo", in_language(example, tmp_path, lang), "-o", out).exit_code == 0
    layout = pages.layout(out)
    annex = layout.first_page_with("Annex A", "Приложение А", "Annex B", "Приложение Б", "Verification table",
                                   "Таблица проверки")
    body = annex or len(layout.pages)
    assert body <= 12, f"the body runs to page {body}"
    assert len(layout.pages) <= 20
    assert layout.stranded_headings() == []
    assert layout.thin_pages() == []


@pytest.mark.parametrize("lang, full, ibid, short", [
    ("en", "International Covenant on Civil and Political Rights (adopted 16 December 1966), art. 9(1); binding on Tajikistan since 1999.",
     ("Ibid.", "Ibid., art. 9(3)."), "ICCPR, art. 7."),
    ("ru", "Международный пакт о гражданских и политических правах (принят 16 декабря 1966 г.), ст. 9(1); обязателен для Таджикистана с 1999 г.",
     ("Там же.", "Там же, ст. 9(3)."), "МПГПП, ст. 7."),
])
def test_citation_forms_full_ibid_short(corpus, lang, full, ibid, short):
    from generator.memo.citations import Footnoter

    notes = Footnoter(corpus, lang, dt.date(2015, 5, 14), "https://huquq.example.org")
    text, links = notes.provision("iccpr/9", "(1)")
    assert text == full
    assert [url for url, _ in links] == [
        "https://www.ohchr.org/en/instruments-mechanisms/instruments/international-covenant-civil-and-political-rights",
        "https://huquq.example.org/iccpr/9/"]
    assert notes.provision("iccpr/9", "(1)")[0] == ibid[0]
    assert notes.provision("iccpr/9", "(3)")[0] == ibid[1]
    assert notes.provision("iccpr/7")[0] == short


def test_table_rows_are_not_split_across_pages(corpus, tmp_path):
    """A row split by a page break leaves a page with the repeated header and a row's last words."""
    from generator.memo import render_memo

    matter = load_matter(KHUJAND, corpus)
    out = tmp_path / "memo.docx"
    render_memo(corpus, matter, plan_memo(corpus, matter), out)
    xml = part(out, "word/document.xml")
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml, re.S)
    data_rows = [row for row in rows if "w:tblHeader" not in row]
    assert data_rows and all("<w:cantSplit/>" in row for row in data_rows)
