"""Problems are values: a code, a file, a line, a column and a message.

Every check returns problems instead of raising; the CLI collects them from all files and
reports them together. The table of codes below is the contract with contributors: it is
rendered into CONTRIBUTING.md, and each code has a failing fixture under tests/fixtures/.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the file as a whole
    col: int  # 1-based; 0 when unknown
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


@dataclass(frozen=True)
class Failure:
    """A problem found before the file's path is attached (by the parsers, which see only text)."""

    code: str
    line: int
    col: int
    message: str

    def at(self, path: str, line_offset: int = 0) -> Problem:
        line = self.line + line_offset if self.line else 0
        return Problem(path, line, self.col, self.code, self.message)


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    meaning: str
    fix: str


CODES: dict[str, Code] = {
    c.code: c
    for c in [
        # The file and its YAML.
        Code("E101", "unreadable", "The file could not be read.", "Check the file's permissions."),
        Code("E102", "not-utf8", "The file is not valid UTF-8 text.", "Save the file as UTF-8."),
        Code("E103", "empty-file", "The file is empty.", "Start from the template: `make new ID=<id>`."),
        Code("E104", "no-front-matter", "The file does not start with a `---` line opening the front matter.", "Put `---` on the first line, then the YAML front matter, then `---`."),
        Code("E105", "unterminated-front-matter", "The front matter has no closing `---` line.", "Add a line with `---` after the last front-matter key."),
        Code("E106", "yaml-syntax", "The front matter is not valid YAML.", "Fix the YAML at the line shown; quote values that contain `: ` or start with a special character."),
        Code("E107", "duplicate-key", "A key appears twice in the same mapping.", "Keep one of the two keys."),
        Code("E108", "yaml-tag", "A YAML tag such as `!!python/object` is used; tags are refused.", "Remove the tag; write plain values."),
        Code("E109", "anchor-alias", "A YAML anchor (`&x`) or alias (`*x`) is used; they are refused.", "Write the value out in full where it is needed."),
        Code("E110", "too-deep", "The front matter nests deeper than the record model allows.", "Flatten the structure; no study field nests more than a few levels."),
        Code("E111", "too-large", "The file is larger than the size limit.", "Shorten the file; a study is a few kilobytes."),
        Code("E112", "not-a-mapping", "The front matter is not a mapping of keys to values.", "Write the front matter as `key: value` lines."),
        Code("E113", "symlink-outside", "The study file is a symbolic link that points outside the repository.", "Replace the link with the file itself."),
        Code("E114", "key-not-text", "A mapping key is not text (a number, a list or empty).", "Use the field names of the record model as keys."),
        # The schema generated from taxonomy.yaml.
        Code("E201", "unknown-key", "A key is not part of the record model.", "Remove the key or correct its spelling (a suggestion is shown when one is close)."),
        Code("E202", "missing-key", "A required key is missing.", "Add the key; write `undisclosed` (or `none` in `disclosure`) if the paper does not say."),
        Code("E203", "wrong-type", "A value has the wrong type (for example text where a list is expected).", "Use the type shown in the message; lists are written `[a, b]`."),
        Code("E204", "unknown-term", "A value is not a term of its vocabulary in taxonomy.yaml.", "Use a term listed in taxonomy.yaml (a suggestion is shown when one is close), or add the term there with a definition."),
        Code("E205", "bad-format", "A value does not have the required format (id, date, arXiv id, https URL, licence, finite number).", "Follow the format shown in the message; links must use https."),
        Code("E206", "bad-size", "A list is empty, too long or repeats an item, or a number is out of range.", "Adjust the value as the message says."),
        # The record's meaning and its relations to other records.
        Code("E301", "id-mismatch", "The `id` differs from the file name.", "Make `id` equal the file name without `.md`."),
        Code("E302", "duplicate-id", "Two studies have the same `id`.", "Give each study its own id."),
        Code("E303", "duplicate-arxiv", "Two studies have the same arXiv id.", "Merge the two records; one paper is one study."),
        Code("E304", "duplicate-title", "Two studies have the same title.", "Merge the two records, or correct the title from the paper's own page."),
        Code("E305", "unresolved-reference", "A `derived_from` id names no study in studies/.", "Use the id of a catalogued study, or add that study first."),
        Code("E306", "date-year-mismatch", "`year` differs from the year of `date`.", "Make `year` the year of the first public version's date."),
        Code("E307", "future-date", "`date` lies in the future.", "Use the date of the first public version."),
        Code("E308", "invalid-date", "`date` is not a real calendar date.", "Write the date as YYYY-MM-DD from the paper's own page."),
        Code("E309", "arxiv-link-mismatch", "`arxiv` differs from the arXiv id in `links.paper`.", "Make both name the same paper."),
        Code("E310", "arxiv-date-mismatch", "The arXiv id's month (when version 1 was announced) is before `date`, or more than two months after it.", "Use the date version 1 was submitted, from the arXiv page; if the first public version was not on arXiv, point links.paper at it."),
        Code("E311", "placeholder", "A value is a placeholder such as `unknown`, `TODO` or `?`.", "Look the fact up, write `undisclosed` if the paper does not say, or leave the study out."),
        Code("E312", "lineage-cycle", "`derived_from` links form a cycle.", "A release cannot be built from itself; correct the lineage."),
        Code("E313", "missing-trajectories", "An agent-trajectory record does not say whether failed and partial trajectories are kept.", "Add `trajectories: {failed: ..., partial: ..., source: ...}`."),
        Code("E314", "lineage-now-catalogued", "The Caveats name a parent as not catalogued yet, but a study in studies/ now catalogues it.", "Add that study's id to `derived_from` and take the name out of the Lineage sentence."),
        # The Markdown body.
        Code("E401", "missing-section", "A required body section is missing.", "Add the section heading and its text (see the template)."),
        Code("E402", "empty-section", "A required body section has no text.", "Write the section in the project's own words."),
        Code("E403", "duplicate-section", "A required body section appears twice.", "Merge the two sections."),
        # Generated files.
        Code("E501", "stale-generated", "A generated file differs from what the records produce.", "Run `make` and commit the regenerated files."),
        Code("E502", "marker", "A generated-section marker in README.md is missing, duplicated or out of order.", "Restore the marker pair `<!-- BEGIN GENERATED: name -->` / `<!-- END GENERATED: name -->`."),
        # Form.
        Code("E701", "not-canonical", "The front matter is not in canonical key order and layout.", "Run `make fmt` (it reorders keys and fixes layout, keeping comments and values)."),
        # The taxonomy itself.
        Code("E601", "taxonomy", "taxonomy.yaml is malformed: a vocabulary or term lacks a field, or an id repeats.", "Give every term an `id`, a `label` and a one-line `definition`; keep ids unique."),
    ]
}


def did_you_mean(word: object, choices) -> str:
    """A suffix such as ` (did you mean 'long-cot'?)`, or an empty string."""
    if not isinstance(word, str):
        return ""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""
