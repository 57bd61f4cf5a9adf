"""Checks across studies: uniqueness and references that must resolve."""
from __future__ import annotations

import re
from typing import Iterator

from scripts.issue import Issue
from scripts.records import Study

_SPACE = re.compile(r"\s+")


def check(studies: list[Study]) -> Iterator[tuple[str, Issue]]:
    yield from _unique(studies, "id", "E302", lambda v: v)
    yield from _unique(studies, "arxiv", "E303", lambda v: v)
    yield from _unique(studies, "title", "E304", lambda v: _SPACE.sub(" ", v).strip().casefold())
    yield from _lineage(studies)


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
