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


def test_unchanged_inputs_after_a_clean_build_need_no_loading(built, monkeypatch):
    def no_load(*_args, **_kwargs):
        raise AssertionError("loaded although every input is as the last clean build checked it")
    monkeypatch.setattr(pipeline, "load", no_load)
    assert pipeline.check(built, TODAY) == []


def test_one_edited_study_alone_is_checked_again(built, monkeypatch):
    calls = _count_study_checks(monkeypatch)
    study = sorted(built.studies.glob("*.md"))[0]
    study.write_text(study.read_text().replace("## Summary\n", "## Summary\nEdited. ", 1))
    problems = pipeline.check(built, TODAY)
    assert calls == [f"studies/{study.name}"]
    assert {p.code for p in problems} <= {"E501"}  # only the views, which now differ, are reported


def test_study_swapped_for_a_symlink_out_of_the_tree_is_reported(built, tmp_path):
    study = sorted(built.studies.glob("*.md"))[0]
    outside = tmp_path / "outside.md"
    outside.write_bytes(study.read_bytes())  # same bytes: only the link differs
    study.unlink()
    study.symlink_to(outside)
    assert "E113" in {p.code for p in pipeline.check(built, TODAY)}
