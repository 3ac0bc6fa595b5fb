"""Problems found in source or matter files, always with the file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class SourceError(Exception):
    """One or more problems in input files. ``str()`` lists them one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # raised in a child process (the site build), rebuilt in the parent
        return type(self), (self.problems,)

    @classmethod
    def at(cls, path: str | Path, line: int, message: str) -> "SourceError":
        return cls([Problem(str(path), line, message)])
