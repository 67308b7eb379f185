"""Which frame the thumbnail is, on plain numbers (no file, no decoder)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from stoat_ferret.ffmpeg.thumbnail.rules import (
    first_frame_after_seek,
    first_frame_from_start,
    rescale_us,
)


def ticks(frame: int | None) -> int | None:
    return frame  # a "frame" here is just its timestamp


@pytest.mark.parametrize(
    ("value_us", "time_base", "expected"),
    [
        (100_000, Fraction(1, 90_000), 9_000),
        (500_000, Fraction(1, 25), 13),  # 12.5 ticks: ties away from zero
        (-500_000, Fraction(1, 25), -13),
        (0, Fraction(1, 1000), 0),
    ],
)
def test_rescale_us_rounds_like_av_rescale_q(
    value_us: int, time_base: Fraction, expected: int
) -> None:
    assert rescale_us(value_us, time_base) == expected


def test_after_a_seek_the_first_frame_at_or_after_the_target() -> None:
    assert first_frame_after_seek([0, 10, 20, 30], ticks, 15) == 20
    assert first_frame_after_seek([0, 10, 20], ticks, 10) == 10


def test_a_seek_that_overshot_or_found_nothing_gives_none() -> None:
    assert first_frame_after_seek([20, 30], ticks, 15) is None  # may have skipped it
    assert first_frame_after_seek([0, 10], ticks, 15) is None  # ended before it
    assert first_frame_after_seek([], ticks, 15) is None


def test_a_frame_without_timestamp_is_taken() -> None:
    frames = [("a", None), ("b", 20)]
    stamp = lambda frame: frame[1]  # noqa: E731
    assert first_frame_after_seek(frames, stamp, 15) == ("a", None)
    assert first_frame_from_start(frames, stamp, 15) == ("a", None)


def test_from_the_start_the_target_frame_or_else_the_first() -> None:
    assert first_frame_from_start([0, 10, 20], ticks, 15) == 20
    assert first_frame_from_start([0, 10], ticks, 15) == 0  # clip ends before the target
    assert first_frame_from_start([5, 10], ticks, None) == 5
    assert first_frame_from_start([], ticks, 15) is None
