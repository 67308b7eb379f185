"""The ``scale-out`` benchmark end to end at tiny sizes, so its code cannot rot.

Not a measurement (a few jobs, a few files, no assertion on any time): it proves that
the no-op job type runs through all three queues, that a scan through ``serve
--no-worker`` and 1 and 2 ``worker`` processes completes with every file, that the
health sampler saw the server during the scans, and that the table renders.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.report import render_table
from benchmarks.scale_out import NOOP_NAMES, ScaleOutOptions, run_scale_out_benchmark

from tests.benchmarks.test_bench_smoke import MACHINE, quiet
from tests.support.postgres import PostgresServer
from tests.support.redis import RedisServer


def test_scale_out_benchmark_end_to_end(
    postgres_server: PostgresServer, redis_server: RedisServer, tmp_path: Path
) -> None:
    options = ScaleOutOptions(
        jobs=30, saq_jobs=20, submitters=3, latency_jobs=5, interval_s=0.01, files=6,
        templates=2, tiny=True, idle_s=0.5, cache_dir=tmp_path / "cache",
        work_dir=tmp_path / "work",
    )  # fmt: skip
    (tmp_path / "work").mkdir()
    results = run_scale_out_benchmark(
        options, quiet, postgres=postgres_server, redis_url=redis_server.url
    )

    noop = results["metrics"]["noop"]
    assert set(noop) == set(NOOP_NAMES)
    for name, measured in noop.items():
        jobs = 30 if name == "embedded" else 20
        assert measured["throughput"]["complete"] == jobs
        assert measured["throughput"]["queued_to_start"]["n"] == jobs
        assert measured["latency"]["complete"] == 5
        assert measured["latency"]["submit_to_start"]["n"] == 5
    assert noop["saq_postgres"]["worker_cpu_s"] > 0  # the worker process ran them
    floors = results["metrics"]["floors"]
    assert floors["writes"] == 30
    assert floors["store"]["jobs_per_s"] > 0 and floors["sqlite3"]["jobs_per_s"] > 0
    scans = results["metrics"]["scan"]
    assert set(scans) == {"1", "2"}
    for count, run in scans.items():
        assert run["status"] == "complete"
        assert run["result"]["new"] == 6 - run["errors"]
        assert run["progress_monotonic"] is True
        assert run["health"]["n"] > 0
        assert len(run["worker_cpu_s"]) == int(count)
        assert run["jobs"]["scan"] == {"complete": 1}
        assert len(run["load_average"]) == 3
    assert list((tmp_path / "work").iterdir()) == []  # data folders and Redis are gone

    results["machine"], results["command"] = MACHINE, "bench scale-out"
    table = render_table(results)
    assert "| no-op jobs, SAQ on Redis |" in table
    assert "| embedded: one writer's floor" in table
    assert "| scan of 6 files, 2 worker(s), PostgreSQL + SAQ |" in table
