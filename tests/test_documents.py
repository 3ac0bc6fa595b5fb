"""Memos and notices: generate them and read the .docx back."""

import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "matters" / "2014-dushanbe-detentions.yaml"


def write_matter(tmp_path, **fields):
    lines = [f"{k}: {v}" for k, v in fields.items()]
    path = tmp_path / "matter.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def texts(path):
    return [p.text for p in Document(str(path)).paragraphs]


def part(path, name):
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def footnotes_xml(path):
    return part(path, "word/footnotes.xml"), part(path, "word/document.xml")


def test_memo_structure_and_footnotes(run, tmp_path):
    out = tmp_path / "memo.docx"
    result = run("memo", EXAMPLE, "-o", out, "--site-url", "https://huquq.example.org")
    assert result.exit_code == 0, result.output
    paragraphs = texts(out)
    for heading in ("Summary", "Facts", "1. Arbitrary detention", "4. Requests",
                    "Annex A. Texts of the provisions cited", "Verification table"):
        assert heading in paragraphs, heading
    assert any(p.startswith("Confidential") for p in paragraphs)
    assert any("as it stood on 10 June 2014" in p for p in paragraphs)
    notes, body = footnotes_xml(out)
    references = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', body)
    defined = re.findall(r'<w:footnote w:id="(\d+)"', notes)
    assert references and references == defined
    # Footnotes link to the provision's page: the address is a relationship of the footnotes part.
    assert 'Target="https://huquq.example.org/iccpr/9/"' in part(out, "word/_rels/footnotes.xml.rels")
    assert any("ICCPR, art. 9(2)" in p for p in paragraphs)  # the pinpoint of `cite`


def test_memo_cites_the_law_in_force_on_the_date(run, tmp_path):
    def plan(date):
        matter = write_matter(tmp_path, title="Test", date=f'"{date}"', issues="[forced-hiv-testing]",
                              cite="[tj-family-code/15]")
        import json
        return json.loads(run("memo", matter, "--plan").stdout)

    assert plan("2014-06-10")["law_date"] == "2014-06-10"
    assert "tj-family-code/15" in plan("2014-06-10")["provisions"]
    seen = {}
    for date in ("2014-06-10", "2017-01-01"):
        matter = write_matter(tmp_path, title="Test", date=f'"{date}"', issues="[forced-hiv-testing]",
                              cite="[tj-family-code/15]")
        out = tmp_path / f"m{date}.docx"
        run("memo", matter, "-o", out)
        family = [p for p in texts(out) if p.startswith("Family Code, art. 15")]
        seen[date] = family[0]
    assert "since 1 july 2016" in seen["2017-01-01"].lower()
    assert "since 1 july 2016" not in seen["2014-06-10"].lower()


def test_russian_memo(run, tmp_path):
    matter = write_matter(tmp_path, title="Проверка", date='"2014-06-10"', language="ru", issues="[arbitrary-detention]")
    out = tmp_path / "ru.docx"
    assert run("memo", matter, "-o", out).exit_code == 0
    paragraphs = texts(out)
    assert "Краткое содержание" in paragraphs and "2. Требования" in paragraphs
    assert any(p.startswith("МПГПП, ст. 9") for p in paragraphs)


def test_strict_refuses_unverified_and_bad_matter_is_located(run, tmp_path):
    out = tmp_path / "x.docx"
    result = run("memo", EXAMPLE, "-o", out, "--strict")
    assert result.exit_code == 1 and "unverified" in result.output and not out.exists()
    bad = write_matter(tmp_path, title="x", date='"2014-06-10"', issues="[no-such-topic]")
    result = run("memo", bad, "-o", out)
    assert result.exit_code == 1 and "matter.yaml:3: issues: unknown topic 'no-such-topic'" in result.output


def test_existing_output_is_not_overwritten(run, tmp_path):
    out = tmp_path / "memo.docx"
    out.write_bytes(b"previous")
    assert run("memo", EXAMPLE, "-o", out).exit_code == 1
    assert out.read_bytes() == b"previous"


def test_client_name_goes_nowhere_but_the_memo(run, tmp_path):
    name = "Zarinaxq Qodirovazz"
    matter = write_matter(tmp_path, title="Detention", date='"2014-06-10"', client=name, issues="[arbitrary-detention]")
    out = tmp_path / "out" / "memo.docx"
    result = run("memo", matter, "-o", out)
    assert name not in result.output
    with zipfile.ZipFile(out) as z:
        assert name in z.read("word/document.xml").decode("utf-8")
    redacted = tmp_path / "out" / "redacted.docx"
    run("memo", matter, "-o", redacted, "--redact")
    with zipfile.ZipFile(redacted) as z:
        document = z.read("word/document.xml").decode("utf-8")
        assert name not in document and "Z. Q." in document
    leftovers = [p for p in out.parent.iterdir() if p.name.startswith(".huquq-")]
    assert not leftovers


