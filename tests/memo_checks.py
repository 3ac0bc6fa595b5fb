"""Reading a memo back: does it cite the authorities a lawyer would expect?"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx import Document

from kb.cite import pick, unit
from kb.ids import parse_citation


def memo_text(path: Path) -> str:
    """Body, tables and footnotes of a .docx, as one text."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" in z.namelist():
            xml = z.read("word/footnotes.xml").decode("utf-8")
            parts += re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)
    return "\n".join(parts)


def missing_authorities(path: Path, corpus, expected: list[str], lang: str) -> list[str]:
    """Those of ``expected`` (ids with pinpoints, e.g. "iccpr/9(3)", or case ids) the memo does not cite:
    an authority is cited when its instrument's name and its article (with the pinpoint) are in the memo,
    or a case's name is."""
    text = memo_text(path)
    missing = []
    for item in expected:
        if item in corpus.cases:
            if pick(corpus.cases[item].title, lang) not in text:
                missing.append(item)
            continue
        pid, pinpoint = parse_citation(item)
        provision = corpus.provisions[pid]
        instrument = corpus.instruments[provision.instrument_id]
        names = {pick(instrument.title, lang), pick(instrument.short_title, lang)}
        where = f"{unit(instrument, lang)} {provision.label}{pinpoint}"
        if where not in text or not any(name and name in text for name in names):
            missing.append(item)
    return missing
