"""What a memo cites: from the matter's circumstances to their leading authorities.

Per issue (a topic): the leading authorities of the matter's circumstances under it, in the order the
catalogue gives (or, for an issue named without circumstances, the topic's own leading authorities);
then at most ``MAX_EXTRAS`` more provisions tagged with the topic and related to the law already cited,
ranked by the search against the matter's own facts. Whatever else is tagged with the matter's issues goes to a one-line-each annex.
Only what a memo about events of that date may cite is chosen (``kb.inforce``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable

from kb.ids import natural_key
from kb.inforce import authority_on, case_citable, why_not_citable
from kb.models import Corpus

from ..matter import Matter

MAX_EXTRAS = 3
UNLED = 5  # provisions cited for a topic that names no leading authorities
AUTHORITY_ORDER = ("tajik-law", "treaty", "interpretation", "standard")

# rank(text, topic, on) -> [(provision id, score)], best first: the search's ranking of the provisions
# tagged with ``topic`` and in force on ``on`` against ``text`` (kb.search.Searcher.rank_facts).
Ranker = Callable[[str, str, dt.date], list]
# An extra must fit the facts about as well as the law the issue already cites: its score at least this
# share of the best score among the issue's own authorities.
EXTRA_SHARE = 0.8


@dataclass
class Cited:
    kind: str  # provision or case
    id: str
    pinpoint: str = ""
    brought_by: str = ""  # a circumstance id, "topic:<id>", "facts" or "cite"


@dataclass
class CircumstancePlan:
    id: str
    values: dict
    authorities: list[Cited] = field(default_factory=list)


@dataclass
class IssuePlan:
    topic: str
    circumstances: list[CircumstancePlan] = field(default_factory=list)
    leading: list[Cited] = field(default_factory=list)  # the topic's, when no circumstance is under it
    extras: list[Cited] = field(default_factory=list)

    def cited(self) -> list[Cited]:
        return [a for c in self.circumstances for a in c.authorities] + self.leading + self.extras


@dataclass
class MemoPlan:
    law_date: dt.date
    language: str
    issues: list[IssuePlan]
    annex: list[str] = field(default_factory=list)  # other provisions on the issues, one line each
    not_cited: dict = field(default_factory=dict)  # id -> why a memo of this date may not cite it

    def cited(self) -> list[Cited]:
        return [a for issue in self.issues for a in issue.cited()]

    def ids(self, kind: str) -> list[str]:
        return list(dict.fromkeys(a.id for a in self.cited() if a.kind == kind))


def plan_memo(corpus: Corpus, matter: Matter, rank: Ranker | None = None) -> MemoPlan:
    """Choose what the memo cites. ``rank`` (the search) adds provisions that fit the facts."""
    on = matter.date
    plan = MemoPlan(on, matter.language, [])
    excluded = set(matter.exclude)
    chosen: set[tuple[str, str]] = set()  # (id, pinpoint) already in the body

    def usable(entry: str, brought_by: str) -> Cited | None:
        found = corpus.authority(entry)
        if found is None:
            return None
        kind, record_id, pinpoint = found
        if record_id in excluded:
            return None
        if brought_by in ("facts", "cite") and (record_id, pinpoint) in chosen:
            return None  # already cited; a later circumstance's leading authority is referred back to
        if kind == "provision":
            reason = why_not_citable(corpus, corpus.provisions[record_id], on)
        else:
            reason = None if case_citable(corpus.cases[record_id]) else "its sources conflict"
        if reason:
            plan.not_cited.setdefault(record_id, reason)
            return None
        chosen.add((record_id, pinpoint))
        return Cited(kind, record_id, pinpoint, brought_by)

    issues = {topic: IssuePlan(topic) for topic in matter.issues}
    order = corpus.interview.order() if corpus.interview else []
    answers = sorted(matter.circumstances, key=lambda a: order.index(a.id) if a.id in order else len(order))
    for answer in answers:
        circumstance = corpus.circumstances[answer.id]
        topic = next((t for t in circumstance.topics if t in issues), circumstance.topics[0])
        issue = issues.setdefault(topic, IssuePlan(topic))
        part = CircumstancePlan(answer.id, dict(answer.values))
        part.authorities = [c for c in (usable(e, answer.id) for e in circumstance.leading) if c]
        issue.circumstances.append(part)
    for issue in issues.values():
        if not issue.circumstances:
            topic = corpus.topics[issue.topic]
            # A topic that names no leading authorities yet: its first few provisions, binding law first.
            entries = topic.leading or [p.id for p in sorted(corpus.provisions_on_topic(topic.id),
                                                             key=lambda p: _annex_order(corpus, p.id, on))][:UNLED]
            issue.leading = [c for c in (usable(e, f"topic:{topic.id}") for e in entries) if c]
    plan.issues = list(issues.values())
    if not plan.issues:
        return plan
    for pid, pinpoint in matter.cite:
        home = next((i for i in plan.issues if i.topic in corpus.provisions[pid].topics), plan.issues[0])
        cited = usable(pid + pinpoint, "cite")
        if cited:
            home.extras.append(cited)
    if rank and matter.facts.strip():
        # A provision the catalogue ties to a circumstance this matter does not have (CRC 37 to a minor
        # detained, Family Code 15 to a premarital test) is about other facts: never an extra.
        other_facts = {corpus.authority(e)[1] for c in corpus.circumstances.values()
                       if matter.answer(c.id) is None for e in c.leading if corpus.authority(e)}
        other_facts -= {a.id for a in plan.cited()}
        for issue in plan.issues:
            taken = {c.id for c in plan.cited()} | excluded | other_facts
            # Candidates are the provisions the corpus relates to the law this issue already cites: the
            # facts' words alone would bring in CEDAW art. 7 for an NGO because it says "organisations".
            own_ids = {c.id for c in issue.cited() if c.kind == "provision"}
            candidates = {pid for own in own_ids for pid in corpus.related_to(own)}
            ranked = rank(matter.facts, issue.topic, on)
            scores = dict(ranked)
            own = sorted(scores.get(pid, 0.0) for pid in own_ids)
            bar = EXTRA_SHARE * own[-1] if own else 0.0
            chosen_here = 0
            for pid, score in ranked:
                if chosen_here == MAX_EXTRAS or score < bar:
                    break
                cited = usable(pid, "facts") if pid in candidates and pid not in taken else None
                if cited:
                    issue.extras.append(cited)
                    chosen_here += 1
    in_body = set(plan.ids("provision"))
    annex = {p.id for issue in plan.issues for p in corpus.provisions_on_topic(issue.topic)
             if p.id not in in_body and p.id not in excluded}
    for pid in list(annex):
        reason = why_not_citable(corpus, corpus.provisions[pid], on)
        if reason:
            annex.discard(pid)
            plan.not_cited.setdefault(pid, reason)
    plan.annex = sorted(annex, key=lambda pid: _annex_order(corpus, pid, on))
    return plan


def _annex_order(corpus: Corpus, pid: str, on: dt.date) -> tuple:
    provision = corpus.provisions[pid]
    instrument = corpus.instrument_of(provision)
    return (AUTHORITY_ORDER.index(authority_on(instrument, on)), instrument.id, natural_key(provision.label))


def plan_json(corpus: Corpus, plan: MemoPlan) -> dict:
    """The plan as ``huquq memo --plan`` prints it: what is cited, and what brought each authority."""
    def entries(items: Iterable[Cited]) -> list[dict]:
        return [{"id": c.id + c.pinpoint if c.kind == "provision" else c.id, "kind": c.kind,
                 "brought_by": c.brought_by} for c in items]

    provisions, cases = plan.ids("provision"), plan.ids("case")
    brought: dict[str, list[str]] = {}
    for cited in plan.cited():
        brought.setdefault(cited.id, [])
        if cited.brought_by not in brought[cited.id]:
            brought[cited.id].append(cited.brought_by)
    records = [corpus.provisions[pid] for pid in provisions] + [corpus.cases[cid] for cid in cases]
    return {
        "law_date": plan.law_date.isoformat(),
        "language": plan.language,
        "issues": [{"topic": issue.topic,
                    "circumstances": [{"id": c.id, "values": c.values, "authorities": entries(c.authorities)}
                                      for c in issue.circumstances],
                    "leading": entries(issue.leading), "extras": entries(issue.extras),
                    "provisions": list(dict.fromkeys(c.id for c in issue.cited() if c.kind == "provision")),
                    "cases": list(dict.fromkeys(c.id for c in issue.cited() if c.kind == "case"))}
                   for issue in plan.issues],
        "provisions": provisions,
        "cases": cases,
        "brought_by": brought,
        "annex": plan.annex,
        "unverified": [r.id for r in records if r.verification.is_unverified],
        "not_cited": plan.not_cited,
    }
