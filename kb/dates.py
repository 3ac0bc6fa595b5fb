"""Dates as far as they are known: "1999", "1999-04" or "1999-04-04".

A year or a month alone stands for its first day, so that comparisons work;
the written form is kept for display.
"""

from __future__ import annotations

import datetime as dt
import re

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(text: str) -> dt.date:
    """Parse a partial date; ``ValueError`` says what was expected."""
    match = _PARTIAL.match(str(text).strip())
    if not match:
        raise ValueError(f"{text!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as e:
        raise ValueError(f"{text!r} is not a real date ({e})") from None


def in_range(on: dt.date, start: str | None, end: str | None) -> bool:
    """Whether ``on`` falls in [start, end): a wording stops applying on its end date."""
    if start and on < parse_date(start):
        return False
    if end and on >= parse_date(end):
        return False
    return True


def today() -> dt.date:
    return dt.date.today()
