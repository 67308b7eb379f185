"""Thumbnails: a 320-px-wide JPEG of the frame at 10 % of a video, at most 5 s in.

The timestamp rule lives in :func:`thumbnail_at_s` and the size rule in
:func:`scaled_size` so the ffmpeg path here and the PyAV backend pick the same frame
and the same picture size. Files are written atomically (a temporary file in the
destination folder, then ``os.replace``) so a crash or a cancel never leaves a
half-written JPEG that the API would then serve.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import tempfile
from pathlib import Path
from typing import Literal

from stoat_ferret.errors import ThumbnailError
from stoat_ferret.ffmpeg._process import as_file_url, clean_stderr, run_ffmpeg_tool

__all__ = [
    "THUMBNAIL_FRACTION",
    "THUMBNAIL_MAX_OFFSET_S",
    "THUMBNAIL_WIDTH_PX",
    "SeekMode",
    "extract_thumbnail",
    "ffmpeg_thumbnail_argv",
    "scaled_size",
    "thumbnail_at_s",
    "write_atomic",
]

THUMBNAIL_WIDTH_PX = 320
"""Width of every thumbnail; the height follows the aspect ratio, rounded to even."""

THUMBNAIL_FRACTION = 0.10
"""Thumbnails show the frame at this fraction of the duration..."""

THUMBNAIL_MAX_OFFSET_S = 5.0
"""...but never later than this, so long files do not need a deep seek."""

_JPEG_START = b"\xff\xd8"


def thumbnail_at_s(duration_s: float) -> float:
    """Timestamp of the thumbnail frame: ``min(duration_s * 0.10, 5.0)`` seconds.

    A one-second clip gets the frame at 0.1 s, a 20-second clip the one at 5 s.
    Unknown, negative or non-finite durations give 0.0 (the first frame).
    """
    if not math.isfinite(duration_s) or duration_s <= 0:
        return 0.0
    return min(duration_s * THUMBNAIL_FRACTION, THUMBNAIL_MAX_OFFSET_S)


def scaled_size(width: int, height: int, target_width: int = THUMBNAIL_WIDTH_PX) -> tuple[int, int]:
    """Size of a picture scaled to ``target_width``, keeping the aspect ratio.

    Mirrors ffmpeg's ``scale=W:-2``: the height is ``width_out * h / w`` rounded to
    the nearest multiple of two (halves away from zero), because many encoders and
    players reject odd heights. At least 2 pixels.

    Args:
        width: source width in pixels (> 0).
        height: source height in pixels (> 0).
        target_width: output width.

    Returns:
        ``(target_width, even_height)``.
    """
    if width <= 0 or height <= 0:
        raise ValueError(f"picture size must be positive, got {width}x{height}")
    # av_rescale(target_width, height, width * 2) * 2 with round-half-up, in integers.
    denominator = width * 2
    half_height = (target_width * height * 2 + denominator) // (2 * denominator)
    return target_width, max(2, half_height * 2)


def write_atomic(dest: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``dest`` so readers see the old file or the whole new one.

    Blocking; call it through ``asyncio.to_thread`` from async code. The temporary
    file lives in the destination folder because ``os.replace`` is only atomic
    within one file system.

    Args:
        dest: final path; its folder is created if missing.
        data: file contents.
    """
    target = Path(dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # 0o644 like a normal file; mkstemp creates 0o600, which a separate web
        # server or the user's file manager could not read.
        Path(tmp_name).chmod(0o644)
        Path(tmp_name).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink()
        raise


SeekMode = Literal["input", "output", "none"]


def ffmpeg_thumbnail_argv(
    path: str,
    *,
    at_s: float,
    ffmpeg_path: str = "ffmpeg",
    width: int = THUMBNAIL_WIDTH_PX,
    seek: SeekMode = "input",
) -> list[str]:
    """The ffmpeg command that prints one JPEG frame to stdout.

    ``0:V:0`` is the first video stream that is not cover art.

    Args:
        path: the video file.
        at_s: thumbnail time in seconds from the start of the file.
        ffmpeg_path: the ffmpeg executable.
        width: output width; the height keeps the aspect ratio, rounded to even.
        seek: ``"input"`` puts ``-ss`` before ``-i``: ffmpeg jumps to the keyframe
            before ``at_s`` and decodes forward (fast, and frame-accurate since FFmpeg
            2.1). ``"output"`` puts it after ``-i``: ffmpeg decodes from the start and
            drops frames before ``at_s`` (slower, but works where the jump cannot).
            ``"none"`` takes the first frame.
    """
    position = ["-ss", f"{at_s:.6f}"]
    return [
        ffmpeg_path,
        "-hide_banner",
        "-nostdin",
        "-v",
        "error",
        *(position if seek == "input" else []),
        "-i",
        as_file_url(path),
        *(position if seek == "output" else []),
        "-map",
        "0:V:0",
        "-frames:v",
        "1",
        "-vf",
        f"scale={width}:-2",
        "-f",
        "image2pipe",
        "-c:v",
        "mjpeg",
        "-q:v",
        "3",
        "pipe:1",
    ]


async def extract_thumbnail(
    path: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    *,
    duration_s: float,
    ffmpeg_path: str = "ffmpeg",
    width: int = THUMBNAIL_WIDTH_PX,
    timeout_s: float = 30.0,
) -> None:
    """Write a JPEG thumbnail of ``path`` to ``dest`` with the ffmpeg binary.

    The frame is the first one at or after :func:`thumbnail_at_s` ``(duration_s)``,
    counted from the container's start time. When a fast seek there yields no frame
    the file is decoded from its start up to that time; when even that yields
    nothing (a clip shorter than its declared duration) the first frame is used, so
    every decodable video gets a thumbnail.

    Args:
        path: the video file.
        dest: where the JPEG goes; replaced atomically.
        duration_s: the video's duration, as probed.
        ffmpeg_path: the ffmpeg executable.
        width: thumbnail width in pixels (height keeps the aspect ratio, even).
        timeout_s: limit for the whole operation, fall-back attempts included.

    Raises:
        ThumbnailError: ffmpeg failed (with its message), timed out, or produced no
            picture; names the file.
        DependencyUnavailableError: the ffmpeg executable cannot be run.
        asyncio.CancelledError: the caller was cancelled; ffmpeg has been killed.
    """
    name = os.fspath(path)
    at_s = thumbnail_at_s(duration_s)
    # Cheapest first. The input seek gives nothing when it lands after the only
    # keyframe (a short MPEG-TS clip has one keyframe, at its start) or when the
    # file cannot seek; decoding from the start then still reaches the frame (at
    # most 5 s of video). Nothing at all: the clip is shorter than its declared
    # duration, so take the first frame.
    attempts: list[tuple[float, SeekMode]] = [(at_s, "input"), (at_s, "output")] if at_s > 0 else []
    attempts.append((0.0, "none"))
    jpeg = b""
    try:
        async with asyncio.timeout(timeout_s):
            for attempt_s, seek in attempts:
                jpeg = await _grab_frame(
                    name, at_s=attempt_s, seek=seek, ffmpeg_path=ffmpeg_path, width=width
                )
                if jpeg:
                    break
    except TimeoutError:
        raise ThumbnailError(name, f"ffmpeg timed out after {timeout_s:g} s") from None
    if not jpeg.startswith(_JPEG_START):
        raise ThumbnailError(name, "ffmpeg decoded no video frame")
    # Writing and renaming are blocking file-system calls: keep them off the loop.
    await asyncio.to_thread(write_atomic, dest, jpeg)


async def _grab_frame(
    name: str, *, at_s: float, seek: SeekMode, ffmpeg_path: str, width: int
) -> bytes:
    argv = ffmpeg_thumbnail_argv(name, at_s=at_s, seek=seek, ffmpeg_path=ffmpeg_path, width=width)
    output = await run_ffmpeg_tool(argv, tool="ffmpeg", setting="STOAT_FFMPEG_PATH")
    if output.returncode != 0:
        reason = clean_stderr(output.stderr, as_file_url(name), name)
        raise ThumbnailError(name, reason or f"ffmpeg exited with status {output.returncode}")
    return output.stdout
