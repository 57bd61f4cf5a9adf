from click.testing import CliRunner

from scripts import query
from scripts.cli import main
from tests.conftest import INVALID, ROOT, VALID


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_card_scores_and_lists_missing_items_by_importance(make_repo):
    layout = make_repo(VALID)
    result = run("card", "--root", layout.root, "--today", "2026-11-26", VALID / "fixture-full.md")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("disclosure score: 80.8 / 100")
    listed = [l.split(". ", 1)[1].split(" [")[0] for l in lines if l.startswith("   ") or l.startswith("  ")]
    assert listed == ["Filtering rules", "Sampling", "Failed attempts"]  # taxonomy order: most important first
    assert "catalogued releases score lower" in lines[-1]


def test_card_template_is_refused_until_filled(make_repo):
    layout = make_repo()
    result = run("card", "--root", layout.root, ROOT / "templates" / "release-card.md")
    assert result.exit_code == 1 and "E311" in result.output and "make card" in result.output


def test_card_with_a_broken_file(make_repo):
    layout = make_repo()
    result = run("card", "--root", layout.root, INVALID / "e106-yaml-syntax.md")
    assert result.exit_code == 1 and "E106" in result.output


def test_query_filters_on_fields_lists_and_numbers(make_repo):
    layout = make_repo(VALID)
    result = run("query", "--root", layout.root, "feedback=exact-answer", "year>=2025")
    assert "fixture-full" in result.output and "fixture-minimal" not in result.output
    result = run("query", "--root", layout.root, "family!=programmatic")
    assert "fixture-agent" in result.output and "fixture-full" not in result.output
    result = run("query", "--root", layout.root, "disclosure.sampling=none", "title~complete")
    assert "fixture-full" in result.output and "1 of 4 studies" in result.output
    result = run("query", "--root", layout.root, "--json", "examples>999")
    assert '"id": "fixture-full"' in result.output


def test_query_refuses_malformed_conditions(make_repo):
    layout = make_repo(VALID)
    result = CliRunner().invoke(main, ["query", "--root", str(layout.root), "nonsense"])
    assert result.exit_code == 2 and "is not a condition" in result.output


def test_condition_parsing():
    conditions, errors = query.parse("feedback=execution year>=2025 scale.examples<1000 title~R1")
    assert [(c.field, c.op, c.value) for c in conditions] == [
        ("feedback", "=", "execution"), ("year", ">=", "2025"), ("scale.examples", "<", "1000"), ("title", "~", "R1"),
    ]
    assert errors == []
