"""The topics and circumstances a query names, and the circumstance a caller's words tell of.

Their pages gather a subject's leading authorities; a search's results are provisions and cases only, so
the Search page links the subjects a query names above its results, and `huquq search` names them above its
list. A subject is named when every word of one of its names is among the query's words, as the index
analyses both: a topic by its label and synonyms, a circumstance by its title and how a caller puts it
(``said``). The longest name found ranks a subject; three are shown at most. The Search page's engine
(docs/assets/huquq-engine.js, ``subjects`` and ``told``) reads the same names from the site's
``subjects.json``.

A caller rarely types a whole name, but the words of a story ("муж пропал, телефон выключен, в больницах
его нет") are often those of one circumstance's names more than of any other's. ``Stories.told`` scores each
circumstance's names, taken together, against the query's words (BM25 over the circumstances, counted once
per Searcher); the search raises the first leading authorities of the one that clearly scores best
(kb.search.Searcher._told), and it is linked above the results with the subjects named (``shown``).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Callable

from . import ids
from .models import LANGS, Corpus

# A caller's phrase names its circumstance only when it keeps two words or more: "I'm pregnant" or "never told
# why" ("tell") would name it for any query with that one word.
SAID_WORDS = 2
SHOWN = 3
# A circumstance is told of when at least TOLD_WORDS of the query's words are among its names' words, they
# score at least TOLD_SCORE (two words that few circumstances have) and TOLD_MARGIN times the next
# circumstance's score: a story that fits two circumstances as well raises neither. One word is not a story:
# "ночью дежурный изнасиловал меня" would be told of the duty lawyer refused ("дежурный адвокат") and lead
# with the detention article. Its first TOLD_LEADERS leading authorities are raised (kb.search.TOLD_BOOST).
# Measured on the relevance sets and the held-out set (bench/RESULTS.md, sixteenth session); scores of 1 to
# 4 and margins of 1.0 to 1.6 measured alike.
TOLD_WORDS = 2
# Of those, at least TOLD_WORDS must be words that few circumstances' names have (TOLD_RARE of the thirty at
# most): a word most of them share ("detention", "night", "ВНМО") adds to a story's score but does not make
# one ("strip-search of female detainees" was told of the family not informed, by "detention" and "search").
TOLD_RARE = 5
TOLD_SCORE = 2.0
TOLD_MARGIN = 1.3
TOLD_LEADERS = 3
TOLD_K1 = 1.2  # BM25's saturation of a word's count among a circumstance's names

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
        leaders = [authority[1] for entry in circumstance.leading if (authority := corpus.authority(entry))]
        found.append({"kind": "circumstance", "id": circumstance.id, "url": ids.circumstance_url(circumstance.id),
                      "title": dict(circumstance.title), "names": names(per_lang),
                      "leaders": list(dict.fromkeys(leaders))[:TOLD_LEADERS]})
    return found


def shown(all_subjects: list[dict], stories: "Stories", typed: dict[str, set[str]]) -> list[dict]:
    """The subjects a query's words (``typed``) name, and the circumstance they tell of (``stories``) when
    none of those is it: the last place goes to it when they are SHOWN.
    That one is a guess from the story's words, right about two times in three on queries written blind
    (bench/RESULTS.md, seventeenth session), so it is marked ``told`` and offered as a guess ("Perhaps this
    circumstance"), not named as the others are."""
    found = named(all_subjects, typed)
    story = stories.told(typed)
    if story and story not in found:
        found = [*found[:SHOWN - 1], {**story, "told": True}]
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


class Stories:
    """The circumstances' names as the words a story is scored against (``told``), counted once for many
    queries: per language, each circumstance's words with their counts, and how many circumstances have each
    word. The ``setting``'s words ({lang: words}: the police station every caller names) tell of nothing."""

    def __init__(self, all_subjects: list[dict], setting: dict[str, frozenset[str]] | None = None):
        self.setting = setting or {}
        self.circumstances = [s for s in all_subjects if s["kind"] == "circumstance"]
        self.counts = {lang: [Counter(word for name in s["names"].get(lang, ()) for word in name.split(" "))
                              for s in self.circumstances] for lang in LANGS}
        self.having = {lang: Counter(word for words in counts for word in words)
                       for lang, counts in self.counts.items()}

    def told(self, typed: dict[str, set[str]]) -> dict | None:
        """The circumstance the query's words (``typed``: per language searched; the setting's words count for
        nothing) tell of, or None when none clearly scores best; its ``leaders`` are its first leading
        authorities, in order. A circumstance's score is the best of its languages': the sum, over the query's words found
        among its names' words (TOLD_WORDS at least), of BM25's weight (the word's rarity over the
        circumstances, its count saturated)."""
        total = len(self.circumstances)
        best: dict[int, float] = {}  # circumstance's position -> its best language's score
        rare: set[int] = set()  # the circumstances with TOLD_WORDS rare words of the query in a language
        for lang, typed_words in typed.items():
            having = self.having[lang]
            query_words = sorted(typed_words - self.setting.get(lang, frozenset()))  # summed in the page's order
            for position, words in enumerate(self.counts[lang]):
                shared = [word for word in query_words if word in words]
                if len(shared) < TOLD_WORDS:
                    continue
                score = sum(math.log(1 + (total - having[word] + 0.5) / (having[word] + 0.5))
                            * words[word] * (TOLD_K1 + 1) / (words[word] + TOLD_K1) for word in shared)
                best[position] = max(best.get(position, 0.0), score)
                if sum(having[word] <= TOLD_RARE for word in shared) >= TOLD_WORDS:
                    rare.add(position)
        ranked = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))
        if not ranked or ranked[0][1] < TOLD_SCORE:
            return None
        if len(ranked) > 1 and ranked[0][1] < TOLD_MARGIN * ranked[1][1]:
            return None
        # Scored among all, so that a circumstance out for common words does not hand the story to the next.
        if ranked[0][0] not in rare:
            return None
        return self.circumstances[ranked[0][0]]
