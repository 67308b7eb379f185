"""HTTP shapes of the library (videos and scans)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from stoat_ferret.ffmpeg import MediaType
from stoat_ferret.jobs.schemas import JobOut
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


class ScanFileError(BaseModel):
    """A file the scan could not index, and why."""

    path: str = Field(description="Shown escaped (``\\xNN``) when the name is not UTF-8.")
    error: str


class ScanResultOut(BaseModel):
    """The result of a ``scan`` job (also the partial result of a cancelled one)."""

    scanned: int = Field(ge=0, description="Files looked at, skipped ones included.")
    new: int = Field(ge=0)
    updated: int = Field(ge=0)
    skipped: int = Field(ge=0, description="Unchanged since the last scan: not probed again.")
    missing: int = Field(ge=0, description="Stored videos under the folder whose file is gone.")
    errors: list[ScanFileError]


class ScanProgress(BaseModel):
    """A running scan's ``progress_detail`` (``total`` grows while the walk runs)."""

    processed: int = Field(ge=0)
    total: int = Field(ge=0)
    current: str | None = Field(description="The file being probed now.")
    files_per_s: float = Field(ge=0)
    eta_s: float | None = Field(description="Seconds left; null until the walk has ended.")


class ScanJob(JobOut):
    """A ``scan`` job: ``progress_detail`` and ``result`` have the scan's shapes."""

    job_type: Literal["scan"]
    # Narrower than the base's free-form fields, which is the point; overriding (not
    # adding) keeps each field where the base puts it in the JSON.
    progress_detail: ScanProgress | None = None  # type: ignore[assignment]
    result: ScanResultOut | None = None


class ScanBatchResultOut(ScanResultOut):
    """The result of a ``scan.batch`` child (``missing`` is the parent's to count: 0)."""

    worker: str | None = Field(
        None, description="``host:pid`` of the worker that ran the batch (null when cancelled)."
    )


class ScanBatchFile(BaseModel):
    """A file a ``scan.batch`` child was given, with its stamp from the parent's walk."""

    path: str
    size: int = Field(ge=0)
    mtime_ns: int
    media_type: Literal["video", "audio"] = "video"


class ScanBatchPayload(BaseModel):
    """What a ``scan.batch`` child is asked to do."""

    parent_id: str = Field(description="The ``scan`` job that made this child.")
    path: str = Field(description="The folder the parent scans.")
    index: int = Field(ge=0, description="The batch's number within its parent, in walk order.")
    files: list[ScanBatchFile]


class ScanBatchJob(JobOut):
    """
    A ``scan.batch`` child of a fan-out scan (distributed queue only, SPEC §12).

    Cancelling its parent cancels it; its parent's progress and result sum its children's.
    """

    job_type: Literal["scan.batch"]
    progress_detail: ScanProgress | None = None  # type: ignore[assignment]
    result: ScanBatchResultOut | None = None
    payload: ScanBatchPayload  # type: ignore[assignment]


class VideoDeleted(BaseModel):
    """Payload of ``video.deleted``."""

    id: str
    path: str
    file_deleted: bool = Field(description="The file was removed too (``delete_file=true``).")
