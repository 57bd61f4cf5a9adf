"""The CLI through click's CliRunner: exit codes, line format, annotations, no tracebacks."""
import re

import pytest
from click.testing import CliRunner

from scripts.cli import main
from tests.conftest import INVALID, VALID

LINE = re.compile(r"^studies/[\w.-]+:\d+:\d+: E\d{3} .+")


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env or {"GITHUB_ACTIONS": ""}, catch_exceptions=False)


def test_check_passes_after_build(make_repo):
    layout = make_repo(VALID)
    assert run("build", "--root", str(layout.root), "--today", "2026-11-26").exit_code == 0
    result = run("check", "--root", str(layout.root), "--today", "2026-11-26")
    assert result.exit_code == 0 and "no problems" in result.output


@pytest.mark.parametrize("fixture", sorted(INVALID.iterdir()), ids=lambda p: p.name)
def test_each_bad_input_exits_1_with_file_and_line_and_no_traceback(make_repo, fixture):
    layout = make_repo(fixture)
    result = run("check", "--root", str(layout.root), "--today", "2026-11-26")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [l for l in result.output.splitlines() if l.startswith("studies/")]
    assert lines and all(LINE.match(l) for l in lines), result.output


def test_github_annotations_when_running_in_actions(make_repo):
    layout = make_repo(INVALID / "e204-unknown-term.md")
    result = run("check", "--root", str(layout.root), "--today", "2026-11-26", env={"GITHUB_ACTIONS": "true"})
    annotations = [l for l in result.output.splitlines() if l.startswith("::error ")]
    assert annotations and re.match(r"^::error file=studies/e204-unknown-term\.md,line=\d+,col=\d+,title=E204 unknown-term::", annotations[0])


def test_build_refuses_and_says_nothing_was_written(make_repo):
    layout = make_repo(INVALID / "e106-yaml-syntax.md")
    result = run("build", "--root", str(layout.root))
    assert result.exit_code == 1 and "nothing was written" in result.output


def test_help_texts_come_from_docstrings():
    result = run("--help")
    assert "check" in result.output and "build" in result.output and "Validate the study records" in result.output
