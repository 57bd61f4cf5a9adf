from scripts import frontmatter
from scripts.problems import Failure


def test_decode_strips_bom_and_normalises_line_endings():
    assert frontmatter.decode(b"\xef\xbb\xbf---\r\na: 1\r\n---\rbody") == "---\na: 1\n---\nbody"


def test_decode_refuses_bytes_that_are_not_utf8_with_their_line():
    failure = frontmatter.decode(b"---\nok\n\xff\n")
    assert isinstance(failure, Failure) and failure.code == "E102" and failure.line == 3


def test_decode_refuses_oversized_input():
    failure = frontmatter.decode(b"x" * (frontmatter.MAX_BYTES + 1))
    assert failure.code == "E111"


def test_split_finds_front_matter_and_body_lines():
    split = frontmatter.split("---\na: 1\nb: 2\n---\n\n## Summary\n")
    assert split.front == "a: 1\nb: 2\n"
    assert split.front_line == 1
    # the body starts on file line 5 (after the closing fence on line 4)
    assert split.body_line + 1 == 5
    assert split.body == "\n## Summary\n"


def test_split_accepts_yaml_document_end_marker_and_trailing_spaces():
    split = frontmatter.split("---  \na: 1\n...\nbody")
    assert split.front == "a: 1\n" and split.body == "body"


def test_split_failures():
    assert frontmatter.split("").code == "E103"
    assert frontmatter.split("  \n\n").code == "E103"
    assert frontmatter.split("# Title\n").code == "E104"
    assert frontmatter.split("---\na: 1\n").code == "E105"
    # a fence that is only a prefix of a line is not a fence
    assert frontmatter.split("---\na: 1\n----\n").code == "E105"
