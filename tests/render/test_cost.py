"""The render's cost model (``render_work``) and the ETA the progress parser gets from it."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from fractions import Fraction

import pytest

from stoat_ferret.editing.document import Transition
from stoat_ferret.render.cost import WorkProfile, render_work
from stoat_ferret.render.progress import ProgressParser
from stoat_ferret.render.settings import SourceMedia
from tests.render.oracle import HEIGHT, WIDTH
from tests.render.projects import audio_track, clip, effect, project

FPS = 30


def _media(width: int | None, height: int | None, *, audio: bool = False) -> SourceMedia:
    rate = Fraction(FPS)
    return SourceMedia(f"/m/{width}.mp4", audio, frame_rate=rate, width=width, height=height)


SOURCES: Mapping[str, SourceMedia] = {
    "small": _media(640, 360),
    "big": _media(1920, 1080),
    "unknown": _media(None, None),
    "song": SourceMedia("/m/song.flac", True, has_video=False),
}


def _slopes(profile: WorkProfile) -> list[float]:
    """Work per output second of each stretch of the profile."""
    points = itertools.pairwise(zip(profile.times_s, profile.work, strict=True))
    return [(w1 - w0) / (t1 - t0) for (t0, w0), (t1, w1) in points]


def test_profile_interpolates_between_cuts_and_clamps_at_the_ends() -> None:
    profile = WorkProfile((0.0, 2.0, 4.0), (0.0, 10.0, 40.0))
    assert profile.total == 40.0
    assert profile.done_at(-1.0) == 0.0
    assert profile.done_at(1.0) == pytest.approx(5.0)
    assert profile.done_at(2.0) == pytest.approx(10.0)
    assert profile.done_at(3.0) == pytest.approx(25.0)
    assert profile.done_at(9.0) == 40.0
    uniform = WorkProfile.uniform(8.0)
    assert [uniform.done_at(t) for t in (0.0, 2.0, 8.0)] == [0.0, 2.0, 8.0]


def test_a_bigger_source_costs_more_per_second_and_the_profile_spans_the_timeline() -> None:
    document, timeline = project([clip("a", "small", 0, 60), clip("b", "big", 0, 60)])
    profile = render_work(document, timeline, SOURCES)
    assert profile.times_s == (0.0, 2.0, 4.0)
    assert list(profile.work) == sorted(profile.work)
    small, big = _slopes(profile)
    # 1080p decodes nine times the pixels of 360p, on top of the same output's encoding.
    assert big > small * 1.05


def test_speed_decodes_more_source_frames_per_output_second() -> None:
    document, timeline = project(
        [clip("a", "big", 0, 60), clip("b", "big", 0, 120, effect("speed", factor=2))]
    )
    normal, fast = _slopes(render_work(document, timeline, SOURCES, preset="ultrafast"))
    assert fast > normal * 1.2


def test_a_transition_costs_both_clips_and_the_blend() -> None:
    document, timeline = project(
        [clip("a", "small", 0, 60), clip("b", "small", 0, 60)],
        transitions=[Transition("t", "a", "b", 15)],
    )
    profile = render_work(document, timeline, SOURCES)
    first, overlap, second = _slopes(profile)
    assert profile.times_s == (0.0, 1.5, 2.0, 3.5)
    assert first == pytest.approx(second)
    assert overlap > first


def test_a_picture_effect_adds_a_pass() -> None:
    document, timeline = project(
        [clip("a", "small", 0, 30), clip("b", "small", 0, 30, effect("blur", sigma=2))]
    )
    plain, blurred = _slopes(render_work(document, timeline, SOURCES))
    assert blurred > plain


def test_the_preset_weighs_the_encoding() -> None:
    document, timeline = project([clip("a", "small", 0, 60)])
    costs = {
        preset: render_work(document, timeline, SOURCES, preset=preset).total
        for preset in ("ultrafast", "medium", "veryslow")
    }
    assert costs["ultrafast"] < costs["medium"] < costs["veryslow"]
    # An encoder without a table of its own (and an unknown preset) is about x264 medium.
    other = render_work(document, timeline, SOURCES, video_codec="libvpx-vp9").total
    assert other == pytest.approx(costs["medium"])


def test_an_unprobed_size_counts_as_the_output_size() -> None:
    sized = {**SOURCES, "unknown": _media(WIDTH, HEIGHT)}
    document, timeline = project([clip("a", "unknown", 0, 60)])
    assert render_work(document, timeline, SOURCES).total == pytest.approx(
        render_work(document, timeline, sized).total
    )


def test_audio_tracks_add_work_only_where_they_play_and_not_when_muted() -> None:
    music = clip("m", "song", 0, 30, at=30)
    main = [clip("a", "small", 0, 90)]
    document, timeline = project(main, tracks=[audio_track("music", music)])
    before, playing, after = _slopes(render_work(document, timeline, SOURCES))
    assert before == pytest.approx(after)
    assert playing > before
    muted, muted_timeline = project(main, tracks=[audio_track("music", music, muted=True)])
    assert render_work(muted, muted_timeline, SOURCES).total == pytest.approx(
        render_work(*project(main), SOURCES).total
    )


def _block(out_s: float) -> str:
    return f"out_time_us={round(out_s * 1e6)}\nprogress=continue\n"


@pytest.mark.parametrize("share", [0.25, 0.5, 0.75])
def test_eta_follows_the_work_left_not_the_seconds_left(share: float) -> None:
    """A render whose second half costs four times the first, at a steady pace of work:
    the work-based ETA is right at every point; the time-based one (the same parser
    without the profile) believes the second half is as quick as the first."""
    profile = WorkProfile((0.0, 10.0, 20.0), (0.0, 10.0, 50.0))
    now = 0.0
    by_work = ProgressParser(20.0, work=profile, clock=lambda: now)
    by_time = ProgressParser(20.0, clock=lambda: now)
    pace = 5.0  # work units per wall second
    history = []
    for step in range(0, 201):
        out_s = step * 0.1
        now = 1.0 + profile.done_at(out_s) / pace  # 1 s of start-up before any output
        text = _block(out_s)
        history.append((now, by_work.feed(text)[0], by_time.feed(text)[0]))
    end = history[-1][0]
    at, work_based, time_based = next(h for h in history if h[1].fraction >= share)
    real = end - at
    assert work_based.detail["eta_s"] == pytest.approx(real, rel=0.02)
    time_eta = time_based.detail["eta_s"]
    assert time_eta is not None
    if share == 0.5:
        assert abs(time_eta - real) / real > 0.5  # 2 s of output at the first half's pace


def test_a_profile_without_work_falls_back_to_output_seconds() -> None:
    now = 0.0
    parser = ProgressParser(10.0, work=WorkProfile((0.0, 10.0), (0.0, 0.0)), clock=lambda: now)
    parser.feed(_block(0.0))
    now = 1.0
    parser.feed(_block(1.0))
    now = 2.0
    (snapshot,) = parser.feed(_block(2.0))
    assert snapshot.detail["eta_s"] == pytest.approx(8.0)
