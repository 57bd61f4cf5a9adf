"""`make bench`: time check and build on N synthetic studies against the parse floor.

The synthetic studies are copies of the real ones with fresh ids, titles and arXiv ids (and
`derived_from` pointing at copies of the same round), in a temporary repository. Each phase runs
in its own process so that its time and peak memory are its own; each is repeated and the
fastest run is kept, because this machine is shared and noisy.

The floor is the least any tool must do: read each file, split off the front matter and parse
it with ruamel's C-accelerated safe loader.
"""
from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML
from tabulate import tabulate

from scripts import frontmatter, pipeline, records, yamlload
from scripts.layout import Layout


def _copy(front: str, data: dict, i: int, base: int, index_of: dict, n: int) -> str:
    """A copy of canonical front matter with fresh identity; only whole lines are replaced,
    so the copy stays in canonical form."""
    new_id = f"{data['id']}-s{i:05d}"
    lines = {
        "id": f"id: {new_id}",
        "title": "title: " + json.dumps(f"{data['title']} (synthetic {i})", ensure_ascii=False),
    }
    out = re.sub(r"^id: .*$", lines["id"], front, count=1, flags=re.M)
    out = re.sub(r"^title: .*$", lambda _: lines["title"], out, count=1, flags=re.M)
    if "arxiv" in data:
        arxiv = f"{data['arxiv'][:4]}.{i:05d}"
        out = re.sub(r'^arxiv: .*$', f'arxiv: "{arxiv}"', out, count=1, flags=re.M)
        out = re.sub(r"^  paper: https://arxiv\.org/abs/.*$", f"  paper: https://arxiv.org/abs/{arxiv}", out, count=1, flags=re.M)
    parents = [f"{p}-s{base + index_of[p]:05d}" for p in data["construction"]["derived_from"]
               if p in index_of and base + index_of[p] < n]
    out = re.sub(r"^  derived_from: \[.*\]$", f"  derived_from: [{', '.join(parents)}]", out, count=1, flags=re.M)
    return new_id, out


def synthesize(source: Layout, target: Path, n: int) -> int:
    """Write n synthetic studies under target/studies, plus taxonomy and README; return n."""
    templates = []
    for path in records.study_paths(source):
        split = frontmatter.split(frontmatter.decode(path.read_bytes()))
        templates.append((split.front, yamlload.load(split.front), split.body))
    if not templates:
        raise SystemExit("bench needs at least one study under studies/ to copy")
    (target / "studies").mkdir(parents=True)
    shutil.copy(source.taxonomy, target / "taxonomy.yaml")
    shutil.copy(source.readme, target / "README.md")
    shutil.copy(source.contributing, target / "CONTRIBUTING.md")
    index_of = {data["id"]: i for i, (_, data, _) in enumerate(templates)}
    count = len(templates)
    for i in range(n):
        front, data, body = templates[i % count]
        new_id, copied = _copy(front, data, i, i - i % count, index_of, n)
        (target / "studies" / f"{new_id}.md").write_text(f"---\n{copied}---\n{body}", encoding="utf-8")
    return n


def _reset(layout: Layout, readme: str) -> None:
    """Back to a fresh clone: no generated files, no parse cache."""
    for folder in (layout.views, layout.exports, layout.schema.parent, layout.cache.parent):
        shutil.rmtree(folder, ignore_errors=True)
    layout.readme.write_text(readme, encoding="utf-8")


def phase(name: str, root: Path) -> dict:
    """Run one phase in this process; return its wall time and peak memory."""
    layout = Layout(root)
    start = time.perf_counter()
    if name == "floor":
        safe = YAML(typ="safe")
        for path in records.study_paths(layout):
            split = frontmatter.split(frontmatter.decode(path.read_bytes()))
            safe.load(split.front)
    elif name == "parse-cold":
        records.load_studies(layout)  # no cache
    elif name == "build":
        problems, _ = pipeline.build(layout, _today())
        if problems:
            raise SystemExit(f"bench build found problems: {problems[:3]}")
    elif name == "check":
        problems = pipeline.check(layout, _today())
        if problems:
            raise SystemExit(f"bench check found problems: {problems[:3]}")
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mib": peak_kib / 1024}


def _today():
    import datetime as dt

    return dt.date.today()


def _in_subprocess(name: str, root: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "scripts", "bench-phase", name, "--root", str(root)],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    if out.returncode != 0:
        raise SystemExit(f"bench phase '{name}' failed:\n{(out.stdout + out.stderr)[-2000:]}")
    return json.loads(out.stdout)


def run(source: Layout, n: int, repeat: int) -> str:
    """Each round starts from a fresh clone: build (cold), then check (as after `make`), then a
    check with the parse cache removed (as on a clone that never ran `make`)."""
    with tempfile.TemporaryDirectory(prefix="primer-bench-") as temp:
        big, small = Path(temp) / "big", Path(temp) / "small"
        synthesize(source, big, n)
        n_small = max(1, n // 10)
        synthesize(source, small, n_small)
        readme = (big / "README.md").read_text(encoding="utf-8")
        best: dict[str, dict] = {}

        def keep(name: str, result: dict) -> None:
            if name not in best or result["seconds"] < best[name]["seconds"]:
                best[name] = result

        for _ in range(repeat):
            keep("floor", _in_subprocess("floor", big))
            keep("parse", _in_subprocess("parse-cold", big))
            _reset(Layout(big), readme)
            keep("build", _in_subprocess("build", big))
            keep("check", _in_subprocess("check", big))
            shutil.rmtree(Layout(big).cache.parent)
            keep("check-cold", _in_subprocess("check", big))
        _in_subprocess("build", small)
        check_small = _in_subprocess("check", small)
        shutil.rmtree(Layout(small).cache.parent)
        cold_small = _in_subprocess("check", small)
    floor = best["floor"]["seconds"]
    labels = {
        "floor": "floor: read + split + ruamel C safe load",
        "parse": "parse: read + split + primer loader (no cache)",
        "build": "build (make, fresh clone)",
        "check": "check (make check, after make: build stamp)",
        "check-cold": "check (make check, no cache or stamp)",
    }
    rows = [[labels[k], best[k]["seconds"], best[k]["seconds"] / floor, best[k]["peak_mib"]] for k in labels]
    both = best["build"]["seconds"] + best["check"]["seconds"]
    rows.append(["build + check", both, both / floor, ""])
    table = tabulate(rows, headers=["phase", "seconds", "x floor", "peak MiB"], floatfmt=(".0f", ".2f", ".2f", ".0f"))
    slope = (best["check"]["peak_mib"] - check_small["peak_mib"]) * 1024 / max(1, n - n_small)
    cold_slope = (best["check-cold"]["peak_mib"] - cold_small["peak_mib"]) * 1024 / max(1, n - n_small)
    limit = 10 * n / 10000
    return (
        f"{n} synthetic studies; best of {repeat} rounds, each phase in its own process\n\n{table}\n\n"
        f"build + check within 3x the floor: {'yes' if both <= 3 * floor else 'NO'} ({both / floor:.2f}x)\n"
        f"build + check under {limit:g} s: {'yes' if both < limit else 'NO'} ({both:.2f} s)\n"
        f"memory: check peaks at {check_small['peak_mib']:.0f} MiB for {n_small} studies and "
        f"{best['check']['peak_mib']:.0f} MiB for {n}, {slope:.1f} KiB per added study; "
        f"with no cache or stamp {cold_small['peak_mib']:.0f} and {best['check-cold']['peak_mib']:.0f} MiB, "
        f"{cold_slope:.1f} KiB per added study\n"
    )
