"""The site search in a real browser: headless Chromium, the built site served locally.

Skipped where Chromium, its driver or Selenium is not installed (`.ci/run` installs them).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
if not (CHROMIUM and DRIVER):
    pytest.skip("headless Chromium and chromedriver are not installed", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server(built_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def search(browser, server, words):
    browser.get(f"{server}/find/")
    box = browser.find_element(By.CSS_SELECTOR, "#huquq-search input[type=search]")
    box.clear()
    box.send_keys(words)
    WebDriverWait(browser, 30).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, ".huquq-search-results li a")))
    return browser.find_elements(By.CSS_SELECTOR, ".huquq-search-results li a")


def follow_first(browser, results):
    href = results[0].get_attribute("href")
    results[0].click()
    WebDriverWait(browser, 30).until(EC.url_to_be(href))
    return urlparse(browser.current_url).path, browser.find_element(By.TAG_NAME, "h1").text


def test_russian_words_find_the_provision(browser, server):
    # Inflected forms: the page says "вступающих в брак" and "медицинское обследование".
    results = search(browser, server, "медицинского обследования вступающих в брак")
    path, heading = follow_first(browser, results)
    assert path == "/tj-family-code/15/", path
    assert "Family Code, art. 15" in heading


def test_tajik_typed_without_tajik_letters_finds_the_tajik_text(browser, server):
    # "қадр ва номус" (dignity and honour) typed on a Russian keyboard, with к for қ.
    results = search(browser, server, "кадр ва номус")
    # The excerpt is the visible Tajik text, with its letters and the words marked, not the hidden
    # folded copy the query matched.
    excerpt = excerpts(browser)[0]
    assert "қадр" in excerpt["text"] and "huquqextra" not in excerpt["text"], excerpt
    assert any(word.startswith("қадр") for word in excerpt["marked"]), excerpt
    path, heading = follow_first(browser, results)
    assert path == "/tj-constitution/5/", path
    assert "қадр, номус" in browser.page_source  # the page holds the words with their Tajik letters


def test_query_with_tajik_letters_finds_the_same(browser, server):
    results = search(browser, server, "қадр ва номус")
    assert urlparse(results[0].get_attribute("href")).path == "/tj-constitution/5/"
    if len(results) == 1:  # one result: no "More results" button
        assert not browser.find_element(By.CSS_SELECTOR, ".huquq-search-more").is_displayed()


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
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))
    Select(browser.find_element(By.CSS_SELECTOR, selector)).select_by_value(value)


def test_filter_narrows_to_tajik_law(browser, server):
    search(browser, server, "задержание")
    choose_filter(browser, "Jurisdiction", "Tajik law")
    WebDriverWait(browser, 30).until(lambda b: result_paths(b) and all(p.startswith("/tj-") for p in result_paths(b)))
    assert all(p.startswith("/tj-") for p in result_paths(browser))


def test_no_request_leaves_the_site(browser, server):
    search(browser, server, "torture")
    origins = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)")
    assert origins and set(origins) == {server}


def test_more_results_on_request(browser, server):
    first = len(search(browser, server, "torture"))
    browser.find_element(By.CSS_SELECTOR, ".huquq-search-more").click()
    WebDriverWait(browser, 30).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, ".huquq-search-results li")) > first)


def test_header_button_and_home_page_box_lead_to_the_search(browser, server):
    browser.get(f"{server}/iccpr/9/")
    button = WebDriverWait(browser, 30).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, ".md-header .huquq-header-search")))
    assert urlparse(button.get_attribute("href")).path == "/find/"
    browser.get(f"{server}/")
    box = browser.find_element(By.CSS_SELECTOR, ".huquq-home-search input[name=q]")
    box.send_keys("шиканча")  # шиканҷа (torture), typed with ч
    box.submit()
    WebDriverWait(browser, 30).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, ".huquq-search-results li a")))
    assert urlparse(browser.current_url).path == "/find/"


def test_filter_by_instrument(browser, server):
    search(browser, server, "detention")
    choose_filter(browser, "Instrument", "ICCPR")
    WebDriverWait(browser, 30).until(lambda b: result_paths(b) and all(p.startswith("/iccpr/") for p in result_paths(b)))
