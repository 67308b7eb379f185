"""The writer that stores a scan's results, one transaction per batch.

One writer task upserts the probed videos in batches (see the package docstring), each
batch in its own unit of work: the scan keeps its own batched transactions rather than
one per job, so a crash redoes at most one batch and readers see progress. A batch
that the database refuses because of one of its rows (a value SQLite cannot hold, a
file name it cannot encode) is written again one row at a time, so one bad row becomes
one per-file error and the rest of the batch is stored. A storage failure (a full disk,
an I/O error) is about no row in particular: it is raised as a ``StorageError`` and ends
the scan ``failed`` with the operating system's message.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import structlog

from stoat_ferret.db import UnitOfWorkFactory
from stoat_ferret.db.storage import storage_error
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import JobContext
from stoat_ferret.library.models import ProbedVideo, VideoRow
from stoat_ferret.library.names import display_path
from stoat_ferret.library.repository import VideoRepository
from stoat_ferret.library.scan.tally import ScanTally
from stoat_ferret.library.schemas import VideoOut

if TYPE_CHECKING:
    from stoat_ferret.library.scan.config import ScanConfig

log = structlog.get_logger("stoat_ferret.scan")

_REASON_CHARS = 300
"""Per-file error messages are capped: a database error can quote a whole statement."""


def _short(exc: BaseException) -> str:
    text = (str(exc) or type(exc).__name__).splitlines()[0]
    return text if len(text) <= _REASON_CHARS else text[: _REASON_CHARS - 3] + "..."


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)


class BatchWriter:
    """Upserts probed videos in batches from its own task, then announces them."""

    def __init__(
        self, units: UnitOfWorkFactory, ctx: JobContext, tally: ScanTally, config: ScanConfig
    ) -> None:
        self._units = units
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
        """Flush every ``batch_interval_s`` (or when a batch fills) until ``stop`` is set.

        Raises:
            StorageError: the database could not be written; the scan fails with it.
        """
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
            rows = await self._store(batch)
        new_paths = {video.path for video, is_new in batch if is_new}
        for row in rows:
            is_new = row.path in new_paths
            if is_new:
                self._tally.new += 1
            else:
                self._tally.updated += 1
            event = EventType.VIDEO_ADDED if is_new else EventType.VIDEO_UPDATED
            self._ctx.emit(event, VideoOut.from_row(row).model_dump(mode="json"))

    async def _store(self, batch: Sequence[tuple[ProbedVideo, bool]]) -> list[VideoRow]:
        try:
            return await self._upsert([video for video, _ in batch])
        except Exception as exc:
            _raise_storage_error(exc)
            if len(batch) == 1:
                await self._row_failed(*batch[0], exc)
                return []
            log.warning("scan.batch_write_failed", rows=len(batch), error=_short(exc))
        rows: list[VideoRow] = []
        for video, is_new in batch:
            try:
                rows += await self._upsert([video])
            except Exception as exc:
                _raise_storage_error(exc)
                await self._row_failed(video, is_new, exc)
        return rows

    async def _upsert(self, videos: list[ProbedVideo]) -> list[VideoRow]:
        async with self._units() as uow:
            return await VideoRepository(uow.session).upsert_many(videos)

    async def _row_failed(self, video: ProbedVideo, is_new: bool, exc: Exception) -> None:
        reason = f"could not be stored in the library: {_short(exc)}"
        log.warning("scan.store_failed", path=display_path(video.path), error=reason)
        self._tally.add_error(video.path, reason)
        if is_new and video.thumbnail_path is not None:
            # Nothing will name this thumbnail (an updated record keeps its own name).
            await asyncio.to_thread(_remove_quietly, video.thumbnail_path)


def _raise_storage_error(exc: Exception) -> None:
    storage = storage_error(exc)
    if storage is exc:
        raise exc
    if storage is not None:
        raise storage from exc
