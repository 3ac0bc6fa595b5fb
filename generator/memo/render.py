"""The memo in Word: the plan turned into a view (in reading order, so that footnotes, "ibid." and
back-references come out right) and rendered through ``templates/memo/memo.<lang>.j2``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from docx import Document
from docx.shared import RGBColor

from kb.arguments import render_text
from kb.cite import cite_case, cite_provision, pick, pick_lang
from kb.dates import human
from kb.inforce import authority_on, binding_on
from kb.models import Corpus, Text

from .. import paths
from ..files import save_document
from ..matter import Matter, paragraphs_of
from ..templating import environment, render
from ..word.blocks import NoteCollector, finalize, missing_styles, write_blocks
from ..word.oxml import clear_body
from ..word.properties import describe
from ..word.reference import DEFAULT_PATH
from .citations import Footnoter
from .plan import Cited, MemoPlan

GIST_WORDS = 50
# The memo's kind (its document properties) and the mark on every page of a memo that names a client, in the
# memo's language, as the templates' subtitle and confidential line say them.
MEMO = {"en": "Legal grounding memo", "ru": "Правовая справка", "tg": "Маълумотномаи ҳуқуқӣ"}
CONFIDENTIAL = {"en": "Confidential", "ru": "Конфиденциально", "tg": "Махфӣ"}
ABBREVIATIONS = re.compile(r"(?:\b(?:art|arts|para|paras|No|nos|ст|п|ч|г|гг|т|м|б|e\.g|i\.e|cf|v|vs)\.|\b[A-ZА-ЯЁҲҶҚҒӢӮ]\.)$")


def gist(text: str, limit: int = GIST_WORDS) -> str:
    """The start of a summary, in whole sentences, at most about ``limit`` words: the memo's account of
    an authority (its text, where there is one, is in the annex)."""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    end = 0
    for number, word in enumerate(words[:limit], 1):
        if word.endswith((".", ";")) and not ABBREVIATIONS.search(word):
            end = number
    if end < limit // 3:
        return " ".join(words[:limit]) + " …"
    cut = " ".join(words[:end])
    return cut[:-1] + " …" if cut.endswith(";") else cut


_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-ZА-ЯЁҲҶҚҒӢӮ(\d])")


def _sentences(text: str) -> list[str]:
    """The text's sentences (and clauses after ";"), not cut after an abbreviation ("(п. 3)", "art. 9")."""
    found: list[str] = []
    for piece in _SENTENCE.split(text):
        if found and ABBREVIATIONS.search(found[-1].split()[-1]):
            found[-1] += " " + piece
        else:
            found.append(piece)
    return found


def pinpoint_gist(summary: str, label: str, pinpoint: str) -> str:
    """For a citation of one part (ICCPR 9(3), 14(3)(b)), the summary's sentences about that part, and of
    them the item cited; else the start of the summary. Summaries mark a part as "(9(3))" (English, Tajik)
    or "(п. 3)" (Russian), or name it in a lead-in ("The minimum guarantees of 14(3) are: ... (b); ...")."""
    match = re.match(r"\((\w+)\)(?:\((\w+)\))?", pinpoint or "")
    if match:
        part, item = match.groups()
        mark = re.compile(rf"(?<![\w.-]){re.escape(label)}\({re.escape(part)}\)"
                          rf"|(?<!\w)(?:п|б|para)\.\s?{re.escape(part)}(?!\w)")
        marked = [s for s in _sentences(summary) if mark.search(s)]
        for sentence in marked if item else ():
            lead, colon, items = sentence.partition(":")
            clause = next((c for c in re.split(r";\s*", items) if f"({item})" in c), None)
            if colon and clause:
                return gist(f"{lead}: … {clause.strip().removeprefix('and ').removeprefix('и ')}")
        if marked:
            return gist(" ".join(marked))
    return gist(summary)


def pinpoint_text(content: str, pinpoint: str) -> str:
    """The paragraph a pinpoint names (9(3): the line starting "3."), with its sub-paragraphs; the whole
    text when it has no such numbered paragraph."""
    match = re.match(r"\((\w+)\)", pinpoint or "")
    if not match:
        return content
    lines = content.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(rf"\s*{re.escape(match.group(1))}\.\s", line)), None)
    if start is None:
        return content
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"\s*\d+\.\s", lines[i])), len(lines))
    return "\n".join(lines[start:end]).strip()


