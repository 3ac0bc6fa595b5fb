"""Smaller Pagefind index chunks, so that each search downloads less.

Pagefind groups the words of its index into chunks of about 20,000 word locations (a fixed number in
its source, not an option), and the browser fetches the whole chunk of every word of a query: at 5,000
provisions a chunk is 25-36 KB, so a two-word search cost about 60 KB before any result was shown.
This module regroups the same words, in the same order, into chunks of ``UNITS`` locations and rewrites
the index's metadata to name them, exactly as Pagefind names and describes its own chunks (the word
ranges as shortest distinguishing prefixes). Nothing in a word's entry changes; the search is the same.

The files are gzip-compressed CBOR after a ``pagefind_dcd`` signature. The layout read here is that of
the Pagefind versions pinned in pyproject.toml; anything else is refused with a clear error and the
index Pagefind wrote is left as it was (tests/test_site.py checks both).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
# Word locations per chunk. A query word's own locations are its minimum; measured at 5,000 provisions
# (bench/site_scale.py): later searches 64 KB median with Pagefind's 20,000, see bench/RESULTS.md.
UNITS = 5000
PAGEFIND_UNITS = 20000  # Pagefind's own chunk size
FAMILY = 4  # the shortest stem the search page sends (docs/assets/huquq-search.js)
MIN_PAGEFIND, MAX_PAGEFIND = (1, 5), (1, 5)  # versions whose format this reads (major, minor)


class ChunkFormatError(ValueError):
    """The Pagefind bundle is not in the format this module knows."""


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ChunkFormatError(f"{path.name} does not start with Pagefind's signature")
    return cbor2.loads(raw[len(SIGNATURE):])


def _write(path: Path, data) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(data), 9, mtime=0))


def _units(word: list) -> int:
    """A word's size as Pagefind counts it: its locations and one per page."""
    return sum(len(page[1]) + 1 for page in word[1])


def _common(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b):
        if x != y:
            break
        count += 1
    return count


def regroup(words: list[list], units: int, family: int = FAMILY, cap: int = PAGEFIND_UNITS) -> list[list[list]]:
    """``words`` (sorted) in consecutive chunks of at least ``units`` locations (the last may be smaller).
    A chunk ends only between two words that differ within their first ``family`` letters (or once it
    reaches Pagefind's own size): the browser looks a query word up in one chunk only and matches the
    words there that start with it, so a stem's forms (задержан: задержание, задержания, задержанию)
    must not be split across chunks."""
    chunks, chunk, size = [], [], 0
    for word, following in zip(words, [*words[1:], None]):
        chunk.append(word)
        size += _units(word)
        if following is None:
            break
        if size >= cap or (size >= units and _common(word[0], following[0]) < family):
            chunks.append(chunk)
            chunk, size = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """The shortest prefixes of two neighbouring words that still tell them apart (Pagefind's rule)."""
    common = _common(a, b)
    return a[:common + 1], b[:common + 1]


def ranges(chunks: list[list[list]]) -> list[list[str]]:
    """[from, to] of each chunk, neighbouring bounds shortened to their distinguishing prefixes."""
    bounds = [[chunk[0][0], chunk[-1][0]] for chunk in chunks]
    for left, right in zip(bounds, bounds[1:]):
        left[1], right[0] = _prefixes(left[1], right[0])
    return bounds


def _name(lang: str, data: bytes, taken: set[str], length: int = 5) -> str:
    digest = hashlib.sha256(data).hexdigest()
    while f"{lang}_{digest[:length]}" in taken:
        length += 1
    return f"{lang}_{digest[:length]}"


def _version(text: str) -> tuple[int, int]:
    try:
        major, minor = (int(part) for part in text.split(".")[:2])
    except ValueError:
        raise ChunkFormatError(f"unknown Pagefind version {text!r}") from None
    return major, minor


def rechunk(bundle: Path, units: int = UNITS) -> int:
    """Regroup the word index of the Pagefind bundle in ``bundle`` (site/pagefind/) into chunks of
    ``units`` locations; returns how many chunks it now has. Raises ChunkFormatError, changing nothing,
    when the bundle is not in a known format."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if not MIN_PAGEFIND <= _version(entry.get("version", "")) <= MAX_PAGEFIND:
        raise ChunkFormatError(f"Pagefind {entry.get('version')} is not a version this site knows")
    plans = []  # everything is read and checked before anything is written
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) >= 3 and all(len(c) == 3 for c in meta[2])):
            raise ChunkFormatError(f"{meta_path.name}: unexpected metadata layout")
        old = [bundle / "index" / f"{chunk[2]}.pf_index" for chunk in meta[2]]
        words = [word for path in old for word in _read(path)[0]]
        if any(a[0] >= b[0] for a, b in zip(words, words[1:])):
            raise ChunkFormatError(f"{meta_path.name}: the index's words are not in order")
        plans.append((lang, info, meta_path, meta, old, regroup(words, units)))
    total = 0
    for lang, info, meta_path, meta, old, chunks in plans:
        taken: set[str] = set()
        described = []
        for chunk, (start, end) in zip(chunks, ranges(chunks)):
            data = cbor2.dumps([chunk])
            name = _name(lang, data, taken)
            taken.add(name)
            _write(bundle / "index" / f"{name}.pf_index", [chunk])
            described.append([start, end, name])
        for path in old:
            if path.stem not in taken:
                path.unlink()
        meta[2] = described
        _shorten_fragment_names(bundle, meta)
        info["hash"] = _name(lang, cbor2.dumps(meta), set(), 10)
        _write(bundle / f"pagefind.{info['hash']}.pf_meta", meta)
        if meta_path.name != f"pagefind.{info['hash']}.pf_meta":
            meta_path.unlink()
        total += len(chunks)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return total


def _shorten_fragment_names(bundle: Path, meta: list) -> None:
    """Name each page's fragment by five letters of its hash rather than Pagefind's seven (more where two
    pages would meet): the list of pages is most of the metadata every first search loads, and this
    takes about 5 KB off it at 5,000 pages. Still a hash of the content, so a browser never keeps a
    stale fragment under a name that a rebuild reuses."""
    folder = bundle / "fragment"
    renamed: dict[str, str] = {}
    taken: set[str] = set()
    for page in meta[1]:
        old = page[0]
        if old not in renamed:
            length = old.index("_") + 1 + 5  # the language prefix, then the hash
            while old[:length] in taken and length < len(old):
                length += 1
            renamed[old] = old[:length]
            taken.add(old[:length])
        page[0] = renamed[old]
    for old, new in renamed.items():
        if old != new:
            (folder / f"{old}.pf_fragment").replace(folder / f"{new}.pf_fragment")
