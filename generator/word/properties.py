"""What Word shows under File > Info: the document's own title, author, language and dates, not those of
the reference document it was made from (python-docx's default carries 2013 and "Styles for huquq")."""

from __future__ import annotations

import datetime as dt

def describe(document, *, title: str, author: str, language: str, subject: str = "") -> None:
    core = document.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    core.title, core.subject, core.author, core.last_modified_by = title, subject, author, author
    core.comments = core.keywords = core.category = ""
    core.language = language
    core.created = core.modified = now
    core.revision = 1
