"""Files to records: read every study under studies/, keep what the checks and views need.

A Study holds the front matter as plain data, where the front matter starts in the file (so a
problem's line can be found later) and the outline of the body (level-2 headings with their
lines, and the Summary text). The body itself is not kept, so memory stays small per study.
"""
from __future__ import annotations

import marshal
import re
from dataclasses import dataclass
from pathlib import Path

from scripts import fanout, frontmatter, yamlload
from scripts.cache import ParseCache
from scripts.layout import Layout
from scripts.problems import Failure, Problem

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
# CONTRIBUTING's sentence for parents that are not catalogued yet; see `pending_parents`.
_LINEAGE = re.compile(r"Lineage: the data also builds on (.+?), which the catalogue does not cover yet\.")


@dataclass(frozen=True)
class Heading:
    title: str
    line: int  # in the file
    has_text: bool


@dataclass
class Study:
    path: Path
    rel: str
    data: dict
    front_line: int  # add to a front-matter line number to get the file line
    body_line: int  # file line of the body's first line
    headings: tuple[Heading, ...]
    summary: str
    flow: dict  # path of each front-matter collection -> written in flow style
    digest: bytes = b""  # of the file's bytes; tells the build stamp whether inputs changed
    pending: tuple[tuple[str, int], ...] = ()  # parents the Caveats call not catalogued yet, with their line

    @property
    def id(self) -> str:
        return self.data.get("id") if isinstance(self.data.get("id"), str) else self.path.stem

    @property
    def stem(self) -> str:
        return self.path.stem

    def cached(self) -> tuple:
        """The parsed parts, as plain values for the parse cache."""
        return (self.data, self.front_line, self.body_line,
                tuple((h.title, h.line, h.has_text) for h in self.headings), self.summary, self.flow, self.pending)

    @classmethod
    def from_cached(cls, path: Path, rel: str, value: tuple, digest: bytes = b"") -> "Study":
        data, front_line, body_line, headings, summary, flow, pending = value
        return cls(path=path, rel=rel, data=data, front_line=front_line, body_line=body_line,
                   headings=tuple(Heading(*h) for h in headings), summary=summary, flow=flow, digest=digest,
                   pending=tuple(tuple(p) for p in pending))

    def front_text(self) -> str:
        """Read the front matter again; used only to locate problems."""
        text = frontmatter.decode(self.path.read_bytes())
        split = frontmatter.split(text) if isinstance(text, str) else text
        return split.front if isinstance(split, frontmatter.Split) else ""


def outline(body: str, first_line: int) -> tuple[tuple[Heading, ...], str]:
    """Level-2 headings with whether text follows them, and the text of `## Summary`."""
    headings: list[Heading] = []
    summary: list[str] = []
    current: list | None = None  # [title, line, has_text]
    in_fence = False
    lines = body.split("\n")
    for offset, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match and len(match.group(1)) <= 2:
            if current:
                headings.append(Heading(*current))
            current = [match.group(2).strip(), first_line + offset, False] if len(match.group(1)) == 2 else None
            continue
        if current is not None and line.strip() and not (match and not in_fence):
            current[2] = True
            if current[0].lower() == "summary":
                summary.append(line.strip())
    if current:
        headings.append(Heading(*current))
    return tuple(headings), " ".join(summary)


def name_key(text: str) -> str:
    """How names are compared across studies: case and runs of whitespace do not count."""
    return " ".join(text.split()).casefold()


def pending_parents(body: str, first_line: int) -> tuple[tuple[str, int], ...]:
    """The names in the body's "Lineage: the data also builds on A, B and C, which the catalogue
    does not cover yet." sentence, each with the file line of that sentence."""
    match = _LINEAGE.search(body)
    if not match:
        return ()
    line = first_line + body.count("\n", 0, match.start())
    head, _, last = match.group(1).rpartition(" and ")
    names = head.split(",") + [last]  # "A, B and C" or, with a serial comma, "A, B, and C"
    return tuple((" ".join(name.split()), line) for name in names if name.strip())


def read_study(path: Path, layout: Layout, cache: ParseCache | None = None) -> Study | Problem:
    return _read(path, layout, cache)


