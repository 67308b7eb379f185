"""HTTP shapes of the library (videos and scans)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field

from stoat_ferret.ffmpeg import MediaType
from stoat_ferret.library.models import VideoRecord, VideoRow


class VideoOut(BaseModel):
    id: str
    path: str
    filename: str
    media_type: MediaType = Field(
        description=(
            "`video`, or `audio` for a sound file (by its extension): audio records have "
            "no `width`, `height`, frame rate, `video_codec` or `duration_frames`."
        )
    )
    duration_seconds: float | None
    duration_frames: int | None = Field(
        description="Frames of the video stream; null for audio (no frames of its own)."
    )
    frame_rate_numerator: int | None
    frame_rate_denominator: int | None
    width: int | None
    height: int | None
    video_codec: str | None
    audio_codec: str | None
    container: str | None
    bit_rate: int | None
    audio_channels: int | None
    audio_sample_rate: int | None
    file_size: int
    file_mtime: datetime = Field(description="The file's modification time (UTC).")
    thumbnail_url: str
    missing: bool = Field(description="The file was not found by the last scan of its folder.")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def fields(row: VideoRow | VideoRecord) -> dict[str, Any]:
        """The output fields of a stored video (an ORM row or a page's record)."""
        return {
            "id": row.id,
            "path": row.path,
            "filename": row.filename,
            "media_type": row.media_type,
            "duration_seconds": row.duration_seconds,
            "duration_frames": row.duration_frames,
            "frame_rate_numerator": row.frame_rate_numerator,
            "frame_rate_denominator": row.frame_rate_denominator,
            "width": row.width,
            "height": row.height,
            "video_codec": row.video_codec,
            "audio_codec": row.audio_codec,
            "container": row.container,
            "bit_rate": row.bit_rate,
            "audio_channels": row.audio_channels,
            "audio_sample_rate": row.audio_sample_rate,
            "file_size": row.file_size,
            "file_mtime": datetime.fromtimestamp(row.file_mtime_ns / 1e9, UTC),
            "thumbnail_url": f"/api/v1/videos/{row.id}/thumbnail",
            "missing": row.missing,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
        }

    @classmethod
    def from_row(cls, row: VideoRow | VideoRecord) -> VideoOut:
        return cls.model_validate(cls.fields(row))


class VideoPage(BaseModel):
    videos: list[VideoOut]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, rows: Sequence[VideoRecord], total: int, limit: int, offset: int) -> VideoPage:
        """The page, validated in one call (a ``VideoOut`` per row costs twice as much)."""
        videos = [VideoOut.fields(row) for row in rows]
        return cls.model_validate(
            {"videos": videos, "total": total, "limit": limit, "offset": offset}
        )


class ScanRequest(BaseModel):
    path: str | None = Field(
        None, description="Absolute path of the folder to scan.", examples=["/srv/videos"]
    )
    recursive: bool = Field(True, description="Also scan every subfolder.")
