"""The site in a real browser: headless Chromium, the built site served by `huquq serve`'s server.

The interface in each language, the search, the offline archive opened as files, accessibility (axe-core)
and the "Prepare a memo" form. Skipped where Chromium, its driver or Selenium is not installed (`.ci/run`
installs them); the accessibility test also needs axe-core from npm (`.ci/run` installs it in .tools/).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from docx import Document

from generator.cli_docs import facts_ranker
from generator.matter import matter_from_text
from generator.memo import plan_memo
from generator.server import Documents, SiteServer
from generator.site.archive import make_archive
from kb.citations import find_case, find_citation, named_instrument, prepare
from kb.tajik import stem as tajik_stem
from kb.textnorm import fold_tajik
from tests.conftest import ROOT, SOURCES
from tests.memo_checks import missing_authorities
from tests.test_tajik import APART, MEET

# HUQUQ_CHROME and HUQUQ_CHROMEDRIVER name a browser elsewhere (the GitHub workflow's setup action).
CHROMIUM = (os.environ.get("HUQUQ_CHROME") or shutil.which("chromium") or shutil.which("chromium-browser")
            or shutil.which("google-chrome"))
DRIVER = os.environ.get("HUQUQ_CHROMEDRIVER") or shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
if not (CHROMIUM and DRIVER):
    pytest.skip("headless Chromium and chromedriver are not installed", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow
LANGS = ("tg", "ru", "en")
PAGES = {"home": "/", "provision": "/iccpr/9/", "topic": "/topics/arbitrary-detention/",
         "case": "/cases/toonen-v-australia/", "search": "/find/", "list": "/instruments/", "prepare": "/prepare/"}
CLIENT = "Malika Rahimova"


# --- fixtures ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(built_site, corpus, index_dir):
    """`huquq serve`'s server on the built site, with the documents it makes counted."""
    documents = Documents(corpus, facts_ranker(corpus, SOURCES, index_dir))
    made = []
    for name in ("memo", "notice", "matter_file"):
        original = getattr(documents, name)

        def counted(payload, original=original, name=name):
            made.append(name)
            return original(payload)
        setattr(documents, name, counted)
    httpd = SiteServer(built_site, 0, documents, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    httpd.base, httpd.made = f"http://127.0.0.1:{httpd.server_address[1]}", made
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server(served):
    return served.base


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads, tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--allow-file-access-from-files=false"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    # Chromium's own temporary folders go into the test's, not /tmp, where they would be left behind.
    temporary = {**os.environ, "TMPDIR": str(tmp_path_factory.mktemp("chromium"))}
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER, env=temporary), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_page_load_timeout(60)
    driver.set_window_size(1280, 1600)
    yield driver
    driver.quit()


def use_language(browser, server, lang):
    """The reader's choice, as the switch keeps it."""
    browser.get(server + "/")
    browser.execute_script("localStorage.setItem('huquq.lang', arguments[0])", lang)


def wait(browser, condition, seconds=30):
    return WebDriverWait(browser, seconds).until(condition)


# --- the search -------------------------------------------------------------------------------------

def search(browser, server, words, lang="en"):
    use_language(browser, server, lang)
    browser.get(f"{server}/find/")
    box = browser.find_element(By.CSS_SELECTOR, "#huquq-search input[type=search]")
    box.clear()
    box.send_keys(words)
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".huquq-search-results li a")))
    return browser.find_elements(By.CSS_SELECTOR, ".huquq-search-results li a")


def follow_first(browser, results):
    href = results[0].get_attribute("href")
    results[0].click()
    wait(browser, EC.url_to_be(href))
    return urlparse(browser.current_url).path, browser.find_element(By.TAG_NAME, "h1").text


def excerpts(browser):
    return browser.execute_script(
        "return [...document.querySelectorAll('.huquq-search-results li p')].map(p => ({text: p.textContent,"
        " marked: [...p.querySelectorAll('mark')].map(m => m.textContent)}))")


def result_paths(browser):
    # Read the list in one step: it is rebuilt while results arrive.
    return [urlparse(h).path for h in browser.execute_script(
        "return [...document.querySelectorAll('.huquq-search-results li a')].map(a => a.href)")]


def choose_filter(browser, name, value):
    browser.find_element(By.CSS_SELECTOR, ".huquq-search-filters summary").click()
    selector = f".huquq-search-filters select[name={name}]"
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, selector)))
    Select(browser.find_element(By.CSS_SELECTOR, selector)).select_by_value(value)


def test_russian_words_find_the_provision(browser, server):
    # Inflected forms: the page says "вступающих в брак" and "медицинское обследование".
    results = search(browser, server, "медицинского обследования вступающих в брак", lang="ru")
    path, heading = follow_first(browser, results)
    assert path == "/tj-family-code/15/", path
    assert "Семейный кодекс" in heading and "15" in heading


def test_tajik_typed_without_tajik_letters_finds_the_tajik_text(browser, server):
    # "қадр ва номус" (dignity and honour) typed on a Russian keyboard, with к for қ.
    results = search(browser, server, "кадр ва номус", lang="tg")
    excerpt = excerpts(browser)[0]
    assert "қадр" in excerpt["text"] and "huquqextra" not in excerpt["text"], excerpt
    assert any(word.startswith("қадр") for word in excerpt["marked"]), excerpt
    path, _ = follow_first(browser, results)
    assert path == "/tj-constitution/5/", path


@pytest.mark.parametrize("words, lang", [("Кодекси ҷиноятӣ шиканҷа", "tg"), ("Tajik Criminal Code torture", "en")])
def test_naming_an_instrument_puts_its_provision_first(browser, server, words, lang):
    # Without the name, "шиканҷа" and "torture" give the Convention against Torture first; the Code's
    # pages cite it by abbreviation, so they are found by the other words within the Code's filter.
    results = search(browser, server, words, lang=lang)
    assert urlparse(results[0].get_attribute("href")).path == "/tj-criminal-code/143-1/"


@pytest.mark.parametrize("lang, words, letters, foreign", [
    ("ru", "пытки", "[а-яё]", "[a-z]"), ("en", "torture", "[a-z]", "[а-яё]")])
def test_excerpts_come_from_the_text_in_the_readers_language(browser, server, lang, words, letters, foreign):
    # The first results have the words in their heading (in three languages) and in their own text: the
    # excerpt is taken from the text in the reader's language.
    search(browser, server, words, lang=lang)
    wait(browser, lambda b: len(excerpts(b)) >= 3)
    for excerpt in excerpts(browser)[:3]:
        assert excerpt["marked"], excerpt
        text = excerpt["text"].lower()
        assert len(re.findall(letters, text)) > 10 * len(re.findall(foreign, text)), excerpt


