"""``VideoRepository``: every ORM query on the ``videos`` table, in the caller's session.

The repository opens no session and commits nothing: its caller's unit of work
(``Database.unit_of_work``) decides where the transaction starts and ends, so a delete
and whatever goes with it commit as one. The list and search pages are not here: they
are the hot read path, outside the ORM (``pages.py``: ``VideoPages``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict

from sqlalchemy import ColumnElement, and_, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.clock import utcnow
from stoat_ferret.db.dialects import insert_for, strpos
from stoat_ferret.library.models import ProbedVideo, VideoRow

KnownStamp = tuple[str, int, int, bool]
"""``(id, file_size, file_mtime_ns, missing)`` of a stored file (see ``known_stamps``)."""


def _under(root: str, recursive: bool) -> ColumnElement[bool]:
    """Records whose file lies in ``root`` (and below it when recursive).

    A range on the path (not LIKE, which ignores ASCII case in SQLite) so that
    ``/x/Videos`` and ``/x/videos`` stay different folders, and the unique index on
    ``path`` serves the query. (On PostgreSQL the column is collated "C", so the
    range compares bytes there too: migration 0002.)
    """
    prefix = root.rstrip(os.sep) + os.sep
    after_prefix = prefix[:-1] + chr(ord(os.sep) + 1)  # "/a/b/" -> "/a/b0"
    inside = and_(VideoRow.path >= prefix, VideoRow.path < after_prefix)
    if recursive:
        return inside
    return and_(inside, strpos(func.substr(VideoRow.path, len(prefix) + 1), os.sep) == 0)


class VideoRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, video_id: str) -> VideoRow | None:
        return await self._session.scalar(select(VideoRow).where(VideoRow.id == video_id))

    async def get_by_path(self, path: str) -> VideoRow | None:
        return await self._session.scalar(select(VideoRow).where(VideoRow.path == path))

    async def count(self) -> int:
        return int(await self._session.scalar(select(func.count()).select_from(VideoRow)) or 0)

    async def known_stamps(
        self, root: str, *, recursive: bool, chunk_rows: int = 2_000
    ) -> dict[str, KnownStamp]:
        """Stamps of every stored file in ``root``, so a rescan compares in memory.

        Rows are read ``chunk_rows`` at a time, so the event loop serves requests
        between chunks: one ``fetchall`` of 100,000 rows held it for 0.2-0.4 s. They
        are kept as plain tuples, which the garbage collector stops tracking, whereas
        100,000 small objects (one per file) made every full collection during a rescan
        longer by tens of milliseconds (docs/performance.md).
        """
        query = select(
            VideoRow.path, VideoRow.id, VideoRow.file_size, VideoRow.file_mtime_ns, VideoRow.missing
        ).where(_under(root, recursive))
        known: dict[str, KnownStamp] = {}
        connection = await self._session.connection()
        result = await connection.stream(query)
        async for rows in result.partitions(chunk_rows):
            for path, video_id, size, mtime_ns, missing in rows:
                known[path] = (video_id, size, mtime_ns, bool(missing))
        return known

    async def stamps_of(self, paths: Sequence[str]) -> dict[str, KnownStamp]:
        """Stamps of the stored files among ``paths`` (a ``scan.batch`` child's files)."""
        known: dict[str, KnownStamp] = {}
        # Chunked: SQLite limits the number of bound parameters per statement.
        for start in range(0, len(paths), 500):
            rows = await self._session.execute(
                select(
                    VideoRow.path,
                    VideoRow.id,
                    VideoRow.file_size,
                    VideoRow.file_mtime_ns,
                    VideoRow.missing,
                ).where(VideoRow.path.in_(paths[start : start + 500]))
            )
            for path, video_id, size, mtime_ns, missing in rows:
                known[path] = (video_id, size, mtime_ns, bool(missing))
        return known

    async def ids(self, *, chunk_rows: int = 5_000) -> set[str]:
        """Every stored video id (to find thumbnails no record names), read in chunks."""
        ids: set[str] = set()
        connection = await self._session.connection()
        result = await connection.stream(select(VideoRow.id))
        async for rows in result.partitions(chunk_rows):
            ids.update(video_id for (video_id,) in rows)
        return ids

    async def upsert_many(self, videos: Sequence[ProbedVideo]) -> list[VideoRow]:
        """Insert or update by path; returns the stored rows (as of this transaction)."""
        if not videos:
            return []
        now = utcnow()
        values = [
            {
                "id": video.id,
                "path": video.path,
                "filename": os.path.basename(video.path),
                **_metadata_columns(video),
                "file_size": video.stamp.size,
                "file_mtime_ns": video.stamp.mtime_ns,
                "thumbnail_path": video.thumbnail_path,
                "missing": False,
                "created_at": now,
                "updated_at": now,
            }
            for video in videos
        ]
        statement = insert_for(self._session, VideoRow)
        keep = {"id", "path", "created_at"}
        statement = statement.on_conflict_do_update(
            index_elements=[VideoRow.path],
            set_={c: statement.excluded[c] for c in values[0] if c not in keep},
        )
        await self._session.execute(statement, values)
        # populate_existing: rows already in this session get the upserted values.
        rows = await self._session.scalars(
            select(VideoRow)
            .where(VideoRow.path.in_([v.path for v in videos]))
            .execution_options(populate_existing=True)
        )
        return list(rows.all())

    async def set_missing(self, paths: Iterable[str], *, missing: bool = True) -> int:
        chosen = list(paths)
        changed = 0
        # Chunked: SQLite limits the number of bound parameters per statement.
        for start in range(0, len(chosen), 500):
            result = await self._session.execute(
                update(VideoRow)
                .where(VideoRow.path.in_(chosen[start : start + 500]))
                .where(VideoRow.missing.is_not(missing))
                .values(missing=missing, updated_at=utcnow())
            )
            changed += result.rowcount or 0  # type: ignore[attr-defined]
        return changed

    async def delete(self, video_id: str) -> bool:
        result = await self._session.execute(delete(VideoRow).where(VideoRow.id == video_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]


def _metadata_columns(video: ProbedVideo) -> dict[str, object]:
    data = asdict(video.metadata)
    data["duration_seconds"] = data.pop("duration_s")
    return data
