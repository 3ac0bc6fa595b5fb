"""JSON Schemas of the source files: the exact form of every record.

The schemas are built here, in one place, and published as files under
``kb/schemas/`` (``huquq schema --write``) so that editors can check YAML
while it is typed. A test keeps the files equal to what this module builds.
"""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "schemas"
LANGS = ("en", "ru", "tg")

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LABEL = r"^[0-9a-z]+([.-][0-9a-z]+)*$"
PROVISION_ID = r"^[a-z0-9]+(-[a-z0-9]+)*/[0-9a-z]+([.-][0-9a-z]+)*$"
# A provision id with an optional pinpoint: iccpr/9(3), iccpr/14(3)(d).
CITATION = r"^[a-z0-9]+(-[a-z0-9]+)*/[0-9a-z]+([.-][0-9a-z]+)*(\([0-9a-z]+\))*$"
# A leading authority: a provision id with an optional pinpoint (iccpr/9(3)), or a case id.
LEADING = r"^[a-z0-9]+(-[a-z0-9]+)*(/[0-9a-z]+([.-][0-9a-z]+)*(\([0-9a-z]+\))*)?$"
# A value of a circumstance is a template variable: a Python identifier.
VALUE_ID = r"^[a-z][a-z0-9_]*$"
VALUE_TYPES = ("integer", "number", "boolean", "text", "date", "choice")
MATTER_QUESTIONS = ("title", "date", "place", "prepared_by", "client", "facts", "language")
# A date as far as it is known: a year, a month or a day.
PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"

INSTRUMENT_KINDS = (
    "constitution", "code", "law", "decree", "resolution", "treaty",
    "optional-protocol", "general-comment", "concluding-observations",
    "standard", "report", "declaration",
)
CASE_BODIES = ("hrc", "cat", "cedaw", "cescr", "ecthr", "domestic")
TEXT_KINDS = ("official", "transcription", "unofficial-translation")
# conflicting: sources disagree on the number or subject; no memo or notice relies on such a record.
VERIFICATION_STATES = ("verified", "secondary", "unverified", "conflicting")


def _text(min_length: int = 1) -> dict:
    return {"type": "string", "minLength": min_length}


def _notes() -> dict:
    return {"$ref": "#/$defs/notes"}


def _amended_by() -> dict:
    return {"$ref": "#/$defs/i18n", "description": "The law that made this wording, per language."}


def _maintainers_notes() -> dict:
    return {**_text(), "description": "For maintainers: why the argument and the leading authorities are "
            "as they are. Not shown to readers."}


def _i18n(required: tuple[str, ...] = ("en",)) -> dict:
    return {
        "type": "object",
        "properties": {lang: _text() for lang in LANGS},
        "required": list(required),
        "additionalProperties": False,
    }


