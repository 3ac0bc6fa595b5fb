"""Where things are: the project's files (templates, the site's configuration, the legal sources), the
build folder, and the search index and parse cache.

In a checkout the project's files are the checkout's own. An installed wheel carries a copy of them in
``generator/share/`` (see setup.py), so that ``pip install huquq`` works without the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _is_checkout(folder: Path) -> bool:
    return (folder / "pyproject.toml").is_file() and (folder / "mkdocs.yml").is_file()


IN_CHECKOUT = _is_checkout(PACKAGE.parent)
#: The folder holding templates/, legal_sources/, docs/, overrides/, examples/ and mkdocs.yml.
HOME = PACKAGE.parent if IN_CHECKOUT else PACKAGE / "share"
TEMPLATES = HOME / "templates"


def default_sources() -> Path:
    """``HUQUQ_SOURCES``, else the project's ``legal_sources/`` (the checkout's, or those the installed
    wheel was built with)."""
    if os.environ.get("HUQUQ_SOURCES"):
        return Path(os.environ["HUQUQ_SOURCES"])
    return HOME / "legal_sources"


def default_build() -> Path:
    """Where `huquq build` writes and `huquq serve` looks: ``HUQUQ_BUILD``, else the checkout's build/,
    else build/ in the current folder."""
    if os.environ.get("HUQUQ_BUILD"):
        return Path(os.environ["HUQUQ_BUILD"])
    return HOME / "build" if IN_CHECKOUT else Path("build")


def work_dir() -> Path:
    """The search index and the parse cache (public law only, never client data): ``HUQUQ_BUILD``, else
    the checkout's build/, else the user's cache folder, so that `huquq memo` or `huquq interview` run
    in any folder leave nothing there but what they were asked to write."""
    if os.environ.get("HUQUQ_BUILD") or IN_CHECKOUT:
        return default_build()
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "huquq"


def index_dir() -> Path:
    return work_dir() / "index"


def parse_cache() -> Path:
    """Parsed source files, reused while their bytes are unchanged (see kb.parsecache)."""
    return work_dir() / "cache"
