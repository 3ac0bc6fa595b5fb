"""What happened, as answers, turned into a matter file: shared by ``huquq interview`` (the terminal) and
the site's "Prepare a memo" page (through ``huquq serve``).

The questions, their explanations and their order are data (``legal_sources/interview.yaml`` and each
circumstance's question and values); this module checks answers one at a time, with the reason in the
reader's language, and writes the matter file. Answers are client data: nothing here logs or keeps them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kb.cite import pick
from kb.dates import human
from kb.models import Circumstance, Corpus, Question, Section, ValueSpec

from .matter import clean_text, convert_value
from .site.l10n import load_strings

MATTER_ORDER = ("title", "date", "place", "language", "prepared_by", "client", "facts", "circumstances")
REQUIRED = ("date",)
MEMO_LANGUAGE = {"en": "en", "ru": "ru", "tg": "ru"}  # memos are written in English or Russian


class AnswerError(ValueError):
    """An answer that cannot be taken: the message says why, in the reader's language."""


class Words:
    """The interface words of the interview, from templates/site/strings.yaml (keys interview.*)."""

    def __init__(self, lang: str, strings: dict | None = None):
        self.lang = lang
        self.strings = strings or load_strings()

    def __call__(self, key: str, **values: Any) -> str:
        text = pick(self.strings[key], self.lang)
        return text.format(**values) if values else text


@dataclass
class Answers:
    """What the reader answered: about the matter, the gates, and the circumstances that happened."""

    lang: str = "ru"
    matter: dict = field(default_factory=dict)  # question id -> text
    gates: dict = field(default_factory=dict)  # gate id -> bool
    circumstances: dict = field(default_factory=dict)  # circumstance id -> {value id: value}


def parse_date(text: str, words: Words, today: dt.date | None = None) -> str:
    """A date as people type it (2015-05-14, 14.05.2015, 14/05/2015), not in the future, as YYYY-MM-DD."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
    if match:
        year, month, day = (int(x) for x in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
        if not match:
            raise AnswerError(words("interview.error.date"))
        day, month, year = (int(x) for x in match.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise AnswerError(words("interview.error.date")) from None
    if date > (today or dt.date.today()):
        raise AnswerError(words("interview.error.future"))
    return date.isoformat()


def parse_yes_no(text: str, words: Words) -> bool:
    word = text.strip().lower()
    if word in ("y", "yes", "д", "да", "ҳ", "ҳа", "х", "ха", "1"):
        return True
    if word in ("n", "no", "н", "нет", "не", "на", "0", "2"):
        return False
    raise AnswerError(words("interview.error.yes_no"))


def parse_value(spec: ValueSpec, text: str, words: Words) -> Any:
    """An answer to a circumstance's value: numbers, yes/no, a choice by its number or id, a date."""
    text = text.strip()
    if not text:
        if spec.required:
            raise AnswerError(words("interview.error.required"))
        return None
    if spec.type == "boolean":
        return parse_yes_no(text, words)
    if spec.type == "date":
        return parse_date(text, words)
    if spec.type == "choice":
        ids = [choice.id for choice in spec.choices]
        if text.isdigit() and 1 <= int(text) <= len(ids):
            return ids[int(text) - 1]
        if text in ids:
            return text
        raise AnswerError(words("interview.error.choice", count=len(ids)))
    if spec.type in ("integer", "number"):
        try:
            return convert_value(spec, text)
        except ValueError:
            low = f"{spec.min:g}" if spec.min is not None else "0"
            high = f"{spec.max:g}" if spec.max is not None else "…"
            raise AnswerError(words("interview.error.number", low=low, high=high)) from None
    return clean_text(text)[0]


def sections(corpus: Corpus) -> list[Section]:
    return list(corpus.interview.sections) if corpus.interview else []


def asked(section: Section, gates: dict) -> bool:
    """A section is asked only when each of its gates was answered yes (no "hours held" unless someone
    was held)."""
    return all(gates.get(gate) for gate in section.ask_if)


def matter_data(answers: Answers, corpus: Corpus) -> dict:
    """The matter file's data, in the order of its fields, from the answers (circumstances in the order
    of the interview)."""
    words = Words(answers.lang)
    data: dict[str, Any] = {}
    given = {key: clean_text(str(value))[0].strip() for key, value in answers.matter.items() if value}
    order = corpus.interview.order() if corpus.interview else list(corpus.circumstances)
    chosen = [cid for cid in order if cid in answers.circumstances]
    title = given.get("title") or _default_title(corpus, chosen, given, answers.lang, words)
    data["title"] = title
    data["date"] = given.get("date", "")
    for key in ("place",):
        if given.get(key):
            data[key] = given[key]
    data["language"] = MEMO_LANGUAGE[answers.lang]
    for key in ("prepared_by", "client", "facts"):
        if given.get(key):
            data[key] = given[key]
    items = []
    for cid in chosen:
        values = {k: v for k, v in answers.circumstances[cid].items() if v is not None}
        items.append({cid: values} if values else cid)
    if items:
        data["circumstances"] = items
    else:
        data["issues"] = []  # nothing answered: the check below says what is missing
    return data


def _default_title(corpus: Corpus, chosen: list[str], given: dict, lang: str, words: Words) -> str:
    what = pick(corpus.circumstances[chosen[0]].title, MEMO_LANGUAGE[lang]) if chosen else words("interview.matter")
    where = ", ".join(filter(None, [given.get("place"), human(given.get("date"), MEMO_LANGUAGE[lang])]))
    return f"{what} — {where}" if where else what


def matter_yaml(data: dict) -> str:
    """The matter file's text: readable YAML, a comment first saying it names a client."""
    header = ("# A matter file written by huquq interview. It may name a client: keep it out of git and\n"
              "# share it only with the lawyer. `huquq memo FILE -o memo.docx` makes the memo.\n")
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return header + body


def question_text(question: Question | Circumstance | ValueSpec, lang: str) -> tuple[str, str]:
    """(question, one-line explanation) in the reader's language."""
    explanation = getattr(question, "explanation", {}) or {}
    return pick(question.question, lang), pick(explanation, lang) if explanation else ""
