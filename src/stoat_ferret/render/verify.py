"""Check a rendered file with ffprobe before the render job reports success (SPEC §10).

:func:`verify_output` runs one ffprobe over the whole file and compares what it finds
with what the timeline says the output must be (:class:`ExpectedOutput`): the number
of video frames, the duration, the picture size, the frame rate and whether there is
sound. The comparison itself, :func:`compare`, is pure.

Frames are counted with ``-count_packets``: it only demuxes, so it reads a two-hour
render in seconds, where ``-count_frames`` decodes every picture. For what we encode
(one packet per picture: x264 and the other encoders ffmpeg 5.1 uses here do not pack
frames) the two counts are equal; ``tests/render/test_verify.py`` checks that on a
real file.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, TypedDict

from stoat_ferret.errors import FFprobeError
from stoat_ferret.ffmpeg.probe.metadata import parse_rate
from stoat_ferret.ffmpeg.runtime.tools import as_file_url, clean_stderr, run_ffmpeg_tool

__all__ = [
    "ExpectedOutput",
    "OutputFacts",
    "Verification",
    "VerificationResult",
    "compare",
    "output_facts",
    "verify_argv",
    "verify_output",
]

_HEADER_PRECISION_S = 0.001
"""Matroska keeps times in milliseconds, as does the mp4 movie header: a file exactly
one frame long at 30 fps reads as 0.034 s over (2.034 s for 61 frames)."""


@dataclass(frozen=True, slots=True)
class ExpectedOutput:
    """What the output must be: the render command's counts and the project's settings.

    Attributes:
        frames: ``RenderCommand.expected_frames``.
        duration_s: ``RenderCommand.expected_duration_s``.
        width, height: the project's ``output_width`` and ``output_height``.
        frame_rate: the project's ``output_fps``.
        has_audio: the output must carry a sound stream (every render does).
    """

    frames: int
    duration_s: float
    width: int
    height: int
    frame_rate: Fraction
    has_audio: bool = True


@dataclass(frozen=True, slots=True)
class OutputFacts:
    """What ffprobe found in the file; None where it could not tell.

    Attributes:
        frames: packets of the first video stream (0 without one).
        has_video: the file has a video stream at all.
    """

    frames: int
    duration_s: float | None
    width: int | None
    height: int | None
    frame_rate: Fraction | None
    has_audio: bool
    has_video: bool


class VerificationResult(TypedDict):
    """The ``verification`` object of the render job's result (SPEC §10)."""

    expected_frames: int
    frames: int
    duration_delta_s: float | None
    ok: bool


@dataclass(frozen=True, slots=True)
class Verification:
    """The comparison of a file with its expectation.

    Attributes:
        facts: what the file holds.
        duration_delta_s: the file's duration minus the expected one (None if unknown).
        problems: one phrase per difference, empty when ``ok``.
        warnings: what ffprobe printed while reading (``partial file`` for a cut-off
            file whose index survived), to explain the problems.
    """

    expected: ExpectedOutput
    facts: OutputFacts
    duration_delta_s: float | None
    problems: tuple[str, ...]
    warnings: str = ""

    @property
    def ok(self) -> bool:
        """The output is what the timeline says, within one frame."""
        return not self.problems

    @property
    def message(self) -> str:
        """One line for the job's ``error`` (or log): every difference, or what matched."""
        if self.problems:
            found = "output does not match the timeline: " + "; ".join(self.problems)
            return f"{found} (ffprobe: {self.warnings})" if self.warnings else found
        facts = self.facts
        return (
            f"output matches: {facts.frames} frames, {facts.duration_s:.3f} s, "
            f"{facts.width}x{facts.height} at {_rate(self.expected.frame_rate)} fps"
        )

    def result(self) -> VerificationResult:
        """The fields the job stores under ``verification``."""
        return VerificationResult(
            expected_frames=self.expected.frames,
            frames=self.facts.frames,
            duration_delta_s=self.duration_delta_s,
            ok=self.ok,
        )


def compare(expected: ExpectedOutput, facts: OutputFacts, warnings: str = "") -> Verification:
    """Name every way ``facts`` differs from ``expected`` (pure).

    The rule (SPEC §10): at most one frame more or fewer, a duration within one frame,
    the exact size and frame rate, and sound if sound was expected.

    Args:
        expected: what the timeline says.
        facts: what ffprobe found.
        warnings: ffprobe's stderr, shown with the problems.
    """
    problems = []
    if not facts.has_video:
        problems.append("no video stream")
    elif abs(facts.frames - expected.frames) > 1:
        problems.append(f"frames: expected {expected.frames}, got {facts.frames}")
    delta = None if facts.duration_s is None else round(facts.duration_s - expected.duration_s, 6)
    if delta is None:
        problems.append("duration: ffprobe cannot tell")
    elif abs(delta) > 1 / expected.frame_rate + _HEADER_PRECISION_S:
        problems.append(
            f"duration: expected {expected.duration_s:.3f} s, got {facts.duration_s:.3f} s"
        )
    if facts.has_video and (facts.width, facts.height) != (expected.width, expected.height):
        problems.append(
            f"size: expected {expected.width}x{expected.height}, got {facts.width}x{facts.height}"
        )
    if facts.has_video and facts.frame_rate != expected.frame_rate:
        got = "unknown" if facts.frame_rate is None else _rate(facts.frame_rate)
        problems.append(f"frame rate: expected {_rate(expected.frame_rate)}, got {got}")
    if facts.has_audio != expected.has_audio:
        problems.append("no audio stream" if expected.has_audio else "unexpected audio stream")
    return Verification(expected, facts, delta, tuple(problems), warnings)


