from scripts import pipeline, records
from scripts.cache import ParseCache
from tests.conftest import TODAY, VALID


def test_cached_load_equals_a_fresh_parse(make_repo):
    layout = make_repo(VALID)
    fresh, _ = records.load_studies(layout)
    pipeline.load(layout)  # fills the cache
    assert layout.cache.is_file()
    cache = ParseCache(layout.cache)
    cached, _ = records.load_studies(layout, cache)
    assert len(cache.used) == len(fresh)
    assert [(s.rel, s.data, s.headings, s.summary, s.front_line, s.body_line) for s in cached] == [
        (s.rel, s.data, s.headings, s.summary, s.front_line, s.body_line) for s in fresh
    ]


def test_a_changed_file_is_parsed_again(make_repo):
    layout = make_repo(VALID)
    pipeline.build(layout, TODAY)
    path = layout.studies / "fixture-minimal.md"
    path.write_text(path.read_text().replace("behavior: [prompt-only]", "behavior: [prompt_only]"))
    problems = pipeline.check(layout, TODAY)
    assert [p.code for p in problems] == ["E204"]


def test_a_damaged_cache_is_ignored(make_repo):
    layout = make_repo(VALID)
    layout.cache.parent.mkdir()
    layout.cache.write_bytes(b"\x00garbage")
    assert pipeline.build(layout, TODAY)[0] == []
    assert pipeline.check(layout, TODAY) == []


def test_problems_are_never_cached(make_repo):
    layout = make_repo(VALID)
    (layout.studies / "broken.md").write_text("no front matter\n")
    pipeline.check(layout, TODAY)
    again = pipeline.check(layout, TODAY)
    assert [p.code for p in again] == ["E104"]
