import math

import pytest
from ruamel.yaml import YAML

from scripts import yamlload
from scripts.problems import Failure


def test_scalars_follow_the_core_schema_except_timestamps():
    data = yamlload.load(
        "a: 1\nb: -2\nc: 1.5\nd: true\ne: null\nf: ~\ng: 2025-01-31\nh: '12'\ni: \"x\"\nj: .inf\n"
        "k: 0x1F\nl: 1e3\nm: yes\nn: |\n  block\n"
    )
    assert data == {"a": 1, "b": -2, "c": 1.5, "d": True, "e": None, "f": None, "g": "2025-01-31", "h": "12",
                    "i": "x", "j": math.inf, "k": 31, "l": 1000.0, "m": "yes", "n": "block\n"}


def test_matches_ruamel_safe_loader_on_ordinary_documents():
    text = (
        "id: x\nauthors: [A, B]\nscale: {examples: 1000, tokens: 1.5e9, source: Table 1}\n"
        "results:\n  - {model: M, score: 56.7, setting: 'a: b'}\nflag: false\nempty: []\nnested: {a: {b: [1, 2.0, c]}}\n"
    )
    assert yamlload.load(text) == YAML(typ="safe", pure=True).load(text)


@pytest.mark.parametrize(
    "text, code",
    [
        ("a: !!python/object/apply:os.system [echo]\n", "E108"),
        ("a: !custom x\n", "E108"),
        ("a: &x 1\n", "E109"),
        ("a: &x [1]\nb: *x\n", "E109"),
        ("a: 1\na: 2\n", "E107"),
        ("1: a\n", "E114"),
        ("? [a]\n: b\n", "E114"),
        ("a: b: c\n", "E106"),
        ("a: [1\n", "E106"),
        ("a: 1\n---\nb: 2\n", "E106"),
        ("", "E112"),
        ("a: \x07\n", "E106"),
    ],
)
def test_refusals(text, code):
    failure = yamlload.load(text)
    assert isinstance(failure, Failure) and failure.code == code and failure.line >= 1


def test_deep_nesting_is_refused_without_crashing():
    # The C composer recurses and can crash the interpreter; the event builder must not.
    failure = yamlload.load("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert isinstance(failure, Failure) and failure.code in {"E110", "E106"}
    failure = yamlload.load("a: " + "[" * 20 + "]" * 20 + "\n")
    assert failure.code == "E110"


def test_billion_laughs_is_refused_at_the_first_anchor():
    text = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    failure = yamlload.load(text)
    assert failure.code == "E109" and failure.line == 1


def test_duplicate_key_names_both_lines():
    failure = yamlload.load("a: 1\nb: 2\na: 3\n")
    assert failure.line == 3 and "first on line 1" in failure.message


def test_locator_finds_keys_and_flow_items():
    text = "id: x\nrecord:\n  behavior: [long-cot, bad-term]\nfindings:\n  - {claim: c, stance: s}\n"
    locator = yamlload.Locator(text)
    lines = text.splitlines()
    assert locator.position(("record", "behavior", 1)) == (3, lines[2].index("bad-term") + 1)
    assert locator.position(("findings", 0, "stance")) == (5, lines[4].index("stance") + 1)
    assert locator.position(("record", "missing")) == (2, 1)  # falls back to the nearest ancestor
    assert locator.position(()) == (1, 1)
