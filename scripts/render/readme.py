"""The README's generated sections, and splicing them between markers.

Only text between `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->` is
replaced. A missing, repeated or unknown marker is reported, never repaired silently.
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

from scripts.derived import Entry, human_number
from scripts.problems import CODES, Problem
from scripts.render import md, views
from scripts.taxonomy import Taxonomy

_MARKER = re.compile(r"<!-- (BEGIN|END) GENERATED: ([a-z0-9-]+) -->")


def _badge(label: str, value: str, colour: str) -> str:
    def part(s: str) -> str:
        return quote(s.replace("-", "--").replace("_", "__"), safe="")

    return f"![{md.text(label)}: {md.text(value)}](https://img.shields.io/badge/{part(label)}-{part(value)}-{colour})"


def badges(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    years = [e.year for e in entries if e.year is not None]
    span = f"{min(years)}–{max(years)}" if years else "none"
    findings = sum(len(e.findings) for e in entries)
    tally = views.claim_tally(entries)
    contested = sum(1 for c in taxonomy.ids("claims") if tally[c]["supports"] and tally[c]["contradicts"])
    return " ".join([
        _badge("studies", str(len(entries)), "blue"),
        _badge("years", span, "informational"),
        _badge("findings", str(findings), "green"),
        _badge("contested claims", str(contested), "orange"),
    ]) + "\n"


def counts(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    kind_counts = Counter(k for e in entries for k in e.kinds)
    family_counts = Counter(f for e in entries for f in e.families)
    rows_kind = [[md.text(t.label), str(kind_counts.get(t.id, 0))] for t in taxonomy.terms("kinds")]
    rows_family = [[md.text(t.label), md.text(t.definition), str(family_counts.get(t.id, 0))] for t in taxonomy.terms("feedback_families")]
    return (
        f"{len(entries)} studies. By kind (a study may be several):\n\n"
        + md.table(["Kind", "Studies"], rows_kind, ["l", "r"])
        + "\nBy the check that made the signal:\n\n"
        + md.table(["Feedback family", "Meaning", "Studies"], rows_family, ["l", "l", "r"])
    )


def objects(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    pairs = Counter((b, f) for e in entries for b in e.behaviors for f in e.families)
    top = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    rows = [[md.text(taxonomy.label("behaviors", b)), md.text(taxonomy.label("feedback_families", f)), str(n)] for (b, f), n in top]
    return ("The most common data objects, as behavior checked by a feedback family:\n\n"
            + md.table(["Behavior", "Checked by", "Studies"], rows, ["l", "l", "r"])
            + "\nFull matrix and lists: [views/objects.md](views/objects.md).\n")


def _status(counts) -> str:
    if counts["supports"] and counts["contradicts"]:
        return "**contested**"
    if counts["supports"]:
        return "supported"
    if counts["contradicts"]:
        return "disputed"
    return "qualified only" if counts["qualifies"] else "no evidence yet"


def usefulness(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    tally = views.claim_tally(entries)
    ranked = sorted(taxonomy.terms("claims"), key=lambda c: (-sum(tally[c.id].values()), c.id))[:10]
    rows = [[md.link(c.label, f"views/claims.md#{md.anchor(c.label)}")] + [str(tally[c.id][s]) for s in ("supports", "contradicts", "qualifies")]
            + [_status(tally[c.id])] for c in ranked]
    contested = [c for c in taxonomy.terms("claims") if tally[c.id]["supports"] and tally[c.id]["contradicts"]]
    out = ("Claims with the most evidence (studies that support, contradict or qualify them):\n\n"
           + md.table(["Claim", "Supports", "Contradicts", "Qualifies", "Status"], rows, ["l", "r", "r", "r", "l"]))
    if contested:
        out += ("\nContested, with evidence on both sides: "
                + ", ".join(md.link(c.label, f"views/claims.md#{md.anchor(c.label)}") for c in contested) + ".\n")
    return out + "\nEvery claim with notes and locators: [views/claims.md](views/claims.md); by factor: [views/usefulness.md](views/usefulness.md).\n"


def construction(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    steps = Counter(t for e in entries for t in set(e.steps))
    rows = [[md.text(taxonomy.label("construction_steps", step)), str(n)] for step, n in sorted(steps.items(), key=lambda kv: (-kv[1], kv[0]))[:8]]
    generators = Counter(g for e in entries for g in set(e.generators) if g not in ("human", "undisclosed"))
    top = [[md.text(g), str(n)] for g, n in sorted(generators.items(), key=lambda kv: (-kv[1], kv[0]))[:6]]
    return ("The most common construction steps:\n\n" + md.table(["Step", "Studies"], rows, ["l", "r"])
            + "\nThe models most often named as writing the behavior (teachers, policies, annotators):\n\n"
            + md.table(["Generator", "Studies"], top, ["l", "r"])
            + "\nAll steps, generators and lineage: [views/construction.md](views/construction.md), [views/lineage.md](views/lineage.md).\n")


def scale(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    largest = sorted((e for e in entries if e.size), key=lambda e: (-e.size[1], e.id))[:6]
    rows = [[views.study_link(e, "studies/"), f"{human_number(e.size[1])} {e.size[0]}", views.labels(taxonomy, "training_regimes", e.training)]
            for e in largest]
    sized = sum(1 for e in entries if e.size)
    return ("The largest releases by stated size:\n\n" + md.table(["Study", "Size", "Used for"], rows, ["l", "r", "l"])
            + f"\n{sized} of {len(entries)} studies state a data size. Results against data size, by benchmark and regime: "
            "[views/scale.md](views/scale.md).\n")


def disclosure(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    ranked = sorted(entries, key=lambda e: (-e.score, e.id))
    rows = [[views.study_link(e, "studies/"), f"{e.score:.1f}"] for e in ranked[:5]]
    low = [[views.study_link(e, "studies/"), f"{e.score:.1f}"] for e in ranked[-5:][::-1]] if len(ranked) > 5 else []
    out = "Most fully disclosed releases (score out of 100):\n\n" + md.table(["Study", "Score"], rows, ["l", "r"])
    if low:
        out += "\nLeast disclosed:\n\n" + md.table(["Study", "Score"], low, ["l", "r"])
    out += "\nAverage score by kind of study:\n\n" + views.score_by_kind(taxonomy, entries)
    return out + "\nThe whole ledger, item by item: [views/disclosure.md](views/disclosure.md).\n"


def recent(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    rows = [[md.text(e.date), views.study_link(e, "studies/"), md.text(e.title)] for e in entries[::-1][:10]]
    return md.table(["Date", "Study", "Title"], rows) + "\nBy year: [views/timeline.md](views/timeline.md); everything: [views/catalogue.md](views/catalogue.md).\n"


def error_codes(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    rows = [[f"`{c.code}`", md.text(c.name), md.text(c.meaning), md.text(c.fix)] for c in CODES.values()]
    return md.table(["Code", "Name", "Meaning", "How to fix"], rows)


def record_fields(taxonomy: Taxonomy, entries: list[Entry], schema: dict) -> str:
    required = set(schema["required"])
    rows = [[f"`{name}`", "yes" if name in required else "", md.text(prop.get("description", ""))]
            for name, prop in schema["properties"].items()]
    return md.table(["Field", "Required", "Meaning"], rows)


README_BLOCKS = {
    "badges": badges,
    "counts": counts,
    "objects": objects,
    "usefulness": usefulness,
    "construction": construction,
    "scale": scale,
    "disclosure": disclosure,
    "recent": recent,
}
CONTRIBUTING_BLOCKS = {
    "record-fields": record_fields,
    "error-codes": error_codes,
}


def render(taxonomy: Taxonomy, entries: list[Entry]) -> dict[str, str]:
    return {name: make(taxonomy, entries) for name, make in README_BLOCKS.items()}


def render_contributing(taxonomy: Taxonomy, entries: list[Entry], schema: dict) -> dict[str, str]:
    return {"record-fields": record_fields(taxonomy, entries, schema), "error-codes": error_codes(taxonomy, entries)}


def splice(text: str, blocks: dict[str, str], rel: str) -> tuple[str | None, list[Problem]]:
    """Replace each block's content between its markers; report marker problems instead."""
    found: dict[str, list[tuple[str, int, re.Match]]] = {}
    for match in _MARKER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        found.setdefault(match.group(2), []).append((match.group(1), line, match))
    problems = []
    for name in sorted(set(found) - set(blocks)):
        line = found[name][0][1]
        problems.append(Problem(rel, line, 1, "E502", f"marker for unknown generated section '{name}'; known: {', '.join(blocks)}"))
    spans = []
    for name in blocks:
        marks = found.get(name, [])
        kinds = [kind for kind, _, _ in marks]
        if kinds != ["BEGIN", "END"]:
            line = marks[0][1] if marks else 1
            problems.append(Problem(
                rel, line, 1, "E502",
                f"generated section '{name}' needs exactly one BEGIN marker followed by one END marker, found {kinds or 'none'}",
            ))
            continue
        spans.append((marks[0][2].end(), marks[1][2].start(), name, marks[0][1]))
    spans.sort()
    for (_, end, name, _), (start, _, other, line) in zip(spans, spans[1:]):
        if start < end:
            problems.append(Problem(rel, line, 1, "E502", f"generated section '{other}' starts inside '{name}'"))
    if problems:
        return None, problems
    out = []
    cursor = 0
    for start, end, name, _ in spans:
        out.append(text[cursor:start])
        out.append("\n" + blocks[name].rstrip("\n") + "\n")
        cursor = end
    out.append(text[cursor:])
    return "".join(out), []
