"""Strict, fast YAML for front matter and the taxonomy.

`load` drives the C parser of ruamel.yaml.clib event by event and builds plain Python values
itself. That is faster than ruamel's safe constructor and lets the loader refuse, with a line
number, what the record model never needs: tags (`!!python/object`), anchors and aliases,
duplicate keys, keys that are not text and deep nesting. The event parser is iterative, so
deeply nested input cannot exhaust the C stack; the builder stops at MAX_DEPTH.

Scalars follow the YAML 1.2 core schema, except that timestamps stay text: a study's `date`
is the string "2025-01-31", exactly as written.

`Locator` is the slow path: the round-trip loader, used only to find the line of a key or item
that a check complained about.
"""
from __future__ import annotations

import re

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from scripts.problems import Failure

MAX_DEPTH = 12  # the record model nests four levels; this leaves room without inviting abuse

_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OTHER = re.compile(r"0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


class _Refused(Exception):
    """Raised inside the builder only; `load` turns it into a Failure."""

    def __init__(self, failure: Failure):
        super().__init__(failure.message)
        self.failure = failure


def _at(event) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _plain_scalar(value: str):
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            return int(value)
        if _INT_OTHER.match(value):
            return int(value, 0)
        if _FLOAT.match(value):
            return float(value)
        if value in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[value]
    return value


def _refuse_decorations(event) -> None:
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        line, col = _at(event)
        raise _Refused(Failure("E109", line, col, f"anchor '&{anchor}' is not allowed; write the value out"))
    tag = getattr(event, "tag", None)
    if tag is not None:
        line, col = _at(event)
        raise _Refused(Failure("E108", line, col, f"YAML tag '{tag}' is not allowed; write a plain value"))


_Scalar = ev.ScalarEvent
_SequenceStart = ev.SequenceStartEvent
_SequenceEnd = ev.SequenceEndEvent
_MappingEnd = ev.MappingEndEvent


class _Builder:
    """Builds values from the event stream. Scalars, by far the most common events, are handled
    inline in the loops; only collections recurse."""

    def __init__(self, parser: CParser):
        self.get = parser.get_event
        self.flow: dict[tuple, bool] = {}  # path of each collection -> written in flow style ([...], {...})

    def document(self):
        self.get()  # StreamStartEvent
        event = self.get()
        if isinstance(event, ev.StreamEndEvent):
            raise _Refused(Failure("E112", 1, 1, "the front matter is empty; it must be a mapping of keys to values"))
        root = self.node(self.get(), 1, ())
        self.get()  # DocumentEndEvent
        event = self.get()
        if not isinstance(event, ev.StreamEndEvent):
            line, col = _at(event)
            raise _Refused(Failure("E106", line, col, "the front matter holds more than one YAML document"))
        return root

    def node(self, event, depth: int, path: tuple):
        kind = type(event)
        if kind is _Scalar:
            if event.anchor is not None or event.tag is not None:
                _refuse_decorations(event)
            return _plain_scalar(event.value) if not event.style else event.value
        if kind is ev.AliasEvent:
            line, col = _at(event)
            raise _Refused(Failure("E109", line, col, f"alias '*{event.anchor}' is not allowed; write the value out"))
        _refuse_decorations(event)
        if depth > MAX_DEPTH:
            line, col = _at(event)
            raise _Refused(Failure("E110", line, col, f"values nest more than {MAX_DEPTH} levels deep"))
        get = self.get
        self.flow[path] = bool(event.flow_style)
        if kind is _SequenceStart:
            items = []
            while True:
                item = get()
                item_kind = type(item)
                if item_kind is _Scalar and item.anchor is None and item.tag is None:
                    items.append(_plain_scalar(item.value) if not item.style else item.value)
                elif item_kind is _SequenceEnd:
                    return items
                else:
                    items.append(self.node(item, depth + 1, path + (len(items),)))
        # MappingStartEvent: the only kind left in a well-formed event stream.
        mapping: dict = {}
        first_line: dict = {}  # key -> 0-based line, to name both places of a duplicate
        while True:
            key_event = get()
            if type(key_event) is _MappingEnd:
                return mapping
            if type(key_event) is _Scalar and key_event.anchor is None and key_event.tag is None:
                key = _plain_scalar(key_event.value) if not key_event.style else key_event.value
            else:
                key = self.node(key_event, depth + 1, path + ("?",))
            if not isinstance(key, str) or not key:
                line, col = _at(key_event)
                raise _Refused(Failure("E114", line, col, f"key {key!r} is not text; keys are field names"))
            if key in mapping:
                line, col = _at(key_event)
                raise _Refused(Failure("E107", line, col, f"key '{key}' appears twice in the same mapping (first on line {first_line[key] + 1})"))
            value_event = get()
            if type(value_event) is _Scalar and value_event.anchor is None and value_event.tag is None:
                mapping[key] = _plain_scalar(value_event.value) if not value_event.style else value_event.value
            else:
                mapping[key] = self.node(value_event, depth + 1, path + (key,))
            first_line[key] = key_event.start_mark.line


def load(text: str):
    """Plain data from YAML text, or a Failure with a 1-based line within `text`."""
    loaded = load_with_layout(text)
    return loaded if isinstance(loaded, Failure) else loaded[0]


def load_with_layout(text: str):
    """(data, flow) where flow maps the path of every collection to whether it is written in
    flow style; or a Failure with a 1-based line within `text`."""
    try:
        builder = _Builder(CParser(text))
        return builder.document(), builder.flow
    except _Refused as refused:
        return refused.failure
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (err.context, err.problem) if part)
        hint = ""
        if "plain scalar" in what and "':'" in what:
            hint = "; inside a [a, b] list, put values that contain ':' (such as URLs) in double quotes"
        elif "':'" in what or "mapping values" in what:
            hint = "; put the value in double quotes when it contains ': ' or ' #'"
        return Failure("E106", line, col, f"YAML syntax error: {what}{hint}")
    except YAMLError as err:  # reader errors: characters YAML does not allow
        first = str(err).strip().splitlines()[0] if str(err).strip() else "unreadable YAML"
        return Failure("E106", 1, 1, f"YAML syntax error: {first}")


