"""Values derived from a record, never stored twice, computed once per build.

An Entry is a study as the renderers see it: its vocabulary terms as tuples, its feedback
families, its disclosure score and its size. Every view reads entries, so every page computes
a study's score or family the same way, and none recomputes it.
"""
from __future__ import annotations

from dataclasses import dataclass

from scripts.records import Study
from scripts.taxonomy import Taxonomy


def field(data: dict, *path, default=None):
    value = data
    for part in path:
        if not isinstance(value, dict) or part not in value:
            return default
        value = value[part]
    return value


def _terms(data: dict, *path) -> tuple[str, ...]:
    value = field(data, *path, default=())
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _number(value) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


@dataclass(frozen=True)
class Entry:
    study: Study
    id: str
    stem: str
    short_name: str
    title: str
    year: int | None
    date: str
    kinds: tuple[str, ...]
    domains: tuple[str, ...]
    tasks: tuple[str, ...]
    behaviors: tuple[str, ...]
    feedback: tuple[str, ...]
    families: tuple[str, ...]
    steps: tuple[str, ...]
    generators: tuple[str, ...]
    derived_from: tuple[str, ...]
    training: tuple[str, ...]
    usefulness: tuple[str, ...]
    findings: tuple[dict, ...]
    results: tuple[dict, ...]
    disclosure: dict
    score: float
    scale: dict

    @property
    def data(self) -> dict:
        return self.study.data

    def count(self, name: str) -> float | None:
        return _number(self.scale.get(name))

    @property
    def size(self) -> tuple[str, float] | None:
        """The size a reader would plot results against: training examples, else prompts."""
        for name in ("examples", "prompts"):
            value = self.count(name)
            if value is not None:
                return name, value
        return None

    @property
    def sort_key(self) -> tuple:
        return (self.date, self.id)


def disclosure_score(disclosure: dict, taxonomy: Taxonomy) -> float:
    """Share of the checklist disclosed, 0..100: full counts 1, partial 0.5, none 0."""
    items = taxonomy.ids("disclosure_items")
    levels = set(taxonomy.ids("disclosure_levels"))
    total = sum(taxonomy.score_of(disclosure[item]) for item in items if disclosure.get(item) in levels)
    return round(100.0 * total / len(items), 1)


def undisclosed(disclosure: dict, taxonomy: Taxonomy) -> list[str]:
    """Checklist items not fully disclosed, in the checklist's order of importance."""
    return [item for item in taxonomy.ids("disclosure_items") if disclosure.get(item) != "full"]


def entry(study: Study, taxonomy: Taxonomy) -> Entry:
    data = study.data
    feedback = _terms(data, "record", "feedback")
    present = {taxonomy.family_of(f) for f in feedback}
    disclosure = field(data, "disclosure", default={})
    disclosure = disclosure if isinstance(disclosure, dict) else {}
    year = data.get("year")
    return Entry(
        study=study,
        id=study.id,
        stem=study.stem,
        short_name=str(data.get("short_name", study.id)),
        title=str(data.get("title", "")),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        date=str(data.get("date", "")),
        kinds=_terms(data, "kind"),
        domains=_terms(data, "domains"),
        tasks=_terms(data, "record", "task"),
        behaviors=_terms(data, "record", "behavior"),
        feedback=feedback,
        families=tuple(f for f in taxonomy.ids("feedback_families") if f in present),
        steps=_terms(data, "construction", "steps"),
        generators=_terms(data, "construction", "generators"),
        derived_from=_terms(data, "construction", "derived_from"),
        training=_terms(data, "training"),
        usefulness=_terms(data, "usefulness"),
        findings=tuple(f for f in data.get("findings") or [] if isinstance(f, dict)),
        results=tuple(r for r in data.get("results") or [] if isinstance(r, dict)),
        disclosure=disclosure,
        score=disclosure_score(disclosure, taxonomy),
        scale=field(data, "scale", default={}) or {},
    )


def entries(studies: list[Study], taxonomy: Taxonomy) -> list[Entry]:
    """Entries sorted by first-release date, then id."""
    return sorted((entry(s, taxonomy) for s in studies), key=lambda e: e.sort_key)


def human_number(value: float | None) -> str:
    if value is None:
        return ""
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= limit:
            shown = f"{value / limit:.1f}".rstrip("0").rstrip(".")
            return f"{shown}{suffix}"
    return f"{value:g}"
