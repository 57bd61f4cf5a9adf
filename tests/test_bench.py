"""`make bench` on a tiny corpus: every phase runs and the report states both targets."""
from scripts import bench
from scripts.layout import Layout
from tests.conftest import ROOT


def test_bench_reports_every_phase_and_both_targets():
    report = bench.run(Layout(ROOT), n=40, repeat=1)
    for label in ("floor:", "parse:", "build (make, fresh clone)", "check (make check, after make: build stamp)",
                  "check (make check, no cache or stamp)", "build + check"):
        assert label in report, label
    assert "within 3x the floor:" in report
    assert "under 0.04 s:" in report  # the time target scales with N (10 s for 10,000)
    assert "KiB per added study; with no cache or stamp" in report
