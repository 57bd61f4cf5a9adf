"""The two things the tooling does, end to end: check and build.

    load    files -> taxonomy + studies (+ problems from reading)
    verify  studies -> problems (schema, meaning, body, across studies)
    render  taxonomy + studies + README text -> every generated file's content
    compare / write

The generated files are views/ and exports/ (owned entirely by the build: files there that
the build does not produce are stale), schema/study.schema.json and the marked sections of
README.md.
"""
from __future__ import annotations

import datetime as _dt
import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scripts import canonical, checks, derived, fanout, records, schema, stamp, taxonomy as taxonomy_module
from scripts.cache import ParseCache
from scripts.files import digest, write_bytes_atomic
from scripts.layout import Layout
from scripts.problems import Problem
from scripts.records import Study
from scripts.render import exports, readme, views
from scripts.taxonomy import Taxonomy
from scripts.validate import compile_schema


@dataclass
class Loaded:
    taxonomy: Taxonomy | None
    studies: list[Study]
    problems: list[Problem] = field(default_factory=list)
    schema: dict | None = None
    checked: dict = field(default_factory=dict)  # rel -> per-study issues found while loading


def load(layout: Layout, today: _dt.date | None = None) -> Loaded:
    """Taxonomy and studies. Given `today`, the per-study checks of each study parsed (not taken
    from the cache) run alongside its parse, on all cores for a large corpus; `verify` uses them."""
    taxonomy, problems = taxonomy_module.load(layout.taxonomy, layout.rel(layout.taxonomy))
    if taxonomy is None:
        return Loaded(None, [], problems)
    study_schema = schema.study_schema(taxonomy)
    inspect = None
    if today is not None:
        inspect = checks.study_checker(taxonomy, compile_schema(study_schema), today, study_schema)
    cache = ParseCache(layout.cache)
    studies, read_problems, checked = records.load_and_inspect(layout, cache, inspect)
    cache.save()
    return Loaded(taxonomy, studies, problems + read_problems, study_schema, checked)


def verify(loaded: Loaded, today: _dt.date, passed: frozenset = frozenset()) -> list[Problem]:
    """Every problem in the records. Per-study checks already run while loading are not run
    again, nor are those of studies named (by path) in `passed`: they passed in this context,
    as they are now (see `stamp`)."""
    if loaded.taxonomy is None:
        return []
    validate = compile_schema(loaded.schema)
    known = {rel: [] for rel in passed}
    known.update(loaded.checked)
    return checks.check_all(loaded.studies, loaded.taxonomy, validate, today, loaded.schema, known)


def _context(layout: Layout, today: _dt.date) -> bytes:
    return stamp.context_digest(layout.taxonomy.read_bytes(), today.isoformat())


def _passed(layout: Layout, loaded: Loaded, today: _dt.date, saved: stamp.Stamp | None) -> frozenset:
    """Paths of the studies that the last build checked, with the same path and bytes, in the same context."""
    if saved is None or saved.context != _context(layout, today):
        return frozenset()
    return frozenset(s.rel for s in loaded.studies if stamp.study_key(s.rel, s.digest) in saved.passed)


def render(layout: Layout, loaded: Loaded) -> tuple[dict[Path, str], list[Problem]]:
    """Every generated file's path and content; README problems if its markers are broken."""
    taxonomy = loaded.taxonomy
    entries = derived.entries(loaded.studies, taxonomy)
    out: dict[Path, str] = {
        layout.schema: json.dumps(loaded.schema, indent=2, ensure_ascii=False) + "\n",
    }
    # The generated files do not depend on each other: on a large corpus they render in two
    # halves side by side (the exports and the claims ledger, the largest page, against the
    # other pages and the README and CONTRIBUTING blocks), of about equal cost.
    second_half = {"claims.md"}
    (view_pages, marked_blocks), (claim_pages, export_files) = fanout.both(
        lambda: (views.render(taxonomy, entries, (set(views.PAGES) | {"README.md"}) - second_half),
                 (readme.render(taxonomy, entries), readme.render_contributing(taxonomy, entries, loaded.schema))),
        lambda: (views.render(taxonomy, entries, second_half),
                 exports.render(entries, taxonomy, schema.canonical_keys(loaded.schema))),
        len(entries),
    )
    for name, text in sorted({**view_pages, **claim_pages}.items()):
        out[layout.views / name] = text
    for name, text in export_files.items():
        out[layout.exports / name] = text
    marked = list(zip((layout.readme, layout.contributing), marked_blocks))
    problems: list[Problem] = []
    for path, blocks in marked:
        rel = layout.rel(path)
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            problems.append(Problem(rel, 1, 1, "E502", f"cannot read {rel}: {err}"))
            continue
        spliced, splice_problems = readme.splice(current, blocks, rel)
        problems += splice_problems
        if spliced is not None:
            out[path] = spliced
    return out, problems


def _owned(layout: Layout) -> list[Path]:
    """Files that exist in the folders the build owns."""
    found = []
    for folder in (layout.views, layout.exports):
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.is_file()]
    return sorted(found)


def stale(layout: Layout, outputs: dict[Path, str]) -> list[Problem]:
    problems = []
    for path, text in sorted(outputs.items()):
        try:
            current = path.read_bytes()
        except OSError:
            current = None
        if current != text.encode("utf-8"):
            what = "is missing" if current is None else "is out of date"
            problems.append(Problem(layout.rel(path), 1, 1, "E501", f"generated file {what}; run `make` and commit the result"))
    for path in _owned(layout):
        if path not in outputs:
            problems.append(Problem(layout.rel(path), 1, 1, "E501", "file in a generated folder is not produced by the build; run `make` to remove it"))
    return problems


