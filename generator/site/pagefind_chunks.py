"""Pagefind's index, combined from parts and regrouped into smaller chunks, so that the build needs less
memory and each search downloads less.

- Memory: Pagefind holds everything it indexes until it writes, about 0.27 MB a page (1.3 GB at 5,000
  provisions). The site's pages are indexed in parts of at most ``PAGES_PER_PART`` (generator.site.pagefind)
  and the parts' indexes are combined here into one, as if Pagefind had indexed every page at once: the
  pages one after the other, each word's pages together, each filter value's pages together.
- Download: Pagefind groups the words of its index into chunks of about 20,000 word locations (a fixed
  number in its source), and the browser fetches the whole chunk of every word of a query: 25-36 KB a
  word at 5,000 provisions. The words are regrouped, in the same order, into chunks of ``UNITS``
  locations, and the chunks are described as Pagefind describes its own (word ranges as shortest
  distinguishing prefixes).

Nothing in a word's or a page's entry changes but the page numbers. The files are gzip-compressed CBOR
after a ``pagefind_dcd`` signature; the layout read here is that of the Pagefind versions pinned in
pyproject.toml, and anything else is refused with ``ChunkFormatError`` (tests/test_pagefind_chunks.py);
the combined bundle is written into a new folder, which generator.site.pagefind puts in place only
when it is complete. Words are read one chunk at a time and kept encoded, so the combining
itself stays small.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import cbor2

SIGNATURE = b"pagefind_dcd"
# Word locations per chunk. A query word's own locations are its minimum; measured at 5,000 provisions
# (bench/site_scale.py): later searches 38 KB median, 53 KB at most (64 and 81 KB with Pagefind's 20,000).
UNITS = 5000
PAGEFIND_UNITS = 20000  # Pagefind's own chunk size
# Words sharing their first four letters stay in one chunk: the search page cuts Russian endings down to four
# letters at least (docs/assets/huquq-search.js). A three-letter word or stem ("суд") may still meet words
# in two chunks, as with Pagefind's own chunks.
FAMILY = 4
MIN_PAGEFIND, MAX_PAGEFIND = (1, 5), (1, 5)  # versions whose format this reads (major, minor)


class ChunkFormatError(ValueError):
    """A Pagefind bundle is not in the format this module knows."""


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ChunkFormatError(f"{path.name} does not start with Pagefind's signature")
    return cbor2.loads(raw[len(SIGNATURE):])


def _write(path: Path, encoded: bytes) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + encoded, 9, mtime=0))


def _array(count: int) -> bytes:
    """The CBOR header of an array of ``count`` items (RFC 8949, major type 4), as cbor2 writes it."""
    if count < 24:
        return bytes([0x80 + count])
    for marker, size in ((0x98, 1), (0x99, 2), (0x9A, 4)):
        if count < 256 ** size:
            return bytes([marker]) + count.to_bytes(size, "big")
    raise ChunkFormatError("a chunk of more than 4 billion words")


def _units(word: list) -> int:
    """A word's size as Pagefind counts it: its locations and one per page."""
    return sum(len(page[1]) + 1 for page in word[1])


def _common(a: str, b: str) -> int:
    return len(os.path.commonprefix((a, b)))


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """The shortest prefixes of two neighbouring words that still tell them apart (Pagefind's rule)."""
    common = _common(a, b)
    return a[:common + 1], b[:common + 1]


def ranges(chunks: list[tuple[str, str]]) -> list[list[str]]:
    """[from, to] of chunks given by their first and last words, neighbouring bounds shortened to their
    distinguishing prefixes."""
    bounds = [[first, last] for first, last in chunks]
    for left, right in zip(bounds, bounds[1:]):
        left[1], right[0] = _prefixes(left[1], right[0])
    return bounds


