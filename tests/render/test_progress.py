"""The ``-progress pipe:1`` parser on what the installed ffmpeg really prints, and on noise."""

from __future__ import annotations

import math
import random
import subprocess
import time
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stoat_ferret.render.progress import ProgressParser, RenderProgress

RENDER_S = 10.0
READ_RATE = 4


@dataclass(frozen=True)
class Capture:
    """ffmpeg's stdout lines from a real render, each with the wall time it arrived."""

    lines: list[tuple[float, bytes]]

    @property
    def data(self) -> bytes:
        return b"".join(line for _, line in self.lines)

    def blocks(self) -> list[dict[str, str]]:
        blocks, block = [], {}
        for _, line in self.lines:
            key, _, value = line.decode().strip().partition("=")
            block[key] = value
            if key == "progress":
                blocks.append(block)
                block = {}
        return blocks


@pytest.fixture(scope="session")
def capture(tmp_path_factory: pytest.TempPathFactory) -> Capture:
    """A 10 s 30 fps render with sound to a real mp4, its inputs read at 4x their pace.

    ``-readrate`` makes the render steady (about 4x, far below what the encoder could
    do) so its wall-clock timing can check the ETA; ``-stats_period 0.2`` gives a dozen
    blocks instead of five.
    """
    output = tmp_path_factory.mktemp("progress") / "out.mp4"
    argv = [
        *("ffmpeg", "-hide_banner", "-nostdin", "-v", "error"),
        *(
            "-readrate",
            str(READ_RATE),
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=s=320x180:r=30:d={RENDER_S}",
        ),
        *("-readrate", str(READ_RATE), "-f", "lavfi", "-i", f"sine=d={RENDER_S}"),
        *("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest"),
        *("-progress", "pipe:1", "-nostats", "-stats_period", "0.2", str(output)),
    ]
    lines = []
    with subprocess.Popen(argv, stdout=subprocess.PIPE) as process:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append((time.monotonic(), line))
    assert process.returncode == 0
    assert output.stat().st_size > 0
    return Capture(lines)


def replay(capture: Capture, total_s: float = RENDER_S) -> list[tuple[float, RenderProgress]]:
    """Feed the capture line by line with the clock at each line's arrival time."""
    now = [0.0]
    parser = ProgressParser(total_s, clock=lambda: now[0])
    snapshots = []
    for arrived, line in capture.lines:
        now[0] = arrived
        snapshots += [(arrived, snapshot) for snapshot in parser.feed(line)]
    return snapshots


def test_ffmpeg_prints_out_time_ms_in_microseconds(capture: Capture) -> None:
    blocks = capture.blocks()
    assert len(blocks) >= 6
    for block in blocks:
        assert block["out_time_ms"] == block["out_time_us"], block
    last = blocks[-1]
    assert last["progress"] == "end"
    # 10 s of output is about 10,000,000: microseconds, not milliseconds.
    assert 9_900_000 <= int(last["out_time_us"]) <= 10_100_000


