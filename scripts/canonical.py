"""The canonical form of a study's front matter: one key order and one layout.

Key order follows the schema (which follows the record model); disclosure items follow the
taxonomy's checklist order. Layout: top-level and record-model mappings are block mappings,
`findings` is a block list of block mappings, `results` a block list of one-line mappings, and
every list of plain values is written on one line (`[a, b]`). Both `make fmt` (which writes
this form) and `make check` (which reports departures from it) read their rules from here.
"""
from __future__ import annotations

BLOCK_MAPPINGS = {"links", "record", "construction", "scale", "trajectories", "disclosure", "disclosure_notes"}
BLOCK_LISTS = {"findings", "results"}


def key_order(schema: dict, path: tuple) -> list[str] | None:
    """The canonical key order of the mapping at `path`, or None where any order is fine."""
    node = schema
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    properties = node.get("properties")
    return list(properties) if properties else None


def flow_expected(path: tuple, value) -> bool:
    """Whether the collection at `path` is written in flow style in the canonical form."""
    if not value:
        return True  # an empty list or mapping can only be written [] or {}
    if not path:
        return False
    if len(path) == 1:
        return path[0] not in BLOCK_MAPPINGS and path[0] not in BLOCK_LISTS
    if len(path) == 2 and isinstance(path[1], int) and path[0] in BLOCK_LISTS:
        return path[0] == "results"
    return True


def orders(schema: dict) -> dict[tuple, dict[str, int]]:
    """Rank of each key, for every mapping of the record model whose order is checked."""
    paths = [()] + [(key,) for key in sorted(BLOCK_MAPPINGS)] + [(key, 0) for key in sorted(BLOCK_LISTS)]
    out = {}
    for path in paths:
        order = key_order(schema, path)
        if order:
            out[path] = {name: rank for rank, name in enumerate(order)}
    return out


def departures(data: dict, flow: dict, ranks: dict[tuple, dict[str, int]]) -> list[tuple[tuple, str]]:
    """(path, what is wrong) for each mapping out of canonical key order and each collection in
    the wrong layout, given `orders(schema)`. Keys outside the record model are ignored here;
    the schema reports them. Only the record model's own mappings are checked for order, so the
    work per study is a handful of list comparisons."""
    out: list[tuple[tuple, str]] = []
    for path, is_flow in flow.items():
        value = _at(data, path)
        if isinstance(value, (dict, list)) and is_flow != flow_expected(path, value):
            shape = "on one line, like [a, b]" if flow_expected(path, value) else "as an indented block"
            out.append((path, f"'{'.'.join(str(p) for p in path)}' should be written {shape}"))
    _order(data, (), ranks.get(()), out)
    for key in BLOCK_MAPPINGS:
        if isinstance(data.get(key), dict):
            _order(data[key], (key,), ranks.get((key,)), out)
    for key in BLOCK_LISTS:
        items = data.get(key)
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    _order(item, (key, index), ranks.get((key, 0)), out)
    return sorted(out, key=lambda item: [str(p) for p in item[0]])


def _order(mapping: dict, path: tuple, rank: dict[str, int] | None, out: list) -> None:
    if rank is None:
        return
    known = [k for k in mapping if k in rank]
    if any(rank[a] > rank[b] for a, b in zip(known, known[1:])):
        wanted = sorted(known, key=rank.__getitem__)
        first = next(a for a, b in zip(known, wanted) if a != b)
        where = ".".join(str(p) for p in path) or "the front matter"
        out.append((path + (first,), f"keys of {where} are out of order: expected {', '.join(wanted)}"))


def _at(data, path: tuple):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
