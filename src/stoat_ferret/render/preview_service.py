"""
``EffectPreviewer``: the effect preview's adapter (file checks, ffmpeg run, cache).

:mod:`.effect_preview` decides what to run; this class checks the library file as
SPEC §13 asks (resolved, inside the allowed roots before anything else, then present),
runs the one ffmpeg command under ``STOAT_PREVIEW_TIMEOUT`` and keeps recent answers in
an LRU keyed by (video id, file mtime, t, width, effect, canonical parameters).
"""

from __future__ import annotations

import asyncio
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from stoat_ferret.errors import ConflictError, DependencyUnavailableError
from stoat_ferret.ffmpeg.frames import JpegCache, grab_jpeg
from stoat_ferret.library.paths import ensure_allowed, shown
from stoat_ferret.render.effect_preview import (
    PreviewKey,
    PreviewSource,
    effect_preview_argv,
    preview_filter,
    preview_instant,
    preview_key,
)

__all__ = ["EffectPreviewer", "LibraryVideo", "PreviewSourceMissingError"]


class PreviewSourceMissingError(ConflictError):
    """The library video's file is gone (or the scan marked it ``missing``)."""

    code = "SOURCE_MISSING"


@dataclass(frozen=True)
class LibraryVideo:
    """The fields of a library record the preview reads."""

    video_id: str
    path: str
    missing: bool
    duration_s: float | None
    frame_rate: Fraction | None


def _checked_file(video: LibraryVideo, allowed_roots: Sequence[Path]) -> PreviewSource:
    """Blocking (``realpath``, ``stat``): call it through ``asyncio.to_thread``."""
    real = os.path.realpath(video.path)
    # The roots first: a path outside them is 403 whether or not it exists.
    ensure_allowed(real, allowed_roots)
    gone = PreviewSourceMissingError(
        f"video {video.video_id!r}: its file {shown(video.path)} is missing; "
        "rescan its folder or restore the file"
    )
    if video.missing:
        raise gone
    try:
        info = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        raise gone from None
    if not stat.S_ISREG(info.st_mode):
        raise gone
    return PreviewSource(
        video_id=video.video_id,
        path=real,
        mtime_ns=info.st_mtime_ns,
        duration_s=video.duration_s,
        frame_rate=video.frame_rate,
    )


class EffectPreviewer:
    """Makes effect previews for one app (one cache, one ffmpeg, one timeout)."""

    def __init__(
        self,
        *,
        allowed_roots: Sequence[Path],
        timeout_s: float,
        cache: JpegCache[PreviewKey] | None = None,
    ) -> None:
        self._allowed_roots = tuple(allowed_roots)
        self._timeout_s = timeout_s
        self.cache: JpegCache[PreviewKey] = cache if cache is not None else JpegCache()

    async def jpeg(
        self,
        video: LibraryVideo,
        *,
        ffmpeg_path: str | None,
        effect_type: str,
        parameters: object,
        t: float,
        width: int,
    ) -> bytes:
        """
        The JPEG of ``video`` at ``t`` seconds with the effect, ``width`` pixels wide.

        ``ffmpeg_path`` is the binary the app resolved at start-up (None: not found).

        Raises:
            PathNotAllowedError: the file lies outside the allowed roots (403).
            PreviewSourceMissingError: the file is gone (409 ``SOURCE_MISSING``).
            EffectParameterError: an unknown or audio effect, parameters the schema
                refuses, or ``t`` past the end (422 naming the field).
            PreviewTimeoutError, PreviewFailedError: the ffmpeg run (503, 422).
            DependencyUnavailableError: no ffmpeg (503).
        """
        source = await asyncio.to_thread(_checked_file, video, self._allowed_roots)
        filter_string = preview_filter(effect_type, parameters, source)
        at_s = preview_instant(t, source)
        key = preview_key(
            source, at_s=at_s, width=width, effect_type=effect_type, parameters=parameters
        )
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        if ffmpeg_path is None:
            raise DependencyUnavailableError(
                "ffmpeg not found; install FFmpeg or set STOAT_FFMPEG_PATH"
            )
        argv = effect_preview_argv(
            ffmpeg_path, source, at_s=at_s, filter_string=filter_string, width=width
        )
        what = f"the {effect_type} preview of video {video.video_id!r} at {at_s:g} s"
        picture = await grab_jpeg(argv, timeout_s=self._timeout_s, what=what)
        self.cache.put(key, picture)
        return picture
