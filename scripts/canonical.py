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


def departures(data: dict, flow: dict, schema: dict) -> list[tuple[tuple, str]]:
    """(path, what is wrong) for each mapping out of canonical key order and each collection in
    the wrong layout. Keys outside the record model are ignored here; the schema reports them."""
    out: list[tuple[tuple, str]] = []

    def visit(value, path: tuple) -> None:
        if isinstance(value, (dict, list)) and path in flow and flow[path] != flow_expected(path, value):
            shape = "on one line, like [a, b]" if flow_expected(path, value) else "as an indented block"
            out.append((path, f"'{'.'.join(str(p) for p in path)}' should be written {shape}"))
        if isinstance(value, dict):
            order = key_order(schema, path)
            if order is not None:
                known = [k for k in value if k in order]
                wanted = sorted(known, key=order.index)
                if known != wanted:
                    first = next(a for a, b in zip(known, wanted) if a != b)
                    where = ".".join(str(p) for p in path) or "the front matter"
                    out.append((path + (first,), f"keys of {where} are out of order: expected {', '.join(wanted)}"))
            for key, item in value.items():
                visit(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, path + (index,))

    visit(data, ())
    return out
