"""FFmpeg integration: probing videos, making thumbnails, and the probe backends.

Public entry points:

- :func:`ffprobe_video` - ``VideoMetadata`` from the ``ffprobe`` binary (the reference);
- :func:`extract_thumbnail` - a 320-px-wide JPEG written atomically with ``ffmpeg``;
- :class:`ProbeBackend` with :class:`FFprobeBackend` and :class:`PyAVBackend`, and
  :func:`make_probe_backend` which picks one from ``Settings``;
- :mod:`stoat_ferret.ffmpeg.binaries` - finding the executables, reporting missing ones.

Importing this package touches neither the disk nor PyAV: ``av`` is imported on the
first PyAV call and executables are resolved only when asked.
"""

from stoat_ferret.errors import DependencyUnavailableError, FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg.backends import (
    FFprobeBackend,
    ProbeBackend,
    PyAVBackend,
    make_probe_backend,
)
from stoat_ferret.ffmpeg.binaries import (
    BinaryStatus,
    binary_statuses,
    missing_binaries,
    require_binary,
    resolve_binary,
)
from stoat_ferret.ffmpeg.metadata import VideoMetadata
from stoat_ferret.ffmpeg.probe import ffprobe_video
from stoat_ferret.ffmpeg.pyav_backend import pyav_available
from stoat_ferret.ffmpeg.thumbnail import extract_thumbnail, scaled_size, thumbnail_at_s

__all__ = [
    "BinaryStatus",
    "DependencyUnavailableError",
    "FFprobeBackend",
    "FFprobeError",
    "ProbeBackend",
    "PyAVBackend",
    "ThumbnailError",
    "VideoMetadata",
    "binary_statuses",
    "extract_thumbnail",
    "ffprobe_video",
    "make_probe_backend",
    "missing_binaries",
    "pyav_available",
    "require_binary",
    "resolve_binary",
    "scaled_size",
    "thumbnail_at_s",
]
