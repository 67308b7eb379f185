"""The naive baseline: one ``ffprobe`` and one ``ffmpeg`` process per file, in turn.

This is what a first script does: for each file run ffprobe, read the duration from
its JSON, then run ffmpeg to write the same thumbnail the scan makes (the frame at
10 % of the duration, at most 5 s in, 320 px wide). No database, no concurrency. It
is timed on a random sample of the corpus and extrapolated per file.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import CorpusFile


def _thumbnail_at_s(duration_s: float) -> float:
    return min(duration_s * 0.10, 5.0) if duration_s > 0 else 0.0


def naive_one(path: str, thumbnail: Path) -> bool:
    """Probe then thumbnail one file; False when ffprobe rejects it (no thumbnail)."""
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
         f"file:{path}"],
        capture_output=True,
        check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        return False
    document = json.loads(probe.stdout or b"{}")
    if not any(s.get("codec_type") == "video" for s in document.get("streams", [])):
        return False
    try:
        duration_s = float(document.get("format", {}).get("duration", 0))
    except ValueError:
        duration_s = 0.0
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y",
         "-ss", f"{_thumbnail_at_s(duration_s):.3f}", "-i", f"file:{path}",
         "-frames:v", "1", "-vf", "scale=320:-2", "-q:v", "3", str(thumbnail)],
        capture_output=True,
        check=False,
    )  # fmt: skip
    return True


def run_naive(files: Sequence[CorpusFile]) -> dict[str, Any]:
    """Time the naive loop over ``files``; returns the total and the per-file cost."""
    with tempfile.TemporaryDirectory(prefix="stoat-naive-") as folder:
        started = time.perf_counter()
        good = 0
        for n, item in enumerate(files):
            good += naive_one(item.path, Path(folder) / f"{n}.jpg")
        elapsed = time.perf_counter() - started
    return {
        "sample_files": len(files),
        "sample_good": good,
        "seconds": round(elapsed, 3),
        "per_file_s": round(elapsed / max(1, len(files)), 5),
    }
