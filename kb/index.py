"""The Whoosh index: one document per wording of a provision, one per case.

Each document carries the dates its wording was in force, so a search "as
on a date" is a query, not a post-filter. Topic labels and synonyms in all
three languages are written into every document tagged with the topic, which
lets a query in one language find provisions written only in another.

The index is incremental: a manifest keeps each source file's sha256, and
only changed files are re-indexed (all files when topics.yaml changes, since
every document carries topic words).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from whoosh import index as whoosh_index
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from .citations import case_keys
from .cite import cite_provision
from .inforce import start_of
from .load import source_files, without_gc
from .models import LANGS, Case, Corpus, Provision, Wording
from .subjects import subjects
from .textnorm import ANALYZERS, words_of_each_language

FORMAT_VERSION = 19  # bump when documents or the catalog change shape: forces a full rebuild


def _analysis_signature() -> str:
    """A hash of the modules that turn text into index words (stemmers, stop words, Tajik endings): an index
    whose words were made by another version of them is rebuilt, not updated file by file with words
    analysed two ways."""
    digest = hashlib.sha256()
    for module in ("textnorm.py", "tajik.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:12]


# What the manifest records: an index of another format or analysis is rebuilt in full.
INDEX_FORMAT = f"{FORMAT_VERSION}:{_analysis_signature()}"
MANIFEST = "huquq-manifest.json"
CATALOG = "huquq-catalog.json"
OPEN_START, OPEN_END = "0000-00-00", "9999-12-31"


def make_schema() -> Schema:
    fields = {
        "key": ID(stored=True, unique=True),
        "id": ID(stored=True),
        "kind": ID(stored=True),
        "instrument": KEYWORD(stored=True),
        "jurisdiction": ID(stored=True),
        "topics": KEYWORD(stored=True, commas=True),
        "source": ID(stored=True),
        "valid_from": ID(stored=True),
        "valid_to": ID(stored=True),
        "current": ID(stored=True),
        "display": STORED(),
    }
    # A column as well: ranking reads every candidate's authority (kb.search.Searcher.authority_weight), and
    # a column gives it by document number without unpickling the document's stored texts.
    fields["authority"] = ID(stored=True, sortable=True)
    for lang in LANGS:
        # Where a word is found weighs differently (kb.search.FIELD_WEIGHTS): the provision's own title
        # and text, its summary and search terms (keywords), the words of the topics and circumstances that
        # lead with it, and, well below, its context (the instrument's names, its topics' words, the
        # project's argument). No word positions (phrase=False): reading them was most of the time of a
        # query, and kb.search checks phrases on the stored texts instead.
        for part in PARTS:
            fields[f"{part}_{lang}"] = TEXT(analyzer=ANALYZERS[lang](), phrase=False)
        fields[f"body_{lang}"] = STORED()  # for snippets
    return Schema(**fields)


# The searchable parts of a document, per language.
PARTS = ("title", "text", "summary", "lead", "context")


def searchable(doc: dict) -> dict:
    """A document as the index stores it (searchable parts missing in a language are left out)."""
    empty = {f"{part}_{lang}" for part in PARTS for lang in LANGS if doc.get(f"{part}_{lang}") == ""}
    return {key: value for key, value in doc.items() if key not in empty}


@dataclass
class IndexReport:
    reindexed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    documents: int = 0
    full: bool = False


def file_hashes(root: Path) -> dict[str, str]:
    """sha256 of every source file, keyed by its path relative to ``root``."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path, _kind in source_files(root)
    }


def read_manifest(index_dir: Path) -> dict:
    try:
        return json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def stale_files(index_dir: Path, root: Path, current: dict[str, str] | None = None) -> list[str]:
    """Source files changed, added or removed since the index was built ([] when fresh). ``current``:
    the files' hashes when already known (a loaded corpus has them), else they are read."""
    manifest = read_manifest(index_dir)
    if manifest.get("format") != INDEX_FORMAT or not whoosh_index.exists_in(str(index_dir)):
        return ["(no index)"]
    indexed, current = manifest.get("files", {}), current if current is not None else file_hashes(root)
    return sorted(path for path in set(indexed) | set(current) if indexed.get(path) != current.get(path))


def _relative(origin_path: str, root: Path) -> str:
    """A record's file relative to the sources (as the manifest names it)."""
    return _relative_from(origin_path, root, os.getcwd())


@functools.lru_cache(maxsize=4096)
def _relative_from(origin_path: str, root: Path, cwd: str) -> str:
    # Cached: every record of a file asks, and resolving the root for each record was a third of the
    # time of re-indexing one changed file at 10,000 provisions.
    return Path(os.path.relpath(os.path.join(cwd, origin_path), Path(cwd, root).resolve())).as_posix()


def needs_full_rebuild(manifest: dict, current: dict[str, str]) -> bool:
    """Whether an index with ``manifest`` must be rebuilt rather than updated file by file for sources whose
    files hash to ``current``: it was made by another format or analysis, or a topics or circumstances file
    changed (their words are in the records they name: ``lead_words``, the topics' words)."""
    indexed = manifest.get("files", {})
    subjects = {path for path in [*indexed, *current] if path == "topics.yaml" or path.startswith("circumstances/")}
    return manifest.get("format") != INDEX_FORMAT or any(indexed.get(path) != current.get(path) for path in subjects)