def regroup(words: Iterator[tuple[str, int, bytes]], units: int = UNITS, family: int = FAMILY,
            cap: int = PAGEFIND_UNITS) -> Iterator[list[tuple[str, int, bytes]]]:
    """(word, units, encoded) in word order, in consecutive chunks of at least ``units`` locations (the
    last may be smaller). A chunk ends only between two words that differ within their first ``family``
    letters (or once it reaches Pagefind's own size): the browser looks a query word up in one chunk only
    and matches the words there that start with it, so a stem's forms (задержан: задержание, задержания,
    задержанию) must not be split across chunks."""
    chunk: list[tuple[str, int, bytes]] = []
    size = 0
    for item in words:
        if chunk and (size >= cap or (size >= units and _common(chunk[-1][0], item[0]) < family)):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += item[1]
    if chunk:
        yield chunk


def _name(lang: str, data: bytes, taken: set[str], length: int = 5) -> str:
    """A file's name: its language, then the first ``length`` hex letters of its hash, more where that
    name is taken (the name is then taken)."""
    return _shortest(f"{lang}_{hashlib.sha256(data).hexdigest()}", len(lang) + 1 + length, taken)


def _shortest(full: str, length: int, taken: set[str]) -> str:
    """The shortest start of ``full``, ``length`` letters at least, not yet in ``taken``; added to it."""
    while full[:length] in taken and length < len(full):
        length += 1
    taken.add(full[:length])
    return full[:length]


@dataclass
class Part:
    """One Pagefind bundle: where it is, its language, metadata and first page number in the whole."""
    folder: Path
    lang: str
    meta: list
    offset: int = 0

    @classmethod
    def open(cls, folder: Path) -> "Part":
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        version = str(entry.get("version", ""))
        try:
            major_minor = tuple(int(part) for part in version.split(".")[:2])
        except ValueError:
            major_minor = ()
        if not MIN_PAGEFIND <= major_minor <= MAX_PAGEFIND:
            raise ChunkFormatError(f"Pagefind {version} is not a version this site knows")
        if len(entry.get("languages", {})) != 1:
            raise ChunkFormatError("the index is not in one language")
        ((lang, info),) = entry["languages"].items()
        meta = _read(folder / f"pagefind.{info['hash']}.pf_meta")
        if not (isinstance(meta, list) and len(meta) == 6 and all(len(c) == 3 for c in meta[2]) and not meta[4]):
            raise ChunkFormatError(f"pagefind.{info['hash']}.pf_meta: unexpected metadata layout")
        return cls(folder, lang, meta)

    def words(self) -> Iterator[list]:
        """Its words in order, read one chunk at a time, each page's number as its number in the whole
        (Pagefind stores a word's pages in ascending order, each as the difference from the one before)."""
        previous = None
        for _start, _end, name in self.meta[2]:
            for word in _read(self.folder / "index" / f"{name}.pf_index")[0]:
                if previous is not None and word[0] <= previous:
                    raise ChunkFormatError("the index's words are not in order")
                previous = word[0]
                number = self.offset
                for page in word[1]:
                    if page[0] < 0:
                        raise ChunkFormatError(f"the pages of {word[0]!r} are not in order")
                    number += page[0]
                    page[0] = number
                yield word

    def filters(self) -> dict[str, dict[str, list[int]]]:
        found: dict[str, dict[str, list[int]]] = {}
        for name, file in self.meta[3]:
            filter_name, values = _read(self.folder / "filter" / f"{file}.pf_filter")
            if filter_name != name:
                raise ChunkFormatError(f"filter {file} is not {name}")
            for value, pages in values:
                found.setdefault(name, {})[value] = [page + self.offset for page in pages]
        return found


def _merged_words(parts: list[Part]) -> Iterator[tuple[str, int, bytes]]:
    """(word, units, encoded entry) of every word of the parts, in order, each word's pages together and
    stored again as differences."""
    streams = [((word[0], number, word) for word in part.words()) for number, part in enumerate(parts)]
    current: list | None = None
    for text, _number, word in heapq.merge(*streams, key=lambda item: (item[0], item[1])):
        if current is not None and current[0] == text:
            current[1].extend(word[1])
            continue
        if current is not None:
            yield _encoded(current)
        current = word
    if current is not None:
        yield _encoded(current)


