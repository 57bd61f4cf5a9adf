"""Where things live in a checkout. Every command takes a root, so tests and `bench` can point
the same code at a temporary copy."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def studies(self) -> Path:
        return self.root / "studies"

    @property
    def taxonomy(self) -> Path:
        return self.root / "taxonomy.yaml"

    @property
    def readme(self) -> Path:
        return self.root / "README.md"

    @property
    def schema(self) -> Path:
        return self.root / "schema" / "study.schema.json"

    @property
    def views(self) -> Path:
        return self.root / "views"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def template(self) -> Path:
        return self.root / "templates" / "study.md"

    @property
    def contributing(self) -> Path:
        return self.root / "CONTRIBUTING.md"

    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "studies.marshal"

    @property
    def stamp(self) -> Path:
        return self.root / ".cache" / "build.marshal"

    def rel(self, path: Path) -> str:
        """The path as reported to people: relative to the root, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
