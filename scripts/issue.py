"""The unit a check returns before positions are known."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """A problem in one study: at `path` inside the front matter, or at a file `line` in the body."""

    code: str
    message: str
    path: tuple = ()
    line: int | None = None
