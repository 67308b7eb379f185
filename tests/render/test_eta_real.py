"""The ETA at 50 % of a real render whose second half is much heavier than its first.

The project (320x180, ``-preset ultrafast``): 10 s of a 540p source at its own speed, then
10 s of the same source at 4x, which decodes four times the source frames per output
second: the second half costs about three times the first in ffmpeg's CPU time. An ETA
from the output seconds per second of the first half says the rest takes as long as
what is behind; the cost model (``render_work``) says how much more is to come.

The clock the parsers are fed is the ffmpeg process's own CPU time (``/proc/PID/stat``),
not the wall clock: on a machine shared with other work the wall time of a few seconds
of rendering moves by more than the error under test, while the CPU time the render
needs for each stretch does not. What is checked is the model's error, the one thing
the estimate controls; the wall-clock figure on the real benchmark edit is in
``docs/performance.md``.
"""

from __future__ import annotations

import os
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest

from stoat_ferret.render import RenderSettings, SourceMedia, render_command
from stoat_ferret.render.cost import render_work
from stoat_ferret.render.progress import ProgressParser, RenderProgress
from tests.render.oracle import run
from tests.render.projects import clip, effect, project

SOURCE_SIZE = (960, 540)
LIGHT_FRAMES = 300  # 10 s at 30 fps: at 4 s, a quiet machine rendered the light half in
# ~1 CPU second and a dozen blocks, and the 10 ms CPU clock and the few samples alone
# moved the estimate by up to a fifth
SPEED = 4


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> SourceMedia:
    """50 s of a moving 540p test pattern at 30 fps (real decoding work, no audio)."""
    path = tmp_path_factory.mktemp("eta") / "pattern720.mp4"
    width, height = SOURCE_SIZE
    seconds = (LIGHT_FRAMES * (1 + SPEED)) // 30
    run(
        [
            *("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y"),
            *("-f", "lavfi", "-i", f"testsrc2=s={width}x{height}:r=30:d={seconds}"),
            # Quick to make, but with CABAC, deblocking and B-frames like a camera's file
            # (ultrafast's own stream decodes at a third of the cost).
            *("-c:v", "libx264", "-preset", "ultrafast", "-g", "30"),
            *("-x264-params", "cabac=1:deblock=1,0,0:bframes=2", str(path)),
        ],
        timeout_s=120,
    )
    return SourceMedia(str(path), False, frame_rate=Fraction(30), width=width, height=height)


def _cpu_clock(pid: int) -> float:
    """The process's user + system CPU seconds (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_eta_at_half_is_within_a_fifth_of_the_real_remaining_time(
    source: SourceMedia, tmp_path: Path
) -> None:
    heavy_end = LIGHT_FRAMES * (1 + SPEED)
    document, timeline = project(
        [
            clip("light", "pattern", 0, LIGHT_FRAMES, source_frames=heavy_end),
            clip(
                "heavy",
                "pattern",
                LIGHT_FRAMES,
                heavy_end,
                effect("speed", factor=SPEED),
                source_frames=heavy_end,
            ),
        ]
    )
    sources = {"pattern": source}
    settings = RenderSettings(str(tmp_path / "out.mp4"), preset="ultrafast", overwrite=True)
    command = render_command(document, timeline, sources, settings)
    work = render_work(document, timeline, sources, preset="ultrafast")
    argv = list(command.argv)
    argv[1:1] = ["-stats_period", "0.1"]  # a dozen blocks in the light half, not two

    now = [0.0]
    by_work = ProgressParser(command.expected_duration_s, work=work, clock=lambda: now[0])
    by_time = ProgressParser(command.expected_duration_s, clock=lambda: now[0])
    history: list[tuple[float, RenderProgress, RenderProgress]] = []
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        for line in process.stdout:
            now[0] = _cpu_clock(process.pid)
            history += [
                (now[0], a, b) for a, b in zip(by_work.feed(line), by_time.feed(line), strict=True)
            ]
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]
    assert history[-1][1].ended

    end = history[-1][0]
    at, work_based, time_based = next(h for h in history if h[1].fraction >= 0.5)
    real = end - at
    work_eta, time_eta = work_based.detail["eta_s"], time_based.detail["eta_s"]
    assert work_eta is not None and time_eta is not None
    figures = {"real": real, "work_eta": work_eta, "time_eta": time_eta, "blocks": len(history)}
    # The halves really differ: the time-based estimate is far off ...
    assert abs(time_eta - real) > 0.4 * real, figures
    # ... and the work-based one is within the bound.
    assert abs(work_eta - real) <= 0.2 * real, figures
