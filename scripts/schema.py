"""The JSON Schema (Draft 2020-12) of a study's front matter, built from the taxonomy.

Enumerations come from taxonomy.yaml, so a new term is valid everywhere once it is defined
there. The property order below is the canonical key order of a study file. `title` on a
subschema names what the value is (a vocabulary or a format); the validator quotes it in
messages.
"""
from __future__ import annotations

from scripts.taxonomy import Taxonomy

SCHEMA_ID = "urn:reasoning-data-primer:schema:study:1"  # a URN: the schema does not depend on where the repository is hosted

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
ARXIV_PATTERN = r"^[0-9]{4}\.[0-9]{4,5}$"
URL_PATTERN = r"^https://[^\s<>\"]+$"
LICENSE_PATTERN = r"^(undisclosed|[A-Za-z0-9][A-Za-z0-9.+-]*( (AND|OR|WITH) [A-Za-z0-9][A-Za-z0-9.+-]*)*)$"
COUNT_FIELDS = ("examples", "prompts", "responses_per_prompt", "tokens", "mean_response_tokens")
LINK_FIELDS = ("paper", "code", "data", "models", "project")


def _text(description: str) -> dict:
    return {"type": "string", "minLength": 1, "description": description}


def _pattern(title: str, pattern: str, description: str) -> dict:
    return {"type": "string", "title": title, "pattern": pattern, "description": description}


def _terms(taxonomy: Taxonomy, vocabulary: str, description: str, min_items: int = 1) -> dict:
    return {
        "type": "array",
        "description": description,
        "items": {"title": vocabulary, "enum": taxonomy.ids(vocabulary)},
        "minItems": min_items,
        "uniqueItems": True,
    }


def _term(taxonomy: Taxonomy, vocabulary: str, description: str) -> dict:
    return {"title": vocabulary, "enum": taxonomy.ids(vocabulary), "description": description}


