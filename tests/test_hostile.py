"""Hostile content, broken templates, interrupted runs and client data."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from generator import paths
from generator.word.reference import DEFAULT_PATH
from tests.conftest import ROOT

HOSTILE = "<script>alert(1)</script> **bold** {{ 7*7 }} {% if x %}"
CLIENT = "Zarinaxq Qodirovazz"


def matter(tmp_path: Path, **fields) -> Path:
    base = {"title": "Detention", "date": '"2014-06-10"', "issues": "[arbitrary-detention]"}
    base.update(fields)
    path = tmp_path / "matter.yaml"
    path.write_text("".join(f"{k}: {v}\n" for k, v in base.items()), encoding="utf-8")
    return path


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_hostile_text_in_sources_and_matters_is_text_in_word(run, fixture_copy, tmp_path):
    iccpr = fixture_copy / "instruments/un/iccpr.yaml"
    lines = iccpr.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "en: No one may be subjected to arbitrary arrest" in line)
    lines[at] = f'      en: "{HOSTILE}\\n@h1 Injected heading\\n@pagebreak\\nNo one may be arrested arbitrarily."'
    iccpr.write_text("\n".join(lines), encoding="utf-8")
    facts = '"Police came. \\x07\\x0b' + HOSTILE.replace('"', "'") + '\\n@title Not a title"'
    out = tmp_path / "memo.docx"
    result = run("memo", matter(tmp_path, facts=facts), "-o", out, "--sources", fixture_copy)
    assert result.exit_code == 0, result.stderr
    assert "matter.yaml:4: warning: facts: control characters removed" in result.stderr
    xml = document_xml(out)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **bold** {{ 7*7 }} {% if x %}" in xml
    assert "49" not in xml.split("{{ 7*7 }}")[0][-50:]
    document = Document(str(out))  # opens: nothing Word cannot store
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert not any("Injected heading" in h or "Not a title" in h for h in headings)
    assert any("@h1 Injected heading" in p.text for p in document.paragraphs)


def test_control_characters_in_sources_are_refused_with_their_line(run, fixture_copy):
    iccpr = fixture_copy / "instruments/un/iccpr.yaml"
    iccpr.write_text(iccpr.read_text(encoding="utf-8").replace(
        "en: Privacy,", 'en: "Pri\\x07vacy",', 1), encoding="utf-8")
    result = run("validate", "--sources", fixture_copy)
    assert result.exit_code == 1 and "iccpr.yaml:31: control character U+0007" in result.stderr


@pytest.fixture()
def templates(tmp_path, monkeypatch):
    copy = tmp_path / "templates"
    shutil.copytree(paths.TEMPLATES, copy)
    monkeypatch.setattr(paths, "TEMPLATES", copy)
    return copy


@pytest.mark.parametrize("old, new, expected", [
    ("{{ matter.title }}", "{{ matter.titel }}", "memo.en.j2:{line}: template error: 'generator.matter.Matter object' has no attribute 'titel'"),
    ("{{ matter.title }}", "{{ matter.title }", "memo.en.j2:{line}: template syntax error"),
    ("{{ matter.title }}", "{{ undefined_thing.x }}", "memo.en.j2:{line}: template error: 'undefined_thing' is undefined"),
])
def test_broken_template_is_reported_at_its_line(run, templates, tmp_path, old, new, expected):
    template = templates / "memo" / "memo.en.j2"
    text = template.read_text(encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    template.write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "memo.docx"
    result = run("memo", matter(tmp_path), "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert expected.format(line=line) in result.stderr, result.stderr
    assert not out.exists()


def test_custom_reference_without_a_required_style_is_refused_before_writing(run, tmp_path):
    document = Document(str(DEFAULT_PATH))
    document.styles["Footnote Text"].delete()
    reference = tmp_path / "letterhead.docx"
    document.save(str(reference))
    out = tmp_path / "memo.docx"
    result = run("memo", matter(tmp_path), "-o", out, "--template", reference)
    assert result.exit_code == 1 and "lacks the styles Footnote Text" in result.stderr
    assert not out.exists()
    notice = run("notice", "-o", tmp_path / "notice.docx", "--template", reference, "--lang", "en")
    assert notice.exit_code in (0, 1) and "Traceback" not in notice.stderr


def test_interrupted_run_leaves_the_previous_output_intact(run, tmp_path, monkeypatch):
    out = tmp_path / "memo.docx"
    assert run("memo", matter(tmp_path), "-o", out).exit_code == 0
    before = out.read_bytes()

    def save_half_then_die(self, path):
        Path(path).write_bytes(b"PK half a file")
        raise KeyboardInterrupt

    monkeypatch.setattr("docx.document.Document.save", save_half_then_die)
    result = run("memo", matter(tmp_path, title="Second"), "-o", out, "--force")
    assert result.exit_code != 0  # click turns the interrupt into "Aborted!"
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".huquq-")] == []


def test_client_name_is_in_no_file_the_run_wrote_but_the_memo(run, tmp_path, monkeypatch):
    """Everything a memo run, a search, a site and a build write, searched for the client's name."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    facts = f'"{CLIENT} was held for two days."'
    path = matter(tmp_path, client=f'"{CLIENT}"', facts=facts)
    results = [run("memo", path, "-o", work / "memo.docx"), run("memo", path, "--plan"),
               run("memo", path, "-o", work / "redacted.docx", "--redact"),
               run("search", "--index", work / "index", "detention"),
               run("memo", path, "-o", work / "memo.docx")]  # refused (exists): error message
    for result in results:
        assert CLIENT not in result.output and CLIENT not in result.stderr
    assert CLIENT.split()[0].encode() in zipfile.ZipFile(work / "memo.docx").read("word/document.xml")
    leaks = []
    for file in work.rglob("*"):
        if file.is_file() and file.name != "memo.docx":
            raw = file.read_bytes()
            if file.suffix == ".docx":
                raw = b"".join(zipfile.ZipFile(file).read(n) for n in zipfile.ZipFile(file).namelist())
            if CLIENT.encode() in raw or CLIENT.split()[0].encode() in raw:
                leaks.append(file)
    assert leaks == []
    ignored = (ROOT / ".gitignore").read_text()
    assert "/matters/" in ignored


@pytest.mark.parametrize("content, expected", [
    ("id: x\nnotes: " + "[" * 200 + "]" * 200 + "\n", ":2: nested more than"),
    ("id: x\nnotes: |\n" + ("  " + "x" * 1000 + "\n") * 21_000, ":1: file is 21"),
    ("id: x\nnotes: !!python/object/apply:os.system [echo hacked]\n", ":2: tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"),
    ("id: x\nnotes: !custom {a: 1}\n", ":2: tag !custom is not allowed"),
    ("id: ../../etc/passwd\n", ":1: id: '../../etc/passwd' does not have the expected form (a lowercase slug"),
    ("id: has space\n", ":1: id: 'has space' does not have the expected form (a lowercase slug"),
])
def test_hostile_source_files_are_refused_with_a_line(run, fixture_copy, content, expected):
    target = fixture_copy / "instruments/un/iccpr.yaml"
    target.write_text(content, encoding="utf-8")
    result = run("validate", "--sources", fixture_copy)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert f"iccpr.yaml{expected}" in result.stderr, result.stderr[:500]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_memo_converts_to_pdf_with_libreoffice(run, tmp_path):
    import subprocess
    import re
    out = tmp_path / "memo.docx"
    assert run("memo", ROOT / "examples/matters/2014-dushanbe-detentions.yaml", "-o", out).exit_code == 0
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "memo.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 5  # title block, issues, annex, verification table