def _encoded(word: list) -> tuple[str, int, bytes]:
    number = 0
    for page in word[1]:
        page[0], number = page[0] - number, page[0]
    return word[0], _units(word), cbor2.dumps(word)


def combine(parts_folders: list[Path], target: Path, units: int = UNITS) -> int:
    """Write into ``target`` (a new folder) one Pagefind bundle holding the pages of every bundle in
    ``parts_folders``, in that order, its words in chunks of ``units`` locations; returns the number of
    chunks. The program files are copied from the first bundle and the fragments moved (the parts are
    spent). Raises ChunkFormatError when a bundle is not in a known format: before writing anything when
    its metadata says so, else with ``target`` left incomplete."""
    parts = [Part.open(folder) for folder in parts_folders]
    langs = {part.lang for part in parts}
    if len(langs) != 1 or [p.meta[0] for p in parts].count(parts[0].meta[0]) != len(parts):
        raise ChunkFormatError("the parts' indexes differ in language or version")
    lang = parts[0].lang
    offset = 0
    for part in parts:
        part.offset = offset
        offset += len(part.meta[1])
    fields = list(dict.fromkeys(field for part in parts for field in part.meta[5]))
    filters: dict[str, dict[str, list[int]]] = {}
    for part in parts:  # read (and checked) before anything is written
        for name, values in part.filters().items():
            for value, pages in values.items():
                filters.setdefault(name, {}).setdefault(value, []).extend(pages)

    target.mkdir(parents=True)
    for folder in ("index", "filter", "fragment"):
        (target / folder).mkdir()
    for item in parts[0].folder.iterdir():
        if item.is_file() and item.name != "pagefind-entry.json" and not item.name.endswith(".pf_meta"):
            shutil.copy2(item, target / item.name)

    described, taken = [], set()
    for chunk in regroup(_merged_words(parts), units):
        encoded = _array(1) + _array(len(chunk)) + b"".join(entry for _w, _u, entry in chunk)
        name = _name(lang, encoded, taken)
        _write(target / "index" / f"{name}.pf_index", encoded)
        described.append((chunk[0][0], chunk[-1][0], name))
    chunks = [[start, end, name] for (start, end), (_f, _l, name) in
              zip(ranges([(first, last) for first, last, _n in described]), described)]

    filter_list, taken = [], set()
    for name, values in filters.items():
        encoded = cbor2.dumps([name, [[value, pages] for value, pages in values.items()]])
        file = _name(lang, encoded, taken, 7)
        _write(target / "filter" / f"{file}.pf_filter", encoded)
        filter_list.append([name, file])

    pages = _fragments(parts, target / "fragment")
    meta = [parts[0].meta[0], pages, chunks, filter_list, [], fields]
    encoded = cbor2.dumps(meta)
    meta_hash = _name(lang, encoded, set(), 10)
    _write(target / f"pagefind.{meta_hash}.pf_meta", encoded)
    entry = json.loads((parts[0].folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    entry["languages"] = {lang: {**entry["languages"][lang], "hash": meta_hash, "page_count": len(pages)}}
    (target / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                                encoding="utf-8")
    return len(chunks)


def _fragments(parts: list[Part], folder: Path) -> list[list]:
    """Each page's fragment moved into ``folder`` under five hex letters of its hash rather than
    Pagefind's seven (more where two pages would meet): the list of pages is most of the metadata every
    first search loads, and this takes about 5 KB off it at 5,000 pages. Still a hash of the content,
    so a browser never keeps a stale fragment under a name that a rebuild reuses. Returns the pages
    ([fragment name, word count]) in order."""
    renamed: dict[str, str] = {}
    taken: set[str] = set()
    pages = []
    for part in parts:
        for old, word_count in part.meta[1]:
            if old not in renamed:
                renamed[old] = _shortest(old, old.index("_") + 1 + 5, taken)  # the language, then the hash
                (part.folder / "fragment" / f"{old}.pf_fragment").replace(folder / f"{renamed[old]}.pf_fragment")
            pages.append([renamed[old], word_count])
    return pages
