"""`make new ID=<id> [ARXIV=<id>]`: start a study file from templates/study.md.

With an arXiv id, the title, authors, first-version date and paper link are filled from the
arXiv API (the Atom feed's `published` is version 1's date). Offline, or for an id arXiv does
not know, the template is still written and one line says why it is not filled.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ARXIV_API = "https://export.arxiv.org/api/query?id_list={}"
ATOM = "{http://www.w3.org/2005/Atom}"
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ARXIV_ID = re.compile(r"^[0-9]{4}\.[0-9]{4,5}$")
_NEEDS_QUOTES = re.compile(r"""[,\[\]{}:#&*!|>'"%@`]|^\s|\s$|^-""")


@dataclass(frozen=True)
class Metadata:
    arxiv: str
    title: str
    authors: tuple[str, ...]
    published: str  # YYYY-MM-DD of version 1


def fetch(arxiv_id: str, timeout: float = 10.0) -> bytes:
    """The arXiv API's Atom response for one id; raises OSError (URLError, timeout) offline."""
    request = urllib.request.Request(ARXIV_API.format(arxiv_id), headers={"User-Agent": "reasoning-data-primer (make new)"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def parse(feed: bytes, arxiv_id: str) -> Metadata | None:
    """Metadata for arxiv_id from an Atom feed, or None when the feed has no such paper."""
    try:
        root = ElementTree.fromstring(feed)
    except ElementTree.ParseError:
        return None
    for entry in root.iter(f"{ATOM}entry"):
        entry_id = (entry.findtext(f"{ATOM}id") or "").strip()
        if not re.search(rf"/abs/{re.escape(arxiv_id)}(v\d+)?$", entry_id):
            continue  # the API answers unknown ids with an error entry
        title = " ".join((entry.findtext(f"{ATOM}title") or "").split())
        authors = tuple(" ".join(a.findtext(f"{ATOM}name", "").split()) for a in entry.findall(f"{ATOM}author"))
        published = (entry.findtext(f"{ATOM}published") or "")[:10]
        if title and authors and re.match(r"^\d{4}-\d{2}-\d{2}$", published):
            return Metadata(arxiv_id, title, authors, published)
    return None


def _name(text: str) -> str:
    return json.dumps(text, ensure_ascii=False) if _NEEDS_QUOTES.search(text) else text


def _set(text: str, key: str, value: str) -> str:
    """Replace the value of a top-level or indented `key:` line, keeping its comment."""
    pattern = re.compile(rf"^(\s*{re.escape(key)}: )(.*?)(\s+#.*)?$", re.M)
    return pattern.sub(lambda m: f"{m.group(1)}{value}{m.group(3) or ''}", text, count=1)


def fill(template: str, study_id: str, meta: Metadata | None) -> str:
    text = _set(template, "id", study_id)
    if meta is None:
        return text
    text = _set(text, "title", json.dumps(meta.title, ensure_ascii=False))
    text = _set(text, "authors", "[" + ", ".join(_name(a) for a in meta.authors) + "]")
    text = _set(text, "year", meta.published[:4])
    text = _set(text, "date", meta.published)
    text = _set(text, "arxiv", f'"{meta.arxiv}"')
    text = _set(text, "paper", f"https://arxiv.org/abs/{meta.arxiv}")
    return text


def create(studies: Path, template: Path, study_id: str, arxiv_id: str | None,
           fetcher: Callable[[str], bytes] = fetch) -> tuple[Path | None, list[str]]:
    """Write studies/<id>.md; return its path (None if nothing was written) and messages."""
    if not ID.match(study_id):
        return None, [f"ID '{study_id}' must be kebab-case: lowercase letters, digits and single hyphens"]
    target = studies / f"{study_id}.md"
    if target.exists():
        return None, [f"{target} already exists; edit it instead"]
    meta = None
    messages = []
    if arxiv_id:
        if not ARXIV_ID.match(arxiv_id):
            messages.append(f"ARXIV '{arxiv_id}' is not an arXiv id such as 2501.19393; wrote the template unfilled")
        else:
            try:
                meta = parse(fetcher(arxiv_id), arxiv_id)
                if meta is None:
                    messages.append(f"arXiv has no paper {arxiv_id}; wrote the template unfilled")
            except OSError as err:
                reason = getattr(err, "reason", None) or err
                messages.append(f"could not reach arXiv ({reason}); wrote the template unfilled")
    studies.mkdir(parents=True, exist_ok=True)
    target.write_text(fill(template.read_text(encoding="utf-8"), study_id, meta), encoding="utf-8")
    if meta is not None:
        messages.append(f"filled title, {len(meta.authors)} authors, date {meta.published} and links from arXiv {arxiv_id}; check them against the paper's page")
    messages.append(f"wrote {target.name}; fill the TODOs, then run `make fmt` and `make check`")
    return target, messages