class MemoView:
    """Everything the template prints, built in the order it is read."""

    def __init__(self, corpus: Corpus, matter: Matter, plan: MemoPlan, site_url: str | None):
        self.corpus, self.matter, self.plan = corpus, matter, plan
        self.lang = matter.language
        self.notes = NoteCollector()
        self.footnoter = Footnoter(corpus, self.lang, matter.date, site_url)
        # record id (a provision's with its pinpoint) -> the section that first cited it: ICCPR 9(3) after
        # 9(1) is another proposition, cited with its own gist, not referred back to 9(1)'s section
        self.where: dict[str | tuple[str, str], str] = {}
        self.texts: dict[str, dict] = {}  # Annex A: verbatim texts of what the body cites, by provision
        self.unverified: dict[str, dict] = {}
        self.statuses: dict[str, str] = {}  # record id -> its verification state, for the summary's counts

    def build(self) -> dict:
        corpus, lang = self.corpus, self.lang
        issues, requests = [], []
        for number, issue in enumerate(self.plan.issues, 1):
            topic = corpus.topics[issue.topic]
            parts = []
            for sub, part in enumerate(issue.circumstances, 1):
                section = f"{number}.{sub}"
                circumstance = corpus.circumstances[part.id]
                argument = render_text(pick(circumstance.argument, lang), part.values, self.matter.date)
                parts.append({"number": section, "title": pick(circumstance.title, lang), "argument": argument,
                              "authorities": [self.line(c, section) for c in part.authorities]})
                requests += [{"text": render_text(text, part.values, self.matter.date), "section": section}
                             for text in circumstance.request.get(pick_lang(circumstance.request, lang), ())]
            section = str(number)
            leading = [self.line(c, section) for c in issue.leading]
            if not issue.circumstances:
                requests += [{"text": text, "section": section}
                             for text in topic.request.get(pick_lang(topic.request, lang), ())]
            extras = [self.line(c, section) for c in issue.extras]
            issues.append({"number": number, "label": pick(topic.label, lang),
                           "argument": None if issue.circumstances else pick(topic.argument, lang),
                           "parts": parts, "leading": leading, "extras": extras})
        seen, unique_requests = set(), []
        for request in requests:
            if request["text"] not in seen:
                seen.add(request["text"])
                unique_requests.append(request)
        return {
            "issues": issues, "requests": unique_requests, "texts": self.annex_texts(),
            "annex": [self.annex_row(pid) for pid in self.plan.annex],
            "unverified": list(self.unverified.values()),
            "facts": paragraphs_of(self.matter.facts),
            "circumstance_titles": [pick(corpus.circumstances[a.id].title, lang) for a in self.matter.circumstances],
            "provision_count": len(self.plan.ids("provision")), "case_count": len(self.plan.ids("case")),
            # Only a reviewer's comparison with the official text makes a record "verified"; "secondary" is not.
            "cited_count": len(self.statuses),
            "unchecked": sum(status != "verified" for status in self.statuses.values()),
            "law_date": human(self.matter.date.isoformat(), lang), "today": human(dt.date.today().isoformat(), lang),
        }

    def line(self, cited: Cited, section: str) -> dict:
        """One authority as the body shows it: citation, qualifiers, a gist and its footnote; a record
        cited before is referred back to."""
        corpus, lang = self.corpus, self.lang
        if cited.kind == "case":
            case = corpus.cases[cited.id]
            text, links = self.footnoter.case(case)
            back = self.where.get(case.id)
            self.where.setdefault(case.id, section)
            if back:  # cited above: referred back to in one line, no second footnote
                return {"kind": "case", "cite": pick(case.title, lang), "back": back}
            self.statuses[case.id] = case.verification.status
            if case.verification.is_unverified:
                self.unverified.setdefault(case.id, {"cite": cite_case(case, lang), "note": case.verification.note_in(lang)})
            return {"kind": "case", "cite": pick(case.title, lang), "title": "", "back": back, "binding_since": "",
                    "binding_case": case.binding, "adverse": case.adverse, "qualifier": "",
                    "status": case.verification.status, "gist": gist(pick(case.summary, lang)),
                    "fn": self.notes(text, links)}
        provision = corpus.provisions[cited.id]
        instrument = corpus.instrument_of(provision)
        back = self.where.get((provision.id, cited.pinpoint))
        self.where.setdefault((provision.id, cited.pinpoint), section)
        wording = provision.wording_on(self.matter.date) or provision.wording
        self._annex_text(provision, wording.texts, cited.pinpoint)
        if back:
            return {"kind": "provision", "cite": cite_provision(instrument, provision, lang, cited.pinpoint),
                    "back": back}
        text, links = self.footnoter.provision(provision.id, cited.pinpoint)
        self.statuses[provision.id] = provision.verification.status
        if provision.verification.is_unverified:
            self.unverified.setdefault(provision.id, {"cite": cite_provision(instrument, provision, lang),
                                                      "note": provision.verification.note_in(lang)})
        since = instrument.binding_on_tajikistan.since if instrument.binding_on_tajikistan else None
        return {"kind": "provision", "cite": cite_provision(instrument, provision, lang, cited.pinpoint),
                "title": pick(provision.title, lang), "back": back,
                "authority": authority_on(instrument, self.matter.date),
                "binding_since": human(since, lang) if since and instrument.jurisdiction != "tj"
                and binding_on(instrument, self.matter.date) else "",
                "status": provision.verification.status,
                "gist": pinpoint_gist(wording.gist(lang), provision.label, cited.pinpoint),
                "fn": self.notes(text, links)}

    def _annex_text(self, provision, texts: dict[str, Text], pinpoint: str) -> None:
        """Annex A quotes each provision cited with a text: the paragraphs the memo pinpoints (all of
        them, whichever section cites them), or the whole text where it is cited whole."""
        chosen = pick_lang(texts, self.lang)
        if chosen is None:
            return
        text = texts[chosen]
        entry = self.texts.setdefault(provision.id, {"provision": provision, "text": text, "pinpoints": []})
        if pinpoint not in entry["pinpoints"]:
            entry["pinpoints"].append(pinpoint)

    def annex_texts(self) -> list[dict]:
        rows = []
        for entry in self.texts.values():
            provision, text, pins = entry["provision"], entry["text"], entry["pinpoints"]
            instrument = self.corpus.instrument_of(provision)
            whole = "" in pins
            parts = [text.content] if whole else list(dict.fromkeys(pinpoint_text(text.content, pin) for pin in pins))
            shown_pins = "" if whole or len(pins) > 1 else pins[0]
            rows.append({"cite": cite_provision(instrument, provision, self.lang, shown_pins),
                         "title": pick(provision.title, self.lang), "kind": text.kind, "lang": text.lang,
                         "content": "\n".join(parts)})
        return rows

    def annex_row(self, pid: str) -> dict:
        provision = self.corpus.provisions[pid]
        instrument = self.corpus.instrument_of(provision)
        return {"cite": cite_provision(instrument, provision, self.lang), "title": pick(provision.title, self.lang),
                "status": provision.verification.status}