def _defs() -> dict:
    return {
        "date": {"type": "string", "pattern": PARTIAL_DATE},
        "slug": {"type": "string", "pattern": SLUG, "maxLength": 80},
        "provision_id": {"type": "string", "pattern": PROVISION_ID, "maxLength": 120},
        "i18n": _i18n(),
        "notes": {**_i18n(), "description": "Shown on the site to every reader, in their language: en, and ru "
                  "and tg (a reader whose language is missing sees the English, said to be English). What only "
                  "maintainers need goes into verification.maintainer_note."},
        "i18n_list": {
            "type": "object",
            "properties": {lang: {"type": "array", "items": _text()} for lang in LANGS},
            "additionalProperties": False,
        },
        "keywords": _search_words(
            LANGS, "Search terms per language: the words a lawyer or a client types for the record's subject "
                   "where its title, text and summary lack them (lay words; the Tajik words of a record with no "
                   "Tajik summary). Used by the search only: never shown as the law, never printed in memos."),
        "source": {
            "description": "Where a statement or a text was read. `url` is the address of the "
                           "publication; `provenance` says which copy was used when it is not the "
                           "official one (repository, commit, path).",
            "type": "object",
            "properties": {
                "title": _text(),
                "url": {"type": "string", "pattern": r"^https?://\S+$"},
                "provenance": _text(),
                "accessed": {"$ref": "#/$defs/date"},
                "pinpoint": _text(),
            },
            "required": ["title"],
            "anyOf": [{"required": ["url"]}, {"required": ["provenance"]}],
            "additionalProperties": False,
        },
        "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}, "minItems": 1},
        "leading": {
            "description": "Leading authorities in the order a lawyer cites them: provisions (with a "
                           "pinpoint where useful, e.g. iccpr/9(3)), then cases (case ids). Memos open with "
                           "them and search ranks them first.",
            "type": "array",
            "items": {"type": "string", "pattern": LEADING},
            "minItems": 1,
        },
        "verification": {
            "type": "object",
            "properties": {
                "status": {"enum": list(VERIFICATION_STATES)},
                "checked_on": {"$ref": "#/$defs/date"},
                "by": _text(),
                "against": {"type": "string", "pattern": r"^https?://\S+$",
                            "description": "The official text the reviewer compared the record with."},
                "note": {**_i18n(), "description": "For readers of the site and of memos: what is known "
                         "and what to check, in English and (for unverified and conflicting records, which "
                         "memos list) Russian. Shown publicly."},
                "maintainer_note": {**_text(), "description": "For maintainers only: copies and files used, "
                                    "how the record was read. Never shown in memos, notices or search."},
            },
            "required": ["status"],
            "additionalProperties": False,
        },
        "text": {
            "description": "A verbatim text in one language.",
            "type": "object",
            "properties": {
                "kind": {"enum": list(TEXT_KINDS)},
                "content": _text(),
                "source": {"$ref": "#/$defs/source"},
            },
            "required": ["kind", "content", "source"],
            "additionalProperties": False,
        },
        "texts": {
            "type": "object",
            "properties": {lang: {"$ref": "#/$defs/text"} for lang in LANGS},
            "additionalProperties": False,
        },
        "version": {
            "description": "An earlier (or other) wording of a provision, with the dates it was in force.",
            "type": "object",
            "properties": {
                "in_force_from": {"$ref": "#/$defs/date"},
                "in_force_to": {"$ref": "#/$defs/date"},
                "amended_by": _amended_by(),
                "summary": {"$ref": "#/$defs/i18n"},
                "text": {"$ref": "#/$defs/texts"},
                "sources": {"$ref": "#/$defs/sources"},
                "notes": _notes(),
            },
            "required": ["in_force_from"],
            "anyOf": [{"required": ["summary"]}, {"required": ["text"]}],
            "additionalProperties": False,
        },
        "provision": {
            "type": "object",
            "properties": {
                "label": {"type": "string", "pattern": LABEL, "maxLength": 40},
                # Any language will do: an imported Russian or Tajik text brings its own heading.
                "title": {**_i18n(()), "minProperties": 1},
                "summary": {"$ref": "#/$defs/i18n"},
                "keywords": {"$ref": "#/$defs/keywords"},
                "argument": {**_i18n(), "description": "huquq's own argument applying the provision to its "
                             "clients (not what the instrument says); shown marked as the project's argument."},
                "text": {"$ref": "#/$defs/texts"},
                "topics": {"type": "array", "items": {"$ref": "#/$defs/slug"}},
                "related": {"type": "array", "items": {"$ref": "#/$defs/provision_id"}},
                "in_force_from": {"$ref": "#/$defs/date"},
                "in_force_to": {"$ref": "#/$defs/date"},
                "amended_by": _amended_by(),
                "versions": {"type": "array", "items": {"$ref": "#/$defs/version"}},
                "verification": {"$ref": "#/$defs/verification"},
                "sources": {"$ref": "#/$defs/sources"},
                "notes": _notes(),
            },
            "required": ["label", "verification", "sources"],
            # An imported text may come before anyone has written its summary.
            "anyOf": [{"required": ["summary"]}, {"required": ["text"]}],
            "additionalProperties": False,
        },
    }


def _document(title: str, properties: dict, required: list[str]) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "$defs": _defs(),
    }


