"""The benchmark edit in MoviePy 2, as a MoviePy user would write it.

Run by the benchmark with the peers' own interpreter (``benchmarks/.peers``, where
MoviePy is installed; it is not a dependency of stoat-ferret):
``python moviepy_edit.py SPEC.json``. The spec holds the three source paths, the clip
windows in seconds, the crossfade, the speed, the text, the font and the output path.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from moviepy import CompositeVideoClip, TextClip, VideoFileClip, afx, vfx


def _fit(clip: Any, width: int, height: int) -> Any:
    """Scale into the frame keeping the aspect ratio, centred on black (letter/pillarbox)."""
    if clip.w / clip.h >= width / height:
        scaled = clip.resized(width=width)
    else:
        scaled = clip.resized(height=height)
    return CompositeVideoClip([scaled.with_position("center")], size=(width, height))


def main(spec_path: str) -> None:
    with open(spec_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    width, height, fps = spec["width"], spec["height"], spec["fps"]
    fade = spec["crossfade_s"]
    a = _fit(VideoFileClip(spec["a"]).subclipped(*spec["a_window"]), width, height)
    text = TextClip(
        font=spec["font"], text=spec["text"], font_size=64, color="white", duration=a.duration
    )
    text = text.with_position(("center", int(height * 0.95 - text.h)))
    a = CompositeVideoClip([a, text], size=(width, height)).with_effects([afx.AudioFadeOut(fade)])
    b = _fit(VideoFileClip(spec["b"], audio=False).subclipped(*spec["b_window"]), width, height)
    c = VideoFileClip(spec["c"]).subclipped(*spec["c_window"])
    c = _fit(c.with_effects([vfx.MultiplySpeed(spec["speed"])]), width, height)
    b_start = a.duration - fade
    final = CompositeVideoClip(
        [
            a,
            b.with_start(b_start).with_effects([vfx.CrossFadeIn(fade)]),
            c.with_start(b_start + b.duration),
        ],
        size=(width, height),
    )
    final.write_videofile(
        spec["output"],
        fps=fps,
        codec="libx264",
        preset="medium",
        audio_codec="aac",
        audio_fps=48_000,
        ffmpeg_params=["-crf", "23", "-pix_fmt", "yuv420p"],
        logger=None,
    )


if __name__ == "__main__":
    main(sys.argv[1])
