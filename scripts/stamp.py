"""A record of the last build, so that `make check` need not render everything again to know
that the generated files are fresh.

Rendering is a pure function of the study files, the taxonomy, the hand-written parts of
README.md and CONTRIBUTING.md, and the tooling's own code. After writing, the build stores a
digest of those inputs and a digest of every generated file, in .cache/ (never committed). A
check whose inputs have the same digest, and whose generated files still have the recorded
digests (no more, no fewer), would render the same bytes it finds, so it may skip rendering.
Any difference, or no stamp at all (a fresh clone), and the check renders and compares in full.

The stamp also lists the studies (by content digest) that passed every per-study check in that
build, with the context those checks depend on (code, taxonomy, today's date): a check in the
same context need not repeat them. Checks across studies always run.
"""
from __future__ import annotations

import hashlib
import marshal
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scripts.files import digest, write_bytes_atomic

_FORMAT = 2


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The tooling's source: a change to any renderer makes every stamp stale."""
    h = hashlib.blake2b(digest_size=16)
    h.update(sys.version.encode())
    here = Path(__file__).resolve().parent
    for path in sorted(here.rglob("*.py")):
        h.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    return h.digest()


def inputs_digest(taxonomy_bytes: bytes, studies: list[tuple[str, bool, bytes]]) -> bytes:
    """Digest of the render inputs other than the marked files: code, taxonomy, and each
    study's path, whether it is a symbolic link, and content digest, in order."""
    h = hashlib.blake2b(digest_size=16)
    h.update(_code_digest())
    h.update(digest(taxonomy_bytes))
    for rel, link, content in studies:
        h.update(rel.encode() + (b"\0link\0" if link else b"\0") + content)
    return h.digest()


def study_key(rel: str, content: bytes) -> bytes:
    """A study as checked: its path (the id must match the file name) and its bytes' digest."""
    return digest(rel.encode() + b"\0" + content)


def context_digest(taxonomy_bytes: bytes, today: str) -> bytes:
    """What a per-study check depends on besides the study itself."""
    return digest(_code_digest() + digest(taxonomy_bytes) + today.encode())


@dataclass(frozen=True)
class Stamp:
    inputs: bytes
    outputs: dict  # generated file's path (relative to the root) -> digest of its bytes
    context: bytes
    passed: frozenset  # study_key of each study that passed every per-study check in `context`


def save(path: Path, stamp: Stamp) -> None:
    value = (_FORMAT, stamp.inputs, dict(sorted(stamp.outputs.items())), stamp.context, sorted(stamp.passed))
    write_bytes_atomic(path, marshal.dumps(value))


def load(path: Path) -> Stamp | None:
    try:
        form, inputs, outputs, context, passed = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # no stamp, or a damaged or older one: check and render in full
    if form != _FORMAT or not isinstance(outputs, dict) or not isinstance(passed, list):
        return None
    return Stamp(inputs, outputs, context, frozenset(passed))