def instrument_schema() -> dict:
    return _document(
        "huquq instrument (legal_sources/instruments/<jurisdiction>/<id>.yaml)",
        {
            "id": {"$ref": "#/$defs/slug"},
            "title": _i18n(("en", "ru", "tg")),
            "short_title": {"$ref": "#/$defs/i18n"},
            "aliases": {"type": "array", "items": _text(),
                        "description": "Other names a lawyer types for it: УК, CC, Конституция."},
            "kind": {"enum": list(INSTRUMENT_KINDS)},
            "jurisdiction": {"enum": ["tj", "intl"]},
            "issued_by": {"$ref": "#/$defs/i18n", "description": "The body that adopted or issued it, per language."},
            "symbol": _text(),
            "unit": {**_i18n(), "description": "What its numbered parts are called when cited, "
                     "if not the default for its kind (article / paragraph): principle, guideline."},
            "binding_on_tajikistan": {
                "type": "object",
                "properties": {
                    "binding": {"type": "boolean"},
                    "since": {"$ref": "#/$defs/date"},
                    "note": _notes(),
                    "source": {"$ref": "#/$defs/source"},
                },
                "required": ["binding"],
                "additionalProperties": False,
            },
            "adopted": {"$ref": "#/$defs/date"},
            "in_force_from": {"$ref": "#/$defs/date"},
            "in_force_to": {"$ref": "#/$defs/date"},
            "replaced_by": {"$ref": "#/$defs/slug"},
            "official_sources": {"$ref": "#/$defs/sources"},
            "verification": {"$ref": "#/$defs/verification"},
            "notes": _notes(),
            "provisions": {"type": "array", "items": {"$ref": "#/$defs/provision"}},
        },
        ["id", "title", "short_title", "kind", "jurisdiction", "official_sources", "provisions"],
    )


def case_schema() -> dict:
    return _document(
        "huquq case (legal_sources/cases/<body>/<id>.yaml)",
        {
            "id": {"$ref": "#/$defs/slug"},
            "title": {"$ref": "#/$defs/i18n"},
            "body": {"enum": list(CASE_BODIES)},
            "court": _text(),
            "number": _text(),
            "symbol": _text(),
            "date": {"$ref": "#/$defs/date"},
            "parties": {
                "type": "object",
                "properties": {"applicant": {"$ref": "#/$defs/i18n"}, "respondent": {"$ref": "#/$defs/i18n"}},
                "description": "Who brought the case and against which State, per language (a name as the "
                               "decision spells it; the Cyrillic one as the Russian title does).",
                "required": ["respondent"],
                "additionalProperties": False,
            },
            "outcome": {"$ref": "#/$defs/i18n"},
            "summary": {"$ref": "#/$defs/i18n"},
            "holdings": {"type": "array", "items": {"$ref": "#/$defs/i18n"}},
            "keywords": {"$ref": "#/$defs/keywords"},
            "provisions": {"type": "array", "items": {"$ref": "#/$defs/provision_id"}},
            "topics": {"type": "array", "items": {"$ref": "#/$defs/slug"}},
            "binding": {"type": "boolean",
                        "description": "true: decided on Tajikistan under a treaty it is party to."},
            "adverse": {"type": "boolean",
                        "description": "true: a precedent that goes against the argument."},
            "sources": {"$ref": "#/$defs/sources"},
            "verification": {"$ref": "#/$defs/verification"},
            "notes": _notes(),
        },
        ["id", "title", "body", "number", "date", "summary", "provisions", "topics",
         "binding", "sources", "verification"],
    )


