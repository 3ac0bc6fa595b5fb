"""`huquq interview`: a volunteer answers questions and gets a matter file that validates, then the memo
and the notice. Driven through click's prompt with a scripted reader who answers by the question asked."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import click
import pytest
from docx import Document

from generator.matter import load_matter
from generator.memo import plan_memo
from kb.cite import pick
from tests.memo_checks import missing_authorities

CLIENT = "Фарзона Назарова"


class Reader:
    """Answers each prompt by the first key found in it (a question's text in the reader's language);
    a list of answers is given one at a time (to answer badly first). Unlisted yes/no questions get
    "no", other unlisted questions an empty answer. Every prompt is kept."""

    def __init__(self, answers: dict[str, object], no: str, stop_at: str | None = None):
        self.answers = {key: list(value) if isinstance(value, list) else [value] for key, value in answers.items()}
        self.no, self.stop_at, self.prompts = no, stop_at, []

    def __call__(self, text, default=None, **kwargs):
        self.prompts.append(text)
        if self.stop_at and self.stop_at in text:
            raise click.Abort()
        for key, queue in self.answers.items():
            if key in text:
                return str(queue.pop(0) if len(queue) > 1 else queue[0])
        return self.no if "[" in text and "/" in text.split("[")[-1] else ""


def q(corpus, cid, lang, value=None):
    """The text of a circumstance's question, or of one of its values."""
    circumstance = corpus.circumstances[cid]
    source = circumstance.value(value) if value else circumstance
    return " ".join(pick(source.question, lang).split())[:60]


def m(corpus, qid, lang):
    questions = corpus.interview.matter + corpus.interview.gates
    return pick(next(x for x in questions if x.id == qid).question, lang)[:50]


@pytest.fixture()
def interview(run, monkeypatch, tmp_path):
    def go(reader: Reader, *args):
        monkeypatch.setattr(click, "prompt", reader)
        monkeypatch.chdir(tmp_path)
        return run("interview", *args)
    return go


def khujand_answers(corpus, lang):
    """The Khujand matter of the memo issue: a transgender woman held 20 hours after a raid, no lawyer."""
    yes = {"ru": "д", "tg": "ҳ", "en": "y"}[lang]
    return {
        m(corpus, "date", lang): "14.05.2015",
        m(corpus, "place", lang): "Худжанд",
        m(corpus, "facts", lang): ["Задержана на улице после облавы, 20 часов в отделе без адвоката.", ""],
        m(corpus, "client", lang): CLIENT,
        m(corpus, "prepared_by", lang): "НКО «Равные»",
        m(corpus, "detained", lang): yes,
        q(corpus, "held-beyond-time-limit", lang): yes,
        q(corpus, "held-beyond-time-limit", lang, "hours"): 20,
        q(corpus, "held-beyond-time-limit", lang, "proceeding"): 1,
        q(corpus, "no-lawyer-from-detention", lang): yes,
        q(corpus, "no-lawyer-from-detention", lang, "lawyer_access"): 1,
        q(corpus, "transgender-targeted", lang): yes,
        q(corpus, "transgender-targeted", lang, "insulted"): yes,
        pick({"en": "Write the matter", "ru": "Записать файл", "tg": "Файли парвандаро нависем"}, lang): yes,
    }


@pytest.mark.parametrize("lang", ["ru", "tg", "en"])
def test_answers_make_a_valid_matter_and_a_memo_with_the_leading_authorities(corpus, interview, tmp_path, lang):
    answers = khujand_answers(corpus, lang)
    reader = Reader(answers, no={"ru": "н", "tg": "н", "en": "n"}[lang])
    result = interview(reader, "--lang", lang, "-o", "khujand.yaml", "--memo")
    assert result.exit_code == 0, result.output
    matter = load_matter(tmp_path / "khujand.yaml", corpus)
    assert matter.date == dt.date(2015, 5, 14) and matter.client == CLIENT
    assert matter.language == lang  # the memo in the language of the interview
    assert [a.id for a in matter.circumstances] == ["held-beyond-time-limit", "no-lawyer-from-detention",
                                                    "transgender-targeted"]
    held = matter.circumstances[0]
    assert held.values == {"hours": 20, "proceeding": "none"}
    # The memo and the notice beside the matter file; the memo cites each circumstance's leading authorities.
    memo, notice = tmp_path / "khujand-memo.docx", tmp_path / "khujand-notice.docx"
    assert memo.exists() and notice.exists()
    plan = plan_memo(corpus, matter)
    expected = [item for answer in matter.circumstances for item in corpus.circumstances[answer.id].leading
                if item.split("(")[0] not in plan.not_cited]
    assert missing_authorities(memo, corpus, expected, matter.language) == []
    assert CLIENT in "\n".join(p.text for p in Document(str(memo)).paragraphs)
    # Nothing else was left in the folder (no temporary file, no copy of the answers).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khujand-memo.docx", "khujand-notice.docx", "khujand.yaml"]