def update_index(corpus: Corpus, root: Path, index_dir: Path, full: bool = False,
                 progress: Callable[[str], None] | None = None) -> IndexReport:
    """Bring the index up to date with ``corpus`` (read from ``root``)."""
    root = Path(root)
    current = corpus.file_hashes  # hashed while loading: no second read of every file
    manifest = read_manifest(index_dir)
    indexed = manifest.get("files", {})
    full = full or not whoosh_index.exists_in(str(index_dir)) or needs_full_rebuild(manifest, current)
    report = IndexReport(full=full)
    if full:
        if index_dir.exists():
            shutil.rmtree(index_dir)
        index_dir.mkdir(parents=True)
        ix = whoosh_index.create_in(str(index_dir), make_schema())
        changed = set(current)
    else:
        ix = whoosh_index.open_dir(str(index_dir))
        changed = {p for p in current if indexed.get(p) != current[p]}
        report.removed = sorted(set(indexed) - set(current))
    report.reindexed = sorted(changed)
    with without_gc():
        documents = list(corpus_documents(corpus, root, only=changed))
        big = full and len(documents) > 5000
        writer = ix.writer(procs=2, limitmb=256, multisegment=True) if big else ix.writer(limitmb=128)
        try:
            if not full:
                for path in sorted(changed | set(report.removed)):
                    writer.delete_by_term("source", path)
            for number, doc in enumerate(documents, 1):
                if progress and number % 500 == 0:
                    progress(f"indexing {number}/{len(documents)}")
                writer.add_document(**searchable(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=full and not big)
    report.documents = len(documents)
    _write_json(index_dir / CATALOG, catalog(corpus))
    _write_json(index_dir / MANIFEST, {"format": INDEX_FORMAT, "files": current})
    return report


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def catalog(corpus: Corpus) -> dict:
    """What search needs without reading YAML: names of instruments and provision ids (citations),
    topic words (phrases), the names of the topics and circumstances a query may name (kb.subjects)."""
    return {
        "instruments": instrument_names(corpus),
        "provisions": sorted(corpus.provisions),
        "topics": {t.id: t.words() for t in corpus.topics.values()},  # for phrases in topic words
        "subjects": subjects(corpus, words_of_each_language()),
        "cases": case_numbers(corpus),  # "1096/2002" and "CCPR/C/81/D/1096/2002" open the case
    }


def case_numbers(corpus: Corpus) -> dict[str, str]:
    """Every number and document symbol a case is cited by, as kb.citations.find_case looks it up
    ("1096/2002", "ccpr/c/81/d/964/2001"), -> the case's id; the Search page's script reads the same table."""
    found: dict[str, str] = {}
    for case in corpus.cases.values():
        for key in case_keys(case.number, case.symbol):
            found.setdefault(key, case.id)
    return dict(sorted(found.items()))


def instrument_names(corpus: Corpus) -> dict[str, list[str]]:
    """Every name an instrument is cited by (id, aliases, short and full titles, symbol): for citations and
    named instruments, in kb.citations and in the Search page's script alike."""
    return {i.id: sorted({i.id, *i.aliases, *i.short_title.values(), *i.title.values(),
                          *([i.symbol] if i.symbol else [])})
            for i in corpus.instruments.values()}


def corpus_documents(corpus: Corpus, root: Path, only: set[str] | None = None) -> Iterator[dict]:
    """The index documents of the corpus, or only of the records in the source files ``only``."""
    topic_words = {t.id: t.words() for t in corpus.topics.values()}
    leads = lead_words(corpus)
    for provision in corpus.provisions.values():
        if only is None or _relative(provision.origin.path, root) in only:
            yield from provision_documents(corpus, provision, topic_words, root, leads)
    for case in corpus.cases.values():
        if only is None or _relative(case.origin.path, root) in only:
            yield case_document(corpus, case, topic_words, root, leads)


def lead_words(corpus: Corpus) -> dict[str, dict[str, str]]:
    """record id -> lang -> the words of the topics (label, synonyms) and circumstances (title, and the
    question a volunteer asks, in the words a caller uses: "did they take your blood ...") that name it
    among their leading authorities: a search on that subject shows it first. The first authorities of a
    list carry the names more times than the later ones (a topic's first two count three times, the next
    two twice), so that the order a lawyer cites them in shows in the ranking. How callers put a
    circumstance (its ``said``: "didn't let me call home") goes to its first two authorities only: a caller
    who says it needs the law a lawyer cites first, and the later ones are the lawyer's to find."""
    found: dict[str, dict[str, list[str]]] = {}

    def add(entry: str, words: dict[str, list[str]], times: int) -> None:
        authority = corpus.authority(entry)
        if authority:
            per_lang = found.setdefault(authority[1], {})
            for lang, terms in words.items():
                per_lang.setdefault(lang, []).extend(terms * times)

    for topic in corpus.topics.values():
        for position, entry in enumerate(topic.leading):
            add(entry, topic.words(), 3 if position < 2 else 2 if position < 4 else 1)
    for circumstance in corpus.circumstances.values():
        for position, entry in enumerate(circumstance.leading):
            add(entry, {lang: [title] for lang, title in circumstance.title.items()}, 2 if position < 2 else 1)
            add(entry, {lang: [question] for lang, question in circumstance.question.items()}, 1)
            if position < 2:
                add(entry, {lang: list(phrases) for lang, phrases in circumstance.said.items()}, 1)
    return {rid: {lang: " ; ".join(terms) for lang, terms in langs.items()} for rid, langs in found.items()}


def _topic_words(topics: tuple[str, ...], topic_words: dict, lang: str) -> str:
    return " ; ".join(w for t in topics for w in topic_words.get(t, {}).get(lang, ()))


def provision_documents(corpus: Corpus, provision: Provision, topic_words: dict, root: Path,
                        leads: dict) -> Iterator[dict]:
    instrument = corpus.instrument_of(provision)
    lead = leads.get(provision.id, {})
    for number, wording in enumerate(provision.wordings()):
        # A wording with no start of its own starts with its instrument (in force, else adopted): a
        # search as on a date before a code existed does not show the code.
        start = wording.in_force_from or start_of(instrument)
        end = wording.in_force_to or (instrument.in_force_to if wording.current else None)
        doc = {
            "key": f"{provision.id}#{number}",
            "id": provision.id,
            "kind": "provision",
            "instrument": instrument.id,
            "jurisdiction": instrument.jurisdiction,
            "topics": ",".join(provision.topics),
            "source": _relative(provision.origin.path, root),
            "valid_from": _iso(start, OPEN_START),
            "valid_to": _iso(end, OPEN_END),
            "current": "yes" if wording.current else "no",
            "authority": instrument.authority,
            "display": {
                "title": provision.title,
                "cite": {lang: cite_provision(instrument, provision, lang) for lang in LANGS},
                "instrument": instrument.short_title,
                "label": provision.label,
                "verification": provision.verification.status,
                "keywords": dict(provision.keywords),
                "in_force_from": start,
                "in_force_to": end,
            },
        }
        for lang in LANGS:
            doc[f"title_{lang}"] = provision.title.get(lang, "")
            doc[f"text_{lang}"] = wording.texts[lang].content if lang in wording.texts else ""
            # The search terms count as the summary does: one field, not two, to read per word.
            doc[f"summary_{lang}"] = _joined(wording.summary.get(lang, ""), _keywords(provision.keywords, lang))
            doc[f"lead_{lang}"] = lead.get(lang, "")
            doc[f"context_{lang}"] = " ; ".join(filter(None, (
                instrument.short_title.get(lang), instrument.title.get(lang), _label_words(provision.label),
                _topic_words(provision.topics, topic_words, lang), provision.argument.get(lang))))
            doc[f"body_{lang}"] = _body(wording, lang)
        yield doc


def _keywords(keywords: dict, lang: str) -> str:
    return " ; ".join(keywords.get(lang, ()))


def _joined(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _label_words(label: str) -> str:
    return label if label[0].isdigit() else ""


def _body(wording: Wording, lang: str) -> str:
    return _joined(wording.summary.get(lang, ""), wording.texts[lang].content if lang in wording.texts else "")


def case_document(corpus: Corpus, case: Case, topic_words: dict, root: Path, leads: dict) -> dict:
    instruments = sorted({pid.split("/")[0] for pid in case.provisions})
    lead = leads.get(case.id, {})
    doc = {
        "key": f"case:{case.id}",
        "id": case.id,
        "kind": "case",
        "instrument": " ".join(instruments),
        "jurisdiction": "tj" if case.body == "domestic" else "intl",
        "topics": ",".join(case.topics),
        "source": _relative(case.origin.path, root),
        "valid_from": _iso(case.date, OPEN_START),
        "valid_to": OPEN_END,
        "current": "yes",
        "authority": "case-binding" if case.binding else "case",
        "display": {"title": case.title, "body": case.body, "number": case.number,
                    "date": case.date, "verification": case.verification.status,
                    "keywords": dict(case.keywords),
                    "binding": case.binding},
    }
    for lang in LANGS:
        summary = _joined(case.summary.get(lang, ""), case.outcome.get(lang, ""), *(h.get(lang, "") for h in case.holdings))
        doc[f"title_{lang}"] = case.title.get(lang, "")
        doc[f"summary_{lang}"] = _joined(summary, _keywords(case.keywords, lang))
        doc[f"lead_{lang}"] = lead.get(lang, "")
        doc[f"context_{lang}"] = _topic_words(case.topics, topic_words, lang)
        doc[f"body_{lang}"] = summary
    return doc


def _iso(partial: str | None, default: str) -> str:
    from .dates import parse_date

    return parse_date(partial).isoformat() if partial else default