def test_a_tajik_reader_reads_excerpts_in_tajik(browser, server):
    # Every provision has a Tajik summary: the excerpts of a Tajik search are Tajik (its own letters), not
    # the Russian or English summary.
    search(browser, server, "шиканҷа", lang="tg")
    wait(browser, lambda b: len(excerpts(b)) >= 5)
    for excerpt in excerpts(browser)[:5]:
        text = excerpt["text"].lower()
        assert excerpt["marked"], excerpt
        assert re.search("[ҳҷқғӣӯ]", text) and not re.search("[ыщць]", text), excerpt


def test_a_page_found_only_by_its_hidden_words_shows_its_text_in_the_readers_language(browser, server):
    # "лату кӯб" (beating) is in search terms, not in these pages' text: the excerpt is not the page's
    # three-language heading but its text or summary, in Cyrillic for a Tajik reader.
    search(browser, server, "лату кӯб", lang="tg")
    wait(browser, lambda b: len(excerpts(b)) >= 3)
    quiet = [e for e in excerpts(browser) if not e["marked"]]
    assert quiet
    for excerpt in quiet:
        text = excerpt["text"]
        assert re.match(r"[«(]?[А-ЯЁҲҶҚҒӢӮ]", text), excerpt  # it opens in Cyrillic, not on "CAT, art. 1"
        assert len(re.findall("[a-z]", text, re.I)) * 10 < len(re.findall("[а-яёҳҷқғӣӯ]", text, re.I)), excerpt


def test_a_citation_opens_the_provision(browser, server):
    use_language(browser, server, "ru")
    browser.get(f"{server}/find/?q=" + "МПГПП ст. 9")
    wait(browser, lambda b: urlparse(b.current_url).path == "/iccpr/9/")


def test_an_unverified_result_is_marked_in_the_readers_language(browser, server, corpus):
    # As on the record's page: a lawyer scanning results sees which article numbers are not confirmed.
    search(browser, server, "bribe-taking officials", lang="ru")
    wait(browser, lambda b: result_paths(b)[:1] == ["/tj-criminal-code/319/"])
    assert corpus.provisions["tj-criminal-code/319"].verification.status == "unverified"
    first = browser.find_element(By.CSS_SELECTOR, ".huquq-search-results li")
    assert first.find_element(By.CSS_SELECTOR, ".huquq-badge--unverified").text == "Не проверено"
    secondary = [p for p in result_paths(browser)
                 if p.strip("/") in corpus.provisions and corpus.provisions[p.strip("/")].verification.status == "secondary"]
    assert secondary  # a secondary record carries no such badge
    for item in browser.find_elements(By.CSS_SELECTOR, ".huquq-search-results li"):
        path = urlparse(item.find_element(By.TAG_NAME, "a").get_attribute("href")).path
        if path in secondary:
            assert not item.find_elements(By.CSS_SELECTOR, ".huquq-badge")


def test_a_case_number_opens_the_case(browser, server):
    # Lawyers look a communication up by its number: typed, the case is named first, as the reader reads it.
    search(browser, server, "№ 1096/2002", lang="ru")
    wait(browser, lambda b: "Курбанов" in " ".join(e.text for e in b.find_elements(By.CSS_SELECTOR, ".huquq-citation")))
    browser.get(f"{server}/find/?q=" + "1096/2002")
    wait(browser, lambda b: urlparse(b.current_url).path == "/cases/kurbanov-v-tajikistan/")


def test_filters_narrow_to_tajik_law_and_to_an_instrument(browser, server):
    search(browser, server, "задержание", lang="ru")
    choose_filter(browser, "jurisdiction", "tj")
    wait(browser, lambda b: result_paths(b) and all(p.startswith("/tj-") for p in result_paths(b)))
    # An instrument's filter keeps its provisions and the cases decided under it, as `--instrument` does.
    search(browser, server, "detention")
    choose_filter(browser, "instrument", "iccpr")
    wait(browser, lambda b: result_paths(b)[:1] == ["/iccpr/9/"]
         and all(p.startswith(("/iccpr/", "/cases/")) for p in result_paths(b)))


def test_a_citation_is_not_offered_when_only_cases_are_asked_for(browser, server):
    # As `huquq search "ICCPR 9" --kind case`: the cases, without the provision cited.
    search(browser, server, "ICCPR 9")
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, ".huquq-citation"))
    choose_filter(browser, "kind", "case")
    wait(browser, lambda b: result_paths(b) and all(p.startswith("/cases/") for p in result_paths(b)))
    assert not browser.find_elements(By.CSS_SELECTOR, ".huquq-citation")


def test_a_citation_is_opened_only_when_the_filters_let_it_through(browser, server, index_dir):
    # As `huquq search "ICCPR 9" --jurisdiction tj`: the Covenant's article is not Tajik law, so it is
    # not shown; the query's words are searched among Tajik law instead. With the Covenant's own
    # filter it is shown.
    from kb.search import Searcher

    searcher = Searcher(index_dir)
    try:
        command_line = [h.id for h in searcher.search("ICCPR 9", jurisdiction="tj", limit=5)]
    finally:
        searcher.close()
    assert "iccpr/9" not in command_line
    search(browser, server, "ICCPR 9")
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, ".huquq-citation"))
    choose_filter(browser, "jurisdiction", "tj")
    wait(browser, lambda b: result_paths(b) and all(p.startswith("/tj-") for p in result_paths(b)))
    assert not browser.find_elements(By.CSS_SELECTOR, ".huquq-citation")
    assert [p.strip("/") for p in result_paths(browser)[:len(command_line)]] == command_line
    search(browser, server, "ICCPR 9")
    choose_filter(browser, "instrument", "iccpr")
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, ".huquq-citation"))


def test_a_named_instrument_neither_overrides_the_filter_nor_loses_its_own(browser, server):
    # "Criminal Code" named in the query: its article comes first, and the filter still offers the Code.
    search(browser, server, "Criminal Code torture")
    wait(browser, lambda b: result_paths(b)[:1] == ["/tj-criminal-code/143-1/"])
    browser.find_element(By.CSS_SELECTOR, ".huquq-search-filters summary").click()
    selector = ".huquq-search-filters select[name=instrument] option[value='tj-criminal-code']"
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, selector)))
    # With another instrument chosen, the Code's pages are not put in among its results.
    search(browser, server, "Criminal Code torture")
    choose_filter(browser, "instrument", "cat")
    wait(browser, lambda b: result_paths(b) and all(p.startswith("/cat/") for p in result_paths(b)))


def test_more_results_on_request(browser, server):
    first = len(search(browser, server, "torture"))
    browser.find_element(By.CSS_SELECTOR, ".huquq-search-more").click()
    wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, ".huquq-search-results li")) > first)


def test_header_button_and_home_page_box_lead_to_the_search(browser, server):
    use_language(browser, server, "tg")
    browser.get(f"{server}/iccpr/9/")
    button = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".md-header .huquq-header-search")))
    assert urlparse(button.get_attribute("href")).path == "/find/"
    browser.get(f"{server}/")
    box = browser.find_element(By.CSS_SELECTOR, ".huquq-home-search input[name=q]")
    box.send_keys("шиканча")  # шиканҷа (torture), typed with ч
    box.submit()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".huquq-search-results li a")))
    assert urlparse(browser.current_url).path == "/find/"


