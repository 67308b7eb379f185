"""Sources for the render oracle, generated once per session (small and short)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from stoat_ferret.editing.document import ProjectDocument, Transition
from stoat_ferret.editing.timeline import DerivedTimeline
from stoat_ferret.render import RenderCommand, SourceMedia
from tests.render.oracle import (
    Frames,
    Samples,
    decode_audio,
    decode_frames,
    make_source,
    make_tone,
)
from tests.render.projects import audio_track, clip, effect, project, render


@pytest.fixture(scope="session")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SourceMedia]:
    """Every source the render tests use, by ``source_id``.

    - ``wide43``: 640x480 (4:3) at 25 fps, red for 2 s then green for 2 s, a 440 Hz tone;
    - ``portrait``: 180x320 (9:16) at 30000/1001 fps, blue 1.5 s then yellow 1.5 s, no audio;
    - ``hd``: 480x270 (16:9) at 30 fps, white 1 s then magenta 2 s, 880 Hz at 44.1 kHz,
      in Matroska (a millisecond time base) with FLAC (no encoder delay that would
      shift the picture against the file's start);
    - ``fast``/``slow``: 320x180 at 30 fps, red 1 s, blue 1 s, green 1 s; 1000/500 Hz;
    - ``step25``: 320x180 at 25 fps, red until its frame 38 (1.52 s), then green;
    - ``voice``: white, 3 s, a loud 2000 Hz tone (the main audio that ducks the music);
    - ``music``: audio only, 300 Hz at half scale, 3 s.
    """
    folder = tmp_path_factory.mktemp("render-sources")
    made = {
        "wide43": make_source(
            folder / "wide43.mp4",
            [("red", 2), ("green", 2)],
            size=(640, 480),
            rate="25",
            tone_hz=440,
        ),
        "portrait": make_source(
            folder / "portrait.mp4",
            [("blue", 1.5), ("yellow", 1.5)],
            size=(180, 320),
            rate="30000/1001",
        ),
        "hd": make_source(
            folder / "hd.mkv",
            [("white", 1), ("magenta", 2)],
            size=(480, 270),
            tone_hz=880,
            sample_rate=44_100,
            audio_codec="flac",
        ),
        "fast": make_source(
            folder / "fast.mp4", [("red", 1), ("blue", 1), ("green", 1)], tone_hz=1000
        ),
        "slow": make_source(
            folder / "slow.mp4", [("red", 1), ("blue", 1), ("green", 1)], tone_hz=500
        ),
        "step25": make_source(folder / "step25.mp4", [("red", 1.52), ("green", 1.48)], rate="25"),
        "voice": make_source(folder / "voice.mp4", [("white", 3)], tone_hz=2000, loud=True),
    }
    media = {name: source.media() for name, source in made.items()}
    music = make_tone(folder / "music.wav", tone_hz=300, seconds=3, amplitude=0.5)
    media["music"] = SourceMedia(str(music), has_audio=True, has_video=False)
    return media


@dataclass(frozen=True)
class Rendered:
    """A project, its render command, and the decoded output."""

    document: ProjectDocument
    timeline: DerivedTimeline
    command: RenderCommand
    path: Path
    frames: Frames
    audio: Samples


def _render(
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: dict[str, SourceMedia],
    path: Path,
) -> Rendered:
    command = render(document, timeline, sources, path)
    return Rendered(document, timeline, command, path, decode_frames(path), decode_audio(path))


@pytest.fixture(scope="session")
def three_clips(
    sources: dict[str, SourceMedia], tmp_path_factory: pytest.TempPathFactory
) -> Rendered:
    """Three sources of different sizes, shapes and rates, in-points not at 0.

    ``a`` (4:3, 25 fps, tone) from 1.5 s: red for 15 frames, then green;
    a 10-frame crossfade into ``b`` (portrait, 29.97 fps, no audio) from 1.0 s: blue for
    15 frames, then yellow; a hard cut to ``c`` (16:9 480x270, 30 fps, Matroska, tone)
    from frame 16: white for 14 frames, then magenta.
    Timeline: a [0, 60), b [50, 104), c [104, 149).
    """
    document, timeline = project(
        [clip("a", "wide43", 45, 105), clip("b", "portrait", 30, 84), clip("c", "hd", 16, 61)],
        transitions=[Transition("t1", "a", "b", 10)],
    )
    path = tmp_path_factory.mktemp("three") / "three.mp4"
    return _render(document, timeline, sources, path)


@pytest.fixture(scope="session")
def speeds(sources: dict[str, SourceMedia], tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """``fast`` (1000 Hz) at 3x over source frames [0, 90), then ``slow`` (500 Hz) at 0.5x
    over [15, 45): 30 + 60 timeline frames. FFmpeg 5.1's atempo makes 6 ms too much of
    the first and 20 ms too little of the second: the chains must cut and pad."""
    document, timeline = project(
        [
            clip("f", "fast", 0, 90, effect("speed", factor=3)),
            clip("s", "slow", 15, 45, effect("speed", factor=0.5)),
        ]
    )
    path = tmp_path_factory.mktemp("speeds") / "speeds.mp4"
    return _render(document, timeline, sources, path)


@pytest.fixture(scope="session")
def music(sources: dict[str, SourceMedia], tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """A silent 2 s main clip and music at -6 dB placed at frame 30 for 1.5 s, so it runs
    past the picture (the project lasts 75 frames; the last 15 are black)."""
    document, timeline = project(
        [clip("v", "portrait", 0, 60)],
        tracks=[audio_track("m", clip("m1", "music", 0, 45, at=30), volume_db=-6)],
    )
    path = tmp_path_factory.mktemp("music") / "music.mp4"
    return _render(document, timeline, sources, path)
