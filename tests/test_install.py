"""Installed like any Python tool: the wheel (as `make dist` builds it) installed into a fresh virtual
environment runs interview, memo, notice, search and site from a folder outside the checkout.

The fresh environment takes huquq's dependencies from the test environment (a .pth file), so the test
needs no network; huquq itself, with its templates, site files and sources, comes only from the wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("install")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = (work / "dist").glob("huquq-*.whl")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                    str(wheel)], check=True, capture_output=True)
    target = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            check=True, capture_output=True, text=True).stdout.strip()
    (Path(target) / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir / "bin" / "huquq", work


def huquq(installed, *args, input=None, cwd):
    command, work = installed
    env = {key: value for key, value in os.environ.items() if not key.startswith("HUQUQ_")}
    env.update(HOME=str(work / "home"), XDG_CACHE_HOME=str(work / "cache"))
    return subprocess.run([str(command), *map(str, args)], input=input, cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_installed_wheel_runs_outside_the_checkout(installed, corpus, tmp_path):
    folder = tmp_path / "outside"
    folder.mkdir()
    # The interview, answered line by line in the order of legal_sources/interview.yaml.
    lines = []
    for question in corpus.interview.matter:
        lines += {"date": ["14.05.2015"], "place": ["Khujand"], "facts": ["Held 20 hours after a raid.", ""],
                  "client": ["A. B."]}.get(question.id, [""])
    lines += ["y" if gate.id == "detained" else "n" for gate in corpus.interview.gates]
    for section in corpus.interview.sections:
        if section.ask_if and section.ask_if != ("detained",):
            continue
        for cid in section.circumstances:
            if cid == "held-beyond-time-limit":
                lines += ["y", "20", "1"]
            else:
                lines.append("n")
    lines += ["y"]  # write it
    result = huquq(installed, "interview", "--lang", "en", "-o", "matter.yaml", "--memo", input="\n".join(lines) + "\n",
                   cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    memo = Document(str(folder / "matter-memo.docx"))
    assert any("Khujand" in p.text for p in memo.paragraphs)
    assert (folder / "matter-notice.docx").exists()

    result = huquq(installed, "memo", "matter.yaml", "-o", "again.docx", cwd=folder)
    assert result.returncode == 0, result.stderr
    result = huquq(installed, "notice", "-o", "notice.docx", "--lang", "ru", cwd=folder)
    assert result.returncode == 0, result.stderr
    result = huquq(installed, "search", "arbitrary detention", cwd=folder)
    assert result.returncode == 0 and "iccpr/9" in result.stdout, result.stderr
    result = huquq(installed, "site", "-d", "site", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "site/iccpr/9/index.html").exists() and (folder / "site/search-index/meta.json").is_file()
    # Only what was asked for is in the folder: no build/ or index beside the user's files.
    assert sorted(p.name for p in folder.iterdir()) == ["again.docx", "matter-memo.docx", "matter-notice.docx",
                                                        "matter.yaml", "notice.docx", "site"]


def test_user_sources_win_over_those_in_the_wheel(installed, tmp_path):
    sources = tmp_path / "sources"
    import shutil

    shutil.copytree(ROOT / "tests" / "fixtures" / "sources", sources)
    result = huquq(installed, "validate", "--sources", sources, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    everything = huquq(installed, "validate", cwd=tmp_path)
    assert everything.returncode == 0
    assert result.stdout != everything.stdout  # the fixture's few records, not the wheel's corpus
