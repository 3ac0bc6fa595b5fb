"""The Jinja environment shared by site pages and Word documents."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from kb.errors import SourceError
from kb.load import display_path

from . import paths

LANG_NAMES = {"en": "English", "ru": "Русский", "tg": "Тоҷикӣ"}


def paragraphs(text: str | None) -> list[str]:
    """Split a text into paragraphs at blank lines (single newlines are kept inside)."""
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def environment(folder: Path, autoescape: bool, finalize=None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        finalize=finalize,
    )
    env.filters["paras"] = paragraphs
    env.globals["lang_names"] = LANG_NAMES
    return env


def render(env: jinja2.Environment, name: str, **context) -> str:
    """Render a template; a broken one is reported at its file and line, naming what went wrong.

    Organisations edit these templates: an error in one is bad input, not a crash.
    """
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as e:
        raise SourceError.at(display_path(Path(e.filename)) if e.filename else name, e.lineno or 1,
                             f"template syntax error: {e.message}") from None
    except Exception as e:
        where = _template_frame(e.__traceback__)
        if where is None:
            raise
        message = getattr(e, "message", None) or str(e)
        raise SourceError.at(display_path(Path(where[0])), where[1],
                             f"template error: {message} (a variable or field the template uses)") from None


def _template_frame(tb) -> tuple[str, int] | None:
    """The innermost traceback frame inside a template file (Jinja maps them to template lines)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def site_environment() -> jinja2.Environment:
    return environment(paths.TEMPLATES / "site", autoescape=True)
