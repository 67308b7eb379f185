"""
``ActiveJob``: the runner's in-memory companion of a job that is not over yet.

It holds the freshest record (progress is written to the store only every
``progress_flush_interval_s``), the handler task and the events the runner and the
handler share, and it is the one place a job's record is written from, one write
at a time, fenced by this queue's owner token: once another process holds the job
(this one's lease ran out), nothing more is written and the handler is stopped.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import structlog

from stoat_ferret.jobs.context import JobContext
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.progress import ProgressFlush
from stoat_ferret.jobs.store import JobStore, LeaseLostError

__all__ = ["ActiveJob"]

log = structlog.get_logger("stoat_ferret.jobs")


@dataclass(eq=False)
class ActiveJob:
    """The freshest state of a non-terminal job, its task and its write discipline."""

    record: JobRecord
    #: The owner token writes are fenced with (None: unfenced).
    holder: str | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)
    cancel_event: asyncio.Event = field(default_factory=asyncio.Event)
    write_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    task: asyncio.Task[Any] | None = None
    context: JobContext | None = None
    flush: ProgressFlush = field(default_factory=ProgressFlush)
    grace_handle: asyncio.TimerHandle | None = None
    timed_out: bool = False
    #: Another process took the job over: this one writes nothing more about it.
    lease_lost: bool = False

    async def persist(self, store: JobStore) -> bool:
        """
        Write the current record to ``store``; whether a cancel was asked elsewhere.

        One writer per job at a time, each writing a copy taken under the lock, so
        a slow earlier write can never overwrite a newer state. The lock is held until
        the write has landed, even when the caller is cancelled while it waits.
        """
        await self.write_lock.acquire()
        if self.lease_lost:
            self.write_lock.release()
            return False
        self.flush.wrote()
        write = asyncio.ensure_future(store.update(self.record.copy(), holder=self.holder))
        # Released when the write is over, not when the caller stops waiting: a progress
        # flush cancelled mid-write by the job's end must not let the terminal write go
        # first and then land on top of it (the job would read "running" again).
        write.add_done_callback(self._write_done)
        try:
            # Shielded: a cancelled caller (a client that hung up, a stopping worker)
            # must not cut a database transaction in half.
            return await asyncio.shield(write)
        except LeaseLostError:
            return False

    def _write_done(self, write: asyncio.Future[bool]) -> None:
        self.write_lock.release()
        if not write.cancelled() and isinstance(write.exception(), LeaseLostError):
            self.lose_lease()

    def lose_lease(self) -> None:
        """
        Another process holds the job now: stop its handler here, write nothing more.

        Happens only when this process stalled past its lease (or its heartbeat could
        not reach the store): the job is the new owner's, which runs it again.
        """
        if self.lease_lost:
            return
        self.lease_lost = True
        log.warning("job.lease_lost", job_id=self.record.job_id, owner=self.holder)
        self.cancel_flush()
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def schedule_flush(self, store: JobStore, interval_s: float) -> None:
        """Write progress at most every ``interval_s`` (``jobs/progress.py``)."""
        self.flush.schedule(lambda: self._flush_progress(store), interval_s)

    def cancel_flush(self) -> None:
        """Drop a pending progress write; the caller writes a newer state itself."""
        self.flush.cancel()

    async def _flush_progress(self, store: JobStore) -> None:
        if not self.record.status.is_terminal:
            try:
                await self.persist(store)
            except Exception as exc:
                # Only throttled bookkeeping: the live progress is in memory, and the
                # terminal write that follows has its own fallback.
                log.warning("job.progress_not_stored", job_id=self.record.job_id, error=str(exc))

    def interrupt(self) -> None:
        """Cancel the handler task (a cancel past its grace period, a timeout, a stop)."""
        if self.task is not None and not self.task.done():
            log.warning("job.interrupted", job_id=self.record.job_id)
            self.task.cancel()

    async def interrupt_and_wait(self, grace_s: float, abandoned: set[asyncio.Task[Any]]) -> None:
        """Cancel the handler task and give it a bounded time to unwind."""
        task = self.task
        if task is None:
            return
        self.interrupt()
        done, _ = await asyncio.wait({task}, timeout=max(1.0, grace_s))
        if not done:
            # It swallowed the cancellation; keep a reference so it is not collected
            # mid-flight (in ``abandoned``), and free the worker rather than hang on it.
            log.error("job.handler_ignored_cancellation", job_id=self.record.job_id)
            abandoned.add(task)
            task.add_done_callback(abandoned.discard)
