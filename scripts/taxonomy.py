"""taxonomy.yaml: every controlled vocabulary, read once and checked for shape.

A vocabulary is a list of terms; a term has an id, a label and a one-line definition, plus the
extra fields its vocabulary declares (a feedback term's family, a claim's question, a disclosure
level's score).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts import yamlload
from scripts.problems import Failure, Problem

# vocabulary -> extra required fields and, for references, the vocabulary they point into
VOCABULARIES: dict[str, dict[str, str | None]] = {
    "questions": {},
    "body_sections": {},
    "kinds": {},
    "domains": {},
    "task_sources": {},
    "behaviors": {},
    "feedback_families": {},
    "feedback": {"family": "feedback_families"},
    "granularity": {},
    "construction_steps": {},
    "usefulness_factors": {},
    "training_regimes": {},
    "trajectory_retention": {},
    "stances": {},
    "disclosure_levels": {"score": None},
    "disclosure_items": {},
    "benchmarks": {},
    "claims": {"question": "questions"},
}


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    definition: str
    extra: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.extra[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Taxonomy:
    vocabularies: dict[str, tuple[Term, ...]]
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        # Lookups by id happen per study in every view; index them once.
        for name, terms in self.vocabularies.items():
            self._index[name] = {t.id: t for t in terms}

    def terms(self, vocabulary: str) -> tuple[Term, ...]:
        return self.vocabularies[vocabulary]

    def ids(self, vocabulary: str) -> list[str]:
        return [t.id for t in self.vocabularies[vocabulary]]

    def term(self, vocabulary: str, term_id: str) -> Term:
        return self._index[vocabulary][term_id]

    def label(self, vocabulary: str, term_id: str) -> str:
        return self.term(vocabulary, term_id).label

    def family_of(self, feedback_id: str) -> str:
        return self.term("feedback", feedback_id).family

    def score_of(self, level: str) -> float:
        return float(self.term("disclosure_levels", level).score)


def parse(data, rel: str) -> tuple[Taxonomy | None, list[Problem]]:
    """Check the taxonomy's shape; return it only when it has none of the problems listed."""
    problems: list[Problem] = []

    def bad(message: str) -> None:
        problems.append(Problem(rel, 1, 1, "E601", message))

    if not isinstance(data, dict):
        bad("taxonomy.yaml must be a mapping of vocabulary names to lists of terms")
        return None, problems
    vocabularies: dict[str, tuple[Term, ...]] = {}
    for name, extra_fields in VOCABULARIES.items():
        entries = data.get(name)
        if not isinstance(entries, list) or not entries:
            bad(f"vocabulary '{name}' is missing or empty")
            continue
        terms = []
        seen = set()
        for index, entry in enumerate(entries):
            where = f"{name}[{index}]"
            if not isinstance(entry, dict):
                bad(f"{where} must be a mapping with id, label and definition")
                continue
            missing = [k for k in ("id", "label", "definition", *extra_fields) if entry.get(k) in (None, "")]
            if missing:
                bad(f"{where} ({entry.get('id', '?')}) lacks {', '.join(missing)}")
                continue
            unexpected = sorted(set(entry) - {"id", "label", "definition", *extra_fields})
            if unexpected:
                bad(f"{where} ({entry['id']}) has unexpected field(s) {', '.join(unexpected)}")
            if entry["id"] in seen:
                bad(f"{where}: id '{entry['id']}' repeats in '{name}'")
            if "\n" in str(entry["definition"]).strip():
                bad(f"{where} ({entry['id']}): a definition is one line")
            seen.add(entry["id"])
            extra = {k: entry[k] for k in extra_fields}
            terms.append(Term(str(entry["id"]), str(entry["label"]), str(entry["definition"]).strip(), extra))
        vocabularies[name] = tuple(terms)
    for name in sorted(set(data) - set(VOCABULARIES) - {"version"}):
        bad(f"unknown vocabulary '{name}'; declare it in scripts/taxonomy.py VOCABULARIES")
    # References between vocabularies (a feedback term's family, a claim's question) resolve.
    for name, extra_fields in VOCABULARIES.items():
        for extra_name, target in extra_fields.items():
            if target is None or name not in vocabularies or target not in vocabularies:
                continue
            valid = {t.id for t in vocabularies[target]}
            for term in vocabularies[name]:
                if term.extra[extra_name] not in valid:
                    bad(f"{name} term '{term.id}' has {extra_name} '{term.extra[extra_name]}', not a term of '{target}'")
    if problems:
        return None, problems
    return Taxonomy(vocabularies), []


def load(path: Path, rel: str) -> tuple[Taxonomy | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(rel, 1, 1, "E601", f"cannot read taxonomy: {err}")]
    data = yamlload.load(text)
    if isinstance(data, Failure):
        return None, [Problem(rel, data.line, data.col, "E601", data.message)]
    return parse(data, rel)
