"""
The fan-out scan: a ``scan`` job that hands its files to ``scan.batch`` children.

Used on the distributed queue (``STOAT_QUEUE_URL``; SPEC §12), where any number of
workers take jobs: the parent walks the folder (the same walk, roots and symlink
checks as the single-job scan: ``walker.py``), counts the files that need no probe
(unchanged ones are ``skipped`` without a child), and submits the others in batches
of ``ScanConfig.fanout_batch_files``, at most ``FANOUT_WINDOW`` unfinished at once.
Each child probes, thumbnails and upserts its files by path (``scan_batch``): a child
that runs again after its worker was killed stores nothing twice and loses nothing.

While children run, the parent reads them every tick and reports the sum of their
``processed`` counts as its progress (monotonic: ``fanout.ChildrenTally``); its
result sums their results. Cancelling the parent cancels its unfinished children
and ends once they have ended. The parent ends when every child has ended: ``failed``
when a child failed, timed out or was cancelled on its own (its files were not all
scanned, so nothing is marked missing either), else ``complete`` after the
``missing`` marking. If the parent's own worker stops or dies, its next run adopts
the children its earlier run made instead of submitting their files again
(``_adopt_earlier_children``).

The embedded queue keeps the single-job scan (``handler.py``): one process gains
nothing from children.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from dataclasses import dataclass, field
from typing import Any

import structlog

from stoat_ferret.db import UnitOfWorkFactory
from stoat_ferret.errors import JobAlreadyTerminalError, JobNotFoundError
from stoat_ferret.jobs import (
    AsyncJobQueue,
    JobCancelledError,
    JobContext,
    JobHandler,
    JobResult,
    JobStatus,
)
from stoat_ferret.library.repository import KnownStamp, VideoRepository
from stoat_ferret.library.scan.config import SCAN_JOB_TYPE, ScanConfig
from stoat_ferret.library.scan.discovery import FoundFile
from stoat_ferret.library.scan.fanout import (
    FANOUT_WINDOW,
    SCAN_BATCH_JOB_TYPE,
    BatchCutter,
    ChildrenTally,
    batch_payload,
    failure_message,
    files_of,
    summed,
)
from stoat_ferret.library.scan.handler import (
    known_stamps,
    mark_missing,
    prepare_thumbnails_dir,
    run_stages,
)
from stoat_ferret.library.scan.orphans import remove_orphan_thumbnails
from stoat_ferret.library.scan.pipeline import triage
from stoat_ferret.library.scan.tally import ScanTally
from stoat_ferret.library.scan.walker import ListedFiles, Walker

__all__ = ["ScanBatchesFailedError", "make_fanout_handlers"]

log = structlog.get_logger("stoat_ferret.scan")

WORKER = f"{socket.gethostname()}:{os.getpid()}"
"""Who ran a batch (``host:pid``), kept in its result: the owner of a job is cleared
once it ends, and people (and the scale-out tests) want to see which worker did what."""

EARLIER_CHILDREN_LIMIT = 100_000
"""How many ``scan.batch`` jobs a re-run parent reads to find its earlier children."""


class ScanBatchesFailedError(RuntimeError):
    """Some children did not complete: the scan fails (partial counts kept)."""


@dataclass(eq=False)
class FanOut:
    """One run of a fan-out parent (see the module docstring)."""

    ctx: JobContext
    queue: AsyncJobQueue
    root: str
    recursive: bool
    units: UnitOfWorkFactory
    config: ScanConfig
    local: ScanTally = field(default_factory=ScanTally)
    children: ChildrenTally = field(default_factory=ChildrenTally)
    covered: set[str] = field(default_factory=set)
    unreadable: list[str] = field(default_factory=list)
    batches: int = 0
    _tick: asyncio.Event = field(default_factory=asyncio.Event)
    _submitting: asyncio.Task[None] | None = None
    _reported: int = 0

    @property
    def poll_s(self) -> float:
        return max(0.05, 2 * self.config.progress_interval_s)

    async def run(self) -> dict[str, Any]:
        await self._adopt_earlier_children()
        # What an earlier run reported stays the floor: /ws never sees it go back.
        earlier = (await self.queue.get_result(self.ctx.job_id)).progress_detail or {}
        self._reported = int(earlier.get("processed", 0))
        config = self.config
        walker = Walker(self.root, self.recursive, config.walk_chunk_max, config.allowed_roots)
        known = asyncio.create_task(known_stamps(self.units, self.root, self.recursive))
        orphans = asyncio.create_task(remove_orphan_thumbnails(self.units, config.thumbnails_dir))
        monitor = asyncio.create_task(self._monitor())
        work = asyncio.create_task(self._walk_and_submit(walker, known))
        cancel = asyncio.create_task(self.ctx.wait_cancel_requested())
        gone: dict[str, bool] = {}
        try:
            await asyncio.wait({work, cancel}, return_when=asyncio.FIRST_COMPLETED)
            if not work.done():  # cancel requested: stop submitting, then cascade
                walker.stop()
                work.cancel()
            try:
                with contextlib.suppress(asyncio.CancelledError):
                    gone = await work
            except Exception:
                await self._cascade_cancel()  # the scan fails: its children are no use
                raise
            if self.ctx.cancel_requested:
                await self._cascade_cancel()
                raise JobCancelledError(self._tally().as_result())
        finally:
            walker.stop()
            for task in (cancel, monitor, known, work):
                task.cancel()
            await asyncio.gather(cancel, monitor, known, work, orphans, return_exceptions=True)
            # Interrupted mid-submit (the worker stopping): the child being made must
            # exist before this run ends, or the next run would not know it and
            # submit its files again.
            if self._submitting is not None and not self._submitting.done():
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await asyncio.shield(self._submitting)
        if failures := self.children.failures():
            # A failed job has no result (SPEC §2): each child's result stands.
            raise ScanBatchesFailedError(failure_message(failures, self.batches))
        self.local.missing = len(gone)
        await mark_missing(self.units, [path for path, missing in gone.items() if not missing])
        tally = self._tally()
        await self.ctx.set_progress(1.0, tally.progress()[1])
        return tally.as_result()

    def _tally(self) -> ScanTally:
        tally = summed(self.local, self.children)
        # A re-run reads its children from the table, which may lag what the earlier
        # run saw live: the count it reports never goes below what was reported.
        tally.processed = self._reported = max(tally.processed, self._reported)
        return tally

    async def _walk_and_submit(
        self, walker: Walker, known_task: asyncio.Task[dict[str, KnownStamp]]
    ) -> dict[str, bool]:
        """Walk, triage and submit; then wait for every child. Returns the gone files."""
        known = await known_task
        cutter = BatchCutter(self.config.fanout_batch_files)
        async for chunk in walker.chunks():
            for item in chunk:
                if isinstance(item, FoundFile) and item.path in self.covered:
                    known.pop(item.path, None)  # an earlier run's child has it
                    self.local.total += 1
                    continue
                if (work := triage(item, known, self.local, self.unreadable)) is None:
                    continue
                if (batch := cutter.add(work[0])) is not None:
                    await self._submit(batch)
        self.local.walking = False
        if (batch := cutter.rest()) is not None:
            await self._submit(batch)
        while self.children.unfinished_ids:
            await self._next_tick()
        unreadable = tuple(self.unreadable)
        return {
            path: missing
            for path, (*_, missing) in known.items()
            if not path.startswith(unreadable)
        }

    async def _submit(self, files: list[FoundFile]) -> None:
        while len(self.children.unfinished_ids) >= FANOUT_WINDOW:
            await self._next_tick()
        # Numbered after an earlier run's children, if this run adopted any.
        payload = batch_payload(self.ctx.job_id, self.root, self.batches, files)
        # Shielded: a cancel arriving mid-submit must not lose track of a child it made.
        self._submitting = asyncio.create_task(self._create_child(payload))
        await asyncio.shield(self._submitting)

    async def _create_child(self, payload: dict[str, Any]) -> None:
        child_id = await self.queue.submit(SCAN_BATCH_JOB_TYPE, payload)
        self.batches += 1
        self.children.see(await self.queue.get_result(child_id))

    async def _next_tick(self) -> None:
        self._tick.clear()
        await self._tick.wait()

    async def _monitor(self) -> None:
        while True:
            await asyncio.sleep(self.poll_s)
            try:
                await self._poll()
            except Exception as exc:  # a database hiccup: read again on the next tick
                log.warning("scan.children_unread", job_id=self.ctx.job_id, error=str(exc))
                continue
            tally = self._tally()
            # Kept current so a timeout or a forced cancel still reports partial counts.
            self.ctx.partial_result = tally.as_result()
            await self.ctx.set_progress(*tally.progress())
            self._tick.set()

    async def _poll(self) -> None:
        for child_id in self.children.unfinished_ids:
            with contextlib.suppress(JobNotFoundError):
                self.children.see(await self.queue.get_result(child_id))

    async def _cascade_cancel(self) -> None:
        """Cancel every unfinished child, then wait until they have all ended."""
        if self._submitting is not None:
            with contextlib.suppress(Exception):
                await self._submitting
        # All at once: the parent's cancel grace period covers the whole cascade, and
        # each running child's worker hears its own request on its next heartbeat.
        await asyncio.gather(*(self._cancel_child(c) for c in self.children.unfinished_ids))
        await self._poll()
        while self.children.unfinished_ids:
            await asyncio.sleep(0.05)
            await self._poll()
        tally = self._tally()
        await self.ctx.set_progress(*tally.progress())

    async def _cancel_child(self, child_id: str) -> None:
        with contextlib.suppress(JobAlreadyTerminalError, JobNotFoundError):
            self.children.see(await self.queue.cancel(child_id))

    async def _adopt_earlier_children(self) -> None:
        """
        Take in the children an earlier run of this scan made, and leave their files.

        There is an earlier run when a worker stopped (its jobs go back to pending) or
        died mid-scan. Its unfinished children are always looked for: a cheap read of
        the pending and running batches. After a crash (``attempt`` > 1) the ended ones
        are too, for exact counts; after an orderly stop their files are simply found
        stored and unchanged (``skipped``).
        """
        jobs: list[JobResult] = []
        if self.ctx.attempt > 1:
            jobs = await self.queue.list_jobs(None, SCAN_BATCH_JOB_TYPE, EARLIER_CHILDREN_LIMIT)
        else:
            for status in (JobStatus.PENDING, JobStatus.RUNNING):
                jobs += await self.queue.list_jobs(status, SCAN_BATCH_JOB_TYPE, 10 * FANOUT_WINDOW)
        for job in jobs:
            if job.payload.get("parent_id") == self.ctx.job_id:
                self.children.see(job)
                self.batches = max(self.batches, int(job.payload.get("index", 0)) + 1)
                self.covered.update(found.path for found in files_of(job.payload))


async def scan_batch(
    ctx: JobContext, payload: dict[str, Any], *, units: UnitOfWorkFactory, config: ScanConfig
) -> dict[str, Any]:
    """A ``scan.batch`` child: probe, thumbnail and upsert its files by path."""
    files = files_of(payload)
    tally = ScanTally()
    await asyncio.to_thread(prepare_thumbnails_dir, config.thumbnails_dir)
    known = asyncio.create_task(_stamps_of(units, [found.path for found in files]))
    await run_stages(ctx, tally, ListedFiles(files), known, units, config)
    await ctx.set_progress(1.0, tally.progress()[1])
    return {**tally.as_result(), "worker": WORKER}


async def _stamps_of(units: UnitOfWorkFactory, paths: list[str]) -> dict[str, KnownStamp]:
    async with units() as uow:
        return await VideoRepository(uow.session).stamps_of(paths)


def make_fanout_handlers(
    units: UnitOfWorkFactory, config: ScanConfig, queue: AsyncJobQueue
) -> dict[str, JobHandler]:
    """The ``scan`` (parent) and ``scan.batch`` (child) handlers of the distributed queue."""

    async def scan(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
        parent = FanOut(
            ctx,
            queue,
            root=str(payload["path"]),
            recursive=bool(payload.get("recursive", True)),
            units=units,
            config=config,
        )
        return await parent.run()

    async def batch(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
        return await scan_batch(ctx, payload, units=units, config=config)

    return {SCAN_JOB_TYPE: scan, SCAN_BATCH_JOB_TYPE: batch}