def test_real_render_fractions_rise_to_one_at_end(capture: Capture) -> None:
    snapshots = [snapshot for _, snapshot in replay(capture)]
    assert len(snapshots) == len(capture.blocks())
    fractions = [snapshot.fraction for snapshot in snapshots]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0
    assert 0.3 < fractions[len(fractions) // 2] < 0.7
    assert [snapshot.ended for snapshot in snapshots] == [False] * (len(snapshots) - 1) + [True]
    last = snapshots[-1]
    assert last.fraction == 1.0
    assert last.detail["frame"] == 300
    assert last.detail["eta_s"] == 0.0
    assert last.detail["total_s"] == RENDER_S
    frames = [snapshot.detail["frame"] for snapshot in snapshots]
    assert all(isinstance(frame, int) for frame in frames)
    assert frames == sorted(frames)  # type: ignore[type-var]
    speeds = [snapshot.detail["speed"] for snapshot in snapshots[1:]]
    assert all(speed is not None and 1 < speed < 8 for speed in speeds), speeds


def test_real_steady_render_eta_at_half_is_within_a_fifth(capture: Capture) -> None:
    snapshots = replay(capture)
    assert snapshots[0][1].detail["eta_s"] is None  # one block: no rate yet
    end_at = snapshots[-1][0]
    arrived, half = next((at, s) for at, s in snapshots if s.fraction >= 0.5)
    eta = half.detail["eta_s"]
    assert eta is not None
    remaining = end_at - arrived
    assert abs(eta - remaining) <= 0.2 * remaining, (eta, remaining)


@given(cuts=st.lists(st.integers(min_value=0), max_size=40))
@settings(max_examples=60, deadline=None)
def test_any_split_of_the_stream_gives_the_same_snapshots(
    capture: Capture, cuts: list[int]
) -> None:
    data = capture.data
    points = sorted({cut % (len(data) + 1) for cut in cuts})
    pieces = [data[a:b] for a, b in zip([0, *points], [*points, len(data)], strict=True)]
    whole = ProgressParser(RENDER_S, clock=lambda: 0.0).feed(data)
    parser = ProgressParser(RENDER_S, clock=lambda: 0.0)
    split = [snapshot for piece in pieces for snapshot in parser.feed(piece)]
    assert split == whole
    assert whole[-1].ended


def block(**fields: object) -> str:
    lines = [f"{key}={value}" for key, value in fields.items() if key != "progress"]
    return "\n".join([*lines, f"progress={fields.get('progress', 'continue')}"]) + "\n"


def test_steady_render_with_slow_start_jitter_and_bursts_has_eta_within_a_fifth() -> None:
    """60 s of output at about 2x: 2 s of start-up with no output, then blocks every
    0.5 s whose speed wobbles by a quarter; a quarter of the reads are held back and
    arrive with the next one (bursts of up to three blocks at one instant)."""
    rng = random.Random(13)
    total_s, now, out_s = 60.0, 0.0, 0.0
    parser = ProgressParser(total_s, clock=lambda: now)
    history: list[tuple[float, RenderProgress]] = []
    pending = [block(frame=0, out_time_us="N/A", speed="N/A")]
    now = 2.0
    pending.append(block(frame=1, out_time_us=0, speed="   0x"))
    while out_s < total_s:
        step = 0.5
        out_s = min(total_s, out_s + step * 2 * rng.uniform(0.75, 1.25))
        pending.append(block(frame=int(out_s * 30), out_time_us=int(out_s * 1e6), speed="2x"))
        if len(pending) >= 3 or rng.random() < 0.75:
            history += [(now, snapshot) for snapshot in parser.feed("".join(pending))]
            pending = []
        now += step
    history += [(now, snapshot) for snapshot in parser.feed("".join(pending))]
    done_at = history[-1][0]
    for share in (0.25, 0.5, 0.75):
        at, snapshot = next((at, s) for at, s in history if s.fraction >= share)
        eta = snapshot.detail["eta_s"]
        assert eta is not None and math.isfinite(eta)
        assert abs(eta - (done_at - at)) <= 0.2 * (done_at - at), (share, eta, done_at - at)


def test_na_negative_and_padded_values() -> None:
    parser = ProgressParser(10.0, clock=lambda: 0.0)
    (first,) = parser.feed(block(frame="N/A", fps="N/A", out_time_us="N/A", speed="N/A"))
    assert first.fraction == 0.0
    assert first.detail == {
        "frame": None,
        "fps": None,
        "speed": None,
        "out_time_s": None,
        "total_s": 10.0,
        "eta_s": None,
    }
    (negative,) = parser.feed(block(frame=0, out_time_us=-23220, out_time="-00:00:00.023220"))
    assert negative.detail["out_time_s"] == 0.0
    (padded,) = parser.feed(block(frame=3, fps="0.00", out_time_us=100_000, speed="   0x"))
    assert padded.detail["speed"] == 0.0
    assert padded.detail["fps"] == 0.0
    assert padded.fraction == pytest.approx(0.01)


@pytest.mark.parametrize(
    ("fields", "out_time_s"),
    [
        ({"out_time_us": 2_500_000, "out_time": "00:00:09.000000"}, 2.5),
        ({"out_time": "01:02:03.500000", "out_time_ms": 7}, 3723.5),
        ({"out_time": "-00:00:01.000000"}, 0.0),
        ({"out_time_ms": 1_250_000}, 1.25),  # 5.1's microseconds under the ms name
        ({"out_time_us": "N/A", "out_time": "N/A", "out_time_ms": "N/A"}, None),
    ],
)
def test_out_time_sources_in_order(fields: dict[str, object], out_time_s: float | None) -> None:
    (snapshot,) = ProgressParser(7200.0, clock=lambda: 0.0).feed(block(**fields))
    assert snapshot.detail["out_time_s"] == out_time_s


def test_fraction_clamps_past_the_end_and_never_goes_back() -> None:
    parser = ProgressParser(2.0, clock=lambda: 0.0)
    assert parser.feed(block(out_time_us=1_000_000))[0].fraction == 0.5
    assert parser.feed(block(out_time_us=500_000))[0].fraction == 0.5
    assert parser.feed(block(out_time_us=9_000_000))[0].fraction == 1.0


def test_garbage_lines_are_ignored() -> None:
    parser = ProgressParser(4.0, clock=lambda: 0.0)
    noise = b"\xff\xfe garbage\n=\n==\nframe\nout_time_us=abc\r\n" + b"x" * 10_000
    assert parser.feed(noise) == []
    # The over-long partial line was dropped, not glued to the next key.
    (snapshot,) = parser.feed(b"\nframe=12\r\nout_time_us=2000000\r\nprogress=continue\r\n")
    assert snapshot.detail["frame"] == 12
    assert snapshot.fraction == 0.5


def test_eta_waits_for_a_measurable_interval() -> None:
    now = 0.0
    parser = ProgressParser(10.0, clock=lambda: now)
    parser.feed(block(out_time_us=0))
    now = 0.01  # a burst: the gap says nothing about the rate
    assert parser.feed(block(out_time_us=1_000_000))[0].detail["eta_s"] is None
    now = 1.0
    (snapshot,) = parser.feed(block(out_time_us=2_000_000))
    assert snapshot.detail["eta_s"] == pytest.approx(4.0)  # 2 s/s over the whole second


def test_a_vanishing_rate_gives_no_eta_rather_than_infinity() -> None:
    now = 0.0
    parser = ProgressParser(10.0, clock=lambda: now)
    parser.feed(block(out_time="00:00:00.0"))
    now = 1.0
    # 1e-320 s of output in a second: the quotient overflows to inf, not to an error.
    (snapshot,) = parser.feed(block(out_time="00:00:00." + "0" * 319 + "1"))
    assert snapshot.detail["eta_s"] is None


@pytest.mark.parametrize("total_s", [0.0, -1.0, math.nan, math.inf])
def test_total_must_be_a_positive_duration(total_s: float) -> None:
    with pytest.raises(ValueError, match="total_s"):
        ProgressParser(total_s)


_KEYS = ["frame", "fps", "out_time_us", "out_time_ms", "out_time", "speed", "progress", "bitrate"]
_VALUES = st.one_of(
    st.sampled_from(["N/A", "", "-1", "0", "1e400", "nan", "inf", "end", "continue", "  0x"]),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=12),
)
_LINES = st.one_of(
    st.tuples(st.sampled_from(_KEYS), _VALUES).map(lambda kv: f"{kv[0]}={kv[1]}\n"),
    st.text(max_size=30),
    st.just("progress=continue\n"),
)


@given(
    lines=st.lists(st.tuples(_LINES, st.floats(-1e6, 1e6)), max_size=60),
    total_s=st.floats(min_value=1e-3, max_value=1e6),
)
@settings(max_examples=300, deadline=None)
def test_any_line_stream_never_raises_and_never_goes_back(
    lines: list[tuple[str, float]], total_s: float
) -> None:
    now = [0.0]
    parser = ProgressParser(total_s, clock=lambda: now[0])
    last = 0.0
    for line, clock in lines:
        now[0] = clock
        for snapshot in parser.feed(line):
            assert last <= snapshot.fraction <= 1.0
            last = snapshot.fraction
            for key in ("fps", "speed", "out_time_s", "eta_s"):
                value = snapshot.detail[key]  # type: ignore[literal-required]
                assert value is None or math.isfinite(value), (key, value)
            out_time, eta = snapshot.detail["out_time_s"], snapshot.detail["eta_s"]
            assert out_time is None or out_time >= 0
            assert eta is None or eta >= 0
