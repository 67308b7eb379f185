"""The render benchmark's pure parts: the edit's arithmetic, the peers' specs, the table.

A real run renders 24 s of 1080p several times (many minutes on 2 cores), so it is not
part of the tests; these keep its bookkeeping honest without rendering anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.render import RenderOptions, peer_limit, progress_metrics
from benchmarks.render_edit import FULL, QUICK
from benchmarks.render_peers import editly_spec, hand_written_argv
from benchmarks.render_rows import render_rows


def test_the_fixed_edit_is_24_seconds_of_720_frames() -> None:
    assert (FULL.b_start_s, FULL.c_start_s, FULL.duration_s, FULL.frames) == (9, 19, 24, 720)
    assert (QUICK.duration_s, QUICK.frames) == (5, 150)
    folder = Path("/src")
    assert FULL.source_at(3, folder) == (folder / "a-720p30.mp4", 5)
    assert FULL.source_at(12, folder) == (folder / "b-1080p25.mp4", 3)
    assert FULL.source_at(20, folder) == (folder / "c-480p2997.mp4", 7)


def test_the_peers_get_the_same_edit(tmp_path: Path) -> None:
    argv = hand_written_argv(tmp_path, FULL, tmp_path / "out.mp4")
    graph = argv[argv.index("-filter_complex") + 1]
    assert "xfade=transition=fade:duration=1:offset=9" in graph
    assert "atempo=2" in graph and "setpts=PTS/2" in graph
    assert argv[argv.index("-preset") + 1] == "medium" and argv[argv.index("-crf") + 1] == "23"
    spec = editly_spec(tmp_path, FULL, tmp_path / "e.mp4")
    durations = [clip["duration"] for clip in spec["clips"]]
    assert durations == [10, 10, 5] and spec["clips"][0]["transition"]["duration"] == 1
    assert spec["clips"][2]["layers"][0]["cutFrom"] == 5


def _check(frames: int, hz: float) -> dict[str, Any]:
    ok = frames == 720 and hz == 1000
    return {"frames": frames, "audio_minus_video_s": 0.0, "clip_c_hz": hz,
            "clip_c_source_hz": 1000.0, "ok": ok, "problem": None if ok else "off"}  # fmt: skip


def test_rows_judge_the_targets_on_same_run_ratios() -> None:
    samples = [
        {"t": 100.4, "progress": 0.1, "eta_s": None, "out_time_s": 2.4},
        {"t": 105.0, "progress": 0.5, "eta_s": 10.0, "out_time_s": 12.0},
        {"t": 109.0, "progress": 0.9, "eta_s": 2.0, "out_time_s": 21.6},
    ]
    progress = progress_metrics({"samples": samples, "ffmpeg_start": 100.0, "ffmpeg_end": 116.0})
    assert round(progress["first_report_s"], 3) == 0.4
    assert progress["real_remaining_s"] == 11.0 and abs(progress["eta_error"] - 1 / 11) < 1e-9
    metrics = {
        "edit": {"frames": 720, "duration_s": 24},
        "hand": {"wall_s": 100.0, "check": _check(720, 1000)},
        "ours": {"wall_s": 104.0, "status": "complete", "check": _check(720, 1000)},
        "peers": [
            {
                "name": "MoviePy 2.2.1",
                "available": True,
                "wall_s": 540.0,
                "error": None,
                "check": _check(721, 2000),
            },
            {"name": "editly", "available": False, "error": "canvas did not build"},
        ],
        "preview": {
            "ours_s": [0.3] * 4,
            "ours_p50_s": 0.3,
            "ours_p95_s": 0.3,
            "bare_p50_s": 0.2,
            "bare_p95_s": 0.2,
        },
        "progress": progress,
    }
    rows = {row["metric"][:3]: row for row in render_rows(metrics)}
    assert rows["(b)"]["ratio"] == 1.04 and rows["(b)"]["met"] is True
    assert rows["(c)"]["met"] is True
    moviepy, editly = (row for row in render_rows(metrics) if row["metric"].startswith("(d)"))
    assert moviepy["ratio"] == 5.19 and moviepy["met"] is True
    assert "721 frames" in moviepy["figure"] and "2000 Hz" in moviepy["figure"]
    assert editly["figure"] == "not installed" and editly["met"] is None
    assert rows["(e)"]["ratio"] == 1.5 and rows["(e)"]["met"] is True
    assert rows["(f)"]["met"] is True and rows["(g)"]["met"] is True


def test_a_peer_gets_a_multiple_of_our_time_in_the_same_run_capped() -> None:
    options = RenderOptions(peer_limit_s=3600, peer_limit_ratio=8)
    assert peer_limit(options, 162.0) == 8 * 162.0  # a loaded machine: more time
    assert peer_limit(options, 600.0) == 3600  # never past the absolute cap
    assert peer_limit(options, None) == 3600  # our render failed: the cap alone
