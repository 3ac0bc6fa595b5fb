"""Short citations as lawyers write them: "ICCPR, art. 9(3)", "МПГПП, ст. 9".

One place formats citations, for search results, site pages and memos alike.
"""

from __future__ import annotations

from .dates import human
from .models import FALLBACK, Case, Instrument, Provision

ARTICLE = {"en": "art.", "ru": "ст.", "tg": "м."}
PARAGRAPH = {"en": "para.", "ru": "п.", "tg": "б."}
PREAMBLE = {"en": "preamble", "ru": "преамбула", "tg": "муқаддима"}
PARAGRAPH_KINDS = {"general-comment", "concluding-observations", "report", "resolution"}


def pick_lang(texts: dict, lang: str) -> str | None:
    """The language of the text a reader of ``lang`` is shown (see ``FALLBACK``), or None."""
    return next((candidate for candidate in FALLBACK.get(lang, FALLBACK["en"]) if texts.get(candidate)), None)


def pick(texts: dict, lang: str, fallback: str = "") -> str:
    """The text in ``lang``, else in the language its reader reads next (Russian before English for a
    Tajik reader), else any language there is."""
    chosen = pick_lang(texts, lang)
    return texts[chosen] if chosen else fallback


def unit(instrument: Instrument, lang: str) -> str:
    if instrument.unit:
        return pick(instrument.unit, lang)
    table = PARAGRAPH if instrument.kind in PARAGRAPH_KINDS else ARTICLE
    return table.get(lang, table["en"])


def cite_provision(instrument: Instrument, provision: Provision, lang: str = "en", pinpoint: str = "") -> str:
    name = pick(instrument.short_title, lang)
    if provision.label == "preamble":
        return f"{name}, {PREAMBLE.get(lang, PREAMBLE['en'])}"
    return f"{name}, {unit(instrument, lang)} {provision.label}{pinpoint}"


PLURAL = {"art.": "arts", "para.": "paras", "principle": "principles", "guideline": "guidelines"}


def cite_many(items: list[tuple[Instrument, Provision, str]], lang: str = "en") -> str:
    """Several provisions, those of one instrument together: "CAT, arts 2, 13, 16; ICCPR, art. 7"."""
    groups: list[tuple[Instrument, list[str]]] = []
    for instrument, provision, pinpoint in items:
        label = provision.label + pinpoint
        if groups and groups[-1][0].id == instrument.id:
            groups[-1][1].append(label)
        else:
            groups.append((instrument, [label]))
    parts = []
    for instrument, labels in groups:
        name, word = pick(instrument.short_title, lang), unit(instrument, lang)
        if len(labels) > 1:
            word = PLURAL.get(word, word) if lang == "en" else word
        parts.append(f"{name}, {word} {', '.join(labels)}")
    return "; ".join(parts)


def cite_case(case: Case, lang: str = "en") -> str:
    parts = [pick(case.title, lang)]
    number = case.symbol or case.number
    if number:
        parts.append(f"{'No.' if lang == 'en' else '№'} {number}" if not case.symbol else number)
    parts.append(human(case.date, lang))  # "6 November 2003", as a court reads a date
    return ", ".join(parts)
