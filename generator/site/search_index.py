"""The Search page's index: the command line's own, written out as small static files.

The page ranks as ``huquq search`` does (kb.search, kb.ranking): the same fields and weights, the same
BM25F statistics, the share of the query's words, the authority's prior. So it reads what the command
line reads, taken from a Whoosh index of the same corpus:

- ``meta.json``: the fields (weight, B, average length), Whoosh's one-byte length table, the number of
  files each kind of shard is split into, the filters' values, and each document's prior, kind and
  jurisdiction (as small integers);
- ``len/<field>.bin``: each document's length in a field, one byte each as Whoosh keeps it (none for the
  fields scored without regard to length, B = 0), fetched with the first query that reaches the field;
- ``w/<lang>/<k>.json``: every word of the corpus as typed (lowercased; Cyrillic folded) -> the word the
  index has for it ("" for a word left out), grouped by the word's first three letters; a word the corpus
  does not have is stemmed in the page (docs/assets/huquq-engine.js);
- ``p/<lang>/<k>.json``: the postings of the index words that hash to ``k``: word -> field part ->
  [idf, base64 of the document gaps then the frequencies, as varints];
- ``facets.json``: each document's instruments (a case's: those of the provisions it applies) and topics,
  fetched only when a filter is used or counted;
- ``subjects.json``: the topics and circumstances, each with its names (a topic's label and synonyms, a
  circumstance's title and the phrases of its ``said``) as the index analyses them: a query that names one shows a link to its page above
  the results (the command line does not search these pages); a circumstance's first leading authorities
  (document numbers), which a caller's words that tell of it raise (kb.subjects.Stories);
- ``i/<instrument>.json``: each of the instrument's provisions -> its document number, fetched only when a
  citation is searched with filters chosen (a provision the filters exclude is not opened, as on the
  command line);
- ``d/<lang>/<n>.json``: what a result shows a reader of that language: id, address, titles in every
  language, and the text its excerpt comes from, in the reader's language or the one they read next
  (Russian for a Tajik reader).

Documents are numbered in the index's own order, so ties fall as on the command line. Only what is in
force today is written (the command line's default).
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from whoosh.util.numeric import length_to_byte

from kb import ids
from kb.cite import pick
from kb.index import INDEX_FORMAT, PARTS, corpus_documents
from kb.models import LANGS, Corpus
from kb.ranking import K1, LENGTHS, field_b
from kb.search import (AUTHORITY_PRIOR, COORDINATION, FIELD_WEIGHTS, JURISDICTIONS, KINDS, SETTING, TOLD_BOOST,
                       TOLD_DECAY, Searcher)
from kb.subjects import TOLD_K1, TOLD_MARGIN, TOLD_RARE, TOLD_SCORE, TOLD_WORDS
from kb.textnorm import ENGLISH_FAMILIES, RUSSIAN_FAMILIES, TAJIK_FAMILIES, fold_tajik

OUTPUT = "search-index"
FORMAT = 4  # 4: meta.told.rare (kb.subjects.TOLD_RARE)
# Postings and word tables are split so that a query fetches a few files of a few KB (bench/site_scale.py:
# 60 KB a search at 5,000 provisions); the number of files grows with the corpus.
SHARD_BYTES = 2500
WORD_SHARD_BYTES = 3000
EXCERPT_CHARS = 1500  # of each language's text, for the result's excerpt


def word_hash(text: str) -> int:
    """The shard of a word: the same arithmetic as docs/assets/huquq-engine.js (UTF-16 code units)."""
    data, value = text.encode("utf-16-le"), 0
    for i in range(0, len(data), 2):
        value = (value * 31 + (data[i] | data[i + 1] << 8)) & 0xFFFFFFFF
    return value


def word_key(word: str) -> str:
    """The first three letters of a word: words sharing them are in one word-table file."""
    return word[:3]


def write_search_index(corpus: Corpus, root: Path, index_dir: Path, site_dir: Path) -> None:
    """Write ``site_dir/search-index/`` from the Whoosh index in ``index_dir`` (built from ``corpus``), all at
    once: it is written beside the site and swapped in by renaming, so a half-written index never replaces
    a whole one (the folder of a build that was killed is removed by the next)."""
    for stale in site_dir.glob(".search-*"):
        shutil.rmtree(stale, ignore_errors=True)
    searcher = Searcher(index_dir)
    try:
        with tempfile.TemporaryDirectory(dir=site_dir, prefix=".search-") as tmp:
            out = Path(tmp) / OUTPUT
            _write(corpus, root, searcher, out)
            if (site_dir / OUTPUT).exists():
                (site_dir / OUTPUT).replace(Path(tmp) / "previous")  # removed with the temporary folder
            out.replace(site_dir / OUTPUT)
    finally:
        searcher.close()


def _write(corpus: Corpus, root: Path, searcher: Searcher, out: Path) -> None:
    whoosh = searcher.searcher
    docnums = sorted(searcher._filter_set(None, None, None, None, None))  # what is in force today
    number = {docnum: n for n, docnum in enumerate(docnums)}
    stored = [whoosh.stored_fields(docnum) for docnum in docnums]
    out.mkdir(parents=True)

    fields, shards = [], {}
    (out / "len").mkdir()
    for lang in LANGS:
        for part in PARTS:
            name = f"{part}_{lang}"
            fields.append({"name": name, "lang": lang, "part": part, "weight": FIELD_WEIGHTS[part],
                           "b": field_b(name), "avg": searcher.ranker.average_length(name)})
            if field_b(name):
                lengths = searcher.ranker.lengths(name)
                (out / "len" / f"{name}.bin").write_bytes(bytes(length_to_byte(lengths[d]) for d in docnums))
        shards[lang] = _write_postings(searcher, lang, number, out / "p" / lang)
    words = {lang: _write_words(table, out / "w" / lang)
             for lang, table in _word_tables(corpus, root, searcher.words_of).items()}

    priors = sorted(set(AUTHORITY_PRIOR.values()) | {1.0})
    # A case's instruments are those of the provisions it applies (a Whoosh KEYWORD field: several).
    instruments = sorted({i for fields_ in stored for i in fields_["instrument"].split()})
    topics = sorted({t for fields_ in stored for t in fields_["topics"].split(",") if t})
    meta = {
        "format": FORMAT, "count": len(docnums), "k1": K1, "coordination": COORDINATION,
        "setting": {lang: sorted(stems) for lang, stems in SETTING.items()},
        "told": {"words": TOLD_WORDS, "rare": TOLD_RARE, "score": TOLD_SCORE, "margin": TOLD_MARGIN,
                 "k1": TOLD_K1, "boost": TOLD_BOOST, "decay": TOLD_DECAY},
        # Names this build's files (the page asks for them with it): the sources, and the formats of this
        # folder and of the index (which changes with the analysis of words).
        "build": hashlib.sha256(json.dumps([FORMAT, INDEX_FORMAT, sorted(corpus.file_hashes.items())])
                                .encode()).hexdigest()[:12],
        "lengths": LENGTHS, "fields": fields, "shards": shards, "words": words,
        # For the words the corpus lacks (kb.textnorm's stems and families): stem -> the family's stem.
        "families": {"en": ENGLISH_FAMILIES, "ru": RUSSIAN_FAMILIES, "tg": TAJIK_FAMILIES},
        "priors": priors, "kinds": KINDS, "jurisdictions": JURISDICTIONS,
        "instruments": instruments, "topics": topics,
        "prior": [priors.index(searcher.authority_weight(docnum)) for docnum in docnums],
        "kind": [KINDS.index(f["kind"]) for f in stored],
        "jurisdiction": [JURISDICTIONS.index(f["jurisdiction"]) for f in stored],
    }
    _dump(out / "meta.json", meta)
    numbers = {f["id"]: n for n, f in enumerate(stored)}
    _dump(out / "subjects.json", _subjects(searcher.catalog["subjects"], numbers))
    instrument_number = {i: n for n, i in enumerate(instruments)}
    topic_number = {t: n for n, t in enumerate(topics)}
    _dump(out / "facets.json", {
        "instrument": [[instrument_number[i] for i in f["instrument"].split()] for f in stored],
        "topics": [[topic_number[t] for t in f["topics"].split(",") if t] for f in stored],
    })
    provisions: dict[str, dict[str, int]] = defaultdict(dict)
    for n, fields_ in enumerate(stored):
        if fields_["kind"] == "provision":
            provisions[fields_["instrument"]][fields_["id"]] = n
    (out / "i").mkdir()
    for instrument, numbers in provisions.items():
        _dump(out / "i" / f"{instrument}.json", numbers)
    for lang in LANGS:
        cards = out / "d" / lang
        cards.mkdir(parents=True)
        for n, fields_ in enumerate(stored):
            _dump(cards / f"{n}.json", _card(fields_, lang))


def _write_postings(searcher: Searcher, lang: str, number: dict[int, int], folder: Path) -> int:
    """The language's postings in shards; the number of shards."""
    entries: dict[str, dict[str, list]] = defaultdict(dict)
    size = 0
    reader = searcher.ranker.reader
    for part in PARTS:
        name = f"{part}_{lang}"
        for term in reader.lexicon(name):
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            postings = searcher.ranker.postings(name, word)
            found = sorted((number[doc], freq) for doc, freq in postings.items() if doc in number)
            if not found:
                continue
            data = bytearray()
            last = -1
            for doc, _freq in found:
                _varint(doc - last - 1, data)
                last = doc
            for _doc, freq in found:
                _varint(int(round(freq)), data)
            encoded = base64.b64encode(bytes(data)).decode("ascii")
            entries[word][part] = [searcher.ranker.idf(name, word), encoded]
            size += len(encoded) + len(word) + 30
        searcher.ranker.forget()
    return _write_shards(entries.items(), word_hash, _power_of_two(size / SHARD_BYTES), folder)


