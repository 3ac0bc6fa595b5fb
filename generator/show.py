"""Text and JSON views of one record, for ``huquq show``."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from kb.cite import cite_provision, pick, pick_lang
from kb.dates import human
from kb.models import Case, Circumstance, Corpus, Instrument, Provision, Topic

from .interview import Words


def record_json(corpus: Corpus, record: Any, on: dt.date | None) -> dict:
    data = asdict(record)
    data["type"] = type(record).__name__.lower()
    if isinstance(record, Provision):
        data["id"] = record.id
        wording = record.wording_on(on) if on else record.wording
        data["wording_shown"] = asdict(wording) if wording else None
        data["related_both_ways"] = corpus.related_to(record.id)
        data["cases"] = [c.id for c in corpus.cases_applying(record.id)]
    return data


def describe(corpus: Corpus, record: Any, on: dt.date | None, lang: str) -> str:
    if isinstance(record, Provision):
        return _provision(corpus, record, on, lang)
    if isinstance(record, Instrument):
        words = Words(lang)
        start = human(record.in_force_from, lang) if record.in_force_from else words("date.unknown")
        end = human(record.in_force_to, lang) if record.in_force_to else words("date.today")
        lines = [pick(record.title, lang), f"{record.kind}, {record.jurisdiction}; {words('date.in_force')}: {start} – {end}"]
        lines += [f"  {cite_provision(record, corpus.provisions[pid], lang)}  {pick(corpus.provisions[pid].title, lang)}"
                  for pid in record.provision_ids]
        return "\n".join(lines)
    if isinstance(record, Case):
        return "\n".join([pick(record.title, lang), f"{record.body.upper()} {record.number}, {record.date}",
                          pick(record.summary, lang), f"verification: {record.verification.status}"])
    if isinstance(record, Topic):
        return "\n".join([pick(record.label, lang), pick(record.description, lang), "", pick(record.argument, lang)])
    if isinstance(record, Circumstance):
        # What a volunteer asks, what it means, and the law a memo cites for it, in that order.
        lines = [pick(record.title, lang), pick(record.question, lang), pick(record.explanation, lang), ""]
        return "\n".join(lines + [_leading(corpus, entry, lang) for entry in record.leading])
    return pick(getattr(record, "title", {}), lang) or str(record)


def _leading(corpus: Corpus, entry: str, lang: str) -> str:
    """One leading authority of a circumstance: its citation (with the pinpoint) and title."""
    kind, record_id, pinpoint = corpus.authority(entry)
    if kind == "case":
        return f"  {pick(corpus.cases[record_id].title, lang)}"
    provision = corpus.provisions[record_id]
    cited = cite_provision(corpus.instrument_of(provision), provision, lang)
    return f"  {cited}{pinpoint}  {pick(provision.title, lang)}"


def _provision(corpus: Corpus, provision: Provision, on: dt.date | None, lang: str) -> str:
    instrument = corpus.instrument_of(provision)
    wording = provision.wording_on(on) if on else provision.wording
    lines = [f"{cite_provision(instrument, provision, lang)} — {pick(provision.title, lang)}"]
    if wording is None:
        lines.append(f"not in force on {on.isoformat()}")
        return "\n".join(lines)
    words = Words(lang)
    start = wording.in_force_from or instrument.in_force_from
    end = wording.in_force_to or instrument.in_force_to
    span = (f"{human(start, lang) if start else words('date.unknown')} – "
            f"{human(end, lang) if end else words('date.today')}")
    lines.append(f"{words('date.in_force')}: {span}")
    lines += ["", pick(wording.summary, lang)]
    # The text in the reader's language, else in the language read next, saying which.
    text_lang = pick_lang(wording.texts, lang)
    if text_lang:
        heading = words("provision.text_in")
        if text_lang != lang:
            heading += f" ({words('language.in.' + text_lang)}; {words('provision.only_in').lower()})"
        lines += ["", heading + ":", wording.texts[text_lang].content]
    lines += ["", f"verification: {provision.verification.status}"
              + (f" — {provision.verification.note_in(lang)}" if provision.verification.note else "")]
    lines += [f"source: {s.title} {s.url or ''}".rstrip() for s in provision.sources]
    return "\n".join(lines)
