from scripts.render import readme

BLOCKS = {"a": "new A", "b": "new B"}


def doc(*parts):
    return "".join(parts)


def test_splice_replaces_only_between_markers():
    text = doc("top\n<!-- BEGIN GENERATED: a -->\nold\n<!-- END GENERATED: a -->\nmid\n",
               "<!-- BEGIN GENERATED: b -->\n<!-- END GENERATED: b -->\nend\n")
    out, problems = readme.splice(text, BLOCKS, "README.md")
    assert problems == []
    assert out == doc("top\n<!-- BEGIN GENERATED: a -->\nnew A\n<!-- END GENERATED: a -->\nmid\n",
                      "<!-- BEGIN GENERATED: b -->\nnew B\n<!-- END GENERATED: b -->\nend\n")
    again, _ = readme.splice(out, BLOCKS, "README.md")
    assert again == out


def codes(text):
    out, problems = readme.splice(text, BLOCKS, "README.md")
    assert out is None
    return problems


def test_missing_marker_is_an_error():
    problems = codes("<!-- BEGIN GENERATED: a -->\n<!-- END GENERATED: a -->\n")
    assert [p.code for p in problems] == ["E502"] and "'b'" in problems[0].message


def test_duplicated_marker_is_an_error_with_its_line():
    text = ("<!-- BEGIN GENERATED: a -->\n<!-- END GENERATED: a -->\n<!-- BEGIN GENERATED: a -->\n"
            "<!-- END GENERATED: a -->\n<!-- BEGIN GENERATED: b -->\n<!-- END GENERATED: b -->\n")
    [problem] = codes(text)
    assert problem.code == "E502" and problem.line == 1


def test_reversed_and_unknown_and_overlapping_markers():
    assert codes("<!-- END GENERATED: a -->\n<!-- BEGIN GENERATED: a -->\n<!-- BEGIN GENERATED: b -->\n<!-- END GENERATED: b -->\n")
    unknown = codes("<!-- BEGIN GENERATED: a -->\n<!-- END GENERATED: a -->\n<!-- BEGIN GENERATED: b -->\n"
                    "<!-- END GENERATED: b -->\n<!-- BEGIN GENERATED: zzz -->\n<!-- END GENERATED: zzz -->\n")
    assert "unknown" in unknown[0].message and unknown[0].line == 5
    overlap = codes("<!-- BEGIN GENERATED: a -->\n<!-- BEGIN GENERATED: b -->\n<!-- END GENERATED: a -->\n<!-- END GENERATED: b -->\n")
    assert "inside" in overlap[0].message
