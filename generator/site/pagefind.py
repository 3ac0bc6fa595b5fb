"""The site's search index: Pagefind, run over the built pages.

Chosen over Material's built-in search by measurement (bench/site_search.py, README): Material
loads its whole index on the first search, several megabytes at thousands of pages; Pagefind
loads a small entry file and only the index chunks a query needs, works from a copy of the site
on a USB stick, and supports filters (jurisdiction, instrument, kind, topic) from the pages'
``data-pagefind-filter`` attributes. The binary comes with the ``pagefind[bin]`` package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from .pagefind_chunks import ChunkFormatError, combine

OUTPUT = "pagefind"
# Pagefind's ready-made interfaces and its Web Worker: the site's own script (docs/assets/huquq-search.js)
# uses neither, and they would add about 460 KB to every copy of the site.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")


# Pages indexed by one run of Pagefind, which holds about 0.27 MB a page until it writes: parts of this
# size keep it near 270 MB; generator.site.pagefind_chunks combines the parts' indexes into one.
PAGES_PER_PART = 1000


def index_site(site_dir: Path, pages_per_part: int = PAGES_PER_PART,
               progress: Callable[[str], None] | None = None) -> None:
    """Write the Pagefind bundle into ``site_dir/pagefind/``: the pages with a search body indexed in parts,
    the parts combined and regrouped (generator.site.pagefind_chunks), then put in place at once."""
    site_dir = Path(site_dir)
    pages = [path for path in sorted(site_dir.rglob("*.html"))
             if OUTPUT not in path.relative_to(site_dir).parts[:1]
             and "data-pagefind-body" in path.read_text(encoding="utf-8", errors="replace")]
    with tempfile.TemporaryDirectory(dir=site_dir.parent, prefix=".huquq-search-") as tmp:
        work = Path(tmp)
        parts = []
        starts = range(0, len(pages), pages_per_part)
        for number, start in enumerate(starts):
            if progress:
                progress(f"indexing the pages for search: part {number + 1} of {len(starts)}…")
            folder = work / f"part-{number}"
            for page in pages[start:start + pages_per_part]:
                _link(page, folder / page.relative_to(site_dir))
            _run_pagefind(folder)
            parts.append(folder / OUTPUT)
        bundle = work / "combined"
        if progress:
            progress("combining the search index…")
        try:
            if not parts:
                raise ChunkFormatError("no page has a search body")
            combine(parts, bundle)
        except ChunkFormatError as e:  # the search still works, each query only downloads more
            print(f"warning: the site search index is Pagefind's own ({e}); searches download more",
                  file=sys.stderr)
            _run_pagefind(site_dir, output=work / "whole")
            bundle = work / "whole"
        for name in UNUSED:
            (bundle / name).unlink(missing_ok=True)
        shutil.rmtree(site_dir / OUTPUT, ignore_errors=True)
        bundle.replace(site_dir / OUTPUT)


def _link(page: Path, copy: Path) -> None:
    """A page in a part's folder: a hard link where the file system allows it (nothing is copied)."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(page, copy)
    except OSError:
        shutil.copy2(page, copy)


def _run_pagefind(site: Path, output: Path | None = None) -> None:
    result = subprocess.run(
        # One index, stemmed as English whatever the page's interface language (pages are built with
        # lang="ru", the default interface): Russian and Tajik endings are reduced by the search page.
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent", "--force-language", "en",
         *(["--output-path", str(output)] if output else ["--output-subdir", OUTPUT])],
        capture_output=True, text=True, timeout=1800,
    )
    written = output or site / OUTPUT
    if result.returncode != 0 or not (written / "pagefind.js").exists():
        detail = (result.stderr or result.stdout).strip()[-800:]
        raise ValueError(f"the site search index (Pagefind) could not be built: {detail or 'no output'}")
