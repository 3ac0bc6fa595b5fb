"""The legal grounding memo: a plan (what to cite) and its rendering into Word."""

from __future__ import annotations

import datetime as dt
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document

from kb import ids
from kb.cite import cite_case, cite_provision, pick
from kb.models import Corpus, Provision

from . import paths
from .files import write_atomically
from .matter import Matter
from .templating import environment, render
from .word.blocks import NoteCollector, finalize, missing_styles, write_blocks
from .word.oxml import clear_body
from .word.reference import DEFAULT_PATH

GROUPS = ("tajik-law", "treaty", "interpretation", "standard")


@dataclass
class IssuePlan:
    topic: str
    groups: dict = field(default_factory=dict)  # authority -> [(provision id, pinpoint)]
    cases: list = field(default_factory=list)


@dataclass
class MemoPlan:
    law_date: dt.date
    language: str
    issues: list[IssuePlan]
    not_in_force: list[str]

    def provision_ids(self) -> list[str]:
        seen: list[str] = []
        for issue in self.issues:
            for group in GROUPS:
                seen += [pid for pid, _ in issue.groups.get(group, []) if pid not in seen]
        return seen

    def case_ids(self) -> list[str]:
        seen: list[str] = []
        for issue in self.issues:
            seen += [c for c in issue.cases if c not in seen]
        return seen


def plan_memo(corpus: Corpus, matter: Matter) -> MemoPlan:
    """Choose, per issue, the provisions in force on the matter's date and the cases."""
    pins = dict(matter.cite)
    not_in_force: list[str] = []
    issues = []
    for topic in matter.issues:
        issue = IssuePlan(topic)
        chosen = [p for p in corpus.provisions_on_topic(topic) if p.id not in matter.exclude]
        chosen += [corpus.provisions[pid] for pid in pins if topic in corpus.provisions[pid].topics and corpus.provisions[pid] not in chosen]
        for provision in sorted(chosen, key=_order(corpus)):
            instrument = corpus.instrument_of(provision)
            binding_law = instrument.authority in ("tajik-law", "treaty")
            # Law binds as it stood on the date of the events; interpretation is cited as it stands.
            if binding_law and (provision.wording_on(matter.date) is None or not instrument.in_force_on(matter.date)):
                not_in_force.append(provision.id)
                continue
            issue.groups.setdefault(instrument.authority, []).append((provision.id, pins.get(provision.id, "")))
        cases = [c for c in corpus.cases_on_topic(topic)]
        issue.cases = [c.id for c in sorted(cases, key=lambda c: (not c.binding, c.adverse, c.date))]
        issues.append(issue)
    return MemoPlan(matter.date, matter.language, issues, sorted(set(not_in_force)))


def _order(corpus: Corpus):
    def key(provision: Provision):
        instrument = corpus.instrument_of(provision)
        label = provision.label.split("-")[0]
        return (not instrument.is_binding, instrument.id, int(label) if label.isdigit() else 10**6, provision.label)
    return key


def plan_json(corpus: Corpus, plan: MemoPlan) -> dict:
    provisions = plan.provision_ids()
    return {
        "law_date": plan.law_date.isoformat(),
        "language": plan.language,
        "issues": [{"topic": i.topic, "provisions": [pid for g in GROUPS for pid, _ in i.groups.get(g, [])],
                    "cases": i.cases} for i in plan.issues],
        "provisions": provisions,
        "cases": plan.case_ids(),
        "unverified": [pid for pid in provisions if corpus.provisions[pid].verification.is_unverified]
                      + [cid for cid in plan.case_ids() if corpus.cases[cid].verification.is_unverified],
        "not_in_force_on_date": plan.not_in_force,
    }