def _object(properties: dict, required: list[str], description: str) -> dict:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def study_schema(taxonomy: Taxonomy) -> dict:
    url = _pattern("https URL", URL_PATTERN, "An https address.")
    url_or_list = {
        "anyOf": [url, {"type": "array", "items": url, "minItems": 1, "uniqueItems": True}],
        "description": "An https address or a list of them.",
    }
    count = {
        "anyOf": [
            {"type": "number", "minimum": 0},
            {"const": "undisclosed"},
        ],
        "description": "A non-negative number, or `undisclosed` when the paper was read and does not say.",
    }
    links = _object(
        {"paper": dict(url, description="The primary source: the arXiv abstract page, or the report, blog or card.")}
        | {name: dict(url_or_list, description=f"Where the {name} is published.") for name in LINK_FIELDS[1:]},
        ["paper"],
        "Where to find the study and its artefacts.",
    )
    record = _object(
        {
            "task": _terms(taxonomy, "task_sources", "Where the tasks come from."),
            "behavior": _terms(taxonomy, "behaviors", "What is recorded of the model's (or person's) behavior."),
            "feedback": _terms(taxonomy, "feedback", "The check that turned behavior into a training signal."),
            "granularity": _terms(taxonomy, "granularity", "What one unit of signal attaches to."),
        },
        ["task", "behavior", "feedback", "granularity"],
        "Q1, the data object: task, behavior, check.",
    )
    construction = _object(
        {
            "steps": {
                "type": "array",
                "description": "The pipeline, in order.",
                "items": {"title": "construction_steps", "enum": taxonomy.ids("construction_steps")},
                "minItems": 1,
            },
            "generators": {
                "type": "array",
                "description": "Models (as named in the paper) or `human` that wrote the behavior; `undisclosed` if not said.",
                "items": _text("A model name, `human` or `undisclosed`."),
                "uniqueItems": True,
            },
            "derived_from": {
                "type": "array",
                "description": "Ids of catalogued studies whose releases this one was built from.",
                "items": _pattern("study id", ID_PATTERN, "The id of another study."),
                "uniqueItems": True,
            },
        },
        ["steps", "generators", "derived_from"],
        "Q3, how the data was built.",
    )
    scale = {
        "type": "object",
        "description": "Q4, how much data: numbers as stated in the paper, with their locator.",
        "properties": {name: dict(count) for name in COUNT_FIELDS}
        | {"source": _text("Where the numbers are stated (for example `Table 1`).")},
        "required": ["source"],
        "minProperties": 2,
        "additionalProperties": False,
    }
    finding = _object(
        {
            "claim": _term(taxonomy, "claims", "A claim id from taxonomy.yaml."),
            "stance": _term(taxonomy, "stances", "How the evidence relates to the claim."),
            "note": _text("The evidence, in the project's own words, with numbers."),
            "source": _text("The locator: table, figure or section."),
        },
        ["claim", "stance", "note", "source"],
        "Evidence about one claim.",
    )
    result = _object(
        {
            "model": _text("The model as named in the paper."),
            "benchmark": _term(taxonomy, "benchmarks", "A benchmark id from taxonomy.yaml."),
            "metric": _text("What the score measures, for example `pass@1 (%)`."),
            "score": {"type": "number", "description": "The score as printed."},
            "setting": _text("The condition: decoding, samples, budget."),
            "examples": dict(count, description="Training examples behind this score, when the study states them (used by the scaling view)."),
            "prompts": dict(count, description="Training prompts behind this score (for RL), when the study states them."),
            "source": _text("The locator: table or figure."),
        },
        ["model", "benchmark", "metric", "score", "source"],
        "One score copied from the paper, with the training-data size behind it where stated.",
    )
    trajectories = _object(
        {
            "failed": _term(taxonomy, "trajectory_retention", "Trajectories that end in failure."),
            "partial": _term(taxonomy, "trajectory_retention", "Truncated or unfinished trajectories."),
            "source": _text("Where the paper says so, or `undisclosed`."),
        },
        ["failed", "partial", "source"],
        "For agent data: whether failed and partial trajectories are kept.",
    )
    disclosure_items = taxonomy.ids("disclosure_items")
    disclosure = _object(
        {item: _term(taxonomy, "disclosure_levels", taxonomy.term("disclosure_items", item).definition) for item in disclosure_items},
        list(disclosure_items),
        "The attribution checklist: what the release discloses about how its data came about.",
    )
    disclosure_notes = {
        "type": "object",
        "description": "Optional: what is missing, for items rated partial or none.",
        "properties": {item: _text("What is missing.") for item in disclosure_items},
        "additionalProperties": False,
    }
    properties = {
        "id": _pattern("kebab-case id", ID_PATTERN, "Equals the file name stem."),
        "title": _text("Exact title of the first public version."),
        "short_name": _text("How people refer to it."),
        "authors": {"type": "array", "description": "Names as printed; organisation names for team reports.", "items": _text("A name."), "minItems": 1},
        "year": {"type": "integer", "minimum": 1950, "maximum": 2100, "description": "Year of the first public version."},
        "date": _pattern("YYYY-MM-DD date", DATE_PATTERN, "Date of the first public version."),
        "kind": _terms(taxonomy, "kinds", "What sort of study this is."),
        "arxiv": _pattern("arXiv id such as 2501.19393", ARXIV_PATTERN, "arXiv id without version; absent when there is none."),
        "links": links,
        "domains": _terms(taxonomy, "domains", "Subject areas of the tasks."),
        "record": record,
        "construction": construction,
        "scale": scale,
        "training": _terms(taxonomy, "training_regimes", "How the data is used."),
        "base_models": {"type": "array", "description": "Models trained on the data in the study.", "items": _text("A model name."), "uniqueItems": True},
        "usefulness": _terms(taxonomy, "usefulness_factors", "Q2: factors the study gives evidence about.", min_items=0),
        "findings": {"type": "array", "description": "Evidence about claims in taxonomy.yaml.", "items": finding},
        "results": {"type": "array", "description": "Scores copied from the paper.", "items": result},
        "trajectories": trajectories,
        "disclosure": disclosure,
        "disclosure_notes": disclosure_notes,
        "license": _pattern("SPDX licence identifier or `undisclosed`", LICENSE_PATTERN, "Licence of the released data."),
    }
    required = [
        "id", "title", "short_name", "authors", "year", "date", "kind", "links", "domains", "record",
        "construction", "scale", "training", "usefulness", "findings", "disclosure",
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "$comment": "Generated by `make` (python -m scripts build) from taxonomy.yaml. Do not edit.",
        "title": "Study front matter",
        "description": "The YAML front matter of one study file under studies/. See the record model in README.md.",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def canonical_keys(schema: dict) -> list[str]:
    return list(schema["properties"])
