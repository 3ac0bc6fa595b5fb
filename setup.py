"""The wheel carries the project's files, so that an installed huquq works without the repository.

Everything else is in pyproject.toml. Here, building the wheel copies templates/, legal_sources/, docs/,
overrides/, examples/ and mkdocs.yml into generator/share/, where generator.paths finds them when huquq
is not run from a checkout. An editable install (`pip install -e .`, as `make` does) reads the checkout.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHARED = ["templates", "legal_sources", "docs", "overrides", "examples", "mkdocs.yml"]
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".*", "walkthrough")  # README screenshots


class BuildWithShare(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        share = Path(self.build_lib) / "generator" / "share"
        shutil.rmtree(share, ignore_errors=True)
        for name in SHARED:
            source = Path(name)
            if source.is_dir():
                shutil.copytree(source, share / name, ignore=IGNORED)
            else:
                share.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, share / name)


# setuptools works in its own folder, not in build/ (where `huquq build` writes the site and documents).
setup(cmdclass={"build_py": BuildWithShare}, options={"build": {"build_base": ".wheel-build"}})
