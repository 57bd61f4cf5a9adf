from scripts import taxonomy, yamlload
from tests.conftest import ROOT


def real():
    return yamlload.load((ROOT / "taxonomy.yaml").read_text())


def test_real_taxonomy_is_well_formed():
    tax, problems = taxonomy.load(ROOT / "taxonomy.yaml", "taxonomy.yaml")
    assert problems == []
    for name in taxonomy.VOCABULARIES:
        assert tax.terms(name), name
        for term in tax.terms(name):
            assert term.id and term.label and term.definition


def test_every_feedback_term_has_a_family_and_every_claim_a_question():
    tax, _ = taxonomy.load(ROOT / "taxonomy.yaml", "taxonomy.yaml")
    assert {t.family for t in tax.terms("feedback")} <= set(tax.ids("feedback_families"))
    assert {c.question for c in tax.terms("claims")} <= set(tax.ids("questions"))


def test_missing_definition_duplicate_id_and_bad_reference_are_reported():
    data = real()
    data["kinds"].append({"id": "dataset", "label": "Again", "definition": "Duplicate."})
    data["domains"][0].pop("definition")
    data["feedback"][0]["family"] = "no-such-family"
    data["surprise"] = []
    tax, problems = taxonomy.parse(data, "taxonomy.yaml")
    assert tax is None
    messages = " | ".join(p.message for p in problems)
    assert {p.code for p in problems} == {"E601"}
    assert "repeats" in messages and "lacks definition" in messages
    assert "no-such-family" in messages and "unknown vocabulary 'surprise'" in messages


def test_broken_taxonomy_file_stops_the_check(make_repo):
    from scripts import pipeline
    from tests.conftest import TODAY

    layout = make_repo()
    layout.taxonomy.write_text("kinds: [\n")
    problems = pipeline.check(layout, TODAY)
    assert [p.code for p in problems] == ["E601"] and problems[0].path == "taxonomy.yaml"
