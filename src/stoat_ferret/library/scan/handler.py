"""The ``scan`` job: runs the pipeline, the writer and the progress ticker together.

Cancellation, failures of the writer and the final ``missing`` marking are handled
here; the stages themselves are in ``pipeline.py`` (see the package docstring).
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

from stoat_ferret.db import UnitOfWorkFactory
from stoat_ferret.ffmpeg.runtime.process import settle_background_stops
from stoat_ferret.jobs import JobCancelledError, JobContext, JobHandler
from stoat_ferret.library.repository import KnownStamp, VideoRepository
from stoat_ferret.library.scan.config import ScanConfig
from stoat_ferret.library.scan.orphans import remove_orphan_thumbnails
from stoat_ferret.library.scan.pipeline import Pipeline
from stoat_ferret.library.scan.tally import ScanTally
from stoat_ferret.library.scan.walker import FileSource, Walker
from stoat_ferret.library.scan.writer import BatchWriter


def prepare_thumbnails_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


async def scan_directory(
    ctx: JobContext,
    *,
    root: str,
    recursive: bool,
    units: UnitOfWorkFactory,
    config: ScanConfig,
) -> dict[str, Any]:
    """Scan ``root`` into the library; returns the result counts (see module docstring)."""
    tally = ScanTally()
    await asyncio.to_thread(prepare_thumbnails_dir, config.thumbnails_dir)
    walker = Walker(root, recursive, config.walk_chunk_max, config.allowed_roots)
    known = asyncio.create_task(known_stamps(units, root, recursive))
    orphans = asyncio.create_task(remove_orphan_thumbnails(units, config.thumbnails_dir))
    try:
        pipeline = await run_stages(ctx, tally, walker, known, units, config)
    finally:
        await asyncio.gather(orphans, return_exceptions=True)
    unreadable = tuple(pipeline.unreadable)
    # What the walk did not pop from ``known``: stored files that are gone (path -> missing).
    gone = {
        path: missing
        for path, (*_, missing) in pipeline.known.items()
        if not path.startswith(unreadable)
    }
    tally.missing = len(gone)
    await mark_missing(units, [path for path, missing in gone.items() if not missing])
    await ctx.set_progress(1.0, tally.progress()[1])
    return tally.as_result()


async def mark_missing(units: UnitOfWorkFactory, paths: list[str]) -> None:
    """Mark the records of files that are gone ``missing`` (kept, not deleted)."""
    async with units() as uow:
        await VideoRepository(uow.session).set_missing(paths)


async def run_stages(
    ctx: JobContext,
    tally: ScanTally,
    source: FileSource,
    known: asyncio.Task[dict[str, KnownStamp]],
    units: UnitOfWorkFactory,
    config: ScanConfig,
) -> Pipeline:
    """
    Triage, probe, thumbnail and store the files of ``source``, with progress.

    Shared by the ``scan`` job (a walk) and a ``scan.batch`` child (a list of files).

    Raises:
        JobCancelledError: a cancel was requested; what was finished is stored and the
            partial counts are its result.
        StorageError: the writer could not store a batch (the job fails with it).
    """
    writer = BatchWriter(units, ctx, tally, config)
    writer_stop = asyncio.Event()
    writer_task = asyncio.create_task(writer.run(writer_stop))
    ticker = asyncio.create_task(_report_progress(ctx, tally, config.progress_interval_s))
    pipeline = Pipeline(ctx, tally, writer, config)
    try:
        cancelled = await _until_cancelled(ctx, pipeline.run(source, known), writer_task)
    finally:
        source.stop()
        known.cancel()
        ticker.cancel()
        # The writer is stopped, never cancelled, so no transaction is cut in half.
        writer_stop.set()
        writer.wake()
        await asyncio.gather(known, ticker, writer_task, return_exceptions=True)
        # A probe cancelled twice leaves its ffprobe to be killed in the background:
        # the job may only end once none is left.
        await settle_background_stops()
        write_failure = None if writer_task.cancelled() else writer_task.exception()
        # Whatever was finished is stored, also on cancel or failure (unless the
        # writer has already failed: its error is the one to report).
        if write_failure is None:
            await writer.flush()
    if write_failure is not None:
        raise write_failure
    tally.current = None
    if cancelled:
        await ctx.set_progress(*tally.progress())
        raise JobCancelledError(tally.as_result())
    return pipeline


async def _until_cancelled(ctx: JobContext, work: Any, writer: asyncio.Task[None]) -> bool:
    """Run ``work`` until it ends, a cancel is requested or the ``writer`` fails.

    Returns True if cancelled midway. A failed writer (the disk is full) stops the
    work at once: probing more files whose results cannot be stored would only waste
    time; the caller raises the writer's error.
    """

    async def guarded() -> None:
        try:
            await work
        except ExceptionGroup as group_error:
            # Not a per-file problem (e.g. ffprobe is missing): fail the job with the
            # cause itself, not an opaque group.
            raise group_error.exceptions[0] from group_error

    running = asyncio.create_task(guarded())
    cancel_requested = asyncio.create_task(ctx.wait_cancel_requested())
    try:
        await asyncio.wait({running, cancel_requested, writer}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not running.done():
            # Cancelling the stages cancels their probes, whose `finally` kills ffprobe.
            running.cancel()
        cancel_requested.cancel()
        await asyncio.gather(cancel_requested, return_exceptions=True)
        with contextlib.suppress(asyncio.CancelledError):
            await running
    return ctx.cancel_requested


async def _report_progress(ctx: JobContext, tally: ScanTally, interval_s: float) -> None:
    while True:
        await asyncio.sleep(interval_s)
        # Kept current so a timeout or a forced cancel still reports partial counts.
        ctx.partial_result = tally.as_result()
        await ctx.set_progress(*tally.progress())


async def known_stamps(
    units: UnitOfWorkFactory, root: str, recursive: bool
) -> dict[str, KnownStamp]:
    async with units() as uow:
        return await VideoRepository(uow.session).known_stamps(root, recursive=recursive)


def make_scan_handler(units: UnitOfWorkFactory, config: ScanConfig) -> JobHandler:
    """The ``scan`` job handler; payload ``{"path": str, "recursive": bool}``.

    ``units`` opens each of the scan's own transactions (a read of the stored stamps,
    one per written batch, the final ``missing`` marking).
    """

    async def scan(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
        return await scan_directory(
            ctx,
            root=str(payload["path"]),
            recursive=bool(payload.get("recursive", True)),
            units=units,
            config=config,
        )

    return scan
