"""The render oracle on the three-clip project: frames, colours and levels of the output.

See ``three_clips`` in conftest.py for the project: a crossfade, a hard cut, three source
sizes, aspect ratios and frame rates, one source without audio, in-points not at 0.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from stoat_ferret.render import SourceMedia
from tests.render.conftest import Rendered
from tests.render.oracle import (
    FPS,
    HEIGHT,
    RGB,
    SAMPLE_RATE,
    WIDTH,
    assert_colour,
    decode_frames,
    dominant_hz,
    frame_times,
    mean_colour,
    rms,
    stream_facts,
)
from tests.render.projects import clip, project, render

LEFT_BAR = (0.0, 0.3, 0.1, 0.7)  # inside the 4:3 source's 40-pixel pillarbox bar
PORTRAIT_BAR = (0.0, 0.3, 0.3, 0.7)  # inside the portrait source's bars (about 110 px)
EDGE = (0.0, 0.3, 0.05, 0.7)


def test_output_has_the_timelines_frames_size_and_rate(three_clips: Rendered) -> None:
    assert three_clips.timeline.duration_frames == 149
    assert three_clips.command.expected_frames == 149
    facts = stream_facts(three_clips.path)
    assert int(facts["nb_read_frames"]) == 149  # exact: no hole after the xfade
    assert (int(facts["width"]), int(facts["height"])) == (WIDTH, HEIGHT)
    assert Fraction(facts["r_frame_rate"]) == FPS
    assert len(three_clips.frames) == 149
    # One frame every 1/30 s from 0: no hole (and no duplicate) after the crossfade.
    times = frame_times(three_clips.path)
    assert all(abs(t - n / FPS) < 1e-3 for n, t in enumerate(times)), times[45:65]
    audio_s = len(three_clips.audio) / SAMPLE_RATE
    assert abs(audio_s - three_clips.command.expected_duration_s) <= 1 / FPS


def test_in_points_are_frame_exact(three_clips: Rendered) -> None:
    frames = three_clips.frames
    # a: source 25 fps turns green at 2.0 s = in-point 45 + 15 frames.
    assert_colour(frames[0], "red", what="a's first frame")
    assert_colour(frames[14], "red", what="a frame 14")
    assert_colour(frames[15], "green", what="a frame 15")
    # c: source 30 fps turns magenta at 1.0 s = in-point 16 + 14; c starts at 104.
    assert_colour(frames[104], "white", what="c's first frame")
    assert_colour(frames[117], "white", what="c frame 13")
    assert_colour(frames[118], "magenta", what="c frame 14")
    assert_colour(frames[148], "magenta", what="the last frame")
    # b: source 29.97 fps turns yellow at its frame 45 (1.5015 s), clip frame 15 at 50.
    assert_colour(frames[63], "blue", what="b frame 13")
    assert_colour(frames[67], "yellow", what="b frame 17")
    assert_colour(frames[103], "yellow", what="b's last frame")


def test_bars_are_black_where_the_aspect_ratio_differs(three_clips: Rendered) -> None:
    frames = three_clips.frames
    assert_colour(frames[20], "black", box=LEFT_BAR, what="4:3 pillarbox")
    assert_colour(frames[20], "green", box=(0.15, 0.3, 0.85, 0.7), what="4:3 picture")
    assert_colour(frames[80], "black", box=PORTRAIT_BAR, what="portrait pillarbox")
    assert_colour(frames[80], "yellow", box=(0.45, 0.1, 0.55, 0.9), what="portrait picture")
    assert_colour(frames[130], "magenta", box=EDGE, what="16:9 fills the frame")


def test_the_crossfade_blends_midway(three_clips: Rendered) -> None:
    frames = three_clips.frames
    green, blue = RGB["green"], RGB["blue"]
    assert_colour(frames[49], "green", what="before the transition")
    midway = [(g + b) / 2 for g, b in zip(green, blue, strict=True)]
    assert_colour(frames[55], midway, tolerance=12, what="half-way through the crossfade")
    blues = [mean_colour(frame)[2] for frame in frames[50:60]]
    assert blues == sorted(blues), blues  # the blend moves steadily towards b
    assert_colour(frames[60], "blue", what="after the transition")


def test_audio_is_tone_where_a_clip_has_sound_and_silence_where_it_has_none(
    three_clips: Rendered,
) -> None:
    audio = three_clips.audio
    assert rms(audio, 0.1, 1.5) > 0.03
    assert abs(dominant_hz(audio, 0.1, 1.5) - 440) < 10
    # b alone (after the crossfade, before c at 104 / 30 = 3.467 s) has no audio.
    assert rms(audio, 2.05, 3.42) < 1e-3
    assert rms(audio, 3.52, 4.9) > 0.03
    assert abs(dominant_hz(audio, 3.52, 4.9) - 880) < 10


def test_the_in_point_shows_the_picture_on_screen_at_that_instant(
    sources: dict[str, SourceMedia], tmp_path: Path
) -> None:
    """A 25 fps frame that started before the in-point is the one on screen at it.

    In-point 45 is 1.5 s; the source's frame 37 (red) plays from 1.48 s to 1.52 s, when
    frame 38 turns green. Seeking exactly to 1.5 s would drop frame 37 (it starts before
    the seek point) and open the clip on green; the seek lead keeps it.
    """
    document, timeline = project([clip("s", "step25", 45, 60)])
    render(document, timeline, sources, tmp_path / "step.mp4")
    frames = decode_frames(tmp_path / "step.mp4")
    assert len(frames) == 15
    assert_colour(frames[0], "red", what="on screen at 1.5 s")
    assert_colour(frames[1], "green", what="on screen at 1.533 s")