def topics_schema() -> dict:
    topic = {
        "type": "object",
        "properties": {
            "id": {"$ref": "#/$defs/slug"},
            "label": _i18n(("en", "ru", "tg")),
            "synonyms": {"$ref": "#/$defs/i18n_list"},
            "description": {"$ref": "#/$defs/i18n"},
            "broader": {"type": "array", "items": {"$ref": "#/$defs/slug"}},
            "leading": {"$ref": "#/$defs/leading"},
            "argument": _i18n(("en", "ru")),
            "request": {
                "description": "What a memo asks for on this issue when the matter names the issue "
                               "without circumstances.",
                "type": "object",
                "properties": {lang: {"type": "array", "items": _text(), "minItems": 1} for lang in LANGS},
                "required": ["en", "ru"],
                "additionalProperties": False,
            },
            "queries": {
                "description": "Example searches that must find these ids in the top 10.",
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "query": _text(),
                        "lang": {"enum": list(LANGS)},
                        "expect": {"type": "array", "items": _text(), "minItems": 1},
                    },
                    "required": ["query", "lang", "expect"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["id", "label", "description", "argument", "request"],
        "additionalProperties": False,
    }
    return _document(
        "huquq topics (legal_sources/topics.yaml)",
        {"topics": {"type": "array", "items": topic, "minItems": 1}},
        ["topics"],
    )


def notice_schema() -> dict:
    right = {
        "type": "object",
        "properties": {
            "id": {"$ref": "#/$defs/slug"},
            "text": _i18n(("en", "ru", "tg")),
            "provisions": {"type": "array", "items": {"type": "string", "pattern": CITATION},
                           "minItems": 1,
                           "description": "Provisions the right rests on, with a pinpoint where one part "
                                          "is meant (iccpr/14(3)(d)). The right is printed only when an "
                                          "international provision among them is confirmed (verified or "
                                          "secondary); Tajik provisions are cited with it where confirmed."},
        },
        "required": ["id", "text", "provisions"],
        "additionalProperties": False,
    }
    all_langs = ("en", "ru", "tg")
    return _document(
        "huquq notice (legal_sources/notices/<id>.yaml)",
        {
            "id": {"$ref": "#/$defs/slug"},
            "title": _i18n(all_langs),
            "intro": _i18n(all_langs),
            "rights": {"type": "array", "items": right, "minItems": 1},
            "what_to_do_heading": _i18n(all_langs),
            "what_to_do": {"type": "array", "items": _i18n(all_langs)},
            "contact_heading": _i18n(all_langs),
            "translations": {
                "description": "Who wrote each language's text, in that language (printed at the foot "
                               "of its page): the project's own translation until a professional or "
                               "official one replaces it.",
                "type": "object",
                "properties": {lang: _text() for lang in LANGS},
                "additionalProperties": False,
            },
            "notes": _maintainers_notes(),
        },
        ["id", "title", "intro", "rights", "what_to_do_heading", "what_to_do",
         "contact_heading", "translations"],
    )


def _search_words(langs, description: str) -> dict:
    """Words per language that only the search reads (a record's keywords, a circumstance's said)."""
    return {
        "description": description,
        "type": "object",
        "properties": {lang: {"type": "array", "items": {**_text(), "maxLength": 60}, "uniqueItems": True}
                       for lang in langs},
        "additionalProperties": False,
    }


def circumstance_schema() -> dict:
    all_langs = ("en", "ru", "tg")
    value = {
        "description": "A value the circumstance needs (hours held, number of people), asked after its "
                       "question and available to the argument and request templates by its id.",
        "type": "object",
        "properties": {
            "id": {"type": "string", "pattern": VALUE_ID, "maxLength": 40},
            "type": {"enum": list(VALUE_TYPES)},
            "required": {"type": "boolean"},
            "min": {"type": "number"},
            "max": {"type": "number"},
            "question": _i18n(all_langs),
            "explanation": _i18n(all_langs),
            "choices": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"id": {"type": "string", "pattern": VALUE_ID}, "label": _i18n(all_langs)},
                    "required": ["id", "label"],
                    "additionalProperties": False,
                },
                "minItems": 2,
            },
        },
        "required": ["id", "type", "question"],
        "additionalProperties": False,
    }
    return _document(
        "huquq circumstance (legal_sources/circumstances/<id>.yaml)",
        {
            "id": {"$ref": "#/$defs/slug"},
            "title": {**_i18n(all_langs), "description": "A short name: the memo's heading for it."},
            "question": {**_i18n(all_langs), "description": "Asked of a person who is not a lawyer."},
            "explanation": {**_i18n(all_langs), "description": "One line: what it means in law."},
            "said": _search_words(
                all_langs, "How a caller puts it: short phrases in a caller's own words (\"didn't let me call "
                           "home\"), not legal terms, and not the setting every call shares (police, station, "
                           "detained). Searched as words of the first two leading authorities, and a story with "
                           "their words raises the first three leading authorities; never shown, never printed in "
                           "memos."),
            "values": {"type": "array", "items": value},
            "topics": {"type": "array", "items": {"$ref": "#/$defs/slug"}, "minItems": 1,
                       "description": "The issues it engages; the first is the memo section it opens."},
            "leading": {"$ref": "#/$defs/leading"},
            "argument": {**_i18n(("en", "ru")),
                         "description": "The memo's paragraph for it, in the project's words: a Jinja "
                                        "template that may use the values, e.g. {{ hours }}."},
            "request": {
                "description": "What to ask for, one item each (templates, like the argument).",
                "type": "object",
                "properties": {lang: {"type": "array", "items": _text(), "minItems": 1} for lang in LANGS},
                "required": ["en", "ru"],
                "additionalProperties": False,
            },
            "sources": {"$ref": "#/$defs/sources"},
            "notes": _maintainers_notes(),
        },
        ["id", "title", "question", "explanation", "topics", "leading", "argument", "request", "sources"],
    )