# Queries of every kind the ranking treats apart: one word and several, each language, Tajik typed with and
# without its letters, a named instrument, a mixed-script query, a question with stop words and punctuation.
SAME_AS_THE_COMMAND_LINE = [
    ("en", "arbitrary detention"), ("ru", "произвольное задержание"), ("tg", "ҳабси худсарона"),
    ("tg", "хабси худсарона"), ("en", "torture"), ("ru", "пытки"), ("tg", "шиканча"),
    ("en", "Criminal Code torture"), ("ru", "медицинского обследования вступающих в брак"), ("en", "HIV брак"),
    ("tg", "озодии иттиҳодияҳо"), ("en", "police detained me without protocol?"),
    ("ru", "задержали без протокола"), ("en", "detainee denied access to a lawyer"),
    # the setting's words are all the index has of this one (kb.search.Searcher._shares)
    ("ru", "милиционер приставал к моему сыну-подростку, когда тот сидел в отделении"),
    # a caller's story raises the leading authorities of the circumstance it tells (kb.subjects.Stories); one
    # word is not a story
    ("ru", "муж пропал, телефон выключен, в больницах его нет"), ("ru", "ночью дежурный изнасиловал меня"),
]
ENGINE_TOP_10 = """
var query = arguments[0], cited = arguments[1], done = arguments[arguments.length - 1];
var s = window.huquqSearchInternals, e = s.engine();
e.search(query, {}, cited ? null : s.namedInstrument(query))
  .then(function (r) { return Promise.all(r.docs.slice(0, 11).map(function (d) { return e.card(d, "en"); })); })
  .then(function (cards) { done(cards.map(function (c) { return c.id; })); }, function (err) { done(String(err)); });
"""


def test_the_search_page_ranks_as_the_command_line(browser, server, index_dir):
    """The page's top 10 is the command line's, in order, for every query of the lawyers' and volunteers'
    relevance sets and a few more of every kind. A cited provision is the command line's first hit; the page shows it above its
    list (and not again in it), and searches the other words without the named instrument, as Python does."""
    from kb.relevance import load_judgments
    from kb.search import Searcher

    queries = [(j.lang, j.query) for name in ("queries", "volunteer")
               for j in load_judgments(ROOT / f"tests/relevance/{name}.yaml")]
    browser.get(f"{server}/find/")
    searcher = Searcher(index_dir)
    try:
        for lang, query in SAME_AS_THE_COMMAND_LINE + queries:
            hits = searcher.search(query, lang=lang, limit=10)
            cited = bool(hits) and hits[0].exact
            expected = [hit.id for hit in hits if not hit.exact]
            found = browser.execute_async_script(ENGINE_TOP_10, query, cited)
            assert [i for i in found if not (cited and i == hits[0].id)][:len(expected)] == expected, query
        # What a reader sees: the first results of a typed query, in the command line's order.
        shown = [path.strip("/").removeprefix("cases/") for path in
                 (urlparse(a.get_attribute("href")).path for a in search(browser, server, "ҳабси худсарона", lang="tg"))]
        assert shown == [hit.id for hit in searcher.search("ҳабси худсарона", lang="tg", limit=len(shown))]
        # A citation: the provision above the list, and not again among the results.
        # A citation: the provision above the list, not again among the results, and "More results" goes on
        # from the sixth result, as the command line's list does.
        search(browser, server, "ст. 9 МПГПП", lang="ru")
        wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, ".huquq-citation"))
        # Named as a Russian reader cites it, not by its id.
        wait(browser, lambda b: "МПГПП, ст. 9: " in b.find_element(By.CSS_SELECTOR, ".huquq-citation a").text)
        browser.find_element(By.CSS_SELECTOR, ".huquq-search-more").click()
        wait(browser, lambda b: len(result_paths(b)) >= 10)
        shown = [path.strip("/").removeprefix("cases/") for path in result_paths(browser)][:10]
        assert shown == [hit.id for hit in searcher.search("ст. 9 МПГПП", lang="ru", limit=10)]
    finally:
        searcher.close()


ENGINE_FILTERED = """
var query = arguments[0], selected = arguments[1], done = arguments[arguments.length - 1];
var s = window.huquqSearchInternals, e = s.engine(), found;
e.search(query, selected, s.namedInstrument(query))
  .then(function (r) { found = r.docs; return Promise.all(r.docs.slice(0, 10).map(function (d) { return e.card(d, "en"); })); })
  .then(function (cards) { return e.counts(found).then(function (c) { done([cards.map(function (x) { return x.id; }), c, found.length]); }); })
  .catch(function (err) { done(String(err)); });
"""


def test_filters_and_their_counts_are_the_command_lines(browser, server, index_dir):
    """A filter chosen on the page gives what the same option gives `huquq search`, and each value's count
    is the number of results the command line finds with that option."""
    from kb.search import Searcher

    browser.get(f"{server}/find/")
    searcher = Searcher(index_dir)
    try:
        for query, lang, selected in [("torture", "en", {"instrument": "cat"}),
                                      ("задержание", "ru", {"jurisdiction": "tj", "kind": "provision"}),
                                      ("police", "en", {"topic": "arbitrary-detention"}),
                                      ("detention", "en", {"instrument": "iccpr", "kind": "case"}),
                                      # a story's circumstance leads with Tajik law and a treaty: only the law
                                      ("муж пропал, телефон выключен, в больницах его нет", "ru",
                                       {"jurisdiction": "tj"})]:
            top, _counts, total = browser.execute_async_script(ENGINE_FILTERED, query, selected)
            options = {"instrument": selected.get("instrument"), "topic": selected.get("topic"),
                       "jurisdiction": selected.get("jurisdiction"), "kind": selected.get("kind")}
            hits = searcher.search(query, lang=lang, limit=1000, **options)
            assert top == [hit.id for hit in hits[:10]] and total == len(hits), (query, selected)
        _top, counts, total = browser.execute_async_script(ENGINE_FILTERED, "detention", {})
        for name, value in [("instrument", "iccpr"), ("instrument", "cat"), ("jurisdiction", "tj"), ("kind", "case"),
                            ("topic", "arbitrary-detention")]:
            assert counts[name][value] == len(searcher.search("detention", limit=1000, **{name: value})), (name, value)
    finally:
        searcher.close()