def _word_tables(corpus: Corpus, root: Path, words_of: dict) -> dict[str, dict[str, str]]:
    """lang -> every word of the corpus's searchable text as the page will look it up -> its index word
    ("" when the analyzer leaves it out). ``words_of``: the searcher's kb.textnorm.WordsOf per language, which
    split a text with the analyzer's own tokenizer and remember each word's analysis."""
    for analyse in words_of.values():
        analyse.remember = 10**9  # every word, however large the corpus: the table is what they remember
    for doc in corpus_documents(corpus, root):
        for lang in LANGS:
            for part in PARTS:
                if doc.get(f"{part}_{lang}"):
                    words_of[lang](doc[f"{part}_{lang}"])
    tables: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        table: dict[str, str] = {}
        for token, word in words_of[lang].known.items():
            table.setdefault(lookup_key(token, lang), word or "")
        tables[lang] = table
    return tables


def lookup_key(token: str, lang: str) -> str:
    """A typed word as the page looks it up: lowercased, and Cyrillic folded as the analyzers fold it."""
    return token.lower() if lang == "en" else fold_tajik(token)


def _write_words(table: dict[str, str], folder: Path) -> int:
    size = sum(len(key) + len(word) + 6 for key, word in table.items())
    return _write_shards(sorted(table.items()), lambda key: word_hash(word_key(key)),
                         _power_of_two(size / WORD_SHARD_BYTES), folder)


