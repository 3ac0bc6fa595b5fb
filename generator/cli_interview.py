"""``huquq interview``: what happened, asked one question at a time in Tajik, Russian or English, written
as a matter file that validates; then, if wanted, the memo and the notice.

Prompts are click's; the checking is ours (``generator.interview``) so that a bad answer is asked again
with the reason in the reader's language. Ctrl-C (or the end of input) stops with nothing written.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any, Callable

import click

from kb.cite import pick
from kb.dates import human

from . import paths
from .cli import report_errors, resolve_sources, sources_option
from .interview import (
    AnswerError, Answers, Words, asked, matter_data, matter_yaml, parse_date, parse_value,
    parse_yes_no, question_text, sections,
)


class Stop(Exception):
    """The reader stopped (Ctrl-C or the end of input)."""


class Prompter:
    """Questions on the terminal, each asked again until its answer can be taken."""

    def __init__(self, words: Words):
        self.words = words

    def line(self, label: str) -> str:
        try:
            return click.prompt(label, default="", show_default=False, prompt_suffix=": ")
        except click.Abort:
            raise Stop from None

    def explain(self, text: str) -> None:
        if text:
            click.secho("  " + " ".join(text.split()), dim=True)

    def ask(self, label: str, parse: Callable[[str], Any], optional: bool = False) -> Any:
        suffix = f" ({self.words('interview.optional')})" if optional else ""
        while True:
            raw = self.line(label + suffix)
            if not raw.strip():
                if optional:
                    return None
                click.secho("  " + self.words("interview.error.required"), fg="red")
                continue
            try:
                return parse(raw)
            except AnswerError as e:
                click.secho(f"  {e}", fg="red")

    def yes_no(self, label: str, default: bool | None = None, optional: bool = False) -> bool | None:
        """y/n (д/н, ҳ/н); Enter gives ``default``, or None when the answer is ``optional``."""
        hint = self.words("interview.yes_no")
        if optional:
            hint += ", " + self.words("interview.optional")
        while True:
            raw = self.line(f"{label} [{hint}]")
            if not raw.strip() and (default is not None or optional):
                return default
            try:
                return parse_yes_no(raw, self.words)
            except AnswerError as e:
                click.secho(f"  {e}", fg="red")

    def paragraph(self, label: str) -> str | None:
        """Several lines, ended by an empty one."""
        click.secho("  " + self.words("interview.facts_hint"), dim=True)
        lines = []
        while True:
            raw = self.line(label if not lines else "…")
            if not raw.strip():
                return "\n".join(lines) or None
            lines.append(raw.strip())


def run_interview(corpus, lang: str, today: dt.date | None = None) -> Answers:
    """Ask everything, in the interview's order; return the answers (nothing is written here)."""
    words = Words(lang)
    ask = Prompter(words)
    answers = Answers(lang=lang)
    interview = corpus.interview
    click.echo()
    click.secho(words("interview.about"), bold=True)
    for question in interview.matter:
        text, explanation = question_text(question, lang)
        ask.explain(explanation)
        if question.id == "date":
            text = f"{text} ({words('interview.date_hint')})"
            answers.matter["date"] = ask.ask(text, lambda raw: parse_date(raw, words, today))
        elif question.id == "facts":
            answers.matter["facts"] = ask.paragraph(text)
        else:
            answers.matter[question.id] = ask.ask(text, str.strip, optional=True)
    click.echo()
    click.secho(words("interview.gates"), bold=True)
    for gate in interview.gates:
        text, explanation = question_text(gate, lang)
        ask.explain(explanation)
        answers.gates[gate.id] = ask.yes_no(text)
    for section in sections(corpus):
        if not asked(section, answers.gates):
            continue
        click.echo()
        click.secho(pick(section.title, lang), bold=True)
        for cid in section.circumstances:
            circumstance = corpus.circumstances[cid]
            text, explanation = question_text(circumstance, lang)
            ask.explain(explanation)
            if not ask.yes_no(text):
                continue
            answers.circumstances[cid] = {spec.id: ask_value(ask, spec, lang) for spec in circumstance.values}
    return answers


def ask_value(ask: Prompter, spec, lang: str) -> Any:
    text, explanation = question_text(spec, lang)
    ask.explain(explanation)
    words = ask.words
    if spec.type == "boolean":
        return ask.yes_no(text, optional=not spec.required)
    if spec.type == "choice":
        for number, choice in enumerate(spec.choices, 1):
            click.echo(f"  {number}. {pick(choice.label, lang)}")
        text = f"{text} ({words('interview.choose').rstrip('.')})"
    if spec.type == "date":
        text = f"{text} ({words('interview.date_hint')})"
    return ask.ask(text, lambda raw: parse_value(spec, raw, words), optional=not spec.required)


