"""Where things are: the checkout, its sources, templates and build folder."""

from __future__ import annotations

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
TEMPLATES = CHECKOUT / "templates"


def default_sources() -> Path:
    """``HUQUQ_SOURCES``, else the checkout's ``legal_sources/``, else ``./legal_sources``."""
    if os.environ.get("HUQUQ_SOURCES"):
        return Path(os.environ["HUQUQ_SOURCES"])
    if (CHECKOUT / "legal_sources").is_dir():
        return CHECKOUT / "legal_sources"
    return Path("legal_sources")


def default_build() -> Path:
    return Path(os.environ.get("HUQUQ_BUILD", "build"))


def parse_cache() -> Path:
    """Parsed source files, reused while their bytes are unchanged (see kb.parsecache)."""
    return default_build() / "cache"
