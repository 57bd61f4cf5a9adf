"""Reporting problems: plain `path:line:col: CODE message` lines, or GitHub annotations."""
from __future__ import annotations

from collections import Counter

from scripts.problems import CODES, Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problem: Problem) -> str:
    where = f"file={_escape_property(problem.path)}"
    if problem.line:
        where += f",line={problem.line}"
        if problem.col:
            where += f",col={problem.col}"
    title = f"{problem.code} {CODES[problem.code].name}" if problem.code in CODES else problem.code
    return f"::error {where},title={_escape_property(title)}::{_escape_data(problem.message)}"


def lines(problems: list[Problem], annotations: bool) -> list[str]:
    out = [p.format() for p in problems]
    if annotations:
        out += [github(p) for p in problems]
    return out


def summary(problems: list[Problem], files: int) -> str:
    if not problems:
        return f"ok: {files} studies, no problems"
    per_code = Counter(p.code for p in problems)
    codes = ", ".join(f"{code}×{n}" for code, n in sorted(per_code.items()))
    bad_files = len({p.path for p in problems})
    return f"{len(problems)} problem(s) in {bad_files} file(s) ({codes}); the table of codes is in CONTRIBUTING.md"
