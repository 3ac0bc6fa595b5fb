"""The changelog of the law: ``CHANGES.md``, which the site shows as "recently added or amended".

Maintainers add a line with each pull request that changes ``legal_sources/``::

    ## 2026-11-28
    - added: iccpr-op1/1, iccpr-op1/2 — articles 1 and 2 of the First Optional Protocol
      ru: статьи 1 и 2 Первого факультативного протокола
      tg: моддаҳои 1 ва 2 Протоколи якуми факултативӣ
    - amended: tj-family-code/15 — the wording in force from 1 July 2016

Kinds: added, amended (the law changed), corrected (huquq's record was wrong). The ids must exist
(except for ``removed``); a test checks them against the corpus. The description is English; the lines
under it, indented, give it in Russian and Tajik for the site's readers of those languages (a reader
whose language is missing reads the one they read next).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .dates import parse_date
from .errors import Problem
from .models import Corpus

KINDS = ("added", "amended", "corrected", "removed")
_DATE = re.compile(r"^## (\d{4}-\d{2}-\d{2})\s*$")
_ENTRY = re.compile(rf"^- ({'|'.join(KINDS)}): (.+?) — (.+)$")
_TRANSLATION = re.compile(r"^  (ru|tg): (.+)$")


@dataclass
class Change:
    date: str
    kind: str
    ids: tuple[str, ...]
    text: dict[str, str]  # lang -> the description: English, and Russian and Tajik where given
    line: int


def read_changes(path: Path) -> tuple[list[Change], list[Problem]]:
    """The entries of a changelog, newest first as written, and the lines that are not entries."""
    changes: list[Change] = []
    problems: list[Problem] = []
    date = None
    entry = None  # the entry the lines under it translate
    if not path.exists():
        return changes, problems
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if match := _DATE.match(line):
            date, entry = match[1], None
            try:
                parse_date(date)
            except ValueError as e:
                problems.append(Problem(str(path), number, str(e)))
        elif line.startswith("- "):
            match = _ENTRY.match(line)
            if match is None or date is None:
                problems.append(Problem(str(path), number, "expected '- added|amended|corrected|removed: ids — what "
                                        "changed' under a '## YYYY-MM-DD' heading"))
                continue
            ids = tuple(i.strip() for i in match[2].split(","))
            entry = Change(date, match[1], ids, {"en": match[3].strip()}, number)
            changes.append(entry)
        elif line.startswith("  ") and line.strip():
            match = _TRANSLATION.match(line)
            if match is None or entry is None or match[1] in entry.text:
                problems.append(Problem(str(path), number, "expected '  ru: ...' or '  tg: ...' once each, indented "
                                        "by two spaces under an entry: the entry's description in that language"))
                continue
            entry.text[match[1]] = match[2].strip()
        elif not line.strip():
            entry = None
    return changes, problems


def check_changes(changes: list[Change], corpus: Corpus, path: str) -> list[Problem]:
    return [Problem(path, c.line, f"{i!r} is not in the sources; expected the id of a record")
            for c in changes if c.kind != "removed" for i in c.ids if corpus.get(i) is None]