def _read(path: Path, layout: Layout, cache: ParseCache | None, parse: bool = True) -> Study | Problem | None:
    """The study, or why it cannot be read. With `parse` false, a file missing from the cache
    gives None instead of being parsed. A study's cache key is its `digest`."""
    rel = layout.rel(path)
    if path.is_symlink():
        target = path.resolve()
        root = layout.root.resolve()
        if root not in target.parents:
            return Problem(rel, 1, 1, "E113", f"symbolic link to {target} leaves the repository")
    try:
        raw = path.read_bytes()
    except OSError as err:
        return Problem(rel, 1, 1, "E101", f"cannot read the file: {err.strerror or err}")
    digest = ParseCache.key(raw)
    if cache is not None:
        hit = cache.get(digest)
        if hit is not None:
            return Study.from_cached(path, rel, hit, digest)
    if not parse:
        return None
    text = frontmatter.decode(raw)
    if isinstance(text, Failure):
        return text.at(rel)
    split = frontmatter.split(text)
    if isinstance(split, Failure):
        return split.at(rel)
    loaded = yamlload.load_with_layout(split.front)
    if isinstance(loaded, Failure):
        return loaded.at(rel, split.front_line)
    data, flow = loaded
    if not isinstance(data, dict):
        return Problem(rel, split.front_line + 1, 1, "E112", f"the front matter must be a mapping of keys to values, found {type(data).__name__}")
    headings, summary = outline(split.body, split.body_line + 1)
    study = Study(
        path=path, rel=rel, data=data, front_line=split.front_line, body_line=split.body_line + 1,
        headings=headings, summary=summary, flow=flow, digest=digest,
        pending=pending_parents(split.body, split.body_line + 1),
    )
    if cache is not None:
        cache.put(digest, study.cached())
    return study


def study_paths(layout: Layout) -> list[Path]:
    if not layout.studies.is_dir():
        return []
    # Sorted by name (a string compare; comparing Path objects is several times slower).
    return sorted((p for p in layout.studies.iterdir() if p.suffix == ".md" and not p.name.startswith(".")),
                  key=lambda p: p.name)


def load_studies(layout: Layout, cache: ParseCache | None = None) -> tuple[list[Study], list[Problem]]:
    """Every study under studies/, in file-name order, and the problems of those that cannot be read."""
    studies, problems, _ = load_and_inspect(layout, cache)
    return studies, problems


def load_and_inspect(layout: Layout, cache: ParseCache | None = None, inspect=None) -> tuple[list[Study], list[Problem], dict]:
    """`load_studies`, plus `inspect(study)` for each study parsed here rather than taken from the
    cache, keyed by its path (`rel`). `inspect` runs where the study was parsed, in a child on a
    large corpus, so work that needs only one study rides along with the parse; its result must
    marshal.

    Files found in the cache are taken from it here; the others are parsed, on all cores when
    there are many (see `fanout`). Children only look the cache up; the parent records what
    they parsed, so the cache saved is the same as a serial run's."""
    paths = study_paths(layout)
    if cache is not None and cache.entries:
        results: list[Study | Problem | None] = [_read(path, layout, cache, parse=False) for path in paths]
        misses = [i for i, result in enumerate(results) if result is None]
    else:  # nothing to look up (a fresh clone): every file is parsed, without reading it twice
        results, misses = [None] * len(paths), list(range(len(paths)))

    def parse_slice(indices: list[int]) -> list[tuple]:
        out = []
        for i in indices:
            result = _read(paths[i], layout, cache)
            out.append((i, result, inspect(result) if inspect and isinstance(result, Study) else None))
        return out

    # A child's parsed studies travel back as marshal bytes of their plain values: several times
    # cheaper than pickling the objects, and the same values the parse cache stores.
    def encode(parsed: list[tuple]) -> bytes:
        return marshal.dumps([
            (i, True, r.cached(), r.digest, seen) if isinstance(r, Study)
            else (i, False, (r.path, r.line, r.col, r.code, r.message), None, None)
            for i, r, seen in parsed
        ])

    def decode(data: bytes) -> list[tuple]:
        return [
            (i, Study.from_cached(paths[i], layout.rel(paths[i]), value, digest) if ok else Problem(*value), seen)
            for i, ok, value, digest, seen in marshal.loads(data)
        ]

    inspected = {}
    for i, result, seen in fanout.fan_out(parse_slice, misses, encode=encode, decode=decode):
        results[i] = result
        if inspect and isinstance(result, Study):
            inspected[result.rel] = seen
    studies: list[Study] = []
    problems: list[Problem] = []
    for result in results:
        if isinstance(result, Problem):
            problems.append(result)
            continue
        studies.append(result)
        if cache is not None and result.digest not in cache.used:
            cache.put(result.digest, result.cached())  # parsed in a child: keep it
    return studies, problems, inspected
