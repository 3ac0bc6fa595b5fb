"""The site index's smaller chunks (generator.site.pagefind_chunks): the same words, findable as Pagefind
finds them, in files a search downloads less of."""

import gzip
import json
import shutil

import cbor2
import pytest

from generator.site.pagefind_chunks import ChunkFormatError, _prefixes, ranges, rechunk, regroup


def word(text, locations):
    return [text, [[0, list(range(locations)), []]]]


def read(path):
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"pagefind_dcd")
    return cbor2.loads(raw[len(b"pagefind_dcd"):])


def bundle_words(bundle):
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    (info,) = entry["languages"].values()
    meta = read(bundle / f"pagefind.{info['hash']}.pf_meta")
    return meta, [(start, end, read(bundle / "index" / f"{name}.pf_index")[0]) for start, end, name in meta[2]]


def test_neighbouring_bounds_are_pagefinds_shortest_prefixes():
    # The cases of Pagefind's own tests (pagefind/src/index/mod.rs).
    assert _prefixes("apple", "apricot") == ("app", "apr")
    assert _prefixes("cataraman", "yacht") == ("c", "y")
    assert _prefixes("cath", "cathartic") == ("cath", "catha")


def test_regroup_keeps_every_word_in_order_and_never_splits_a_stem():
    words = [word(w, 3) for w in ["арест", "задержан", "задержание", "задержания", "задержанию", "закон",
                                   "право", "правовой", "свобода"]]
    chunks = regroup(words, units=5, family=4)
    assert [w for chunk in chunks for w in chunk] == words
    for chunk in chunks[:-1]:
        assert sum(len(p[1]) + 1 for w in chunk for p in w[1]) >= 5
    # The forms of "задержан" sit in one chunk, and so do "право" and "правовой".
    assert [[w[0] for w in chunk] for chunk in chunks] == [
        ["арест", "задержан", "задержание", "задержания", "задержанию"], ["закон", "право", "правовой"], ["свобода"]]
    # Bounds as Pagefind writes them: the first and last words, shortened where two chunks meet.
    assert ranges(chunks) == [["арест", "зад"], ["зак", "п"], ["с", "свобода"]]


def test_a_stem_too_large_for_one_chunk_is_cut_at_pagefinds_size():
    words = [word(f"задержан{i:03d}", 10) for i in range(20)]
    chunks = regroup(words, units=5, family=4, cap=50)
    assert [w for chunk in chunks for w in chunk] == words
    assert [len(chunk) for chunk in chunks] == [5, 5, 5, 5]  # 11 locations a word: cut past 50


def test_the_built_site_has_smaller_chunks_with_the_same_words(built_site, tmp_path):
    bundle = built_site / "pagefind"
    meta, chunks = bundle_words(bundle)
    names = {name for _s, _e, name in meta[2]}
    assert {p.stem for p in (bundle / "index").iterdir()} == names  # nothing left over, nothing missing
    assert {p.stem for p in (bundle / "fragment").iterdir()} == {page[0] for page in meta[1]}
    words = [w[0] for _s, _e, found in chunks for w in found]
    assert words == sorted(words) and len(words) == len(set(words))
    for start, end, found in chunks:  # each word is inside the bounds the browser looks it up by
        assert all(start <= w[0][:len(start)] and w[0][:len(end)] <= end for w in found)
    # Regrouping again changes nothing: the same words, the same chunks.
    copy = tmp_path / "pagefind"
    shutil.copytree(bundle, copy)
    rechunk(copy)
    again, again_chunks = bundle_words(copy)
    assert [w[0] for _s, _e, found in again_chunks for w in found] == words
    assert again[2] == meta[2]


def test_an_unknown_pagefind_format_is_refused_and_left_as_it_was(built_site, tmp_path):
    copy = tmp_path / "pagefind"
    shutil.copytree(built_site / "pagefind", copy)
    entry = json.loads((copy / "pagefind-entry.json").read_text())
    entry["version"] = "2.0.0"
    (copy / "pagefind-entry.json").write_text(json.dumps(entry))
    before = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    with pytest.raises(ChunkFormatError, match="2.0.0"):
        rechunk(copy)
    assert {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before
