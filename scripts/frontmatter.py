"""Split a study file's text into front matter and body.

Kept apart from the YAML it contains: this module knows about bytes, encodings, line endings
and fences, nothing about fields. CRLF endings and a UTF-8 byte-order mark, as editors on other
systems write them, are accepted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.problems import Failure

MAX_BYTES = 256 * 1024  # a study is a few kilobytes; this bounds the work any one file can cause
FENCE = "---"
# The closing fence is the first line that is exactly `---` (or YAML's end marker `...`).
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Split:
    front: str  # the YAML text between the fences
    body: str  # everything after the closing fence
    front_line: int  # file line number of the front matter's first line, minus one (offset to add)
    body_line: int  # file line number of the body's first line, minus one


def decode(raw: bytes) -> str | Failure:
    if len(raw) > MAX_BYTES:
        return Failure("E111", 1, 1, f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return Failure("E102", line, 1, f"byte 0x{raw[err.start]:02x} at offset {err.start} is not UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split(text: str) -> Split | Failure:
    if not text.strip():
        return Failure("E103", 1, 1, "the file is empty; a study starts with `---` and its front matter")
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != FENCE:
        return Failure("E104", 1, 1, f"the first line must be `---`, found {first[:40]!r}")
    rest = text[first_end + 1 :] if first_end >= 0 else ""
    close = _CLOSING_FENCE.search(rest)
    if close is None:
        return Failure("E105", 1, 1, "the front matter opened on line 1 is never closed by a `---` line")
    closing_line = rest.count("\n", 0, close.start()) + 2  # in file lines; the opening fence is line 1
    body = rest[close.end() + 1 :]
    return Split(front=rest[: close.start()], body=body, front_line=1, body_line=closing_line)
