"""Triage, probe and thumbnail: the overlapping stages of one scan.

See the package docstring (``stoat_ferret.library.scan``) for the stages and why they
overlap; ``writer.py`` stores what the thumbnail stage finishes.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from dataclasses import dataclass, field
from typing import Any

import structlog

from stoat_ferret.errors import FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg import VideoMetadata
from stoat_ferret.jobs import JobContext
from stoat_ferret.library.models import ProbedVideo
from stoat_ferret.library.names import UNDECODABLE_NAME, display_path, is_storable
from stoat_ferret.library.repository import KnownStamp
from stoat_ferret.library.scan.config import IN_PROCESS_BACKENDS, ScanConfig
from stoat_ferret.library.scan.discovery import FoundFile, WalkError
from stoat_ferret.library.scan.tally import ScanTally
from stoat_ferret.library.scan.walker import FileSource
from stoat_ferret.library.scan.writer import BatchWriter

log = structlog.get_logger("stoat_ferret.scan")


def _unchanged(record: KnownStamp, found: FoundFile) -> bool:
    """The stored record is present and has the file's size and mtime: skip it."""
    _, size, mtime_ns, missing = record
    return not missing and (size, mtime_ns) == (found.stamp.size, found.stamp.mtime_ns)


def triage(
    item: FoundFile | WalkError,
    known: dict[str, KnownStamp],
    tally: ScanTally,
    unreadable: list[str],
) -> tuple[FoundFile, KnownStamp | None] | None:
    """
    Count what needs no probe; return a file that does, with its stored stamp.

    A walk error is an ``errors`` entry (an unreadable folder also goes to
    ``unreadable``: its records must not be marked missing); a name that cannot be
    stored is one too; a file whose stored record has its size and mtime is
    ``skipped``. The file's entry is popped from ``known``: what is left at the end is
    the records whose file is gone.
    """
    if isinstance(item, WalkError):
        tally.add_error(item.path, item.error)
        if item.unchecked:
            unreadable.append(item.path.rstrip("/") + "/")
        return None
    tally.total += 1
    if not is_storable(item.path):
        tally.add_error(item.path, UNDECODABLE_NAME)
        tally.processed += 1
        return None
    record = known.pop(item.path, None)
    if record is not None and _unchanged(record, item):
        tally.skipped += 1
        tally.processed += 1
        return None
    return item, record


@dataclass(eq=False)
class Pipeline:
    """Triage, probe and thumbnail stages of one scan (see the module docstring)."""

    ctx: JobContext
    tally: ScanTally
    writer: BatchWriter
    config: ScanConfig
    known: dict[str, KnownStamp] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    processes: asyncio.Semaphore | None = None

    async def run(self, walker: FileSource, known: asyncio.Task[dict[str, KnownStamp]]) -> None:
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
        walker: FileSource,
        to_probe: asyncio.Queue[tuple[FoundFile, KnownStamp | None] | None],
    ) -> None:
        async for chunk in walker.chunks():
            for item in chunk:
                if (work := triage(item, self.known, self.tally, self.unreadable)) is not None:
                    to_probe.put_nowait(work)
        self.tally.walking = False

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
                        found.path, timeout_s=config.probe_timeout_s, media_type=found.media_type
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
                if metadata.media_type == "audio":
                    # A sound file's thumbnail is its waveform.
                    await config.backend.waveform(
                        found.path, dest, timeout_s=config.probe_timeout_s
                    )
                else:
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
