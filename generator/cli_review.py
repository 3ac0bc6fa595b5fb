"""``huquq review`` (what most needs checking) and ``huquq verify`` (record a check)."""

from __future__ import annotations

import datetime as dt
import json
import re

import click

from kb.canonical import plain
from kb.yamlio import load_yaml

from . import paths
from .cli import InputError, report_errors, resolve_sources, sources_option


@click.command()
@sources_option
@click.option("--lang", type=click.Choice(["en", "ru", "tg"]), default="en", show_default=True)
@click.option("--limit", type=click.IntRange(1, 10_000), default=30, show_default=True)
@click.option("--unverified-only", is_flag=True, help="Leave out records read in a secondary source.")
@click.option("--json", "as_json", is_flag=True, help="Print every record as JSON (all of them, not --limit).")
@report_errors
def review(sources, lang, limit, unverified_only, as_json):
    """List what most needs checking against the official texts, most used first.

    A record ranks higher the more topics and circumstances lead with it (memos cite it first);
    conflicting and unverified records before those read in a secondary source. Each line says
    what to check and where the official text is. Record a check with `huquq verify`.
    """
    from kb.load import load_corpus
    from kb.review import review_list

    corpus = load_corpus(resolve_sources(sources), cache_dir=paths.parse_cache())
    items = review_list(corpus, lang, include_secondary=not unverified_only)
    if as_json:
        click.echo(json.dumps([item.to_json() for item in items], ensure_ascii=False, indent=2))
        return
    for number, item in enumerate(items[:limit], 1):
        led = f"led by {len(item.led_by)}" if item.led_by else "not led by any topic or circumstance"
        click.echo(f"{number:>3}. {item.citation} — {item.title}  [{item.status}; {led}]  ({item.id})")
        if item.check:
            click.echo(f"     check: {item.check}")
        for address in item.addresses[:3]:
            click.echo(f"     where: {address}")
    if len(items) > limit:
        click.echo(f"... and {len(items) - limit} more (--limit N, or --json for all)")


@click.command()
@click.argument("record_id")
@click.option("--by", "reviewer", required=True, help="Who compared the record with the official text.")
@click.option("--against", required=True, metavar="URL", help="The address of the official text compared.")
@click.option("--note", help="What was compared (default: a sentence naming the reviewer, date and text).")
@sources_option
@report_errors
def verify(record_id, reviewer, against, note, sources):
    """Record that a second person compared RECORD_ID with the official text (status: verified).

    The record must name the address of its official text (an instrument's official_sources, a
    case's sources) other than a database's home page; `checked_on` is today. The file is written
    in canonical form and the sources validated; nothing is written if they would not validate.
    """
    from kb.load import load_corpus
    from kb.review import document_addresses
    from .cli_sources import instrument_path, rewrite_and_validate

    if not re.match(r"^https?://\S+$", against):
        raise InputError(f"huquq: --against {against!r} is not an http(s) address")
    if not reviewer.strip():
        raise InputError("huquq: --by needs the reviewer's name")
    root = resolve_sources(sources)
    corpus = load_corpus(root, cache_dir=paths.parse_cache())
    provision, case = corpus.provisions.get(record_id), corpus.cases.get(record_id)
    if provision is None and case is None:
        raise InputError(f"huquq: no provision or case {record_id!r}")
    official = document_addresses(corpus.instrument_of(provision).official_sources if provision else case.sources)
    if not official:
        owner = provision.instrument_id if provision else record_id
        raise InputError(f"huquq: {record_id}: {owner} names no address of its official text (only a database's "
                         "home page, or none); add it to official_sources (sources for a case) first, so that "
                         "readers can check what was compared")
    kind = "instrument" if provision else "case"
    path = instrument_path(root, provision.instrument_id if provision else case.id, kind)
    data = plain(load_yaml(path))
    record = data if case else next(p for p in data["provisions"] if str(p["label"]) == provision.label)
    today = dt.date.today().isoformat()
    previous = record.get("verification", {})
    # What the record said before is kept for maintainers: what was to be checked, and how it was read.
    history = " ".join(filter(None, [previous.get("maintainer_note"), previous.get("note") and
                                     f"Before verification ({previous.get('status')}): {previous['note']}"]))
    record["verification"] = {
        "status": "verified", "checked_on": today, "by": reviewer.strip(), "against": against,
        # The public note is in the readers' languages (verification.note is per language).
        "note": {"en": note} if note else {
            "en": f"Compared with the official text ({against}) on {today} by {reviewer.strip()}.",
            "ru": f"Сверено с официальным текстом ({against}) {today}; сверил(а): {reviewer.strip()}."},
        **({"maintainer_note": history} if history else {}),
    }
    rewrite_and_validate(path, root, kind, data)
    click.echo(f"{record_id}: verified by {reviewer.strip()} on {today} against {against}")


COMMANDS = [review, verify]
