"""The library scan: find video files, probe what changed, store it, report progress.

Runs as the ``scan`` job (``make_scan_handler``) for the API and the CLI alike:

1. the folder is walked in a worker thread (``discovery.walk_videos``);
2. files whose size and mtime match the stored record are ``skipped`` without a probe;
3. the rest are probed (and thumbnailed) by ``concurrency`` workers;
4. results are upserted in batches by one writer task, so a cancelled worker can
   never interrupt a database write, and at most ``batch_interval_s`` of work is
   redone after a crash;
5. records under the folder whose file is gone are marked ``missing``.

Cancellation is checked before each file; when it arrives, in-flight probes are
cancelled at once (which kills their ffprobe processes), the writer stores what was
already probed, and the job ends ``cancelled`` with the partial counts.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import structlog

from stoat_ferret.errors import FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg import ProbeBackend
from stoat_ferret.jobs import JobCancelledError, JobContext, JobHandler
from stoat_ferret.library.discovery import FoundFile, WalkError, walk_videos
from stoat_ferret.library.models import KnownVideo, ProbedVideo
from stoat_ferret.library.repository import VideoRepository
from stoat_ferret.library.schemas import VideoOut

log = structlog.get_logger("stoat_ferret.scan")

SCAN_JOB_TYPE = "scan"


@dataclass(frozen=True)
class ScanConfig:
    backend: ProbeBackend
    thumbnails_dir: Path
    concurrency: int = 2
    probe_timeout_s: float = 30.0
    batch_size: int = 200
    batch_interval_s: float = 0.5
    progress_interval_s: float = 0.25


@dataclass
class ScanTally:
    """Running counts; ``as_result()`` is the job's result (or partial result)."""

    total: int = 0
    processed: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    missing: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    current: str | None = None
    started: float = field(default_factory=time.monotonic)

    def as_result(self) -> dict[str, Any]:
        return {
            "scanned": self.processed,
            "new": self.new,
            "updated": self.updated,
            "skipped": self.skipped,
            "missing": self.missing,
            "errors": list(self.errors),
        }

    def progress(self) -> tuple[float, dict[str, Any]]:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.processed / elapsed
        remaining = self.total - self.processed
        eta = remaining / rate if rate > 0 else None
        value = self.processed / self.total if self.total else 1.0
        return value, {
            "processed": self.processed,
            "total": self.total,
            "current": self.current,
            "files_per_s": round(rate, 2),
            "eta_s": None if eta is None else round(eta, 1),
        }


class _BatchWriter:
    """Upserts probed videos in batches from its own task, then announces them."""

    def __init__(
        self, repository: VideoRepository, ctx: JobContext, tally: ScanTally, config: ScanConfig
    ) -> None:
        self._repository = repository
        self._ctx = ctx
        self._tally = tally
        self._config = config
        self._pending: list[tuple[ProbedVideo, bool]] = []
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()

    def add(self, video: ProbedVideo, *, is_new: bool) -> None:
        self._pending.append((video, is_new))
        if len(self._pending) >= self._config.batch_size:
            self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Flush every ``batch_interval_s`` (or when a batch fills) until ``stop`` is set."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._config.batch_interval_s):
                    await self._wake.wait()
            self._wake.clear()
            await self.flush()

    def wake(self) -> None:
        self._wake.set()

    async def flush(self) -> None:
        # Shielded: cancelling the scan must never interrupt a database transaction
        # half-way (that would leave the connection holding SQLite's write lock).
        await asyncio.shield(self._flush())

    async def _flush(self) -> None:
        async with self._lock:
            batch, self._pending = self._pending, []
            if not batch:
                return
            rows = await self._repository.upsert_many([video for video, _ in batch])
        new_paths = {video.path for video, is_new in batch if is_new}
        for row in rows:
            is_new = row.path in new_paths
            if is_new:
                self._tally.new += 1
            else:
                self._tally.updated += 1
            event = "video.added" if is_new else "video.updated"
            self._ctx.emit(event, VideoOut.from_row(row).model_dump(mode="json"))


