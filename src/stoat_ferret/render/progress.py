"""ffmpeg's ``-progress pipe:1`` output turned into render progress (SPEC §10), pure.

ffmpeg prints ``key=value`` lines and ends each block with ``progress=continue`` (or
``progress=end`` once, when it has finished writing)::

    frame=120
    fps=409.12
    out_time_us=4017052
    out_time_ms=4017052
    out_time=00:00:04.017052
    speed=13.1x
    progress=continue

:class:`ProgressParser` takes that text in whatever pieces the reader gets it and
gives one :class:`RenderProgress` per block: ``fraction`` is ``out_time / total``
(clamped to 0..1, never backwards, 1.0 at ``progress=end``) and ``detail`` is the job's
``progress_detail``. Nothing here reads a pipe or a clock of its own: the caller feeds
text and the clock is injected, so tests drive it with captured output and fake time.

What ffmpeg 5.1 really prints (checked in ``tests/render/test_progress.py`` against the
installed binary): ``out_time_ms`` is in **microseconds**, like ``out_time_us`` (an old
ffmpeg naming slip); values are ``N/A`` while unknown; ``speed`` is padded (``speed=
0x``); ``out_time`` is negative for a moment when audio starts before the picture.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict, TypeVar

from stoat_ferret.render.cost import WorkProfile

__all__ = ["ProgressDetail", "ProgressParser", "RenderProgress"]

_MAX_LINE_CHARS = 4096
"""A partial line longer than this is garbage (no ffmpeg key is near it); drop it."""

_MIN_RATE_INTERVAL_S = 0.1
"""Blocks closer together than this are read in one burst; their gap says nothing."""

_MIN_MEMORY_S = 2.0
"""The smoothed rate's shortest memory: four of ffmpeg's half-second report periods."""

_MEMORY_SHARE = 1.0
"""The rate's memory grows with the run: as long as the time measured so far."""

_Num = TypeVar("_Num", int, float)

_CLOCK_TIME = re.compile(r"(-?)(\d{1,9}):(\d{1,2}):(\d{1,2}(?:\.\d+)?)")


class ProgressDetail(TypedDict):
    """The render job's ``progress_detail`` (SPEC §10); None where ffmpeg said N/A."""

    frame: int | None
    fps: float | None
    speed: float | None
    out_time_s: float | None
    total_s: float
    eta_s: float | None


@dataclass(frozen=True, slots=True)
class RenderProgress:
    """One ``-progress`` block, ready for ``ctx.set_progress(fraction, dict(detail))``.

    Attributes:
        fraction: share of the output written, 0..1, never less than the last one.
        detail: the fields the job reports.
        ended: the block ended with ``progress=end``: ffmpeg finished writing (whether
            the file is right is :mod:`stoat_ferret.render.verify`'s question).
    """

    fraction: float
    detail: ProgressDetail
    ended: bool