def test_questions_that_cannot_apply_are_not_asked(corpus, interview):
    answers = {m(corpus, "date", "ru"): "01.03.2020", m(corpus, "detained", "ru"): "н",
               q(corpus, "status-disclosed", "ru"): "д",
               q(corpus, "status-disclosed", "ru", "disclosed_what"): 1,
               q(corpus, "status-disclosed", "ru", "disclosed_by"): 1}
    reader = Reader(answers, no="н")
    result = interview(reader, "--lang", "ru", "-o", "m.yaml", "--no-memo")
    assert result.exit_code == 0, result.output
    asked = "\n".join(reader.prompts)
    assert q(corpus, "status-disclosed", "ru") in asked
    for cid in corpus.interview.sections[0].circumstances:  # detention: no one was held
        assert q(corpus, cid, "ru") not in asked, cid
    assert q(corpus, "held-beyond-time-limit", "ru", "hours") not in asked
    assert q(corpus, "prosecuted-hiv-art-125", "ru") not in asked


@pytest.mark.parametrize("lang,reasons", [
    ("ru", ["Эта дата ещё не наступила", "Это не дата", "Это не число от 1 до 8760", "Этот ответ нужен",
            "Ответьте д (да) или н (нет)"]),
    ("tg", ["Ин сана ҳанӯз фаро нарасидааст", "Ин сана нест", "Ин рақам аз 1 то 8760 нест",
            "Ин ҷавоб барои маълумотнома лозим аст", "Ҳ (ҳа) ё н (не) ҷавоб диҳед"]),
    ("en", ["That date is in the future", "That is not a date", "That is not a number from 1 to 8760",
            "This answer is needed", "Answer y (yes) or n (no)"]),
])
def test_bad_answers_are_asked_again_with_the_reason_in_the_chosen_language(corpus, interview, tmp_path, lang, reasons):
    answers = khujand_answers(corpus, lang)
    future = (dt.date.today() + dt.timedelta(days=30)).strftime("%d.%m.%Y")
    answers[m(corpus, "date", lang)] = [future, "31.02.2015", "", "14.05.2015"]
    answers[q(corpus, "held-beyond-time-limit", lang, "hours")] = ["двадцать", "", "20"]
    answers[m(corpus, "detained", lang)] = ["может быть", answers[m(corpus, "detained", lang)]]
    reader = Reader(answers, no="n" if lang == "en" else "н")
    result = interview(reader, "--lang", lang, "-o", "m.yaml", "--no-memo")
    assert result.exit_code == 0, result.output
    for reason in reasons:
        assert reason in result.output, reason
    assert load_matter(tmp_path / "m.yaml", corpus).circumstances[0].values["hours"] == 20
    date_prompts = [p for p in reader.prompts if m(corpus, "date", lang) in p]
    assert len(date_prompts) == 4


def test_ctrl_c_writes_nothing(corpus, interview, tmp_path):
    answers = khujand_answers(corpus, "ru")
    before = set(Path(tempfile.gettempdir()).iterdir())
    reader = Reader(answers, no="н", stop_at=q(corpus, "transgender-targeted", "ru"))
    result = interview(reader, "--lang", "ru", "-o", "m.yaml")
    assert result.exit_code == 130
    assert "Ничего не записано" in result.output
    assert list(tmp_path.iterdir()) == []
    assert {p for p in set(Path(tempfile.gettempdir()).iterdir()) - before if CLIENT.split()[0] in p.name} == set()


def test_the_end_of_input_stops_like_ctrl_c(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("interview", "--lang", "en", input="14.05.2015\nKhujand\n")
    assert result.exit_code == 130 and "Nothing was written" in result.output
    assert list(tmp_path.iterdir()) == []


def test_refusing_the_summary_writes_nothing_and_an_existing_file_is_kept_unless_replaced(corpus, interview, tmp_path):
    (tmp_path / "m.yaml").write_text("earlier", encoding="utf-8")
    answers = khujand_answers(corpus, "en")
    answers["Write the matter"] = "n"
    result = interview(Reader(answers, no="n"), "--lang", "en", "-o", "m.yaml")
    assert result.exit_code == 0 and "Nothing was written" in result.output
    assert (tmp_path / "m.yaml").read_text() == "earlier"
    answers["Write the matter"] = "y"
    answers["already exists"] = "n"
    answers["Where to write"] = "other.yaml"
    result = interview(Reader(answers, no="n"), "--lang", "en", "-o", "m.yaml", "--no-memo")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m.yaml").read_text() == "earlier"
    assert load_matter(tmp_path / "other.yaml", corpus).place == "Худжанд"


def test_nothing_happened_asks_again_and_can_stop(corpus, interview, tmp_path):
    answers = {m(corpus, "date", "en"): "01.03.2020", "Go through the questions again": "n"}
    result = interview(Reader(answers, no="n"), "--lang", "en", "-o", "m.yaml")
    assert result.exit_code == 0 and "nothing to argue" in result.output
    assert list(tmp_path.iterdir()) == []
