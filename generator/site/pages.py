"""Site pages and navigation, generated from the corpus, in three interface languages.

Each page is Markdown whose body is HTML rendered by an autoescaping Jinja template: text from the
sources is always shown as text, never interpreted as HTML, Markdown or template code. Labels are
written in Tajik, Russian and English (``generator.site.l10n``); titles the theme prints (the page's
title, navigation) are markers the site's hook resolves after rendering.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Iterator

from kb import ids
from kb.cite import cite_case, cite_provision, pick, pick_lang
from kb.dates import human
from kb.index import case_numbers, instrument_names
from kb.models import LANGS, Corpus, Instrument, Provision, Verification, Wording
from kb.review import counts, leading_counts, review_list
from kb.search import JURISDICTIONS, KINDS
from kb.textnorm import STOP, english_family_words, fold_tajik

from ..templating import LANG_NAMES, paragraphs as paragraphs_of, site_environment
from .l10n import SEPARATOR, Catalogue, Markup, complete, script_json, spans
from .outline import Outline

AUTHORITY_GROUPS = ("tajik-law", "treaty", "interpretation", "standard")
RESERVED_IDS = {"cases", "topics", "notices", "instruments", "assets", "search", "search-index", "browse", "find",
                "circumstances", "verify", "about", "prepare", "changes"}
TEXT_KINDS = {"official": "provision.official", "transcription": "provision.transcription",
              "unofficial-translation": "provision.unofficial_translation"}


@dataclass(frozen=True)
class Page:
    src_uri: str  # e.g. "iccpr/9/index.md"
    content: str


def in_langs(make) -> dict[str, str]:
    """{lang: make(lang)} for the three interface languages."""
    return {lang: make(lang) for lang in LANGS}


class SiteRenderer:
    def __init__(self, corpus: Corpus, catalogue: Catalogue | None = None, site_url: str = ""):
        self.corpus = corpus
        self.catalogue = catalogue or Catalogue()
        self.site_url = site_url.rstrip("/")
        self.env = site_environment()
        self._tabsets = itertools.count(1)
        self._led: dict | None = None
        self._english: dict[str, str] | None = None

    # -- what templates use --------------------------------------------------------------------
    def _context(self, depth: int) -> dict:
        corpus = self.corpus
        return {
            "corpus": corpus,
            "root": "../" * depth,
            "t": self.catalogue.t,
            "tx": lambda texts: spans(texts or {}),
            "cite": lambda p: spans(in_langs(lambda lang: cite_provision(corpus.instrument_of(p), p, lang))),
            "cite_case": lambda c: spans(in_langs(lambda lang: cite_case(c, lang))),
            "date": lambda partial: spans(in_langs(lambda lang: human(partial, lang))) if partial
            else self.catalogue.t("date.unknown"),
            "span": self._span,
            "next_tabset": lambda: next(self._tabsets),
            "note": self._note,
            "in_reader_language": self._in_reader_language,
            "strings_json": lambda key: json.dumps(self.catalogue.table[key], ensure_ascii=False),
            "attrs": self._attrs,
        }

    def _render(self, template: str, depth: int, titles: dict[str, str], key: str, description: str = "",
                **values) -> str:
        """A page: its title (registered in the three languages under ``key``) and its body."""
        self._tabsets = itertools.count(1)
        marker = self.catalogue.register(f"page:{key}", titles)
        front = {"title": marker, "description": " ".join(description.split())[:300]}
        context = {**self._context(depth), **values,
                   # JSON strings are valid YAML and escape every quote and line break.
                   "front_matter": Markup("\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}"
                                                    for k, v in front.items()))}
        return self.env.get_template(template).render(**context)

    def _span(self, wording: Wording, instrument: Instrument | None = None) -> Markup:
        start = wording.in_force_from or (instrument.in_force_from or instrument.adopted if instrument else None)
        end = wording.in_force_to or (instrument.in_force_to if instrument and wording.current else None)
        if not start and not end:
            return self.catalogue.t("date.not_recorded")
        unknown, today = self.catalogue.table["date.unknown"], self.catalogue.table["date.today"]
        return spans(in_langs(lambda lang: f"{human(start, lang) if start else unknown[lang]} – "
                                           f"{human(end, lang) if end else today[lang]}"))

    def _note(self, verification: Verification) -> Markup:
        """The public note of a verification, in the reader's language (see ``_in_reader_language``)."""
        return self._in_reader_language(verification.note)

    def _in_reader_language(self, texts: dict[str, str], paragraphs: bool = False) -> Markup:
        """``texts`` (language -> text) in the reader's language where written in it; else in the language
        that reader reads next (``complete``, as labels fall back), marked as that language, and said to be
        English when it is. ``paragraphs``: each version as paragraphs (a block), not a run of text."""
        if not texts:
            return Markup("")

        def body(text: str) -> str:
            return "".join(f"<p>{_escape(para)}</p>" for para in paragraphs_of(text)) if paragraphs else _escape(text)

        tag = "div" if paragraphs else "span"
        if len(set(texts.values())) == 1 and all(texts.get(lang) for lang in LANGS):
            return Markup(f"<div>{body(texts['en'])}</div>" if paragraphs else body(texts["en"]))
        parts = []
        for lang, (text, shown_in) in complete(texts).items():
            shown = body(text)
            if shown_in != lang:
                shown = f'<{tag} lang="{shown_in}">{shown}</{tag}>'
                if shown_in == "en":
                    said = _escape(self.catalogue.text("provision.note_in_english", lang))
                    shown += f"<p>{said}</p>" if paragraphs else f" {said}"
            parts.append(f'<{tag} class="l-{lang}">{shown}</{tag}>')
        return Markup(("" if paragraphs else SEPARATOR).join(parts))

    def _attrs(self, **names: str) -> Markup:
        """Attributes whose values are labels (placeholder="search.placeholder"): the default language's
        words, and every version for the page's script (see generator.site.l10n)."""
        from markupsafe import escape

        from .l10n import DEFAULT

        versions = {attribute.replace("_", "-"): self.catalogue.table[key] for attribute, key in names.items()}
        parts = [f'{name}="{escape(texts[DEFAULT])}"' for name, texts in versions.items()]
        parts.append(f'data-l10n-attrs="{escape(json.dumps(versions, ensure_ascii=False))}"')
        return Markup(" ".join(parts))

    def permalink(self, path: str) -> str:
        return ids.absolute(self.site_url, path)

    def _panels(self, summary: dict, texts: dict | None = None, argument: dict | None = None,
                summary_key: str = "provision.summary") -> list[dict]:
        """One tab per language the record has something in: its text, the project's summary and argument."""
        panels = []
        macros = self.env.get_template("_macros.html.j2").make_module(self._context(0))
        t = self.catalogue.t
        for lang in LANGS:
            parts = []
            if texts and lang in texts:
                text = texts[lang]
                parts.append(f'<p class="huquq-text-kind">{t(TEXT_KINDS[text.kind])} — '
                             f'{macros.sources_list([text.source], True)}</p>'
                             f'<div class="huquq-text" lang="{lang}">{macros.lines(text.content)}</div>')
            if summary.get(lang):
                label = t(summary_key if lang == "en" or summary_key != "provision.summary"
                          else "provision.summary_translation")
                parts.append(f'<p class="huquq-summary-label">{label}</p>'
                             f'<div class="huquq-summary" lang="{lang}">{macros.paragraphs(summary[lang])}</div>')
            # The argument in the tab's language, else in the one its reader reads next (a Tajik tab shows the
            # Russian argument rather than none), named as such.
            shown = pick_lang(argument or {}, lang)
            if shown and (parts or shown == lang):
                label = t("provision.argument") + ("" if shown == lang else f" ({LANG_NAMES[shown]})")
                parts.append(f'<p class="huquq-summary-label">{label}</p>'
                             f'<div class="huquq-argument" lang="{shown}">{macros.paragraphs(argument[shown])}</div>')
            if parts:
                panels.append({"lang": lang, "label": LANG_NAMES[lang], "html": Markup("".join(parts))})
        return panels

    # -- pages ---------------------------------------------------------------------------------
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
        for circumstance in corpus.circumstances.values():
            yield Page(f"circumstances/{circumstance.id}/index.md", self.circumstance_page(circumstance))
        yield from self.list_pages()
        yield Page("verify/index.md", self.verify_page())
        yield Page("find/index.md", self.search_page())
        yield Page("prepare/index.md", self.prepare_page())  # the home page links to it

    def provision_page(self, provision: Provision) -> str:
        corpus = self.corpus
        instrument = corpus.instrument_of(provision)
        titles = in_langs(lambda lang: cite_provision(instrument, provision, lang)
                          + (f": {pick(provision.title, lang)}" if provision.title else ""))
        if self._led is None:
            self._led = leading_counts(corpus)  # record id -> its owners, once per build
        led_by = [corpus.topics[owner.removeprefix("topic:")] for owner in self._led.get(provision.id, [])
                  if owner.startswith("topic:")]
        return self._render(
            "provision.md.j2", depth=2, titles=titles, key=provision.id,
            description=pick(provision.summary, "ru"),
            provision=provision, instrument=instrument,
            panels=self._panels(provision.summary, provision.texts, provision.argument),
            wordings=provision.wordings(),
            current_span=self._span(provision.wording, instrument),
            related=corpus.related_to(provision.id),
            cases=corpus.cases_applying(provision.id),
            led_by=led_by,
            citations=in_langs(lambda lang: cite_provision(instrument, provision, lang)),
            permalink=self.permalink(ids.provision_url(provision.id)),
        )

    def _english_table(self) -> dict[str, str]:
        """English words of the corpus the command line's stemmer joins to another family, each with the
        word the Search page searches for instead (kb.textnorm.english_family_words), once per build."""
        if self._english is None:
            self._english = english_family_words(_english_text(self.corpus))
        return self._english

    def instrument_page(self, instrument: Instrument) -> str:
        start, end = instrument.in_force_from or instrument.adopted, instrument.in_force_to
        t = self.catalogue.table
        span = spans(in_langs(lambda lang: f"{human(start, lang) if start else t['date.unknown'][lang]} – "
                                           f"{human(end, lang) if end else t['date.today'][lang]}"))
        return self._render(
            "instrument.md.j2", depth=1, titles=dict(instrument.title), key=instrument.id,
            description=" / ".join(instrument.title.values()),
            instrument=instrument, instrument_span=span,
            provisions=self.corpus.provisions_of(instrument.id),
        )

    def case_page(self, case) -> str:
        panels = self._panels(case.summary)
        t = self.catalogue.t
        for panel in panels:
            lang = panel["lang"]
            holdings = [h[lang] for h in case.holdings if h.get(lang)]
            extra = ""
            if case.outcome.get(lang):
                extra += f"<h3>{t('case.outcome')}</h3><p>{_escape(case.outcome[lang])}</p>"
            if holdings:
                extra += f"<h3>{t('case.holdings')}</h3><ul>" + "".join(f"<li>{_escape(h)}</li>" for h in holdings) + "</ul>"
            panel["html"] = Markup(panel["html"] + extra)
        return self._render("case.md.j2", depth=2, titles=dict(case.title), key=f"cases/{case.id}",
                            description=pick(case.summary, "ru"), case=case, panels=panels,
                            citations=in_langs(lambda lang: cite_case(case, lang)),
                            permalink=self.permalink(ids.case_url(case.id)))

    def topic_page(self, topic) -> str:
        corpus = self.corpus
        provisions = corpus.provisions_on_topic(topic.id)
        leading = [a for a in (corpus.authority(e) for e in topic.leading) if a]
        groups = [{"key": key, "provisions": [p for p in provisions if corpus.instrument_of(p).authority == key]}
                  for key in AUTHORITY_GROUPS]
        return self._render("topic.md.j2", depth=2, titles=dict(topic.label), key=f"topics/{topic.id}",
                            description=pick(topic.description, "ru"), topic=topic, leading=leading,
                            panels=self._panels(topic.argument, summary_key="topic.argument"),
                            groups=groups, cases=corpus.cases_on_topic(topic.id))

    def notice_page(self, notice) -> str:
        from ..notice import right_basis

        panels = []
        for lang in ("tg", "ru", "en"):
            items = "".join(f"<li>{_escape(r.text[lang])}</li>" for r in notice.rights)
            panels.append({"lang": lang, "label": LANG_NAMES[lang], "html": Markup(
                f"<p>{_escape(notice.intro[lang])}</p><ol>{items}</ol>")})
        bases = {right.id: right_basis(self.corpus, right) for right in notice.rights}
        return self._render("notice.md.j2", depth=2, titles=dict(notice.title), key=f"notices/{notice.id}",
                            description=pick(notice.intro, "ru"), notice=notice, panels=panels, bases=bases)

    def circumstance_page(self, circumstance) -> str:
        corpus = self.corpus
        leading = [a for a in (corpus.authority(e) for e in circumstance.leading) if a]
        # The argument and requests as a lawyer reads them, in each reader's language (or the one read next);
        # the templates themselves stay on the page for maintainers, closed.
        argument, requests = {}, {}
        for lang in LANGS:
            outline = Outline(circumstance, lang, self.catalogue)
            chosen = pick_lang(circumstance.argument, lang)
            if chosen:
                argument[lang] = (chosen, Markup(outline.html(circumstance.argument[chosen])))
            chosen = pick_lang(circumstance.request, lang)
            if chosen:
                requests[lang] = (chosen, [Markup(outline.html(item)) for item in circumstance.request[chosen]])
        return self._render("circumstance.md.j2", depth=2, titles=dict(circumstance.title),
                            key=f"circumstances/{circumstance.id}", description=pick(circumstance.question, "ru"),
                            circumstance=circumstance, leading=leading, argument=argument, requests=requests)

    def list_pages(self) -> Iterator[Page]:
        corpus = self.corpus
        t = self.catalogue.table
        instruments = sorted(corpus.instruments.values(), key=lambda i: (i.jurisdiction != "tj", pick(i.title, "en")))

        def instrument_item(instrument: Instrument) -> dict:
            count = len(instrument.provision_ids)
            return {"url": ids.instrument_url(instrument.id), "title": spans(instrument.title),
                    "note": spans(in_langs(lambda lang: f"{t['kind.' + instrument.kind][lang]}, {count} "
                                                        f"{t['instrument.count'][lang]}")), "status": ""}

        yield Page("instruments/index.md", self._render(
            "list.md.j2", depth=1, titles=t["list.instruments"], key="instruments", heading="list.instruments",
            intro="list.instruments.intro",
            groups=[{"title": "nav.tajik_law", "items": [instrument_item(i) for i in instruments if i.jurisdiction == "tj"]},
                    {"title": "list.international", "items": [instrument_item(i) for i in instruments if i.jurisdiction != "tj"]}]))
        yield Page("topics/index.md", self._render(
            "list.md.j2", depth=1, titles=t["nav.topics"], key="topics", heading="nav.topics",
            intro="list.topics.intro",
            groups=[{"title": "", "items": [{"url": ids.topic_url(tp.id), "title": spans(tp.label),
                                             "note": spans(tp.description), "status": ""}
                                            for tp in corpus.topics.values()]}]))
        cases = sorted(corpus.cases.values(), key=lambda c: (not c.binding, c.body, c.date))
        bodies = ("hrc", "cat", "cedaw", "cescr", "ecthr", "domestic")
        yield Page("cases/index.md", self._render(
            "list.md.j2", depth=1, titles=t["nav.cases"], key="cases", heading="nav.cases", intro="list.cases.intro",
            groups=[{"title": f"body.{body}", "items": [
                {"url": ids.case_url(c.id), "title": spans(c.title),
                 "note": spans(in_langs(lambda lang, c=c: f"{c.number}, {human(c.date, lang)}"
                                        + (f" — {t['list.decided_on_tajikistan'][lang]}" if c.binding else "")
                                        + (f" — {t['badge.adverse'][lang]}" if c.adverse else ""))),
                 "status": c.verification.status} for c in cases if c.body == body]}
                for body in bodies]))
        yield Page("notices/index.md", self._render(
            "list.md.j2", depth=1, titles=t["nav.notices"], key="notices", heading="nav.notices",
            intro="list.notices.intro",
            groups=[{"title": "", "items": [{"url": ids.notice_url(n.id), "title": spans(n.title),
                                             "note": "", "status": ""} for n in corpus.notices.values()]}]))
        # Always made: the home page links to it, even for a folder of sources without circumstances.
        order = corpus.interview.order() if corpus.interview else list(corpus.circumstances)
        sections = corpus.interview.sections if corpus.interview else ()
        yield Page("circumstances/index.md", self._render(
            "list.md.j2", depth=1, titles=t["nav.circumstances"], key="circumstances",
            heading="nav.circumstances", intro="circumstance.list.intro",
            groups=[{"title": "", "title_texts": section.title, "items": [
                {"url": ids.circumstance_url(cid), "title": spans(corpus.circumstances[cid].title),
                 "note": spans(corpus.circumstances[cid].question), "status": ""}
                for cid in section.circumstances if cid in order]} for section in sections]))

    def verify_page(self) -> str:
        items = review_list(self.corpus)
        shown, more = items[:MAX_REVIEW], max(0, len(items) - MAX_REVIEW)
        rows = []
        for item in shown:
            record = self.corpus.provisions.get(item.id) or self.corpus.cases.get(item.id)
            is_provision = item.id in self.corpus.provisions
            rows.append({"item": item, "record": record, "url": (ids.provision_url(item.id) if is_provision
                                                                 else ids.case_url(item.id))})
        return self._render("verify.md.j2", depth=1, titles=self.catalogue.table["nav.verify"], key="verify",
                            rows=rows, more=more, counts=counts(self.corpus))

    def search_page(self) -> str:
        """The Search page, with the names its filters and citations need in the three languages."""
        corpus = self.corpus
        t = self.catalogue.table
        labels = {
            "strings": {key: t[key] for key in t if key.startswith(("search.", "language."))
                        or key in ("status.unverified", "status.conflicting")},
            "filters": {"kind": {kind: t[f"search.kind.{kind}"] for kind in KINDS},
                        "jurisdiction": {j: t[f"search.jurisdiction.{j}"] for j in JURISDICTIONS},
                        "instrument": {i.id: dict(i.short_title) for i in corpus.instruments.values()},
                        "topic": {tp.id: dict(tp.label) for tp in corpus.topics.values()}},
            # Citations are resolved in the page before searching, by the rules of kb.citations: the names
            # of each instrument; the provision itself is checked by opening its address.
            "instruments": instrument_names(corpus),
            # A case's numbers and document symbol open it (kb.citations.find_case), named as its page is.
            "cases": {key: {"id": case_id, "title": dict(corpus.cases[case_id].title)}
                      for key, case_id in case_numbers(corpus).items()},
            # The words the command line's index leaves out in every language (kb.textnorm.STOP), folded as
            # the page folds what is typed: "без", "of", "дар" narrow nothing.
            "stop": sorted({fold_tajik(word) for word in STOP}),
            # English words the command line's stemmer joins to another family ("detained" -> "detention"),
            # so that an excerpt marks the words of the query's families (kb.textnorm.english_family_words)
            "english": self._english_table(),
        }
        return self._render("search.md.j2", depth=1, titles=t["nav.search"], key="find",
                            labels=script_json(labels))

    def prepare_page(self) -> str:
        """"Prepare a memo": the interview as a form, with the words its script shows in three languages."""
        t = self.catalogue.table
        labels = {key: t[key] for key in t if key.startswith(("prepare.", "interview.error."))}
        return self._render("prepare.md.j2", depth=1, titles=t["nav.prepare"], key="prepare",
                            interview=self.corpus.interview,
                            labels=script_json(labels))

    def changes_page(self, changes: list) -> str:
        """"Recently added or amended": the changelog, with every id a link to its page."""
        days: dict[str, list] = {}
        for change in changes[:MAX_CHANGES]:
            links = [{"title": self._label(record_id), "url": self._url(record_id)} for record_id in change.ids]
            # In the reader's language where the changelog gives it; marked as English where it does not.
            english = Markup('<span lang="en">{}</span>').format(change.text["en"])
            text = spans(change.text) if len(change.text) > 1 else english
            days.setdefault(change.date, []).append({"kind": change.kind, "text": text, "links": links})
        return self._render("changes.md.j2", depth=1, titles=self.catalogue.table["nav.changes"], key="changes",
                            days=[{"date": date, "changes": items} for date, items in days.items()])

    def _label(self, record_id: str) -> Markup:
        record = self.corpus.get(record_id)
        if record_id in self.corpus.provisions:
            return spans(in_langs(lambda lang: cite_provision(self.corpus.instrument_of(record), record, lang)))
        if record is not None and hasattr(record, "short_title"):
            return spans(record.short_title)
        if record is not None:
            return spans(getattr(record, "title", None) or getattr(record, "label", {}) or {"en": record_id})
        return Markup(_escape(record_id))

    def _url(self, record_id: str) -> str | None:
        corpus = self.corpus
        for table, url in ((corpus.provisions, ids.provision_url), (corpus.instruments, ids.instrument_url),
                           (corpus.cases, ids.case_url), (corpus.topics, ids.topic_url),
                           (corpus.notices, ids.notice_url), (corpus.circumstances, ids.circumstance_url)):
            if record_id in table:
                return url(record_id).lstrip("/")
        return None