def render_memo(corpus: Corpus, matter: Matter, plan: MemoPlan, output: Path, **options) -> None:
    """Write the memo to ``output`` (atomically: never half a file)."""
    save_document(build_memo(corpus, matter, plan, **options), output)


def build_memo(corpus: Corpus, matter: Matter, plan: MemoPlan, *, template: Path | None = None,
               site_url: str | None = None, redact: bool = False, org: dict | None = None):
    """The memo as a python-docx Document (``huquq serve`` sends it without writing it to disk)."""
    reference = template or DEFAULT_PATH
    document = Document(str(reference))
    missing = missing_styles(document)
    if missing:
        raise ValueError(f"{reference}: the template lacks the styles {', '.join(missing)}; "
                         "start from templates/reference.docx")
    clear_body(document)
    if redact and matter.client:
        matter = redacted(matter)
    view = MemoView(corpus, matter, plan, site_url)
    values = view.build()
    env = environment(paths.TEMPLATES / "memo", autoescape=False, finalize=finalize)
    markup = render(env, f"memo.{matter.language}.j2", matter=matter, client=matter.client, sep="\x1f",
                    **values)
    write_blocks(document, markup, view.notes.notes, f"memo.{matter.language}.j2")
    if org or matter.client:
        # The organisation's name, and on every page a memo that names a client says it is confidential: a
        # page passed on alone still says so.
        header = document.sections[0].header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        if org:
            paragraph.text = org["name"]
        if matter.client:
            mark = paragraph.add_run(("  ·  " if paragraph.text else "") + CONFIDENTIAL[matter.language])
            mark.bold = True
            mark.font.color.rgb = RGBColor(0xB7, 0x1C, 0x1C)
    describe(document, title=matter.title, subject=MEMO[matter.language], language=matter.language,
             author=matter.prepared_by or (org or {}).get("name") or "huquq")
    return document


def redacted(matter: Matter) -> Matter:
    """The matter with the client's name (whole, or any part of it) replaced by initials everywhere."""
    initials = initials_of(matter.client)
    parts = sorted({matter.client, *matter.client.split()}, key=len, reverse=True)
    words = "|".join(re.escape(p) for p in parts if len(p) > 1)
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)

    def scrub(text: str) -> str:
        def replace(match: re.Match) -> str:
            if match.group(0).lower() == matter.client.lower():
                return initials
            return initials_of(match.group(0))
        return pattern.sub(replace, text)

    return dataclasses.replace(matter, client=initials, facts=scrub(matter.facts), title=scrub(matter.title),
                               place=scrub(matter.place))


def initials_of(name: str) -> str:
    """"Z. Q." for "Zarina Qodirova": the first letter of each part, from letters only ("«Zarina»" -> "Z.")."""
    letters = (next((c for c in part if c.isalpha()), "") for part in name.split())
    return " ".join(f"{letter.upper()}." for letter in letters if letter)
