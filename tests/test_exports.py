import csv
import io
import json

from scripts import pipeline
from scripts.render.exports import bib_text
from tests.conftest import TODAY, VALID


def test_exports_load_and_carry_every_study(make_repo):
    layout = make_repo(VALID)
    pipeline.build(layout, TODAY)
    rows = [json.loads(line) for line in (layout.exports / "studies.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == sorted(p.stem for p in VALID.glob("*.md"))
    full = next(r for r in rows if r["id"] == "fixture-full")
    assert full["scale"]["examples"] == 1000 and full["summary"].startswith("A fictional record")
    assert full["feedback_families"] == ["programmatic"]
    table = list(csv.DictReader(io.StringIO((layout.exports / "studies.csv").read_text())))
    assert len(table) == len(rows) and table[0]["id"] == rows[0]["id"]
    assert {len(r) for r in table} == {len(table[0])}
    bib = (layout.exports / "studies.bib").read_text()
    assert bib.count("\n@") == len(rows)
    assert "Fixture Set: A Complete Record \\textbar" not in bib  # pipes are fine in BibTeX, left as is
    assert "eprint = {2501.00001}" in bib


def test_bibtex_escapes_special_characters():
    assert bib_text("A & B_c 50% {x} $y #z ~ ^") == r"A \& B\_c 50\% \{x\} \$y \#z \textasciitilde{} \textasciicircum{}"
