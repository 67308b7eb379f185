"""Run small real ffmpeg commands for the editing tests (lavfi sources, null output)."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

VIDEO_SOURCE = "color=c=red:s=64x48:r=10:d=0.5"
AUDIO_SOURCE = "sine=f=440:sample_rate=8000:d=0.5"
SIDECHAIN_SOURCE = "sine=f=220:sample_rate=8000:d=0.5"


@dataclass(frozen=True)
class FilterRun:
    """One filter checked by ffmpeg: ``kind`` is video, audio or sidechain."""

    label: str
    kind: str
    filter_string: str


def argv_for(run: FilterRun) -> list[str]:
    base = ["ffmpeg", "-nostdin", "-v", "error"]
    if run.kind == "video":
        return [
            *base,
            "-f",
            "lavfi",
            "-i",
            VIDEO_SOURCE,
            "-vf",
            run.filter_string,
            "-f",
            "null",
            "-",
        ]
    if run.kind == "audio":
        return [
            *base,
            "-f",
            "lavfi",
            "-i",
            AUDIO_SOURCE,
            "-af",
            run.filter_string,
            "-f",
            "null",
            "-",
        ]
    # Ducking compresses its input under a second (sidechain) input, as the render uses it.
    graph = f"[0:a][1:a]{run.filter_string}"
    return [
        *base,
        *("-f", "lavfi", "-i", AUDIO_SOURCE, "-f", "lavfi", "-i", SIDECHAIN_SOURCE),
        *("-filter_complex", graph, "-f", "null", "-"),
    ]


def run_all(runs: Sequence[FilterRun]) -> list[tuple[FilterRun, int, str]]:
    """Run every filter through ffmpeg (two at a time: the machine has two cores)."""

    def one(run: FilterRun) -> tuple[FilterRun, int, str]:
        done = subprocess.run(argv_for(run), capture_output=True, text=True, timeout=60)
        return run, done.returncode, done.stderr[-500:]

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, runs))


STILL_SOURCE = "color=c=black:s=160x120:r=10:d=1"
"""A still picture: any two of its frames are identical unless a filter makes them differ."""


def decode_gray_frames(filter_string: str, frames: int) -> list[bytes]:
    """Decode the first ``frames`` frames of :data:`STILL_SOURCE` through ``filter_string``."""
    width, height = 160, 120
    source = STILL_SOURCE
    done = subprocess.run(
        [
            *("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", source),
            *("-vf", f"{filter_string},format=gray", "-frames:v", str(frames)),
            *("-f", "rawvideo", "-"),
        ],
        capture_output=True,
        timeout=60,
        check=True,
    )
    size = width * height
    data = done.stdout
    assert len(data) == size * frames, (len(data), size * frames)
    return [data[i * size : (i + 1) * size] for i in range(frames)]