def test_a_query_that_names_a_topic_links_its_page_above_the_results(browser, server):
    # Topic and circumstance pages gather a subject's leading authorities; the results are provisions and
    # cases only, as on the command line, so the subjects a query names are linked above them.
    for query, lang, page in [("arbitrary detention", "en", "/topics/arbitrary-detention/"),
                              ("ҳабси худсарона", "tg", "/topics/arbitrary-detention/"),
                              ("принудительное тестирование на ВИЧ", "ru", "/topics/forced-hiv-testing/")]:
        search(browser, server, query, lang=lang)
        line = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, ".huquq-subjects")))
        links = [urlparse(a.get_attribute("href")).path for a in line.find_elements(By.TAG_NAME, "a")]
        assert links[0] == page, (query, links)
    search(browser, server, "Toonen", lang="en")
    assert not browser.find_element(By.CSS_SELECTOR, ".huquq-subjects").is_displayed()


def test_the_page_names_the_subjects_the_command_line_names(browser, server, index_dir):
    from kb.search import Searcher

    browser.get(f"{server}/find/")
    searcher = Searcher(index_dir)
    try:
        for query in ["arbitrary detention", "ҳабси худсарона", "не дали позвонить домой, мама искала всю ночь",
                      "HIV test before the wedding", "маро маҷбур карданд коғази холиро имзо кунам",
                      "transgender woman detained and searched", "never told why", "Toonen",
                      # the circumstance a story tells of (kb.subjects.Stories), and no story in one word
                      "муж пропал, телефон выключен, в больницах его нет", "ночью дежурный изнасиловал меня"]:
            page = browser.execute_async_script(
                "var done = arguments[1]; window.huquqSearchInternals.engine().subjects(arguments[0])"
                ".then(function (s) { done(s.map(function (x) { return [x.url, !!x.told]; })); },"
                " function (e) { done(String(e)); });",
                query)
            assert page == [[s["url"], s.get("told", False)] for s in searcher.subjects(query)], query
    finally:
        searcher.close()


def test_a_callers_words_link_the_circumstance_they_describe(browser, server):
    # How a caller puts a circumstance (its ``said``) names it too: the volunteer finds the circumstance's
    # page, with its law and argument, above the results.
    for query, lang, page in [("they didn't let me call home all night", "en", "/circumstances/family-not-informed/"),
                              ("в изоляторе не дали мои таблетки", "ru", "/circumstances/denied-medical-care-or-art/"),
                              ("телефонамро гирифтанд ва паёмҳоямро хонданд", "tg",
                               "/circumstances/documents-or-phone-taken/")]:
        search(browser, server, query, lang=lang)
        line = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, ".huquq-subjects")))
        links = [urlparse(a.get_attribute("href")).path for a in line.find_elements(By.TAG_NAME, "a")]
        assert page in links, (query, links)


def test_the_circumstance_a_story_tells_of_is_offered_as_a_guess(browser, server):
    # Right about two times in three on queries written blind: the reader is told it is a guess.
    for lang, story, label in [("ru", "муж пропал, телефон выключен, в больницах его нет",
                                "Возможно, это обстоятельство: Семья не уведомлена о задержании"),
                               ("tg", "шавҳарам гум шуд, телефонаш хомӯш аст, дар беморхонаҳо нест", "Шояд ин ҳолат: "),
                               ("en", "they didn't let me call home all night", "Circumstance: ")]:
        search(browser, server, story, lang=lang)
        line = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, ".huquq-subjects")))
        assert label in line.text, (story, line.text)


def test_word_forms_the_corpus_lacks_are_stemmed_as_the_command_line_stems_them(browser, server, built_site, index_dir):
    """A typed word the corpus does not have is not in the page's word tables: Russian ones are stemmed by
    the vendored Snowball stemmer, Tajik ones by the port of kb.tajik, as the command line stems them."""
    from generator.site.search_index import lookup_key, word_hash, word_key
    from kb.search import Searcher

    meta = json.loads((built_site / "search-index" / "meta.json").read_text(encoding="utf-8"))

    def in_table(lang, word):
        key = lookup_key(word, lang)
        table = json.loads((built_site / "search-index" / "w" / lang /
                            f"{word_hash(word_key(key)) % meta['words'][lang]}.json").read_text(encoding="utf-8"))
        return key in table

    typed = [("ru", "задержаниями"), ("ru", "рассмотрена"), ("ru", "избивавшие"), ("ru", "вымогали"),
             ("ru", "обыскавшие"), ("ru", "ликвидировали"),  # kb.textnorm.RUSSIAN_FAMILIES
             ("ru", "трансгендерными"), ("en", "transsexuals"),  # "трансгендер", "transgender"
             ("tg", "боздоштшудагонро"), ("tg", "шиканҷаҳоро"), ("tg", "ҳабсшудаҳоро"),
             ("tg", "фавтиданд"), ("tg", "мурдааст"),  # kb.textnorm.TAJIK_FAMILIES: "марг" (death)
             # English: Porter2, -ize read as -ise, the families ("detainments" -> detent); "prism" must not
             # become "prison", nor "runs" stay "runs"
             ("en", "prism"), ("en", "runs"), ("en", "accessing"), ("en", "organizers"), ("en", "detainments")]
    assert not any(in_table(lang, word) for lang, word in typed)  # the test means something
    browser.get(f"{server}/find/")
    found = browser.execute_async_script("""
        var done = arguments[1], e = window.huquqSearchInternals.engine();
        Promise.all(arguments[0].map(function (p) { return e.indexWord(p[0], p[1]); })).then(done, function (err) { done(String(err)); });
        """, typed)
    searcher = Searcher(index_dir)
    try:
        assert found == [searcher.words_of[lang](word)[0] for lang, word in typed]
    finally:
        searcher.close()


def test_the_page_reads_what_the_command_line_reads_in_awkward_queries(browser, server, index_dir):
    """A hyphenated word wants its parts in one field, as Whoosh's parser does ("non-refoulement": one
    result, not a hundred); "constructor" is a word, not an object's property; NOT leaves documents out."""
    from kb.search import Searcher

    browser.get(f"{server}/find/")
    searcher = Searcher(index_dir)
    try:
        for query in ("non-refoulement", "self-determination", "follow-up", "constructor torture"):
            got = browser.execute_async_script(ENGINE_TOP_10.replace("slice(0, 11)", "slice(0, 200)"), query, False)
            assert got == [hit.id for hit in searcher.search(query, limit=200)], query
        tokens = browser.execute_async_script(
            "var done = arguments[0]; window.huquqSearchInternals.engine().tokens('constructor torture', ['en']).then(done)")
        assert len(tokens) == 2
        left_out = browser.execute_async_script(ENGINE_TOP_10.replace("slice(0, 11)", "slice(0, 200)"), "torture NOT police", False)
        with_police = {hit.id for hit in searcher.search("police", limit=200)}
        assert left_out and not with_police & set(left_out)
        assert set(left_out) <= {hit.id for hit in searcher.search("torture", limit=200)}
    finally:
        searcher.close()


