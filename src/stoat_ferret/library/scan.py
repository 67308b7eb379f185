"""The library scan: find video files, probe what changed, store it, report progress.

Runs as the ``scan`` job (``make_scan_handler``) for the API and the CLI alike, as a
pipeline whose stages overlap (measurements in ``docs/performance.md``):

1. walk: a worker thread walks the folder (``discovery.walk_videos``) and hands the
   files over in chunks (1, 2, 4 ... up to ``walk_chunk_max`` files, at least every
   50 ms), so the first file is probed while the walk goes on; meanwhile the stored
   stamps of the folder are read in chunks (``VideoRepository.known_stamps``);
2. triage, on the event loop: a file whose size and mtime match its stored record
   is ``skipped`` without a probe; the others are queued for probing;
3. probe: ``concurrency`` workers read the metadata;
4. thumbnail: ``concurrency`` more workers make the thumbnails, so slow thumbnails
   (decoding up to the frame of a 1080p HEVC clip takes ~0.1 s) never hold up
   probing, and probes keep the CPUs busy between thumbnails (with the ``ffprobe``
   backend both stages share ``concurrency`` process slots instead);
5. write: results are upserted in batches by one writer task, so a cancelled worker
   can never interrupt a database write, and at most ``batch_interval_s`` of work is
   redone after a crash (``library/scan_writer.py``: a batch refused because of one row
   is written row by row, a storage failure fails the scan);
6. records under the folder whose file is gone are marked ``missing``.

Meanwhile thumbnails that no record names (left by a crash) are removed
(``library/orphans.py``). A file whose name is not valid UTF-8 is a per-file error
(``library/names.py``).

Progress: ``progress_detail.total`` grows while the walk runs, and ``processed``
never goes backwards. The progress value stays 0 until the walk has ended, because
until then there is no true fraction to report (``processed / total-so-far`` would
run ahead and then have to stall); after the walk it is ``processed / total``.

Cancellation is checked before each file; when it arrives, in-flight probes and
thumbnails are cancelled at once (which kills their ffprobe/ffmpeg processes), files
probed but not yet thumbnailed are dropped (the next scan picks them up), the writer
stores what was finished, and the job ends ``cancelled`` with the partial counts.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import structlog

from stoat_ferret.errors import FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg import ProbeBackend, VideoMetadata
from stoat_ferret.jobs import JobCancelledError, JobContext, JobHandler
from stoat_ferret.library.discovery import FoundFile, WalkError, walk_videos
from stoat_ferret.library.models import ProbedVideo
from stoat_ferret.library.names import UNDECODABLE_NAME, display_path, is_storable
from stoat_ferret.library.orphans import remove_orphan_thumbnails
from stoat_ferret.library.repository import KnownStamp, VideoRepository
from stoat_ferret.library.scan_writer import BatchWriter, ScanTally

log = structlog.get_logger("stoat_ferret.scan")

SCAN_JOB_TYPE = "scan"

IN_PROCESS_BACKENDS = frozenset({"pyav"})
"""Backends whose probes and thumbnails run as threads in this process (see ``_Pipeline``)."""


@dataclass(frozen=True)
class ScanConfig:
    backend: ProbeBackend
    thumbnails_dir: Path
    concurrency: int = 2
    probe_timeout_s: float = 30.0
    batch_size: int = 200
    batch_interval_s: float = 0.5
    progress_interval_s: float = 0.25
    walk_chunk_max: int = 1024
    allowed_roots: tuple[Path, ...] = ()
    """``STOAT_ALLOWED_SCAN_ROOTS``: the walk never follows a symlink out of them."""


class _Walker:
    """Walks a folder in a worker thread and hands the results to the loop in chunks."""

    def __init__(
        self, root: str, recursive: bool, chunk_max: int, allowed_roots: tuple[Path, ...]
    ) -> None:
        self._loop = asyncio.get_running_loop()
        self._chunks: asyncio.Queue[list[FoundFile | WalkError] | None] = asyncio.Queue()
        self._stop = threading.Event()
        # The walk is blocking file-system work: keep it off the event loop.
        self._task = asyncio.create_task(
            asyncio.to_thread(self._walk, root, recursive, max(1, chunk_max), allowed_roots)
        )

    def _hand_over(self, chunk: list[FoundFile | WalkError] | None) -> None:
        # RuntimeError: the loop has closed (the server is gone); nobody needs the chunk.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._chunks.put_nowait, chunk)

    def _walk(
        self, root: str, recursive: bool, chunk_max: int, allowed_roots: tuple[Path, ...]
    ) -> None:
        chunk: list[FoundFile | WalkError] = []
        size = 1  # the first file goes over at once, then chunks double
        handed = time.monotonic()
        try:
            for item in walk_videos(root, recursive=recursive, allowed_roots=allowed_roots):
                if self._stop.is_set():
                    return
                chunk.append(item)
                if len(chunk) >= size or time.monotonic() - handed >= 0.05:
                    self._hand_over(chunk)
                    chunk, size, handed = [], min(2 * size, chunk_max), time.monotonic()
            if chunk:
                self._hand_over(chunk)
        finally:
            self._hand_over(None)  # the end, also after an error (raised by ``chunks``)

    async def chunks(self) -> AsyncIterator[list[FoundFile | WalkError]]:
        while (chunk := await self._chunks.get()) is not None:
            yield chunk
        await self._task  # re-raises an unexpected error of the walk

    def stop(self) -> None:
        """Ask the walk to end at its next file; it is not waited for (it may be stuck)."""
        self._stop.set()


def _unchanged(record: KnownStamp, found: FoundFile) -> bool:
    """The stored record is present and has the file's size and mtime: skip it."""
    _, size, mtime_ns, missing = record
    return not missing and (size, mtime_ns) == (found.stamp.size, found.stamp.mtime_ns)


