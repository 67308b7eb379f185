"""The ``videos`` table (created by migration 0002, with its FTS5 index).

It holds every library record, sound files too: ``media_type`` (migration 0003) is
``video`` or ``audio``, and an audio record leaves the picture columns NULL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import BigInteger, Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from stoat_ferret.db.base import Base, UTCDateTime
from stoat_ferret.ffmpeg import MediaType, VideoMetadata


class VideoRow(Base):
    __tablename__ = "videos"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(8), default="video")
    duration_seconds: Mapped[float | None] = mapped_column(Float)
    duration_frames: Mapped[int | None] = mapped_column(Integer)
    frame_rate_numerator: Mapped[int | None] = mapped_column(Integer)
    frame_rate_denominator: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    video_codec: Mapped[str | None] = mapped_column(String(64))
    audio_codec: Mapped[str | None] = mapped_column(String(64))
    container: Mapped[str | None] = mapped_column(String(128))
    bit_rate: Mapped[int | None] = mapped_column(BigInteger)
    audio_channels: Mapped[int | None] = mapped_column(Integer)
    audio_sample_rate: Mapped[int | None] = mapped_column(Integer)
    file_size: Mapped[int] = mapped_column(BigInteger)
    file_mtime_ns: Mapped[int] = mapped_column(BigInteger)
    thumbnail_path: Mapped[str | None] = mapped_column(Text)
    missing: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class VideoRecord(NamedTuple):
    """A ``videos`` row as list and search pages read it: a plain tuple, no ORM object.

    The same names as ``VideoRow``'s columns (without ``pk``), so ``VideoOut`` reads
    either; the three columns that need converting come last (see ``pages.py``).
    """

    id: str
    path: str
    filename: str
    media_type: MediaType
    duration_seconds: float | None
    duration_frames: int | None
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
    file_mtime_ns: int
    thumbnail_path: str | None
    missing: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What decides whether a file changed since the last scan."""

    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class ProbedVideo:
    """One successfully probed file, ready to be upserted."""

    id: str
    path: str
    stamp: FileStamp
    metadata: VideoMetadata
    thumbnail_path: str | None
