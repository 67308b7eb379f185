"""The read side of the job engine: results, lists, counts and waiting for an end.

Split from ``engine.py`` (which owns running and changing jobs) because reads follow
their own rule: the live record of a job this instance runs wins over the stored one,
which lags behind throttled progress writes, and a job held by another process is
read from the table (``UnsavedTerminals`` adds the final states this instance could
not store yet).
"""

from __future__ import annotations

import asyncio
import contextlib

from stoat_ferret.errors import JobNotFoundError
from stoat_ferret.jobs.active import ActiveJob
from stoat_ferret.jobs.heartbeat import LeaseKeeper
from stoat_ferret.jobs.models import JobResult, JobStatus
from stoat_ferret.jobs.store import JobStore
from stoat_ferret.jobs.unsaved import UnsavedTerminals


class JobReads:
    """Mixed into ``QueueEngine``, which sets these attributes in its ``__init__``."""

    _active: dict[str, ActiveJob]
    _unsaved: UnsavedTerminals
    _store: JobStore
    _keeper: LeaseKeeper
    #: How often ``wait`` re-reads a job another process runs (the SAQ queue polls faster).
    wait_poll_s: float

    async def get_result(self, job_id: str) -> JobResult:
        active = self._active.get(job_id)
        if active is not None:
            return active.record.snapshot()
        record = await self._unsaved.get(job_id)
        if record is None:
            raise JobNotFoundError(job_id)
        return record.snapshot()

    async def get_status(self, job_id: str) -> JobStatus:
        return (await self.get_result(job_id)).status

    async def list_jobs(
        self,
        status: JobStatus | None = None,
        job_type: str | None = None,
        limit: int = 50,
    ) -> list[JobResult]:
        records = await self._unsaved.list_records(status, job_type, limit)
        # The store may lag on progress (writes are throttled); prefer live state.
        return [
            (self._active[r.job_id].record if r.job_id in self._active else r).snapshot()
            for r in records
        ]

    async def count_jobs(self) -> dict[tuple[str, JobStatus], int]:
        return await self._store.counts()

    async def wait(self, job_id: str, timeout: float) -> JobResult:  # noqa: ASYNC109 - spec API
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(max(0.0, timeout)):
                while True:
                    if (active := self._active.get(job_id)) is not None:
                        await active.done.wait()  # set once its final state is stored
                    elif (result := await self.get_result(job_id)).status.is_terminal:
                        return result
                    else:  # another process runs it (or will, once claimed): poll
                        await asyncio.sleep(self.wait_poll_s)
        return await self.get_result(job_id)
