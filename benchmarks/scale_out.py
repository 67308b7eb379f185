"""The ``scale-out`` benchmark: the job queues side by side, then a scan on 1 and 2 workers.

1. **No-op jobs** (``benchmarks/noop_jobs.py``) through three queues, each built by
   ``make_job_queue`` from its settings: the embedded queue on SQLite (everything in
   this process, as ``stoat-ferret serve`` runs it), and SAQ on PostgreSQL and on
   Redis, where this process submits as an API server does (``serve --no-worker``) and
   one ``python -m benchmarks.noop_worker`` process (a ``stoat-ferret worker`` that
   also knows the no-op type) runs the jobs. Both SAQ runs keep our tables in the same
   PostgreSQL, so the broker is the only difference between them.
2. **A scan of the corpus** (``benchmarks/corpus.py``; few templates, many copies) by
   an API server started as ``stoat-ferret serve --no-worker`` and 1, then 2
   ``stoat-ferret worker`` processes, on PostgreSQL and SAQ's PostgreSQL queue, each on
   a fresh database. It measures whatever the scan does on this code: one ``scan`` job
   runs on one worker, so a second worker only helps once the scan fans out into
   ``scan.batch`` jobs. Each worker's CPU seconds and the job types listed afterwards
   show who did the work.
3. **``/health/live``** of that API server, sampled every 20 ms during each scan, against
   the same server idle (workers started, nothing queued) just before.

PostgreSQL and Redis are the test suite's throw-away servers (``tests/support``):
started on free loopback ports in temporary folders, removed at the end.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import math
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tests.support.postgres import PostgresServer, running_postgres
from tests.support.redis import running_redis

from benchmarks.corpus import CACHE_DIR, Corpus, build_corpus
from benchmarks.noop_jobs import NoopLoad, measure_noop
from benchmarks.sampling import sample_idle
from benchmarks.scan import measured_scan
from benchmarks.server import cpu_seconds, run_processes, run_server, stoat_ferret_argv
from benchmarks.store_floor import measure_floors
from stoat_ferret.settings import Settings

Log = Callable[[str], None]


@dataclass
class ScaleOutOptions:
    jobs: int = 2000
    saq_jobs: int = 500
    submitters: int = 8
    latency_jobs: int = 100
    interval_s: float = 0.1
    files: int = 1000
    templates: int = 8
    tiny: bool = False
    workers: tuple[int, ...] = (1, 2)
    concurrency: int | None = None
    idle_s: float = 3.0
    cache_dir: Path = CACHE_DIR
    work_dir: Path | None = None


def _env(settings: Settings) -> dict[str, str]:
    """What a worker process needs to join ``settings``'s deployment."""
    env = {"STOAT_DATA_DIR": str(settings.data_dir), "STOAT_QUEUE_NAME": settings.queue_name,
           "STOAT_JOB_WORKERS": str(settings.job_workers)}  # fmt: skip
    if settings.database_url is not None:
        env["STOAT_DATABASE_URL"] = settings.database_url
    if settings.queue_url is not None:
        env["STOAT_QUEUE_URL"] = settings.queue_url
    return env


def _deployment(
    work: Path, name: str, postgres: PostgresServer, queue_url: str, **extra: Any
) -> Settings:
    """Settings of a fresh deployment: its own database, data dir and SAQ queue names."""
    database = postgres.create_database(name)
    return Settings(
        data_dir=work / name,
        database_url=postgres.url(database),
        queue_url=queue_url.replace("{database}", database),
        queue_name=f"b{uuid.uuid4().hex[:10]}",
        log_level="warning",
        **extra,
    )


def _noop_backends(
    options: ScaleOutOptions, work: Path, postgres: PostgresServer, redis_url: str, log: Log
) -> dict[str, Any]:
    def load(jobs: int) -> NoopLoad:
        return NoopLoad(
            jobs=jobs,
            submitters=options.submitters,
            latency_jobs=options.latency_jobs,
            interval_s=options.interval_s,
        )

    workers = {"job_workers": options.concurrency} if options.concurrency else {}
    measured: dict[str, Any] = {}
    log(f"no-op jobs: {options.jobs} (SAQ: {options.saq_jobs}) from {options.submitters} "
        f"submitters, then {options.latency_jobs} at {1 / options.interval_s:.0f}/s")  # fmt: skip
    embedded = Settings(data_dir=work / "embedded", log_level="warning", **workers)
    measured["embedded"] = asyncio.run(measure_noop(embedded, load(options.jobs), run_jobs=True))
    measured["embedded"]["load_average"] = _load()
    _log_noop(log, "embedded (SQLite)", measured["embedded"])
    brokers = {"saq_postgres": postgres.url("{database}", driver=""), "saq_redis": redis_url}
    for name, queue_url in brokers.items():
        settings = _deployment(work, name, postgres, queue_url, **workers)
        argv = [sys.executable, "-m", "benchmarks.noop_worker"]
        with run_processes(argv, 1, _env(settings), work / name / "logs") as pids:
            noop = measure_noop(settings, load(options.saq_jobs), run_jobs=False)
            measured[name] = asyncio.run(noop)
            measured[name]["worker_cpu_s"] = round(cpu_seconds(pids[0]), 2)
            measured[name]["load_average"] = _load()
        _log_noop(log, name, measured[name])
    return measured