@dataclass(eq=False)
class _Pipeline:
    """Triage, probe and thumbnail stages of one scan (see the module docstring)."""

    ctx: JobContext
    tally: ScanTally
    writer: BatchWriter
    config: ScanConfig
    known: dict[str, KnownStamp] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    processes: asyncio.Semaphore | None = None

    async def run(self, walker: _Walker, known: asyncio.Task[dict[str, KnownStamp]]) -> None:
        workers = max(1, self.config.concurrency)
        if self.config.backend.name not in IN_PROCESS_BACKENDS:
            # A subprocess backend pays a process start per call, which overlapping the
            # stages cannot hide (it only adds CPU contention), and the setting means
            # "processes at once" (SPEC §8): both stages share ``concurrency`` slots.
            self.processes = asyncio.Semaphore(workers)
        to_probe: asyncio.Queue[tuple[FoundFile, KnownStamp | None] | None] = asyncio.Queue()
        # Bounded: probes run at most one round ahead of thumbnails, so a cancel
        # throws away little probing work.
        to_thumbnail: asyncio.Queue[tuple[FoundFile, KnownStamp | None, VideoMetadata] | None]
        to_thumbnail = asyncio.Queue(maxsize=workers)
        async with asyncio.TaskGroup() as group:
            probers = [
                group.create_task(self._probe(to_probe, to_thumbnail)) for _ in range(workers)
            ]
            for _ in range(workers):
                group.create_task(self._thumbnail(to_thumbnail))
            self.known = await known
            await self._triage(walker, to_probe)
            for _ in range(workers):
                to_probe.put_nowait(None)
            await asyncio.gather(*probers)
            for _ in range(workers):
                await to_thumbnail.put(None)

    def _slot(self) -> contextlib.AbstractAsyncContextManager[Any]:
        return self.processes if self.processes is not None else contextlib.nullcontext()

    async def _triage(
        self,
        walker: _Walker,
        to_probe: asyncio.Queue[tuple[FoundFile, KnownStamp | None] | None],
    ) -> None:
        tally = self.tally
        async for chunk in walker.chunks():
            for item in chunk:
                if isinstance(item, WalkError):
                    tally.add_error(item.path, item.error)
                    if item.unchecked:
                        self.unreadable.append(item.path.rstrip("/") + "/")
                    continue
                tally.total += 1
                if not is_storable(item.path):
                    tally.add_error(item.path, UNDECODABLE_NAME)
                    tally.processed += 1
                    continue
                # Popped: what is left at the end is the records whose file is gone.
                record = self.known.pop(item.path, None)
                if record is not None and _unchanged(record, item):
                    tally.skipped += 1
                    tally.processed += 1
                else:
                    to_probe.put_nowait((item, record))
        tally.walking = False

    async def _probe(
        self,
        to_probe: asyncio.Queue[tuple[FoundFile, KnownStamp | None] | None],
        to_thumbnail: asyncio.Queue[tuple[FoundFile, KnownStamp | None, VideoMetadata] | None],
    ) -> None:
        config = self.config
        while (item := await to_probe.get()) is not None:
            if self.ctx.cancel_requested:  # cancel is checked before each file
                return
            found, record = item
            self.tally.current = display_path(found.path)
            try:
                async with self._slot():
                    metadata = await config.backend.probe(
                        found.path, timeout_s=config.probe_timeout_s
                    )
            except FFprobeError as exc:
                self.tally.add_error(found.path, exc.reason)
                self.tally.processed += 1
                continue
            await to_thumbnail.put((found, record, metadata))

    async def _thumbnail(
        self,
        to_thumbnail: asyncio.Queue[tuple[FoundFile, KnownStamp | None, VideoMetadata] | None],
    ) -> None:
        config = self.config
        while (item := await to_thumbnail.get()) is not None:
            found, record, metadata = item
            video_id = record[0] if record is not None else uuid.uuid4().hex
            dest = config.thumbnails_dir / f"{video_id}.jpg"
            try:
                await config.backend.thumbnail(
                    found.path,
                    dest,
                    duration_s=metadata.duration_s,
                    timeout_s=config.probe_timeout_s,
                )
                thumbnail_path: str | None = str(dest)
            except ThumbnailError as exc:
                # The video is still usable; the API serves a placeholder image for it.
                log.warning("scan.thumbnail_failed", path=found.path, error=exc.reason)
                thumbnail_path = None
            video = ProbedVideo(video_id, found.path, found.stamp, metadata, thumbnail_path)
            self.writer.add(video, is_new=record is None)
            self.tally.processed += 1


