"""Command line: `python -m scripts <command>`. Each command is a thin wrapper over pipeline."""
from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path

import click

from scripts import pipeline, records, report
from scripts.layout import Layout

ROOT_OPTION = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="Repository root to work on.",
)


def _layout(root: Path) -> Layout:
    return Layout(root.resolve())


def _today(value: str | None) -> _dt.date:
    return _dt.date.fromisoformat(value) if value else _dt.date.today()


@click.group()
def main() -> None:
    """Validate the study records and regenerate the views built from them."""


@main.command()
@ROOT_OPTION
@click.option("--today", help="Date to treat as today (YYYY-MM-DD); for reproducible checks.")
@click.option("--github/--no-github", "annotations", default=None,
              help="Also print GitHub ::error annotations (default: when GITHUB_ACTIONS is set).")
def check(root: Path, today: str | None, annotations: bool | None) -> None:
    """Report every problem in every study, and stale generated files. Exit 1 on any problem."""
    layout = _layout(root)
    if annotations is None:
        annotations = os.environ.get("GITHUB_ACTIONS") == "true"
    problems = pipeline.check(layout, _today(today))
    for line in report.lines(problems, annotations):
        click.echo(line)
    click.echo(report.summary(problems, len(records.study_paths(layout))))
    sys.exit(1 if problems else 0)


@main.command()
@ROOT_OPTION
@click.option("--today", help="Date to treat as today (YYYY-MM-DD).")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def lint(root: Path, today: str | None, files: tuple[Path, ...]) -> None:
    """Check the given study files on their own: schema, meaning and body, not links between studies."""
    layout = _layout(root)
    problems = pipeline.lint(layout, list(files), _today(today))
    for line in report.lines(problems, os.environ.get("GITHUB_ACTIONS") == "true"):
        click.echo(line)
    click.echo(report.summary(problems, len(files)))
    sys.exit(1 if problems else 0)


@main.command()
@ROOT_OPTION
@click.option("--today", help="Date to treat as today (YYYY-MM-DD).")
def build(root: Path, today: str | None) -> None:
    """Regenerate README sections, views/, exports/ and the JSON Schema. Refuses on any problem."""
    layout = _layout(root)
    problems, touched = pipeline.build(layout, _today(today))
    if problems:
        for line in report.lines(problems, os.environ.get("GITHUB_ACTIONS") == "true"):
            click.echo(line)
        click.echo(report.summary(problems, len(records.study_paths(layout))) + "; nothing was written")
        sys.exit(1)
    for path in touched:
        click.echo(f"wrote {layout.rel(path)}")
    click.echo(f"built from {len(records.study_paths(layout))} studies; {len(touched)} file(s) changed")


@main.command()
@ROOT_OPTION
@click.option("-n", "count", type=click.IntRange(1, 1_000_000), default=10_000, show_default=True,
              help="Number of synthetic studies.")
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True,
              help="Runs per phase; the fastest is kept.")
def bench(root: Path, count: int, repeat: int) -> None:
    """Time check and build on COUNT synthetic studies, next to the parse floor measured in the same run."""
    from scripts import bench as bench_module

    click.echo(bench_module.run(_layout(root), count, repeat))


@main.command("bench-phase", hidden=True)
@click.argument("name", type=click.Choice(["floor", "parse-cold", "build", "check"]))
@ROOT_OPTION
def bench_phase(name: str, root: Path) -> None:
    """One timed phase of `bench`, run in its own process; prints JSON."""
    import json

    from scripts import bench as bench_module

    click.echo(json.dumps(bench_module.phase(name, root.resolve())))


@main.command()
@ROOT_OPTION
@click.argument("conditions", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the matching studies' front matter as JSON.")
def query(root: Path, conditions: tuple[str, ...], as_json: bool) -> None:
    """Filter studies: CONDITIONS like feedback=execution year>=2025 title~verifier (all must hold)."""
    from tabulate import tabulate

    from scripts import derived
    from scripts import query as query_module

    parsed, errors = query_module.parse(" ".join(conditions))
    if errors:
        for error in errors:
            click.echo(error, err=True)
        sys.exit(2)
    loaded = pipeline.load(_layout(root))
    if loaded.taxonomy is None:
        click.echo("taxonomy.yaml has problems; run `make check`", err=True)
        sys.exit(1)
    if loaded.problems:
        click.echo(f"note: {len(loaded.problems)} file(s) could not be read and are left out; run `make check`", err=True)
    matches = query_module.select(derived.entries(loaded.studies, loaded.taxonomy), parsed)
    if as_json:
        click.echo(query_module.as_json(matches))
        return
    rows = query_module.rows(matches)
    click.echo(tabulate(rows, headers="keys", tablefmt="github") if rows else "no study matches")
    click.echo(f"{len(rows)} of {len(loaded.studies)} studies")


@main.command()
@ROOT_OPTION
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def fmt(root: Path, files: tuple[Path, ...]) -> None:
    """Rewrite front matter into canonical key order and layout (all studies, or FILES), keeping comments."""
    from scripts import fmt as fmt_module, schema as schema_module, taxonomy as taxonomy_module
    from scripts.files import write_bytes_atomic

    layout = _layout(root)
    taxonomy, problems = taxonomy_module.load(layout.taxonomy, layout.rel(layout.taxonomy))
    if taxonomy is None:
        for problem in problems:
            click.echo(problem.format())
        sys.exit(1)
    study_schema = schema_module.study_schema(taxonomy)
    changed = skipped = 0
    for path in [p.resolve() for p in files] or records.study_paths(layout):
        raw = path.read_bytes()
        formatted = fmt_module.format_file(raw, study_schema)
        if formatted is None:
            skipped += 1
            click.echo(f"skipped {layout.rel(path)}: its front matter does not load; run `make check`")
        elif formatted != raw:
            write_bytes_atomic(path, formatted)
            changed += 1
            click.echo(f"formatted {layout.rel(path)}")
    click.echo(f"{changed} file(s) formatted, {skipped} skipped")


@main.command("new")
@ROOT_OPTION
@click.argument("study_id")
@click.option("--arxiv", "arxiv_id", help="arXiv id to fill title, authors, date and links from the arXiv API.")
def new_study(root: Path, study_id: str, arxiv_id: str | None) -> None:
    """Write studies/STUDY_ID.md from templates/study.md, every field present and commented."""
    from scripts import newstudy

    layout = _layout(root)
    path, messages = newstudy.create(layout.studies, layout.template, study_id, arxiv_id)
    for message in messages:
        click.echo(message)
    sys.exit(0 if path else 1)


@main.command()
@ROOT_OPTION
@click.option("--today", help="Date to treat as today (YYYY-MM-DD).")
@click.argument("card_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def card(root: Path, today: str | None, card_path: Path) -> None:
    """Check a release card (templates/release-card.md) and list what it leaves undisclosed."""
    from scripts import card as card_module

    layout = _layout(root)
    problems = card_module.check(layout, card_path, _today(today))
    for line in report.lines(problems, False):
        click.echo(line)
    if problems:
        click.echo(report.summary(problems, 1) + "; fix these, then run `make card` again")
        sys.exit(1)
    click.echo(card_module.report(layout, card_path))
