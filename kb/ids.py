"""Identifiers and site addresses: the one place that parses and formats them."""

from __future__ import annotations

import re

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LABEL_RE = re.compile(r"^[0-9a-z]+([.-][0-9a-z]+)*$")
# A citation is a provision id with an optional pinpoint: iccpr/9(3), iccpr/14(3)(g).
CITATION_RE = re.compile(r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*/[0-9a-z]+(?:[.-][0-9a-z]+)*)(?P<pinpoint>(?:\([0-9a-z]+\))*)$")


def provision_id(instrument_id: str, label: str) -> str:
    return f"{instrument_id}/{label}"


def natural_key(label: str) -> tuple:
    """Order labels as a reader does: 2 < 9 < 10 < 143 < 143-1 < 144."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.-]", label))


def split_provision_id(pid: str) -> tuple[str, str]:
    instrument, _, label = pid.partition("/")
    return instrument, label


def parse_citation(text: str) -> tuple[str, str]:
    """``"iccpr/9(3)"`` -> ``("iccpr/9", "(3)")``; ``ValueError`` if it is not one."""
    match = CITATION_RE.match(text.strip())
    if not match:
        raise ValueError(
            f"{text!r} is not a provision id; expected <instrument>/<label> with an optional "
            "pinpoint, e.g. iccpr/9 or iccpr/9(3)"
        )
    return match["id"], match["pinpoint"]


# Site addresses. These are permanent: memos and bookmarks depend on them.
def instrument_url(instrument_id: str) -> str:
    return f"{instrument_id}/"


def provision_url(pid: str) -> str:
    return f"{pid}/"


def case_url(case_id: str) -> str:
    return f"cases/{case_id}/"


def topic_url(topic_id: str) -> str:
    return f"topics/{topic_id}/"


def circumstance_url(circumstance_id: str) -> str:
    return f"circumstances/{circumstance_id}/"


def notice_url(notice_id: str) -> str:
    return f"notices/{notice_id}/"


def absolute(base_url: str | None, path: str) -> str:
    base = (base_url or "").rstrip("/")
    return f"{base}/{path}" if base else f"/{path}"