def navigation(corpus: Corpus, catalogue: Catalogue, handwritten: list, changes: bool = False) -> list:
    """The site navigation: hand-written pages, topics and instruments; never every provision. Titles
    are markers, shown in the reader's language."""
    def title(key: str, texts: dict) -> str:
        return catalogue.register(key, texts)

    def entries(instruments):
        return [{title(f"nav:{i.id}", i.short_title if len(pick(i.title, "en")) > 60 else i.title): f"{i.id}/index.md"}
                for i in sorted(instruments, key=lambda i: pick(i.title, "en"))]

    tj = [i for i in corpus.instruments.values() if i.jurisdiction == "tj"]
    treaties = [i for i in corpus.instruments.values()
                if i.jurisdiction != "tj" and i.kind in ("treaty", "optional-protocol", "declaration")]
    interpretation = [i for i in corpus.instruments.values() if i.authority == "interpretation"]
    other = [i for i in corpus.instruments.values()
             if i.jurisdiction != "tj" and i not in treaties and i not in interpretation]
    generated = [
        {"⟦nav.topics⟧": [{"⟦nav.all_topics⟧": "topics/index.md"}] +
                        [{title(f"nav:topic:{t.id}", t.label): f"topics/{t.id}/index.md"} for t in corpus.topics.values()]},
        {"⟦nav.tajik_law⟧": entries(tj)},
        {"⟦nav.treaties⟧": entries(treaties)},
        {"⟦nav.interpretation⟧": entries(interpretation)},
        {"⟦nav.standards⟧": entries(other)},
        {"⟦nav.cases⟧": "cases/index.md"},
        {"⟦nav.notices⟧": "notices/index.md"},
    ]
    generated.append({"⟦nav.prepare⟧": "prepare/index.md"})
    generated.append({"⟦nav.circumstances⟧": "circumstances/index.md"})
    generated.append({"⟦nav.instruments⟧": "instruments/index.md"})
    if changes:
        generated.append({"⟦nav.changes⟧": "changes/index.md"})
    generated.append({"⟦nav.verify⟧": "verify/index.md"})
    # Home and Search first, then the law, then the other hand-written pages.
    first = [{"⟦nav.home⟧": "index.md"}, {"⟦nav.search⟧": "find/index.md"}]
    rest = [entry for entry in handwritten if not set(entry.values()) & {"index.md", "find/index.md", "find.md"}]
    return [*first, *generated, *rest]


MAX_CHANGES = 200  # entries shown on the "recently added or amended" page
MAX_REVIEW = 300  # records on the "help verify" page, most cited first (`huquq review` lists them all)


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _english(part) -> str:
    """The English of a text in languages ({lang: text}), of search terms ({lang: [terms]}), or a string."""
    if isinstance(part, str):
        return part
    english = part.get("en", "") if part else ""
    return english if isinstance(english, str) else " ".join(english)


def _english_text(corpus) -> str:
    """Every English word of the corpus's provisions and cases, for the Search page's table of families."""
    parts = []
    for p in corpus.provisions.values():
        parts += [p.title, p.summary, p.argument, p.keywords, p.texts["en"].content if "en" in p.texts else ""]
    for c in corpus.cases.values():
        parts += [c.title, c.summary, c.outcome, c.keywords, *c.holdings]
    return " ".join(_english(part) for part in parts)
