"""``huquq new instrument|provision|case``: records that validate, in the right file and place.

Every value a record needs is an option; a missing one is asked for when a
person is at the terminal. The record starts ``unverified`` with a note
saying what a reviewer must check, as the content policy requires.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kb.canonical import plain
from kb.ids import natural_key
from kb.load import display_path
from kb.schema import CASE_BODIES, INSTRUMENT_KINDS
from kb.yamlio import load_yaml

from .cli import InputError, report_errors, resolve_sources, sources_option

NEW_NOTE = {
    "en": "New record: check every field against the official source before relying on it.",
    "ru": "Новая запись: перед использованием сверьте каждое поле с официальным источником.",
}


def _i18n(**values: str | None) -> dict:
    return {lang: value for lang, value in values.items() if value}


def _source(url: str, title: str) -> dict:
    return {"title": title, "url": url}


def _unverified() -> dict:
    return {"status": "unverified", "note": dict(NEW_NOTE)}


def _ask(value: str | None, prompt: str) -> str:
    """The option's value, or ask a person at the terminal for it (usage error otherwise)."""
    if value:
        return value
    if not sys.stdin.isatty():
        raise click.UsageError(f"missing {prompt}: give it as an option (see --help)")
    return click.prompt(prompt)


@click.group("new")
def new() -> None:
    """Scaffold a new instrument, provision or case that validates (for maintainers)."""


@new.command("instrument")
@click.option("--id", "instrument_id", help="Slug id; Tajik acts start with tj- (e.g. tj-militia-law).")
@click.option("--title-en", help="English title.")
@click.option("--title-ru", help="Russian title.")
@click.option("--title-tg", help="Tajik title.")
@click.option("--short-title", help="Short English title used in citations (default: the English title).")
@click.option("--kind", type=click.Choice(INSTRUMENT_KINDS), default="law", show_default=True)
@click.option("--source-url", help="Address of the official text.")
@click.option("--source-title", help="Title of that publication (default: the English title).")
@sources_option
def new_instrument(instrument_id, title_en, title_ru, title_tg, short_title, kind, source_url,
                   source_title, sources) -> None:
    """Create legal_sources/instruments/<tj|un>/<id>.yaml with no provisions yet."""
    root = resolve_sources(sources)
    instrument_id = _ask(instrument_id, "instrument id (slug)")
    title_en = _ask(title_en, "English title")
    title_ru = _ask(title_ru, "Russian title")
    title_tg = _ask(title_tg, "Tajik title")
    source_url = _ask(source_url, "address of the official text")
    tajik = instrument_id.startswith("tj-")
    path = root / "instruments" / ("tj" if tajik else "un") / f"{instrument_id}.yaml"
    if path.exists():
        raise InputError(f"huquq: {display_path(path)} already exists")
    record = {
        "id": instrument_id,
        "title": _i18n(en=title_en, ru=title_ru, tg=title_tg),
        "short_title": {"en": short_title or title_en},
        "kind": kind,
        "jurisdiction": "tj" if tajik else "intl",
        "official_sources": [_source(source_url, source_title or title_en)],
        "verification": _unverified(),
        "provisions": [],
    }
    _write(path, root, "instrument", record)


