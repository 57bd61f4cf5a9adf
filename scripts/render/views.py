"""The generated pages under views/: each answers one question from the records.

Every function takes the taxonomy and the entries (sorted by date, then id) and returns Markdown text. Study
links are relative (`../studies/<id>.md`) so they work on GitHub and in a clone.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict

from scripts.derived import Entry, human_number
from scripts.render import lineage, md, scaleplot
from scripts.taxonomy import Taxonomy

PAGES = {
    "objects.md": ("What data objects exist?", "The catalogue by data object (behavior) and by the check that made the signal (feedback family)."),
    "usefulness.md": ("What makes them useful?", "Which studies give evidence about each usefulness factor, and the claims they bear on."),
    "construction.md": ("How are they constructed?", "Construction steps, who generated the behavior, and which releases were built from which."),
    "scale.md": ("How do they scale?", "Recorded results against data size, by benchmark and training regime."),
    "claims.md": ("Claims ledger", "Every claim with the studies that support, contradict or qualify it."),
    "disclosure.md": ("Disclosure ledger", "Every release ranked by what it discloses about how its data came about."),
    "lineage.md": ("Lineage", "Which releases were built from which, as diagrams, and the parents not catalogued yet."),
    "domains.md": ("By domain", "Studies grouped by subject area."),
    "timeline.md": ("Timeline", "Studies by year of first release."),
    "catalogue.md": ("Catalogue", "Every study in one table."),
}


_LINKS: dict[tuple[str, str, str], str] = {}


def study_link(entry: Entry, prefix: str = "../studies/") -> str:
    """`[short name](../studies/<id>.md)`; ids are kebab-case, so the path needs no escaping."""
    key = (entry.stem, entry.short_name, prefix)
    link = _LINKS.get(key)
    if link is None:
        link = _LINKS[key] = f"[{md.text(entry.short_name)}]({prefix}{entry.stem}.md)"
    return link


# Labels repeat on every row; escaping depends only on the text, so each is escaped once.
_escaped = functools.lru_cache(maxsize=4096)(md.text)


def labels(taxonomy: Taxonomy, vocabulary: str, ids) -> str:
    """Escaped labels of terms, comma-separated."""
    return ", ".join(_escaped(taxonomy.label(vocabulary, i)) for i in ids)


def _page(filename: str, body: str) -> str:
    title, intro = PAGES[filename]
    return f"{md.HEADER}# {title}\n\n{intro}\n\n[All views](README.md)\n\n{body}"


def _study_row(entry: Entry, taxonomy: Taxonomy) -> list[str]:
    size = entry.size
    return [
        study_link(entry),
        str(entry.year or ""),
        labels(taxonomy, "kinds", entry.kinds),
        labels(taxonomy, "behaviors", entry.behaviors),
        labels(taxonomy, "feedback", entry.feedback),
        f"{human_number(size[1])} {size[0]}" if size else "",
    ]


_STUDY_HEADERS = ["Study", "Year", "Kind", "Behavior", "Check", "Size"]


def index(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    rows = [[md.link(title, name), md.text(intro)] for name, (title, intro) in PAGES.items()]
    return (
        f"{md.HEADER}# Views\n\nPages generated from the {len(entries)} study records. "
        "Each answers one question; none is edited by hand.\n\n" + md.table(["Page", "What it answers"], rows)
    )


def _members(entries: list[Entry], attribute: str, term: str) -> list[Entry]:
    return [e for e in entries if term in getattr(e, attribute)]


def _claim_table(taxonomy: Taxonomy, entries: list[Entry], question: str) -> str:
    tally = claim_tally(entries)
    rows = [
        [md.link(c.label, f"claims.md#{md.anchor(c.label)}"), md.text(c.definition)]
        + [str(tally[c.id][s]) for s in ("supports", "contradicts", "qualifies")]
        for c in taxonomy.terms("claims") if c.question == question
    ]
    return md.table(["Claim", "Statement", "Supports", "Contradicts", "Qualifies"], rows, ["l", "l", "r", "r", "r"])


def _cell_title(taxonomy: Taxonomy, behavior: str, family: str) -> str:
    return f"{taxonomy.label('behaviors', behavior)} × {taxonomy.label('feedback_families', family)}"


def objects(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    family_ids = taxonomy.ids("feedback_families")
    cells: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        for behavior in entry.behaviors:
            for family in entry.families:
                cells[(behavior, family)].append(entry)
    headers = ["Behavior \\ check"] + [
        md.link(taxonomy.label("feedback_families", f), f"#{md.anchor(taxonomy.label('feedback_families', f) + ' checks')}")
        for f in family_ids
    ]
    rows = []
    for behavior in taxonomy.ids("behaviors"):
        members = [cells.get((behavior, f), []) for f in family_ids]
        if any(members):
            rows.append([md.text(taxonomy.label("behaviors", behavior))] + [
                f"[{len(m)}](#{md.anchor(_cell_title(taxonomy, behavior, f))})" if m else ""
                for f, m in zip(family_ids, members)
            ])
    out = ["## Matrix\n\nStudies per behavior (rows) and feedback family of the check (columns); a study counts in every "
           "cell it spans. Each count links to its studies.\n",
           md.table(headers, rows, ["l"] + ["r"] * len(family_ids))]
    out.append("\n## Studies by cell\n")
    for behavior in taxonomy.ids("behaviors"):
        for family in family_ids:
            members = cells.get((behavior, family))
            if members:
                out.append(f"\n### {md.text(_cell_title(taxonomy, behavior, family))}\n\n"
                           + ", ".join(study_link(e) for e in members) + "\n")
    for family in family_ids:
        members = _members(entries, "families", family)
        label = taxonomy.label("feedback_families", family)
        out.append(f"\n## {label} checks\n\n{md.text(taxonomy.term('feedback_families', family).definition)}\n")
        if not members:
            out.append("\nNo study yet.\n")
            continue
        out.append("\n" + md.table(_STUDY_HEADERS, [_study_row(e, taxonomy) for e in members]))
    task_counts = Counter(t for e in entries for t in e.tasks)
    rows = [[md.text(t.label), md.text(t.definition), str(task_counts.get(t.id, 0))] for t in taxonomy.terms("task_sources")]
    out.append("\n## Where tasks come from\n\n" + md.table(["Task source", "Definition", "Studies"], rows, ["l", "l", "r"]))
    return _page("objects.md", "\n".join(out))


def _term_table(taxonomy: Taxonomy, entries: list[Entry], vocabulary: str, attribute: str, heading: str) -> str:
    """One row per term of a vocabulary: label, definition, how many studies carry it, and which."""
    rows = []
    for term in taxonomy.terms(vocabulary):
        members = _members(entries, attribute, term.id)
        rows.append([md.text(term.label), md.text(term.definition), str(len(members)), ", ".join(study_link(e) for e in members)])
    return md.table([heading, "Definition", "Studies", "Which"], rows, ["l", "l", "r", "l"])


def usefulness(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    out = ["## Evidence by factor\n\n" + _term_table(taxonomy, entries, "usefulness_factors", "usefulness", "Factor")]
    out.append("\n## Claims about usefulness\n\nSee the [claims ledger](claims.md) for every note and locator.\n\n"
               + _claim_table(taxonomy, entries, "usefulness"))
    return _page("usefulness.md", "\n".join(out))


def construction(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    out = ["## Studies by construction step\n\n" + _term_table(taxonomy, entries, "construction_steps", "steps", "Step")]
    generators: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for generator in entry.generators:
            generators[generator].append(entry)
    ranked = sorted(generators.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold(), kv[0]))
    rows = [[md.text(name), str(len(members)), ", ".join(study_link(e) for e in members)] for name, members in ranked]
    out.append("\n## Who wrote the behavior\n\nModels (or people) named as generators, by number of studies.\n\n"
               + md.table(["Generator", "Studies", "Which"], rows, ["l", "r", "l"]))
    out.append("\n## Claims about construction\n\n" + _claim_table(taxonomy, entries, "construction"))
    out.append("\nThe [lineage page](lineage.md) shows which releases were built from which.\n")
    return _page("construction.md", "\n".join(out))


def scale(taxonomy: Taxonomy, entries: list[Entry], points: list[scaleplot.Point]) -> str:
    rows = []
    for entry in entries:
        if entry.size is None:
            continue
        rows.append([study_link(entry)] + [human_number(entry.count(n)) for n in ("examples", "prompts", "responses_per_prompt", "tokens")]
                    + [md.text(entry.scale.get("source", ""))])
    out = ["## Data size of each release\n\n" + md.table(
        ["Study", "Examples", "Prompts", "Responses / prompt", "Tokens", "Source"], rows, ["l", "r", "r", "r", "r", "l"])]
    out.append("\n## Results against data size\n\nEach point is a recorded result whose study states the training data behind "
               "that score: examples for supervised training (grouped as distillation when the study distils), prompts for RL. Results without a stated size (base models, "
               "baselines trained on other data) are left out rather than placed at the study's headline size.\n")
    if points:
        out.append("\n![Results against data size](scale.svg)\n")
    by_group: dict[tuple[str, str], list] = defaultdict(list)
    for point in points:
        by_group[(point.benchmark, point.regime)].append(point)
    for (benchmark, regime), group in sorted(by_group.items()):
        out.append(f"\n### {md.text(taxonomy.label('benchmarks', benchmark))}, {md.text(taxonomy.label('training_regimes', regime))}\n")
        rows = [[study_link(p.entry), md.text(p.model), f"{human_number(p.size)} {p.size_kind}", f"{p.score:g}",
                 md.text(p.metric), md.text(p.setting), md.text(p.source)] for p in group]
        out.append("\n" + md.table(["Study", "Model", "Data size", "Score", "Metric", "Setting", "Source"], rows,
                                    ["l", "l", "r", "r", "l", "l", "l"]))
    if not points:
        out.append("\nNo study records both a data size and a result yet.\n")
    return _page("scale.md", "\n".join(out))


def claim_tally(entries: list[Entry]) -> dict[str, Counter]:
    tally: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:
        for finding in entry.findings:
            tally[finding.get("claim")][finding.get("stance")] += 1
    return tally


def claims(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    tally = claim_tally(entries)
    evidence: dict[str, list[tuple[Entry, dict]]] = defaultdict(list)
    for entry in entries:
        for finding in entry.findings:
            evidence[finding.get("claim")].append((entry, finding))
    summary_rows = []
    sections = []
    for claim in taxonomy.terms("claims"):
        counts = tally[claim.id]
        contested = counts["supports"] and counts["contradicts"]
        status = ("**contested**" if contested else "supported" if counts["supports"] else "disputed" if counts["contradicts"]
                  else "qualified only" if counts["qualifies"] else "no evidence yet")
        summary_rows.append([md.link(claim.label, f"#{md.anchor(claim.label)}"), md.text(taxonomy.label("questions", claim.question))]
                            + [str(counts[s]) for s in ("supports", "contradicts", "qualifies")] + [status])
        body = [f"\n## {md.text(claim.label)}\n\n> {md.text(claim.definition)}\n"]
        if contested:
            body.append("\n**Contested:** studies disagree.\n")
        for stance in ("supports", "contradicts", "qualifies"):
            items = [(e, f) for e, f in evidence[claim.id] if f.get("stance") == stance]
            if items:
                rows = [[study_link(e), str(e.year or ""), md.text(f.get("note", "")), md.text(f.get("source", ""))] for e, f in items]
                body.append(f"\n### {taxonomy.label('stances', stance)} ({len(items)})\n\n" + md.table(["Study", "Year", "Evidence", "Where"], rows))
        if not evidence[claim.id]:
            body.append("\nNo study records evidence on this claim yet.\n")
        sections.append("".join(body))
    head = md.table(["Claim", "Question", "Supports", "Contradicts", "Qualifies", "Status"], summary_rows, ["l", "l", "r", "r", "r", "l"])
    return _page("claims.md", head + "".join(sections))


def score_by_kind(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    """Mean disclosure score and the least disclosed item, per kind of study."""
    rows = []
    for kind in taxonomy.terms("kinds"):
        members = [e for e in entries if kind.id in e.kinds]
        if not members:
            continue
        mean = sum(e.score for e in members) / len(members)
        none_counts = Counter(i for e in members for i in taxonomy.ids("disclosure_items") if e.disclosure.get(i) == "none")
        worst = sorted(none_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
        hidden = f"{md.text(taxonomy.label('disclosure_items', worst[0][0]))} ({worst[0][1]} of {len(members)})" if worst else ""
        rows.append([md.text(kind.label), str(len(members)), f"{mean:.1f}", hidden])
    return md.table(["Kind", "Studies", "Mean score", "Most often undisclosed"], rows, ["l", "r", "r", "l"])


def disclosure(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    items = taxonomy.terms("disclosure_items")
    mark = {"full": "●", "partial": "◐", "none": "○"}
    ranked = sorted(entries, key=lambda e: (-e.score, e.id))
    rows = [[str(rank), study_link(e), f"{e.score:.1f}"] + [mark.get(e.disclosure.get(i.id), "") for i in items]
            for rank, e in enumerate(ranked, start=1)]
    legend = ("● full · ◐ partial · ○ none. The score counts full as 1 and partial as 0.5, over the 13 items; "
              "columns run from what matters most for attribution to what matters least.\n\n")
    headers = ["#", "Study", "Score"] + [md.text(i.label) for i in items]
    definitions = md.table(["Item", "What it asks"], [[md.text(i.label), md.text(i.definition)] for i in items])
    undisclosed_rows = []
    for item in items:
        levels = Counter(e.disclosure.get(item.id) for e in entries)
        undisclosed_rows.append([md.text(item.label), str(levels["full"]), str(levels["partial"]), str(levels["none"])])
    return _page("disclosure.md", legend + md.table(headers, rows, ["r", "l", "r"] + ["c"] * len(items))
                 + "\n## By kind of study\n\n" + score_by_kind(taxonomy, entries)
                 + "\n## By checklist item\n\nHow many releases disclose each item fully, in part or not at all.\n\n"
                 + md.table(["Item", "Full", "Partial", "None"], undisclosed_rows, ["l", "r", "r", "r"])
                 + "\n## The checklist\n\n" + definitions)


def lineage_page(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    return _page("lineage.md", lineage.render(entries))


def domains(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    counts = Counter(d for e in entries for d in e.domains)
    rows = [[md.link(d.label, f"#{md.anchor(d.label)}") if counts.get(d.id) else md.text(d.label), str(counts.get(d.id, 0))]
            for d in taxonomy.terms("domains")]
    out = [md.table(["Domain", "Studies"], rows, ["l", "r"])]
    for domain in taxonomy.terms("domains"):
        members = _members(entries, "domains", domain.id)
        if members:
            out.append(f"\n## {md.text(domain.label)}\n\n{md.text(domain.definition)}\n\n"
                       + md.table(_STUDY_HEADERS, [_study_row(e, taxonomy) for e in members]))
    return _page("domains.md", "\n".join(out))


def timeline(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.year is not None:
            by_year[entry.year].append(entry)
    years = sorted(by_year, reverse=True)
    out = [md.table(["Year", "Studies"], [[md.link(str(y), f"#{y}"), str(len(by_year[y]))] for y in years], ["l", "r"])]
    for year in years:
        rows = [[md.text(e.date), study_link(e), md.text(e.title)] for e in by_year[year]]
        out.append(f"\n## {year}\n\n" + md.table(["Date", "Study", "Title"], rows))
    return _page("timeline.md", "\n".join(out))


def catalogue(taxonomy: Taxonomy, entries: list[Entry]) -> str:
    rows = [
        [study_link(e), md.text(e.title), str(e.year or ""), labels(taxonomy, "kinds", e.kinds),
         labels(taxonomy, "domains", e.domains), labels(taxonomy, "feedback", e.feedback), f"{e.score:.0f}"]
        for e in sorted(entries, key=lambda e: e.id)
    ]
    return _page("catalogue.md", md.table(["Study", "Title", "Year", "Kind", "Domains", "Check", "Disclosure"], rows,
                                          ["l", "l", "r", "l", "l", "l", "r"]))


def render(taxonomy: Taxonomy, entries: list[Entry], only: set[str] | None = None) -> dict[str, str]:
    """File name under views/ -> content; with `only`, just those pages (so that the pages can
    be rendered in two halves side by side)."""
    pages_of = {
        "README.md": lambda: index(taxonomy, entries),
        "objects.md": lambda: objects(taxonomy, entries),
        "usefulness.md": lambda: usefulness(taxonomy, entries),
        "construction.md": lambda: construction(taxonomy, entries),
        "scale.md": None,  # with scale.svg, from the same points
        "claims.md": lambda: claims(taxonomy, entries),
        "disclosure.md": lambda: disclosure(taxonomy, entries),
        "lineage.md": lambda: lineage_page(taxonomy, entries),
        "domains.md": lambda: domains(taxonomy, entries),
        "timeline.md": lambda: timeline(taxonomy, entries),
        "catalogue.md": lambda: catalogue(taxonomy, entries),
    }
    pages = {}
    for name, make in pages_of.items():
        if only is not None and name not in only:
            continue
        if make is not None:
            pages[name] = make()
            continue
        points = scaleplot.points(entries, taxonomy)
        pages["scale.md"] = scale(taxonomy, entries, points)
        svg = scaleplot.svg(points, taxonomy)
        if svg:
            pages["scale.svg"] = svg
    return pages