def test_a_failed_fetch_is_tried_again(browser, server):
    # The first file the page asks for (the index's metadata, when the box is focused) failed, on a phone
    # offline for a moment, and every search after it failed too: the failure was kept.
    use_language(browser, server, "en")
    browser.get(f"{server}/find/")
    browser.execute_script("""
        var real = window.fetch, failed = false;
        window.fetch = function () {
          if (!failed) { failed = true; return Promise.reject(new TypeError("Failed to fetch")); }
          return real.apply(this, arguments);
        };""")
    box = browser.find_element(By.CSS_SELECTOR, "#huquq-search input[type=search]")
    box.send_keys("torture")
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".huquq-search-results li a")))
    assert browser.execute_script("return document.querySelector('.huquq-search-status').textContent").startswith("Results")


def test_results_are_shown_again_in_the_language_chosen(browser, server):
    search(browser, server, "torture", lang="en")
    wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, ".huquq-search-status").text.startswith("Results"))
    browser.find_element(By.CSS_SELECTOR, ".huquq-lang button[data-lang=ru]").click()
    wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, ".huquq-search-status").text.startswith("Найдено"))
    wait(browser, lambda b: any("пыт" in p.text.lower() for p in b.find_elements(By.CSS_SELECTOR, ".huquq-search-results li p")))


def test_the_vendored_russian_stemmer_is_pystemmers(browser, server, corpus):
    import Stemmer

    words = set()
    for provision in corpus.provisions.values():
        for text in (provision.title.get("ru"), provision.summary.get("ru")):
            words.update(re.findall(r"[а-я]+", (text or "").lower().replace("ё", "е")))
    words = sorted(words)
    assert len(words) > 2000
    browser.get(f"{server}/find/")
    js = browser.execute_async_script("""
        var words = arguments[0], done = arguments[1];
        window.huquqSearchInternals.engine().stemmer("russian").then(function (stem) { done(words.map(stem)); });
        """, words)
    assert js == Stemmer.Stemmer("russian").stemWords(words)


def test_the_page_and_the_command_line_stem_fold_and_read_citations_alike(browser, server, index_dir):
    """The search page's JavaScript ports of kb.tajik.stem, fold_tajik and kb.citations give what Python gives."""
    browser.get(f"{server}/find/")
    words = sorted({w for group in MEET + APART for w in group})
    js = browser.execute_script("var s = window.huquqSearchInternals; return arguments[0].map(w => s.tajikStem(s.fold(w)))", words)
    assert js == [tajik_stem(fold_tajik(w)) for w in words]
    # Which languages a query is read in, by its letters and, beside Russian letters, a Tajik word.
    from kb.search import _script
    texts = ["arbitrary detention", "пытки", "ҳабси худсарона", "хабси худсарона", "HIV брак", "милиция",
             "участковый хар руз ба хонаам меояд", "участковый хар руз", "ст. 9 МПГПП", "ман ВИЧ дорам"]
    js = browser.execute_script("return arguments[0].map(t => window.HuquqEngine.internals.script(t))", texts)
    assert js == [_script(t) for t in texts]
    catalog = json.loads((index_dir / "huquq-catalog.json").read_text(encoding="utf-8"))
    provisions = set(catalog["provisions"])
    queries = ["ICCPR 9", "МПГПП ст. 17", "ст. 9(3) МПГПП", "моддаи 19-и Конститутсия", "статья 15 Семейного кодекса",
               "CAT art. 2", "GC 35 para 3", "CCPR/C/TJK/CO/3 para 15", "ПБҲШС м. 9", "ECHR 8", "конвенция 3",
               "статья 5 доклада №", "Доклад — 5", "ч. 1 ст. 94 УПК РТ", "часть 2 статьи 9 МПГПП",
               "қисми 1 моддаи 94 КМҶ", "ч. 1 ст. 143 УК"]
    for query in queries:
        candidates = browser.execute_script("return window.huquqSearchInternals.candidates(arguments[0])", query)
        in_page = next(((c[0] + "/" + c[1], c[2]) for c in candidates if c[0] + "/" + c[1] in provisions), None)
        assert in_page == find_citation(query, catalog), query
    assert find_citation("ч. 1 ст. 94 УПК РТ", catalog) == ("tj-criminal-procedure-code/94", "(1)")
    # A case by its number or document symbol, as kb.citations.find_case.
    numbers = ["1096/2002", "№ 1348/2005", "ECtHR 28834/19", "CCPR/C/81/D/964/2001", "9988/13", "2002", "ICCPR 9"]
    js = browser.execute_script(
        "return arguments[0].map(q => { var c = window.huquqSearchInternals.findCase(q); return c && c.id; })", numbers)
    assert js == [find_case(q, catalog) for q in numbers]
    assert js[0] == "kurbanov-v-tajikistan" and js[-2:] == [None, None]
    named = ["Tajik Criminal Code torture", "УК пытки", "свобода собраний Конституции", "кодекси чинояти шиканча",
             "Law on the Militia force", "Women's Convention", "Body of Principles lawyer", "torture", "ВИЧ/СПИД закон",
             "Закон о милиции", "Кодекси ҳуқуқвайронкунии маъмурӣ", "criminal liability for HIV",
             "Конститу\u0301ция свобода", "Уголовный кодекс и"]
    prepared = prepare(catalog)
    js = browser.execute_script("return arguments[0].map(q => window.huquqSearchInternals.namedInstrument(q))", named)
    assert js == [list(found) if found else None for found in (named_instrument(q, prepared) for q in named)]
    assert js[0] == ["tj-criminal-code", "torture"] and js[7] is None


ENGLISH_FAMILY_QUERIES = ["detainee", "detainees", "detained", "detaining", "detention", "organization",
                          "organizations", "criminalization", "complaint", "complaints", "disclosure", "coerced",
                          "bribery", "beaten", "discriminatory", "consensual", "registration", "arrest", "torture"]


def test_the_page_marks_english_words_as_the_command_line_stems_them(browser, server):
    """Excerpts mark words by Porter2 alone; the page marks each query word by a word Porter2 stems to
    what kb.textnorm.english_stem makes of the word typed ("detainee" as "detention")."""
    from kb.textnorm import _ENGLISH, english_stem

    browser.get(f"{server}/find/")
    js = browser.execute_script("return arguments[0].map(w => window.huquqSearchInternals.englishWord(w))",
                                ENGLISH_FAMILY_QUERIES)
    assert [_ENGLISH.stemWord(w) for w in js] == [english_stem(w) for w in ENGLISH_FAMILY_QUERIES]
    assert js[0] == "detention" and js[5] == "organisation"


def marked_words(browser, server, words, lang, awaited):
    """(result path, marked word) of every mark in the results' excerpts, once ``awaited`` is among them."""
    search(browser, server, words, lang=lang)
    wait(browser, lambda b: awaited in result_paths(b))
    return browser.execute_script(
        "return [...document.querySelectorAll('.huquq-search-results li')].flatMap(li => "
        "[...li.querySelectorAll('mark')].map(m => [li.querySelector('a').pathname, m.textContent]))")


