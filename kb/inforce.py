"""The law as it stood on a date: what a memo about events of that day may cite, and how.

- Tajik law and treaties bind as they stood on the date: an act not yet in force (or repealed), or a
  wording not in force that day, is not cited.
- A treaty binds Tajikistan only from its accession or ratification (``binding_on_tajikistan.since``);
  before that it is cited, if at all, as a standard, never as an obligation.
- An instrument adopted after the date (a general comment, concluding observations, a standard) is not
  cited: it did not exist when the events happened.
- A record whose sources conflict on its number or subject is never cited.
"""

from __future__ import annotations

import datetime as dt

from .dates import parse_date
from .models import Case, Corpus, Instrument, Provision

BINDING_AUTHORITIES = ("tajik-law", "treaty")


def start_of(instrument: Instrument) -> str | None:
    """When an instrument took effect: its entry into force, else its adoption."""
    return instrument.in_force_from or instrument.adopted


def existed_on(instrument: Instrument, on: dt.date) -> bool:
    start = start_of(instrument)
    return start is None or parse_date(start) <= on


def not_ended(instrument: Instrument, on: dt.date) -> bool:
    return instrument.in_force_to is None or on < parse_date(instrument.in_force_to)


def binding_on(instrument: Instrument, on: dt.date) -> bool:
    """Whether the instrument bound Tajikistan on ``on`` (Tajik law in force, or a treaty acceded to)."""
    if instrument.jurisdiction == "tj":
        return existed_on(instrument, on) and not_ended(instrument, on)
    binding = instrument.binding_on_tajikistan
    if not (binding and binding.binding):
        return False
    return binding.since is None or parse_date(binding.since) <= on


def authority_on(instrument: Instrument, on: dt.date) -> str:
    """The instrument's place in a memo about events of ``on``: a treaty not yet binding is a standard."""
    authority = instrument.authority
    if authority == "treaty" and not binding_on(instrument, on):
        return "standard"
    return authority


def why_not_citable(corpus: Corpus, provision: Provision, on: dt.date) -> str | None:
    """None if a memo about events of ``on`` may cite the provision; otherwise the reason, in English."""
    instrument = corpus.instrument_of(provision)
    if provision.verification.is_conflicting:
        return "its sources conflict on its number or subject"
    if not existed_on(instrument, on):
        return f"{instrument.id} took effect on {start_of(instrument)}, after the events"
    if instrument.authority in BINDING_AUTHORITIES:  # Tajik law is "tajik-law"
        if not not_ended(instrument, on):
            return f"{instrument.id} was no longer in force on {on.isoformat()}"
        if provision.wording_on(on) is None:
            return f"no wording of {provision.id} was in force on {on.isoformat()}"
    return None


def case_citable(case: Case) -> bool:
    return not case.verification.is_conflicting
