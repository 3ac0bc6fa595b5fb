"""MkDocs hooks (named in mkdocs.yml): generate pages and navigation from the corpus, in three
interface languages.

The corpus is read once per build from HUQUQ_SOURCES (default: the checkout's legal_sources/).
``mkdocs serve`` watches the sources, so an edited YAML file shows up live.
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from kb.changes import check_changes, read_changes
from kb.errors import SourceError
from kb.load import load_corpus

from generator import paths
from generator.site.l10n import LANGS, Catalogue, marker, script_json
from generator.site.pages import RESERVED_IDS, SiteRenderer, navigation

log = logging.getLogger("mkdocs.plugins.huquq")
_state: dict = {}
SHORT_NAMES = {"tg": "ТҶ", "ru": "РУ", "en": "EN"}


def _sources():
    return paths.default_sources().resolve()


def on_config(config):
    try:
        corpus = load_corpus(_sources(), cache_dir=paths.parse_cache())
    except SourceError as e:
        raise PluginError(f"huquq: the sources have problems:\n{e}") from None
    clash = RESERVED_IDS & set(corpus.instruments)
    if clash:
        raise PluginError(f"huquq: instrument ids {sorted(clash)} are reserved for site sections")
    _state["corpus"] = corpus
    catalogue = _state["catalogue"] = Catalogue()
    # The changelog beside the sources (the checkout's CHANGES.md for its legal_sources/); another
    # folder of sources (a test's, a benchmark's) has none, and its site has no changes page.
    changes, problems = read_changes(_sources().parent / "CHANGES.md")
    problems += check_changes(changes, corpus, "CHANGES.md")
    if problems:
        raise PluginError("huquq: CHANGES.md has problems:\n" + "\n".join(map(str, problems)))
    _state["changes"] = changes
    config["site_name"] = marker("site.name")
    config["site_description"] = marker("site.description")
    config["nav"] = navigation(corpus, catalogue, config["nav"] or [], changes=bool(changes))
    config["extra"]["huquq_ui"] = str(script_json({
        "search": catalogue.table["nav.search"], "language": catalogue.table["language.choose"],
        "names": {lang: catalogue.table[f"language.{lang}"]["en"] for lang in LANGS}, "short": SHORT_NAMES,
    }))
    return config


def on_env(env, config, files):
    """The theme's own words in each language: Material's English and Russian files, the project's Tajik."""
    keys = re.findall(r'"([a-z.]+)":', (paths.HOME / "overrides/partials/languages/tg.html").read_text(encoding="utf-8"))
    words = {lang: env.get_template(f"partials/languages/{lang}.html").module for lang in LANGS}
    for key in keys:
        _state["catalogue"].register(f"m:{key}", {lang: str(words[lang].t(key)) for lang in LANGS})
    return env


def on_files(files: Files, config) -> Files:
    renderer = SiteRenderer(_state["corpus"], _state["catalogue"], site_url=config.get("site_url") or "")
    # The generated pages wait in a temporary folder (public law only), not in memory: MkDocs reads each
    # when it builds it, and at thousands of pages holding them all was a quarter of the build's memory.
    # Removed when the build ends (on_post_build), fails, or the process exits.
    _state["generated"] = generated = tempfile.TemporaryDirectory(prefix="huquq-site-")
    folder = Path(generated.name)
    count = 0
    for page in renderer.pages():
        path = folder / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.content, encoding="utf-8")
        files.append(File.generated(config, page.src_uri, abs_src_path=str(path)))
        count += 1
    if _state.get("changes"):
        files.append(File.generated(config, "changes/index.md", content=renderer.changes_page(_state["changes"])))
    log.info("huquq: generated %d pages from %s", count, _sources())
    return files


def on_page_content(html: str, page, config, files) -> str:
    """A page's Markdown is not needed once it is HTML; MkDocs keeps every page until all are written,
    and at thousands of pages the sources were a good part of the build's memory."""
    page.markdown = None
    return html


def on_post_page(output: str, page, config) -> str:
    return _state["catalogue"].resolve(output)


def on_serve(server, config, builder):
    server.watch(str(_sources()))
    server.watch(str(_sources().parent / "CHANGES.md"))
    return server


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The theme's own pages (404.html) carry markers too."""
    return _state["catalogue"].resolve(output_content)


def on_post_build(config) -> None:
    generated = _state.pop("generated", None)
    if generated:
        generated.cleanup()


def on_build_error(error) -> None:
    on_post_build(None)