@pytest.mark.parametrize("langs", ["tg,ru,en", "en", "ru,tg"])
def test_notice_languages(run, tmp_path, langs):
    out = tmp_path / "notice.docx"
    result = run("notice", "-o", out, "--lang", langs, "--org", ROOT / "examples" / "organisation.yaml")
    assert result.exit_code == 0, result.output
    paragraphs = texts(out)
    titles = {"tg": "Ҳуқуқҳои шумо", "ru": "Ваши права", "en": "Your rights"}
    found = [lang for lang in langs.split(",") if any(p.startswith(titles[lang]) for p in paragraphs)]
    assert found == langs.split(",")
    assert any("Example Legal Aid NGO" in p for p in paragraphs)
    body = part(out, "word/document.xml")
    assert body.count('w:type="page"') == len(found) - 1
    if shutil.which("soffice"):
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                       check=True, capture_output=True, timeout=180)
        pdf = (tmp_path / "notice.pdf").read_bytes()
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == len(found)


def test_one_rule_for_every_right_a_confirmed_international_basis(corpus, run, tmp_path):
    from generator.notice import right_basis

    notice = corpus.notices["detention-rights"]
    out = tmp_path / "notice.docx"
    assert run("notice", "-o", out, "--lang", "en").exit_code == 0
    printed = texts(out)
    for right in notice.rights:
        basis = right_basis(corpus, right)
        shown = any(p.startswith(right.text["en"][:40]) or right.text["en"][:40] in p for p in printed)
        if basis is None:
            assert not shown, right.id
            continue
        assert shown, right.id
        records = [corpus.provisions[pid] for pid, _ in basis]
        assert all(r.verification.is_confirmed for r in records), right.id
        assert any(corpus.instrument_of(r).jurisdiction == "intl" for r in records), right.id
    # The right to a lawyer is printed: the notice's "What to do" tells the reader to ask for one.
    assert right_basis(corpus, next(r for r in notice.rights if r.id == "lawyer")) is not None
    assert not any("Check this right" in p for p in printed)


def test_a_right_resting_only_on_unconfirmed_law_is_left_out_and_said(run, fixture_copy, tmp_path):
    notice = fixture_copy / "notices" / "detention-rights.yaml"
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("provisions: [iccpr/9]", "provisions: [iccpr/17]", 1), encoding="utf-8")
    out = tmp_path / "notice.docx"
    result = run("notice", "-o", out, "--lang", "en", "--sources", fixture_copy)
    assert result.exit_code == 0, result.output
    assert "left out 2 right(s) with no confirmed international basis (reasons, no-forced-test)" in result.stderr


def test_each_page_of_the_notice_ends_in_its_own_language(run, tmp_path):
    out = tmp_path / "notice.docx"
    assert run("notice", "-o", out, "--lang", "tg,ru,en").exit_code == 0
    footers = [p for p in texts(out) if "huquq" in p and ("translation" in p.lower() or "перевод" in p.lower()
                                                            or "тарҷума" in p.lower() or "project" in p.lower())]
    assert footers == ["Тарҷумаи лоиҳаи huquq; матни расмӣ нест.", "Перевод проекта huquq; не официальный текст.",
                       "Text by the huquq project; not an official text."]


@pytest.mark.parametrize("example", ["2014-dushanbe-detentions", "2016-sogd-ngo-inspection", "2023-hiv-prosecution"])
@pytest.mark.parametrize("language, summary_heading", [("en", "Summary"), ("ru", "Краткое содержание")])
def test_example_matters_in_both_languages(run, tmp_path, example, language, summary_heading):
    text = (ROOT / "examples" / "matters" / f"{example}.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^language: \w+$", f"language: {language}", text, flags=re.M)
    if "language:" not in text:
        text += f"language: {language}\n"
    matter = tmp_path / "matter.yaml"
    matter.write_text(text, encoding="utf-8")
    out = tmp_path / "memo.docx"
    result = run("memo", matter, "-o", out)
    assert result.exit_code == 0, result.output
    paragraphs = texts(out)
    assert summary_heading in paragraphs
    from kb.dates import human

    date = human(re.search(r'date: "([\d-]+)"', text).group(1), language)
    assert any(date in p for p in paragraphs[:8])
    notes, body = footnotes_xml(out)
    assert body.count("<w:footnoteReference") >= 5
