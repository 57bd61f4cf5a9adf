"""The Markdown body has the required sections, each with text."""
from __future__ import annotations

from scripts.issue import Issue
from scripts.records import Study
from scripts.taxonomy import Taxonomy


def check(study: Study, taxonomy: Taxonomy) -> list[Issue]:
    issues = []
    by_title: dict[str, list] = {}
    for heading in study.headings:
        by_title.setdefault(heading.title.casefold(), []).append(heading)
    last_line = study.headings[-1].line if study.headings else study.body_line
    for section in taxonomy.terms("body_sections"):
        found = by_title.get(section.label.casefold(), [])
        if not found:
            issues.append(Issue("E401", f"the body has no `## {section.label}` section ({section.definition})", line=last_line))
            continue
        if len(found) > 1:
            issues.append(Issue("E403", f"`## {section.label}` appears {len(found)} times", line=found[1].line))
        if not found[0].has_text:
            issues.append(Issue("E402", f"`## {section.label}` is empty: {section.definition}", line=found[0].line))
    return issues
