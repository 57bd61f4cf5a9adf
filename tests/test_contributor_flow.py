"""Two pull requests that each add one study and nothing else merge into main without
conflicts, and `make` (the regenerate workflow's own command) then brings main's generated
files up to date."""
import shutil
import subprocess

import pytest

from scripts import pipeline
from scripts.layout import Layout
from tests.conftest import ROOT, TODAY, VALID

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def study(study_id: str) -> str:
    return (VALID / "fixture-minimal.md").read_text().replace("fixture-minimal", study_id).replace("Fixture Minimal", f"Fixture {study_id}")


def test_two_branches_adding_studies_merge_cleanly_and_make_regenerates(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".git", ".venv", ".cache", "__pycache__", ".pytest_cache"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "main")
    layout = Layout(repo)
    assert pipeline.build(layout, TODAY)[0] == []  # main starts regenerated
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "regenerate", "--allow-empty")
    for branch, study_id in (("add-a", "flow-study-a"), ("add-b", "flow-study-b")):
        git(repo, "checkout", "-q", "-b", branch, "main")
        (repo / "studies" / f"{study_id}.md").write_text(study(study_id))
        git(repo, "add", "studies")
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", f"add {study_id}")
    git(repo, "checkout", "-q", "main")
    for branch in ("add-a", "add-b"):
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "merge", "-q", "--no-edit", branch)
    assert git(repo, "status", "--porcelain") == ""
    stale = pipeline.check(layout, TODAY)
    assert stale and {p.code for p in stale} == {"E501"}  # merged, generated files not yet regenerated
    problems, touched = pipeline.build(layout, TODAY)
    assert problems == [] and touched
    assert pipeline.check(layout, TODAY) == []
    jsonl = (repo / "exports" / "studies.jsonl").read_text()
    assert '"id": "flow-study-a"' in jsonl and '"id": "flow-study-b"' in jsonl
