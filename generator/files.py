"""Writing files so that a failure or an interruption never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable


def write_atomically(output: Path, write: Callable[[str], None], suffix: str = "") -> None:
    """Call ``write(tmp_path)`` for a temporary file beside ``output``, then rename it into place.

    The rename is atomic on one file system: readers see the old file or the
    new one, never a mix, and an interrupted run leaves the old file intact.
    """
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".huquq-", suffix=suffix, dir=str(output.parent))
    os.close(handle)
    try:
        write(tmp)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomically(output: Path, text: str) -> None:
    write_atomically(output, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"), suffix=".yaml")


def save_document(document, output: Path) -> None:
    """Save a python-docx document atomically: never a half-written file."""
    write_atomically(output, document.save, suffix=".docx")
