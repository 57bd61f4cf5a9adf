"""Checks across studies: uniqueness, references that must resolve, and lineage notes that
must stay true as the catalogue grows."""
from __future__ import annotations

import re
from typing import Iterator

from scripts.issue import Issue
from scripts.records import Study, name_key

_VERSION = re.compile(r"v?\d")


def check(studies: list[Study]) -> Iterator[tuple[str, Issue]]:
    yield from _unique(studies, "id", "E302", lambda v: v)
    yield from _unique(studies, "arxiv", "E303", lambda v: v)
    yield from _unique(studies, "title", "E304", name_key)
    yield from _lineage(studies)
    yield from _pending(studies)


def _unique(studies: list[Study], key: str, code: str, normal) -> Iterator[tuple[str, Issue]]:
    first: dict[str, Study] = {}
    for study in studies:
        value = study.data.get(key)
        if not isinstance(value, str):
            continue
        seen = first.setdefault(normal(value), study)
        if seen is not study:
            yield study.rel, Issue(code, f"{key} '{value}' is also used by {seen.rel}", (key,))


def _derived(study: Study) -> list:
    construction = study.data.get("construction")
    derived = construction.get("derived_from") if isinstance(construction, dict) else None
    return derived if isinstance(derived, list) else []


def _lineage(studies: list[Study]) -> Iterator[tuple[str, Issue]]:
    ids = {s.data.get("id") for s in studies if isinstance(s.data.get("id"), str)}
    graph: dict[str, list[str]] = {}
    for study in studies:
        parents = []
        for index, parent in enumerate(_derived(study)):
            if not isinstance(parent, str):
                continue
            if parent not in ids:
                yield study.rel, Issue(
                    "E305", f"derived_from '{parent}' is not the id of any study in studies/",
                    ("construction", "derived_from", index),
                )
            else:
                parents.append(parent)
        if isinstance(study.data.get("id"), str):
            graph[study.data["id"]] = parents
    by_id = {s.data.get("id"): s for s in studies}
    for cycle in _cycles(graph):
        study = by_id[cycle[0]]
        yield study.rel, Issue(
            "E312", "derived_from forms a cycle: " + " -> ".join(cycle + [cycle[0]]), ("construction", "derived_from"),
        )


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """One representative cycle per strongly connected group, found by iterative DFS."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {node: WHITE for node in graph}
    cycles = []
    for start in sorted(graph):
        if colour[start] != WHITE:
            continue
        stack = [(start, iter(graph[start]))]
        trail = [start]
        colour[start] = GREY
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = BLACK
                stack.pop()
                trail.pop()
            elif colour.get(child) == GREY:
                cycles.append(trail[trail.index(child):])
            elif colour.get(child) == WHITE:
                colour[child] = GREY
                stack.append((child, iter(graph[child])))
                trail.append(child)
    return cycles


def _pending(studies: list[Study]) -> Iterator[tuple[str, Issue]]:
    """A parent the Caveats call "not catalogued yet" that a study now catalogues.

    A name matches a study when the name, or a run of its words, equals that study's short name,
    title or id ("the Llama-Nemotron post-training data" names the study short-named
    Llama-Nemotron). A run followed by a version ("RewardBench 2", "Foo v3") names another release,
    so it does not count. Looking up every run of words keeps this a dictionary probe per run."""
    if not any(s.pending for s in studies):
        return
    known: dict[str, Study] = {}
    for study in studies:
        for key in ("short_name", "title", "id"):
            value = study.data.get(key)
            if isinstance(value, str) and value.strip():
                known.setdefault(name_key(value), study)
    for study in studies:
        for name, line in study.pending:
            words = name_key(name).split(" ")
            runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(len(words), i, -1)
                    if j == len(words) or not _VERSION.match(words[j]))
            parent = next((known[r] for r in runs if r in known and known[r] is not study), None)
            if parent is not None:
                yield study.rel, Issue(
                    "E314",
                    f"the Caveats say '{name}' is not catalogued yet, but {parent.rel} catalogues it: "
                    f"add '{parent.id}' to derived_from and take the name out of the Lineage sentence",
                    line=line,
                )