_heap_frozen = False


def _freeze_startup_heap() -> None:
    """Take the objects that exist before the first scan out of the collector's sight.

    A full (generation 2) garbage collection walks every tracked object while it holds
    the GIL, so it stalls the event loop for as long as it runs: 50-80 ms for the
    130,000-150,000 objects of a started server on the benchmark machine, and a scan
    allocates enough to set off one or two. Nearly all of those objects (modules,
    classes, the app, SQLAlchemy mappers, pydantic schemas) live as long as the
    process, so ``gc.freeze()`` once, before the first scan, spares every later full
    collection from walking them again. The young generations are collected first (a
    millisecond), so the only garbage kept forever is whatever old cyclic garbage is
    waiting at that moment, once per process. Measurements: docs/performance.md.
    """
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.collect(1)
        gc.freeze()


def _prepare_thumbnails_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


async def scan_directory(
    ctx: JobContext,
    *,
    root: str,
    recursive: bool,
    repository: VideoRepository,
    config: ScanConfig,
) -> dict[str, Any]:
    """Scan ``root`` into the library; returns the result counts (see module docstring)."""
    tally = ScanTally()
    _freeze_startup_heap()
    await asyncio.to_thread(_prepare_thumbnails_dir, config.thumbnails_dir)
    walker = _Walker(root, recursive, config.walk_chunk_max, config.allowed_roots)
    known = asyncio.create_task(repository.known_stamps(root, recursive=recursive))
    writer = BatchWriter(repository, ctx, tally, config)
    writer_stop = asyncio.Event()
    writer_task = asyncio.create_task(writer.run(writer_stop))
    ticker = asyncio.create_task(_report_progress(ctx, tally, config.progress_interval_s))
    orphans = asyncio.create_task(remove_orphan_thumbnails(repository, config.thumbnails_dir))
    pipeline = _Pipeline(ctx, tally, writer, config)
    try:
        cancelled = await _until_cancelled(ctx, pipeline.run(walker, known), writer_task)
    finally:
        walker.stop()
        known.cancel()
        ticker.cancel()
        # The writer is stopped, never cancelled, so no transaction is cut in half.
        writer_stop.set()
        writer.wake()
        await asyncio.gather(known, ticker, writer_task, orphans, return_exceptions=True)
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

    unreadable = tuple(pipeline.unreadable)
    # What the walk did not pop from ``known``: stored files that are gone (path -> missing).
    gone = {
        path: missing
        for path, (*_, missing) in pipeline.known.items()
        if not path.startswith(unreadable)
    }
    tally.missing = len(gone)
    await repository.set_missing([path for path, missing in gone.items() if not missing])
    await ctx.set_progress(1.0, tally.progress()[1])
    return tally.as_result()


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


def make_scan_handler(repository: VideoRepository, config: ScanConfig) -> JobHandler:
    """The ``scan`` job handler; payload ``{"path": str, "recursive": bool}``."""

    async def scan(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
        return await scan_directory(
            ctx,
            root=str(payload["path"]),
            recursive=bool(payload.get("recursive", True)),
            repository=repository,
            config=config,
        )

    return scan
