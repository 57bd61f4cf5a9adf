"""Checks: pure functions from records to problems.

`check_all` runs the per-study checks (schema, meaning, body) and the checks across studies,
and turns each Issue (a path inside the front matter, or a line in the body) into a Problem
with the file's line and column. Locating is the only slow step and runs only for studies that
have issues.
"""
from __future__ import annotations

import datetime as _dt

from scripts import canonical
from scripts.checks import body, corpus, record, style
from scripts.issue import Issue
from scripts.problems import Problem
from scripts.records import Study
from scripts.taxonomy import Taxonomy
from scripts.yamlload import Locator


def check_study(study: Study, taxonomy: Taxonomy, validate, today: _dt.date, ranks: dict) -> list[Issue]:
    issues = list(validate(study.data))
    issues += record.check(study, taxonomy, today)
    issues += body.check(study, taxonomy)
    issues += style.check(study, ranks)
    return issues


def locate(study: Study, issues: list[Issue]) -> list[Problem]:
    """Problems with file positions: body issues carry their line; front-matter issues a path."""
    locator = None
    problems = []
    for issue in issues:
        if issue.line is not None:
            line, col = issue.line, 1
        else:
            if locator is None:
                locator = Locator(study.front_text())
            line, col = locator.position(issue.path)
            line += study.front_line
        problems.append(Problem(study.rel, line, col, issue.code, issue.message))
    return problems


def check_all(studies: list[Study], taxonomy: Taxonomy, validate, today: _dt.date, schema: dict) -> list[Problem]:
    per_study: dict[str, list[Issue]] = {}
    ranks = canonical.orders(schema)
    for study in studies:
        issues = check_study(study, taxonomy, validate, today, ranks)
        if issues:
            per_study[study.rel] = issues
    for rel, issue in corpus.check(studies):
        per_study.setdefault(rel, []).append(issue)
    by_rel = {s.rel: s for s in studies}
    problems: list[Problem] = []
    for rel, issues in per_study.items():
        problems += locate(by_rel[rel], issues)
    return problems
