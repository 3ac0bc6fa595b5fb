"""The Jinja environment shared by site pages and Word documents."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

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


def site_environment() -> jinja2.Environment:
    return environment(paths.TEMPLATES / "site", autoescape=True)
