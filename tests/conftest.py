"""Shared fixtures: a throwaway repository built from the real taxonomy and README."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from scripts.layout import Layout

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
TODAY = dt.date(2026, 11, 26)


def copy_study(source: Path, studies: Path) -> None:
    if source.is_dir():
        for child in sorted(source.iterdir()):
            shutil.copy(child, studies / child.name)
    else:
        shutil.copy(source, studies / source.name)


@pytest.fixture
def make_repo(tmp_path):
    """make_repo(*paths) -> Layout of a fresh repository holding those study files or folders."""
    counter = iter(range(1000))

    def make(*sources: Path) -> Layout:
        root = tmp_path / f"repo{next(counter)}"
        (root / "studies").mkdir(parents=True)
        shutil.copy(ROOT / "taxonomy.yaml", root / "taxonomy.yaml")
        shutil.copy(ROOT / "README.md", root / "README.md")
        shutil.copy(ROOT / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
        for source in sources:
            copy_study(source, root / "studies")
        return Layout(root)

    return make