def _inputs_digest(layout: Layout, studies: list[tuple[str, bool, bytes]]) -> bytes:
    """`studies`: each study's path, whether it is a symbolic link, and the digest of its bytes."""
    return stamp.inputs_digest(layout.taxonomy.read_bytes(), studies)


def _loaded_inputs(loaded: Loaded) -> list[tuple[str, bool, bytes]]:
    return [(s.rel, s.path.is_symlink(), s.digest) for s in loaded.studies]


def _files_on_disk(layout: Layout) -> list[tuple[str, bool, bytes]] | None:
    """What `_loaded_inputs` would be, read without parsing; None if a file cannot be read."""
    found = []
    for path in records.study_paths(layout):
        try:
            found.append((layout.rel(path), path.is_symlink(), digest(path.read_bytes())))
        except OSError:
            return None
    return found


def _outputs_intact(layout: Layout, outputs: dict) -> bool:
    """Every generated file as the last build wrote it, and no other file in the owned folders."""
    try:
        for rel, expected in outputs.items():
            if digest((layout.root / rel).read_bytes()) != expected:
                return False
    except OSError:
        return False
    return all(layout.rel(path) in outputs for path in _owned(layout))


def fresh(layout: Layout, loaded: Loaded, saved: stamp.Stamp | None) -> bool:
    """True when the last build's stamp proves that rendering now would give the files on disk:
    same inputs, and every generated file (and no other in the owned folders) as that build wrote it."""
    if saved is None or saved.inputs != _inputs_digest(layout, _loaded_inputs(loaded)):
        return False
    return _outputs_intact(layout, saved.outputs)


def unchanged_since_clean_build(layout: Layout, today: _dt.date, saved: stamp.Stamp | None) -> bool:
    """True when every input (study files, taxonomy, the tooling's code, today's date) is byte for
    byte what the last build checked and found sound, and the generated files are as it wrote them.
    A check would then find nothing: its result is a function of exactly those inputs. The build
    writes its stamp only when it found no problems."""
    if saved is None or saved.context != _context(layout, today):
        return False
    on_disk = _files_on_disk(layout)
    return (on_disk is not None and saved.inputs == _inputs_digest(layout, on_disk)
            and _outputs_intact(layout, saved.outputs))


def write(layout: Layout, outputs: dict[Path, str]) -> tuple[list[Path], dict[str, bytes]]:
    """Write what changed, remove what the build no longer produces; return the paths touched
    and the digest of every generated file (for the build stamp), from the bytes written."""
    touched = []
    digests = {}
    for path, text in sorted(outputs.items()):
        data = text.encode("utf-8")
        digests[layout.rel(path)] = digest(data)
        try:
            unchanged = path.read_bytes() == data
        except OSError:
            unchanged = False
        if not unchanged:
            write_bytes_atomic(path, data)
            touched.append(path)
    for path in _owned(layout):
        if path not in outputs:
            path.unlink()
            touched.append(path)
    return touched, digests


def lint(layout: Layout, paths: list[Path], today: _dt.date) -> list[Problem]:
    """Check single files on their own (schema, meaning, body), without the checks across studies."""
    taxonomy, problems = taxonomy_module.load(layout.taxonomy, layout.rel(layout.taxonomy))
    if taxonomy is None:
        return problems
    study_schema = schema.study_schema(taxonomy)
    validate = compile_schema(study_schema)
    ranks = canonical.orders(study_schema)
    for path in paths:
        loaded = records.read_study(path.resolve(), layout)
        if isinstance(loaded, Problem):
            problems.append(loaded)
            continue
        problems += checks.locate(loaded, checks.check_study(loaded, taxonomy, validate, today, ranks))
    return sorted(problems)


@contextmanager
def _without_cycle_collector():
    """Loading and rendering create millions of small objects and no reference cycles; the cyclic
    garbage collector would walk the ever-growing heap again and again and find nothing (about a
    tenth of a large build). Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check(layout: Layout, today: _dt.date, generated: bool = True) -> list[Problem]:
    """Every problem in the repository; generated files are compared only when records are sound."""
    with _without_cycle_collector():
        return _check(layout, today, generated)


def _check(layout: Layout, today: _dt.date, generated: bool) -> list[Problem]:
    saved = stamp.load(layout.stamp)
    if generated and unchanged_since_clean_build(layout, today, saved):
        return []
    loaded = load(layout, today)
    problems = loaded.problems + verify(loaded, today, _passed(layout, loaded, today, saved))
    if generated and not problems and not fresh(layout, loaded, saved):
        outputs, render_problems = render(layout, loaded)
        problems += render_problems or stale(layout, outputs)
    return sorted(problems)


def build(layout: Layout, today: _dt.date) -> tuple[list[Problem], list[Path]]:
    """Regenerate everything, unless a record has problems (views of broken records would lie)."""
    with _without_cycle_collector():
        return _build(layout, today)


def _build(layout: Layout, today: _dt.date) -> tuple[list[Problem], list[Path]]:
    loaded = load(layout, today)
    problems = loaded.problems + verify(loaded, today)
    if problems:
        return sorted(problems), []
    outputs, render_problems = render(layout, loaded)
    if render_problems:
        return sorted(render_problems), []
    touched, digests = write(layout, outputs)
    stamp.save(layout.stamp, stamp.Stamp(
        inputs=_inputs_digest(layout, _loaded_inputs(loaded)),
        outputs=digests,
        context=_context(layout, today),
        passed=frozenset(stamp.study_key(s.rel, s.digest) for s in loaded.studies),
    ))
    return [], touched
