"""`make fmt`: rewrite front matter into canonical form with ruamel's round-trip loader.

Keys are reordered and collections restyled as scripts/canonical.py says; comments, quoting
and every value are kept. The body is not touched. A file whose front matter does not load is
left alone (`make check` says why).
"""
from __future__ import annotations

import io

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from scripts import canonical, frontmatter, yamlload
from scripts.problems import Failure


def _yaml():
    yaml = yamlload.round_trip_yaml()
    yaml.width = 4096  # never wrap: a wrapped title is harder to diff and to grep
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _restyle(node, path: tuple, schema: dict) -> None:
    if isinstance(node, CommentedMap):
        order = canonical.key_order(schema, path)
        if order is not None:
            rank = {key: index for index, key in enumerate(order)}
            # Known keys in canonical order; others keep their place after them (the schema flags them).
            wanted = sorted(node.keys(), key=lambda k: (0, rank[k]) if k in rank else (1, 0))
            for key in wanted:
                node.move_to_end(key)
        for key in list(node.keys()):
            _restyle(node[key], path + (key,), schema)
        if canonical.flow_expected(path, node):
            node.fa.set_flow_style()
        else:
            node.fa.set_block_style()
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            _restyle(item, path + (index,), schema)
        if canonical.flow_expected(path, node):
            node.fa.set_flow_style()
        else:
            node.fa.set_block_style()


def format_front(front: str, schema: dict) -> str:
    yaml = _yaml()
    data = yaml.load(front)
    _restyle(data, (), schema)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def format_file(raw: bytes, schema: dict) -> bytes | None:
    """The file with canonical front matter, or None when it cannot be formatted safely.
    Line endings and a byte-order mark are kept as the author's editor wrote them."""
    text = frontmatter.decode(raw)
    if isinstance(text, Failure):
        return None
    split = frontmatter.split(text)
    if isinstance(split, Failure) or isinstance(yamlload.load(split.front), Failure):
        return None
    out = f"---\n{format_front(split.front, schema)}---\n{split.body}"
    if b"\r\n" in raw:
        out = out.replace("\n", "\r\n")
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    return bom + out.encode("utf-8")