async def _probe_one(found: FoundFile, known: KnownVideo | None, config: ScanConfig) -> ProbedVideo:
    video_id = known.id if known is not None else uuid.uuid4().hex
    metadata = await config.backend.probe(found.path, timeout_s=config.probe_timeout_s)
    thumbnail = config.thumbnails_dir / f"{video_id}.jpg"
    try:
        await config.backend.thumbnail(
            found.path, thumbnail, duration_s=metadata.duration_s, timeout_s=config.probe_timeout_s
        )
        thumbnail_path: str | None = str(thumbnail)
    except ThumbnailError as exc:
        # The video is still usable; the API serves a placeholder image for it.
        log.warning("scan.thumbnail_failed", path=found.path, error=exc.reason)
        thumbnail_path = None
    return ProbedVideo(video_id, found.path, found.stamp, metadata, thumbnail_path)


def _collect(root: str, recursive: bool) -> tuple[list[FoundFile], list[WalkError]]:
    files: list[FoundFile] = []
    errors: list[WalkError] = []
    for item in walk_videos(root, recursive=recursive):
        (files if isinstance(item, FoundFile) else errors).append(item)  # type: ignore[arg-type]
    return files, errors


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
    await asyncio.to_thread(_prepare_thumbnails_dir, config.thumbnails_dir)
    # The walk is blocking file-system work: keep it off the event loop.
    files, walk_errors = await asyncio.to_thread(_collect, root, recursive)
    tally.errors.extend({"path": e.path, "error": e.error} for e in walk_errors)
    known = await repository.known_under(root, recursive=recursive)
    tally.total = len(files)
    work: deque[tuple[FoundFile, KnownVideo | None]] = deque()
    for found in files:
        record = known.get(found.path)
        if record is not None and record.stamp == found.stamp and not record.missing:
            tally.skipped += 1
        else:
            work.append((found, record))
    tally.processed = tally.skipped
    await ctx.set_progress(*tally.progress())

    writer = _BatchWriter(repository, ctx, tally, config)
    writer_stop = asyncio.Event()
    writer_task = asyncio.create_task(writer.run(writer_stop))
    ticker = asyncio.create_task(_report_progress(ctx, tally, config.progress_interval_s))
    try:
        cancelled = await _probe_all(ctx, work, tally, writer, config)
    finally:
        ticker.cancel()
        # The writer is stopped, never cancelled, so no transaction is cut in half.
        writer_stop.set()
        writer.wake()
        await asyncio.gather(ticker, writer_task, return_exceptions=True)
        # Whatever was probed is stored, also on cancel or failure.
        await writer.flush()
    tally.current = None
    if cancelled:
        await ctx.set_progress(*tally.progress())
        raise JobCancelledError(tally.as_result())

    present = {found.path for found in files}
    unreadable = tuple(e.path.rstrip("/") + "/" for e in walk_errors)
    gone = [path for path in known if path not in present and not path.startswith(unreadable)]
    tally.missing = len(gone)
    await repository.set_missing([path for path in gone if not known[path].missing])
    await ctx.set_progress(1.0, tally.progress()[1])
    return tally.as_result()


async def _probe_all(
    ctx: JobContext,
    work: deque[tuple[FoundFile, KnownVideo | None]],
    tally: ScanTally,
    writer: _BatchWriter,
    config: ScanConfig,
) -> bool:
    """Probe every queued file with bounded concurrency; True if cancelled midway."""

    async def worker() -> None:
        while work and not ctx.cancel_requested:  # cancel is checked before each file
            found, known = work.popleft()
            tally.current = found.path
            try:
                writer.add(await _probe_one(found, known, config), is_new=known is None)
            except FFprobeError as exc:
                tally.errors.append({"path": found.path, "error": exc.reason})
            tally.processed += 1

    async def all_workers() -> None:
        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(max(1, config.concurrency)):
                    group.create_task(worker())
        except ExceptionGroup as group_error:
            # Not a per-file problem (e.g. ffprobe is missing): fail the job with
            # the cause itself, not an opaque group.
            raise group_error.exceptions[0] from group_error

    probing = asyncio.create_task(all_workers())
    cancel_requested = asyncio.create_task(ctx.wait_cancel_requested())
    try:
        await asyncio.wait({probing, cancel_requested}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not probing.done():
            # Cancelling the workers cancels their probes, whose `finally` kills ffprobe.
            probing.cancel()
        cancel_requested.cancel()
        await asyncio.gather(cancel_requested, return_exceptions=True)
        with contextlib.suppress(asyncio.CancelledError):
            await probing
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
