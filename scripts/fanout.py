"""Split per-file work over the machine's cores, keeping the serial result's order.

Reading and checking one study does not depend on any other, so a large corpus is cut into as
many contiguous slices as there are workers, each slice runs in a forked child, and the slices'
results are joined in order: the output is the same bytes as a serial run. Small corpora, and
platforms without `fork`, run serially: starting processes costs more than it saves there.
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

_work: tuple | None = None  # (fn, items) for the forked children; set only around a fan-out


def workers() -> int:
    if sys.platform != "linux" or os.environ.get("PRIMER_WORKERS") == "1":
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - Linux always has it
        return os.cpu_count() or 1


def _run_slice(bounds: tuple[int, int]) -> list:
    fn, items = _work
    return fn(items[bounds[0]:bounds[1]])


def fan_out(fn: Callable[[Sequence[T]], list[R]], items: Sequence[T], min_items: int | None = None) -> list[R]:
    """`fn(items)`, computed slice by slice in forked children when there is enough work.

    `fn` maps a slice of items to a list of results, one per item or any number: the results of
    the slices are concatenated in order. `fn` and `items` reach the children by fork, not by
    pickling; only the results travel back, so they must pickle."""
    count = workers()
    if count < 2 or len(items) < (MIN_ITEMS if min_items is None else min_items):
        return fn(items)
    global _work
    size = -(-len(items) // count)
    bounds = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _work = (fn, items)
    try:
        with multiprocessing.get_context("fork").Pool(len(bounds)) as pool:
            parts = pool.map(_run_slice, bounds, chunksize=1)
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
