"""The search measured on the relevance set (tests/relevance/queries.yaml): what a lawyer expects first
for each query, and what belongs in the top 10, judged from the law (not from the search's output).

The targets of the issue (90% first in the top 3, 95% all in the top 10, MRR 0.85) are not all met yet;
the README reports the measures and the failing queries (`python bench/relevance.py`). This test keeps
the ranking from getting worse than it was measured: each floor is a little under the measure.
"""

from __future__ import annotations

import pytest

from kb.relevance import load_judgments, measure
from kb.search import Searcher
from tests.conftest import ROOT

JUDGMENTS = load_judgments(ROOT / "tests/relevance/queries.yaml")
# How a crisis-line volunteer types what happened (written from the circumstances' leading authorities):
# no target of the issue, measured so that it does not get worse.
VOLUNTEER = load_judgments(ROOT / "tests/relevance/volunteer.yaml")
# Queries written after a round of search terms, not tuned on (no floor: bench/relevance.py --set heldout).
HELD_OUT = load_judgments(ROOT / "tests/relevance/heldout.yaml")
# The Russian verbs joined to their nouns (kb.textnorm.RUSSIAN_FAMILIES, eleventh session) put the more
# precise record first for two Russian queries: "допрашивали без адвоката" (CAT 11, on interrogation, above the
# Constitution's article 19) and "милиционер принуждал меня к сексу" (the Criminal Code's article 140,
# coercion to sexual acts, above the Constitution's article 18): the Russian MRR fell from 0.52 to 0.46.
# Three queries for a death in custody (twelfth session) are harder than the average: the set's shares fell
# although no earlier query moved. The search terms of the Constitution's articles 18, 19, 23, 28 and 38 for
# what the police do (thirteenth session) put them first where a volunteer names the police station; the
# particle "up" as a stop word lost one near tie ("police picked him up for being gay": art. 19 second).
# The floors are where the set stands.
# The pronouns' other forms and the function words as stop words (fourteenth session) raised Tajik; the
# Russian vowel that comes and goes ("суток", "сутки") and "трансгендерных" with "трансгендер" moved two
# Russian queries a place down ("сына держат в милиции уже вторые сутки": the Constitution's art. 19 second).
# How a caller puts each circumstance (its ``said``, written by a helper who never saw this set, fifteenth
# session) raised every language: 70 / 70 / 0.53 -> 80 / 77 / 0.71, 77 / 73 / 0.54 -> 93 / 80 / 0.70,
# 73 / 83 / 0.63 -> 90 / 83 / 0.75.
# The setting a caller names ("at the station", "в отделе") left out of the share of words (same session)
# raised the top 10 in every language: 83 / 87 / 0.72, 93 / 83 / 0.70, 90 / 90 / 0.73.
# More caller phrases (sixteenth session, written by a helper who never saw this set) raised Russian's and
# Tajik's MRR (0.70 -> 0.78, 0.73 -> 0.76) and cost English one query its last expected record ("they wouldn't
# let me call a lawyer": ICCPR 14 out of the top 10).
# A caller's story raising the leading authorities of the circumstance it tells (kb.subjects.Stories, same
# session): 87 / 87 / 0.78, 97 / 87 / 0.81, 93 / 97 / 0.78.
# The raise made smaller (0.3 -> 0.2) after two more blind batches: 83 / 83 / 0.76, 97 / 87 / 0.79, 93 / 97 /
# 0.77.
# A Tajik provision a little before a treaty article (seventeenth session): 87 / 83 / 0.77, 97 / 87 / 0.81,
# 93 / 97 / 0.78.
# A story made only of words few circumstances share: Tajik 97 / 97 / 0.79.
VOLUNTEER_FLOORS = {"en": (0.86, 0.83, 0.76), "ru": (0.96, 0.86, 0.80), "tg": (0.96, 0.96, 0.78)}
# first in top 3, all expected in top 10, MRR
# The circumstances' questions among the words of their authorities (kb.index.lead_words) cost one Russian
# query its first place in the top 3 ("облава на секс-работников" puts ICCPR 26 and 9 above the
# Constitution's article 19) and raised the rest, and the volunteers' set much more (bench/RESULTS.md).
# The search terms of the leading authorities (tenth session) raised Russian and Tajik in the top 3 and in MRR
# and cost Tajik two queries in the top 10: Article 15 CAT, third of three records scored within 0.01 of each
# other at tenth for "маҷбуран эътироф кардани гуноҳ" (typed with and without the Tajik letters).
# The subjects for deaths in custody and the use of force and the words for dying, denying and protecting
# (twelfth session) raised the top 10 in all three languages and Tajik's top 3; no query lost anything.
# "against" as a stop word and search terms for what records are cited for (thirteenth session) raised
# English and Russian; one Russian query lost CAT/C/TJK/CO/3 para 9 from its top 10 (bench/RESULTS.md).
# Thirty queries written blind (fourteenth session: a helper who never saw the search's results or terms)
# joined the set: it fell to 91 / 78 / 0.79, 89 / 82 / 0.83, 94 / 86 / 0.85, nearer what a new query meets.
# The stop words of the same session raised Tajik's top 3 to 96%.
# The circumstances' ``said`` (fifteenth session) raised Russian's top 3 to 92% and cost an English query its
# last expected record in the top 10 and Russian 0.01 of MRR. Thirty more queries written blind joined the set
# after it: 87 / 75 / 0.76, 91 / 82 / 0.80, 94 / 80 / 0.82. The setting out of the share of words: 87 / 76 /
# 0.75, 92 / 82 / 0.81, 96 / 80 / 0.82.
# More caller phrases (sixteenth session): 88 / 75 / 0.77, 92 / 82 / 0.84, 95 / 79 / 0.85; a blind Tajik
# query lost its first place from the top 3 ("ман зани трансгендер ҳастам, милитсия маҷбур кард, ки
# либосамро кашам ва хандиданд": ICCPR 7 sixth) and one its last expected record from the top 10.
# Thirty more written blind (sixteenth session, the seventh batch's odd places) joined the set: 87 / 73 / 0.75,
# 88 / 74 / 0.82, 92 / 73 / 0.83.
# A caller's story raising its circumstance's leading authorities (kb.subjects.Stories): 92 / 73 / 0.78, 87 / 74 /
# 0.81, 93 / 72 / 0.84; Russian lost a query from the top 3 ("защита правозащитников от преследования":
# the Declaration on human rights defenders' art. 12 fifth, under the harassed lawyer's circumstance's
# leaders) and 0.01 of MRR, and Tajik one expected record from a top 10.
# The raise made smaller (0.3 -> 0.2): 92 / 73 / 0.78, 87 / 74 / 0.82, 93 / 72 / 0.83.
# Thirty more written blind (seventeenth session, the tenth batch's odd places, labelled with the circumstance
# each describes) joined the set: 87 / 67 / 0.74, 82 / 68 / 0.77, 89 / 68 / 0.79.
# A Tajik provision a little before a treaty article that matches as well (AUTHORITY_PRIOR, same session):
# 87 / 66 / 0.74, 83 / 68 / 0.76, 89 / 70 / 0.79; four queries for a right the set expects a treaty to lead
# have the Constitution's article first and the treaty second ("ҳабси худсарона", "неприкосновенность частной
# жизни"), and six have their first authority higher.
# A story made only of words few circumstances share (kb.subjects.TOLD_RARE, same session): 86 / 66 / 0.73,
# 83 / 67 / 0.76, 88 / 70 / 0.79; two queries lost their first authority from the top 3 ("they took swabs from
# us girls at the station without asking": the Constitution's art. 18 fourth; "табъиз аз рӯи вазъи ВНМО").
# Six citations of a part or of a case by its number joined the set (nineteenth session), all met: 86 / 67 /
# 0.74, 84 / 67 / 0.77, 88 / 71 / 0.79.
FLOORS = {"en": (0.85, 0.66, 0.73), "ru": (0.83, 0.66, 0.76), "tg": (0.88, 0.7, 0.78)}


