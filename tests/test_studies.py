"""Every real study loads without loss: the fast loader and the round-trip loader agree, and the
JSON Lines export reproduces the front matter exactly."""
import json

import pytest

from scripts import frontmatter, yamlload
from scripts.layout import Layout
from scripts.records import study_paths
from tests.conftest import ROOT

STUDIES = study_paths(Layout(ROOT))


def plain(value):
    """ruamel's round-trip containers as plain dicts and lists."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


@pytest.mark.parametrize("path", STUDIES, ids=lambda p: p.stem)
def test_study_round_trips(path):
    split = frontmatter.split(frontmatter.decode(path.read_bytes()))
    fast = yamlload.load(split.front)
    slow = plain(yamlload.round_trip_yaml().load(split.front))
    assert fast == slow
    exported = {
        json.loads(line)["id"]: json.loads(line)
        for line in (ROOT / "exports" / "studies.jsonl").read_text().splitlines()
    }
    assert {k: v for k, v in exported[fast["id"]].items() if k in fast} == fast
