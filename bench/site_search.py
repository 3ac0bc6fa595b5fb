"""Bytes the site search transfers, measured in headless Chromium (not run by the tests).

Serves a built site, opens its Search page and records, through the browser's Resource Timing,
what the first query and a second query load (Pagefind's script, its WebAssembly, index chunks
and result fragments). Also reports what Material's built-in search would load on every page
(its search_index.json) when a site built with it is given.

    python bench/site_search.py build/site build/bench/site-5000
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import sys
import threading
import time
from pathlib import Path

QUERIES = [("задержание", "arbitrary detention")]


def serve(site: Path, served: list[str]):
    """A local server that records every path it serves (the Web Worker's requests included)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            served.append(self.path)
            super().do_GET()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def browser():
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("google-chrome")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")),
                            options=options)


def loaded(paths: list[str], site: Path) -> tuple[int, int]:
    """Bytes of the files served: as they are, and gzip-compressed (as a web host sends them)."""
    raw = packed = 0
    for name in paths:
        path = site / name.split("?")[0].lstrip("/")
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            packed += len(gzip.compress(data))
    return raw, packed


def measure(site: Path) -> dict:
    from selenium.webdriver.common.by import By

    served: list[str] = []
    httpd, base = serve(site, served)
    driver = browser()
    try:
        driver.get(f"{base}/find/")
        time.sleep(1)
        page = loaded(served, site)
        results = []
        for query in QUERIES[0]:
            mark = len(served)
            box = driver.find_element(By.CSS_SELECTOR, "#huquq-search input[type=search]")
            box.clear()
            box.send_keys(query)
            time.sleep(3)  # debounce, then the search and its result fragments
            results.append(loaded(served[mark:], site))
        material = site / "search" / "search_index.json"
        return {"site": str(site), "pages": len(list(site.rglob("index.html"))), "page": page, "first": results[0],
                "second": results[1],
                "material_index": material.stat().st_size if material.exists() else None}
    finally:
        driver.quit()
        httpd.shutdown()
        httpd.server_close()


def main() -> None:
    print("| site | pages | Search page itself (as served / gzip) | first search | later search | Material's index, loaded on every page |")
    print("|---|---|---|---|---|---|")
    for site in sys.argv[1:]:
        r = measure(Path(site))
        material = f"{r['material_index'] / 1e6:.1f} MB" if r["material_index"] else "not built"
        print(f"| {r['site']} | {r['pages']:,} | {r['page'][0] / 1e3:.0f} / {r['page'][1] / 1e3:.0f} KB "
              f"| {r['first'][0] / 1e3:.0f} / {r['first'][1] / 1e3:.0f} KB "
              f"| {r['second'][0] / 1e3:.0f} / {r['second'][1] / 1e3:.0f} KB | {material} |")


if __name__ == "__main__":
    main()
