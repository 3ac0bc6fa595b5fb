"""Snippets: the passage of a text where the query's words are, with those words in [brackets].

Cheaper than re-analysing every hit's text: the query is analysed once per language (stemmed and
folded as the index does), and a text is searched for words that start with one of those stems.
Snowball stems are prefixes of the Russian word forms they come from; for English the words as
typed are looked for too, since Porter stems are not always prefixes ("liberti" for "liberty").
"""

from __future__ import annotations

import re

from .textnorm import ANALYZERS, STOP, fold_tajik

WIDTH = 240
BEFORE = 70  # characters of context before the first matched word
MAX_CHARS = 3000  # only the start of a long text is searched


def query_stems(query: str) -> frozenset[str]:
    """The stems a snippet marks: the query's words, not its operators or the words it excludes."""
    query = re.sub(r'\bNOT\s+(?:"[^"]*"|\S+)|\b(?:AND|OR|NOT)\b', " ", query)
    stems: set[str] = set()
    for make in ANALYZERS.values():
        stems.update(token.text for token in make()(query))
    # The words as typed, but not the function words the analyzers leave out: "ман" (I) marked "манъ" and
    # "манзил", "not" marked "notes".
    typed = (fold_tajik(word) for word in re.findall(r"\w+", query))
    stems.update(word for word in typed if word not in STOP)
    stems.update(stem[:-1] for stem in list(stems) if stem.endswith("i") and len(stem) > 4)
    return frozenset(stem for stem in stems if len(stem) >= 3 or stem.isdigit())


def _fold(text: str) -> str:
    """Lowercase and Tajik-folded, keeping every character at its position."""
    folded = fold_tajik(text)
    if len(folded) == len(text):
        return folded
    return "".join(f if len(f) == 1 else c for c, f in ((c, fold_tajik(c)) for c in text))


def snippet(text: str, stems: frozenset[str]) -> str | None:
    """The passage of ``text`` around the densest run of query words, or None if none is there."""
    if not stems:
        return None
    text = " ".join(text[:MAX_CHARS].split())
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
                         + r")\w*")
    matches = list(pattern.finditer(_fold(text)))
    if not matches:
        return None
    best = max(range(len(matches)), key=lambda i: sum(
        1 for m in matches[i:] if m.end() - matches[i].start() <= WIDTH - BEFORE))
    start = max(0, matches[best].start() - BEFORE)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + WIDTH)
    space = text.rfind(" ", start, end)
    if end < len(text) and space > start:
        end = space
    parts, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts += [text[cursor:match.start()], "[", text[match.start():match.end()], "]"]
        cursor = match.end()
    parts.append(text[cursor:end])
    return ("… " if start else "") + "".join(parts) + (" …" if end < len(text) else "")
