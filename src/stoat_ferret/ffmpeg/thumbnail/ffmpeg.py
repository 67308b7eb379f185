"""
Thumbnails with the ``ffmpeg`` binary: a 320-px-wide JPEG of the frame at 10 %.

Which frame and what size are decided in :mod:`.rules` (shared with the PyAV path);
this module only turns them into ffmpeg command lines, runs them through the media
process runner and writes the result with :func:`.files.write_atomic`, so a crash or
a cancel never leaves a half-written JPEG that the API would then serve.

A sound file's thumbnail is its waveform (:func:`extract_waveform`, ffmpeg's
``showwavespic``), drawn by this binary for both probe backends: drawing reads the
whole file whichever way it is done, so starting a process costs little next to it,
and one drawing means both backends give the same picture.
"""

from __future__ import annotations

import asyncio
import os
from typing import Literal

from stoat_ferret.errors import ThumbnailError
from stoat_ferret.ffmpeg.runtime.tools import as_file_url, clean_stderr, run_ffmpeg_tool
from stoat_ferret.ffmpeg.thumbnail.files import write_atomic
from stoat_ferret.ffmpeg.thumbnail.rules import (
    THUMBNAIL_WIDTH_PX,
    WAVEFORM_HEIGHT_PX,
    thumbnail_at_s,
)

__all__ = [
    "SeekMode",
    "extract_thumbnail",
    "extract_waveform",
    "ffmpeg_thumbnail_argv",
    "ffmpeg_waveform_argv",
]

_JPEG_START = b"\xff\xd8"
_QUIET = ("-hide_banner", "-nostdin", "-v", "error")
_JPEG_TO_STDOUT = ("-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "3", "pipe:1")

SeekMode = Literal["input", "output", "none"]


def ffmpeg_thumbnail_argv(
    path: str,
    *,
    at_s: float,
    ffmpeg_path: str = "ffmpeg",
    width: int = THUMBNAIL_WIDTH_PX,
    seek: SeekMode = "input",
) -> list[str]:
    """
    The ffmpeg command that prints one JPEG frame to stdout.

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
        *_QUIET,
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
        *_JPEG_TO_STDOUT,
    ]


_WAVE_COLOUR = "0x8ab4f8"
_WAVE_BACKGROUND = "0x202028"
"""A light blue wave on a dark grey ground, like the GUI's dark cards."""


def ffmpeg_waveform_argv(
    path: str,
    *,
    ffmpeg_path: str = "ffmpeg",
    width: int = THUMBNAIL_WIDTH_PX,
    height: int = WAVEFORM_HEIGHT_PX,
) -> list[str]:
    """
    The ffmpeg command that prints the waveform of a sound file as one JPEG.

    The first audio stream (``0:a:0``) is mixed down to mono and drawn whole
    (``showwavespic``, the square-root scale so quiet passages still show) over an
    opaque background, since JPEG has no transparency. The picture's timestamp is set
    to 0: it carries the stream's start time otherwise, which for Ogg Vorbis is after
    the background's first frame, and ``overlay`` then emitted the bare background.
    """
    graph = (
        f"[0:a:0]aformat=channel_layouts=mono,"
        f"showwavespic=s={width}x{height}:colors={_WAVE_COLOUR}:scale=sqrt:draw=full,"
        "setpts=0[wave];"
        f"color=c={_WAVE_BACKGROUND}:s={width}x{height}[ground];"
        "[ground][wave]overlay=format=auto[picture]"
    )
    return [
        ffmpeg_path,
        *_QUIET,
        "-i",
        as_file_url(path),
        "-filter_complex",
        graph,
        "-map",
        "[picture]",
        "-frames:v",
        "1",
        *_JPEG_TO_STDOUT,
    ]


async def extract_waveform(
    path: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    *,
    ffmpeg_path: str = "ffmpeg",
    width: int = THUMBNAIL_WIDTH_PX,
    timeout_s: float = 30.0,
) -> None:
    """
    Write the waveform picture of a sound file to ``dest`` (a JPEG, atomically).

    Args:
        path: the sound file.
        dest: where the JPEG goes; replaced atomically.
        ffmpeg_path: the ffmpeg executable.
        width: picture width in pixels (the height is ``WAVEFORM_HEIGHT_PX``).
        timeout_s: limit for the drawing, which decodes the whole file.

    Raises:
        ThumbnailError: ffmpeg failed (with its message), timed out, or produced no
            picture; names the file.
        DependencyUnavailableError: the ffmpeg executable cannot be run.
        asyncio.CancelledError: the caller was cancelled; ffmpeg has been killed.
    """
    name = os.fspath(path)
    argv = ffmpeg_waveform_argv(name, ffmpeg_path=ffmpeg_path, width=width)
    try:
        async with asyncio.timeout(timeout_s):
            jpeg = await _run_for_jpeg(name, argv)
    except TimeoutError:
        raise ThumbnailError(name, f"ffmpeg timed out after {timeout_s:g} s") from None
    if not jpeg.startswith(_JPEG_START):
        raise ThumbnailError(name, "ffmpeg drew no waveform")
    await asyncio.to_thread(write_atomic, dest, jpeg)


async def extract_thumbnail(
    path: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    *,
    duration_s: float,
    ffmpeg_path: str = "ffmpeg",
    width: int = THUMBNAIL_WIDTH_PX,
    timeout_s: float = 30.0,
) -> None:
    """
    Write a JPEG thumbnail of ``path`` to ``dest`` with the ffmpeg binary.

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
    return await _run_for_jpeg(name, argv)


async def _run_for_jpeg(name: str, argv: list[str]) -> bytes:
    """Run an ffmpeg command that prints a JPEG; its stdout, or its error."""
    output = await run_ffmpeg_tool(argv, tool="ffmpeg", setting="STOAT_FFMPEG_PATH")
    if output.returncode != 0:
        reason = clean_stderr(output.stderr, as_file_url(name), name)
        raise ThumbnailError(name, reason or f"ffmpeg exited with status {output.returncode}")
    return output.stdout