def _write_shards(entries, hash_of, count: int, folder: Path) -> int:
    """(key, value) ``entries`` written as ``count`` JSON files, each key in file ``hash_of(key) % count``
    (the page computes the same); ``count``."""
    shards: dict[int, dict] = defaultdict(dict)
    for key, value in entries:
        shards[hash_of(key) % count][key] = value
    folder.mkdir(parents=True)
    for k, content in shards.items():
        _dump(folder / f"{k}.json", content)
    return count


def _subjects(catalog_subjects: list[dict], numbers: dict[str, int]) -> list[dict]:
    """The index catalog's topics and circumstances with their names (kb.subjects), as the page reads them:
    kind, url, title, names per language ({lang: ["arbitrari detent", ...]}), and a circumstance's first
    leading authorities as the page's document numbers (``leaders``; null for one not in force today, which
    the command line's filter of today leaves out while counting its place)."""
    return [{**{key: subject[key] for key in ("kind", "url", "title", "names")},
             **({"leaders": [numbers.get(pid) for pid in subject["leaders"]]}
                if subject["kind"] == "circumstance" else {})}
            for subject in catalog_subjects]


def _card(fields: dict, lang: str) -> dict:
    """A result as the page shows it to a reader of ``lang``: its title in each language as its own page's
    heading has it (a provision's citation, then its title), and the start of the text it has in the
    reader's language, else in the language read next, for the excerpt."""
    display = fields["display"]
    own = display.get("title", {})
    if fields["kind"] == "provision":
        url = ids.provision_url(fields["id"])
        title = {lang: cite + (f": {pick(own, lang)}" if own else "") for lang, cite in display["cite"].items()}
    else:
        url, title = ids.case_url(fields["id"]), dict(own)
    texts = {other: fields.get(f"body_{other}") or "" for other in LANGS}
    # Unverified and conflicting records are marked in the results, as on their pages.
    status = display.get("verification", "")
    return {"id": fields["id"], "url": url, "title": title, "text": " ".join(pick(texts, lang).split())[:EXCERPT_CHARS],
            **({"status": status} if status in ("unverified", "conflicting") else {})}


def _varint(value: int, out: bytearray) -> None:
    while value >= 128:
        out.append((value & 127) | 128)
        value >>= 7
    out.append(value)


def _power_of_two(wanted: float) -> int:
    count = 1
    while count < wanted:
        count *= 2
    return count


def _dump(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

