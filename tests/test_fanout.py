import os

import pytest

from scripts import fanout, pipeline, records
from tests.conftest import INVALID, ROOT, TODAY


@pytest.fixture
def two_workers(monkeypatch):
    """Fan out even on a one-core machine and for tiny inputs."""
    monkeypatch.setattr(fanout, "workers", lambda: 2)
    monkeypatch.setattr(fanout, "MIN_ITEMS", 1)


def test_fan_out_keeps_the_serial_order(two_workers):
    items = list(range(101))
    result = fanout.fan_out(lambda some: [(x, os.getpid()) for x in some], items)
    assert [x for x, _ in result] == items
    pids = [pid for _, pid in result]
    assert pids[:51] == [os.getpid()] * 51  # this process computes the first slice itself
    assert os.getpid() not in pids[51:]  # a child computes the second


def test_fan_out_decodes_what_children_encode(two_workers):
    seen = []
    result = fanout.fan_out(lambda some: [x * 2 for x in some], list(range(10)),
                            encode=lambda r: ",".join(map(str, r)),
                            decode=lambda text: seen.append(text) or [int(v) for v in text.split(",")])
    assert result == [x * 2 for x in range(10)]
    assert seen == ["10,12,14,16,18"]  # only the child's slice was encoded


def test_fan_out_stays_serial_below_the_threshold(monkeypatch):
    monkeypatch.setattr(fanout, "workers", lambda: 2)
    result = fanout.fan_out(lambda some: [os.getpid() for _ in some], [1, 2, 3], min_items=10)
    assert result == [os.getpid()] * 3


def test_both_runs_the_second_in_a_child(two_workers):
    first, second = fanout.both(os.getpid, os.getpid, size=5)
    assert first == os.getpid() and second != os.getpid()


def test_parallel_load_equals_serial_load(make_repo, monkeypatch):
    layout = make_repo(ROOT / "studies", *sorted(INVALID.glob("e1*.md")))
    serial_studies, serial_problems = records.load_studies(layout)
    monkeypatch.setattr(fanout, "workers", lambda: 2)
    monkeypatch.setattr(fanout, "MIN_ITEMS", 1)
    studies, problems = records.load_studies(layout)
    assert [(s.rel, s.data, s.flow, s.headings, s.digest) for s in studies] == \
           [(s.rel, s.data, s.flow, s.headings, s.digest) for s in serial_studies]
    assert problems == serial_problems and problems  # the broken fixtures are reported either way


def test_parallel_check_reports_what_a_serial_check_reports(make_repo, monkeypatch):
    layout = make_repo(ROOT / "studies", *sorted(INVALID.glob("e[2-4]*.md")))
    serial = pipeline.check(layout, TODAY)
    for cache in (layout.cache, layout.stamp):
        cache.unlink(missing_ok=True)
    monkeypatch.setattr(fanout, "workers", lambda: 2)
    monkeypatch.setattr(fanout, "MIN_ITEMS", 1)
    assert pipeline.check(layout, TODAY) == serial and serial