def _load() -> list[float]:
    """The load average (1/5/15 min) after a phase: the machine is shared."""
    return [round(x, 2) for x in os.getloadavg()]


def _log_noop(log: Log, name: str, result: dict[str, Any]) -> None:
    burst, paced = result["throughput"], result["latency"]["submit_to_start"]
    log(f"  {name}: {burst['jobs_per_s']} jobs/s; submit to start p50 {paced['p50_ms']} ms, "
        f"p99 {paced['p99_ms']} ms")  # fmt: skip


def _jobs_by_type(client: Any) -> dict[str, dict[str, int]]:
    """The newest 500 jobs, counted by type and status."""
    jobs = client.get("/api/v1/jobs", params={"limit": 500}).json()["jobs"]
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for job in jobs:
        counts[job["job_type"]][job["status"]] += 1
    return {job_type: dict(statuses) for job_type, statuses in sorted(counts.items())}


def _scan_on_workers(
    options: ScaleOutOptions, work: Path, postgres: PostgresServer, corpus: Corpus, count: int
) -> dict[str, Any]:
    settings = _deployment(work, f"scan_{count}w", postgres, postgres.url("{database}", driver=""))
    env = _env(settings)
    worker_argv = stoat_ferret_argv("worker")
    if options.concurrency:
        worker_argv += ["--concurrency", str(options.concurrency)]
    with (
        run_server(settings.data_dir, env=env, args=["--no-worker"]) as server,
        # At info, a worker says "worker.started" once it takes jobs (a few lines a job).
        run_processes(
            worker_argv,
            count,
            {**env, "STOAT_LOG_LEVEL": "info"},
            settings.data_dir / "logs",
            ready="worker.started",
        ) as pids,
    ):
        idle = sample_idle(server.url, options.idle_s)
        before = [cpu_seconds(pid) for pid in pids]
        server_before = cpu_seconds(server.pid)
        scan = measured_scan(server, corpus.root, trace=True)
        scan["worker_cpu_s"] = [
            round(cpu_seconds(p) - b, 2) for p, b in zip(pids, before, strict=True)
        ]
        scan["server_cpu_s"] = round(cpu_seconds(server.pid) - server_before, 2)
        with server.client() as client:
            scan["jobs"] = _jobs_by_type(client)
    scan["idle_health"] = idle
    scan["load_average"] = _load()
    for key in ("health_series", "progress_series"):  # plots are the scan benchmark's
        scan.pop(key, None)
    return scan


def run_scale_out_benchmark(
    options: ScaleOutOptions,
    log: Log = print,
    *,
    postgres: PostgresServer | None = None,
    redis_url: str | None = None,
) -> dict[str, Any]:
    """The whole benchmark; ``postgres`` and ``redis_url``: servers to use (else started)."""
    corpus = build_corpus(options.files, templates=options.templates, tiny=options.tiny,
                          cache_dir=options.cache_dir, log=log)  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="stoat-bench-scale-out-", dir=options.work_dir))
    metrics: dict[str, Any] = {}
    try:
        with contextlib.ExitStack() as servers:
            if postgres is None:
                postgres = servers.enter_context(running_postgres())
            if redis_url is None:
                redis_url = servers.enter_context(running_redis(work)).url
            metrics["floors"] = measure_floors(work / "floors", min(options.jobs, 500))
            metrics["noop"] = _noop_backends(options, work, postgres, redis_url, log)
            metrics["scan"] = {}
            for count in options.workers:
                log(f"scan of {len(corpus.files)} files: API server --no-worker, {count} "
                    "worker(s), PostgreSQL + SAQ")  # fmt: skip
                started = time.perf_counter()
                run = _scan_on_workers(options, work, postgres, corpus, count)
                metrics["scan"][str(count)] = run
                log(f"  {count} worker(s): {run['status']} in {run['wall_s']} s "
                    f"({run['files_per_s']} files/s), worker CPU {run['worker_cpu_s']} s, "
                    f"/health/live p99 {run['health']['p99_ms']} ms; jobs {run['jobs']} "
                    f"({time.perf_counter() - started:.0f} s with start-up)")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "benchmark": "scale-out",
        "params": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(options).items()},
        "corpus": corpus.summary(),
        "metrics": metrics,
        "rows": scale_out_rows(metrics),
    }


