"""The render oracle for speed, text, audio tracks and ducking (decoded output)."""

from __future__ import annotations

import math
from pathlib import Path

from stoat_ferret.editing.effects import get_effect
from stoat_ferret.render import SourceMedia
from stoat_ferret.render.plan import effect_context
from tests.render.conftest import Rendered
from tests.render.oracle import (
    FPS,
    SAMPLE_RATE,
    Samples,
    amplitude_at,
    assert_colour,
    band_rms,
    decode_audio,
    decode_frames,
    dominant_hz,
    mean_colour,
    rms,
    stream_facts,
    tone_switch_s,
)
from tests.render.projects import audio_track, clip, effect, project, render

HOSTILE = "a:b 'c' \\ %{pts} , ; [x] = \n 😀 שלום"


def test_speed_changes_length_picture_and_audio_but_not_pitch(speeds: Rendered) -> None:
    assert speeds.timeline.duration_frames == 90
    assert int(stream_facts(speeds.path)["nb_read_frames"]) == 90
    frames = speeds.frames
    # 3x: timeline frame k shows source frame 3k; blue from 30, green from 60.
    assert_colour(frames[9], "red", what="3x frame 9 = source 27")
    assert_colour(frames[10], "blue", what="3x frame 10 = source 30")
    assert_colour(frames[19], "blue", what="3x frame 19 = source 57")
    assert_colour(frames[20], "green", what="3x frame 20 = source 60")
    # 0.5x from source frame 15: timeline frame k shows source 15 + k // 2 (blue at 30).
    assert_colour(frames[30 + 29], "red", what="0.5x frame 29 = source 29")
    assert_colour(frames[30 + 30], "blue", what="0.5x frame 30 = source 30")
    audio = speeds.audio
    assert abs(len(audio) / SAMPLE_RATE - 3.0) <= 1 / FPS
    # Pitch kept: 1000 Hz for the 3x clip's second, 500 Hz for the 0.5x clip's two.
    assert abs(dominant_hz(audio, 0.05, 0.95) - 1000) < 15
    assert abs(dominant_hz(audio, 1.05, 2.95) - 500) < 10
    # The 3x clip's audio lasts exactly as long as its picture: the tones switch at 1.0 s.
    switch = tone_switch_s(audio, 0.9, 1000, 500)
    assert abs(switch - 1.0) < 0.0025, switch  # atempo alone: 1.004 s or later


def test_hostile_text_renders_and_is_drawn(sources: dict[str, SourceMedia], tmp_path: Path) -> None:
    text = effect("text_overlay", text=HOSTILE, font_size=40, color="black", position="center")
    document, timeline = project([clip("t", "hd", 0, 30, text)])
    plain_document, plain_timeline = project([clip("t", "hd", 0, 30)])
    command = render(document, timeline, sources, tmp_path / "text.mp4")
    render(plain_document, plain_timeline, sources, tmp_path / "plain.mp4")
    expected = get_effect("text_overlay").filter_string(
        text.parameters, effect_context(text, FPS, 30)
    )
    assert expected in command.filter_complex  # the catalog's escaped filter, verbatim
    with_text = decode_frames(tmp_path / "text.mp4")
    without = decode_frames(tmp_path / "plain.mp4")
    assert len(with_text) == len(without) == 30
    assert_colour(without[10], "white", box=(0.1, 0.3, 0.9, 0.7))
    darkened = 255 - mean_colour(with_text[10], (0.1, 0.3, 0.9, 0.7))[0]
    assert darkened > 10, "the text is drawn across the middle of the picture"


def test_music_starts_where_it_is_placed_and_runs_past_the_picture(music: Rendered) -> None:
    assert music.timeline.duration_frames == 75
    assert len(music.frames) == 75
    audio = music.audio
    assert rms(audio, 0.0, 0.95) < 1e-3  # nothing before frame 30 (1 s)
    # Half-scale 300 Hz, mono to stereo (-3 dB), then the track's -6 dB: about 0.125.
    level = rms(audio, 1.05, 2.45)
    assert 0.11 < level < 0.14, level  # amix did not divide it by its input count
    assert abs(dominant_hz(audio, 1.05, 2.45) - 300) < 5
    assert abs(len(audio) / SAMPLE_RATE - 2.5) <= 1 / FPS
    assert_colour(music.frames[59], "yellow", box=(0.45, 0.1, 0.55, 0.9), what="main's last")
    for frame in music.frames[60:]:
        assert_colour(frame, "black", box=(0, 0, 1, 1), what="after the main track")


def _ducking_run(sources: dict[str, SourceMedia], path: Path, *, ducked: bool) -> Samples:
    effects = [effect("audio_ducking", threshold=0.02, ratio=20, attack_ms=5)] if ducked else []
    document, timeline = project(
        [clip("v", "voice", 0, 60)],
        tracks=[audio_track("m", clip("m1", "music", 0, 60, *effects, at=0))],
    )
    render(document, timeline, sources, path)
    return decode_audio(path)


def test_ducking_lowers_the_music_under_the_main_audio(
    sources: dict[str, SourceMedia], tmp_path: Path
) -> None:
    plain = _ducking_run(sources, tmp_path / "plain.mp4", ducked=False)
    ducked = _ducking_run(sources, tmp_path / "ducked.mp4", ducked=True)
    plain_300, ducked_300 = amplitude_at(plain, 0.5, 1.9, 300), amplitude_at(ducked, 0.5, 1.9, 300)
    assert plain_300 > 0.05, plain_300
    assert ducked_300 < plain_300 / 3, (ducked_300, plain_300)
    # The music's RMS (its 300 Hz band, the voice's 2000 Hz left out) drops by >= 9.5 dB
    # under the voice, while the voice itself is as loud in both renders.
    music_plain = band_rms(plain, 0.5, 1.9, 200, 400)
    music_ducked = band_rms(ducked, 0.5, 1.9, 200, 400)
    assert music_plain > 0.1, music_plain
    drop_db = 20 * math.log10(music_plain / music_ducked)
    assert drop_db >= 9.5, (drop_db, music_plain, music_ducked)
    voice_plain = band_rms(plain, 0.5, 1.9, 1900, 2100)
    voice_ducked = band_rms(ducked, 0.5, 1.9, 1900, 2100)
    assert voice_plain > 0.1 and abs(voice_ducked - voice_plain) < 0.05 * voice_plain


def test_speed_2x_halves_length_picture_and_audio_keeping_pitch(
    sources: dict[str, SourceMedia], tmp_path: Path
) -> None:
    """``fast`` (red, blue, green, a second each; 1000 Hz) at 2x: 45 timeline frames."""
    document, timeline = project([clip("f", "fast", 0, 90, effect("speed", factor=2))])
    path = tmp_path / "double.mp4"
    render(document, timeline, sources, path)
    assert timeline.duration_frames == 45
    assert int(stream_facts(path)["nb_read_frames"]) == 45
    frames = decode_frames(path)
    # Timeline frame k shows source frame 2k: blue from source 30, green from 60.
    assert_colour(frames[14], "red", what="2x frame 14 = source 28")
    assert_colour(frames[15], "blue", what="2x frame 15 = source 30")
    assert_colour(frames[29], "blue", what="2x frame 29 = source 58")
    assert_colour(frames[30], "green", what="2x frame 30 = source 60")
    audio = decode_audio(path)
    assert abs(len(audio) / SAMPLE_RATE - 1.5) <= 1 / FPS
    assert abs(dominant_hz(audio, 0.05, 1.45) - 1000) < 15  # not an octave up