def interview_schema() -> dict:
    all_langs = ("en", "ru", "tg")
    question = {
        "type": "object",
        "properties": {"id": {"$ref": "#/$defs/slug"}, "question": _i18n(all_langs),
                       "explanation": _i18n(all_langs)},
        "required": ["id", "question", "explanation"],
        "additionalProperties": False,
    }
    matter_question = {**question, "properties": {**question["properties"], "id": {"enum": list(MATTER_QUESTIONS)}}}
    return _document(
        "huquq interview (legal_sources/interview.yaml): the order of the questions",
        {
            "matter": {"type": "array", "items": matter_question, "minItems": 1,
                       "description": "What is asked first about the matter (date, place, ...)."},
            "gates": {"type": "array", "items": question,
                      "description": "Yes/no questions that open a section (was anyone detained?)."},
            "sections": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"$ref": "#/$defs/slug"},
                        "title": _i18n(all_langs),
                        "ask_if": {"type": "array", "items": {"$ref": "#/$defs/slug"}},
                        "circumstances": {"type": "array", "items": {"$ref": "#/$defs/slug"}, "minItems": 1},
                    },
                    "required": ["id", "title", "circumstances"],
                    "additionalProperties": False,
                },
                "minItems": 1,
            },
        },
        ["matter", "gates", "sections"],
    )


def matter_schema() -> dict:
    text = {"type": ["string", "number"], "description": "Text (a number is read as text)."}
    ids = {"type": "array", "items": {"type": "string"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "huquq matter file (the input of `huquq memo`; written by `huquq interview`)",
        "description": "Matter files name clients: keep them out of git (matters/ is ignored).",
        "type": "object",
        "properties": {
            "title": {**text, "description": "Heads the memo."},
            "date": {"type": "string", "pattern": PARTIAL_DATE,
                     "description": "Date of the events (YYYY-MM-DD): the memo cites the law in force then."},
            "place": text,
            "language": {"enum": ["en", "ru", "tg"], "description": "Language of the memo (default en)."},
            "prepared_by": text,
            "client": {**text, "description": "Optional and confidential: shown only in the memo."},
            "facts": {**text, "description": "What happened. A single line break is a space; a blank "
                                            "line starts a new paragraph."},
            "issues": {**ids, "description": "Topic ids (huquq show TOPIC); optional when circumstances "
                                             "are given."},
            "circumstances": {
                "description": "What happened, as circumstance ids of legal_sources/circumstances/, each "
                               "alone or with its values: `- held-beyond-time-limit: {hours: 20, "
                               "proceeding: none}`.",
                "type": "array",
                "items": {"anyOf": [
                    {"type": "string", "pattern": SLUG},
                    {"type": "object", "minProperties": 1, "maxProperties": 1,
                     "propertyNames": {"pattern": SLUG},
                     "additionalProperties": {"type": "object"}},
                ]},
            },
            "cite": {**ids, "description": "Provisions to cite in any case, e.g. iccpr/9(2)."},
            "exclude": {**ids, "description": "Provisions never to cite."},
        },
        "required": ["title", "date"],
        "anyOf": [{"required": ["issues"]}, {"required": ["circumstances"]}],
        "additionalProperties": False,
    }


SCHEMAS = {
    "instrument": instrument_schema,
    "case": case_schema,
    "topics": topics_schema,
    "notice": notice_schema,
    "circumstance": circumstance_schema,
    "interview": interview_schema,
    "matter": matter_schema,
}


def schema(kind: str) -> dict:
    try:
        return SCHEMAS[kind]()
    except KeyError:
        raise ValueError(f"unknown schema {kind!r}; expected one of {', '.join(SCHEMAS)}") from None


def schema_json(kind: str) -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = directory / f"{kind}.schema.json"
        path.write_text(schema_json(kind), encoding="utf-8")
        written.append(path)
    return written
