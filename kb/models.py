"""The knowledge base as typed, frozen values.

Every record keeps its ``origin`` (file and line) so that any later check can
point a maintainer to the place to fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .dates import in_range, parse_date
from .ids import parse_citation, provision_id

LANGS = ("en", "ru", "tg")
# The language to show when a text is missing in the reader's: a Tajik reader reads Russian before English.
FALLBACK = {"en": ("en", "ru", "tg"), "ru": ("ru", "en", "tg"), "tg": ("tg", "ru", "en")}
I18n = dict  # language code -> text


@dataclass(frozen=True)
class Origin:
    path: str
    line: int
    # (field, line) of the record's fields and of the items of its lists ("related[2]"): a problem with
    # one reference is reported at its own line, not at the record's.
    fields: tuple[tuple[str, int], ...] = ()

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    def at(self, name: str) -> int:
        """The line of a field (``related``) or list item (``related[2]``), else of the record."""
        lines = dict(self.fields)
        return lines.get(name) or lines.get(name.split("[")[0]) or self.line


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None
    provenance: str | None = None
    accessed: str | None = None
    pinpoint: str | None = None


@dataclass(frozen=True)
class Verification:
    status: str  # verified, secondary, unverified, conflicting
    checked_on: str | None = None
    by: str | None = None
    note: dict = field(default_factory=dict)  # public, per language: for readers of the site and of memos
    maintainer_note: str | None = None  # copies used, how it was read: never in a memo, notice or snippet
    against: str | None = None  # the official text a reviewer compared it with

    @property
    def is_unverified(self) -> bool:
        return self.status == "unverified"

    def note_in(self, lang: str) -> str:
        """The public note in ``lang``, else in the language its reader reads next (``FALLBACK``), else any
        language it has; "" if none."""
        for candidate in (*FALLBACK.get(lang, (lang, *FALLBACK["en"])), *self.note):
            if self.note.get(candidate):
                return self.note[candidate]
        return ""

    @property
    def is_conflicting(self) -> bool:
        return self.status == "conflicting"

    @property
    def is_confirmed(self) -> bool:
        """Read in the official text or in a reputable source: what a notice may rest on."""
        return self.status in ("verified", "secondary")


@dataclass(frozen=True)
class Text:
    """A verbatim text in one language, with where it was copied from."""

    lang: str
    kind: str  # official, transcription, unofficial-translation
    content: str
    source: Source


@dataclass(frozen=True)
class Wording:
    """What a provision said during [in_force_from, in_force_to)."""

    in_force_from: str | None
    in_force_to: str | None
    summary: I18n
    texts: dict[str, Text]
    amended_by: I18n = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    notes: I18n = field(default_factory=dict)
    current: bool = False

    def applies_on(self, on: dt.date) -> bool:
        return in_range(on, self.in_force_from, self.in_force_to)

    def gist(self, lang: str) -> str:
        """The summary in ``lang`` (or another language); the text where no summary is written yet."""
        for texts in (self.summary, {k: t.content for k, t in self.texts.items()}):
            for candidate in (lang, "en", "ru", "tg"):
                if texts.get(candidate):
                    return texts[candidate]
        return ""


@dataclass(frozen=True)
class Provision:
    instrument_id: str
    label: str
    title: I18n
    wording: Wording  # the current (latest) wording
    versions: tuple[Wording, ...]  # earlier wordings
    topics: tuple[str, ...]
    related: tuple[str, ...]
    verification: Verification
    sources: tuple[Source, ...]
    notes: I18n  # shown to readers, per language
    origin: Origin
    argument: I18n = field(default_factory=dict)  # the project's argument, kept apart from the summary
    keywords: dict = field(default_factory=dict)  # lang -> tuple of search terms (the index only)

    @property
    def id(self) -> str:
        return provision_id(self.instrument_id, self.label)

    @property
    def summary(self) -> I18n:
        return self.wording.summary

    @property
    def texts(self) -> dict[str, Text]:
        return self.wording.texts

    def wordings(self) -> list[Wording]:
        """All wordings, latest first."""
        return sorted(
            (self.wording, *self.versions),
            key=lambda w: parse_date(w.in_force_from) if w.in_force_from else dt.date.min,
            reverse=True,
        )

    def wording_on(self, on: dt.date) -> Wording | None:
        for wording in self.wordings():
            if wording.applies_on(on):
                return wording
        return None


@dataclass(frozen=True)
class Binding:
    binding: bool
    since: str | None = None
    note: I18n = field(default_factory=dict)  # per language
    source: Source | None = None


@dataclass(frozen=True)
class Instrument:
    id: str
    title: I18n
    short_title: I18n
    aliases: tuple[str, ...]
    kind: str
    jurisdiction: str  # tj or intl
    issued_by: I18n
    symbol: str | None
    unit: I18n
    binding_on_tajikistan: Binding | None
    adopted: str | None
    in_force_from: str | None
    in_force_to: str | None
    replaced_by: str | None
    official_sources: tuple[Source, ...]
    verification: Verification | None
    notes: I18n  # shown to readers, per language
    provision_ids: tuple[str, ...]
    origin: Origin

    @property
    def is_binding(self) -> bool:
        return bool(self.binding_on_tajikistan and self.binding_on_tajikistan.binding)

    def in_force_on(self, on: dt.date) -> bool:
        return in_range(on, self.in_force_from, self.in_force_to)

    @property
    def authority(self) -> str:
        """Where the memo places it: law, obligation, interpretation or guidance."""
        if self.jurisdiction == "tj":
            return "tajik-law"
        if self.kind in ("treaty", "optional-protocol") and self.is_binding:
            return "treaty"
        if self.kind in ("general-comment", "concluding-observations"):
            return "interpretation"
        return "standard"


@dataclass(frozen=True)
class Case:
    id: str
    title: I18n
    body: str
    court: str | None
    number: str
    symbol: str | None
    date: str
    parties: dict
    outcome: I18n
    summary: I18n
    holdings: tuple[I18n, ...]
    provisions: tuple[str, ...]
    topics: tuple[str, ...]
    binding: bool
    adverse: bool
    sources: tuple[Source, ...]
    verification: Verification
    notes: I18n  # shown to readers, per language
    origin: Origin
    keywords: dict = field(default_factory=dict)  # lang -> tuple of search terms (the index only)


@dataclass(frozen=True)
class ExampleQuery:
    query: str
    lang: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    id: str
    label: I18n
    synonyms: dict  # lang -> tuple of words
    description: I18n
    broader: tuple[str, ...]
    argument: I18n
    queries: tuple[ExampleQuery, ...]
    origin: Origin
    leading: tuple[str, ...] = ()  # provision citations (iccpr/9(3)), then case ids, in order
    request: dict = field(default_factory=dict)  # lang -> what a memo asks for on this issue

    def words(self) -> dict[str, list[str]]:
        """Label and synonyms per language: what query expansion matches."""
        return {
            lang: [self.label[lang], *self.synonyms.get(lang, ())]
            for lang in LANGS if lang in self.label
        }


@dataclass(frozen=True)
class Choice:
    id: str
    label: I18n


@dataclass(frozen=True)
class ValueSpec:
    """A value a circumstance needs: asked after its question, used by its argument and request."""

    id: str
    type: str  # integer, number, boolean, text, date, choice
    question: I18n
    explanation: I18n = field(default_factory=dict)
    required: bool = False
    min: float | None = None
    max: float | None = None
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Circumstance:
    """Something that happened, as a non-lawyer can answer it, with the law, argument and request it
    brings to a memo."""

    id: str
    title: I18n
    question: I18n
    explanation: I18n
    said: dict  # lang -> tuple of a caller's phrases (search only)
    values: tuple[ValueSpec, ...]
    topics: tuple[str, ...]
    leading: tuple[str, ...]
    argument: I18n  # Jinja templates over the values
    request: dict  # lang -> tuple of templates
    sources: tuple[Source, ...]
    notes: str | None
    origin: Origin

    def value(self, value_id: str) -> ValueSpec | None:
        return next((v for v in self.values if v.id == value_id), None)


@dataclass(frozen=True)
class Question:
    id: str
    question: I18n
    explanation: I18n


@dataclass(frozen=True)
class Section:
    """A group of circumstances, asked only when its gates (yes/no questions) were answered yes."""

    id: str
    title: I18n
    ask_if: tuple[str, ...]
    circumstances: tuple[str, ...]


@dataclass(frozen=True)
class Interview:
    """The order of the questions: about the matter, the gates, then the sections of circumstances."""

    matter: tuple[Question, ...]
    gates: tuple[Question, ...]
    sections: tuple[Section, ...]
    origin: Origin

    def order(self) -> list[str]:
        return [cid for section in self.sections for cid in section.circumstances]


@dataclass(frozen=True)
class Right:
    id: str
    text: I18n
    provisions: tuple[str, ...]


@dataclass(frozen=True)
class Notice:
    id: str
    title: I18n
    intro: I18n
    rights: tuple[Right, ...]
    what_to_do_heading: I18n
    what_to_do: tuple[I18n, ...]
    contact_heading: I18n
    translations: dict
    notes: str | None
    origin: Origin


@dataclass
class Corpus:
    """Everything validated, with the lookups the index, site and documents need."""

    instruments: dict[str, Instrument] = field(default_factory=dict)
    provisions: dict[str, Provision] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    notices: dict[str, Notice] = field(default_factory=dict)
    circumstances: dict[str, Circumstance] = field(default_factory=dict)
    interview: Interview | None = None
    file_hashes: dict[str, str] = field(default_factory=dict)  # path under the sources -> sha256

    def instrument_of(self, provision: Provision) -> Instrument:
        return self.instruments[provision.instrument_id]

    def provisions_of(self, instrument_id: str) -> list[Provision]:
        return [self.provisions[pid] for pid in self.instruments[instrument_id].provision_ids]

    def related_to(self, pid: str) -> list[str]:
        """Related provisions in both directions, without duplicates, in a stable order."""
        found = list(self.provisions[pid].related)
        found += [other for other in self._reverse("related").get(pid, ()) if other not in found]
        return found

    def cases_applying(self, pid: str) -> list[Case]:
        return [self.cases[cid] for cid in self._reverse("cases").get(pid, ())]

    def _reverse(self, which: str) -> dict[str, list[str]]:
        """Reverse look-ups, built once: a site of thousands of pages asks for each."""
        cache = self.__dict__.setdefault("_reverse_cache", {})
        if which not in cache:
            table: dict[str, list[str]] = {}
            if which == "related":
                for provision in self.provisions.values():
                    for target in provision.related:
                        table.setdefault(target, []).append(provision.id)
            else:
                for case in self.cases.values():
                    for target in case.provisions:
                        table.setdefault(target, []).append(case.id)
            cache[which] = table
        return cache[which]

    def provisions_on_topic(self, topic_id: str) -> list[Provision]:
        return [p for p in self.provisions.values() if topic_id in p.topics]

    def cases_on_topic(self, topic_id: str) -> list[Case]:
        return [c for c in self.cases.values() if topic_id in c.topics]

    def authority(self, entry: str) -> tuple[str, str, str] | None:
        """A leading-authority entry as ("provision", id, pinpoint) or ("case", id, ""); None if it
        names nothing in the corpus."""
        if "/" not in entry:
            return ("case", entry, "") if entry in self.cases else None
        try:
            pid, pinpoint = parse_citation(entry)
        except ValueError:
            return None
        return ("provision", pid, pinpoint) if pid in self.provisions else None

    def get(self, record_id: str) -> Any:
        """An instrument, provision, case, topic, notice or circumstance by id, or None."""
        for table in (self.provisions, self.instruments, self.cases, self.topics, self.notices,
                      self.circumstances):
            if record_id in table:
                return table[record_id]
        return None