def render_memo(corpus: Corpus, matter: Matter, plan: MemoPlan, output: Path, *, template: Path | None = None,
                site_url: str | None = None, redact: bool = False) -> None:
    reference = template or DEFAULT_PATH
    document = Document(str(reference))
    missing = missing_styles(document)
    if missing:
        raise ValueError(f"{reference}: the template lacks the styles {', '.join(missing)}; "
                         "start from templates/reference.docx")
    clear_body(document)
    lang = matter.language
    notes = NoteCollector()
    env = environment(paths.TEMPLATES / "memo", autoescape=False, finalize=finalize)
    if redact and matter.client:
        matter = redacted(matter)

    def provision_view(pid: str, pin: str) -> dict:
        p = corpus.provisions[pid]
        instrument = corpus.instrument_of(p)
        wording = p.wording_on(matter.date) or p.wording
        url = ids.absolute(site_url, ids.provision_url(pid)) if site_url else None
        source = next((s for s in p.sources if s.url), p.sources[0])
        note = f"{cite_provision(instrument, p, lang, pin)}. {source.title}, {source.url or ''}".strip().rstrip(",")
        return {"id": pid, "cite": cite_provision(instrument, p, lang, pin), "title": pick(p.title, lang),
                "summary": wording.gist(lang), "fn": notes(note, url, url),
                "unverified": p.verification.is_unverified, "note": p.verification.note or "",
                "binding_since": instrument.binding_on_tajikistan.since if instrument.is_binding and instrument.binding_on_tajikistan else None,
                "text": wording.texts.get(lang) or next(iter(wording.texts.values()), None),
                "current": wording.current, "span": f"{wording.in_force_from or '…'} – {wording.in_force_to or ''}"}

    issues = []
    cited: dict[str, dict] = {}
    for issue in plan.issues:
        topic = corpus.topics[issue.topic]
        groups = {}
        for group in GROUPS:
            views = [provision_view(pid, pin) for pid, pin in issue.groups.get(group, [])]
            for view in views:
                cited.setdefault(view["id"], view)
            groups[group] = views
        cases = []
        for cid in issue.cases:
            case = corpus.cases[cid]
            source = next((s for s in case.sources if s.url), case.sources[0])
            cases.append({"cite": cite_case(case, lang), "summary": pick(case.summary, lang), "binding": case.binding,
                          "adverse": case.adverse, "unverified": case.verification.is_unverified,
                          "fn": notes(f"{cite_case(case, lang)}. {source.title}, {source.url}", None)})
        issues.append({"label": pick(topic.label, lang), "argument": pick(topic.argument, lang),
                       "groups": groups, "cases": cases})
    unverified = [v for v in cited.values() if v["unverified"]]
    markup = render(
        env, f"memo.{lang}.j2", matter=matter, client=matter.client, issues=issues, annex=list(cited.values()), unverified=unverified,
        today=dt.date.today().isoformat(), law_date=matter.date.isoformat(), sep="\x1f", fn=notes,
        not_in_force=plan.not_in_force)
    write_blocks(document, markup, notes.notes, f"memo.{lang}.j2")
    document.core_properties.title = matter.title
    document.core_properties.author = matter.prepared_by or "huquq"
    save_atomically(document, output)


def redacted(matter: Matter) -> Matter:
    """The matter with the client's name (whole, or any part of it) replaced by initials everywhere."""
    initials = _initials(matter.client)
    parts = sorted({matter.client, *matter.client.split()}, key=len, reverse=True)
    words = "|".join(re.escape(p) for p in parts if len(p) > 1)
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)

    def scrub(text: str) -> str:
        return pattern.sub(lambda m: initials if m.group(0).lower() == matter.client.lower() else m.group(0)[0] + ".", text)

    return dataclasses.replace(matter, client=initials, facts=scrub(matter.facts), title=scrub(matter.title),
                               place=scrub(matter.place))


def _initials(name: str) -> str:
    return " ".join(part[0] + "." for part in name.split() if part)


def save_atomically(document, output: Path) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    write_atomically(output, document.save, suffix=".docx")
