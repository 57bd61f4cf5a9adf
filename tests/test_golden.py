"""Golden tests: the views built from the valid fixtures match the files in tests/golden/.

After an intended change to a renderer, regenerate with `UPDATE_GOLDEN=1 make test` and review
the diff like any other change.
"""
import os
from pathlib import Path

import pytest

from scripts import pipeline
from tests.conftest import ROOT, TODAY, VALID

GOLDEN = ROOT / "tests" / "golden"


def built(make_repo):
    layout = make_repo(VALID)
    assert pipeline.build(layout, TODAY)[0] == []
    files = {f"views/{p.name}": p for p in sorted(layout.views.iterdir())}
    files |= {f"exports/{p.name}": p for p in sorted(layout.exports.iterdir())}
    return files


def test_golden_views_and_exports(make_repo):
    files = built(make_repo)
    if os.environ.get("UPDATE_GOLDEN"):
        for name, path in files.items():
            target = GOLDEN / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert set(files) == expected
    for name, path in files.items():
        assert path.read_bytes() == (GOLDEN / name).read_bytes(), f"{name} differs from tests/golden/{name}"
