"""The front matter is in canonical form (see scripts/canonical.py); one problem per file."""
from __future__ import annotations

from scripts import canonical
from scripts.issue import Issue
from scripts.records import Study


def check(study: Study, ranks: dict) -> list[Issue]:
    """`ranks` is canonical.orders(schema), computed once per run."""
    found = canonical.departures(study.data, study.flow, ranks)
    if not found:
        return []
    path, what = found[0]
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return [Issue("E701", f"not in canonical form: {what}{more}; run `make fmt`", path)]
