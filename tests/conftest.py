"""Shared fixtures: the real corpus, a small fixture corpus, a built index and site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import cli as cli_module
from kb import load_corpus
from kb.index import update_index

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "legal_sources"
FIXTURE_SOURCES = Path(__file__).parent / "fixtures" / "sources"

cli_module._register_commands()


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(SOURCES)


@pytest.fixture(scope="session")
def fixture_corpus():
    return load_corpus(FIXTURE_SOURCES)


@pytest.fixture(scope="session")
def index_dir(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("index") / "index"
    update_index(corpus, SOURCES, path)
    return path


@pytest.fixture(scope="session")
def fixture_index(fixture_corpus, tmp_path_factory):
    """The search index of the small fixture sources."""
    path = tmp_path_factory.mktemp("fx") / "index"
    update_index(fixture_corpus, FIXTURE_SOURCES, path)
    return path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site built from the real corpus, once per test session."""
    from generator.cli_site import build_site

    path = tmp_path_factory.mktemp("site") / "site"
    build_site(SOURCES, path)
    return path


@pytest.fixture()
def fixture_copy(tmp_path):
    """A writable copy of the fixture sources."""
    target = tmp_path / "sources"
    shutil.copytree(FIXTURE_SOURCES, target)
    return target


@pytest.fixture()
def run():
    """Run the huquq command line; returns click's Result (exit_code, stdout, stderr)."""
    def invoke(*args, input=None):
        return CliRunner().invoke(cli_module.cli, [str(a) for a in args], catch_exceptions=False, input=input)
    return invoke
