"""Every error code has a failing fixture that produces exactly that code, with a line; the
valid fixtures produce none."""
from __future__ import annotations

import re

import pytest

from scripts import pipeline
from scripts.problems import CODES
from tests.conftest import INVALID, TODAY, VALID

# Fixtures whose defect necessarily brings a second code along.
ALSO_EXPECTED = {
    # ids equal file names, so two equal ids in one folder always mean one id differs from its file.
    "e302-duplicate-id": {"E301"},
}
# Codes exercised by building the bad input inside a test, not by a committed file:
# E101 (a directory named *.md), E111 (an oversized file), E113 (a symlink out of the tree) in
# test_records.py; E501 and E502 in test_pipeline.py and test_readme.py; E601 in test_taxonomy.py.
BUILT_IN_TESTS = {"E101", "E111", "E113", "E501", "E502", "E601"}

INVALID_CASES = sorted(INVALID.iterdir())


def expected_code(path) -> str:
    return path.name.split("-", 1)[0].upper()


@pytest.mark.parametrize("fixture", INVALID_CASES, ids=lambda p: p.name)
def test_invalid_fixture_reports_its_code(make_repo, fixture):
    layout = make_repo(fixture)
    problems = pipeline.check(layout, TODAY)
    codes = {p.code for p in problems}
    name = fixture.name.removesuffix(".md")
    assert codes == {expected_code(fixture)} | ALSO_EXPECTED.get(name, set()), [p.format() for p in problems]
    for problem in problems:
        assert problem.path.startswith("studies/")
        assert problem.line >= 1, problem.format()
        assert problem.message


def test_every_code_has_a_failing_example():
    covered = {expected_code(p) for p in INVALID_CASES} | BUILT_IN_TESTS
    assert set(CODES) <= covered, sorted(set(CODES) - covered)


@pytest.mark.parametrize("fixture", sorted(VALID.iterdir()), ids=lambda p: p.name)
def test_valid_fixture_alone_has_no_record_problems(make_repo, fixture):
    # fixture-full links to fixture-minimal, so the minimal record travels with it.
    layout = make_repo(fixture, VALID / "fixture-minimal.md") if fixture.name != "fixture-minimal.md" else make_repo(fixture)
    loaded = pipeline.load(layout)
    assert loaded.problems == []
    assert pipeline.verify(loaded, TODAY) == []


def test_all_valid_fixtures_build_and_then_check_clean(make_repo):
    layout = make_repo(VALID)
    problems, touched = pipeline.build(layout, TODAY)
    assert problems == [] and touched
    assert pipeline.check(layout, TODAY) == []


def test_problem_lines_point_at_the_offending_key(make_repo):
    layout = make_repo(INVALID / "e204-unknown-term.md")
    [problem] = pipeline.check(layout, TODAY)
    text = (layout.studies / "e204-unknown-term.md").read_text().splitlines()
    assert "prompt_only" in text[problem.line - 1]
    assert text[problem.line - 1][problem.col - 1 :].startswith("prompt_only")
    assert "did you mean 'prompt-only'" in problem.message


def test_unknown_key_suggests_the_near_field(make_repo):
    layout = make_repo(INVALID / "e201-unknown-key.md")
    [problem] = pipeline.check(layout, TODAY)
    assert "did you mean 'short_name'" in problem.message
    assert (layout.studies / "e201-unknown-key.md").read_text().splitlines()[problem.line - 1].startswith("shortname:")


def test_all_problems_of_all_files_in_one_run(make_repo):
    layout = make_repo(*INVALID_CASES)
    problems = pipeline.check(layout, TODAY)
    assert {p.code for p in problems} >= {expected_code(p) for p in INVALID_CASES}


def test_crlf_and_bom_lines_match_plain_file(make_repo, tmp_path):
    """A problem in a CRLF + BOM file is reported at the same line as in the plain file."""
    plain = (INVALID / "e204-unknown-term.md").read_text()
    crlf = tmp_path / "e204-unknown-term.md"
    crlf.write_bytes(b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode())
    [a] = pipeline.check(make_repo(INVALID / "e204-unknown-term.md"), TODAY)
    [b] = pipeline.check(make_repo(crlf), TODAY)
    assert (a.line, a.col, a.code) == (b.line, b.col, b.code)


@pytest.mark.parametrize("date, arxiv, flagged", [
    ("2024-11-05", "2411.00002", False),  # same month
    ("2024-10-31", "2411.00002", False),  # submitted after the month's cut-off, announced in November
    ("2024-09-18", "2411.00002", False),  # held in moderation for two months
    ("2024-08-20", "2411.00002", True),   # three months: not version 1's date
    ("2024-12-01", "2411.00002", True),   # after the id's month: a later version's date
])
def test_arxiv_month_may_trail_the_submission_date_by_the_announcement_delay(make_repo, tmp_path, date, arxiv, flagged):
    text = (VALID / "fixture-minimal.md").read_text()
    text = re.sub(r"^date: .*$", f"date: {date}", text, count=1, flags=re.M)
    text = re.sub(r"^year: .*$", f"year: {date[:4]}", text, count=1, flags=re.M)
    text = re.sub(r"^links:$", f'arxiv: "{arxiv}"\nlinks:', text, count=1, flags=re.M)
    text = re.sub(r"^  paper: .*$", f"  paper: https://arxiv.org/abs/{arxiv}", text, count=1, flags=re.M)
    source = tmp_path / "fixture-minimal.md"
    source.write_text(text)
    loaded = pipeline.load(make_repo(source))
    codes = {p.code for p in pipeline.verify(loaded, TODAY)}
    assert ("E310" in codes) == flagged, codes


def test_lineage_note_naming_the_study_itself_is_not_flagged(make_repo, tmp_path):
    # A study may mention its own name in its Lineage sentence (e.g. an earlier release of itself).
    text = (VALID / "fixture-minimal.md").read_text().replace(
        "## Caveats\n", "## Caveats\nLineage: the data also builds on FixtureMin v0, which the catalogue does not cover yet. ", 1)
    path = tmp_path / "fixture-minimal.md"
    path.write_text(text)
    loaded = pipeline.load(make_repo(path))
    assert loaded.problems == [] and loaded.studies[0].pending == (("FixtureMin v0", 56),)
    assert pipeline.verify(loaded, TODAY) == []


@pytest.mark.parametrize("name, flagged", [
    ("the FixtureMin prompts", True),  # a run of words names the catalogued study
    ("FixtureMin 2", False),  # a later version is another release (the RewardBench 2 case)
    ("FixtureMin v3 data", False),
    ("FixtureMinimal", False),  # one word is one name: no prefix matching
])
def test_lineage_note_against_catalogued_names(make_repo, tmp_path, name, flagged):
    text = (VALID / "fixture-full.md").read_text().replace(
        "FixtureSet-Unlisted and OtherCorpus", name)
    path = tmp_path / "fixture-full.md"
    path.write_text(text)
    loaded = pipeline.load(make_repo(path, VALID / "fixture-minimal.md"))
    codes = [p.code for p in pipeline.verify(loaded, TODAY)]
    assert codes == (["E314"] if flagged else []), codes
