"""What only the durable queue can do: survive a restart on the same database.

The job store's tests: each runs on a SQLite file and on a real PostgreSQL.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from stoat_ferret.clock import utcnow
from stoat_ferret.db import Database
from stoat_ferret.jobs import AsyncioJobQueue, JobContext, JobStatus
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.sql_store import SqlJobStore

pytestmark = pytest.mark.both_databases


async def echo(ctx: JobContext, payload: dict[str, Any]) -> Any:
    return payload


async def crash_leftover(database: Database, attempts: int, **fields: Any) -> str:
    """Leave a job as a killed process would: ``running``, its lease run out."""
    queue = AsyncioJobQueue(database.sessions, writer=database.writer)
    queue.register_handler("echo", echo)
    job_id = await queue.submit("echo", {"x": 1})
    store = SqlJobStore(database.sessions, writer=database.writer)
    record = await store.get(job_id)
    assert record is not None
    record.status = JobStatus.RUNNING
    record.attempts = attempts
    record.lease_expires_at = utcnow() - timedelta(seconds=1)
    for name, value in fields.items():
        setattr(record, name, value)
    await store.update(record)
    return job_id


@contextlib.asynccontextmanager
async def restarted(database: Database) -> AsyncIterator[AsyncioJobQueue]:
    """A new durable queue on the same SQLite file, started as a restarted server would."""
    queue = AsyncioJobQueue(database.sessions, writer=database.writer)
    queue.register_handler("echo", echo)
    await queue.start()
    try:
        yield queue
    finally:
        await queue.stop()


async def test_pending_jobs_survive_a_restart(database: Database) -> None:
    first = AsyncioJobQueue(database.sessions, writer=database.writer)
    first.register_handler("echo", echo)
    job_id = await first.submit("echo", {"kept": True})  # never started
    await first.stop()  # an orderly stop puts it back for anyone
    async with restarted(database) as second:
        result = await second.wait(job_id, timeout=5)
    assert result.status is JobStatus.COMPLETE
    assert result.result == {"kept": True}


async def test_running_job_is_requeued_once_after_a_crash(database: Database) -> None:
    job_id = await crash_leftover(database, attempts=1)
    async with restarted(database) as queue:
        result = await queue.wait(job_id, timeout=5)
    assert result.status is JobStatus.COMPLETE
    record = await SqlJobStore(database.sessions).get(job_id)
    assert record is not None and record.attempts == 2


async def test_running_job_that_died_twice_fails_with_a_clear_error(database: Database) -> None:
    job_id = await crash_leftover(database, attempts=2)
    async with restarted(database) as queue:
        result = await queue.get_result(job_id)
    assert result.status is JobStatus.FAILED
    assert result.error is not None and "not retried" in result.error


async def test_crash_during_cancel_ends_cancelled(database: Database) -> None:
    job_id = await crash_leftover(database, attempts=1, cancel_requested=True)
    async with restarted(database) as queue:
        assert await queue.get_status(job_id) is JobStatus.CANCELLED


async def test_state_is_visible_to_a_second_instance(database: Database) -> None:
    async with restarted(database) as queue:
        job_id = await queue.submit("echo", {"n": 2})
        await queue.wait(job_id, timeout=5)
    reader = AsyncioJobQueue(database.sessions, writer=database.writer)
    result = await reader.get_result(job_id)
    assert result.status is JobStatus.COMPLETE
    assert result.result == {"n": 2}
    assert [job.job_id for job in await reader.list_jobs()] == [job_id]


async def test_five_hundred_jobs_all_finish_with_bounded_workers(database: Database) -> None:
    workers = 4
    queue = AsyncioJobQueue(database.sessions, writer=database.writer, workers=workers)
    running = 0
    peak = 0
    all_busy = asyncio.Event()

    async def counted(ctx: JobContext, payload: dict[str, Any]) -> int:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        if running == workers:
            all_busy.set()
        # The first jobs hold their slot until every worker is busy, so the bound is
        # reached whatever the store's write speed; a queue without the bound would
        # then run more than ``workers`` at once and exceed it.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(10):
                await all_busy.wait()
        await asyncio.sleep(0)
        running -= 1
        return int(payload["n"])

    queue.register_handler("counted", counted)
    await queue.start()
    try:
        ids = await asyncio.gather(*(queue.submit("counted", {"n": n}) for n in range(500)))
        results = [await queue.wait(job_id, timeout=60) for job_id in ids]
    finally:
        await queue.stop()
    assert len(set(ids)) == 500
    assert all(r.status is JobStatus.COMPLETE for r in results)
    assert sorted(r.result for r in results) == list(range(500))
    assert peak == workers


class CountingStore(SqlJobStore):
    """The real store, counting its writes and keeping the last one written.

    Per instance: a count shared by the class would carry over from one database's
    run of a test to the next.
    """

    updates = 0
    last_written: JobRecord | None = None

    async def update(self, record: JobRecord, *, holder: str | None = None) -> bool:
        self.updates += 1
        cancel_requested = await super().update(record, holder=holder)
        self.last_written = record
        return cancel_requested

    def written_detail(self) -> dict[str, Any] | None:
        return None if self.last_written is None else self.last_written.progress_detail


async def test_progress_writes_are_throttled_but_final_value_is_stored(
    database: Database,
) -> None:
    from stoat_ferret.jobs.engine import QueueEngine

    store = CountingStore(database.sessions)
    queue = QueueEngine(store, progress_flush_interval_s=0.5)
    release = asyncio.Event()

    loop_s: list[float] = []

    async def hot_loop(ctx: JobContext, payload: dict[str, Any]) -> None:
        started = time.monotonic()
        for n in range(1, 2001):
            await ctx.set_progress(n / 4000, {"processed": n})
        loop_s.append(time.monotonic() - started)
        await release.wait()

    queue.register_handler("hot", hot_loop)
    await queue.start()
    try:
        job_id = await queue.submit("hot", {})
        async with asyncio.timeout(5):
            while (await queue.get_result(job_id)).progress_detail != {"processed": 2000}:
                await asyncio.sleep(0.01)
        # Live state is exact at once...
        assert (await queue.get_result(job_id)).progress == 0.5
        writes_during_loop = store.updates
        # The start, then at most one flush per 0.5 s of loop (however slow the machine),
        # plus the trailing one; 2,000 unthrottled calls would be 2,000 writes.
        assert writes_during_loop <= 3 + int(loop_s[0] / 0.5)
        # ...and the trailing flush stores the final value, once its interval is over.
        async with asyncio.timeout(5):
            while store.written_detail() != {"processed": 2000}:
                await asyncio.sleep(0.01)
        stored = await SqlJobStore(database.sessions).get(job_id)
        assert stored is not None and stored.progress == 0.5
        assert stored.progress_detail == {"processed": 2000}
        release.set()
        await queue.wait(job_id, timeout=5)
    finally:
        await queue.stop()