def test_the_page_marks_a_russian_verbs_noun_as_the_command_line_does(browser, server):
    # "ликвидировали" (they liquidated) finds CEDAW art. 2 by "ликвидации" (kb.textnorm.RUSSIAN_FAMILIES): the
    # excerpt marks that word, as the command line's does.
    marks = marked_words(browser, server, "организацию ликвидировали", "ru", "/cedaw/2/")
    assert any(path.endswith("/cedaw/2/") and word.startswith("ликвидац") for path, word in marks), marks


def test_the_page_marks_a_tajik_verbs_noun_and_not_a_short_word_a_query_word_begins_with(browser, server):
    # "мурд" (died) finds CAT/C/TJK/CO/3 para. 9 by "марги" (kb.textnorm.TAJIK_FAMILIES): its excerpt marks
    # that word. "бародарам" (my brother) must not mark "барои" (for), which it merely begins with.
    marks = marked_words(browser, server, "бародарам дар милитсия мурд", "tg", "/cat-co-tjk-3/9/")
    assert any(path.endswith("/cat-co-tjk-3/9/") and word.startswith("марг") for path, word in marks), marks
    assert not any(word.strip(",.;:") == "барои" for _path, word in marks), marks


def test_a_word_of_a_family_finds_what_its_family_word_finds(browser, server):
    # Constitution art. 19 says "detained"; the Search page finds it by "detention" and "detainee" alike.
    for words in ("detention lawyer", "detainee lawyer", "detained lawyer"):
        search(browser, server, words)
        wait(browser, lambda b: "/tj-constitution/19/" in result_paths(b))


def test_punctuation_around_a_word_is_not_marked(browser, server):
    # "протокола?" kept its question mark, so its Russian ending was not cut and it marked nothing.
    browser.get(f"{server}/find/")
    words = browser.execute_script("return ['задержали без протокола?', 'detention, lawyer.', '«шиканҷа»']"
                                   ".map(q => window.huquqSearchInternals.queryWords(q))")
    plain = browser.execute_script("return ['задержали без протокола', 'detention lawyer', 'шиканҷа']"
                                   ".map(q => window.huquqSearchInternals.queryWords(q))")
    assert words == plain and "протокол" in words[0].split()


def test_an_excerpt_does_not_cut_the_start_of_a_short_sentence(browser, server):
    # "No one shall be subjected to torture ...": an excerpt of the end of a short text opened at "one".
    search(browser, server, "forced HIV testing", lang="en")
    excerpts = browser.execute_script("return [...document.querySelectorAll('.huquq-search-results li p')].map(p => p.textContent)")
    assert not any(e.startswith("one shall") for e in excerpts), excerpts
    assert any(e.startswith("No one shall be subjected to torture") for e in excerpts), excerpts


def test_an_excerpt_does_not_open_on_the_end_of_the_sentence_before(browser, server):
    # "... (the full text). Organisations that provide HIV prevention ...": the excerpt starts at
    # "Organisations", not at the tail of the sentence before it.
    use_language(browser, server, "en")
    browser.get(f"{server}/find/")
    rest = " and legal aid to sex workers and gay men pursue lawful aims" * 3
    words = ("the page heading here and the full text). Organisations that provide HIV prevention" + rest).split()
    start = browser.execute_script(
        "return window.huquqSearchInternals.excerptStart(arguments[0], arguments[0].length, [8])", words)
    assert words[start] == "Organisations"
    words = ("the page heading here no one shall be arbitrarily detained" + rest).split()  # no sentence end
    start = browser.execute_script(
        "return window.huquqSearchInternals.excerptStart(arguments[0], arguments[0].length, [9])", words)
    assert start == 5  # four words before the match


def test_the_page_leaves_out_the_words_the_index_leaves_out(browser, server):
    # "без" in "задержали без протокола" would count as a word the results lack.
    from kb.textnorm import STOP

    browser.get(f"{server}/find/")
    words = ["без", "of", "дар", "кардан", "not", "the", "под", "ё", "detention", "задержание", "ҳуқуқ", "протокол"]
    counted = browser.execute_async_script("""
        var done = arguments[1], e = window.huquqSearchInternals.engine(), E = window.HuquqEngine.internals;
        Promise.all(arguments[0].map(function (w) {
          var q = "шиканҷа " + w;
          return e.tokens(q, E.SCRIPT_LANGS[E.script(q)]).then(function (t) { return t.length; });
        })).then(done, function (err) { done(String(err)); });""", words)
    marked = browser.execute_script(
        "return arguments[0].map(w => window.huquqSearchInternals.queryWords('шиканҷа ' + w))", words)
    left_out = {fold_tajik(word) for word in STOP}
    assert [n == 1 for n in counted] == [fold_tajik(word) in left_out for word in words]
    assert [len(query.split()) == 1 for query in marked] == [fold_tajik(word) in left_out for word in words]
    assert marked[0] == "шиканча"


def test_no_request_leaves_the_site(browser, server):
    for path in ("/", "/iccpr/9/", "/prepare/"):
        browser.get(server + path)
        time.sleep(0.3)
        origins = browser.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)")
        assert set(origins) <= {server}, path
    search(browser, server, "torture")
    origins = browser.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)")
    assert origins and set(origins) == {server}


# --- the interface in the reader's language ----------------------------------------------------------

def english_interface_strings() -> list[str]:
    """The site's own English words (templates/site/strings.yaml) and Material's, where the Russian and
    Tajik versions differ from them."""
    strings = yaml.safe_load((ROOT / "templates/site/strings.yaml").read_text(encoding="utf-8"))
    found = {texts["en"] for texts in strings.values() if texts["en"] not in (texts["ru"], texts["tg"])}
    import material

    theme = Path(material.__file__).parent / "templates/partials/languages/en.html"
    found |= set(re.findall(r'^\s*"[a-z.]+": "([^"]+)"', theme.read_text(encoding="utf-8"), re.M)) - {"en", "ltr"}
    return sorted(s for s in found if "{" not in s and re.search(r"[A-Za-z]{3}", s))


def visible_text(browser) -> str:
    return browser.execute_script("return document.body.innerText + '\\n' + document.title")


