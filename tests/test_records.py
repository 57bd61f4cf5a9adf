import os

from scripts import frontmatter, pipeline, records
from tests.conftest import TODAY, VALID


def test_directory_named_like_a_study_is_unreadable(make_repo):
    layout = make_repo()
    (layout.studies / "e101-folder.md").mkdir()
    [problem] = pipeline.check(layout, TODAY)
    assert problem.code == "E101" and problem.line == 1


def test_oversized_file(make_repo):
    layout = make_repo()
    text = (VALID / "fixture-minimal.md").read_text()
    (layout.studies / "fixture-minimal.md").write_text(text + "x" * frontmatter.MAX_BYTES)
    [problem] = pipeline.check(layout, TODAY)
    assert problem.code == "E111" and problem.path == "studies/fixture-minimal.md"


def test_symlink_leaving_the_tree_is_refused_and_not_read(make_repo, tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text((VALID / "fixture-minimal.md").read_text())
    layout = make_repo()
    os.symlink(outside, layout.studies / "fixture-minimal.md")
    [problem] = pipeline.check(layout, TODAY)
    assert problem.code == "E113"


def test_symlink_inside_the_tree_is_followed(make_repo):
    layout = make_repo()
    target = layout.root / "elsewhere.md"
    target.write_text((VALID / "fixture-minimal.md").read_text())
    os.symlink(target, layout.studies / "fixture-minimal.md")
    studies, problems = records.load_studies(layout)
    assert problems == [] and studies[0].id == "fixture-minimal"


def test_outline_ignores_headings_in_code_fences_and_collects_summary():
    body = "## Summary\nFirst line.\nSecond.\n\n## Data object\n```\n## Not a heading\n```\n## Caveats\n\n### Sub\n"
    headings, summary = records.outline(body, 10)
    assert [(h.title, h.line, h.has_text) for h in headings] == [
        ("Summary", 10, True), ("Data object", 14, True), ("Caveats", 18, False),
    ]
    assert summary == "First line. Second."


def test_pending_parents_splits_names_and_gives_the_sentence_line():
    body = ("## Summary\nText.\n\n## Caveats\nNo check. Lineage: the data also builds on NuminaMath, "
            "OpenR1-Math-220k and Tülu 3, which the catalogue does not cover yet.\n")
    assert records.pending_parents(body, 20) == (("NuminaMath", 24), ("OpenR1-Math-220k", 24), ("Tülu 3", 24))
    one = "## Caveats\nLineage: the data also builds on the SimpleRL-Zoo data, which the catalogue does not cover yet.\n"
    assert records.pending_parents(one, 1) == (("the SimpleRL-Zoo data", 2),)
    assert records.pending_parents("## Caveats\nThe data builds on NuminaMath.\n", 1) == ()


def test_pending_parents_survive_the_parse_cache(make_repo, tmp_path):
    from scripts.cache import ParseCache
    layout = make_repo(VALID / "fixture-full.md", VALID / "fixture-minimal.md")
    cache = ParseCache(tmp_path / "cache.marshal")
    path = layout.studies / "fixture-full.md"
    first = records.read_study(path, layout, cache)
    again = records.read_study(path, layout, cache)
    assert first.pending == again.pending == (("FixtureSet-Unlisted", first.pending[0][1]), ("OtherCorpus", first.pending[0][1]))
    assert path.read_text().split("\n")[first.pending[0][1] - 1].startswith("Fictional. Lineage:")


def test_pending_parents_accept_a_serial_comma():
    body = "## Caveats\nLineage: the data also builds on APPS, TACO, and NuminaMath, which the catalogue does not cover yet.\n"
    assert records.pending_parents(body, 1) == (("APPS", 2), ("TACO", 2), ("NuminaMath", 2))
