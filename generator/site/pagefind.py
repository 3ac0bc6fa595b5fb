"""The site's search index: Pagefind, run over the built pages.

Chosen over Material's built-in search by measurement (bench/site_search.py, README): Material
loads its whole index on the first search, several megabytes at thousands of pages; Pagefind
loads a small entry file and only the index chunks a query needs, works from a copy of the site
on a USB stick, and supports filters (jurisdiction, instrument, kind, topic) from the pages'
``data-pagefind-filter`` attributes. The binary comes with the ``pagefind[bin]`` package.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .pagefind_chunks import ChunkFormatError, rechunk

OUTPUT = "pagefind"
# Pagefind's ready-made interfaces and its Web Worker: the site's own script (docs/assets/huquq-search.js)
# uses neither, and they would add about 460 KB to every copy of the site.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")


def index_site(site_dir: Path) -> None:
    """Write the Pagefind bundle into ``site_dir/pagefind/``."""
    result = subprocess.run(
        # One index, stemmed as English whatever the page's interface language (pages are built with
        # lang="ru", the default interface): Russian and Tajik endings are reduced by the search page.
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT, "--silent",
         "--force-language", "en"],
        capture_output=True, text=True, timeout=1800,
    )
    if result.returncode != 0 or not (Path(site_dir) / OUTPUT / "pagefind.js").exists():
        detail = (result.stderr or result.stdout).strip()[-800:]
        raise ValueError(f"the site search index (Pagefind) could not be built: {detail or 'no output'}")
    for name in UNUSED:
        (Path(site_dir) / OUTPUT / name).unlink(missing_ok=True)
    try:
        rechunk(Path(site_dir) / OUTPUT)
    except ChunkFormatError as e:  # the search still works, each query only downloads more
        print(f"warning: Pagefind's index kept as it is ({e}); searches download more", file=sys.stderr)