def interface_text(browser) -> str:
    """The page's visible text without the law's own words: source titles, search excerpts and texts marked as
    being in another language are content, not interface."""
    return browser.execute_script("""
        var ui = document.documentElement.getAttribute('data-ui');
        var hidden = [];
        document.querySelectorAll('.huquq-sources, .huquq-url, .huquq-search-results p, code, pre, [lang]').forEach(function (e) {
          if (e.matches('[lang]') && (e.getAttribute('lang') === ui || e === document.documentElement)) return;
          hidden.push([e, e.style.display]); e.style.display = 'none';
        });
        var text = document.body.innerText + '\\n' + document.title;
        hidden.forEach(function (h) { h[0].style.display = h[1]; });
        return text;""")


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_no_english_interface_words_when_another_language_is_chosen(browser, server, lang):
    english = english_interface_strings()
    assert len(english) > 150
    use_language(browser, server, lang)
    for name, path in PAGES.items():
        browser.get(server + path)
        if name == "search":
            box = browser.find_element(By.CSS_SELECTOR, "#huquq-search input[type=search]")
            box.send_keys("задержание")
            wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".huquq-search-results li a")))
            browser.find_element(By.CSS_SELECTOR, ".huquq-search-filters summary").click()
        text = interface_text(browser)
        found = [s for s in english if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text)]
        assert found == [], (name, found)
        assert browser.execute_script("return document.documentElement.lang") == lang


def test_the_choice_survives_a_reload_and_the_first_visit_follows_the_browser(browser, server):
    browser.get(server + "/")
    browser.execute_script("localStorage.clear()")
    browser.get(server + "/iccpr/9/")
    # Headless Chromium reads English: the first visit follows it.
    assert browser.execute_script("return document.documentElement.getAttribute('data-ui')") == "en"
    wait(browser, EC.element_to_be_clickable((By.CSS_SELECTOR, '.huquq-lang button[data-lang="tg"]'))).click()
    assert browser.execute_script("return document.documentElement.getAttribute('data-ui')") == "tg"
    browser.refresh()
    assert browser.execute_script("return document.documentElement.getAttribute('data-ui')") == "tg"
    browser.get(server + "/topics/")
    assert browser.execute_script("return document.documentElement.getAttribute('data-ui')") == "tg"
    assert "Мавзӯъҳо" in visible_text(browser) or "мавзӯъ" in visible_text(browser).lower()


@pytest.mark.parametrize("lang, path, tab", [
    ("ru", "/iccpr/9/", "ru"), ("en", "/iccpr/9/", "en"), ("tg", "/tj-constitution/5/", "tg"),
    ("tg", "/tj-constitution/19/", "tg"),  # no Tajik text of the current wording, but a Tajik summary
    ("ru", "/tj-constitution/19/", "ru"), ("en", "/tj-constitution/19/", "en"),
])
def test_a_provision_opens_on_the_tab_of_the_readers_language(browser, server, lang, path, tab):
    use_language(browser, server, lang)
    browser.get(server + path)
    checked = browser.execute_script(
        "var i = document.querySelector('.huquq-langtabs input:checked'); return i && i.getAttribute('data-lang')")
    assert checked == tab


def test_cite_this_is_in_the_readers_language_and_copies(browser, server):
    use_language(browser, server, "ru")
    browser.get(server + "/iccpr/9/")
    assert "МПГПП, ст. 9" in visible_text(browser)
    use_language(browser, server, "tg")
    browser.get(server + "/iccpr/9/")
    assert "ПБҲШС, м. 9" in visible_text(browser)


# --- offline: the archive opened as files -------------------------------------------------------------

@pytest.fixture(scope="module")
def unpacked(built_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("usb")
    with zipfile.ZipFile(make_archive(built_site, folder / "huquq-site.zip")) as zf:
        zf.extractall(folder / "huquq")
    return folder / "huquq"


def test_the_archive_opened_as_files_follows_ten_links_without_a_folder_listing(browser, unpacked):
    browser.get((unpacked / "index.html").as_uri())
    browser.execute_script("localStorage.setItem('huquq.lang', 'ru')")
    # Through the navigation, a topic, a provision and its relations, an instrument, the cases.
    steps = ["topics/index.html", "topics/arbitrary-detention/index.html", "iccpr/9/index.html", None,
             "instruments/index.html", None, "cases/index.html", None, "circumstances/index.html", None]
    visited = []
    for wanted in steps:
        scope = "a[href]" if wanted else ".md-content a[href]"
        links = browser.execute_script(
            f"return [...document.querySelectorAll('{scope}')].map(a => a.href).filter(h => h.startsWith('file:')"
            " && !h.includes('#'))")
        if wanted:
            target = next(h for h in links if h.endswith("/" + wanted))
        else:
            target = next(h for h in links if h not in visited and h != browser.current_url)
        link = browser.execute_script(
            "return [...document.querySelectorAll('a[href]')].find(a => a.href === arguments[0])", target)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", link)
        wait(browser, lambda b: b.current_url == target)
        visited.append(target)
        text = visible_text(browser)
        assert "Index of" not in text and browser.find_elements(By.CSS_SELECTOR, ".md-content h1"), target
        assert browser.execute_script("return document.documentElement.getAttribute('data-ui')") == "ru"
    assert len(set(visited)) == 10


@pytest.mark.parametrize("lang, words", [("tg", "huquq serve"), ("ru", "huquq serve"), ("en", "huquq serve")])
def test_search_from_files_says_how_to_search_in_the_readers_language(browser, unpacked, lang, words):
    browser.get((unpacked / "index.html").as_uri())
    browser.execute_script("localStorage.setItem('huquq.lang', arguments[0])", lang)
    browser.get((unpacked / "find" / "index.html").as_uri())
    status = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, ".huquq-search-status").text.strip() or None)
    strings = yaml.safe_load((ROOT / "templates/site/strings.yaml").read_text(encoding="utf-8"))
    assert status == strings["search.offline"][lang].strip() or strings["search.offline"][lang][:30] in status
    assert words in status


def test_the_prepare_page_opened_as_a_file_says_how_to_start_huquq_serve(browser, unpacked):
    browser.get((unpacked / "index.html").as_uri())
    browser.execute_script("localStorage.setItem('huquq.lang', 'ru')")
    browser.get((unpacked / "prepare" / "index.html").as_uri())
    box = browser.find_element(By.ID, "huquq-prepare-offline")
    assert box.is_displayed() and "huquq serve" in box.text and "запущен" in box.text
    assert not browser.find_element(By.CSS_SELECTOR, "#huquq-prepare button[type=submit]").is_enabled()


# --- accessibility -------------------------------------------------------------------------------------

def axe_script() -> Path | None:
    for candidate in (os.environ.get("HUQUQ_AXE_JS"), ROOT / ".tools/node_modules/axe-core/axe.min.js",
                      ROOT / "node_modules/axe-core/axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_serious_or_critical_violation(browser, server, lang):
    script = axe_script()
    if script is None:
        pytest.skip("axe-core is not installed (npm install --prefix .tools axe-core@4; .ci/run does it)")
    source = script.read_text(encoding="utf-8")
    use_language(browser, server, lang)
    problems = {}
    for name, path in PAGES.items():
        browser.get(server + path)
        if name == "search":
            browser.find_element(By.CSS_SELECTOR, "#huquq-search input[type=search]").send_keys("torture")
            wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".huquq-search-results li a")))
        browser.execute_script(source)
        result = browser.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
            " target: v.nodes[0].target}))), e => done([{id: 'axe failed: ' + e, impact: 'critical'}]))")
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        if serious:
            problems[name] = serious
    assert problems == {}


