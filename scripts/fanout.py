"""Split per-file work over the machine's cores, keeping the serial result's order.

Reading and checking one study does not depend on any other, so a large corpus is cut into as
many contiguous slices as there are cores: this process works on the first slice while forked
children work on the others, and the slices' results are joined in order, so the output is the
same bytes as a serial run. Small corpora, and platforms without `fork`, run serially: starting
processes costs more than it saves there.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a serial run is faster than forking (measured with `make bench`).
MIN_ITEMS = 2000

_work: tuple | None = None  # what the forked children run; set only around a fan-out


def workers() -> int:
    if sys.platform != "linux" or os.environ.get("PRIMER_WORKERS") == "1":
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - Linux always has it
        return os.cpu_count() or 1


def _run_slice(bounds: tuple[int, int]):
    fn, items, encode = _work
    result = fn(items[bounds[0]:bounds[1]])
    return encode(result) if encode else result


def fan_out(fn: Callable[[Sequence[T]], list[R]], items: Sequence[T], min_items: int | None = None,
            encode: Callable[[list[R]], object] | None = None,
            decode: Callable[[object], list[R]] | None = None) -> list[R]:
    """`fn(items)`, computed slice by slice on all cores when there is enough work.

    `fn` maps a slice of items to a list of results, one per item or any number; the slices'
    results are concatenated in order. `fn` and `items` reach the children by fork, not by
    pickling, and only the children's results travel back: as `encode(results)`, turned back by
    `decode` (marshal, say, is several times faster than pickle for plain values), or pickled
    when no codec is given. This process computes the first slice itself, which saves a fork
    and a transfer."""
    count = workers()
    if count < 2 or len(items) < (MIN_ITEMS if min_items is None else min_items):
        return fn(items)
    global _work
    size = -(-len(items) // count)
    bounds = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _work = (fn, items, encode)
    try:
        with multiprocessing.get_context("fork").Pool(len(bounds) - 1) as pool:
            pending = [pool.apply_async(_run_slice, (b,)) for b in bounds[1:]]
            parts = [fn(items[bounds[0][0]:bounds[0][1]])]
            parts += [decode(job.get()) if decode else job.get() for job in pending]
    finally:
        _work = None
    return [result for part in parts for result in part]


def _call(index: int):
    return _work[index]()


def both(first: Callable[[], R], second: Callable[[], T], size: int, min_items: int | None = None) -> tuple[R, T]:
    """(first(), second()): `second` runs in a forked child while this process runs `first`,
    when `size` (the number of items the two work on) makes that worth a fork."""
    if workers() < 2 or size < (MIN_ITEMS if min_items is None else min_items):
        return first(), second()
    global _work
    _work = (first, second)
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            pending = pool.apply_async(_call, (1,))
            result = first()
            return result, pending.get()
    finally:
        _work = None
