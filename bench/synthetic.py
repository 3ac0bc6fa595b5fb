"""Synthetic corpora shaped like the real one, for the scale benchmarks (never for legal_sources/).

Instruments of 50-200 provisions, half Tajik-style (``tj-synth-0001``), half international
(``synth-0002``); each provision with English and Russian titles and summaries, six search terms per
language drawn from the real ones, and a text of 50-800 words in English, Russian or both, drawn
from real legal vocabulary so that the stemmers have real work: the words and their frequencies are
those of the real corpus's English and Russian summaries and texts. Deterministic for a given seed. The real topics.yaml is copied (without its
example queries) so that topic ids validate.

    python bench/synthetic.py 10000 build/bench/sources-10000 [--clustered]
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PER_INSTRUMENT = (50, 200)  # provisions per instrument (file), drawn uniformly



# The real sources, read once: words, search terms and subjects are all drawn from them.
SOURCES = [(path, yaml.safe_load(path.read_text(encoding="utf-8")))
           for path in sorted((ROOT / "legal_sources").rglob("*.yaml"))]
INSTRUMENTS = [data for path, data in SOURCES if "instruments" in path.relative_to(ROOT / "legal_sources").parts]


def _real_words() -> dict[str, tuple[list[str], list[int]]]:
    """Word frequencies of the real corpus, per language, so synthetic texts share its vocabulary
    and its Zipf-like distribution (a few words everywhere, most words rare)."""
    counts: dict[str, Counter] = {"en": Counter(), "ru": Counter()}

    def walk(node, lang=None):
        if isinstance(node, dict):
            for key, value in node.items():
                if key != "keywords":  # search terms are drawn apart (KEYWORDS)
                    walk(value, key if key in counts else lang)
        elif isinstance(node, list):
            for value in node:
                walk(value, lang)
        elif isinstance(node, str) and lang:
            counts[lang].update(w.lower() for w in re.findall(r"[^\W\d_]{2,}", node))

    for _path, data in SOURCES:
        walk(data)
    return {lang: (list(c), list(c.values())) for lang, c in counts.items()}


VOCABULARY = _real_words()


def _real_keywords() -> dict[str, list[str]]:
    """The real provisions' search terms per language: synthetic ones are drawn from them."""
    found: dict[str, list[str]] = {"en": [], "ru": [], "tg": []}
    for data in INSTRUMENTS:
        for record in data.get("provisions", []):
            for lang, terms in (record.get("keywords") or {}).items():
                found[lang] += terms
    return found


KEYWORDS = _real_keywords()
SUBJECT_SHARE = 0.6  # in "clustered" corpora, the share of a text's words drawn from its subject


def _real_subjects() -> list[dict[str, tuple[list[str], list[int]]]]:
    """Per real provision with English and Russian wording: the words of each language (title,
    summary, text) and their counts. A "clustered" corpus draws most of a provision's words from
    one of these, so words co-occur by subject as in real law instead of independently."""
    subjects = []
    for data in INSTRUMENTS:
        for record in data.get("provisions", []):
            counts = {}
            for lang in ("en", "ru"):
                parts = [record.get("title", {}).get(lang, ""), record.get("summary", {}).get(lang, ""),
                         (record.get("text", {}).get(lang) or {}).get("content", "")]
                found = Counter(w.lower() for w in re.findall(r"[^\W\d_]{2,}", " ".join(parts)))
                if sum(found.values()) >= 20:
                    counts[lang] = (list(found), list(found.values()))
            if len(counts) == 2:
                subjects.append(counts)
    return subjects


def words(rng: random.Random, lang: str, low: int, high: int, subject: dict | None = None) -> str:
    vocabulary, weights = VOCABULARY[lang]
    count = rng.randint(low, high)
    if subject is None:
        drawn = rng.choices(vocabulary, weights, k=count)
    else:
        own = round(count * SUBJECT_SHARE)
        drawn = rng.choices(*subject[lang], k=own) + rng.choices(vocabulary, weights, k=count - own)
        rng.shuffle(drawn)
    sentences, sentence = [], []
    for word in drawn:
        sentence.append(word)
        if len(sentence) >= rng.randint(8, 20):
            sentences.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    if sentence:
        sentences.append(" ".join(sentence).capitalize() + ".")
    return " ".join(sentences)


