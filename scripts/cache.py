"""A content-addressed cache of parsed study files, kept in .cache/ (never committed).

Parsing the front matter is most of the work of `make` and `make check`. A file whose bytes
have been parsed before, by the same loader code, is not parsed again: the key is a hash of
the file's bytes and the cache is discarded whenever the loader's source changes. Only files
that parse cleanly are cached, so every problem is still found by the real parser.
"""
from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path

from scripts.files import digest, write_bytes_atomic

# The modules whose behaviour decides what a cached value holds.
_LOADER_SOURCES = ("frontmatter.py", "yamlload.py", "records.py", "cache.py", "problems.py")


def _loader_version() -> bytes:
    h = hashlib.blake2b(digest_size=16)
    h.update(sys.version.encode())
    here = Path(__file__).resolve().parent
    for name in _LOADER_SOURCES:
        h.update((here / name).read_bytes())
    return h.digest()


class ParseCache:
    def __init__(self, path: Path | None):
        self.path = path
        self.version = _loader_version()
        self.entries: dict[bytes, tuple] = {}
        self.used: dict[bytes, tuple] = {}
        self.dirty = False
        if path is not None and path.is_file():
            try:
                version, entries = marshal.loads(path.read_bytes())
                if version == self.version and isinstance(entries, dict):
                    self.entries = entries
            except (EOFError, ValueError, TypeError, OSError):
                pass  # a damaged cache is simply rebuilt

    key = staticmethod(digest)

    def get(self, key: bytes) -> tuple | None:
        value = self.entries.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: bytes, value: tuple) -> None:
        self.used[key] = value
        self.dirty = True

    def save(self) -> None:
        """Keep what this run used; write only when something new was parsed or some entry went unused."""
        if self.path is None or not (self.dirty or len(self.used) != len(self.entries)):
            return
        write_bytes_atomic(self.path, marshal.dumps((self.version, self.used)))
