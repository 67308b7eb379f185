"""``FFprobeBackend``: the reference backend, the ``ffprobe`` and ``ffmpeg`` binaries."""

from __future__ import annotations

import os

from stoat_ferret.ffmpeg.probe.ffprobe import ffprobe_video
from stoat_ferret.ffmpeg.probe.metadata import MediaType, VideoMetadata
from stoat_ferret.ffmpeg.thumbnail.ffmpeg import extract_thumbnail, extract_waveform
from stoat_ferret.ffmpeg.thumbnail.rules import THUMBNAIL_WIDTH_PX

__all__ = ["FFprobeBackend"]


class FFprobeBackend:
    """
    The reference backend: the ``ffprobe`` and ``ffmpeg`` binaries as subprocesses.

    Each call starts one process under ``asyncio.timeout`` and kills and reaps it on
    timeout or cancellation, so cancelling a scan really stops the work.
    """

    name: str = "ffprobe"

    def __init__(
        self,
        *,
        ffprobe_path: str = "ffprobe",
        ffmpeg_path: str = "ffmpeg",
        thumbnail_width_px: int = THUMBNAIL_WIDTH_PX,
    ) -> None:
        """
        Create the backend.

        Args:
            ffprobe_path: the ffprobe executable (absolute path or a name on PATH).
            ffmpeg_path: the ffmpeg executable used for thumbnails.
            thumbnail_width_px: width of generated thumbnails.
        """
        self.ffprobe_path = ffprobe_path
        self.ffmpeg_path = ffmpeg_path
        self.thumbnail_width_px = thumbnail_width_px

    async def probe(
        self,
        path: str | os.PathLike[str],
        *,
        timeout_s: float = 30.0,
        media_type: MediaType = "video",
    ) -> VideoMetadata:
        """Run ffprobe on ``path``; see :func:`~stoat_ferret.ffmpeg.probe.ffprobe.ffprobe_video`."""
        return await ffprobe_video(
            path, ffprobe_path=self.ffprobe_path, timeout_s=timeout_s, media_type=media_type
        )

    async def thumbnail(
        self,
        path: str | os.PathLike[str],
        dest: str | os.PathLike[str],
        *,
        duration_s: float,
        timeout_s: float = 30.0,
    ) -> None:
        """Run ffmpeg; see :func:`~stoat_ferret.ffmpeg.thumbnail.ffmpeg.extract_thumbnail`."""
        await extract_thumbnail(
            path,
            dest,
            duration_s=duration_s,
            ffmpeg_path=self.ffmpeg_path,
            width=self.thumbnail_width_px,
            timeout_s=timeout_s,
        )

    async def waveform(
        self,
        path: str | os.PathLike[str],
        dest: str | os.PathLike[str],
        *,
        timeout_s: float = 30.0,
    ) -> None:
        """Run ffmpeg; see :func:`~stoat_ferret.ffmpeg.thumbnail.ffmpeg.extract_waveform`."""
        await extract_waveform(
            path,
            dest,
            ffmpeg_path=self.ffmpeg_path,
            width=self.thumbnail_width_px,
            timeout_s=timeout_s,
        )
