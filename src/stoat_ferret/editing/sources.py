"""
What the library holds of a project's videos: for new clips, and for "missing now".

The editor reads the library's rows and never its media. Every change and every read
of a project asks, so the statements are built once (an expanding parameter takes the
ids) rather than for each request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.editing.batch import SourceInfo
from stoat_ferret.library.models import VideoRow

__all__ = ["missing_among", "missing_sources", "source_infos"]


def _chunks(ids: Iterable[str], size: int = 500) -> Iterable[list[str]]:
    chosen = sorted(ids)
    # SQLite limits the number of bound parameters per statement.
    for start in range(0, len(chosen), size):
        yield chosen[start : start + size]


# Built once (an expanding parameter takes the ids): asked on every change and read.
_SOURCES = select(
    VideoRow.id, VideoRow.filename, VideoRow.duration_seconds, VideoRow.missing, VideoRow.width
).where(VideoRow.id.in_(bindparam("ids", expanding=True)))
_PRESENT = select(VideoRow.id).where(
    VideoRow.id.in_(bindparam("ids", expanding=True)), VideoRow.missing.is_(False)
)


async def source_infos(session: AsyncSession, ids: set[str]) -> dict[str, SourceInfo]:
    """What the library knows of each video a new clip names (unknown ids are absent)."""
    found: dict[str, SourceInfo] = {}
    for chunk in _chunks(ids):
        rows = await session.execute(_SOURCES, {"ids": chunk})
        for video_id, filename, duration_s, missing, width in rows.all():
            found[video_id] = SourceInfo(video_id, filename, duration_s, bool(missing), bool(width))
    return found


async def missing_sources(session: AsyncSession, ids: set[str]) -> frozenset[str]:
    """The ids among ``ids`` whose video is missing now (or no longer in the library)."""
    present: set[str] = set()
    for chunk in _chunks(ids):
        rows = await session.execute(_PRESENT, {"ids": chunk})
        present.update(video_id for (video_id,) in rows.all())
    return frozenset(ids - present)


def missing_among(ids: Iterable[str], known: Mapping[str, SourceInfo]) -> frozenset[str]:
    """The ids whose video ``known`` (read by ``source_infos``) lacks or has as missing."""
    return frozenset(
        video_id for video_id in ids if (info := known.get(video_id)) is None or info.missing
    )
