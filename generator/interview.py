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
from kb.models import LANGS, Circumstance, Corpus, Question, Section, ValueSpec

from .matter import clean_text, convert_value
from .site.l10n import load_strings

MEMO_LANGUAGE = {"en": "en", "ru": "ru", "tg": "tg"}  # the memo in the language of the interview, unless asked otherwise


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


def matter_data(answers: Answers, corpus: Corpus, memo_language: str | None = None, keep: dict | None = None) -> dict:
    """The matter file's data, in the order of its fields, from the answers (circumstances in the order
    of the interview). ``keep``: issues, cite and exclude of a hand-written matter file loaded back."""
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
    data["language"] = memo_language or MEMO_LANGUAGE[answers.lang]
    for key in ("prepared_by", "client", "facts"):
        if given.get(key):
            data[key] = given[key]
    items = []
    for cid in chosen:
        values = {k: v for k, v in answers.circumstances[cid].items() if v is not None}
        items.append({cid: values} if values else cid)
    for key in ("issues", "cite", "exclude"):
        if (keep or {}).get(key):
            data[key] = list(keep[key])
    if items:
        data["circumstances"] = items
    elif "issues" not in data:
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


# --- the site's form (through `huquq serve`) ------------------------------------------------------------

class FormError(AnswerError):
    """A bad answer in the form: ``field`` names the input ("date", "held-beyond-time-limit.hours")."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


def answers_from_form(payload: dict, corpus: Corpus, today: dt.date | None = None) -> tuple[Answers, str, dict]:
    """The form's answers (JSON, as docs/assets/huquq-prepare.js sends them), checked as the terminal
    checks them: (answers, memo language, what a loaded matter file carried that the form does not show)."""
    lang = payload.get("lang") if payload.get("lang") in LANGS else "ru"
    words = Words(lang)
    answers = Answers(lang=lang)
    matter = payload.get("matter") or {}
    if not isinstance(matter, dict):
        raise FormError("date", words("interview.error.required"))
    for question in corpus.interview.matter:
        value = matter.get(question.id)
        value = value.strip() if isinstance(value, str) else ""
        if question.id == "date":
            if not value:
                raise FormError("date", words("interview.error.required"))
            try:
                value = parse_date(value, words, today)
            except AnswerError as e:
                raise FormError("date", str(e)) from None
        if value:
            answers.matter[question.id] = value
    gates = payload.get("gates") or {}
    answers.gates = {gate.id: gates.get(gate.id) is True for gate in corpus.interview.gates}
    chosen = payload.get("circumstances") or {}
    if not isinstance(chosen, dict):
        chosen = {}
    for section in sections(corpus):
        if not asked(section, answers.gates):
            continue
        for cid in section.circumstances:
            if cid not in chosen:
                continue
            given = chosen[cid] if isinstance(chosen[cid], dict) else {}
            values = {}
            for spec in corpus.circumstances[cid].values:
                raw = given.get(spec.id)
                text = "" if raw is None else ("1" if raw is True else "0" if raw is False else str(raw))
                try:
                    values[spec.id] = parse_value(spec, text, words)
                except AnswerError as e:
                    raise FormError(f"{cid}.{spec.id}", str(e)) from None
            answers.circumstances[cid] = values
    memo_language = payload.get("memo_language") if payload.get("memo_language") in LANGS else MEMO_LANGUAGE[lang]
    keep = payload.get("keep") if isinstance(payload.get("keep"), dict) else {}
    keep = {key: [str(x) for x in keep.get(key) or [] if isinstance(x, (str, int))] for key in ("issues", "cite", "exclude")}
    return answers, memo_language, keep


def form_from_matter(matter, corpus: Corpus, lang: str) -> dict:
    """A matter (loaded back from its file) as the form's answers: gates are yes where a chosen
    circumstance needs them."""
    chosen = {answer.id: dict(answer.values) for answer in matter.circumstances}
    gates = {gate.id: False for gate in corpus.interview.gates}
    for section in sections(corpus):
        if any(cid in chosen for cid in section.circumstances):
            for gate in section.ask_if:
                gates[gate] = True
    fields = {"date": matter.date.isoformat(), "place": matter.place, "title": matter.title,
              "facts": matter.facts, "client": matter.client, "prepared_by": matter.prepared_by}
    keep = {"issues": list(matter.issues), "cite": [pid + pin for pid, pin in matter.cite],
            "exclude": list(matter.exclude)}
    return {"lang": lang, "memo_language": matter.language, "matter": fields, "gates": gates,
            "circumstances": chosen, "keep": keep}
