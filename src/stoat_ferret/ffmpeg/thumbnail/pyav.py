"""
PyAV thumbnails: the same frame and size as ``extract_thumbnail`` picks with ffmpeg.

ffmpeg's ``-ss`` before ``-i`` seeks to the keyframe before the target (counted from
the container's start time), shifts timestamps by the target rounded to stream ticks
and drops frames that end up negative. This module reproduces that rule with PyAV,
plus the same fall-backs: decode from the start when the seek overshoots or yields
nothing, and the first frame when the clip ends before the target. The JPEG is made
by Pillow at the size :func:`~stoat_ferret.ffmpeg.thumbnail.rules.scaled_size` gives.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from stoat_ferret.errors import ThumbnailError
from stoat_ferret.ffmpeg.runtime.libav import (
    first_video,
    import_av,
    libav_errors,
    open_input,
    reason,
)
from stoat_ferret.ffmpeg.thumbnail.files import write_atomic
from stoat_ferret.ffmpeg.thumbnail.rules import (
    THUMBNAIL_WIDTH_PX,
    first_frame_after_seek,
    first_frame_from_start,
    rescale_us,
    scaled_size,
    thumbnail_at_s,
)

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.video.frame import VideoFrame
    from av.video.stream import VideoStream

__all__ = ["thumbnail_with_pyav"]

_JPEG_QUALITY = 90
"""Pillow's scale (1-95); close to ffmpeg's ``-q:v 3`` in size and look."""


def _ticks(frame: VideoFrame) -> int | None:
    # The stubs say int, but both are None on streams without timestamps.
    pts: int | None = frame.pts
    if pts is not None:
        return pts
    dts: int | None = frame.dts
    return dts


def _decode(
    container: InputContainer, stream: VideoStream, target: int | None
) -> Iterator[VideoFrame]:
    """
    ``container.decode(stream)``, minus frames that cannot be the thumbnail.

    The thumbnail is the first frame at or after ``target`` (or the very first frame
    when there is none), so a frame shown before ``target`` that no other frame
    references is never needed: once a first frame has come out, packets shown before
    ``target`` are decoded with ``skip_frame = NONREF`` and the decoder drops such
    frames (most B-frames) without decoding them. Reference frames are still decoded,
    so every later picture is exact. The first frame is always decoded, because after
    a seek it decides whether the seek overshot. On the benchmark corpus this cut
    decoding time by 20 % (by 35-45 % on HEVC with B-frames), with the same frames
    chosen (docs/performance.md).
    """
    context = stream.codec_context
    emitted = False
    try:
        for packet in container.demux(stream):
            pts: int | None = packet.pts
            early = emitted and target is not None and pts is not None and pts < target
            context.skip_frame = "NONREF" if early and not packet.is_keyframe else "DEFAULT"
            for frame in packet.decode():
                emitted = True
                yield frame
    finally:
        context.skip_frame = "DEFAULT"


def _render_jpeg(frame: VideoFrame, width: int) -> bytes:
    out_width, out_height = scaled_size(frame.width, frame.height, width)
    image = frame.to_image(  # type: ignore[no-untyped-call]
        width=out_width, height=out_height, interpolation="BICUBIC"
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=_JPEG_QUALITY)
    return buffer.getvalue()


def _decode_thumbnail(av: Any, path: str, at_s: float, width: int, *, seek: bool) -> bytes | None:
    """
    One pass over a freshly opened file, returning JPEG bytes or None when this
    pass found no frame; see :func:`thumbnail_with_pyav`.
    """
    container = open_input(av, path, ThumbnailError)
    try:
        stream = first_video(av, container)
        if stream is None:
            raise ThumbnailError(path, "no video stream")
        if stream.codec_context is None or stream.time_base is None:
            raise ThumbnailError(path, "PyAV has no decoder for the video stream")
        # ffmpeg's -ss counts from the container's start time, not from zero.
        target_us = (container.start_time or 0) + round(at_s * 1_000_000)
        target = rescale_us(target_us, stream.time_base) if at_s > 0 else None
        with libav_errors(av) as logs:
            try:
                if seek and target is not None:
                    # ffmpeg carries on from the start when a seek fails; so do we.
                    with contextlib.suppress(av.error.FFmpegError):
                        container.seek(target_us, backward=True)
                    frame = first_frame_after_seek(
                        _decode(container, stream, target), _ticks, target
                    )
                else:
                    frame = first_frame_from_start(
                        _decode(container, stream, target), _ticks, target
                    )
                # Rendered while the container is open and inside the log capture.
                return None if frame is None else _render_jpeg(frame, width)
            except Exception as exc:
                raise ThumbnailError(path, reason(exc, logs)) from exc
    finally:
        container.close()


def thumbnail_with_pyav(
    path: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    *,
    duration_s: float,
    width: int = THUMBNAIL_WIDTH_PX,
    abandoned: threading.Event | None = None,
) -> None:
    """
    Write the thumbnail JPEG in this thread with PyAV and Pillow (blocking).

    Same rules as :func:`~stoat_ferret.ffmpeg.thumbnail.ffmpeg.extract_thumbnail`: the first
    frame at or after :func:`thumbnail_at_s` (counted from the container's start, in
    stream ticks rounded like ffmpeg's ``-ss``), found by a seek and, when the seek
    overshoots or yields nothing, by decoding from the start; the first frame when
    the clip ends before that time.

    Args:
        path: the video file.
        dest: where the JPEG goes; replaced atomically.
        duration_s: the video's duration, as probed.
        width: thumbnail width in pixels.
        abandoned: set by the caller when it stopped waiting (timeout, cancel); the
            file is then not written, so a reported failure leaves no late file.

    Raises:
        ThumbnailError: the file cannot be decoded; names the file.
        DependencyUnavailableError: PyAV is not installed.
    """
    name = os.fspath(path)
    av = import_av()
    at_s = thumbnail_at_s(duration_s)
    jpeg = _decode_thumbnail(av, name, at_s, width, seek=True) if at_s > 0 else None
    if jpeg is None:
        jpeg = _decode_thumbnail(av, name, at_s, width, seek=False)
    if jpeg is None:
        raise ThumbnailError(name, "no video frame could be decoded")
    if abandoned is not None and abandoned.is_set():
        return
    write_atomic(dest, jpeg)
