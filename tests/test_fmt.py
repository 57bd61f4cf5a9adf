"""`make fmt` keeps data and comments, is idempotent, and its output passes the canonical check."""
import re

import pytest

from scripts import canonical, fmt, frontmatter, pipeline, schema, taxonomy, yamlload
from scripts.layout import Layout
from scripts.records import study_paths
from tests.conftest import INVALID, ROOT, TODAY, VALID

TAX, _ = taxonomy.load(ROOT / "taxonomy.yaml", "taxonomy.yaml")
SCHEMA = schema.study_schema(TAX)
FILES = sorted(VALID.glob("*.md")) + study_paths(Layout(ROOT)) + [INVALID / "e701-not-canonical.md"]


def comments(text: str) -> list[str]:
    return re.findall(r"#[^\n]*", text.split("\n---", 1)[0])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_fmt_keeps_data_and_comments_and_is_idempotent(path):
    raw = path.read_bytes()
    once = fmt.format_file(raw, SCHEMA)
    twice = fmt.format_file(once, SCHEMA)
    assert once == twice
    before = frontmatter.split(frontmatter.decode(raw))
    after = frontmatter.split(frontmatter.decode(once))
    assert yamlload.load(before.front) == yamlload.load(after.front)
    assert before.body == after.body
    assert sorted(comments(before.front)) == sorted(comments(after.front))
    data, flow = yamlload.load_with_layout(after.front)
    assert canonical.departures(data, flow, canonical.orders(SCHEMA)) == []


def test_real_studies_are_already_canonical():
    for path in study_paths(Layout(ROOT)):
        assert fmt.format_file(path.read_bytes(), SCHEMA) == path.read_bytes(), path.name


def test_line_endings_and_bom_are_kept():
    raw = (VALID / "fixture-crlf-bom.md").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert fmt.format_file(raw, SCHEMA) == raw


def test_check_reports_non_canonical_file_with_the_fix(make_repo):
    layout = make_repo(INVALID / "e701-not-canonical.md")
    [problem] = pipeline.check(layout, TODAY)
    assert problem.code == "E701" and "make fmt" in problem.message


def test_unloadable_file_is_left_alone():
    assert fmt.format_file((INVALID / "e106-yaml-syntax.md").read_bytes(), SCHEMA) is None