NOOP_NAMES = {"embedded": "embedded queue (SQLite)", "saq_postgres": "SAQ on PostgreSQL",
              "saq_redis": "SAQ on Redis"}  # fmt: skip


def _ratio(value: float, baseline: float) -> float | None:
    """``value / baseline``, or None where the baseline has no samples (NaN) or is 0."""
    if not math.isfinite(baseline) or baseline <= 0:
        return None
    return round(value / baseline, 1)


def _load_text(measured: dict[str, Any]) -> str:
    load = measured.get("load_average")
    return "" if load is None else f"; load {' / '.join(str(x) for x in load)} after"


def scale_out_rows(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    noop = metrics["noop"]
    floor = noop["embedded"]["throughput"]["jobs_per_s"]
    for key, name in NOOP_NAMES.items():
        burst, paced = noop[key]["throughput"], noop[key]["latency"]
        start = paced["submit_to_start"]
        ratio = round(burst["jobs_per_s"] / floor, 2)
        embedded = key == "embedded"
        rows.append({
            "metric": f"no-op jobs, {name}",
            "figure": f"{burst['jobs_per_s']:.0f} jobs/s ({burst['jobs']} jobs, "
            f"{burst['complete']} complete); submit to start p50 {start['p50_ms']:.1f} ms, "
            f"p99 {start['p99_ms']:.1f} ms at {paced['rate_per_s']} jobs/s"
            f"{_load_text(noop[key])}",
            "baseline": "-" if embedded else f"embedded {floor:.0f} jobs/s",
            "ratio": ratio,
            "ratio_text": "-" if embedded else f"{ratio}x the jobs/s",
            "target": ">= 1,000 jobs/s" if embedded else "-",
            "met": burst["jobs_per_s"] >= 1000 if embedded else None,
        })  # fmt: skip
    store, raw = metrics["floors"]["store"], metrics["floors"]["sqlite3"]
    rows.append({
        "metric": "embedded: one writer's floor, insert + 2 updates per job, no queue",
        "figure": f"SqlJobStore {store['jobs_per_s']:.0f} jobs/s (insert {store['insert_ms']} ms, "
        f"update {store['update_ms']} ms); sqlite3 {raw['jobs_per_s']:.0f} jobs/s "
        f"(insert {raw['insert_ms']} ms, update {raw['update_ms']} ms)",
        "baseline": f"embedded queue {floor:.0f} jobs/s",
        "ratio": round(store["jobs_per_s"] / floor, 2),
        "ratio_text": f"store floor {store['jobs_per_s'] / floor:.2f}x the queue; sqlite3 "
        f"{raw['jobs_per_s'] / floor:.1f}x",
        "target": "-",
        "met": None,
    })  # fmt: skip
    scans = metrics["scan"]
    one = scans.get("1")
    for count, run in scans.items():
        health, idle = run["health"], run["idle_health"]
        speedup = round(one["wall_s"] / run["wall_s"], 2) if one and count != "1" else None
        rows.append({
            "metric": f"scan of {run['files']} files, {count} worker(s), PostgreSQL + SAQ",
            "figure": f"{run['wall_s']:.1f} s ({run['files_per_s']} files/s, {run['status']}); "
            f"worker CPU {run['worker_cpu_s']} s; jobs {run['jobs']}{_load_text(run)}",
            "baseline": "-" if speedup is None else f"1 worker {one['wall_s']:.1f} s",
            "ratio": speedup,
            "ratio_text": "-" if speedup is None else f"{speedup}x as fast",
            "target": "-",
            "met": None,
        })  # fmt: skip
        p99_ratio = _ratio(health["p99_ms"], idle["p99_ms"])
        rows.append({
            "metric": f"/health/live of the API server during that scan ({count} worker(s))",
            "figure": f"p50 {health['p50_ms']:.1f} ms, p99 {health['p99_ms']:.1f} ms "
            f"({health['n']} samples)",
            "baseline": f"idle p99 {idle['p99_ms']:.1f} ms",
            "ratio": p99_ratio,
            "ratio_text": "-" if p99_ratio is None else f"p99 {p99_ratio}x",
            "target": "-",
            "met": None,
        })  # fmt: skip
    return rows
