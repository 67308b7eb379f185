"""
``VideoMetadata`` and the rules that turn raw probe values into it.

Both probe backends (the ``ffprobe`` subprocess and in-process PyAV) read the same
facts from libavformat but in different shapes: ffprobe prints strings such as
``"30000/1001"`` or ``"1.001000"``, PyAV hands out ``Fraction`` and integer
microseconds. Each backend extracts its raw values into :class:`RawProbe` and then
calls :func:`build_metadata`, so the choice of frame rate, the duration fallback,
the rounding and the error messages live in exactly one place. That single funnel is
what makes the backend parity suite meaningful.

A file is read as one of two media types, which the caller chooses (the library scan
goes by the file's extension): ``"video"`` needs a video stream, as always;
``"audio"`` needs an audio stream, and the record then carries no picture fields
(width, height, frame rate, video codec) and no ``duration_frames``: a sound file has
no frames of its own, and the editor counts any source in *project* frames from
``duration_s`` (SPEC §9), so a nominal rate would be a number nobody can use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from stoat_ferret.errors import FFprobeError

__all__ = [
    "MEDIA_TYPES",
    "MediaType",
    "RawProbe",
    "VideoMetadata",
    "build_metadata",
    "frame_count",
    "parse_rate",
    "positive_rate",
]

MediaType = Literal["video", "audio"]
"""What a library record is: a video (with pictures) or a sound file."""
MEDIA_TYPES: tuple[MediaType, ...] = ("video", "audio")

_DURATION_DECIMALS = 6
"""ffprobe prints durations with ``%f`` (microseconds); both backends round to that."""

# Sane bounds. A value outside them comes from a damaged or crafted file, and one too
# large for SQLite's 64-bit INTEGER would fail the whole write batch it is in.
MAX_DIMENSION_PX = 65_536
"""Width and height; far above 16K video (15360 px)."""
MAX_FRAME_RATE = Fraction(100_000)
"""Frames per second; high-speed cameras record a few thousand."""
MAX_RATE_TERM = 2**31 - 1
"""libav keeps frame rates as fractions of 32-bit integers."""
MAX_DURATION_S = 366 * 86_400.0
"""One year: also bounds ``duration_frames`` (at most ~3.2e12)."""
MAX_BIT_RATE = 10**12
"""1 Tbit/s."""
MAX_AUDIO_CHANNELS = 1_024
MAX_SAMPLE_RATE_HZ = 100_000_000
"""Above every real rate (DSD512 is 22.6 MHz)."""


@dataclass(frozen=True, slots=True)
class VideoMetadata:
    """
    What the library needs to know about one media file (a video or a sound file).

    The picture fields (``duration_frames``, the frame rate, ``width``, ``height``,
    ``video_codec``) are set for ``media_type == "video"`` and None for ``"audio"``.

    Attributes:
        duration_s: container duration in seconds (the video stream's, or for audio
            the audio stream's, if the container has none), rounded to microseconds
            like ffprobe prints it.
        duration_frames: ``round(duration_s * frame_rate)``; the timeline counts frames.
        frame_rate_numerator: reduced numerator of the video frame rate.
        frame_rate_denominator: reduced denominator (``1001`` for NTSC rates).
        width: coded picture width in pixels.
        height: coded picture height in pixels.
        video_codec: codec name as ffprobe prints it (``h264``, ``vp9``, ``hevc``...).
        audio_codec: first audio stream's codec name, or None for a silent file.
        container: ffprobe's ``format_name``, e.g. ``"mov,mp4,m4a,3gp,3g2,mj2"``.
        bit_rate: container bit rate in bit/s, or None when libavformat has none.
        audio_channels: channel count of the first audio stream, or None.
        audio_sample_rate: sample rate in Hz of the first audio stream, or None.
        media_type: ``"video"`` or ``"audio"`` (see the module docstring).
    """

    duration_s: float
    duration_frames: int | None
    frame_rate_numerator: int | None
    frame_rate_denominator: int | None
    width: int | None
    height: int | None
    video_codec: str | None
    audio_codec: str | None
    container: str
    bit_rate: int | None
    audio_channels: int | None
    audio_sample_rate: int | None
    media_type: MediaType = "video"

    @property
    def frame_rate(self) -> Fraction | None:
        """
        The frame rate as an exact fraction (``Fraction(30000, 1001)`` for NTSC).

        None for a sound file.
        """
        if self.frame_rate_numerator is None or self.frame_rate_denominator is None:
            return None
        return Fraction(self.frame_rate_numerator, self.frame_rate_denominator)


@dataclass(frozen=True, slots=True)
class RawProbe:
    """
    Backend-neutral raw values, before the fallback and rounding rules apply.

    Every field is optional because containers omit things freely; :func:`build_metadata`
    decides which gaps are fatal. The video fields describe the first video stream that
    is not cover art, the audio fields the first audio stream.
    """

    container: str | None
    format_duration_s: float | None
    format_bit_rate: int | None
    video_codec: str | None
    width: int | None
    height: int | None
    avg_frame_rate: Fraction | None
    r_frame_rate: Fraction | None
    video_duration_s: float | None
    audio_codec: str | None = None
    audio_channels: int | None = None
    audio_sample_rate: int | None = None
    audio_duration_s: float | None = None


def parse_rate(text: object) -> Fraction | None:
    """
    Parse an ffprobe rational such as ``"30000/1001"``, ``"25/1"`` or ``"25"``.

    Returns:
        The reduced, strictly positive fraction, or None for ``"0/0"``, ``"N/A"``,
        missing or malformed input. ffprobe prints ``0/0`` for unknown rates, so that
        must not turn into a ``ZeroDivisionError``.
    """
    if not isinstance(text, str) or not text:
        return None
    numerator_text, _, denominator_text = text.partition("/")
    try:
        numerator = int(numerator_text)
        denominator = int(denominator_text) if denominator_text else 1
    except ValueError:
        return None
    if numerator <= 0 or denominator <= 0:
        return None
    return Fraction(numerator, denominator)


def positive_rate(rate: Fraction | None) -> Fraction | None:
    """Return ``rate`` if it is a usable (strictly positive) frame rate, else None."""
    if rate is None or rate <= 0:
        return None
    return rate


def frame_count(duration_s: float, rate: Fraction) -> int:
    """
    Number of frames in ``duration_s`` at ``rate``: ``round(duration_s * rate)``.

    Python's ``round`` (ties to even) is used, as in the specification's formula.

    Uses exact fraction arithmetic on the (already microsecond-rounded) duration so
    both backends agree even where float multiplication would land on either side of
    a ``.5``.
    """
    exact = Fraction(duration_s) * rate
    return round(exact)


def _valid_duration(value: float | None) -> float | None:
    if value is None or not math.isfinite(value) or value < 0:
        return None
    return round(value, _DURATION_DECIMALS)


def _positive_int(value: int | None) -> int | None:
    if value is None or value <= 0:
        return None
    return int(value)


def _bounded(path: str, name: str, value: int | None, high: int, unit: str) -> int | None:
    """``value`` if it is at most ``high``; else the file is an error naming the field."""
    if value is not None and value > high:
        shown = str(value) if value < 10**30 else f"~10^{int(math.log10(value))}"  # capped
        raise FFprobeError(path, f"{name} {shown} {unit} is out of range (at most {high})")
    return value


def build_metadata(path: str, raw: RawProbe, *, media_type: MediaType = "video") -> VideoMetadata:
    """
    Apply the shared rules to ``raw`` and return the ``VideoMetadata``.

    Rules (identical for every backend):

    - ``media_type="video"``: the file needs a video stream (cover art does not
      count) with a picture size and a frame rate: ``avg_frame_rate``, else
      ``r_frame_rate`` (``0/0`` counts as missing), reduced;
      ``duration_frames = round(duration_s * frame_rate)``;
    - ``media_type="audio"``: the file needs an audio stream with a channel count
      and a sample rate; any video stream is ignored and the picture fields (and
      ``duration_frames``) are None;
    - duration: the container's, else the video (audio) stream's, rounded to
      microseconds;
    - bit rate: the container's (None when unknown or zero);
    - audio fields are None when there is no audio stream.

    Args:
        path: the probed file, only used in error messages.
        raw: values extracted by a backend.
        media_type: what the file must be (the library scan goes by its extension).

    Every value is checked against the sane bounds above (``MAX_*``), so a damaged
    or crafted file is an error naming the field instead of a value the database
    cannot hold.

    Raises:
        FFprobeError: no video stream (no audio stream, for audio), or a stream
            without size, frame rate, sample rate or any duration, or a value out of
            range; the message names the file (and the field).
    """
    if media_type == "audio":
        return _audio_metadata(path, raw)
    if raw.video_codec is None:
        raise FFprobeError(path, "no video stream")
    width = _positive_int(raw.width)
    height = _positive_int(raw.height)
    if width is None or height is None:
        raise FFprobeError(path, "video stream has no picture size")
    _bounded(path, "width", width, MAX_DIMENSION_PX, "px")
    _bounded(path, "height", height, MAX_DIMENSION_PX, "px")
    rate = positive_rate(raw.avg_frame_rate) or positive_rate(raw.r_frame_rate)
    if rate is None:
        raise FFprobeError(path, "video stream has no frame rate")
    if rate > MAX_FRAME_RATE or max(rate.numerator, rate.denominator) > MAX_RATE_TERM:
        raise FFprobeError(
            path, f"frame rate {rate} fps is out of range (at most {MAX_FRAME_RATE} fps)"
        )
    duration_s = _duration(path, raw.format_duration_s, raw.video_duration_s, "video")
    has_audio = raw.audio_codec is not None
    channels = _positive_int(raw.audio_channels) if has_audio else None
    sample_rate = _positive_int(raw.audio_sample_rate) if has_audio else None
    return VideoMetadata(
        duration_s=duration_s,
        duration_frames=frame_count(duration_s, rate),
        frame_rate_numerator=rate.numerator,
        frame_rate_denominator=rate.denominator,
        width=width,
        height=height,
        video_codec=raw.video_codec,
        **_shared_fields(path, raw, channels, sample_rate),
    )


def _audio_metadata(path: str, raw: RawProbe) -> VideoMetadata:
    """A sound file's record: the audio stream's facts, no picture fields."""
    if raw.audio_codec is None:
        raise FFprobeError(path, "no audio stream")
    channels = _positive_int(raw.audio_channels)
    sample_rate = _positive_int(raw.audio_sample_rate)
    if channels is None:
        raise FFprobeError(path, "audio stream has no channel count")
    if sample_rate is None:
        raise FFprobeError(path, "audio stream has no sample rate")
    return VideoMetadata(
        duration_s=_duration(path, raw.format_duration_s, raw.audio_duration_s, "audio"),
        duration_frames=None,
        frame_rate_numerator=None,
        frame_rate_denominator=None,
        width=None,
        height=None,
        video_codec=None,
        **_shared_fields(path, raw, channels, sample_rate),
        media_type="audio",
    )


def _shared_fields(
    path: str, raw: RawProbe, channels: int | None, sample_rate: int | None
) -> dict[str, Any]:
    """The fields every record has, video or sound: audio, container, bit rate (bounded)."""
    return {
        "audio_codec": raw.audio_codec,
        "container": raw.container or "unknown",
        "bit_rate": _bounded(
            path, "bit rate", _positive_int(raw.format_bit_rate), MAX_BIT_RATE, "bit/s"
        ),
        "audio_channels": _bounded(
            path, "audio channel count", channels, MAX_AUDIO_CHANNELS, "channels"
        ),
        "audio_sample_rate": _bounded(
            path, "audio sample rate", sample_rate, MAX_SAMPLE_RATE_HZ, "Hz"
        ),
    }


def _duration(path: str, container_s: float | None, stream_s: float | None, kind: str) -> float:
    """The container's duration, else the stream's; bounded, rounded to microseconds."""
    duration_s = _valid_duration(container_s)
    if duration_s is None:
        duration_s = _valid_duration(stream_s)
    if duration_s is None:
        raise FFprobeError(path, f"duration unknown (neither the container nor the {kind} has one)")
    if duration_s > MAX_DURATION_S:
        raise FFprobeError(
            path, f"duration {duration_s:g} s is out of range (at most {MAX_DURATION_S:g} s)"
        )
    return duration_s
