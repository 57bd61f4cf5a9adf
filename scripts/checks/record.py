"""Checks on one study's meaning, beyond what the schema can say.

They run on every study, valid against the schema or not, so each guards the types it reads.
"""
from __future__ import annotations

import datetime as _dt
import math
import re

from scripts.issue import Issue
from scripts.records import Study
from scripts.taxonomy import Taxonomy

_ARXIV_LINK = re.compile(r"^https://arxiv\.org/(?:abs|pdf|html)/([0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?(?:\.pdf)?/?$")
_ARXIV_ID = re.compile(r"^([0-9]{2})([0-9]{2})\.[0-9]{4,5}$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
PLACEHOLDERS = {"unknown", "tbd", "tba", "todo", "fixme", "xxx", "?", "??", "...", "…", "n/a", "na", "-"}


def check(study: Study, taxonomy: Taxonomy, today: _dt.date) -> list[Issue]:
    data = study.data
    issues: list[Issue] = []
    issues += _identity(study)
    issues += _dates(data, today)
    issues += _arxiv(data)
    if _suspect(data):
        issues += _values(data, ())
    issues += _trajectories(data)
    return issues


def _identity(study: Study) -> list[Issue]:
    study_id = study.data.get("id")
    if isinstance(study_id, str) and study_id != study.stem:
        return [Issue("E301", f"id '{study_id}' differs from the file name '{study.stem}.md'", ("id",))]
    return []


def parse_date(value) -> _dt.date | None:
    match = _DATE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return _dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _dates(data: dict, today: _dt.date) -> list[Issue]:
    value = data.get("date")
    if not isinstance(value, str) or not _DATE.match(value):
        return []  # the schema reports the format
    date = parse_date(value)
    if date is None:
        return [Issue("E308", f"date '{value}' is not a calendar date", ("date",))]
    issues = []
    if date > today:
        issues.append(Issue("E307", f"date {value} is after today ({today.isoformat()})", ("date",)))
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and year != date.year:
        issues.append(Issue("E306", f"year {year} differs from the year of date {value}", ("year",)))
    return issues


_ANNOUNCE_DELAY = 2  # months between a v1 submission and its announcement (cut-off, moderation hold)


def _arxiv(data: dict) -> list[Issue]:
    arxiv = data.get("arxiv")
    links = data.get("links") if isinstance(data.get("links"), dict) else {}
    paper = links.get("paper")
    issues = []
    linked = _ARXIV_LINK.match(paper) if isinstance(paper, str) else None
    if linked and isinstance(arxiv, str) and linked[1] != arxiv:
        issues.append(Issue("E309", f"arxiv '{arxiv}' differs from links.paper, which points at {linked[1]}", ("arxiv",)))
    if linked and arxiv is None:
        issues.append(Issue("E309", f"links.paper is the arXiv paper {linked[1]}; add `arxiv: \"{linked[1]}\"`", ("links", "paper")))
    parts = _ARXIV_ID.match(arxiv) if isinstance(arxiv, str) else None
    date = parse_date(data.get("date"))
    if parts and date is not None:
        # arXiv assigns the id when a submission is announced, so its YYMM is the month version 1
        # was announced. A date after that month is a later version's. A date before it is normal
        # for a submission made late in a month or held in moderation, up to _ANNOUNCE_DELAY
        # months; earlier than that, the first public version was not on arXiv, and links.paper
        # must point at it.
        month = (2000 + int(parts[1]), int(parts[2]))
        shown = f"{month[0]}-{month[1]:02d}"
        gap = (month[0] - date.year) * 12 + month[1] - date.month
        if gap < 0:
            issues.append(Issue(
                "E310", f"arXiv id {arxiv} was assigned in {shown}, but date is {data['date']}, later; use the date of version 1",
                ("date",),
            ))
        elif gap > _ANNOUNCE_DELAY and linked:
            issues.append(Issue(
                "E310",
                f"arXiv id {arxiv} was assigned in {shown}, {gap} months after date {data['date']}; use the date of version 1, "
                "or point links.paper at the earlier first public version",
                ("date",),
            ))
    return issues


_LONGEST_PLACEHOLDER = max(len(p) for p in PLACEHOLDERS)


def _suspect(data) -> bool:
    """Whether any string looks like a placeholder or any float is not finite; cheap, no paths."""
    stack = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
        elif kind is str:
            if len(value) <= _LONGEST_PLACEHOLDER + 2 and value.strip().lower() in PLACEHOLDERS:
                return True
        elif kind is float and not math.isfinite(value):
            return True
    return False


def _values(value, path: tuple) -> list[Issue]:
    """Placeholders and non-finite numbers anywhere in the front matter."""
    issues = []
    if isinstance(value, dict):
        for key, item in value.items():
            issues += _values(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            issues += _values(item, path + (index,))
    elif isinstance(value, str):
        if value.strip().lower() in PLACEHOLDERS:
            issues.append(Issue("E311", f"'{value}' is a placeholder; look the fact up or write `undisclosed`", path))
    elif isinstance(value, float) and not math.isfinite(value):
        issues.append(Issue("E205", f"{value!r} is not a finite number", path))
    return issues


def _trajectories(data: dict) -> list[Issue]:
    record = data.get("record") if isinstance(data.get("record"), dict) else {}
    behaviors = record.get("behavior") if isinstance(record.get("behavior"), list) else []
    if "agent-trajectory" in behaviors and "trajectories" not in data:
        return [Issue(
            "E313",
            "record.behavior includes agent-trajectory; say whether failed and partial trajectories are kept "
            "with `trajectories: {failed: kept|dropped|undisclosed, partial: ..., source: ...}`",
            ("record", "behavior"),
        )]
    return []
