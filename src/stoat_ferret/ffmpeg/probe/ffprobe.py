"""
``ffprobe_video()``: read a file's ``VideoMetadata`` with the ``ffprobe`` binary.

This is the reference implementation every other probe backend is compared with.
It runs ``ffprobe -v error -print_format json -show_format -show_streams <path>``
through ``asyncio.create_subprocess_exec`` (an argv list, never a shell) so the event
loop keeps serving requests while ffprobe works, bounds it with ``asyncio.timeout``
and kills and reaps the process whenever the call does not finish normally.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from stoat_ferret.errors import FFprobeError
from stoat_ferret.ffmpeg.probe.metadata import (
    MediaType,
    RawProbe,
    VideoMetadata,
    build_metadata,
    parse_rate,
)
from stoat_ferret.ffmpeg.runtime.tools import as_file_url, clean_stderr, run_ffmpeg_tool

__all__ = ["ffprobe_argv", "ffprobe_video", "metadata_from_ffprobe_json"]


def ffprobe_argv(path: str, *, ffprobe_path: str = "ffprobe") -> list[str]:
    """The exact command line ``ffprobe_video`` runs, for logs and tests."""
    return [
        ffprobe_path,
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        as_file_url(path),
    ]


async def ffprobe_video(
    path: str | os.PathLike[str],
    *,
    ffprobe_path: str = "ffprobe",
    timeout_s: float = 30.0,
    media_type: MediaType = "video",
) -> VideoMetadata:
    """
    Probe one file with ffprobe and return its metadata.

    Args:
        path: the media file.
        ffprobe_path: the ffprobe executable (resolve it once with
            :func:`stoat_ferret.ffmpeg.runtime.binaries.require_binary`).
        timeout_s: seconds before ffprobe is killed and the file reported as timed out.
        media_type: ``"video"`` (the file needs a video stream) or ``"audio"`` (a
            sound file: it needs an audio stream and gets no picture fields).

    Returns:
        The file's ``VideoMetadata``.

    Raises:
        FFprobeError: ffprobe failed (the reason is ffprobe's own stderr), timed out,
            printed unparsable output, or the file has no video stream (no audio
            stream, for ``media_type="audio"``). The message names the file.
        DependencyUnavailableError: the ffprobe executable cannot be run.
        asyncio.CancelledError: the caller was cancelled; ffprobe has been killed.
    """
    name = os.fspath(path)
    argv = ffprobe_argv(name, ffprobe_path=ffprobe_path)
    try:
        async with asyncio.timeout(timeout_s):
            output = await run_ffmpeg_tool(argv, tool="ffprobe", setting="STOAT_FFPROBE_PATH")
    except TimeoutError:
        raise FFprobeError(name, f"ffprobe timed out after {timeout_s:g} s") from None
    if output.returncode != 0:
        reason = clean_stderr(output.stderr, as_file_url(name), name)
        raise FFprobeError(name, reason or f"ffprobe exited with status {output.returncode}")
    return metadata_from_ffprobe_json(name, output.stdout, media_type=media_type)


def metadata_from_ffprobe_json(
    path: str, stdout: bytes | str, *, media_type: MediaType = "video"
) -> VideoMetadata:
    """
    Parse ffprobe's ``-show_format -show_streams`` JSON into ``VideoMetadata``.

    Args:
        path: the probed file, for error messages.
        stdout: ffprobe's standard output.
        media_type: what the file must be (see ``build_metadata``).

    Raises:
        FFprobeError: the output is not the expected JSON, or has no usable video
            (audio, for ``media_type="audio"``).
    """
    text = stdout.decode("utf-8", errors="replace") if isinstance(stdout, bytes) else stdout
    try:
        document = json.loads(text)
    except ValueError as exc:  # JSONDecodeError, or an integer of over 4300 digits
        raise FFprobeError(path, f"ffprobe printed unparsable JSON ({exc})") from None
    if not isinstance(document, dict):
        raise FFprobeError(path, "ffprobe printed JSON that is not an object")
    streams = [s for s in document.get("streams") or [] if isinstance(s, dict)]
    fmt = document.get("format")
    if not isinstance(fmt, dict):
        fmt = {}
    video = next((s for s in streams if _is_real_video(s)), None)
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    raw = RawProbe(
        container=_text(fmt.get("format_name")),
        format_duration_s=_float(fmt.get("duration")),
        format_bit_rate=_int(fmt.get("bit_rate")),
        video_codec=(_text(video.get("codec_name")) or "unknown") if video else None,
        width=_int(video.get("width")) if video else None,
        height=_int(video.get("height")) if video else None,
        avg_frame_rate=parse_rate(video.get("avg_frame_rate")) if video else None,
        r_frame_rate=parse_rate(video.get("r_frame_rate")) if video else None,
        video_duration_s=_float(video.get("duration")) if video else None,
        audio_codec=(_text(audio.get("codec_name")) or "unknown") if audio else None,
        audio_channels=_int(audio.get("channels")) if audio else None,
        audio_sample_rate=_int(audio.get("sample_rate")) if audio else None,
        audio_duration_s=_float(audio.get("duration")) if audio else None,
    )
    return build_metadata(path, raw, media_type=media_type)


def _is_real_video(stream: dict[str, Any]) -> bool:
    """
    True for a video stream that is not embedded cover art.

    Music files and some phone videos carry a still picture flagged
    ``attached_pic``; ffprobe lists it as a video stream, but it has no frame rate or
    duration of its own and must not make an audio file look like a video.
    """
    if stream.get("codec_type") != "video":
        return False
    disposition = stream.get("disposition")
    return not (isinstance(disposition, dict) and disposition.get("attached_pic"))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _float(value: object) -> float | None:
    # ffprobe prints numbers as strings ("1.001000") and "N/A" when unknown.
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _int(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return None