def test_the_relevance_set_is_large_and_names_real_authorities(corpus):
    assert len(JUDGMENTS) >= 100
    for lang in ("en", "ru", "tg"):
        assert sum(j.lang == lang for j in JUDGMENTS) >= 30
    for judgment in JUDGMENTS:
        for record in [judgment.first, *judgment.top10]:
            assert record in corpus.provisions or record in corpus.cases, (judgment.query, record)
    queries = {j.query for j in JUDGMENTS}
    # The queries of the table, and Tajik typed without its letters.
    for query in ("arbitrary detention", "произвольное задержание", "ҳабси худсарона", "torture", "пытки",
                  "озодии иттиҳодияҳо", "forced HIV testing", "санҷиши маҷбурии ВНМО", "right to a lawyer",
                  "ҳуқуқ ба адвокат"):
        assert query in queries, query
    assert any(j.lang == "tg" and not any(c in j.query for c in "ҳҷқғӣӯ") for j in JUDGMENTS)


def test_the_held_out_queries_name_real_authorities(corpus):
    assert {j.lang for j in HELD_OUT} == {"en", "ru", "tg"}
    for judgment in HELD_OUT:
        for record in [judgment.first, *judgment.top10]:
            assert record in corpus.provisions or record in corpus.cases, (judgment.query, record)


