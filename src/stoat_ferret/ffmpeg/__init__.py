"""
FFmpeg integration: probing videos, making thumbnails, and the probe backends.

Laid out by role: ``probe/`` (metadata and its rules, ffprobe, PyAV), ``thumbnail/``
(the pure frame and size rules apart from the ffmpeg and PyAV code), ``backends/``
(the ``ProbeBackend`` interface, its two implementations and the factory) and
``runtime/`` (the media process runner, binaries, the decoder thread pool).

Public entry points, re-exported here (and only public names):

- :func:`ffprobe_video` - ``VideoMetadata`` from the ``ffprobe`` binary (the reference);
- :func:`extract_thumbnail` - a 320-px-wide JPEG written atomically with ``ffmpeg``;
- :func:`extract_waveform` - the 320x120 waveform JPEG of a sound file, with ``ffmpeg``;
- :data:`MediaType` - ``"video"`` or ``"audio"``, what a probe reads a file as;
- :class:`ProbeBackend` with :class:`FFprobeBackend` and :class:`PyAVBackend`, and
  :func:`make_probe_backend` which picks one from ``Settings``;
- :func:`media_process` and :func:`run_process` - the media process runner;
- :func:`resolve_binary` and friends - finding the executables, reporting missing ones.

Importing this package touches neither the disk nor PyAV: ``av`` is imported on the
first PyAV call and executables are resolved only when asked.
"""

from stoat_ferret.ffmpeg.backends.factory import make_probe_backend
from stoat_ferret.ffmpeg.backends.ffprobe import FFprobeBackend
from stoat_ferret.ffmpeg.backends.protocol import ProbeBackend
from stoat_ferret.ffmpeg.backends.pyav import PyAVBackend
from stoat_ferret.ffmpeg.probe.ffprobe import ffprobe_video
from stoat_ferret.ffmpeg.probe.metadata import MEDIA_TYPES, MediaType, VideoMetadata
from stoat_ferret.ffmpeg.runtime.binaries import (
    BinaryStatus,
    binary_statuses,
    missing_binaries,
    require_binary,
    resolve_binary,
)
from stoat_ferret.ffmpeg.runtime.libav import pyav_available
from stoat_ferret.ffmpeg.runtime.process import (
    MediaProcess,
    ProcessOutput,
    media_process,
    run_process,
)
from stoat_ferret.ffmpeg.thumbnail.ffmpeg import extract_thumbnail, extract_waveform
from stoat_ferret.ffmpeg.thumbnail.rules import scaled_size, thumbnail_at_s

__all__ = [
    "MEDIA_TYPES",
    "BinaryStatus",
    "FFprobeBackend",
    "MediaProcess",
    "MediaType",
    "ProbeBackend",
    "ProcessOutput",
    "PyAVBackend",
    "VideoMetadata",
    "binary_statuses",
    "extract_thumbnail",
    "extract_waveform",
    "ffprobe_video",
    "make_probe_backend",
    "media_process",
    "missing_binaries",
    "pyav_available",
    "require_binary",
    "resolve_binary",
    "run_process",
    "scaled_size",
    "thumbnail_at_s",
]
