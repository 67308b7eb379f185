"""The values the render graph is built from and the commands it builds.

Frozen dataclasses (STYLE §3): the job and the API turn their Pydantic bodies and the
library's records into these, so :mod:`stoat_ferret.render.graph` stays a pure function
of plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

__all__ = ["FrameCommand", "RenderCommand", "RenderSettings", "SourceMedia"]


@dataclass(frozen=True)
class SourceMedia:
    """What the graph needs to know about one clip source (a library file).

    Attributes:
        path: the file's absolute path (the library record's ``path``).
        has_audio: the file has an audio stream; a main-track clip without one gets
            silence of its length.
        has_video: the file has a video stream (audio files have none; they may only
            be on audio tracks).
        frame_rate: the source's own rate, when known. It sizes the seek lead (two of
            the source's frames before the in-point) so a slow source still shows the
            picture that is on screen at the in-point.
        width, height: the probed picture size, when known. The graph does not use it
            (ffmpeg fits the decoded frame itself, so a file whose probed size ignores
            rotation metadata still fits); the ETA's cost model (:mod:`.cost`) weighs
            a clip by the pixels it decodes.
    """

    path: str
    has_audio: bool
    has_video: bool = True
    frame_rate: Fraction | None = None
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class RenderSettings:
    """The render request (SPEC §10 body) with the output path already resolved.

    Attributes:
        output_path: where ffmpeg writes (the job passes a temporary name beside the
            target and renames it on success).
        container: the muxer's short name (``mp4``, ``mov``, ``mkv``, ``webm``); passed
            with ``-f`` because a temporary name has no telling suffix.
        overwrite: ``-y`` when true, else ``-n`` (ffmpeg refuses to replace a file).
    """

    output_path: str
    container: str = "mp4"
    video_codec: str = "libx264"
    audio_codec: str = "aac"
    crf: int = 23
    preset: str = "medium"
    overwrite: bool = False


@dataclass(frozen=True)
class RenderCommand:
    """A whole-project render: the argv to run and what its output must hold.

    Attributes:
        argv: the full command (ffmpeg first), to be run without a shell.
        filter_complex: the graph inside ``argv``, shown by ``?dry_run=true``.
        expected_frames: the timeline's ``duration_frames``; the output's decoded frame
            count must match it (SPEC §10 verification).
        expected_duration_s: the same length in seconds.
    """

    argv: tuple[str, ...]
    filter_complex: str
    expected_frames: int
    expected_duration_s: float


@dataclass(frozen=True)
class FrameCommand:
    """One frame of the rendered output as a JPEG on ffmpeg's stdout.

    Attributes:
        argv: the command; its stdout is the JPEG.
        filter_complex: the graph inside ``argv``.
        at: the project frame shown; ``width``/``height``: the JPEG's size.
    """

    argv: tuple[str, ...]
    filter_complex: str
    at: int
    width: int
    height: int
