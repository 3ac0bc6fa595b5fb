"""The site's Search page measured on a relevance set (tests/relevance/), in headless Chromium, as a
reader types each query: python bench/site_relevance.py [--site DIR] [--set lawyers|volunteer|heldout]. Prints the same
table as bench/relevance.py (the command line), and how often the two agree on the first result.

Builds the site from legal_sources/ into a temporary folder unless --site names a built one.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb import load_corpus  # noqa: E402
from kb.index import update_index  # noqa: E402
from bench.relevance import SETS  # noqa: E402
from kb.relevance import load_judgments, measure, report  # noqa: E402
from kb.search import Searcher  # noqa: E402

RESULTS = """return [...document.querySelectorAll('.huquq-search-results li a')].map(a => a.href)"""


def page_ids(hrefs: list[str]) -> list[str]:
    """The provisions and cases among the results, in order. The site also finds topic, instrument,
    circumstance and notice pages (the command line does not); they are left out of the measure."""
    found = []
    for href in hrefs:
        path = urlparse(href).path.strip("/")
        if path.startswith(("topics/", "circumstances/", "notices/")) or "/" not in path:
            continue
        record = path.split("/", 1)[1] if path.startswith("cases/") else path
        if record not in found:
            found.append(record)
    return found


def site_search(driver, base: str):
    def search(query: str, lang: str) -> list[str]:
        driver.execute_script("localStorage.setItem('huquq.lang', arguments[0])", lang)
        driver.get(base + "/find/")
        driver.execute_script(
            "var box = document.querySelector('#huquq-search input[type=search]'); box.value = arguments[0];"
            " box.dispatchEvent(new Event('input'))", query)
        previous, stable_since, deadline = None, time.time(), time.time() + 20
        while time.time() < deadline:
            time.sleep(0.15)
            status = driver.execute_script("return document.querySelector('.huquq-search-status').textContent")
            hrefs = driver.execute_script(RESULTS)
            if hrefs != previous:
                previous, stable_since = hrefs, time.time()
            elif status and time.time() - stable_since > 0.6 and (hrefs or "0" in status or status):
                break
        # Five results are shown at first; "More results" shows the next ones.
        for _ in range(3):
            if len(page_ids(previous or [])) >= 10:
                break
            more = driver.execute_script("var b = document.querySelector('.huquq-search-more');"
                                         " if (b && !b.hidden) { b.click(); return true; } return false;")
            if not more:
                break
            count = len(previous or [])
            deadline = time.time() + 10
            while time.time() < deadline and len(driver.execute_script(RESULTS)) <= count:
                time.sleep(0.1)
            previous = driver.execute_script(RESULTS)
        return page_ids(previous or [])[:10]
    return search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--set", choices=sorted(SETS), default="lawyers",
                        help="lawyers: what a lawyer types (the issue's targets); volunteer: how a crisis-line "
                             "volunteer types what happened")
    args = parser.parse_args()
    from selenium import webdriver

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            from generator.cli_site import build_site

            site = Path(tmp) / "site"
            build_site(ROOT / "legal_sources", site)
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        handler = functools.partial(Quiet, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or shutil.which("google-chrome")
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
            options.add_argument(flag)
        service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"),
                                          env={**os.environ, "TMPDIR": tmp})  # Chromium's temporary folders too
        driver = webdriver.Chrome(service=service, options=options)
        driver.get(base + "/")
        judgments = load_judgments(SETS[args.set])
        site_scores = measure(judgments, site_search(driver, base))
        driver.quit()
        httpd.shutdown()
        index = Path(tmp) / "index"
        update_index(load_corpus(ROOT / "legal_sources"), ROOT / "legal_sources", index)
        searcher = Searcher(index)
        cli_scores = measure(judgments, lambda q, lang: [h.id for h in searcher.search(q, lang=lang, limit=10)])
        searcher.close()
    print("The site's Search page:\n")
    print(report(site_scores, failures=args.set != "heldout"))  # held-out results are not shown (never tuned on)
    same = same_ten = total = 0
    for lang, scores in site_scores.items():
        for site_outcome, cli_outcome in zip(scores.outcomes, cli_scores[lang].outcomes):
            total += 1
            same += bool(site_outcome.found[:1]) and site_outcome.found[:1] == cli_outcome.found[:1]
            same_ten += site_outcome.found[:10] == cli_outcome.found[:10]
    print(f"\nThe same first result as the command line: {same} of {total} queries ({same / total:.0%}); "
          f"the same top 10 in the same order: {same_ten} of {total}.")


if __name__ == "__main__":
    main()
