import os

from scripts import pipeline
from tests.conftest import INVALID, TODAY, VALID


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_is_idempotent(make_repo):
    layout = make_repo(VALID)
    assert pipeline.build(layout, TODAY)[0] == []
    first = snapshot(layout.root)
    problems, touched = pipeline.build(layout, TODAY)
    assert problems == [] and touched == []
    assert snapshot(layout.root) == first


def test_build_never_touches_text_outside_markers(make_repo):
    layout = make_repo(VALID)
    original = layout.readme.read_text()
    pipeline.build(layout, TODAY)
    after = layout.readme.read_text()
    outside = [part.split("<!-- END GENERATED:")[-1] for part in original.split("<!-- BEGIN GENERATED:")]
    for piece in outside:
        assert piece.split("-->", 1)[-1] in after


def test_stale_and_orphaned_generated_files_are_reported(make_repo):
    layout = make_repo(VALID)
    pipeline.build(layout, TODAY)
    (layout.views / "catalogue.md").write_text("hand edit\n")
    (layout.exports / "extra.txt").write_text("left over\n")
    layout.schema.unlink()
    problems = pipeline.check(layout, TODAY)
    assert {(p.code, p.path) for p in problems} == {
        ("E501", "views/catalogue.md"), ("E501", "exports/extra.txt"), ("E501", "schema/study.schema.json"),
    }
    pipeline.build(layout, TODAY)
    assert not (layout.exports / "extra.txt").exists()
    assert pipeline.check(layout, TODAY) == []


def test_build_refuses_invalid_records_and_writes_nothing(make_repo):
    layout = make_repo(VALID, INVALID / "e204-unknown-term.md")
    problems, touched = pipeline.build(layout, TODAY)
    assert [p.code for p in problems] == ["E204"] and touched == []
    assert not layout.views.exists()


def test_build_reports_broken_readme_markers(make_repo):
    layout = make_repo(VALID)
    layout.readme.write_text(layout.readme.read_text().replace("<!-- END GENERATED: counts -->", ""))
    problems, touched = pipeline.build(layout, TODAY)
    assert [p.code for p in problems] == ["E502"] and touched == []


def test_write_is_atomic_and_leaves_no_temporary_files(make_repo):
    layout = make_repo(VALID)
    pipeline.build(layout, TODAY)
    leftovers = [p for p in layout.root.rglob("*.tmp")]
    assert leftovers == []


def test_output_does_not_depend_on_directory_order(make_repo, monkeypatch):
    a = make_repo(VALID)
    pipeline.build(a, TODAY)
    b = make_repo(*reversed(sorted(VALID.iterdir())))
    pipeline.build(b, TODAY)
    assert snapshot(a.root) == snapshot(b.root)
