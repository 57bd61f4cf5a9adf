"""Checks: pure functions from records to problems.

`check_all` runs the per-study checks (schema, meaning, body) and the checks across studies,
and turns each Issue (a path inside the front matter, or a line in the body) into a Problem
with the file's line and column. Locating is the only slow step and runs only for studies that
have issues.
"""
from __future__ import annotations

import datetime as _dt

from scripts import canonical, fanout
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


def study_checker(taxonomy: Taxonomy, validate, today: _dt.date, schema: dict):
    """`check_study` as a function of the study alone, returning plain tuples (they marshal), for
    running the per-study checks where a study is parsed (see `records.load_and_inspect`)."""
    ranks = canonical.orders(schema)

    def run(study: Study) -> list[tuple]:
        return [(i.code, i.message, i.path, i.line) for i in check_study(study, taxonomy, validate, today, ranks)]
    return run


def check_all(studies: list[Study], taxonomy: Taxonomy, validate, today: _dt.date, schema: dict,
              known: dict | None = None) -> list[Problem]:
    """`known`: path (`rel`) -> the per-study issues, as `study_checker` tuples, of studies whose
    per-study checks already ran in this context; they are not run again."""
    known = known or {}
    ranks = canonical.orders(schema)

    def check_slice(some: list[Study]) -> list[tuple[str, list[Issue]]]:
        found = []
        for study in some:
            issues = check_study(study, taxonomy, validate, today, ranks)
            if issues:
                found.append((study.rel, issues))
        return found

    # Each study's checks are independent of the others, so a large corpus is checked on all cores.
    unchecked = [s for s in studies if s.rel not in known] if known else studies
    per_study: dict[str, list[Issue]] = dict(fanout.fan_out(check_slice, unchecked))
    for study in studies:
        if known.get(study.rel):
            per_study[study.rel] = [Issue(*issue) for issue in known[study.rel]]
    for rel, issue in corpus.check(studies):
        per_study.setdefault(rel, []).append(issue)
    by_rel = {s.rel: s for s in studies}
    problems: list[Problem] = []
    for rel, issues in per_study.items():
        problems += locate(by_rel[rel], issues)
    return problems
