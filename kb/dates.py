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


MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    # Russian: the genitive after a day ("6 ноября"), the nominative for a month alone ("ноябрь").
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "ru-alone": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                 "октябрь", "ноябрь", "декабрь"),
    # Tajik: the month takes the ezafe before the year ("6 ноябри 2003").
    "tg": ("январи", "феврали", "марти", "апрели", "майи", "июни", "июли", "августи", "сентябри",
           "октябри", "ноябри", "декабри"),
}


def human(partial: str | None, lang: str = "en") -> str:
    """A date as far as it is known, as a reader of ``lang`` writes it: "6 November 2003",
    "6 ноября 2003 г.", "6 ноябри 2003"; "November 2003"; "2003" ("соли 2003")."""
    if not partial:
        return ""
    match = _PARTIAL.match(str(partial).strip())
    if not match:
        return str(partial)
    year, month, day = match.groups()
    if not month:
        return {"ru": f"{year} г.", "tg": f"соли {year}"}.get(lang, year)
    if lang == "ru":
        name = MONTHS["ru" if day else "ru-alone"][int(month) - 1]
    else:
        name = MONTHS.get(lang, MONTHS["en"])[int(month) - 1]
    text = f"{int(day)} {name} {year}" if day else f"{name} {year}"
    return f"{text} г." if lang == "ru" else text
