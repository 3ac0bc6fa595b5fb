"""The topics and circumstances a query names.

Their pages gather a subject's leading authorities; a search's results are provisions and cases only, so
the Search page links the subjects a query names above its results, and `huquq search` names them above its
list. A subject is named when every word of one of its names is among the query's words, as the index
analyses both: a topic by its label and synonyms, a circumstance by its title and how a caller puts it
(``said``). The longest name found ranks a subject; three are shown at most. The Search page's engine
(docs/assets/huquq-engine.js, ``subjects``) reads the same names from the site's ``subjects.json``.
"""

from __future__ import annotations

from typing import Callable

from . import ids
from .models import Corpus

# A caller's phrase names its circumstance only when it keeps two words or more: "I'm pregnant" or "never told
# why" ("tell") would name it for any query with that one word.
SAID_WORDS = 2
SHOWN = 3

Analyse = Callable[[str], list[str]]


def subjects(corpus: Corpus, words_of: dict[str, Analyse]) -> list[dict]:
    """Every topic and circumstance: kind, id, url, title, and names per language, each name the words the
    index makes of it, space separated ({lang: ["arbitrari detent", ...]})."""

    def names(per_lang: dict[str, list[str]]) -> dict[str, list[str]]:
        return {lang: list(dict.fromkeys(" ".join(words) for text in texts if (words := words_of[lang](text))))
                for lang, texts in per_lang.items()}

    found = [{"kind": "topic", "id": topic.id, "url": ids.topic_url(topic.id), "title": dict(topic.label),
              "names": names(topic.words())} for topic in corpus.topics.values()]
    for circumstance in corpus.circumstances.values():
        said = circumstance.said
        per_lang = {lang: [title, *(phrase for phrase in said.get(lang, ())
                                    if len(words_of[lang](phrase)) >= SAID_WORDS)]
                    for lang, title in circumstance.title.items()}
        found.append({"kind": "circumstance", "id": circumstance.id, "url": ids.circumstance_url(circumstance.id),
                      "title": dict(circumstance.title), "names": names(per_lang)})
    return found


def named(all_subjects: list[dict], typed: dict[str, set[str]]) -> list[dict]:
    """The subjects whose names' words are all in ``typed`` (the query's words per language searched), the
    longest name found first, at most SHOWN."""
    found = []
    for subject in all_subjects:
        best = max((len(words) for lang, query_words in typed.items()
                    for words in (name.split(" ") for name in subject["names"].get(lang, ()))
                    if query_words.issuperset(words)), default=0)
        if best:
            found.append((best, subject))
    found.sort(key=lambda pair: -pair[0])  # stable, as the page's sort
    return [subject for _, subject in found[:SHOWN]]
