"""`make new`: the template, the arXiv client against recorded responses, the offline path."""
import urllib.error

from click.testing import CliRunner

from scripts import newstudy, pipeline, schema, taxonomy
from scripts.cli import main
from tests.conftest import FIXTURES, ROOT, TODAY

RECORDED = (FIXTURES / "arxiv" / "2501.19393.xml").read_bytes()
UNKNOWN = (FIXTURES / "arxiv" / "unknown.xml").read_bytes()


def test_parse_recorded_response():
    meta = newstudy.parse(RECORDED, "2501.19393")
    assert meta.title == "s1: Simple test-time scaling"
    assert meta.authors[0] == "Niklas Muennighoff" and meta.authors[-1] == "Tatsunori Hashimoto" and len(meta.authors) == 10
    assert meta.published == "2025-01-31"


def test_parse_unknown_id_and_garbage():
    assert newstudy.parse(UNKNOWN, "9912.99999") is None
    assert newstudy.parse(b"<not xml", "2501.19393") is None
    assert newstudy.parse(RECORDED, "2501.00001") is None  # a feed about another paper


def test_create_fills_identity_and_keeps_comments(tmp_path):
    path, messages = newstudy.create(tmp_path, ROOT / "templates" / "study.md", "s1k", "2501.19393", fetcher=lambda _: RECORDED)
    text = path.read_text()
    assert 'title: "s1: Simple test-time scaling"' in text
    assert "authors: [Niklas Muennighoff, Zitong Yang," in text and "Emmanuel Candès" in text
    assert "date: 2025-01-31 " in text and "year: 2025 " in text and 'arxiv: "2501.19393"' in text
    assert "paper: https://arxiv.org/abs/2501.19393 " in text
    assert text.count("#") > 30  # every field keeps its comment
    assert any("filled title, 10 authors" in m for m in messages)


def offline(_):
    raise urllib.error.URLError("no network")


def test_offline_says_so_in_one_line_and_still_writes_the_template(tmp_path):
    path, messages = newstudy.create(tmp_path, ROOT / "templates" / "study.md", "some-study", "2501.19393", fetcher=offline)
    assert path.exists() and "id: some-study " in path.read_text()
    assert messages[0] == "could not reach arXiv (no network); wrote the template unfilled"


def test_unknown_id_and_bad_input(tmp_path):
    path, messages = newstudy.create(tmp_path, ROOT / "templates" / "study.md", "x", "9912.99999", fetcher=lambda _: UNKNOWN)
    assert path.exists() and messages[0] == "arXiv has no paper 9912.99999; wrote the template unfilled"
    assert newstudy.create(tmp_path, ROOT / "templates" / "study.md", "Bad_Id", None)[0] is None
    assert newstudy.create(tmp_path, ROOT / "templates" / "study.md", "x", None)[0] is None  # exists already


def test_template_has_every_field_and_fails_check_only_on_todos(make_repo):
    layout = make_repo()
    (layout.root / "templates").mkdir()
    (layout.root / "templates" / "study.md").write_text((ROOT / "templates" / "study.md").read_text())
    newstudy.create(layout.studies, layout.template, "new-one", "2501.19393", fetcher=lambda _: RECORDED)
    tax, _ = taxonomy.load(layout.taxonomy, "taxonomy.yaml")
    text = (layout.studies / "new-one.md").read_text()
    for key in schema.study_schema(tax)["properties"]:
        if key not in ("trajectories",):
            assert f"\n{key}:" in text, key
    codes = {p.code for p in pipeline.check(layout, TODAY)}
    assert codes <= {"E311", "E205", "E204"}, codes  # only the TODOs remain to be filled


def test_cli_new_without_network(make_repo, monkeypatch):
    layout = make_repo()
    (layout.root / "templates").mkdir()
    (layout.root / "templates" / "study.md").write_text((ROOT / "templates" / "study.md").read_text())
    monkeypatch.setattr(newstudy, "fetch", offline)
    result = CliRunner().invoke(main, ["new", "fresh-study", "--arxiv", "2501.19393", "--root", str(layout.root)])
    assert result.exit_code == 0 and result.output.splitlines()[0].startswith("could not reach arXiv")
