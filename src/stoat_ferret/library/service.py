"""``LibraryService``: the library's use cases, shared by the API and the CLI.

One service lives as long as the app; each call that touches the database is given
its caller's unit of work (a request's, via ``SessionDep``), and events it produces
go to that unit, to be published only once it commits.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from stoat_ferret.db import UnitOfWork
from stoat_ferret.errors import (
    InUseError,
    NotFoundError,
    PermissionDeniedError,
    ScanInProgressError,
    capped,
)
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import AsyncJobQueue, JobStatus
from stoat_ferret.library.models import VideoRow
from stoat_ferret.library.paths import (
    overlaps,
    remove_library_file,
    resolve_scan_folder,
    shown,
)
from stoat_ferret.library.repository import VideoRepository
from stoat_ferret.library.scan import SCAN_JOB_TYPE
from stoat_ferret.library.schemas import VideoDeleted
from stoat_ferret.library.usage import ProjectRef, VideoUsage


def _remove_file(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


class LibraryService:
    def __init__(
        self,
        queue: AsyncJobQueue,
        *,
        allowed_roots: list[Path],
        usages: Callable[[], Sequence[VideoUsage]] = tuple,
    ) -> None:
        """``usages`` returns the registered ``VideoUsage`` answers (asked at delete time)."""
        self._queue = queue
        self._allowed_roots = allowed_roots
        self._usages = usages
        # Serialises the overlap check and the submit, so two racing requests for
        # the same folder cannot both start a scan.
        self._scan_lock = asyncio.Lock()

    async def start_scan(self, path: str | None, *, recursive: bool = True) -> str:
        """Validate at once, then queue a ``scan`` job; returns its id."""
        folder = await asyncio.to_thread(resolve_scan_folder, path, self._allowed_roots)
        async with self._scan_lock:
            for status in (JobStatus.PENDING, JobStatus.RUNNING):
                for job in await self._queue.list_jobs(status, SCAN_JOB_TYPE, limit=500):
                    other = str(job.payload.get("path", ""))
                    if other and overlaps(folder, other):
                        raise ScanInProgressError(
                            f"scan {job.job_id} of {other!r} is {job.status.value} and "
                            f"overlaps {folder!r}; wait for it or cancel it",
                            job_id=job.job_id,
                        )
            return await self._queue.submit(SCAN_JOB_TYPE, {"path": folder, "recursive": recursive})

    def _remove_video_file(self, path: str) -> None:
        try:
            remove_library_file(path, self._allowed_roots)
        except PermissionError as exc:
            raise PermissionDeniedError(
                f"{shown(path)} cannot be deleted: {exc.strerror or 'permission denied'}"
            ) from exc

    async def get(self, uow: UnitOfWork, video_id: str) -> VideoRow:
        row = await VideoRepository(uow.session).get(video_id)
        if row is None:
            raise NotFoundError(f"video {capped(video_id)} not found")
        return row

    async def projects_using(self, uow: UnitOfWork, video_id: str) -> list[ProjectRef]:
        """Every project any registered ``VideoUsage`` names for ``video_id``."""
        found: list[ProjectRef] = []
        for usage in self._usages():
            found += await usage.projects_using(uow.session, video_id)
        return found

    async def delete(self, uow: UnitOfWork, video_id: str, *, delete_file: bool = False) -> None:
        """Forget a video; with ``delete_file`` also remove the file (``remove_library_file``).

        A video some project uses is refused with 409 ``IN_USE`` naming them. The file
        goes first: when it may not be removed (403, or 409 for a symlink on its path)
        the record and the thumbnail stay, so nothing is half done. ``video.deleted`` is
        published when ``uow`` commits.

        Raises:
            NotFoundError: no such video.
            InUseError: a registered ``VideoUsage`` names projects that use it.
        """
        row = await self.get(uow, video_id)
        if users := await self.projects_using(uow, video_id):
            names = ", ".join(capped(user.name, 60) for user in users[:5])
            more = f" and {len(users) - 5} more" if len(users) > 5 else ""
            raise InUseError(
                f"video {capped(video_id)} is used by {len(users)} project(s): {names}{more}",
                projects=[{"id": user.id, "name": user.name} for user in users],
            )
        if delete_file:
            await asyncio.to_thread(self._remove_video_file, row.path)
        if row.thumbnail_path:
            await asyncio.to_thread(_remove_file, row.thumbnail_path)
        await VideoRepository(uow.session).delete(video_id)
        deleted = VideoDeleted(id=video_id, path=row.path, file_deleted=delete_file)
        uow.emit(EventType.VIDEO_DELETED, deleted.model_dump(mode="json"))
