"""
``ActiveJob``: the runner's in-memory companion of a job that is not over yet.

It holds the freshest record (progress is written to the store only every
``progress_flush_interval_s``), the handler task and the events the runner and the
handler share, and it is the one place a job's record is written from, one write
at a time.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import structlog

from stoat_ferret.jobs.context import JobContext
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.store import JobStore

__all__ = ["ActiveJob"]

log = structlog.get_logger("stoat_ferret.jobs")


@dataclass(eq=False)
class ActiveJob:
    """The freshest state of a non-terminal job, its task and its write discipline."""

    record: JobRecord
    done: asyncio.Event = field(default_factory=asyncio.Event)
    cancel_event: asyncio.Event = field(default_factory=asyncio.Event)
    write_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    task: asyncio.Task[Any] | None = None
    context: JobContext | None = None
    last_flush: float = 0.0
    flush_task: asyncio.Task[None] | None = None
    grace_handle: asyncio.TimerHandle | None = None
    timed_out: bool = False

    async def persist(self, store: JobStore) -> None:
        """
        Write the current record to ``store``.

        One writer per job at a time, each writing a copy taken under the lock, so
        a slow earlier write can never overwrite a newer state.
        """
        async with self.write_lock:
            self.last_flush = time.monotonic()
            # Shielded: a cancelled caller (a client that hung up, a stopping worker)
            # must not cut a database transaction in half.
            await asyncio.shield(store.update(self.record.copy()))

    def schedule_flush(self, store: JobStore, interval_s: float) -> None:
        """Write progress at most every ``interval_s``; the final value wins."""
        if self.flush_task is not None and not self.flush_task.done():
            return
        delay = self.last_flush + interval_s - time.monotonic()
        self.flush_task = asyncio.create_task(self._flush_later(store, max(0.0, delay)))

    def cancel_flush(self) -> None:
        """Drop a pending progress write; the caller writes a newer state itself."""
        if self.flush_task is not None:
            self.flush_task.cancel()

    async def _flush_later(self, store: JobStore, delay: float) -> None:
        await asyncio.sleep(delay)
        if not self.record.status.is_terminal:
            try:
                await self.persist(store)
            except Exception as exc:
                # Only throttled bookkeeping: the live progress is in memory, and the
                # terminal write that follows has its own fallback.
                log.warning("job.progress_not_stored", job_id=self.record.job_id, error=str(exc))
