"""Commands for maintainers: ``huquq fmt``, ``huquq import`` and ``huquq new``.

Each command that changes a source file writes it in canonical form,
atomically, then validates the whole corpus; if the change made anything
invalid, the file is put back as it was and the problems are reported.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

import click

from kb.canonical import comment_lines, dump, plain, schema_comment
from kb.dates import parse_date
from kb.errors import Problem, SourceError
from kb.load import check_sources, display_path, source_files
from kb.merge import merge_articles
from kb.textimport import parse_articles
from kb.validate import missing_summary
from kb.yamlio import load_yaml, read_text

from . import paths
from .cli import InputError, report_errors, resolve_sources, sources_option
from .files import write_text_atomically
from .scaffold import new

FIX_COMMAND = "huquq fmt"


def canonical_text(path: Path, root: Path, kind: str) -> str:
    """The canonical form of one source file; ``SourceError`` if it cannot be read or would lose comments."""
    text = read_text(path)
    data = load_yaml(path, text)
    shown = display_path(path)
    lines = comment_lines(text)
    if lines:
        raise SourceError([Problem(shown, line, "a comment here would be lost by huquq fmt; move what it "
                                   "says into verification.maintainer_note (for maintainers) or "
                                   "notes (shown to readers)") for line in lines])
    return dump(plain(data), kind, schema_comment(path, root, kind))


@click.command("fmt")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Change nothing; fail with the diff if a file is not in canonical form.")
@sources_option
@report_errors
def fmt(files: tuple[Path, ...], check: bool, sources: Path | None) -> None:
    """Write every source file (or only FILES) in its canonical form (key order, quoting, line width,
    text blocks)."""
    root = resolve_sources(sources)
    problems: list[Problem] = []
    changed: list[str] = []
    chosen = {path.resolve() for path in files}
    for path, kind in source_files(root):
        if chosen and path.resolve() not in chosen:
            continue
        try:
            new_text = canonical_text(path, root, kind)
        except SourceError as e:
            problems += e.problems
            continue
        old_text = path.read_text(encoding="utf-8")
        if new_text == old_text:
            continue
        shown = display_path(path)
        changed.append(shown)
        if check:
            sys.stdout.writelines(difflib.unified_diff(
                old_text.splitlines(keepends=True), new_text.splitlines(keepends=True), shown, f"{shown} (canonical)"))
        else:
            write_text_atomically(path, new_text)
    for problem in problems:
        click.echo(str(problem), err=True)
    if check and changed:
        listed = ", ".join(changed[:10]) + (f" and {len(changed) - 10} more" if len(changed) > 10 else "")
        raise InputError(f"{len(changed)} file(s) not in canonical form (diff above): {listed}\n"
                         f"fix with: {FIX_COMMAND}" + (f" --sources {root}" if sources else ""))
    if problems:
        raise InputError(f"{len(problems)} problem(s); those files were left as they are")
    if not check:
        click.echo(f"fmt: {len(changed)} file(s) rewritten" if changed else "fmt: every file is in canonical form")


def fail(problems: list[Problem], summary: str) -> None:
    for problem in sorted(problems):
        click.echo(str(problem), err=True)
    raise InputError(summary)


def rewrite_and_validate(path: Path, root: Path, kind: str, data: dict, tolerate=None) -> list:
    """Write ``data`` to ``path`` in canonical form; undo and raise if the corpus no longer validates.

    ``tolerate(problem)`` names problems that do not undo the change (an imported article still waiting
    for its summaries); they are returned, for the command to say what is left to do.
    """
    before = path.read_bytes() if path.exists() else None
    write_text_atomically(path, dump(data, kind, schema_comment(path, root, kind)))
    _, problems = check_sources(root, cache_dir=paths.parse_cache())
    tolerated = [p for p in problems if tolerate and tolerate(p)]
    problems = [p for p in problems if p not in tolerated]
    if problems:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)
        for problem in sorted(problems):
            # Lines in the rewritten file no longer exist on disk: name the file only.
            where = problem.path if problem.path != display_path(path) else f"{problem.path} (not written)"
            click.echo(f"{where}: {problem.message}" if where != problem.path else str(problem), err=True)
        raise InputError(f"huquq: {display_path(path)} not written: the change would make the sources "
                         "invalid (above); nothing was changed")
    return tolerated


def instrument_path(root: Path, instrument_id: str, kind: str = "instrument") -> Path:
    """The source file of an instrument (or, with ``kind="case"``, of a case) named by its id."""
    for path, found in source_files(root):
        if found == kind and path.stem == instrument_id:
            return path
    if kind != "instrument":
        raise InputError(f"huquq: no {kind} {instrument_id!r} under {display_path(root)}")
    raise InputError(f"huquq: no instrument {instrument_id!r} under {display_path(root)}/instruments; "
                     f"create it first with: huquq new instrument --id {instrument_id}")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--instrument", "instrument_id", required=True, help="Id of the instrument the text belongs to.")
@click.option("--lang", required=True, type=click.Choice(["ru", "tg", "en"]), help="Language of the text.")
@click.option("--source-url", required=True, help="Address of the official text the paste was copied from.")
@click.option("--source-title", help="Title of that publication (default: the instrument's title).")
@click.option("--text-kind", type=click.Choice(["official", "transcription", "unofficial-translation"]),
              default="official", show_default=True, help="What the pasted text is.")
@click.option("--in-force-from", help="Date the pasted wording came into force: records it as a new version.")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@sources_option
@report_errors
def import_text(file: Path, instrument_id: str, lang: str, source_url: str, source_title: str | None,
                text_kind: str, in_force_from: str | None, dry_run: bool, sources: Path | None) -> None:
    """Turn an official text pasted as plain text (FILE) into provisions of an instrument.

    Article headings are recognised in Russian ("Статья 19. Title"), Tajik ("Моддаи 19.") and
    English ("Article 19"), also as Markdown headings, with labels like 143-1, 143(1) or 143¹.
    Nothing is written if any line cannot be read.
    """
    root = resolve_sources(sources)
    if in_force_from:
        parse_date(in_force_from)
    if not re.match(r"^https?://\S+$", source_url):
        raise InputError(f"huquq: --source-url {source_url!r} is not an http(s) address")
    articles, problems = parse_articles(read_text(file), lang, display_path(file))
    if problems:
        fail(problems, f"huquq: not imported: {len(problems)} problem(s) in {display_path(file)}; "
                       "nothing was written")
    path = instrument_path(root, instrument_id)
    data = plain(load_yaml(path))
    source = {"title": source_title or f"{data['title']['en']} ({lang} text)", "url": source_url}
    report = merge_articles(data, articles, lang, source, text_kind, in_force_from)
    if report.conflicts:
        fail([Problem(display_path(file), a.line, f"article {a.label}: {why}") for a, why in report.conflicts],
             "huquq: not imported: texts differ from those in the file; nothing was written")
    first = min(a.line for a in articles)
    if first > 1:
        click.echo(f"{display_path(file)}: lines 1-{first - 1}, before the first article heading, were not imported")
    for label, ids in (("added", report.added), ("text added in " + lang, report.languages),
                       ("new version", report.versions), ("unchanged", report.unchanged)):
        if ids:
            click.echo(f"{label} ({len(ids)}): {', '.join(ids)}")
    if dry_run:
        click.echo("dry run: nothing was written")
        return
    # Summaries are written after the texts are in: a provision of this instrument still without them
    # does not undo the import (`huquq validate` fails until they are written).
    waiting = {missing_summary(f"{data['id']}/{p['label']}") for p in data.get("provisions", ())}
    rewrite_and_validate(path, root, "instrument", data,
                         tolerate=lambda problem: any(problem.message.startswith(w) for w in waiting))
    click.echo(f"wrote {display_path(path)}")
    if report.needs_summary:
        click.echo(f"to do: write summary.en and summary.ru (your own words) for {len(report.needs_summary)} "
                   "provision(s): `huquq validate` fails until they are there; then have a second person "
                   "check the texts before marking them verified")


COMMANDS = [fmt, import_text, new]
