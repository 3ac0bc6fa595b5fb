"""The site's search index (generator.site.pagefind, generator.site.pagefind_chunks): pages indexed in
parts and combined into one index, regrouped into smaller chunks; the same words and pages as Pagefind
indexing every page at once, findable as Pagefind finds them."""

import gzip
import itertools
import json
import shutil

import cbor2
import pytest

from generator.site.pagefind import index_site
from generator.site.pagefind_chunks import ChunkFormatError, _prefixes, combine, ranges, regroup


def read(path):
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"pagefind_dcd")
    return cbor2.loads(raw[len(b"pagefind_dcd"):])


def bundle(folder):
    """(metadata, [(from, to, words) of each chunk], {filter: {value: pages}})."""
    entry = json.loads((folder / "pagefind-entry.json").read_text())
    (info,) = entry["languages"].values()
    meta = read(folder / f"pagefind.{info['hash']}.pf_meta")
    assert info["page_count"] == len(meta[1])
    chunks = [(start, end, read(folder / "index" / f"{name}.pf_index")[0]) for start, end, name in meta[2]]
    filters = {name: dict(read(folder / "filter" / f"{file}.pf_filter")[1]) for name, file in meta[3]}
    return meta, chunks, filters


def by_fragment(folder):
    """The index with each page named by its fragment (the same content has the same name in any build):
    word -> {(fragment, locations)}, filter -> value -> {fragment}, fragment -> word count."""
    meta, chunks, filters = bundle(folder)
    name = [page[0] for page in meta[1]]
    words = {}
    for _s, _e, found in chunks:
        for w in found:
            numbers = list(itertools.accumulate(p[0] for p in w[1]))  # stored as differences
            words[w[0]] = {(name[n], json.dumps(p[1:])) for n, p in zip(numbers, w[1])}
    values = {f: {v: {name[p] for p in pages} for v, pages in vs.items()} for f, vs in filters.items()}
    return words, values, {page[0]: page[1] for page in meta[1]}


def items(*words, units=4):
    return [(word, units, b"") for word in words]


def test_neighbouring_bounds_are_pagefinds_shortest_prefixes():
    # The cases of Pagefind's own tests (pagefind/src/index/mod.rs).
    assert _prefixes("apple", "apricot") == ("app", "apr")
    assert _prefixes("cataraman", "yacht") == ("c", "y")
    assert _prefixes("cath", "cathartic") == ("cath", "catha")


def test_regroup_keeps_every_word_in_order_and_never_splits_a_stem():
    words = items("арест", "задержан", "задержание", "задержания", "задержанию", "закон", "право", "правовой",
                  "свобода")
    chunks = list(regroup(iter(words), units=5, family=4))
    assert [w for chunk in chunks for w in chunk] == words
    assert all(sum(units for _w, units, _e in chunk) >= 5 for chunk in chunks[:-1])
    # The forms of "задержан" sit in one chunk, and so do "право" and "правовой".
    assert [[w for w, _u, _e in chunk] for chunk in chunks] == [
        ["арест", "задержан", "задержание", "задержания", "задержанию"], ["закон", "право", "правовой"], ["свобода"]]
    # Bounds as Pagefind writes them: the first and last words, shortened where two chunks meet.
    assert ranges([(c[0][0], c[-1][0]) for c in chunks]) == [["арест", "зад"], ["зак", "п"], ["с", "свобода"]]


def test_a_stem_too_large_for_one_chunk_is_cut_at_pagefinds_size():
    words = items(*(f"задержан{i:03d}" for i in range(20)), units=11)
    chunks = list(regroup(iter(words), units=5, family=4, cap=50))
    assert [w for chunk in chunks for w in chunk] == words
    assert [len(chunk) for chunk in chunks] == [5, 5, 5, 5]  # 11 locations a word: cut past 50


def test_the_built_site_has_smaller_chunks_findable_by_their_bounds(built_site):
    folder = built_site / "pagefind"
    meta, chunks, _filters = bundle(folder)
    assert {p.stem for p in (folder / "index").iterdir()} == {name for _s, _e, name in meta[2]}
    assert {p.stem for p in (folder / "fragment").iterdir()} == {page[0] for page in meta[1]}
    assert not (folder / "pagefind-ui.js").exists()
    words = [w[0] for _s, _e, found in chunks for w in found]
    assert words == sorted(words) and len(words) == len(set(words))
    assert len(chunks) > 1
    for start, end, found in chunks:  # each word inside the bounds the browser looks it up by
        assert all(start <= w[0][:len(start)] and w[0][:len(end)] <= end for w in found)


def test_pages_indexed_in_parts_make_the_index_of_all_pages_at_once(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    index_site(site, pages_per_part=150)  # the real corpus's pages in three parts and more
    assert not list(tmp_path.glob(".huquq-search-*"))  # the parts are gone
    whole = by_fragment(built_site / "pagefind")
    parts = by_fragment(site / "pagefind")
    assert len(whole[2]) > 300
    assert parts[2] == whole[2]  # the same pages, with the same word counts
    assert parts[1] == whole[1]  # every filter value on the same pages
    assert parts[0] == whole[0]  # every word on the same pages at the same places


def test_an_unknown_pagefind_format_is_refused_before_anything_is_written(built_site, tmp_path):
    copy = tmp_path / "pagefind"
    shutil.copytree(built_site / "pagefind", copy)
    entry = json.loads((copy / "pagefind-entry.json").read_text())
    entry["version"] = "2.0.0"
    (copy / "pagefind-entry.json").write_text(json.dumps(entry))
    before = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    with pytest.raises(ChunkFormatError, match="2.0.0"):
        combine([copy], tmp_path / "combined")
    assert not (tmp_path / "combined").exists()
    assert {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before
