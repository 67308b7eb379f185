"""A job's writes land in order, even when the writer that started one gave up waiting."""

from __future__ import annotations

import asyncio
from typing import Any

from stoat_ferret.db import Database
from stoat_ferret.jobs import JobContext, JobStatus
from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.sql_store import SqlJobStore


class SlowProgressStore(SqlJobStore):
    """The real SQLite store, its progress writes held until the test lets them go."""

    def __init__(self, database: Database) -> None:
        super().__init__(database.sessions)
        self.progress_write_started = asyncio.Event()
        self.let_progress_land = asyncio.Event()
        self.progress_landed = asyncio.Event()

    async def update(self, record: JobRecord, *, holder: str | None = None) -> bool:
        if record.status is JobStatus.RUNNING and record.progress == 0.5:
            self.progress_write_started.set()
            await self.let_progress_land.wait()  # a write stuck behind SQLite's lock
            try:
                return await super().update(record, holder=holder)
            finally:
                self.progress_landed.set()
        return await super().update(record, holder=holder)


async def test_a_progress_write_cut_off_by_the_jobs_end_never_lands_on_its_final_state(
    database: Database,
) -> None:
    store = SlowProgressStore(database)
    queue = QueueEngine(store, progress_flush_interval_s=0.0)
    finished = asyncio.Event()

    async def quick(ctx: JobContext, payload: dict[str, Any]) -> str:
        await ctx.set_progress(0.5)  # its flush starts writing at once
        await store.progress_write_started.wait()
        return "done"  # the job ends while that write is still in flight

    queue.register_handler("quick", quick)
    queue.add_event_listener(lambda kind, _: finished.set() if kind == "job.completed" else None)
    await queue.start()
    try:
        job_id = await queue.submit("quick", {})
        await asyncio.sleep(0.2)  # the end cancelled the flush; its write goes on
        store.let_progress_land.set()
        async with asyncio.timeout(5):
            await finished.wait()
            await store.progress_landed.wait()
        stored = await SqlJobStore(database.sessions).get(job_id)
        assert stored is not None
        # The terminal write waited for the progress write instead of being overwritten.
        assert (stored.status, stored.result, stored.progress) == (JobStatus.COMPLETE, "done", 1.0)
    finally:
        await queue.stop()
