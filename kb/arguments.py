"""A circumstance's argument and requests: small Jinja templates over the values of a matter.

Maintainers write them in ``legal_sources/circumstances/*.yaml``, e.g. "held for {{ hours }} hours".
They run sandboxed (no attribute access beyond plain values) with undefined names an error, and
``template_problems`` renders each with sample values at validation time, so that a broken template is
reported at its file and line, never met for the first time in a client's memo.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from typing import Any

from jinja2 import StrictUndefined, TemplateError, meta
from jinja2.sandbox import SandboxedEnvironment

from .models import Circumstance, ValueSpec

_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True)
# Names every template may use besides the circumstance's own values.
GIVEN = ("matter_date",)


@functools.lru_cache(maxsize=2048)
def _parsed(template: str):
    return _ENV.parse(template)


def parse(template: str):
    """The template's Jinja syntax tree (the site shows it as text: generator.site.outline)."""
    return _parsed(template)


@functools.lru_cache(maxsize=2048)
def _compiled(template: str):
    # Validation renders each template with every sample answer: parse and compile it once.
    return _ENV.from_string(_parsed(template))


def render_text(template: str, values: dict[str, Any], matter_date: dt.date) -> str:
    """The template filled in, as one line of text (a template's own line breaks are spaces)."""
    text = _compiled(template).render(**values, matter_date=matter_date)
    return " ".join(text.split())


def templates_of(circumstance: Circumstance) -> list[tuple[str, str]]:
    """(where, template) for its argument and every request, in every language."""
    found = [(f"argument.{lang}", text) for lang, text in circumstance.argument.items()]
    for lang, items in circumstance.request.items():
        found += [(f"request.{lang}[{number}]", text) for number, text in enumerate(items)]
    return found


def _samples(spec: ValueSpec) -> list[Any]:
    if spec.type == "integer":
        return [int(spec.min if spec.min is not None else 1), int(spec.max if spec.max is not None else 100)]
    if spec.type == "number":
        return [float(spec.min if spec.min is not None else 0.5)]
    if spec.type == "boolean":
        return [True, False]
    if spec.type == "date":
        return ["2014-06-10"]
    if spec.type == "choice":
        return [choice.id for choice in spec.choices]
    return ["sample text"]


def sample_answers(circumstance: Circumstance) -> list[dict[str, Any]]:
    """Answers a template must cope with: each choice and each yes/no, and optional values left out."""
    answers = []
    columns = [_samples(spec) for spec in circumstance.values]
    # Every combination is few (a circumstance has two or three values); cap it all the same.
    for combination in itertools.islice(itertools.product(*columns), 64):
        answers.append(dict(zip((spec.id for spec in circumstance.values), combination)))
    answers.append({spec.id: (_samples(spec)[0] if spec.required else None) for spec in circumstance.values})
    return answers or [{}]


def template_problems(circumstance: Circumstance) -> list[str]:
    """What is wrong with its templates: syntax, unknown names, failures with sample answers, values
    asked for but never used."""
    problems: list[str] = []
    known = {spec.id for spec in circumstance.values} | set(GIVEN)
    used: set[str] = set()
    for where, text in templates_of(circumstance):
        try:
            names = meta.find_undeclared_variables(_parsed(text))
        except TemplateError as e:
            problems.append(f"{where}: template syntax error: {e}")
            continue
        used |= names
        unknown = sorted(names - known)
        if unknown:
            problems.append(f"{where}: uses {', '.join(unknown)}, which is not one of its values "
                            f"({', '.join(sorted(known - set(GIVEN))) or 'it has none'}) or matter_date")
            continue
        for answers in sample_answers(circumstance):
            try:
                render_text(text, answers, dt.date(2014, 6, 10))
            except (TemplateError, TypeError, ValueError) as e:
                shown = ", ".join(f"{k}={v!r}" for k, v in answers.items()) or "no values"
                problems.append(f"{where}: fails with {shown}: {e}")
                break
    for spec in circumstance.values:
        if spec.id not in used:
            problems.append(f"value {spec.id!r} is asked for but no argument or request uses it")
        if spec.type == "choice" and not spec.choices:
            problems.append(f"value {spec.id!r}: a choice needs choices")
        if spec.type != "choice" and spec.choices:
            problems.append(f"value {spec.id!r}: choices are only for type choice")
        if spec.type not in ("integer", "number") and (spec.min is not None or spec.max is not None):
            problems.append(f"value {spec.id!r}: min and max are only for numbers")
    return problems
