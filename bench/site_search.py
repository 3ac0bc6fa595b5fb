"""Bytes the site search transfers, Material's built-in search against the site's own (not run by the tests).

For each folder of sources, builds the site twice (cached under --work): as `huquq site` builds it
(its own search index, generator/site/search_index.py; no Material search), and with Material's search
plugin switched on (languages en and ru). Each site is served locally and driven in headless Chromium;
the server records every file it sends, so requests from Web Workers (Material's search runs in one) are
counted too.

- huquq: the Search page is opened, a first query is typed (the search script, the index's metadata and
  lengths, the word tables, postings and result files the query needs), then the others.
- Material: a page is opened (the search worker fetches the whole index), then a query is typed in
  the header's search box; later queries fetch nothing more.

"first search" counts what is fetched for search from opening the page to the first results (for
Material: the worker, lunr's language files and search_index.json; not the page itself), "later
searches" what each of the following queries adds (median and largest). Sizes as sent by `huquq serve`
(no compression) and gzipped (what a compressing host such as GitHub Pages sends). Target: first
search < 200 KB, later ones < 60 KB at 5,000 provisions. Times are on this machine, on loopback.

    python bench/site_search.py legal_sources build/bench/sources-5000 [--work /tmp/site-search] [--rebuild]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale import folder_size  # noqa: E402

# The first query, then later ones (English, Russian, Tajik typed without Tajik letters, two words).
QUERIES = ("задержание", "arbitrary detention", "пытки", "шиканча", "freedom of association", "HIV testing")
MATERIAL_SEARCH = {"search": {"lang": ["en", "ru"]}}


# -- building ------------------------------------------------------------------------------------
def build_huquq(sources: Path, site: Path) -> float:
    from generator.cli_site import build_site

    start = time.perf_counter()
    build_site(sources, site)
    return time.perf_counter() - start


def build_material(sources: Path, site: Path) -> float:
    """The same site with Material's search plugin beside the site's own."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["HUQUQ_SOURCES"] = str(sources.resolve())
    start = time.perf_counter()
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site.resolve()), plugins=MATERIAL_SEARCH))
    return time.perf_counter() - start


# -- serving and measuring -----------------------------------------------------------------------
def serve(site: Path, sent: list[tuple[str, int]]):
    """A local server that records every file it sends with its size (worker requests included)."""
    class Recording(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_response(self, code, message=None):
            self._code = code
            super().send_response(code, message)

        def do_GET(self):
            super().do_GET()
            if getattr(self, "_code", None) == 200:
                sent.append(self.path.split("?")[0])

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Recording, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def browser():
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("google-chrome")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(flag)
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")),
                            options=options)


def size(paths: list[str], site: Path) -> tuple[int, int]:
    """Bytes of the files sent: as they are, and gzip-compressed."""
    raw = packed = 0
    for name in paths:
        path = site / name.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            packed += len(gzip.compress(data, 6))
    return raw, packed


def quiet(sent: list, settle: float = 1.5, limit: float = 120) -> None:
    """Wait until the server has sent nothing for `settle` seconds."""
    end, count, still = time.time() + limit, -1, time.time()
    while time.time() < end:
        if len(sent) != count:
            count, still = len(sent), time.time()
        elif time.time() - still >= settle:
            return
        time.sleep(0.1)


