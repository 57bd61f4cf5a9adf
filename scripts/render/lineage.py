"""The lineage graph (`derived_from`) as Mermaid diagrams that GitHub renders.

Releases are grouped into connected components, one diagram each; a component too large to
read is split into one diagram per release that others were built from. Parents that studies
name in their Caveats as not catalogued yet are listed last: the releases most worth adding.
"""
from __future__ import annotations

from collections import defaultdict

from scripts.derived import Entry
from scripts.records import name_key
from scripts.render import md

MAX_NODES = 30


def edges(entries: list[Entry]) -> list[tuple[str, str]]:
    """(parent id, child id) for every derived_from that names a catalogued study."""
    ids = {e.id for e in entries}
    return sorted({(p, e.id) for e in entries for p in e.derived_from if p in ids and p != e.id})


def _components(nodes: set[str], pairs: list[tuple[str, str]]) -> list[list[str]]:
    parent = {n: n for n in nodes}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        groups[find(n)].append(n)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


def _node_id(study_id: str) -> str:
    return "n_" + study_id.replace("-", "_")


def _label(text: str) -> str:
    # Mermaid labels live in double quotes; entity codes keep quotes and angle brackets inert.
    return str(text).replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _diagram(nodes: list[str], pairs: list[tuple[str, str]], names: dict[str, str]) -> str:
    lines = ["```mermaid", "flowchart LR"]
    for node in nodes:
        lines.append(f'  {_node_id(node)}["{_label(names[node])}"]')
    for a, b in pairs:
        lines.append(f"  {_node_id(a)} --> {_node_id(b)}")
    lines.append("```")
    return "\n".join(lines) + "\n"


def pending(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Each parent named as not catalogued yet, with the studies that name it; most named first.
    Names that differ only in case or spacing are one parent."""
    by_key: dict[str, list] = defaultdict(list)
    shown: dict[str, str] = {}
    for entry in entries:
        for name, _line in entry.study.pending:
            key = name_key(name)
            shown.setdefault(key, name)
            if entry not in by_key[key]:
                by_key[key].append(entry)
    return [(shown[k], sorted(v, key=lambda e: e.id)) for k, v in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _pending_section(entries: list[Entry]) -> str:
    wanted = pending(entries)
    if not wanted:
        return ""
    rows = [[md.text(name), str(len(named)), ", ".join(md.link(e.short_name, f"../studies/{e.stem}.md") for e in named)]
            for name, named in wanted]
    return ("\n## Parents not catalogued yet\n\nReleases that catalogued studies were built from, named in their "
            "Caveats because no study records them yet. Adding one lets its children link to it.\n\n"
            + md.table(["Parent", "Studies", "Named by"], rows))


def render(entries: list[Entry]) -> str:
    pairs = edges(entries)
    if not pairs:
        return "No study records a `derived_from` link yet.\n" + _pending_section(entries)
    names = {e.id: e.short_name for e in entries}
    nodes = {n for pair in pairs for n in pair}
    out = ["An arrow runs from a release to a release built from it. Each diagram is one connected family.\n"]
    components = _components(nodes, pairs)
    component_of = {node: index for index, component in enumerate(components) for node in component}
    pairs_of: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pair in pairs:
        pairs_of[component_of[pair[0]]].append(pair)
    for number, component in enumerate(components, start=1):
        inner = pairs_of[number - 1]
        head = names[component[0]] if len(component) == 1 else ", ".join(names[n] for n in component[:3]) + ("…" if len(component) > 3 else "")
        out.append(f"\n## Family {number}: {md.text(head)}\n")
        if len(component) <= MAX_NODES:
            out.append("\n" + _diagram(component, inner, names))
            continue
        parents = sorted({a for a, _ in inner})
        for hub in parents:
            around = [p for p in inner if p[0] == hub]
            hub_nodes = sorted({hub} | {b for _, b in around})
            out.append(f"\n### Built from {md.text(names[hub])}\n\n" + _diagram(hub_nodes, around, names))
    rows = [[md.link(names[b], f"../studies/{b}.md"), md.link(names[a], f"../studies/{a}.md")] for a, b in pairs]
    out.append("\n## All links\n\n" + md.table(["Release", "Built from"], rows))
    out.append(_pending_section(entries))
    return "".join(out)
