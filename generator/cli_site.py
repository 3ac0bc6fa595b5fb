"""``huquq site``, ``huquq serve`` and ``huquq build`` (the main job)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

import click

from . import paths
from .cli import InputError, progress, report_errors, resolve_sources, sources_option


def build_site(sources: Path, site_dir: Path, site_url: str | None = None,
               progress: Callable[[str], None] | None = None, index_dir: Path | None = None) -> None:
    """Build the site; with ``site_url`` (e.g. https://org.github.io/huquq/), "Cite this" and canonical
    links carry the full address. ``progress`` hears what is being done. ``index_dir``: an up-to-date search
    index of the same sources to write the Search page's from; without it one is built in a temporary
    folder."""
    say = progress or (lambda message: None)
    # The pages and the search index are each built in a process of their own: the memory the corpus and
    # MkDocs take (430 MB at 5,000 provisions) is given back when each ends (bench/site_scale.py measures
    # the sum of the processes).
    say("building the pages…")
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(_build_pages, sources, site_dir, site_url).result()
    say("indexing the pages for search…")
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(_build_search, sources, site_dir, index_dir).result()
    say("")


def _build_search(sources: Path, site_dir: Path, index_dir: Path | None = None) -> None:
    """The Search page's index (generator.site.search_index), from a Whoosh index of the same corpus:
    ``index_dir`` (up to date: `huquq build` has just updated it), or one built in a temporary folder (in
    a child process)."""
    import tempfile

    from kb.index import update_index
    from kb.load import load_corpus

    from .site.search_index import write_search_index

    corpus = load_corpus(sources, cache_dir=paths.parse_cache())
    if index_dir is not None:
        write_search_index(corpus, sources, index_dir, site_dir)
        return
    with tempfile.TemporaryDirectory(prefix="huquq-site-index-") as tmp:
        update_index(corpus, sources, Path(tmp) / "index")
        write_search_index(corpus, sources, Path(tmp) / "index", site_dir)


def _build_pages(sources: Path, site_dir: Path, site_url: str | None) -> None:
    """The MkDocs build (in a child process)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from kb.load import load_corpus

    from .site import hooks

    # Problems in the sources are reported with their file and line here (inside MkDocs they would end
    # as "Aborted with a BuildError!"); the parse cache makes the hook's own loading cheap.
    load_corpus(sources, cache_dir=paths.parse_cache())
    # The hooks read the sources from the environment (MkDocs passes them nothing else).
    os.environ["HUQUQ_SOURCES"] = str(sources.resolve())
    options = {"site_url": site_url} if site_url else {}
    try:
        config = load_config(str(paths.HOME / "mkdocs.yml"), site_dir=str(site_dir.resolve()), strict=True,
                             hooks=[hooks.__file__], **options)
        build(config)
    except (MkDocsException, SystemExit) as e:
        raise ValueError(f"the site build failed: {e}") from None


@click.command()
@sources_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True)
@click.option("--site-url", metavar="URL", help="The address the site is published at (e.g. "
              "https://org.github.io/huquq/): \"Cite this\" and canonical links carry it.")
@report_errors
def site(sources, site_dir, site_url):
    """Build the static site (MkDocs Material, and the index of its Search page) into site/."""
    build_site(resolve_sources(sources), site_dir, site_url, progress=progress)
    click.echo(f"site built in {site_dir}/ — serve it with `huquq serve`")


@click.command()
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The built site (default: build/site, as `make run` builds it, else site/).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@sources_option
@report_errors
def serve(site_dir, port, sources):
    """Serve the built site on http://127.0.0.1:PORT/, with its search and the "Prepare a memo" page.

    Only this computer can reach it; the memo and the notice the Prepare page asks for are made in
    memory and sent to the browser, and nothing of them is kept or logged. Ctrl-C stops it.
    """
    import errno

    from kb.load import load_corpus
    from .cli_docs import facts_ranker
    from .server import Documents, SiteServer

    site_dir = site_dir or next((d for d in (paths.default_build() / "site", Path("site")) if (d / "index.html").is_file()), None)
    if site_dir is None or not (site_dir / "index.html").is_file():
        where = site_dir or f"{paths.default_build() / 'site'} or site/"
        raise InputError("huquq: " + f"no built site in {where}: build it with `make run` (or `huquq site -d DIR`), "
                                   "or give the folder with -d")
    sources = resolve_sources(sources)
    corpus = load_corpus(sources, cache_dir=paths.parse_cache())
    documents = Documents(corpus, facts_ranker(corpus, sources))
    try:
        server = SiteServer(site_dir, port, documents, log=lambda line: click.echo(line, err=True))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise InputError("huquq: " + f"port {port} is already in use (is huquq serve already running?); "
                                       f"choose another with --port, e.g. --port {port + 1}") from None
        raise InputError("huquq: " + f"cannot listen on 127.0.0.1:{port}: {e.strerror}") from None
    with server:
        click.echo(f"serving {site_dir}/ on http://127.0.0.1:{port}/ (only this computer can open it)\n"
                   f"prepare a memo: http://127.0.0.1:{port}/prepare/\nCtrl-C to stop")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("stopped")


@click.command("build")
@sources_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None, help="Build folder (default: build/).")
@report_errors
def build_command(sources, out):
    """Validate, index, build the site and the example memo and notice: the main job."""
    from kb.index import update_index
    from kb.load import load_corpus
    from .cli_docs import facts_ranker
    from .matter import load_matter
    from .memo import plan_memo, render_memo
    from .notice import load_org, notice_order, render_notice

    sources, out = resolve_sources(sources), out or paths.default_build()
    click.echo("1/5 validating sources…")
    corpus = load_corpus(sources, cache_dir=paths.parse_cache())
    click.echo(f"    {len(corpus.instruments)} instruments, {len(corpus.provisions)} provisions, {len(corpus.cases)} cases")
    click.echo("2/5 updating the search index…")
    update_index(corpus, sources, out / "index")
    click.echo("3/5 building the site…")
    build_site(sources, out / "site", progress=progress, index_dir=out / "index")
    from .site.archive import make_archive

    archive = make_archive(out / "site", out / "huquq-site.zip")
    examples = paths.HOME / "examples"
    click.echo("4/5 writing the example memo…")
    matter = load_matter(examples / "matters" / "2014-dushanbe-detentions.yaml", corpus)
    rank = facts_ranker(corpus, sources, out / "index")
    render_memo(corpus, matter, plan_memo(corpus, matter, rank), out / "example-memo.docx")
    click.echo("5/5 writing the detention-rights notice…")
    render_notice(corpus, out / "notice.docx", notice_order("tg"), org=load_org(examples / "organisation.yaml"))
    click.echo(f"""
done. In {out}/:
  site/               the static site; serve it with `make serve` (or `huquq serve -d {out}/site`) and
                      open http://127.0.0.1:8000/ (prepare a memo: http://127.0.0.1:8000/prepare/)
  {Path(archive).name}     the site as an archive, for offline use
  index/              the search index; try: huquq search "arbitrary detention"
  example-memo.docx   a memo for a fictional 2014 matter (examples/matters/)
  notice.docx         the detention-rights notice in Tajik, Russian and English""")


COMMANDS = [site, serve, build_command]