def type_and_wait(driver, box_css: str, link_css: str, query: str) -> float:
    """Type a query; return the seconds until the first result is a new one (NaN if none comes)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def first(d):
        # One step in the page: the list is rebuilt while results arrive.
        return d.execute_script("var a = document.querySelector(arguments[0]); return a && a.href", link_css)

    before = first(driver)
    box = driver.find_element(By.CSS_SELECTOR, box_css)
    box.click()
    box.clear()
    start = time.perf_counter()
    box.send_keys(query)
    try:
        WebDriverWait(driver, 60, poll_frequency=0.05).until(lambda d: first(d) not in (None, before))
    except TimeoutException:
        return float("nan")
    return time.perf_counter() - start


@contextlib.contextmanager
def session(site: Path):
    """A local server recording what it sends, and a headless browser: (paths sent, base URL, driver)."""
    sent: list[str] = []
    httpd, base = serve(site, sent)
    driver = browser()
    try:
        yield sent, base, driver
    finally:
        driver.quit()
        httpd.shutdown()
        httpd.server_close()


SEARCH_SCRIPT = "/assets/huquq-engine.js"  # loaded with the Search page, counted with the first search


def measure_huquq(site: Path) -> dict:
    with session(site) as (sent, base, driver):
        driver.get(f"{base}/find/")
        quiet(sent)
        page = [p for p in sent if p != SEARCH_SCRIPT]
        script = [p for p in sent if p == SEARCH_SCRIPT]
        rows = []
        for query in QUERIES:
            mark = len(sent)
            took = type_and_wait(driver, "#huquq-search input[type=search]", ".huquq-search-results li a", query)
            quiet(sent)
            extra = (script if not rows else []) + sent[mark:]
            rows.append((size(extra, site), took, len(extra)))
        return {"page": size(page, site), "first": rows[0], "later": rows[1:]}


def measure_material(site: Path) -> dict:
    with session(site) as (sent, base, driver):
        driver.get(f"{base}/")
        quiet(sent)
        searchy = [p for p in sent if p.startswith(("/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/"))]
        page = [p for p in sent if p not in searchy]
        rows = []
        for query in QUERIES:
            mark = len(sent)
            took = type_and_wait(driver, "input.md-search__input", ".md-search-result__link", query)
            quiet(sent)
            extra = sent[mark:]
            rows.append((size((searchy if not rows else []) + extra, site), took, len(extra) + (len(searchy) if not rows else 0)))
        return {"page": size(page, site), "first": rows[0], "later": rows[1:]}


def kb(pair: tuple[int, int]) -> str:
    return f"{pair[0] / 1e3:,.0f} / {pair[1] / 1e3:,.0f} KB"


def later(rows: list) -> str:
    """Median and largest of the later searches, as sent / gzipped."""
    raw = sorted(r[0][0] for r in rows)
    packed = sorted(r[0][1] for r in rows)
    return (f"{statistics.median(raw) / 1e3:,.0f} / {statistics.median(packed) / 1e3:,.0f} KB, "
            f"{raw[-1] / 1e3:,.0f} / {packed[-1] / 1e3:,.0f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sources", nargs="+", type=Path, help="Folders of sources (legal_sources, a synthetic corpus).")
    parser.add_argument("--work", type=Path, default=Path("/tmp/site-search"), help="Where the sites are built.")
    parser.add_argument("--rebuild", action="store_true", help="Build the sites even when they exist.")
    args = parser.parse_args()

    from kb.load import load_corpus

    print("| corpus | provisions | pages | engine | build | index on disk | page itself | first search "
          "(files) | later searches: median, largest | results after: first / later (median) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for sources in args.sources:
        provisions = len(load_corpus(sources).provisions)
        name = sources.resolve().name
        for engine, builder, measure, index in (
                ("Material", build_material, measure_material, "search/search_index.json"),
                ("huquq", build_huquq, measure_huquq, "search-index")):
            site = args.work / f"{name}-{engine.lower()}"
            took = None
            if args.rebuild or not (site / "index.html").exists():
                shutil.rmtree(site, ignore_errors=True)
                print(f"building {site} …", file=sys.stderr)
                took = builder(sources, site)
            r = measure(site)
            index_path = site / index
            index_mb = folder_size(index_path) / 1e6 if index_path.is_dir() else index_path.stat().st_size / 1e6
            pages = len(list(site.rglob("index.html")))
            print(f"| {name} | {provisions:,} | {pages:,} | {engine} | {f'{took:.0f} s' if took else 'cached'} "
                  f"| {index_mb:.1f} MB | {kb(r['page'])} | {kb(r['first'][0])} ({r['first'][2]}) "
                  f"| {later(r['later'])} | {r['first'][1]:.1f} / {statistics.median(t for _, t, _ in r['later']):.1f} s |",
                  flush=True)


if __name__ == "__main__":
    main()