class ProgressParser:
    """Incremental parser of one ffmpeg run's ``-progress`` output.

    Feed it text as it arrives (lines, or arbitrary chunks: a line cut in two is
    joined). It never raises on what ffmpeg (or anything else) prints: unknown keys,
    garbage lines and malformed or non-finite values are ignored.

    The ETA is the *work* left (``work``, the render's cost model, :mod:`.cost`) divided
    by the measured rate in work per wall second. ``out_time`` says how far the output
    has got; the profile says how much of the work that was: the ETA at half the output
    is not the time the first half took when the second half decodes a heavier source.

    The rate is an exponentially weighted average of the intervals between blocks
    (weighted by their length) whose memory grows with the run: as long as the time
    measured so far, at least two seconds. A short memory follows every hiccup of a
    shared machine: a 2 s average was 31 % off at half-way on the render benchmark, and
    half the elapsed time still 28 %, where the whole run's average was within 15 % in
    both runs. The memory still forgets, slowly, a change of load within the run. The
    start-up until ffmpeg writes its first output (probing inputs, filling the encoder's
    look-ahead) is not measured at all, which is what made a whole-run average wrong.

    Args:
        total_s: the output's expected duration (``RenderCommand.expected_duration_s``).
        work: the render's work profile (``render_work``); by default every output second
            is the same work (the ETA is then output seconds left over output seconds per
            second).
        clock: seconds from an arbitrary origin; ``time.monotonic`` unless testing.

    Raises:
        ValueError: ``total_s`` is not a positive finite number.
    """

    def __init__(
        self,
        total_s: float,
        *,
        work: WorkProfile | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not (math.isfinite(total_s) and total_s > 0):
            raise ValueError(f"total_s must be a positive number of seconds, not {total_s!r}")
        self._total_s = total_s
        self._work = work if work is not None and work.total > 0 else WorkProfile.uniform(total_s)
        self._clock = clock
        self._pending = ""
        self._block: dict[str, str] = {}
        self._fraction = 0.0
        self._out_time_s: float | None = None
        self._anchor: tuple[float, float] | None = None  # (wall time, out_time) of the last rate
        self._measured_s = 0.0  # wall seconds since the first interval began
        self._recent_work = 0.0  # work done, exponentially forgotten
        self._recent_wall_s = 0.0  # wall seconds it took, forgotten at the same pace

    def feed(self, text: str | bytes) -> list[RenderProgress]:
        """Take the next piece of ffmpeg's stdout; returns the blocks it completed."""
        if isinstance(text, bytes):
            text = text.decode("utf-8", errors="replace")
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if len(self._pending) > _MAX_LINE_CHARS:
            self._pending = ""
        snapshots = []
        for line in lines:
            snapshot = self._line(line)
            if snapshot is not None:
                snapshots.append(snapshot)
        return snapshots

    def _line(self, line: str) -> RenderProgress | None:
        key, sep, value = line.strip().partition("=")
        if not sep:
            return None
        if key != "progress":
            self._block[key.strip()] = value.strip()
            return None
        block, self._block = self._block, {}
        return self._snapshot(block, ended=value.strip() == "end")

    def _snapshot(self, block: dict[str, str], *, ended: bool) -> RenderProgress:
        out_time_s = _out_time_s(block)
        if out_time_s is not None:
            self._out_time_s = out_time_s
            self._fraction = max(self._fraction, min(1.0, out_time_s / self._total_s))
            self._update_rate(out_time_s)
        if ended:
            self._fraction = 1.0
        detail = ProgressDetail(
            frame=_number(block.get("frame"), int),
            fps=_number(block.get("fps"), float),
            speed=_number(block.get("speed", "").removesuffix("x"), float),
            out_time_s=self._out_time_s,
            total_s=self._total_s,
            eta_s=0.0 if ended else self._eta_s(),
        )
        return RenderProgress(fraction=self._fraction, detail=detail, ended=ended)

    def _update_rate(self, out_time_s: float) -> None:
        now = self._clock()
        anchor = self._anchor
        if anchor is None or out_time_s < anchor[1] or now < anchor[0] or out_time_s <= 0:
            # The first block, time ran backwards (a restarted stream), or nothing is
            # written yet (the start-up is not the render's pace): measure from here.
            self._anchor = (now, out_time_s)
            return
        elapsed = now - anchor[0]
        if elapsed < _MIN_RATE_INTERVAL_S:
            return  # keep the anchor: the next update measures across the whole burst
        # Both sums forget at the same pace, so their ratio is a time-weighted average
        # of recent rates; a first interval counts for its length only, not for more.
        self._measured_s += elapsed
        memory = max(_MIN_MEMORY_S, _MEMORY_SHARE * self._measured_s)
        decay = math.exp(-elapsed / memory)
        done = self._work.done_at(out_time_s) - self._work.done_at(anchor[1])
        self._recent_work = self._recent_work * decay + done
        self._recent_wall_s = self._recent_wall_s * decay + elapsed
        self._anchor = (now, out_time_s)

    def _eta_s(self) -> float | None:
        if self._recent_work <= 0 or self._out_time_s is None:
            return None  # no measured interval yet, or nothing written in the recent ones
        rate = self._recent_work / self._recent_wall_s
        eta_s = max(0.0, self._work.total - self._work.done_at(self._out_time_s)) / rate
        return eta_s if math.isfinite(eta_s) else None  # a rate near 0 says "unknown", not inf


def _out_time_s(block: dict[str, str]) -> float | None:
    """The block's output time in seconds, clamped at 0; None when not given.

    ``out_time_us`` first; ``out_time`` next; ``out_time_ms`` last, read as the
    microseconds 5.1 prints under that name.
    """
    micros = _number(block.get("out_time_us"), int)
    if micros is None:
        clock = _CLOCK_TIME.fullmatch(block.get("out_time", ""))
        if clock is not None:
            sign, hours, minutes, seconds = clock.groups()
            value = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
            return max(0.0, -value if sign else value)
        micros = _number(block.get("out_time_ms"), int)
    return None if micros is None else max(0.0, micros / 1_000_000)


def _number(text: str | None, kind: type[_Num]) -> _Num | None:
    """``text`` as a finite ``kind``, or None for N/A, garbage, inf, nan and huge ints."""
    if text is None:
        return None
    try:
        value = kind(text.strip())
        # isfinite raises OverflowError for an int past float range: no real time is.
        return value if math.isfinite(value) else None
    except (ValueError, OverflowError):
        return None
