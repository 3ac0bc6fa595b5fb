"""``huquq index``, ``huquq search`` and ``huquq show``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from .cli import InputError, progress, report_errors, resolve_sources, sources_option
from . import paths


def index_option(func):
    return click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help="Index folder (default: build/index).")(func)


def date_type(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from kb.dates import parse_date

    try:
        return parse_date(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def refresh_index(sources: Path, index_dir: Path, full: bool = False):
    from kb.index import update_index
    from kb.load import load_corpus

    corpus = load_corpus(sources, cache_dir=paths.parse_cache())
    return update_index(corpus, sources, index_dir, full=full, progress=progress)


@click.command("index")
@sources_option
@index_option
@click.option("--full", is_flag=True, help="Rebuild from scratch instead of updating changed files.")
@report_errors
def index_command(sources, index_dir, full):
    """Build or update the search index (only changed source files are re-indexed)."""
    sources, index_dir = resolve_sources(sources), index_dir or paths.index_dir()
    report = refresh_index(sources, index_dir, full)
    what = "built" if report.full else "updated"
    click.echo(f"index {what} in {index_dir}: {len(report.reindexed)} file(s) indexed, "
               f"{len(report.removed)} removed, {report.documents} document(s) written")


@click.command()
@click.argument("query", nargs=-1, required=True)
@sources_option
@index_option
@click.option("--lang", type=click.Choice(["en", "ru", "tg"]), default="en", show_default=True,
              help="Language of titles and snippets, Russian where a record has no Tajik (the query may be in any language).")
@click.option("--jurisdiction", type=click.Choice(["tj", "intl"]), help="Tajik law or international law only.")
@click.option("--instrument", help="Only this instrument (id, e.g. iccpr).")
@click.option("--topic", help="Only this topic (id, e.g. arbitrary-detention).")
@click.option("--kind", type=click.Choice(["provision", "case"]), help="Provisions or cases only.")
@click.option("--in-force-on", "in_force_on", metavar="DATE", help="Only law in force on DATE (YYYY-MM-DD), in the wording of that day.")
@click.option("--limit", type=click.IntRange(1, 200), default=10, show_default=True)
@click.option("--site-url", default=None, help="Make result addresses absolute with this site address.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of results.")
@click.option("--no-refresh", is_flag=True, help="Do not update a stale index; search it as it is.")
@report_errors
def search(query, sources, index_dir, lang, jurisdiction, instrument, topic, kind, in_force_on,
           limit, site_url, as_json, no_refresh):
    """Search provisions and cases in English, Russian or Tajik.

    QUERY may be words ("arbitrary detention", "задержание", "шиканча"), a phrase in
    quotes, or a citation ("ICCPR 9", "art. 125 CC", "статья 19 Конституции").
    Results are ranked by how well and how many of the words they match (a record
    with most of the words can come before one with all); a query naming an
    instrument ("Criminal Code torture", "свобода собраний Конституция") has that
    instrument's provisions first. NOT leaves out what has a word ("torture NOT
    children"), OR asks for either, and detent* finds any ending; with these, or
    with quotes, results with all of the query come first. Above the results, the
    topics and circumstances the words name ("arbitrary detention", "не дали
    позвонить домой"), and, as "Perhaps this circumstance", the one a caller's
    story seems to tell of ("муж пропал, телефон выключен, в больницах его
    нет"), a guess to check: `huquq show ID` gives a subject's leading
    authorities in order, and a circumstance's question.
    """
    from kb.cite import pick
    from kb.index import stale_files
    from kb.search import Searcher

    sources, index_dir = resolve_sources(sources), index_dir or paths.index_dir()
    stale = stale_files(index_dir, sources) if sources.is_dir() else []
    if stale and not no_refresh:
        try:
            refresh_index(sources, index_dir)
            if stale != ["(no index)"]:
                click.echo(f"huquq: the index was out of date ({len(stale)} file(s) changed); updated it",
                           err=True)
        except Exception as e:  # the search can still answer from the old index
            if stale == ["(no index)"]:
                raise
            click.echo(f"huquq: the index is out of date and could not be updated ({e.__class__.__name__}); "
                       "results may be old. Run `huquq validate`.", err=True)
    elif stale and stale != ["(no index)"]:
        click.echo(f"huquq: warning: the index is out of date ({len(stale)} file(s) changed)", err=True)
    _check_names(index_dir, instrument=instrument, topic=topic)
    text = " ".join(query)
    searcher = Searcher(index_dir)
    try:
        hits = searcher.search(text, lang=lang, jurisdiction=jurisdiction, instrument=instrument, topic=topic,
                               kind=kind, in_force_on=date_type(in_force_on), limit=limit, site_url=site_url)
        # The topics and circumstances the words name, as on the Search page: their pages (and `huquq show
        # ID`) give a subject's leading authorities in the order a lawyer cites them.
        named = [] if as_json or not hits or hits[0].exact else searcher.subjects(text)
    finally:
        searcher.close()
    if as_json:
        click.echo(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no results", err=True)
        return
    for subject in named:
        # The circumstance guessed from a story's words is offered as a guess (kb.subjects.shown).
        kind = "Perhaps this circumstance" if subject.get("told") else subject["kind"].capitalize()
        click.echo(f"{kind}: {pick(subject['title'], lang)} (huquq show {subject['id']})")
    if named:
        click.echo()
    for number, hit in enumerate(hits, 1):
        mark = " (exact citation)" if hit.exact else ""
        flag = "" if hit.verification != "unverified" else "  [unverified]"
        title = f" — {hit.title}" if hit.title else ""
        click.echo(f"{number:>2}. {hit.citation}{title}{mark}{flag}")
        if hit.snippet:
            click.echo(f"    {hit.snippet}")
        click.echo(f"    {hit.url}")


def _check_names(index_dir: Path, **given: str | None) -> None:
    """An unknown --instrument or --topic is a usage error (exit 2) naming the nearest ids, not "no results"."""
    from kb.index import CATALOG
    from kb.validate import nearest

    try:
        catalog = json.loads((Path(index_dir) / CATALOG).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # the search itself says what is wrong with the index
    for option, value in given.items():
        known = catalog.get(f"{option}s", {})
        if value and value not in known:
            hint = nearest(value, known) or f"; one of: {', '.join(sorted(known))}"
            raise click.BadParameter(f"unknown {option} {value!r}{hint}", param_hint=f"--{option}")


@click.command()
@click.argument("record_id")
@sources_option
@click.option("--on", "on", metavar="DATE", help="Show the wording in force on DATE (YYYY-MM-DD).")
@click.option("--lang", type=click.Choice(["en", "ru", "tg"]), default="en", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@report_errors
def show(record_id, sources, on, lang, as_json):
    """Show one provision, instrument, case, topic or circumstance by id (e.g. iccpr/9, cat, toonen-v-australia,
    family-not-informed)."""
    from kb.load import load_corpus
    from .show import describe, record_json

    corpus = load_corpus(resolve_sources(sources), cache_dir=paths.parse_cache())
    record = corpus.get(record_id)
    if record is None:
        raise InputError(f"huquq: no provision, instrument, case, topic or notice with id {record_id!r}")
    day = date_type(on)
    if as_json:
        click.echo(json.dumps(record_json(corpus, record, day), ensure_ascii=False, indent=2))
    else:
        click.echo(describe(corpus, record, day, lang))


COMMANDS = [index_command, search, show]