# --- "Prepare a memo" ----------------------------------------------------------------------------------

def set_value(browser, element_id, value):
    browser.execute_script("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                           " e.dispatchEvent(new Event('change', {bubbles: true}))", element_id, value)


def click(browser, selector):
    element = browser.find_element(By.CSS_SELECTOR, selector)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def wait_for_files(folder: Path, count: int, seconds: int = 90) -> list[Path]:
    deadline = time.time() + seconds
    while time.time() < deadline:
        files = [p for p in folder.iterdir() if not p.name.endswith((".crdownload", ".tmp"))]
        if len(files) >= count:
            return sorted(files)
        time.sleep(0.3)
    raise AssertionError(f"downloads: {sorted(p.name for p in folder.iterdir())}")


def fill_khujand(browser):
    """A transgender woman held twenty hours after a raid, refused a lawyer (the Khujand matter)."""
    set_value(browser, "f-date", "2015-05-14")
    set_value(browser, "f-place", "Khujand")
    set_value(browser, "f-client", CLIENT)
    set_value(browser, "f-facts", "Held twenty hours at the station after a raid; no lawyer.")
    click(browser, 'input[name="gate:detained"][value="yes"]')
    click(browser, 'input[name="gate:prosecuted"][value="no"]')
    click(browser, 'input[name="gate:ngo"][value="no"]')
    click(browser, "#c-held-beyond-time-limit")
    set_value(browser, "held-beyond-time-limit.hours", "20")
    click(browser, 'input[name="held-beyond-time-limit.proceeding"][value="none"]')
    click(browser, "#c-no-lawyer-from-detention")
    click(browser, 'input[name="no-lawyer-from-detention.lawyer_access"][value="refused"]')
    click(browser, "#c-transgender-targeted")


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_makes_the_memo_and_the_notice(browser, served, downloads, corpus, lang):
    for old in downloads.iterdir():
        old.unlink()
    before = set(Path(tempfile.gettempdir()).iterdir())
    use_language(browser, served.base, lang)
    browser.get(served.base + "/prepare/")
    assert not browser.find_element(By.ID, "huquq-prepare-offline").is_displayed()
    fill_khujand(browser)
    click(browser, "#huquq-prepare button[type=submit]")
    files = wait_for_files(downloads, 2)
    assert {p.name for p in files} == {"detention-rights-notice.docx", "memo-2015-05-14.docx"}
    memo = downloads / "memo-2015-05-14.docx"
    wait(browser, lambda b: "memo-2015-05-14.docx" in b.find_element(By.ID, "huquq-prepare-status").text)
    language = lang  # the memo in the language the page is read in (the default of its memo language)
    circumstances = ["held-beyond-time-limit", "no-lawyer-from-detention", "transgender-targeted"]
    text = (f'title: T\ndate: "2015-05-14"\nlanguage: {language}\ncircumstances:\n'
            "  - held-beyond-time-limit: {hours: 20, proceeding: none}\n"
            "  - no-lawyer-from-detention: {lawyer_access: refused}\n  - transgender-targeted\n")
    matter = matter_from_text(text, "expected.yaml", corpus)
    plan = plan_memo(corpus, matter)
    expected = [item for cid in circumstances for item in corpus.circumstances[cid].leading
                if item.split("(")[0] not in plan.not_cited]
    assert missing_authorities(memo, corpus, expected, language) == []
    assert CLIENT in "\n".join(p.text for p in Document(str(memo)).paragraphs)
    # No file with the client's name anywhere but the downloads.
    new = [p for p in set(Path(tempfile.gettempdir()).iterdir()) - before if p.is_file()]
    assert [p for p in new if CLIENT.encode() in p.read_bytes()] == []


def test_bad_answers_are_marked_in_the_readers_language_and_nothing_is_sent(browser, served):
    use_language(browser, served.base, "tg")
    browser.get(served.base + "/prepare/")
    made = len(served.made)
    fill_khujand(browser)
    set_value(browser, "f-date", "2099-01-01")
    set_value(browser, "held-beyond-time-limit.hours", "-3")
    click(browser, "#huquq-prepare button[type=submit]")
    date_error = browser.find_element(By.ID, "f-date-error")
    assert date_error.is_displayed() and "Ин сана ҳанӯз фаро нарасидааст" in date_error.text
    assert browser.switch_to.active_element.get_attribute("id") == "f-date"
    hours_error = browser.find_element(By.ID, "held-beyond-time-limit.hours-error")
    assert "Ин рақам аз 1 то 8760 нест" in hours_error.text
    assert len(served.made) == made


def test_a_yes_or_no_left_unanswered_is_asked_for_and_nothing_is_sent(browser, served):
    # No gate starts at "no": a volunteer in a hurry would send a detention without its questions.
    use_language(browser, served.base, "ru")
    browser.get(served.base + "/prepare/")
    made = len(served.made)
    assert not browser.find_elements(By.CSS_SELECTOR, 'input[name^="gate:"]:checked')
    fill_khujand(browser)
    for radio in browser.find_elements(By.CSS_SELECTOR, 'input[name="gate:ngo"]'):
        browser.execute_script("arguments[0].checked = false", radio)
    click(browser, "#huquq-prepare button[type=submit]")
    error = browser.find_element(By.ID, "f-gate:ngo-error")
    assert error.is_displayed() and "Этот ответ нужен для справки" in error.text
    assert browser.find_element(By.ID, "f-gate:detained-error").text == ""
    assert len(served.made) == made


def test_the_answers_are_saved_and_loaded_back(browser, served, downloads, corpus):
    for old in downloads.iterdir():
        old.unlink()
    use_language(browser, served.base, "ru")
    browser.get(served.base + "/prepare/")
    fill_khujand(browser)
    click(browser, "#huquq-save-matter")
    (saved,) = wait_for_files(downloads, 1)
    assert saved.name == "matter-2015-05-14.yaml"
    matter = matter_from_text(saved.read_text(encoding="utf-8"), saved.name, corpus)
    assert matter.client == CLIENT and matter.answer("held-beyond-time-limit").values["hours"] == 20
    browser.get(served.base + "/prepare/")
    assert browser.find_element(By.ID, "f-date").get_attribute("value") == ""
    browser.find_element(By.ID, "huquq-load").send_keys(str(saved))
    wait(browser, lambda b: b.find_element(By.ID, "f-date").get_attribute("value") == "2015-05-14")
    assert browser.find_element(By.ID, "f-client").get_attribute("value") == CLIENT
    assert browser.find_element(By.ID, "c-no-lawyer-from-detention").is_selected()
    assert browser.find_element(By.ID, "held-beyond-time-limit.hours").get_attribute("value") == "20"
    assert browser.find_element(By.CSS_SELECTOR, ".huquq-section[data-ask-if=detained]").is_displayed()