def test_the_circumstances_queries_are_labelled_with_are_real(corpus):
    labelled = [j for j in JUDGMENTS + HELD_OUT if j.circumstance is not None]
    assert labelled
    for judgment in labelled:
        assert judgment.circumstance == "none" or judgment.circumstance in corpus.circumstances, judgment.query


def test_the_volunteers_set_names_each_circumstances_own_authorities(corpus):
    assert {j.lang for j in VOLUNTEER} == {"en", "ru", "tg"} and len(VOLUNTEER) >= 3 * len(corpus.circumstances)
    leading = {corpus.authority(entry)[1] for c in corpus.circumstances.values() for entry in c.leading}
    for judgment in VOLUNTEER:
        assert {judgment.first, *judgment.top10} <= leading, judgment.query


@pytest.fixture(scope="module")
def searcher(index_dir):
    searcher = Searcher(index_dir)
    yield searcher
    searcher.close()


@pytest.mark.parametrize("lang", ["en", "ru", "tg"])
@pytest.mark.parametrize("judgments, floors", [(JUDGMENTS, FLOORS), (VOLUNTEER, VOLUNTEER_FLOORS)],
                         ids=["lawyers", "volunteers"])
def test_the_ranking_is_no_worse_than_measured(searcher, judgments, floors, lang):
    measured = measure([j for j in judgments if j.lang == lang],
                       lambda q, lang: [h.id for h in searcher.search(q, lang=lang, limit=10)])[lang]
    found = (measured.top3, measured.top10, measured.mrr)
    assert all(value >= floor for value, floor in zip(found, floors[lang])), found


def test_the_held_out_report_shows_the_table_and_no_query():
    # Held-out queries are measured, never tuned on: bench/relevance.py prints their table only.
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "bench/relevance.py"), "--set", "heldout"],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("| language |") and "| en |" in out
    assert not any(j.query in out for j in HELD_OUT)
    assert all(line.startswith("|") for line in out.splitlines() if line)
    # Its labelled queries (the circumstance each describes) are counted in a second table.
    assert "| language | queries labelled |" in out


def test_the_links_are_counted_right_wrong_and_missing():
    from kb.relevance import Judgment, links_report, measure_links

    judgments = [Judgment("a", "en", "x/1", [], "raid"), Judgment("b", "en", "x/1", [], "raid"),
                 Judgment("c", "en", "x/1", [], "none"), Judgment("d", "en", "x/1", [], "raid"),
                 Judgment("e", "en", "x/1", [], None)]
    shown = {"a": ["raid"], "b": ["beaten", "raid"], "c": ["beaten"], "d": [], "e": ["raid"]}
    links = measure_links(judgments, lambda q, lang: shown[q])["en"]
    assert (links.queries, links.labelled, links.linked, links.right, links.wrong) == (4, 3, 3, 2, 1)
    assert links.precision == 2 / 3
    assert "| en | 4 | 3 | 3 | 2 | 1 | 67% |" in links_report({"en": links})
