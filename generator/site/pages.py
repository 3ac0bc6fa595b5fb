"""Site pages and navigation, generated from the corpus.

Each page is Markdown whose body is HTML rendered by an autoescaping Jinja
template: text from the sources is always shown as text, never interpreted
as HTML, Markdown or template code.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Iterator

from kb import ids
from kb.cite import cite_case, cite_provision, pick
from kb.models import LANGS, Corpus, Instrument, Provision, Wording
from kb.textnorm import fold_tajik

from ..templating import LANG_NAMES, site_environment

VERIFICATION_LABEL = {"verified": "Verified", "secondary": "From a secondary source", "unverified": "Unverified"}
VERIFICATION_HELP = {
    "verified": "Compared with the official text by a reviewer.",
    "secondary": "Read in a reputable source; not yet compared word by word with the official text.",
    "unverified": "Not confirmed: check against the official text before relying on it.",
}
BODY_NAMES = {"hrc": "UN Human Rights Committee", "cat": "UN Committee against Torture",
              "cedaw": "UN CEDAW Committee", "cescr": "UN Committee on Economic, Social and Cultural Rights",
              "ecthr": "European Court of Human Rights (persuasive: Tajikistan is not a Council of Europe member)",
              "domestic": "Court of Tajikistan"}
AUTHORITY_GROUPS = (
    ("tajik-law", "Tajik law"),
    ("treaty", "Tajikistan's treaty obligations"),
    ("interpretation", "Authoritative interpretation and recommendations to Tajikistan"),
    ("standard", "International standards and guidance"),
)
RESERVED_IDS = {"cases", "topics", "notices", "instruments", "assets", "search", "browse"}


@dataclass(frozen=True)
class Page:
    src_uri: str  # e.g. "iccpr/9/index.md"
    content: str


class SiteRenderer:
    def __init__(self, corpus: Corpus, site_url: str = ""):
        self.corpus = corpus
        self.site_url = site_url.rstrip("/")
        self.env = site_environment()
        self._tabsets = itertools.count(1)

    # -- helpers available to templates ------------------------------------------------
    def _context(self, depth: int, lang: str = "en") -> dict:
        corpus = self.corpus
        return {
            "corpus": corpus,
            "root": "../" * depth,
            "pick": lambda texts: pick(texts, lang),
            "cite": lambda p: cite_provision(corpus.instrument_of(p), p, lang),
            "cite_case": lambda c: cite_case(c, lang),
            "next_tabset": lambda: next(self._tabsets),
            "verification_label": VERIFICATION_LABEL,
            "verification_help": VERIFICATION_HELP,
            "body_names": BODY_NAMES,
            "span": self._span,
        }

    def _render(self, template: str, depth: int, title: str, description: str = "", **values) -> str:
        self._tabsets = itertools.count(1)
        # The theme prints the title unescaped (<title>, navigation): escape it here.
        front = {"title": _escape(title), "description": _escape(" ".join(description.split())[:300])}
        values.setdefault("search_extra", "")
        context = {**self._context(depth), **values,
                   # JSON strings are valid YAML and escape every quote and line break.
                   "front_matter": _Markup("\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()))}
        return self.env.get_template(template).render(**context)

    def _span(self, wording: Wording, instrument: Instrument | None = None) -> str:
        start = wording.in_force_from or (instrument.in_force_from if instrument else None)
        end = wording.in_force_to or (instrument.in_force_to if instrument and wording.current else None)
        if not start and not end:
            return "dates not recorded"
        return f"{start or '…'} – {end or 'today'}"

    def permalink(self, path: str) -> str:
        return ids.absolute(self.site_url, path)

    def _panels(self, summary: dict, texts: dict | None = None, summary_label: str = "Summary") -> list[dict]:
        panels = []
        macros = self.env.get_template("_macros.html.j2").make_module(self._context(0))
        for lang in LANGS:
            parts = []
            if texts and lang in texts:
                text = texts[lang]
                kind = {"official": "Official text", "transcription": "Text (copy of the official text)",
                        "unofficial-translation": "Unofficial translation"}[text.kind]
                parts.append(f'<p class="huquq-text-kind">{kind} — {macros.sources_list([text.source])}</p>'
                             f'<div class="huquq-text">{macros.paragraphs(text.content)}</div>')
            if summary.get(lang):
                parts.append(f'<p class="huquq-summary-label">{summary_label} (huquq\'s own words'
                             f'{", project translation" if lang != "en" else ""})</p>'
                             f'<div class="huquq-summary">{macros.paragraphs(summary[lang])}</div>')
            if parts:
                panels.append({"lang": lang, "label": LANG_NAMES[lang], "html": _Markup("".join(parts))})
        return panels

    # -- pages -------------------------------------------------------------------------
    def pages(self) -> Iterator[Page]:
        corpus = self.corpus
        for instrument in corpus.instruments.values():
            yield Page(f"{instrument.id}/index.md", self.instrument_page(instrument))
        for provision in corpus.provisions.values():
            yield Page(f"{provision.id}/index.md", self.provision_page(provision))
        for case in corpus.cases.values():
            yield Page(f"cases/{case.id}/index.md", self.case_page(case))
        for topic in corpus.topics.values():
            yield Page(f"topics/{topic.id}/index.md", self.topic_page(topic))
        for notice in corpus.notices.values():
            yield Page(f"notices/{notice.id}/index.md", self.notice_page(notice))
        yield from self.list_pages()

    def provision_page(self, provision: Provision) -> str:
        corpus = self.corpus
        instrument = corpus.instrument_of(provision)
        title = cite_provision(instrument, provision)
        tajik = [provision.title.get("tg"), provision.summary.get("tg"),
                 provision.texts["tg"].content if "tg" in provision.texts else None]
        return self._render(
            "provision.md.j2", depth=2,
            title=f"{title}: {pick(provision.title, 'en')}" if provision.title else title,
            description=pick(provision.summary, "en"),
            search_extra=" ".join([_folded(tajik), *self._topic_words(provision.topics)]),
            provision=provision, instrument=instrument,
            panels=self._panels(provision.summary, provision.texts),
            wordings=provision.wordings(),
            current_span=self._span(provision.wording, instrument),
            related=corpus.related_to(provision.id),
            cases=corpus.cases_applying(provision.id),
            permalink=self.permalink(ids.provision_url(provision.id)),
        )

    def _topic_words(self, topics) -> list[str]:
        """Topic labels and synonyms in English and Russian (Tajik ones are folded in): the site search
        then finds a provision written in one language by words of another."""
        words = []
        for topic_id in topics:
            for lang, terms in self.corpus.topics[topic_id].words().items():
                words += [_folded(terms)] if lang == "tg" else terms
        return words

    def instrument_page(self, instrument: Instrument) -> str:
        start, end = instrument.in_force_from, instrument.in_force_to
        span = f"{start or 'date not recorded'} – {end or 'today'}" if start or end else "dates not recorded"
        return self._render(
            "instrument.md.j2", depth=1, title=pick(instrument.title, "en"),
            search_extra=_folded([instrument.title.get("tg")]),
            description=" / ".join(instrument.title.values()),
            instrument=instrument, instrument_span=span,
            provisions=self.corpus.provisions_of(instrument.id),
        )

    def case_page(self, case) -> str:
        panels = self._panels(case.summary, summary_label="Summary")
        for holding_lang in LANGS:
            holdings = [h[holding_lang] for h in case.holdings if h.get(holding_lang)]
            outcome = case.outcome.get(holding_lang)
            extra = ""
            if outcome:
                extra += f"<h3>Outcome</h3><p>{_escape(outcome)}</p>"
            if holdings:
                extra += "<h3>Holdings</h3><ul>" + "".join(f"<li>{_escape(h)}</li>" for h in holdings) + "</ul>"
            for panel in panels:
                if panel["lang"] == holding_lang and extra:
                    panel["html"] = _Markup(panel["html"] + extra)
        return self._render("case.md.j2", depth=2, title=pick(case.title, "en"),
                            description=pick(case.summary, "en"), case=case, panels=panels,
                            permalink=self.permalink(ids.case_url(case.id)))

    def topic_page(self, topic) -> str:
        corpus = self.corpus
        provisions = corpus.provisions_on_topic(topic.id)
        groups = [{"title": title, "provisions": [p for p in provisions if corpus.instrument_of(p).authority == key]}
                  for key, title in AUTHORITY_GROUPS]
        return self._render("topic.md.j2", depth=2, title=pick(topic.label, "en"),
                            search_extra=_folded([topic.label.get("tg"), *topic.synonyms.get("tg", ())]),
                            description=pick(topic.description, "en"), topic=topic,
                            panels=self._panels(topic.argument, summary_label="Argument"),
                            groups=groups, cases=corpus.cases_on_topic(topic.id))

    def notice_page(self, notice) -> str:
        panels = []
        for lang in ("tg", "ru", "en"):
            items = "".join(f"<li>{_escape(r.text[lang])}</li>" for r in notice.rights)
            panels.append({"lang": lang, "label": LANG_NAMES[lang], "html": _Markup(
                f"<p>{_escape(notice.intro[lang])}</p><ol>{items}</ol>")})
        return self._render("notice.md.j2", depth=2, title=pick(notice.title, "en"),
                            description=pick(notice.intro, "en"), notice=notice, panels=panels)

    def list_pages(self) -> Iterator[Page]:
        corpus = self.corpus
        instruments = sorted(corpus.instruments.values(), key=lambda i: (i.jurisdiction != "tj", pick(i.title, "en")))
        yield Page("instruments/index.md", self._render(
            "list.md.j2", depth=1, title="Instruments", heading="Instruments",
            intro="Every act, treaty, general comment, standard and report in huquq.",
            groups=[{"title": "Tajik law", "items": [self._instrument_item(i) for i in instruments if i.jurisdiction == "tj"]},
                    {"title": "International law", "items": [self._instrument_item(i) for i in instruments if i.jurisdiction != "tj"]}]))
        yield Page("topics/index.md", self._render(
            "list.md.j2", depth=1, title="Topics", heading="Topics",
            intro="Each topic gathers Tajik law, international law, cases and UN recommendations on one issue.",
            groups=[{"title": "", "items": [{"url": ids.topic_url(t.id), "title": pick(t.label, "en"),
                                             "note": " · ".join(t.label.get(l, "") for l in ("ru", "tg")), "status": ""}
                                            for t in corpus.topics.values()]}]))
        cases = sorted(corpus.cases.values(), key=lambda c: (not c.binding, c.body, c.date))
        yield Page("cases/index.md", self._render(
            "list.md.j2", depth=1, title="Cases", heading="Cases",
            intro="Decisions on Tajikistan first (binding treaty-body views), then persuasive decisions.",
            groups=[{"title": BODY_NAMES[body], "items": [
                {"url": ids.case_url(c.id), "title": pick(c.title, "en"),
                 "note": f"{c.number}, {c.date}" + (" — decided on Tajikistan" if c.binding else "")
                         + (" — adverse precedent" if c.adverse else ""),
                 "status": c.verification.status} for c in cases if c.body == body]}
                for body in BODY_NAMES]))
        yield Page("notices/index.md", self._render(
            "list.md.j2", depth=1, title="Notices", heading="Notices",
            intro="Printable notices of rights, in Tajik, Russian and English.",
            groups=[{"title": "", "items": [{"url": ids.notice_url(n.id), "title": pick(n.title, "en"),
                                             "note": "", "status": ""} for n in corpus.notices.values()]}]))

    def changes_page(self, changes: list) -> str:
        """"Recently added or amended": the changelog, with every id a link to its page."""
        days: dict[str, list] = {}
        for change in changes[:MAX_CHANGES]:
            links = [{"title": self._label(record_id), "url": self._url(record_id)} for record_id in change.ids]
            days.setdefault(change.date, []).append({"kind": change.kind, "text": change.text, "links": links})
        return self._render("changes.md.j2", depth=1, title="Recently added or amended",
                            days=[{"date": date, "changes": items} for date, items in days.items()])

    def _label(self, record_id: str) -> str:
        record = self.corpus.get(record_id)
        if record_id in self.corpus.provisions:
            return cite_provision(self.corpus.instrument_of(record), record)
        if record is not None and hasattr(record, "short_title"):
            return pick(record.short_title, "en")
        if record is not None:
            return pick(getattr(record, "title", None) or getattr(record, "label", {}), "en") or record_id
        return record_id

    def _url(self, record_id: str) -> str | None:
        corpus = self.corpus
        for table, url in ((corpus.provisions, ids.provision_url), (corpus.instruments, ids.instrument_url),
                           (corpus.cases, ids.case_url), (corpus.topics, ids.topic_url),
                           (corpus.notices, ids.notice_url)):
            if record_id in table:
                return url(record_id).lstrip("/")
        return None

    def _instrument_item(self, instrument: Instrument) -> dict:
        count = len(instrument.provision_ids)
        return {"url": ids.instrument_url(instrument.id), "title": pick(instrument.title, "en"),
                "note": f"{instrument.kind.replace('-', ' ')}, {count} provision{'s' if count != 1 else ''}",
                "status": ""}


def navigation(corpus: Corpus, handwritten: list, changes: bool = False) -> list:
    """The site navigation: hand-written pages, topics and instruments; never every provision."""
    def entries(instruments):
        return [{pick(i.short_title, "en") if len(pick(i.title, "en")) > 60 else pick(i.title, "en"): f"{i.id}/index.md"}
                for i in sorted(instruments, key=lambda i: pick(i.title, "en"))]

    tj = [i for i in corpus.instruments.values() if i.jurisdiction == "tj"]
    treaties = [i for i in corpus.instruments.values()
                if i.jurisdiction != "tj" and i.kind in ("treaty", "optional-protocol", "declaration")]
    interpretation = [i for i in corpus.instruments.values() if i.authority == "interpretation"]
    other = [i for i in corpus.instruments.values()
             if i.jurisdiction != "tj" and i not in treaties and i not in interpretation]
    generated = [
        {"Topics": [{"All topics": "topics/index.md"}] +
                   [{pick(t.label, "en"): f"topics/{t.id}/index.md"} for t in corpus.topics.values()]},
        {"Tajik law": entries(tj)},
        {"Treaties and declarations": entries(treaties)},
        {"Interpretation": entries(interpretation)},
        {"Standards and reports": entries(other)},
        {"Cases": "cases/index.md"},
        {"Notices": "notices/index.md"},
        {"All instruments": "instruments/index.md"},
    ]
    if changes:
        generated.append({"Recently added or amended": "changes/index.md"})
    # Home and Search first, then the law, then the other hand-written pages.
    first = [entry for entry in handwritten if set(entry) & {"Home", "Search"}]
    return [*first, *generated, *[entry for entry in handwritten if entry not in first]]


class _Markup(str):
    """HTML built here from escaped parts; Jinja must not escape it again."""

    def __html__(self) -> str:
        return str(self)


MAX_CHANGES = 200  # entries shown on the "recently added or amended" page


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _folded(tajik_texts: list) -> str:
    """Tajik text with its letters folded (ҳ→х, ҷ→ч, ...), hidden on the page: the site search then finds
    a word typed on a Russian keyboard, and the search box folds what is typed the same way."""
    return fold_tajik(" ".join(t for t in tajik_texts if t))
