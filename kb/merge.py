"""Merging imported articles into an instrument's source data.

Works on the plain data of one instrument file (dicts and lists, as
``kb.canonical.plain`` gives them) so that the result can be written back
in canonical form. An article either becomes a new provision, adds a
language to a provision, records a new wording (with ``in_force_from``),
or is unchanged; a different text for a wording that already has one is a
conflict, reported and not applied: correcting a text is a reviewed edit,
not an import.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import in_range, parse_date
from .ids import natural_key, provision_id
from .textimport import Article

IMPORT_NOTE = {
    "en": "Imported from an official text; not yet checked against it by a second person.",
    "ru": "Импортировано из официального текста; ещё не сверено с ним вторым человеком.",
}


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)        # new provisions
    languages: list[str] = field(default_factory=list)    # a text in a new language
    versions: list[str] = field(default_factory=list)     # a new wording from --in-force-from
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[tuple[Article, str]] = field(default_factory=list)
    needs_summary: list[str] = field(default_factory=list)


def _text(article: Article, kind: str, source: dict) -> dict:
    return {"kind": kind, "content": article.body, "source": dict(source)}


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def merge_articles(instrument: dict, articles: list[Article], lang: str, source: dict,
                   kind: str = "official", in_force_from: str | None = None) -> MergeReport:
    """Apply ``articles`` to ``instrument`` (changed in place) and say what changed."""
    report = MergeReport()
    provisions = instrument.setdefault("provisions", [])
    by_label = {str(p["label"]): p for p in provisions}
    for article in articles:
        pid = provision_id(instrument["id"], article.label)
        existing = by_label.get(article.label)
        if existing is None:
            record = _new_provision(article, lang, kind, source, in_force_from)
            provisions.append(record)
            by_label[article.label] = record
            report.added.append(pid)
            report.needs_summary.append(pid)
            continue
        outcome = _merge_into(existing, article, lang, kind, source, in_force_from)
        if outcome.startswith("conflict"):
            report.conflicts.append((article, outcome.split(":", 1)[1].strip()))
        else:
            getattr(report, outcome).append(pid)
            if outcome == "versions":
                report.needs_summary.append(pid)
        if article.title and lang not in existing.get("title", {}) and not outcome.startswith("conflict"):
            existing.setdefault("title", {})[lang] = article.title
    provisions.sort(key=lambda p: natural_key(str(p["label"])))
    return report


def _new_provision(article: Article, lang: str, kind: str, source: dict, in_force_from: str | None) -> dict:
    record: dict = {"label": article.label}
    if article.title:
        record["title"] = {lang: article.title}
    record["text"] = {lang: _text(article, kind, source)}
    if in_force_from:
        record["in_force_from"] = in_force_from
    record["verification"] = {"status": "unverified", "note": dict(IMPORT_NOTE)}
    record["sources"] = [dict(source)]
    return record


def _merge_into(record: dict, article: Article, lang: str, kind: str, source: dict,
                in_force_from: str | None) -> str:
    wording = _wording_at(record, in_force_from, lang, article.body)
    if wording is None:
        # A wording the file does not have yet: the text in force from that date.
        return _add_wording(record, article, lang, kind, source, in_force_from)
    texts = wording.setdefault("text", {})
    if lang not in texts:
        texts[lang] = _text(article, kind, source)
        _add_source(record, source)
        return "languages"
    if _same(texts[lang]["content"], article.body):
        return "unchanged"
    when = f" in force from {in_force_from}" if in_force_from else ""
    return (f"conflict: the {lang} text{when} differs from the one in the file; give --in-force-from DATE "
            "for an amendment, or correct the text in the file by hand for a review")


def _wording_at(record: dict, in_force_from: str | None, lang: str, body: str) -> dict | None:
    """The wording an import applies to, or None where the paste is a wording the file lacks.

    Without a date: the current wording. With one: the wording starting that day, else the
    wording in force that day unless its text in ``lang`` differs (then the paste is an amendment).
    """
    if in_force_from is None or record.get("in_force_from") == in_force_from:
        return record
    for version in record.get("versions", []):
        if version.get("in_force_from") == in_force_from:
            return version
    on = parse_date(in_force_from)
    for wording in (record, *record.get("versions", [])):
        if in_range(on, wording.get("in_force_from"), wording.get("in_force_to")):
            text = wording.get("text", {}).get(lang)
            return wording if text is None or _same(text["content"], body) else None
    return None


_WORDING_KEYS = ("in_force_from", "in_force_to", "amended_by", "summary", "text", "sources")


def _add_wording(record: dict, article: Article, lang: str, kind: str, source: dict, start: str) -> str:
    current_start = record.get("in_force_from")
    if not current_start:
        return ("conflict: the provision's current wording has no in_force_from, so it cannot be closed on "
                f"{start}; add its in_force_from to the file first")
    new_text = {lang: _text(article, kind, source)}
    versions = record.setdefault("versions", [])
    if parse_date(start) < parse_date(current_start):
        # An older wording: it ran until the current one began.
        versions.append({"in_force_from": start, "in_force_to": current_start, "text": new_text,
                         "sources": [dict(source)]})
    else:
        # A newer wording: the current one becomes a version that ended on ``start``.
        old = {k: record.pop(k) for k in _WORDING_KEYS if k != "sources" and k in record}
        old["in_force_to"] = start
        old["sources"] = [dict(s) for s in record.get("sources", [])] or [dict(source)]
        versions.insert(0, old)
        record.update({"in_force_from": start, "text": new_text})
        _add_source(record, source)
    versions.sort(key=lambda v: parse_date(v["in_force_from"]), reverse=True)
    return "versions"


def _add_source(record: dict, source: dict) -> None:
    sources = record.setdefault("sources", [])
    if source not in sources:
        sources.append(dict(source))
    if record.get("verification", {}).get("status") == "verified":
        # A checked provision with a new, unchecked text is no longer checked.
        record["verification"] = {"status": "unverified", "note": dict(IMPORT_NOTE)}