@new.command("provision")
@click.argument("instrument_id")
@click.argument("label")
@click.option("--title-en", help="English title of the article.")
@click.option("--title-ru", help="Russian title.")
@click.option("--title-tg", help="Tajik title.")
@click.option("--summary-en", help="What it says, in your own words (English).")
@click.option("--summary-ru", help="The same in Russian (your own words).")
@click.option("--summary-tg", help="The same in Tajik (a faithful translation of the English).")
@click.option("--topic", "topics", multiple=True, help="Topic id (repeatable).")
@click.option("--related", multiple=True, help="Id of a provision on the same right, e.g. iccpr/9 (repeatable).")
@click.option("--source-url", help="Address where the article was read.")
@click.option("--source-title", help="Title of that publication (default: the instrument's title).")
@sources_option
def new_provision(instrument_id, label, title_en, title_ru, title_tg, summary_en, summary_ru, summary_tg, topics,
                  related, source_url, source_title, sources) -> None:
    """Add provision LABEL (e.g. 19, 143-1) to INSTRUMENT_ID, in label order."""
    from .cli_sources import instrument_path

    root = resolve_sources(sources)
    path = instrument_path(root, instrument_id)
    data = plain(load_yaml(path))
    provisions = data.setdefault("provisions", [])
    if any(str(p["label"]) == label for p in provisions):
        raise InputError(f"huquq: {instrument_id}/{label} already exists in {display_path(path)}")
    summary_en = _ask(summary_en, "summary in English (your own words)")
    source_url = _ask(source_url, "address where the article was read")
    record: dict = {"label": label}
    if title_en or title_ru or title_tg:
        record["title"] = _i18n(en=title_en, ru=title_ru, tg=title_tg)
    record["summary"] = _i18n(en=summary_en, ru=summary_ru, tg=summary_tg)
    if topics:
        record["topics"] = list(topics)
    if related:
        record["related"] = list(related)
    record["verification"] = _unverified()
    record["sources"] = [_source(source_url, source_title or data["title"]["en"])]
    provisions.append(record)
    provisions.sort(key=lambda p: natural_key(str(p["label"])))
    _write(path, root, "instrument", data, f"added {instrument_id}/{label} to")


@new.command("case")
@click.option("--id", "case_id", help="Slug of the short name, e.g. toonen-v-australia.")
@click.option("--title-en", help="Short English title, e.g. 'Toonen v. Australia'.")
@click.option("--body", type=click.Choice(CASE_BODIES), help="Treaty body or court.")
@click.option("--number", help="Communication or application number.")
@click.option("--date", "decided", help="Date of the views or judgment (YYYY-MM-DD).")
@click.option("--respondent", help="Respondent State.")
@click.option("--summary-en", help="What happened and what was decided, in your own words.")
@click.option("--provision", "provisions", multiple=True, help="Id of a provision it applies (repeatable).")
@click.option("--topic", "topics", multiple=True, help="Topic id (repeatable).")
@click.option("--binding/--persuasive", default=False,
              help="Binding: views on Tajikistan under a treaty it is party to. Default: persuasive.")
@click.option("--source-url", help="Address of the decision.")
@sources_option
def new_case(case_id, title_en, body, number, decided, respondent, summary_en, provisions, topics, binding,
             source_url, sources) -> None:
    """Create legal_sources/cases/<body>/<id>.yaml."""
    root = resolve_sources(sources)
    case_id = _ask(case_id, "case id (slug)")
    body = _ask(body, f"body ({', '.join(CASE_BODIES)})")
    path = root / "cases" / body / f"{case_id}.yaml"
    if path.exists():
        raise InputError(f"huquq: {display_path(path)} already exists")
    title_en = _ask(title_en, "English title")
    record = {
        "id": case_id,
        "title": {"en": title_en},
        "body": body,
        "number": _ask(number, "communication or application number"),
        "date": _ask(decided, "date of the decision (YYYY-MM-DD)"),
        "parties": {"respondent": {"en": _ask(respondent, "respondent State")}},
        "summary": {"en": _ask(summary_en, "summary in English (your own words)")},
        "provisions": list(provisions),
        "topics": list(topics),
        "binding": binding,
        "sources": [_source(_ask(source_url, "address of the decision"), title_en)],
        "verification": _unverified(),
    }
    _write(path, root, "case", record)


def _write(path: Path, root: Path, kind: str, data: dict, verb: str = "created") -> None:
    from .cli_sources import rewrite_and_validate

    report_errors(rewrite_and_validate)(path, root, kind, data)
    click.echo(f"{verb} {display_path(path)} (it validates); next: fill in what is missing and have a "
               "second person check it against the official source")
