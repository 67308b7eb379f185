"""The durable queue on a full disk (a real tmpfs): a job's end is never lost.

With the reserve beside the database, the terminal state is written even though the
disk is full. Without one (or when even that fails), the job is still terminal for
every reader, so nothing waits on it, and the state is written once writes work again.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from stoat_ferret.db import Database
from stoat_ferret.db.storage import storage_error
from stoat_ferret.errors import JobAlreadyTerminalError, StorageFullError
from stoat_ferret.jobs import AsyncioJobQueue, JobContext, JobStatus
from stoat_ferret.jobs.sql_store import SqlJobStore
from tests.support.disk import fill, mounted_tmpfs


@pytest.fixture
async def full_disk_database(tmp_path: Path) -> AsyncIterator[tuple[Database, Path]]:
    with mounted_tmpfs(tmp_path / "disk") as disk:
        database = Database(disk / "stoat.db")
        await database.migrate()
        try:
            yield database, disk
        finally:
            await database.dispose()


GATES: dict[str, asyncio.Event] = {}
ENTERED: dict[str, asyncio.Event] = {}


async def fails_when_told(ctx: JobContext, payload: dict[str, Any]) -> None:
    ENTERED[ctx.job_id].set()
    await GATES[ctx.job_id].wait()
    raise RuntimeError("the handler gave up")


async def run_until_filled(queue: AsyncioJobQueue, disk: Path) -> tuple[str, Path]:
    """Start a job, fill the disk while it runs, then let it fail."""
    await queue.start()
    job_id = await queue.submit("doomed", {})
    GATES[job_id] = asyncio.Event()
    ENTERED[job_id] = asyncio.Event()
    # The handler itself, not the status: "running" is set before its write is
    # stored, and filling the disk during that write would fail the start instead.
    async with asyncio.timeout(10):
        await ENTERED[job_id].wait()
    filler = await asyncio.to_thread(fill, disk)
    GATES[job_id].set()
    await queue.wait(job_id, timeout=10)
    return job_id, filler


async def test_the_reserve_lets_the_terminal_state_be_stored_on_a_full_disk(
    full_disk_database: tuple[Database, Path],
) -> None:
    database, disk = full_disk_database
    queue = AsyncioJobQueue(database.sessions, writer=database.writer, reserve=database.reserve)
    queue.register_handler("doomed", fails_when_told)
    job_id, _ = await run_until_filled(queue, disk)
    await queue.stop()

    stored = await SqlJobStore(database.sessions).get(job_id)
    assert stored is not None
    assert (stored.status, stored.error) == (JobStatus.FAILED, "the handler gave up")
    # The reserve took back the room the write left, for the next job's end.
    assert database.reserve.path.stat().st_size > 0


async def test_without_room_the_job_is_still_over_and_stored_once_writes_work(
    full_disk_database: tuple[Database, Path],
) -> None:
    database, disk = full_disk_database
    await asyncio.to_thread(database.reserve.release)
    # No reserve: the terminal write fails.
    queue = AsyncioJobQueue(database.sessions, writer=database.writer)
    queue.register_handler("doomed", fails_when_told)
    job_id, filler = await run_until_filled(queue, disk)

    result = await queue.get_result(job_id)
    assert result.status is JobStatus.FAILED and result.finished_at is not None
    assert [job.job_id for job in await queue.list_jobs(JobStatus.FAILED)] == [job_id]
    assert await queue.list_jobs(JobStatus.RUNNING) == []
    with pytest.raises(JobAlreadyTerminalError):
        await queue.cancel(job_id)
    with pytest.raises(Exception) as caught:
        await queue.submit("doomed", {})
    assert isinstance(storage_error(caught.value), StorageFullError)  # 507 at the API
    stale = await SqlJobStore(database.sessions).get(job_id)
    assert stale is not None and stale.status is JobStatus.RUNNING

    await asyncio.to_thread(filler.unlink)
    await queue.stop()  # writes what a failed write left in memory

    stored = await SqlJobStore(database.sessions).get(job_id)
    assert stored is not None
    assert (stored.status, stored.error) == (JobStatus.FAILED, "the handler gave up")