def verify_argv(path: str, *, ffprobe_path: str = "ffprobe") -> list[str]:
    """The ffprobe command :func:`verify_output` runs: stream facts and packet counts."""
    entries = "stream=codec_type,width,height,r_frame_rate,duration,nb_read_packets:format=duration"
    argv = [ffprobe_path, "-v", "error", "-count_packets", "-show_entries", entries]
    return [*argv, "-of", "json", as_file_url(path)]


async def verify_output(
    path: str | os.PathLike[str],
    expected: ExpectedOutput,
    *,
    ffprobe_path: str = "ffprobe",
    timeout_s: float = 120.0,
) -> Verification:
    """Probe the rendered file and compare it with ``expected``.

    Args:
        path: the output file (the job checks the temporary file before renaming it).
        expected: what the timeline says it must be.
        ffprobe_path: the executable (``STOAT_FFPROBE_PATH``).
        timeout_s: seconds before ffprobe is killed; reading a file takes a fraction
            of the time rendering it did.

    Returns:
        The comparison; ``ok`` false names each difference in ``message``.

    Raises:
        FFprobeError: the file cannot be read (missing, truncated past repair, not
            media), ffprobe timed out or printed something unreadable; names the file.
        DependencyUnavailableError: ffprobe cannot be run.
        asyncio.CancelledError: the caller was cancelled; ffprobe has been killed.
    """
    name = os.fspath(path)
    try:
        async with asyncio.timeout(timeout_s):
            output = await run_ffmpeg_tool(
                verify_argv(name, ffprobe_path=ffprobe_path),
                tool="ffprobe",
                setting="STOAT_FFPROBE_PATH",
            )
    except TimeoutError:
        raise FFprobeError(name, f"verifying the output timed out after {timeout_s:g} s") from None
    stderr = clean_stderr(output.stderr, as_file_url(name), name)
    if output.returncode != 0:
        reason = stderr or f"ffprobe exited with status {output.returncode}"
        raise FFprobeError(name, f"cannot verify the output: {reason}")
    return compare(expected, output_facts(name, output.stdout), stderr)


def output_facts(path: str, stdout: bytes) -> OutputFacts:
    """Read ffprobe's JSON from :func:`verify_argv` (pure).

    Raises:
        FFprobeError: the output is not ffprobe's JSON object.
    """
    try:
        document = json.loads(stdout.decode("utf-8", errors="replace"))
    except ValueError as exc:
        raise FFprobeError(path, f"ffprobe printed unparsable JSON ({exc})") from None
    if not isinstance(document, dict):
        raise FFprobeError(path, "ffprobe printed JSON that is not an object")
    streams = [s for s in document.get("streams") or [] if isinstance(s, dict)]
    video = next((s for s in streams if s.get("codec_type") == "video"), None)
    fmt = document.get("format")
    # The longest stream, in its own time base (mp4 has them to the sample); Matroska
    # keeps no duration per stream, only the file's, in milliseconds.
    durations = [d for d in (_float(s.get("duration")) for s in streams) if d is not None]
    if not durations and isinstance(fmt, dict):
        durations = [d for d in [_float(fmt.get("duration"))] if d is not None]
    return OutputFacts(
        frames=(_int(video.get("nb_read_packets")) or 0) if video else 0,
        duration_s=max(durations, default=None),
        width=_int(video.get("width")) if video else None,
        height=_int(video.get("height")) if video else None,
        frame_rate=parse_rate(video.get("r_frame_rate")) if video else None,
        has_audio=any(s.get("codec_type") == "audio" for s in streams),
        has_video=video is not None,
    )


def _rate(rate: Fraction) -> str:
    return f"{rate.numerator}/{rate.denominator}"


def _int(value: Any) -> int | None:
    # ffprobe's JSON has integers for sizes and strings for counts ("120").
    try:
        return int(value) if isinstance(value, int | str) and not isinstance(value, bool) else None
    except ValueError:
        return None


def _float(value: Any) -> float | None:
    try:
        number = float(value) if isinstance(value, str) else math.nan
    except ValueError:  # "N/A"
        return None
    return number if math.isfinite(number) and number >= 0 else None