def show_summary(answers: Answers, data: dict, corpus, words: Words) -> None:
    click.echo()
    click.secho(words("interview.summary"), bold=True)
    for key in ("title", "date", "place", "prepared_by", "client"):
        if data.get(key):
            shown = human(data[key], answers.lang) if key == "date" else data[key]
            click.echo(f"  {words('interview.field.' + key)}: {shown}")
    if data.get("facts"):
        click.echo(f"  {words('interview.field.facts')}:")
        for line in str(data["facts"]).splitlines():
            click.echo(f"    {line}")
    click.echo(f"  {words('interview.field.circumstances')}:")
    for cid, values in answers.circumstances.items():
        circumstance = corpus.circumstances[cid]
        click.echo(f"    • {pick(circumstance.title, answers.lang)}")
        for spec in circumstance.values:
            value = values.get(spec.id)
            if value is None:
                continue
            shown = value
            if spec.type == "boolean":
                shown = words("interview.yes" if value else "interview.no")
            elif spec.type == "choice":
                shown = pick(next(c.label for c in spec.choices if c.id == value), answers.lang)
            click.echo(f"        {pick(spec.question, answers.lang)} — {shown}")


def write_matter(data: dict, output: Path, corpus) -> None:
    """Write the matter file only if it validates (checked in the temporary file before the rename)."""
    from .files import write_atomically
    from .matter import load_matter

    text = matter_yaml(data)

    def write(tmp: str) -> None:
        Path(tmp).write_text(text, encoding="utf-8")
        load_matter(Path(tmp), corpus)

    write_atomically(output, write, suffix=".yaml")


def choose_output(ask: Prompter, output: Path | None, data: dict) -> Path:
    words = ask.words
    if output is None:
        default = Path(f"matter-{data['date']}.yaml")
        raw = ask.line(f"{words('interview.file')} [{default}]")
        output = Path(raw.strip()) if raw.strip() else default
    while output.exists() and not ask.yes_no(words("interview.exists", path=output), default=False):
        raw = ask.line(words("interview.file"))
        if raw.strip():
            output = Path(raw.strip())
    return output


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The matter file to write (asked at the end if not given).")
@click.option("--lang", type=click.Choice(["tg", "ru", "en"]),
              help="The language of the questions (asked first if not given), and of the memo.")
@click.option("--memo", "make_docs", flag_value=True, default=None,
              help="Make the memo and the notice without asking.")
@click.option("--no-memo", "make_docs", flag_value=False, help="Only write the matter file.")
@sources_option
@report_errors
def interview(output, lang, make_docs, sources):
    """Ask what happened and write a matter file for `huquq memo`; no YAML to write.

    Questions come one at a time (the date, the place, a title, the facts, the client, who prepares the memo,
    then what happened), skipping those that cannot apply; a bad answer is asked again with the
    reason. At the end: a summary to confirm, the matter file, and, if wanted, the memo and the
    detention-rights notice beside it. Ctrl-C stops with nothing written.
    """
    from kb.load import load_corpus

    sources = resolve_sources(sources)
    corpus = load_corpus(sources, cache_dir=paths.parse_cache())
    if corpus.interview is None:
        raise click.ClickException(f"{sources}: no interview.yaml; the interview needs its questions")
    try:
        lang = lang or choose_language()
        words = Words(lang)
        ask = Prompter(words)
        click.echo()
        click.echo(words("interview.intro"))
        while True:
            answers = run_interview(corpus, lang)
            if answers.circumstances:
                break
            click.echo()
            click.echo(words("interview.nothing_happened"))
            if not ask.yes_no(words("interview.again"), default=True):
                click.echo(words("interview.not_written"))
                return
        data = matter_data(answers, corpus)
        show_summary(answers, data, corpus, words)
        click.echo()
        if not ask.yes_no(words("interview.write"), default=True):
            click.echo(words("interview.not_written"))
            return
        output = choose_output(ask, output, data)
        write_matter(data, output, corpus)
        click.echo(words("interview.written", path=output))
        if make_docs is None:
            make_docs = ask.yes_no(words("interview.make_docs"), default=True)
    except Stop:
        click.echo()
        click.echo(Words(lang or "ru")("interview.stopped"), err=True)
        sys.exit(130)
    if not make_docs:
        click.echo(words("interview.later", path=output))
        return
    click.echo(words("interview.making"))
    memo_path, notice_path = make_documents(corpus, sources, output, lang)
    click.echo(words("interview.memo_done", path=memo_path))
    click.echo(words("interview.notice_done", path=notice_path))


def choose_language() -> str:
    while True:
        try:
            raw = click.prompt("Забон / Язык / Language (tg, ru, en)", default="ru", prompt_suffix=": ")
        except click.Abort:
            raise Stop from None
        choice = raw.strip().lower()
        if choice in ("tg", "ru", "en"):
            return choice
        click.secho("  tg, ru, en", fg="red")


def make_documents(corpus, sources: Path, matter_path: Path, lang: str) -> tuple[Path, Path]:
    """The memo and the notice beside the matter file (MATTER-memo.docx, MATTER-notice.docx); an existing
    file is replaced only by a complete new one."""
    from .cli_docs import facts_ranker
    from .matter import load_matter
    from .memo import plan_memo, render_memo
    from .notice import notice_order, render_notice

    matter = load_matter(matter_path, corpus)
    memo_path = matter_path.with_name(matter_path.stem + "-memo.docx")
    notice_path = matter_path.with_name(matter_path.stem + "-notice.docx")
    render_memo(corpus, matter, plan_memo(corpus, matter, facts_ranker(corpus, sources)), memo_path)
    render_notice(corpus, notice_path, notice_order(lang))
    return memo_path, notice_path


COMMANDS = [interview]
