"""Footnotes as lawyers write them: the full citation the first time, the short form after, "Ibid."
when the note before cites the same record.

Each note links to the provision's page on the site (with ``--site-url``) and to the official source
of its instrument; a database's home page (https://mmk.tj/) tells a reader nothing and is left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kb import ids
from kb.cite import cite_provision, pick
from kb.dates import human
from kb.inforce import binding_on
from kb.models import Case, Corpus, Instrument, Source
from kb.review import document_addresses

WORDS = {
    "en": {"adopted": "adopted {}", "binding": "binding on Tajikistan since {}", "ibid": "Ibid.", "ibid_at": "Ibid., {}.",
           "communication": "communication No.", "application": "application No.", "case": "case No.",
           "views": "views of", "judgment": "judgment of", "decision": "decision of", "site": "huquq:"},
    "ru": {"adopted": "принят {}", "binding": "обязателен для Таджикистана с {}", "ibid": "Там же.", "ibid_at": "Там же, {}.",
           "communication": "сообщение №", "application": "жалоба №", "case": "дело №",
           "views": "соображения от", "judgment": "постановление от", "decision": "решение от",
           "site": "huquq:"},
    "tg": {"adopted": "санаи қабул: {}", "binding": "барои Тоҷикистон аз {} ҳатмӣ", "ibid": "Ҳамон ҷо.",
           "ibid_at": "Ҳамон ҷо, {}.", "communication": "муроҷиати №", "application": "аризаи №",
           "case": "парвандаи №", "views": "назари Кумита аз", "judgment": "қарори Суд аз",
           "decision": "қарор аз", "site": "huquq:"},
}
BODIES = {
    "en": {"hrc": "UN Human Rights Committee", "cat": "UN Committee against Torture",
           "cedaw": "UN Committee on the Elimination of Discrimination against Women",
           "cescr": "UN Committee on Economic, Social and Cultural Rights",
           "ecthr": "European Court of Human Rights", "domestic": "court of Tajikistan"},
    "ru": {"hrc": "Комитет ООН по правам человека", "cat": "Комитет ООН против пыток",
           "cedaw": "Комитет ООН по ликвидации дискриминации в отношении женщин",
           "cescr": "Комитет ООН по экономическим, социальным и культурным правам",
           "ecthr": "Европейский суд по правам человека", "domestic": "суд Таджикистана"},
    "tg": {"hrc": "Кумитаи ҳуқуқи инсони СММ", "cat": "Кумитаи СММ бар зидди шиканҷа",
           "cedaw": "Кумитаи СММ оид ба барҳам додани табъиз нисбат ба занон",
           "cescr": "Кумитаи СММ оид ба ҳуқуқҳои иқтисодӣ, иҷтимоӣ ва фарҳангӣ",
           "ecthr": "Суди аврупоии ҳуқуқи инсон", "domestic": "суди Тоҷикистон"},
}


def official_link(sources: tuple[Source, ...]) -> str | None:
    """The first address that names a document, not a database's front page."""
    return next(iter(document_addresses(sources)), None)


@dataclass
class Footnoter:
    """Writes each footnote's text and links, remembering what was cited before."""

    corpus: Corpus
    lang: str
    on: dt.date
    site_url: str | None = None
    _seen: set = field(default_factory=set)
    _last: str | None = None
    _last_pinpoint: str = ""

    def provision(self, pid: str, pinpoint: str = "") -> tuple[str, list[tuple[str, str]]]:
        provision = self.corpus.provisions[pid]
        instrument = self.corpus.instrument_of(provision)
        words = WORDS[self.lang]
        short = cite_provision(instrument, provision, self.lang, pinpoint)
        links = self._links(official_link(instrument.official_sources),
                            ids.absolute(self.site_url, ids.provision_url(pid)) if self.site_url else None)
        # The full citation the first time the instrument is cited; its short form for its other articles.
        if self._last == pid and self._last_pinpoint == pinpoint:
            text = words["ibid"]
        elif self._last == pid:
            text = words["ibid_at"].format(short.split(", ", 1)[-1])
        elif instrument.id in self._seen:
            text = f"{short}."
        else:
            text = self._full(instrument, short)
        self._seen.add(instrument.id)
        self._last, self._last_pinpoint = pid, pinpoint
        return text, links if text != words["ibid"] else []

    def _full(self, instrument: Instrument, short: str) -> str:
        words = WORDS[self.lang]
        name = pick(instrument.title, self.lang)
        where = short.split(", ", 1)[-1] if ", " in short else short
        dated = f" ({words['adopted'].format(human(instrument.adopted, self.lang))})" if instrument.adopted else ""
        if instrument.symbol and instrument.kind in ("general-comment", "concluding-observations", "report"):
            dated = f" ({instrument.symbol}{', ' + human(instrument.adopted, self.lang) if instrument.adopted else ''})"
        text = f"{name}{dated}, {where}"
        if instrument.jurisdiction != "tj" and binding_on(instrument, self.on) and instrument.binding_on_tajikistan.since:
            text += "; " + words["binding"].format(human(instrument.binding_on_tajikistan.since, self.lang))
        return text if text.endswith(".") else text + "."

    def case(self, case: Case) -> tuple[str, list[tuple[str, str]]]:
        words = WORDS[self.lang]
        if self._last == case.id:
            return words["ibid"], []
        self._last_pinpoint = ""
        links = self._links(official_link(case.sources), None)
        if case.id in self._seen:
            text = f"{pick(case.title, self.lang)}."
        else:
            text = self._full_case(case)
        self._seen.add(case.id)
        self._last = case.id
        return text, links

    def _full_case(self, case: Case) -> str:
        words = WORDS[self.lang]
        number = {"ecthr": "application", "domestic": "case"}.get(case.body, "communication")
        decided = {"ecthr": "judgment", "domestic": "decision"}.get(case.body, "views")
        parts = [pick(case.title, self.lang), BODIES[self.lang][case.body],
                 f"{words[number]} {case.number}" + (f" ({case.symbol})" if case.symbol else ""),
                 f"{words[decided]} {human(case.date, self.lang)}"]
        text = ", ".join(parts)
        return text if text.endswith(".") else text + "."

    def _links(self, official: str | None, site: str | None) -> list[tuple[str, str]]:
        links = []
        if official:
            links.append((official, official))
        if site:
            links.append((site, f"{WORDS[self.lang]['site']} {site}"))
        return links
