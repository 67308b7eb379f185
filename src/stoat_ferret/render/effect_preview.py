"""
One frame of a library video with one effect (SPEC §9 ``GET /effects/{type}/preview.jpg``), pure.

The preview answers "what does this effect do to this picture at ``t`` seconds?": the
effect is built as it would be on a clip that starts at the video's first frame and
runs to its end, so a fade-in at ``t = 0`` is black and a fade-out near the end is
dark. The source is read from ``t`` (``-ss`` before ``-i``: a fast seek that is
frame-exact with ffmpeg's default accurate seeking) and ``setpts`` gives the frames back
their time in the clip, so every expression of the effect (``between(t,...)``, the
fade's alpha, the text's fade) sees the instant it would see in a render.

Audio effects have no picture to show: they are refused (422 on ``effect_type``); their
filter string is what ``POST /effects/preview`` gives.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from stoat_ferret.editing.effects import BuildContext, MediaKind, get_effect
from stoat_ferret.editing.errors import EffectParameterError
from stoat_ferret.editing.filters import chain, filter_call, format_number
from stoat_ferret.ffmpeg.runtime.tools import as_file_url

__all__ = [
    "DEFAULT_PREVIEW_FPS",
    "MAX_PREVIEW_WIDTH",
    "MIN_PREVIEW_WIDTH",
    "PreviewKey",
    "PreviewSource",
    "canonical_parameters",
    "effect_preview_argv",
    "preview_filter",
    "preview_instant",
]

MIN_PREVIEW_WIDTH, MAX_PREVIEW_WIDTH = 16, 7680
"""The widths a preview may have: the project frame preview's bounds (``render.frame``)."""

DEFAULT_PREVIEW_FPS = 30
"""The frame rate effects are built at when the library does not know the video's."""

_MAX_FPS = 120
# mjpeg's quality scale (2 is best, 31 worst); 3 is visually lossless for a preview.
_JPEG_QUALITY = 3


@dataclass(frozen=True)
class PreviewSource:
    """
    What the preview needs to know about the library video.

    Attributes:
        video_id: the library id (part of the cache key).
        path: the file's resolved path, already checked against the allowed roots.
        mtime_ns: the file's modification time now; a changed file is a new preview.
        duration_s: the video's length, when the scan knew it.
        frame_rate: the video's own rate, when known.
    """

    video_id: str
    path: str
    mtime_ns: int
    duration_s: float | None
    frame_rate: Fraction | None


@dataclass(frozen=True)
class PreviewKey:
    """Everything that decides the picture: one cache entry per distinct key."""

    video_id: str
    mtime_ns: int
    at_s: float
    width: int
    effect_type: str
    parameters_json: str


def canonical_parameters(parameters: object) -> str:
    """One spelling of a parameter set: sorted keys, no spaces, non-ASCII kept as is."""
    return json.dumps(parameters, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _fps(source: PreviewSource) -> int:
    rate = source.frame_rate
    if rate is None or rate <= 0:
        return DEFAULT_PREVIEW_FPS
    return max(1, min(_MAX_FPS, round(rate)))


def preview_context(source: PreviewSource) -> BuildContext:
    """The effect's context: a clip of the whole video at the video's own (whole) rate."""
    fps = _fps(source)
    duration = source.duration_s if source.duration_s and source.duration_s > 0 else 1.0
    return BuildContext(fps=fps, clip_frames=max(1, math.ceil(duration * fps)))


def preview_instant(t: float, source: PreviewSource) -> float:
    """
    The instant to show for a requested ``t``, or a 422 naming ``t``.

    ``t`` must lie inside the video (``0 <= t < duration``). An instant inside the last
    frame's display time is moved to that frame's start: seeking past it would decode
    nothing at all.

    Raises:
        EffectParameterError: on ``t`` when it is past the video's end.
    """
    duration = source.duration_s
    if duration is None or duration <= 0:
        return t
    if t >= duration:
        raise EffectParameterError(
            "t",
            f"{format_number(t)} s is not inside the video (0 <= t < {format_number(duration)})",
        )
    last_frame_s = max(0.0, duration - 1 / _fps(source))
    return round(min(t, last_frame_s), 6)


def preview_filter(effect_type: str, parameters: object, source: PreviewSource) -> str:
    """
    The effect's validated filter string for this video's picture.

    Raises:
        EffectParameterError: on ``effect_type`` for an unknown or audio-only effect,
            or on ``parameters.<name>`` for parameters the effect's schema refuses.
    """
    effect = get_effect(effect_type)
    if effect.applies_to is not MediaKind.VIDEO:
        raise EffectParameterError(
            "effect_type",
            f"{effect_type!r} changes the sound only, so it has no picture to preview; "
            "POST /api/v1/effects/preview gives its filter string",
        )
    return effect.filter_string(parameters, preview_context(source))


def effect_preview_argv(
    ffmpeg_path: str, source: PreviewSource, *, at_s: float, filter_string: str, width: int
) -> list[str]:
    """
    The one ffmpeg run that prints the preview JPEG to stdout.

    ``setpts`` puts the seek back into the timestamps (``-ss`` before ``-i`` restarts
    them at 0), the effect runs, and ``scale`` sizes the result (``-2``: the height
    keeps the aspect ratio and stays even, as encoders want).
    """
    graph = chain(
        [
            filter_call("setpts", f"PTS-STARTPTS+{format_number(at_s)}/TB"),
            filter_string,
            filter_call("scale", width, -2),
        ]
    )
    return [
        ffmpeg_path,
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-ss",
        format_number(at_s),
        "-i",
        as_file_url(source.path),
        # The first video stream that is not cover art, as for thumbnails.
        "-map",
        "0:V:0",
        "-vf",
        graph,
        "-frames:v",
        "1",
        "-f",
        "image2pipe",
        "-c:v",
        "mjpeg",
        "-q:v",
        str(_JPEG_QUALITY),
        "-",
    ]


def preview_key(
    source: PreviewSource, *, at_s: float, width: int, effect_type: str, parameters: Any
) -> PreviewKey:
    """The cache key of one preview."""
    return PreviewKey(
        video_id=source.video_id,
        mtime_ns=source.mtime_ns,
        at_s=at_s,
        width=width,
        effect_type=effect_type,
        parameters_json=canonical_parameters(parameters),
    )
