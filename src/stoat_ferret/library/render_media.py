"""
The library's answer to the render's ``RenderMedia`` question (``render/ports.py``).

Registered by ``setup_library`` under ``RENDER_MEDIA``: the render asks which file a
clip's source is, whether it is missing, and what streams it has, without importing
the library's repository.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.library.models import VideoRow
from stoat_ferret.render.ports import MediaFacts

__all__ = ["LibraryRenderMedia"]


def _rate(row: VideoRow) -> Fraction | None:
    num, den = row.frame_rate_numerator, row.frame_rate_denominator
    return Fraction(num, den) if num and den else None


class LibraryRenderMedia:
    """``RenderMedia`` over the ``videos`` table, in the caller's session."""

    async def facts(
        self, session: AsyncSession, video_ids: Collection[str]
    ) -> Mapping[str, MediaFacts]:
        if not video_ids:
            return {}
        rows = await session.scalars(select(VideoRow).where(VideoRow.id.in_(sorted(video_ids))))
        return {
            row.id: MediaFacts(
                video_id=row.id,
                path=row.path,
                missing=bool(row.missing),
                has_video=row.video_codec is not None,
                has_audio=row.audio_codec is not None,
                frame_rate=_rate(row),
                duration_s=row.duration_seconds,
                width=row.width,
                height=row.height,
            )
            for row in rows
        }
