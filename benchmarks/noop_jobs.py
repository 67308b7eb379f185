"""No-op jobs through a real queue: persisted jobs per second and submit-to-start latency.

The job type ``bench.noop`` exists only in benchmark processes: it is a domain
(``NOOP_JOBS``) wired like any other, here and in ``python -m benchmarks.noop_worker``
(a ``stoat-ferret worker`` with that one domain more). Its handler returns at once, so
what is measured is the queue itself: the job row written at submit, the claim and
the ``running`` write, the terminal write, and the events the hub persists.

Every figure comes from the job table, where the queue itself wrote it:

* **throughput**: ``jobs`` submitted by ``submitters`` concurrent tasks as fast as they
  can; ``jobs / (last finished_at - wall clock before the first submit)``.
* **latency**: then ``latency_jobs`` submitted one every ``interval_s``, or slower: at
  most a quarter of the throughput just measured, so the figure is the time to pick a
  job up, not the queue's backlog (on a loaded machine a queue may not keep up with
  10 jobs a second); ``started_at - created_at`` of each. ``created_at`` is stamped
  when ``submit`` is called, ``started_at`` when a worker marks the job running (in
  another process for SAQ: the clocks are the same machine's).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from benchmarks.sampling import latency_summary
from stoat_ferret.backends import make_event_hub, make_job_queue
from stoat_ferret.db import Database
from stoat_ferret.jobs import JobContext, JobHandler
from stoat_ferret.jobs.models import JobRow
from stoat_ferret.settings import Settings
from stoat_ferret.wiring import Core, DomainSetup

NOOP = "bench.noop"


async def noop(ctx: JobContext, payload: dict[str, Any]) -> None:
    """Nothing: the job's cost is the queue's."""
    del ctx, payload


@dataclass(frozen=True)
class NoopDomain:
    job_handlers: Mapping[str, JobHandler] = field(default_factory=lambda: {NOOP: noop})
    event_types: frozenset[str] = frozenset()


def _setup_noop(core: Core) -> NoopDomain:
    del core
    return NoopDomain()


NOOP_JOBS = DomainSetup(name="bench-noop", setup=_setup_noop)
"""The benchmark's one domain: add it to ``default_domains()`` to run ``bench.noop``."""


@dataclass(frozen=True)
class NoopLoad:
    jobs: int = 2000
    submitters: int = 8
    latency_jobs: int = 200
    interval_s: float = 0.02
    limit_s: float = 600.0


async def _count_unfinished(database: Database) -> int:
    # No list of ids in the query: compiling an IN of 2,000 ids every 50 ms cost the
    # process more CPU than the queue's own writes, and was counted against the queue.
    async with database.sessions() as session:
        query = select(func.count()).where(JobRow.job_type == NOOP, JobRow.finished_at.is_(None))
        return int((await session.execute(query)).scalar_one())


async def _wait_finished(database: Database, job_ids: list[str], limit_s: float) -> None:
    """Until every no-op job has a ``finished_at`` (one count query per 50 ms).

    Every ``bench.noop`` row in the table is one of this measurement's (each run has a
    database of its own, and the loads run one after another), and ``job_ids`` are all
    stored once their submits have returned: none unfinished means all of them done.
    """
    deadline = time.monotonic() + limit_s
    while (await _count_unfinished(database)) > 0:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(job_ids)} no-op jobs not finished after {limit_s} s")
        await asyncio.sleep(0.05)


async def _rows(database: Database, job_ids: list[str]) -> list[JobRow]:
    async with database.sessions() as session:
        result = await session.execute(select(JobRow).where(JobRow.id.in_(job_ids)))
        return list(result.scalars())


async def _burst(queue: Any, database: Database, load: NoopLoad) -> dict[str, Any]:
    ids: list[str] = []
    counter = iter(range(load.jobs))
    submit_s: list[float] = []

    async def submitter() -> None:
        for n in counter:
            began = time.perf_counter()
            ids.append(await queue.submit(NOOP, {"n": n}))
            submit_s.append(time.perf_counter() - began)

    began_wall = datetime.now(UTC)
    began = time.perf_counter()
    await asyncio.gather(*(submitter() for _ in range(load.submitters)))
    submitted_s = time.perf_counter() - began
    await _wait_finished(database, ids, load.limit_s)
    rows = await _rows(database, ids)
    last = max(row.finished_at for row in rows if row.finished_at is not None)
    elapsed_s = (last - began_wall).total_seconds()
    return {
        "jobs": len(ids),
        "complete": sum(1 for row in rows if row.status == "complete"),
        "seconds": round(elapsed_s, 3),
        "jobs_per_s": round(len(ids) / elapsed_s, 1),
        "submit_phase_s": round(submitted_s, 3),
        "submits_per_s": round(len(ids) / submitted_s, 1),
        "submit_call": latency_summary(submit_s),
        "queued_to_start": latency_summary(_start_delays(rows)),
    }


def _start_delays(rows: list[JobRow]) -> list[float]:
    return [
        (row.started_at - row.created_at).total_seconds()
        for row in rows
        if row.started_at is not None
    ]


async def _paced(queue: Any, database: Database, load: NoopLoad) -> dict[str, Any]:
    ids: list[str] = []
    submit_s: list[float] = []
    began = time.perf_counter()
    for n in range(load.latency_jobs):
        await asyncio.sleep(max(0.0, began + n * load.interval_s - time.perf_counter()))
        sent = time.perf_counter()
        ids.append(await queue.submit(NOOP, {"n": n}))
        submit_s.append(time.perf_counter() - sent)
    await _wait_finished(database, ids, load.limit_s)
    rows = await _rows(database, ids)
    return {
        "jobs": len(ids),
        "rate_per_s": round(1 / load.interval_s, 1),
        "complete": sum(1 for row in rows if row.status == "complete"),
        "submit_call": latency_summary(submit_s),
        "submit_to_start": latency_summary(_start_delays(rows)),
    }


async def measure_noop(settings: Settings, load: NoopLoad, *, run_jobs: bool) -> dict[str, Any]:
    """Both loads through the queue ``settings`` select, built as a server builds it.

    ``run_jobs=False`` is an API server's queue (``serve --no-worker``): a worker
    process, started by the caller, runs the jobs.
    """
    database = Database.from_settings(settings)
    await database.migrate()
    hub = make_event_hub(settings, database)
    queue = make_job_queue(settings, database, run_jobs=run_jobs)
    queue.add_event_listener(hub.publish)
    queue.register_handler(NOOP, noop)
    await hub.start()
    await queue.start()
    try:
        await _paced(queue, database, NoopLoad(latency_jobs=5, interval_s=0.01))  # warm-up
        burst = await _burst(queue, database, load)
        # At most a quarter of what the queue just sustained: no backlog to wait behind.
        interval_s = max(load.interval_s, 4 / burst["jobs_per_s"])
        latency = await _paced(queue, database, replace(load, interval_s=interval_s))
    finally:
        await queue.stop()
        await hub.stop()
        await database.dispose()
    return {"throughput": burst, "latency": latency}