class DateText(str):
    """A YAML timestamp kept as its text, so that it round-trips unquoted and never fails to parse."""


class _RoundTripConstructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node, values=None):
        return DateText(self.construct_scalar(node))


_RoundTripConstructor.add_constructor("tag:yaml.org,2002:timestamp", _RoundTripConstructor.construct_yaml_timestamp)


class _RoundTripRepresenter(RoundTripRepresenter):
    def represent_date_text(self, data):
        return self.represent_scalar("tag:yaml.org,2002:timestamp", str(data))


_RoundTripRepresenter.add_representer(DateText, _RoundTripRepresenter.represent_date_text)


def round_trip_yaml() -> YAML:
    """ruamel's round-trip loader, with timestamps kept as text like the fast loader keeps them."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.Constructor = _RoundTripConstructor
    yaml.Representer = _RoundTripRepresenter
    return yaml


class Locator:
    """Finds where a key or list item of the front matter stands, via the round-trip loader."""

    def __init__(self, text: str):
        try:
            self.data = round_trip_yaml().load(text)
        except YAMLError:  # the fast path accepted it, so this is not expected; fall back to line 1
            self.data = None

    def position(self, path: tuple) -> tuple[int, int]:
        """1-based (line, column) of the deepest element of `path` that exists."""
        node = self.data
        best = (1, 1)
        for part in path:
            if isinstance(node, CommentedMap) and part in node:
                line, col = node.lc.key(part)
                best = (line + 1, col + 1)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, col = node.lc.item(part)
                best = (line + 1, col + 1)
                node = node[part]
            else:
                break
        return best
