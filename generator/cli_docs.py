"""``huquq memo`` and ``huquq notice``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from . import paths
from .cli import InputError, report_errors, resolve_sources, sources_option


def _check_output(output: Path, force: bool) -> None:
    if output.exists() and not force:
        raise InputError(f"huquq: {output} exists; use --force to overwrite it")


template_option = click.option("--template", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                               help="Reference .docx with the organisation's styles, header and footer.")


@click.command()
@click.argument("matter", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="The .docx to write.")
@sources_option
@click.option("--plan", "show_plan", is_flag=True, help="Print what the memo would cite, as JSON; write nothing.")
@click.option("--strict", is_flag=True, help="Refuse to write a memo that cites an unverified provision.")
@template_option
@click.option("--site-url", help="Link each footnote to the provision's page on this site.")
@click.option("--redact", is_flag=True, help="Replace the client's name with initials.")
@click.option("--org", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="YAML with the organisation's name (printed in the page header; see examples/organisation.yaml).")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@report_errors
def memo(matter, output, sources, show_plan, strict, template, site_url, redact, org, force):
    """Write the legal grounding memo for a MATTER file (YAML; see examples/matters/, `huquq schema
    matter`, or let `huquq interview` write one).

    Per issue, the memo cites the leading authorities of the matter's circumstances (or of the topic),
    then at most three more provisions that the search finds closest to the facts; everything else
    on those issues goes to a one-line-each annex. --plan shows what brought each authority.
    """
    from kb.load import load_corpus
    from .matter import load_matter
    from .memo import plan_json, plan_memo, render_memo
    from .notice import load_org

    sources = resolve_sources(sources)
    corpus = load_corpus(sources, cache_dir=paths.parse_cache())
    loaded = load_matter(matter, corpus, warn=lambda message: click.echo(message, err=True))
    plan = plan_memo(corpus, loaded, rank=facts_ranker(corpus, sources))
    summary = plan_json(corpus, plan)
    if show_plan:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    if output is None:
        raise click.UsageError("give -o FILE.docx (or --plan to see what would be cited)")
    if strict and summary["unverified"]:
        raise InputError(f"huquq: --strict: the memo would cite {len(summary['unverified'])} unverified "
                         f"record(s): {', '.join(summary['unverified'])}")
    _check_output(output, force)
    render_memo(corpus, loaded, plan, output, template=template, site_url=site_url, redact=redact,
                org=load_org(org) if org else None)
    click.echo(f"wrote {output}: {len(summary['provisions'])} provisions, {len(summary['cases'])} cases, "
               f"{len(summary['unverified'])} unverified (see its verification table)")


def facts_ranker(corpus, sources: Path, index_dir: Path | None = None):
    """The search's ranking of a topic's provisions against a matter's facts, from the index (built or
    brought up to date first); None where no index can be had."""
    from kb.index import stale_files, update_index
    from kb.search import Searcher

    index_dir = index_dir or paths.index_dir()
    try:
        if stale_files(index_dir, sources, corpus.file_hashes):
            update_index(corpus, sources, index_dir)
        searcher = Searcher(index_dir)
    except OSError as e:
        click.echo(f"huquq: warning: no search index ({e.strerror}); the memo cites no provisions chosen "
                   "by the facts", err=True)
        return None
    return searcher.rank_facts


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@sources_option
@click.option("--lang", "langs", default="tg,ru,en", show_default=True,
              help="Languages, one A4 page each, in this order.")
@click.option("--org", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="YAML with the organisation's name, phone, address, hours (see examples/organisation.yaml).")
@template_option
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@report_errors
def notice(output, sources, langs, org, template, force):
    """Write the detention-rights notice (one page per language).

    A right is printed when a confirmed international provision binding on or addressed to Tajikistan
    supports it; its confirmed Tajik provisions are cited with it. A right without such a basis is left
    out, and said so here.
    """
    from kb.load import load_corpus
    from .notice import load_org, parse_langs, render_notice

    languages = parse_langs(langs)
    corpus = load_corpus(resolve_sources(sources), cache_dir=paths.parse_cache())
    _check_output(output, force)
    left_out = render_notice(corpus, output, languages, org=load_org(org) if org else None,
                             template=template)
    click.echo(f"wrote {output}: {len(languages)} page(s)")
    if left_out:
        click.echo(f"left out {len(left_out)} right(s) with no confirmed international basis "
                   f"({', '.join(left_out)}); see `huquq show detention-rights`", err=True)


COMMANDS = [memo, notice]
