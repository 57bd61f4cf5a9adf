"""Properties of the generated pages, on a fixture build and on the committed repository:
tables have consistent columns under GitHub-flavoured Markdown rules, every relative link
resolves to a file (and every in-page anchor to a heading), and every study appears where its
fields say it should."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from scripts import derived, pipeline
from scripts.layout import Layout
from scripts.render import md
from tests.conftest import ROOT, TODAY, VALID

LINK = re.compile(r"(?<!!)\[(?:[^\[\]\\]|\\.)*\]\(([^)\s]+)\)")
IMAGE = re.compile(r"!\[(?:[^\[\]\\]|\\.)*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+?)\s*$", re.M)


def gfm_cells(line: str) -> int:
    """Cells in a table row: pipes split cells unless escaped or inside a code span."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells, in_code, i = 1, False, 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            in_code = not in_code
        elif ch == "|" and not in_code:
            cells += 1
        i += 1
    return cells


def tables(text: str):
    """Each table as its list of row lines (header, delimiter, body), outside code fences."""
    lines, in_fence, current = text.splitlines(), False, []
    for line in lines + [""]:
        if line.startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("|"):
            current.append(line)
        elif current:
            yield current
            current = []


def anchors(text: str) -> set[str]:
    return {md.anchor(re.sub(r"\\(.)", r"\1", h)) for h in HEADING.findall(text)}


def check_pages(root: Path, pages: list[Path]) -> list[str]:
    problems = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for table in tables(text):
            widths = [gfm_cells(row) for row in table]
            if len(set(widths)) != 1 or not re.match(r"^\|( *:?-{3,}:? *\|)+$", table[1].replace(" ", "")):
                problems.append(f"{page.relative_to(root)}: table starting {table[0][:60]!r} has rows of {widths} cells")
        for target in LINK.findall(text) + IMAGE.findall(text):
            if re.match(r"^[a-z]+:", target):
                continue
            path, _, fragment = target.partition("#")
            resolved = (page.parent / unquote(path)).resolve() if path else page
            if not resolved.exists():
                problems.append(f"{page.relative_to(root)}: link to {target} does not resolve")
            elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved.read_text(encoding="utf-8")):
                problems.append(f"{page.relative_to(root)}: anchor #{fragment} not found in {resolved.name}")
    return problems


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    from tests.conftest import copy_study
    import shutil

    root = tmp_path_factory.mktemp("views")
    (root / "studies").mkdir()
    shutil.copy(ROOT / "taxonomy.yaml", root / "taxonomy.yaml")
    shutil.copy(ROOT / "README.md", root / "README.md")
    shutil.copy(ROOT / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    copy_study(VALID, root / "studies")
    layout = Layout(root)
    assert pipeline.build(layout, TODAY)[0] == []
    return layout


def generated_pages(layout: Layout) -> list[Path]:
    return [layout.readme] + sorted(layout.views.glob("*.md")) + sorted(layout.exports.glob("*.md"))


def test_fixture_pages_have_consistent_tables_and_live_links(fixture_build):
    # README links to repository files (requirements.txt, ...) that a fixture build lacks.
    assert check_pages(fixture_build.root, generated_pages(fixture_build)[1:]) == []


def test_repository_pages_have_consistent_tables_and_live_links():
    layout = Layout(ROOT)
    pages = generated_pages(layout) + sorted(ROOT.glob("*.md"))
    assert check_pages(ROOT, list(dict.fromkeys(pages))) == []


def test_table_parser_counts_escaped_pipes_and_code_spans():
    assert gfm_cells("| a \\| b | `c|d` | e |") == 3
    assert gfm_cells("| --- | ---: |") == 2


def test_every_study_appears_where_its_fields_say(fixture_build):
    layout = fixture_build
    loaded = pipeline.load(layout)
    entries = derived.entries(loaded.studies, loaded.taxonomy)
    tax = loaded.taxonomy
    pages = {p.name: p.read_text(encoding="utf-8") for p in layout.views.glob("*.md")}

    def section(page: str, title: str) -> str:
        text = pages[page]
        start = text.index(f"## {title}\n")
        end = text.find("\n## ", start + 1)
        return text[start: end if end > 0 else None]

    for entry in entries:
        link = f"(../studies/{entry.stem}.md)"
        assert link in pages["catalogue.md"] and link in pages["disclosure.md"]
        for family in entry.families:
            assert link in section("objects.md", f"{tax.label('feedback_families', family)} checks")
        for domain in entry.domains:
            assert link in section("domains.md", md.text(tax.label("domains", domain)))
        assert link in section("timeline.md", str(entry.year))
        for finding in entry.findings:
            assert link in section("claims.md", md.text(tax.label("claims", finding["claim"])))
        for parent in entry.derived_from:
            assert f"(../studies/{parent}.md)" in pages["lineage.md"]
        for name, _line in entry.study.pending:
            row = next(r for r in section("lineage.md", "Parents not catalogued yet").split("\n") if r.startswith(f"| {md.text(name)} |"))
            assert link in row


def test_pending_parents_group_by_name_and_rank_by_count(fixture_build):
    from scripts.render import lineage
    loaded = pipeline.load(fixture_build)
    entries = derived.entries(loaded.studies, loaded.taxonomy)
    full = next(e for e in entries if e.id == "fixture-full")
    # A second study naming one parent with other case and spacing joins the same row, first.
    twin = derived.Entry(**{**full.__dict__, "id": "twin", "stem": "twin",
                            "study": type(full.study)(**{**full.study.__dict__, "pending": (("othercorpus ", 3),)})})
    wanted = lineage.pending(entries + [twin])
    assert [(name, [e.id for e in named]) for name, named in wanted] == [
        ("OtherCorpus", ["fixture-full", "twin"]), ("FixtureSet-Unlisted", ["fixture-full"])]
