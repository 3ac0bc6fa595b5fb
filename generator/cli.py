"""The ``huquq`` command. It only parses arguments and calls the library.

Input problems are printed as ``path:line: message`` with exit status 1;
wrong usage exits with 2 (click's default). No traceback reaches the user.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from kb.errors import SourceError

from . import paths


class InputError(click.ClickException):
    """Bad input: printed as is, exit status 1."""

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


def report_errors(func):
    """Turn library errors into located messages and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except SourceError as e:
            raise InputError(str(e)) from e
        except (ValueError, FileExistsError, FileNotFoundError) as e:
            raise InputError(f"huquq: {e}") from e

    return wrapper


def sources_option(func):
    return click.option(
        "--sources", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Folder of YAML sources (default: HUQUQ_SOURCES, else the checkout's legal_sources/, or those the installed package carries).",
    )(func)


def resolve_sources(sources: Path | None) -> Path:
    return sources or paths.default_sources()


def progress(message: str) -> None:
    """Progress on standard error, only when a person is watching."""
    if sys.stderr.isatty():
        click.echo(f"\r\033[K{message}", err=True, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="huquq")
def cli() -> None:
    """huquq: Tajik and international human rights law as YAML, searchable, published as a
    site, and turned into Word memos and detention-rights notices."""


@cli.command()
@click.argument("matters", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@sources_option
@report_errors
def validate(matters: tuple[Path, ...], sources: Path | None) -> None:
    """Load and check every source file; list every problem with file and line.

    With MATTERS (matter files, as `huquq memo` reads them), check those against the sources instead.
    """
    from kb.load import check_sources

    corpus, problems = check_sources(resolve_sources(sources), progress=progress, cache_dir=paths.parse_cache())
    if sys.stderr.isatty():
        click.echo("\r\033[K", err=True, nl=False)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        raise InputError(f"{len(problems)} problem(s) found")
    if matters:
        _validate_matters(corpus, matters)
        return
    click.echo(
        f"ok: {len(corpus.instruments)} instruments, {len(corpus.provisions)} provisions, "
        f"{len(corpus.cases)} cases, {len(corpus.topics)} topics, {len(corpus.circumstances)} circumstances, "
        f"{len(corpus.notices)} notices"
    )


def _validate_matters(corpus, matters: tuple[Path, ...]) -> None:
    from generator.matter import load_matter

    problems = []
    for path in matters:
        try:
            load_matter(path, corpus, warn=lambda message: click.echo(message, err=True))
            click.echo(f"ok: {path}")
        except SourceError as e:
            problems += e.problems
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise InputError(f"{len(problems)} problem(s) found")


@cli.command()
@click.argument("kind", required=False,
                type=click.Choice(["instrument", "case", "topics", "notice", "circumstance", "interview", "matter"]))
@click.option("--write", "write_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write all schemas as <kind>.schema.json into this folder.")
def schema(kind: str | None, write_dir: Path | None) -> None:
    """Print the JSON Schema of a source file kind (all of them without KIND)."""
    from kb.schema import SCHEMAS, schema_json, write_schemas

    if write_dir:
        for path in write_schemas(write_dir):
            click.echo(f"wrote {path}")
        return
    for name in [kind] if kind else list(SCHEMAS):
        click.echo(schema_json(name), nl=False)


def _register_commands() -> None:
    """Commands living in their own modules (kept small)."""
    from . import cli_docs, cli_interview, cli_review, cli_search, cli_site, cli_sources  # noqa: F401

    for module in (cli_search, cli_site, cli_docs, cli_interview, cli_sources, cli_review):
        for command in module.COMMANDS:
            cli.add_command(command)


def main() -> None:
    from kb import load

    load.FREEZE_WHAT_IS_BUILT = True  # one command, one corpus: see kb.load.without_gc
    _register_commands()
    try:
        cli(prog_name="huquq")
    except KeyboardInterrupt:
        click.echo("huquq: interrupted; no output file was left half-written", err=True)
        sys.exit(130)
    except Exception as e:  # the last guard: never show a traceback to a user
        if os.environ.get("HUQUQ_DEBUG"):
            raise
        click.echo(f"huquq: internal error: {type(e).__name__}: {e}\n"
                   "Please report it (set HUQUQ_DEBUG=1 to see the details).", err=True)
        sys.exit(1)
