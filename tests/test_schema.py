"""The generated schema is valid Draft 2020-12, and the compiled validator agrees with the
jsonschema library (the reference) on every fixture, every real study and many mutations."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from scripts import schema, taxonomy, yamlload
from scripts.validate import compile_schema
from tests.conftest import INVALID, ROOT, VALID

TAX, _ = taxonomy.load(ROOT / "taxonomy.yaml", "taxonomy.yaml")
SCHEMA = schema.study_schema(TAX)
REFERENCE = jsonschema.Draft202012Validator(SCHEMA)
COMPILED = compile_schema(SCHEMA)


def front(path):
    from scripts import frontmatter

    text = frontmatter.decode(path.read_bytes())
    split = frontmatter.split(text)
    return yamlload.load(split.front)


def documents():
    paths = [p for p in sorted(VALID.glob("*.md"))] + [p for p in sorted(INVALID.rglob("*.md")) if p.is_file()]
    paths += sorted((ROOT / "studies").glob("*.md"))
    for path in paths:
        try:
            data = front(path)
        except AttributeError:  # files that do not split into front matter and body
            continue
        if isinstance(data, dict):
            yield path.name, data


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_committed_schema_matches_the_taxonomy():
    committed = json.loads((ROOT / "schema" / "study.schema.json").read_text())
    assert committed == SCHEMA


def test_enums_come_from_the_taxonomy():
    props = SCHEMA["properties"]
    assert props["kind"]["items"]["enum"] == TAX.ids("kinds")
    assert props["record"]["properties"]["feedback"]["items"]["enum"] == TAX.ids("feedback")
    assert set(props["disclosure"]["required"]) == set(TAX.ids("disclosure_items"))
    assert props["findings"]["items"]["properties"]["claim"]["enum"] == TAX.ids("claims")


@pytest.mark.parametrize("name, data", list(documents()), ids=lambda v: v if isinstance(v, str) else "")
def test_compiled_validator_agrees_with_jsonschema(name, data):
    assert (not COMPILED(data)) == REFERENCE.is_valid(data), [i.message for i in COMPILED(data)]


def mutations(base: dict):
    """Single-field changes to a valid document: drop, wrong type, unknown key, bad term."""
    for key in list(base):
        dropped = copy.deepcopy(base)
        del dropped[key]
        yield f"drop {key}", dropped
        for replacement in ("text", 3, [], {}, None, 1.5, True):
            changed = copy.deepcopy(base)
            changed[key] = replacement
            yield f"{key}={replacement!r}", changed
    for section in ("record", "construction", "scale", "links", "disclosure"):
        for key in list(base[section]):
            for replacement in ("bogus", ["bogus"], -1, "undisclosed", []):
                changed = copy.deepcopy(base)
                changed[section][key] = replacement
                yield f"{section}.{key}={replacement!r}", changed
        extra = copy.deepcopy(base)
        extra[section]["extra_key"] = 1
        yield f"{section}.extra_key", extra
    for index in range(len(base["findings"])):
        for key in ("claim", "stance", "note", "source"):
            changed = copy.deepcopy(base)
            changed["findings"][index][key] = 7
            yield f"findings[{index}].{key}=7", changed


def test_agreement_on_mutations():
    base = front(VALID / "fixture-full.md")
    disagreements = [
        label for label, data in mutations(base) if (not COMPILED(data)) != REFERENCE.is_valid(data)
    ]
    assert disagreements == []
    assert sum(1 for _ in mutations(base)) > 200
