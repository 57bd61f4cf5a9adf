"""A compiled validator for the subset of JSON Schema that schema.py produces.

The generated schema is the contract; the `jsonschema` library is the reference implementation
and the test suite checks that both accept and refuse the same documents. This compiler exists
for speed (it turns the schema into closures once, then checks a study in microseconds) and for
messages that name the vocabulary, suggest a near term and carry one of the codes in
problems.py. A keyword outside SUPPORTED is a bug in schema.py and raises at compile time.

One deliberate difference: `pattern` is matched with ECMA semantics, so `$` does not match
before a trailing newline (Python's `re.search` would let "https://x\\n" through).
"""
from __future__ import annotations

import re
from typing import Callable

from scripts.issue import Issue
from scripts.problems import did_you_mean

SUPPORTED = {
    "$schema", "$id", "$comment", "title", "description",
    "type", "enum", "const", "anyOf", "pattern", "minLength",
    "minimum", "maximum", "properties", "required", "additionalProperties", "minProperties",
    "items", "minItems", "uniqueItems",
}


def _issue(path: tuple, code: str, message: str) -> Issue:
    return Issue(code, message, path)


Check = Callable[[object, tuple, list], None]

_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def _type_of(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _is_type(value, expected: str) -> bool:
    actual = _type_of(value)
    if actual == expected:
        return True
    if expected == "number":
        return actual == "integer"
    if expected == "integer":
        return actual == "number" and value == value and value not in (float("inf"), float("-inf")) and float(value).is_integer()
    return False


def where(path: tuple) -> str:
    """`record.behavior[1]` for ('record', 'behavior', 1)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "front matter"


def _shown(value) -> str:
    kind = _type_of(value)
    if kind == "string":
        return f"text {value[:60]!r}"
    if kind in ("array", "object"):
        return _TYPE_NAMES[kind]
    return f"{_TYPE_NAMES.get(kind, kind)} {value!r}"


def compile_schema(schema: dict) -> Callable[[object], list[Issue]]:
    check = _compile(schema)

    def validate(instance) -> list[Issue]:
        issues: list[Issue] = []
        check(instance, (), issues)
        return issues

    return validate


def _compile(schema: dict) -> Check:
    unsupported = set(schema) - SUPPORTED
    if unsupported:
        raise ValueError(f"schema keyword(s) not supported by the compiled validator: {sorted(unsupported)}")
    title = schema.get("title")
    steps: list[Check] = []

    if "anyOf" in schema:
        steps.append(_any_of([_compile(branch) for branch in schema["anyOf"]], schema["anyOf"]))
    if "const" in schema:
        expected = schema["const"]

        def const(value, path, out):
            if value != expected or _type_of(value) != _type_of(expected):
                out.append(_issue(path, "E204", f"{where(path)} must be {expected!r}, found {_shown(value)}"))

        steps.append(const)
    if "enum" in schema:
        allowed = list(schema["enum"])
        allowed_set = frozenset(allowed)
        vocabulary = title or "the allowed values"

        def enum(value, path, out):
            if not isinstance(value, str):
                out.append(_issue(path, "E203", f"{where(path)} must be a term of '{vocabulary}', found {_shown(value)}"))
            elif value not in allowed_set:
                out.append(_issue(
                    path, "E204",
                    f"{where(path)}: '{value}' is not a term of '{vocabulary}' in taxonomy.yaml{did_you_mean(value, allowed)}",
                ))

        steps.append(enum)

    typed: list[Check] = []  # checks that only make sense once the type is right
    if "pattern" in schema:
        source = schema["pattern"]
        regex = re.compile(source[:-1] + r"\Z" if source.endswith("$") and not source.endswith(r"\$") else source)
        what = title or f"match {source}"

        def pattern(value, path, out):
            if isinstance(value, str) and not regex.search(value):
                out.append(_issue(path, "E205", f"{where(path)} must be a {what}, found {_shown(value)}"))

        typed.append(pattern)
    if "minLength" in schema:
        min_length = schema["minLength"]

        def min_len(value, path, out):
            if isinstance(value, str) and len(value.strip()) < min_length:
                out.append(_issue(path, "E206", f"{where(path)} must not be empty"))

        typed.append(min_len)
    if "minimum" in schema or "maximum" in schema:
        low, high = schema.get("minimum"), schema.get("maximum")

        def bounds(value, path, out):
            if value != value or value in (float("inf"), float("-inf")):
                out.append(_issue(path, "E205", f"{where(path)} must be a finite number, found {value!r}"))
            elif (low is not None and value < low) or (high is not None and value > high):
                span = f"at least {low}" if high is None else f"between {low} and {high}"
                out.append(_issue(path, "E206", f"{where(path)} must be {span}, found {value!r}"))

        typed.append(bounds)
    if "properties" in schema or "required" in schema or "additionalProperties" in schema:
        typed.append(_object(schema))
    if "minProperties" in schema:
        min_props = schema["minProperties"]
        known = ", ".join(schema.get("properties", {}))

        def min_properties(value, path, out):
            if len(value) < min_props:
                out.append(_issue(path, "E206", f"{where(path)} must have at least {min_props} of the keys {known}; write `undisclosed` for a number the paper does not give"))

        typed.append(min_properties)
    if "items" in schema or "minItems" in schema or "uniqueItems" in schema:
        typed.append(_array(schema))

    expected_type = schema.get("type")
    # Exact Python types that certainly satisfy the JSON type; anything else takes the slow path.
    fast_types = {"string": (str,), "array": (list,), "object": (dict,), "integer": (int,), "number": (int, float),
                  "boolean": (bool,), "null": (type(None),)}.get(expected_type, ())

    def check(value, path, out):
        for step in steps:
            step(value, path, out)
        if expected_type is not None and type(value) not in fast_types and not _is_type(value, expected_type):
            out.append(_issue(path, "E203", f"{where(path)} must be {_TYPE_NAMES[expected_type]}, found {_shown(value)}"))
            return
        for step in typed:
            step(value, path, out)

    return check


def _any_of(branches: list[Check], schemas: list[dict]) -> Check:
    def branch_type(schema: dict) -> str | None:
        if "type" in schema:
            return schema["type"]
        if "const" in schema:
            return _type_of(schema["const"])
        return None

    types = [branch_type(s) for s in schemas]

    def any_of(value, path, out):
        attempts = []
        for branch in branches:
            issues: list[Issue] = []
            branch(value, path, issues)
            if not issues:
                return
            attempts.append(issues)
        for kind, issues in zip(types, attempts):
            if kind is not None and _is_type(value, kind):
                out.extend(issues)
                return
        wanted = " or ".join(
            repr(s["const"]) if "const" in s else _TYPE_NAMES.get(s.get("type"), "a value") for s in schemas
        )
        out.append(_issue(path, "E203", f"{where(path)} must be {wanted}, found {_shown(value)}"))

    return any_of


def _object(schema: dict) -> Check:
    properties = {name: _compile(sub) for name, sub in schema.get("properties", {}).items()}
    names = list(properties)
    required = list(schema.get("required", []))
    additional = schema.get("additionalProperties", True)
    if additional not in (True, False):
        raise ValueError("additionalProperties must be true or false for the compiled validator")

    def check_object(value, path, out):
        for name in required:
            if name not in value:
                out.append(_issue(path, "E202", f"{where(path)} is missing required key '{name}'"))
        for key, item in value.items():
            sub = properties.get(key)
            if sub is not None:
                sub(item, path + (key,), out)
            elif additional is False:
                out.append(_issue(
                    path + (key,), "E201",
                    f"unknown key '{key}' in {where(path)}{did_you_mean(key, names)}; allowed: {', '.join(names)}",
                ))

    return check_object


def _array(schema: dict) -> Check:
    item_check = _compile(schema["items"]) if "items" in schema else None
    min_items = schema.get("minItems")
    unique = schema.get("uniqueItems", False)

    def check_array(value, path, out):
        if min_items and len(value) < min_items:
            out.append(_issue(path, "E206", f"{where(path)} must list at least {min_items} item(s)"))
        if unique:
            seen = []
            for index, item in enumerate(value):
                if item in seen:
                    out.append(_issue(path + (index,), "E206", f"{where(path)} lists {item!r} twice"))
                else:
                    seen.append(item)
        if item_check is not None:
            for index, item in enumerate(value):
                item_check(item, path + (index,), out)

    return check_array
