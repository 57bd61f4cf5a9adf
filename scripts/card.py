"""`make card CARD=<path>`: check a release card and score what it discloses.

A release card is a study record written by a release's own authors before publishing. It is
checked like a study (except that its file name need not equal its id), then scored on the
attribution checklist; what it leaves undisclosed is listed in the checklist's order, which is
the order of what matters most for crediting a gain to the data.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from scripts import derived, pipeline
from scripts.layout import Layout
from scripts.problems import Problem

FILE_NAME_CODES = {"E301"}  # a card is not filed under studies/, so its name may differ from its id


def check(layout: Layout, card: Path, today: _dt.date) -> list[Problem]:
    return [p for p in pipeline.lint(layout, [card], today) if p.code not in FILE_NAME_CODES]


def report(layout: Layout, card: Path) -> str:
    """The score, what is missing in order of importance, and where the card stands among catalogued releases."""
    loaded = pipeline.load(layout)
    taxonomy = loaded.taxonomy
    from scripts import records

    study = records.read_study(card.resolve(), layout)
    disclosure = study.data.get("disclosure", {}) if not isinstance(study, Problem) else {}
    notes = study.data.get("disclosure_notes", {}) if not isinstance(study, Problem) else {}
    score = derived.disclosure_score(disclosure, taxonomy)
    lines = [f"disclosure score: {score:.1f} / 100 (full counts 1, partial 0.5, none 0, over {len(taxonomy.ids('disclosure_items'))} items)"]
    missing = derived.undisclosed(disclosure, taxonomy)
    if missing:
        lines.append("not fully disclosed, most important first:")
        for rank, item in enumerate(missing, start=1):
            term = taxonomy.term("disclosure_items", item)
            level = disclosure.get(item, "none")
            note = f" ({notes[item]})" if isinstance(notes, dict) and item in notes else ""
            lines.append(f"  {rank:>2}. {term.label} [{level}]: {term.definition}{note}")
    else:
        lines.append("every checklist item is fully disclosed")
    scores = sorted(derived.disclosure_score(s.data.get("disclosure", {}), taxonomy) for s in loaded.studies)
    if scores:
        below = sum(1 for s in scores if s < score)
        lines.append(f"{below} of {len(scores)} catalogued releases score lower")
    return "\n".join(lines)
