from scripts.render import md


def test_text_escapes_table_breakers_and_html():
    cell = md.text("a | b\nc <script>alert(1)</script> & [x](y) *z* _w_ `v`")
    assert "|" not in cell.replace("\\|", "")
    assert "\n" not in cell and "<" not in cell and ">" not in cell
    assert "\\[x\\]" in cell and "\\*z\\*" in cell and "\\_w\\_" in cell and "\\`v\\`" in cell
    assert "&amp;" in cell


def test_url_cannot_break_out_of_link_or_table():
    assert md.url("https://x.org/a b)|<c>") == "https://x.org/a%20b%29%7C%3Cc%3E"


def test_table_has_consistent_columns():
    out = md.table(["A", "B"], [[md.text("x|y"), ""], ["1", "2"]], ["l", "r"])
    lines = out.strip().splitlines()
    assert lines[1] == "| --- | ---: |"
    for line in lines:
        assert line.replace("\\|", "").count("|") == 3


def test_anchor_matches_github_slugs():
    assert md.anchor("Small curated sets suffice") == "small-curated-sets-suffice"
    assert md.anchor("RL sharpens rather than expands") == "rl-sharpens-rather-than-expands"