def provision(rng: random.Random, label: int, topics: list[str], subjects: list | None = None) -> dict:
    subject = rng.choice(subjects) if subjects else None
    record: dict = {
        "label": str(label),
        "title": {"en": words(rng, "en", 2, 6, subject).rstrip("."), "ru": words(rng, "ru", 2, 6, subject).rstrip(".")},
        "summary": {"en": words(rng, "en", 15, 40, subject), "ru": words(rng, "ru", 15, 40, subject)},
    }
    languages = rng.choice([("en",), ("ru",), ("en", "ru")])
    record["text"] = {
        lang: {"kind": "transcription", "content": words(rng, lang, 50, 800, subject),
               "source": {"title": "Synthetic text", "provenance": "bench/synthetic.py"}}
        for lang in languages
    }
    record["keywords"] = {lang: sorted(set(rng.sample(terms, 6))) for lang, terms in KEYWORDS.items() if len(terms) >= 6}
    record["topics"] = rng.sample(topics, rng.randint(0, 2))
    record["verification"] = {"status": "unverified",
                              "note": {"en": "Synthetic benchmark record.", "ru": "Синтетическая запись для замеров."}}
    record["sources"] = [{"title": "Synthetic", "url": "https://example.org/synthetic"}]
    return record


def instrument(rng: random.Random, number: int, count: int, topics: list[str],
               subjects: list | None = None) -> tuple[str, dict]:
    tajik = number % 2 == 1
    instrument_id = f"{'tj-' if tajik else ''}synth-{number:04d}"
    data = {
        "id": instrument_id,
        "title": {"en": f"Synthetic act {number}", "ru": f"Синтетический акт {number}",
                  "tg": f"Санади синтетикӣ {number}"},
        "short_title": {"en": f"Synth {number}"},
        "kind": "law" if tajik else "treaty",
        "jurisdiction": "tj" if tajik else "intl",
        "official_sources": [{"title": "Synthetic", "url": "https://example.org/synthetic"}],
        "provisions": [provision(rng, label, topics, subjects) for label in range(1, count + 1)],
    }
    return ("tj" if tajik else "un"), data


def write_corpus(target: Path, provisions: int, seed: int = 1, clustered: bool = False) -> Path:
    """Write a corpus of ``provisions`` provisions under ``target`` (replaced if it exists).

    By default every word of a text is drawn independently from the real corpus's word frequencies,
    which spreads common words over far more documents than real texts do (the worst case for
    search). ``clustered`` draws 60% of each provision's words from one real provision's words (its
    "subject"), so that words co-occur roughly as in real law.
    """
    rng = random.Random(seed)
    subjects = _real_subjects() if clustered else None
    if target.exists():
        shutil.rmtree(target)
    (target / "instruments" / "tj").mkdir(parents=True)
    (target / "instruments" / "un").mkdir(parents=True)
    vocabulary = yaml.safe_load((ROOT / "legal_sources" / "topics.yaml").read_text(encoding="utf-8"))
    for topic in vocabulary["topics"]:
        topic.pop("queries", None)  # they and the leading authorities name real provisions, which a
        topic.pop("leading", None)  # synthetic corpus lacks
    (target / "topics.yaml").write_text(yaml.safe_dump(vocabulary, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")
    topics = [t["id"] for t in vocabulary["topics"]]
    number = 0
    while provisions > 0:
        number += 1
        folder, data = instrument(rng, number, min(rng.randint(*PER_INSTRUMENT), provisions), topics, subjects)
        provisions -= len(data["provisions"])
        path = target / "instruments" / folder / f"{data['id']}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return target


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--clustered"]
    write_corpus(Path(arguments[1]), int(arguments[0]), clustered="--clustered" in sys.argv)
