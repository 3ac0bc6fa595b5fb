"""What most needs checking against the official texts, and how much has been checked.

A record matters more the more memos lead with it: each topic and circumstance that names it among
its leading authorities counts. Unverified records come before secondary ones at equal weight.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .cite import cite_case, cite_provision, pick
from .models import Corpus, Source


@dataclass
class ReviewItem:
    id: str
    kind: str  # provision or case
    citation: str
    title: str
    status: str
    led_by: list[str] = field(default_factory=list)  # topics and circumstances leading with it
    check: str = ""  # the public note: what to check
    addresses: list[str] = field(default_factory=list)  # where the official text is

    def to_json(self) -> dict:
        return dict(self.__dict__)


def leading_counts(corpus: Corpus) -> dict[str, list[str]]:
    """record id -> the topics ("topic:x") and circumstances that lead with it."""
    found: dict[str, list[str]] = {}
    owners = [(f"topic:{t.id}", t.leading) for t in corpus.topics.values()]
    owners += [(c.id, c.leading) for c in corpus.circumstances.values()]
    for owner, entries in owners:
        for entry in entries:
            authority = corpus.authority(entry)
            if authority:
                found.setdefault(authority[1], [])
                if owner not in found[authority[1]]:
                    found[authority[1]].append(owner)
    return found


def document_addresses(sources: tuple[Source, ...]) -> list[str]:
    """Addresses that name a document (not a database's front page), in order, without repeats."""
    return list(dict.fromkeys(s.url for s in sources if s.url and urlparse(s.url).path.strip("/")))


def review_list(corpus: Corpus, lang: str = "en", include_secondary: bool = True) -> list[ReviewItem]:
    wanted = ("unverified", "conflicting", "secondary") if include_secondary else ("unverified", "conflicting")
    led = leading_counts(corpus)
    items: list[ReviewItem] = []
    for provision in corpus.provisions.values():
        if provision.verification.status not in wanted:
            continue
        instrument = corpus.instrument_of(provision)
        items.append(ReviewItem(
            provision.id, "provision", cite_provision(instrument, provision, lang), pick(provision.title, lang),
            provision.verification.status, led.get(provision.id, []), provision.verification.note_in(lang),
            document_addresses(instrument.official_sources + provision.sources)))
    for case in corpus.cases.values():
        if case.verification.status not in wanted:
            continue
        items.append(ReviewItem(case.id, "case", cite_case(case, lang), pick(case.title, lang),
                                case.verification.status, led.get(case.id, []), case.verification.note_in(lang),
                                document_addresses(case.sources)))
    order = {"conflicting": 0, "unverified": 1, "secondary": 2}
    items.sort(key=lambda item: (-len(item.led_by), order[item.status], item.kind, item.id))
    return items


def counts(corpus: Corpus) -> dict:
    """Provisions with a verbatim text, and per status, in all and per instrument."""
    per_instrument: dict[str, Counter] = {}
    total: Counter = Counter()
    for provision in corpus.provisions.values():
        row = per_instrument.setdefault(provision.instrument_id, Counter())
        for counter in (row, total):
            counter["provisions"] += 1
            counter[provision.verification.status] += 1
            if any(w.texts for w in provision.wordings()):
                counter["with_text"] += 1
    cases: Counter = Counter(case.verification.status for case in corpus.cases.values())
    return {"total": dict(total), "cases": dict(cases),
            "instruments": {iid: dict(row) for iid, row in sorted(per_instrument.items())}}
