"""`make query Q='feedback=execution year>=2025'`: filter studies on any field.

A query is a list of conditions, all of which must hold. A condition is `field OP value` with
OP one of `=`, `!=`, `>=`, `<=`, `>`, `<`, `~` (contains, case-insensitive). A field is a
short name from FIELDS or any dotted path into the front matter (`disclosure.verifier`,
`scale.examples`). On a list, `=` means "one of the items equals" and `!=` "none equals".
Numbers compare as numbers, dates and years as written.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from scripts.derived import Entry, field

# Short names for the fields people ask about most; anything else is a dotted path.
FIELDS = {
    "task": ("record", "task"),
    "behavior": ("record", "behavior"),
    "feedback": ("record", "feedback"),
    "granularity": ("record", "granularity"),
    "steps": ("construction", "steps"),
    "step": ("construction", "steps"),
    "generators": ("construction", "generators"),
    "generator": ("construction", "generators"),
    "derived_from": ("construction", "derived_from"),
    "examples": ("scale", "examples"),
    "prompts": ("scale", "prompts"),
    "tokens": ("scale", "tokens"),
    "domain": ("domains",),
    "paper": ("links", "paper"),
}
DERIVED = {
    "family": lambda e: list(e.families),
    "score": lambda e: e.score,
    "claim": lambda e: [f.get("claim") for f in e.findings],
    "stance": lambda e: [f.get("stance") for f in e.findings],
    "benchmark": lambda e: [r.get("benchmark") for r in e.results],
    "size": lambda e: e.size[1] if e.size else None,
}
_CONDITION = re.compile(r"^([A-Za-z_][\w.\-]*)\s*(!=|>=|<=|=|>|<|~)\s*(.+)$")


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: str

    def value_of(self, entry: Entry):
        if self.field in DERIVED:
            return DERIVED[self.field](entry)
        path = FIELDS.get(self.field) or tuple(self.field.split("."))
        return field(entry.data, *path)

    def holds(self, entry: Entry) -> bool:
        actual = self.value_of(entry)
        if isinstance(actual, list):
            hits = [_compare(item, self.op if self.op != "!=" else "=", self.value) for item in actual]
            return not any(hits) if self.op == "!=" else any(hits)
        return _compare(actual, self.op, self.value)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _compare(actual, op: str, wanted: str) -> bool:
    if actual is None or isinstance(actual, (dict, list)):
        return op == "!="
    if op == "~":
        return wanted.casefold() in str(actual).casefold()
    if isinstance(actual, (int, float)) and not isinstance(actual, bool) and _number(wanted) is not None:
        left, right = float(actual), _number(wanted)
    else:
        left, right = str(actual), wanted
    return {
        "=": left == right, "!=": left != right, ">=": left >= right,
        "<=": left <= right, ">": left > right, "<": left < right,
    }[op]


def parse(query: str) -> tuple[list[Condition], list[str]]:
    """Conditions, and a message for each part that is not a condition."""
    conditions, errors = [], []
    for part in query.split():
        match = _CONDITION.match(part)
        if match:
            conditions.append(Condition(*match.groups()))
        else:
            errors.append(f"'{part}' is not a condition; write field=value, field>=value, field~text (fields: "
                          f"{', '.join(sorted(FIELDS) + sorted(DERIVED))}, or a dotted path such as disclosure.verifier)")
    return conditions, errors


def select(entries: list[Entry], conditions: list[Condition]) -> list[Entry]:
    return [e for e in entries if all(c.holds(e) for c in conditions)]


def rows(entries: list[Entry]) -> list[dict]:
    return [
        {
            "id": e.id,
            "year": e.year,
            "short_name": e.short_name,
            "kind": ", ".join(e.kinds),
            "feedback": ", ".join(e.feedback),
            "size": f"{e.size[1]:g} {e.size[0]}" if e.size else "",
            "disclosure": e.score,
            "path": e.study.rel,
        }
        for e in entries
    ]


def as_json(entries: list[Entry]) -> str:
    return json.dumps([dict(e.data, path=e.study.rel, disclosure_score=e.score) for e in entries], ensure_ascii=False, indent=2)
