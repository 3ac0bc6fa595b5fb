"""A cache of parsed and schema-checked source files, keyed by their content.

Parsing YAML and checking it against the JSON Schema is most of the cost of
loading a large corpus; for a file whose bytes have not changed, the result
is the same. The cache keeps it (with its line numbers) under
``<cache>/<sha256>.<kind>.pickle``, tagged with a key of the schema and of
this format, so a changed schema or loader never reuses stale entries.

Only files that loaded without a problem are cached. The cache is written
by huquq itself under build/; like the rest of build/, it is trusted local
output, never input from a pull request.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from .schema import schema_json

FORMAT = "2"  # bump when what a cached file has been checked for changes


@lru_cache(maxsize=None)
def _tag(kind: str) -> str:
    return hashlib.sha256(f"{FORMAT}:{schema_json(kind)}".encode()).hexdigest()[:16]


def _path(cache_dir: Path, digest: str, kind: str) -> Path:
    return cache_dir / digest[:2] / f"{digest}.{kind}.{_tag(kind)}.pickle"


def get(cache_dir: Path | None, digest: str, kind: str) -> Any | None:
    if cache_dir is None:
        return None
    try:
        with open(_path(cache_dir, digest, kind), "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return None


def put(cache_dir: Path | None, digest: str, kind: str, data: Any) -> None:
    if cache_dir is None:
        return
    target = _path(cache_dir, digest, kind)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass  # a cache that cannot be written only costs time
