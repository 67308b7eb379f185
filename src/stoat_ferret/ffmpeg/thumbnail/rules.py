"""
The thumbnail rules, pure: which frame, at what size.

Both thumbnail paths (the ``ffmpeg`` subprocess in :mod:`.ffmpeg` and PyAV in
:mod:`.pyav`) follow these functions, so they pick the same frame and produce the
same picture size. Nothing here touches a file, a process or libav, which is what
lets the rules be tested on plain numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import TypeVar

__all__ = [
    "THUMBNAIL_FRACTION",
    "THUMBNAIL_MAX_OFFSET_S",
    "THUMBNAIL_WIDTH_PX",
    "WAVEFORM_HEIGHT_PX",
    "first_frame_after_seek",
    "first_frame_from_start",
    "rescale_us",
    "scaled_size",
    "thumbnail_at_s",
]

THUMBNAIL_WIDTH_PX = 320
"""Width of every thumbnail; the height follows the aspect ratio, rounded to even."""

WAVEFORM_HEIGHT_PX = 120
"""A sound file's thumbnail is its waveform, ``THUMBNAIL_WIDTH_PX`` wide by this."""

THUMBNAIL_FRACTION = 0.10
"""Thumbnails show the frame at this fraction of the duration..."""

THUMBNAIL_MAX_OFFSET_S = 5.0
"""...but never later than this, so long files do not need a deep seek."""

FrameT = TypeVar("FrameT")


def thumbnail_at_s(duration_s: float) -> float:
    """
    Timestamp of the thumbnail frame: ``min(duration_s * 0.10, 5.0)`` seconds.

    A one-second clip gets the frame at 0.1 s, a 20-second clip the one at 5 s.
    Unknown, negative or non-finite durations give 0.0 (the first frame).
    """
    if not math.isfinite(duration_s) or duration_s <= 0:
        return 0.0
    return min(duration_s * THUMBNAIL_FRACTION, THUMBNAIL_MAX_OFFSET_S)


def scaled_size(width: int, height: int, target_width: int = THUMBNAIL_WIDTH_PX) -> tuple[int, int]:
    """
    Size of a picture scaled to ``target_width``, keeping the aspect ratio.

    Mirrors ffmpeg's ``scale=W:-2``: the height is ``width_out * h / w`` rounded to
    the nearest multiple of two (halves away from zero), because many encoders and
    players reject odd heights. At least 2 pixels.

    Args:
        width: source width in pixels (> 0).
        height: source height in pixels (> 0).
        target_width: output width.

    Returns:
        ``(target_width, even_height)``.

    Raises:
        ValueError: a dimension is not positive.
    """
    if width <= 0 or height <= 0:
        raise ValueError(f"picture size must be positive, got {width}x{height}")
    # av_rescale(target_width, height, width * 2) * 2 with round-half-up, in integers.
    denominator = width * 2
    half_height = (target_width * height * 2 + denominator) // (2 * denominator)
    return target_width, max(2, half_height * 2)


def rescale_us(value_us: int, time_base: Fraction) -> int:
    """
    ``av_rescale_q(value_us, 1/1000000, time_base)``: nearest, ties away from zero.

    This is how ffmpeg converts its ``-ss`` offset into stream ticks, so frames are
    compared with the target exactly as ffmpeg compares them.
    """
    rounded = int(Fraction(abs(value_us), 1_000_000) / time_base + Fraction(1, 2))
    return rounded if value_us >= 0 else -rounded


def first_frame_after_seek(
    frames: Iterable[FrameT], ticks: Callable[[FrameT], int | None], target: int
) -> FrameT | None:
    """
    After a seek: the first frame at or after ``target`` (in stream ticks).

    None when the seek overshot (the first frame is already late: the right one may
    have been skipped) or produced nothing (it landed after the only keyframe); the
    caller then decodes from the start. A frame without a timestamp is taken as is.
    """
    first = True
    for frame in frames:
        at = ticks(frame)
        if at is None or at >= target:
            return None if first and at is not None and at > target else frame
        first = False
    return None


def first_frame_from_start(
    frames: Iterable[FrameT], ticks: Callable[[FrameT], int | None], target: int | None
) -> FrameT | None:
    """
    Decoding from the start: the first frame at or after ``target``.

    The very first frame when the clip ends before ``target`` or when there is no
    target, so every decodable video gets a thumbnail.
    """
    first: FrameT | None = None
    for frame in frames:
        if first is None:
            first = frame
        at = ticks(frame)
        if target is None or at is None or at >= target:
            return frame
    return first
