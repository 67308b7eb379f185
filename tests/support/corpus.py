"""Corpora of real videos made fast: a few ffmpeg-generated templates, copied many times."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.media import make_clip


def make_templates(folder: Path) -> dict[str, Path]:
    """Four distinct real clips (h264/mp4, vp9/webm, 25 fps mkv, NTSC mov without audio)."""
    return {
        "mp4": make_clip(folder / "a.mp4", duration_s=1.0),
        "webm": make_clip(folder / "b.webm", duration_s=1.0, size=(160, 120)),
        "mkv": make_clip(folder / "c.mkv", duration_s=2.0, rate="25"),
        "mov": make_clip(folder / "d.mov", duration_s=1.0, rate="30000/1001", acodec=None),
    }


def copy_corpus(templates: dict[str, Path], folder: Path, count: int) -> list[Path]:
    """``count`` real video files (copies of the templates) spread over three subfolders."""
    kinds = sorted(templates)
    paths = []
    for n in range(count):
        kind = kinds[n % len(kinds)]
        dest = folder / f"part{n % 3}" / f"clip_{n:04d}.{kind}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates[kind], dest)
        paths.append(dest)
    return paths
