"""``ProbeBackend``: what the library scan calls to probe a file and thumbnail it."""

from __future__ import annotations

import os
from typing import Protocol

from stoat_ferret.ffmpeg.probe.metadata import MediaType, VideoMetadata

__all__ = ["ProbeBackend"]


class ProbeBackend(Protocol):
    """
    Reads ``VideoMetadata`` and writes thumbnails; implementations must agree.

    Errors: ``probe`` raises ``FFprobeError`` and ``thumbnail`` and ``waveform`` raise
    ``ThumbnailError`` for anything wrong with the file (both name it), and both raise
    ``DependencyUnavailableError`` when the backend itself cannot run. Cancelling the
    awaiting task stops waiting at once and releases (or abandons) the worker.
    """

    name: str
    """Short name as used by ``STOAT_PROBE_BACKEND`` (``"ffprobe"``, ``"pyav"``)."""

    async def probe(
        self, path: str | os.PathLike[str], *, timeout_s: float, media_type: MediaType = "video"
    ) -> VideoMetadata:
        """
        Return the file's metadata within ``timeout_s`` seconds.

        ``media_type="audio"`` reads a sound file (no video stream needed, no picture
        fields); ``"video"`` refuses a file without a video stream.
        """
        ...

    async def thumbnail(
        self,
        path: str | os.PathLike[str],
        dest: str | os.PathLike[str],
        *,
        duration_s: float,
        timeout_s: float,
    ) -> None:
        """Write a JPEG thumbnail of the video to ``dest`` atomically."""
        ...

    async def waveform(
        self, path: str | os.PathLike[str], dest: str | os.PathLike[str], *, timeout_s: float
    ) -> None:
        """Write the waveform picture of a sound file to ``dest`` (a JPEG) atomically."""
        ...
