"""The build stamp lets `make check` skip work the last build did, and never hides a problem."""
import datetime as dt

import pytest

from scripts import checks, pipeline, stamp
from tests.conftest import ROOT, TODAY, VALID


@pytest.fixture
def built(make_repo):
    layout = make_repo(VALID)
    assert pipeline.build(layout, TODAY)[0] == []
    return layout


def _count_study_checks(monkeypatch) -> list:
    calls = []
    original = checks.check_study

    def counting(study, *args):
        calls.append(study.rel)
        return original(study, *args)
    monkeypatch.setattr(checks, "check_study", counting)
    return calls


def test_check_after_build_skips_rendering_and_per_study_checks(built, monkeypatch):
    def no_render(*_):
        raise AssertionError("rendered although the stamp proves the files fresh")
    monkeypatch.setattr(pipeline, "render", no_render)
    calls = _count_study_checks(monkeypatch)
    assert pipeline.check(built, TODAY) == []
    assert calls == []


def test_hand_edited_generated_file_is_still_stale(built):
    (built.views / "catalogue.md").write_text("hand edit\n")
    assert [(p.code, p.path) for p in pipeline.check(built, TODAY)] == [("E501", "views/catalogue.md")]


def test_edited_study_is_checked_again_and_views_compared(built):
    study = next(built.studies.glob("*.md"))
    study.write_text(study.read_text().replace("## Caveats", "## Caveat"))
    codes = {p.code for p in pipeline.check(built, TODAY)}
    assert "E401" in codes


def test_renamed_study_with_same_bytes_is_checked_again(built):
    study = next(built.studies.glob("*.md"))
    study.rename(study.with_name("renamed-copy.md"))
    assert "E301" in {p.code for p in pipeline.check(built, TODAY)}


def test_other_day_or_taxonomy_reruns_per_study_checks(built, monkeypatch):
    calls = _count_study_checks(monkeypatch)
    assert pipeline.check(built, TODAY + dt.timedelta(days=1)) == []
    assert len(calls) == len(list(built.studies.glob("*.md")))
    calls.clear()
    built.taxonomy.write_text(built.taxonomy.read_text() + "\n")
    pipeline.check(built, TODAY)
    assert len(calls) == len(list(built.studies.glob("*.md")))


def test_damaged_stamp_means_a_full_check(built, monkeypatch):
    built.stamp.write_bytes(b"not marshal")
    assert stamp.load(built.stamp) is None
    calls = _count_study_checks(monkeypatch)
    assert pipeline.check(built, TODAY) == []
    assert calls
