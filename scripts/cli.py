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
    click.echo(report.summary(problems, len(records.study_paths(layout))), err=bool(problems))
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
        click.echo(report.summary(problems, len(records.study_paths(layout))) + "; nothing was written", err=True)
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
