"""The graph's shape: one filter_complex, every label wired once, every value escaped.

These are documentation of the structure; the proof that it renders right is the
oracle in the other files (STYLE §14).
"""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from stoat_ferret.editing.document import ProjectDocument, Transition
from stoat_ferret.editing.effects import get_effect
from stoat_ferret.editing.timeline import DerivedTimeline
from stoat_ferret.render import (
    EmptyProjectError,
    RenderRequestError,
    RenderSettings,
    SourceMedia,
    SourceMissingError,
    render_command,
)
from stoat_ferret.render.plan import effect_context, plan_read
from tests.render.projects import audio_track, clip, effect, project

SOURCES = {
    "v": SourceMedia("/media/it's [a] clip;1.mp4", True, frame_rate=Fraction(25)),
    "mute": SourceMedia("/media/silent.mov", False, frame_rate=Fraction(30000, 1001)),
    "song": SourceMedia("/media/song.flac", True, has_video=False),
}
OUT = RenderSettings("/out/render.tmp", preset="ultrafast")
HOSTILE = "it's: 100% [done]; a,b \\ end\n"
_LABEL = r"\[([A-Za-z0-9_:.]+)\]"


def _chains(graph: str) -> list[str]:
    """Split at ``;`` that the escaping did not protect (an even run of backslashes)."""
    chains, current, escaped = [], "", False
    for character in graph:
        if character == ";" and not escaped:
            chains.append(current)
            current = ""
            continue
        current += character
        escaped = character == "\\" and not escaped
    return [*chains, current]


def _links(graph: str) -> tuple[list[str], list[str]]:
    """Every label a chain reads and every label a chain writes."""
    reads: list[str] = []
    writes: list[str] = []
    for part in _chains(graph):
        head = re.match(rf"^(?:{_LABEL})+", part)
        tail = re.search(rf"(?:{_LABEL})+$", part)
        reads += re.findall(_LABEL, head.group(0)) if head else []
        writes += re.findall(_LABEL, tail.group(0)) if tail else []
    return reads, writes


def _busy_project() -> tuple[ProjectDocument, DerivedTimeline]:
    text = effect("text_overlay", text=HOSTILE)
    return project(
        [
            clip("a", "v", 10, 70, text, effect("volume", gain_db=-3)),
            clip("b", "v", 5, 50, effect("speed", factor=1.5)),
            clip("c", "mute", 0, 40),
        ],
        transitions=[Transition("t1", "a", "b", 8, "wipeleft", "qsin")],
        tracks=[
            audio_track("m", clip("m1", "song", 0, 100, effect("audio_ducking"), at=12)),
            audio_track("q", clip("q1", "song", 0, 30, at=0), muted=True),
        ],
    )


def test_one_filter_complex_with_every_label_written_once_and_read_once() -> None:
    document, timeline = _busy_project()
    command = render_command(document, timeline, SOURCES, OUT)
    argv = list(command.argv)
    assert argv.count("-filter_complex") == 1
    assert argv[argv.index("-filter_complex") + 1] == command.filter_complex
    reads, writes = _links(command.filter_complex)
    assert len(writes) == len(set(writes)), "a label is written twice"
    mapped = [argv[i + 1].strip("[]") for i, arg in enumerate(argv) if arg == "-map"]
    inputs = {label for label in reads if ":" in label}
    internal = [label for label in reads if ":" not in label]
    assert sorted(internal + mapped) == sorted(writes), "a label is dangling or read twice"
    # One input per clip that is heard or seen (the muted track's clip is not opened).
    assert argv.count("-i") == 4
    assert inputs == {"0:v:0", "0:a:0", "1:v:0", "1:a:0", "2:v:0", "3:a:0"}


def test_every_input_is_sought_before_it_is_opened_and_named_as_a_file() -> None:
    document, timeline = _busy_project()
    argv = list(render_command(document, timeline, SOURCES, OUT).argv)
    opened = [i for i, arg in enumerate(argv) if arg == "-i"]
    for position in opened:
        assert argv[position - 4] == "-ss" and argv[position - 2] == "-t"
        assert argv[position + 1].startswith("file:/media/")
    first = plan_read(document.main_track.clips[0], SOURCES["v"], 30)
    assert float(argv[opened[0] - 3]) == pytest.approx(first.seek_s)
    assert first.seek_s < 10 / 30, "the seek leads the in-point"


def test_values_reach_the_graph_only_through_the_escaping_module() -> None:
    document, timeline = _busy_project()
    graph = render_command(document, timeline, SOURCES, OUT).filter_complex
    text = document.main_track.clips[0].effects[0]
    built = get_effect("text_overlay").filter_string(text.parameters, effect_context(text, 30, 60))
    assert built in graph
    assert HOSTILE not in graph and "it's" not in graph  # no raw text, no path
    assert "/media/" not in graph
    assert "xfade=transition=wipeleft:duration=0.2666666667:offset=1.7333333333" in graph
    assert "acrossfade=ns=12800:c1=qsin:c2=qsin" in graph


def test_xfade_is_retimed_and_silence_fills_a_clip_without_audio() -> None:
    document, timeline = _busy_project()
    graph = render_command(document, timeline, SOURCES, OUT).filter_complex
    xfade = next(part for part in _chains(graph) if "xfade=" in part)
    assert xfade.endswith("settb=1/30,setpts=N" + xfade[xfade.rindex("[") :])
    assert "anullsrc=channel_layout=stereo:sample_rate=48000,atrim=end_sample=64000" in graph
    assert "atempo=1.5,apad=whole_len=48000,atrim=end_sample=48000" in graph
    assert "volume=volume=-3dB" in graph
    assert "sidechaincompress=threshold=0.05" in graph and "asplit=2" in graph
    assert "adelay=delays=19200S:all=1" in graph
    assert "amix=inputs=2:duration=first:normalize=0" in graph


def test_music_past_the_main_track_pads_the_picture_with_black() -> None:
    document, timeline = project(
        [clip("a", "v", 0, 30)], tracks=[audio_track("m", clip("m1", "song", 0, 90, at=10))]
    )
    command = render_command(document, timeline, SOURCES, OUT)
    assert command.expected_frames == 100
    assert command.expected_duration_s == pytest.approx(100 / 30)
    assert "tpad=stop_mode=add:stop=70:color=black" in command.filter_complex


def test_output_options() -> None:
    document, timeline = project([clip("a", "v", 0, 30)])
    mp4 = list(render_command(document, timeline, SOURCES, OUT).argv)
    for option, value in [
        ("-r", "30"),
        ("-c:v", "libx264"),
        ("-crf", "23"),
        ("-preset", "ultrafast"),
        ("-c:a", "aac"),
        ("-ar", "48000"),
        ("-ac", "2"),
        ("-movflags", "+faststart"),
        ("-progress", "pipe:1"),
        ("-f", "mp4"),
    ]:
        assert mp4[mp4.index(option) + 1] == value, option
    assert "-nostats" in mp4 and "-n" in mp4 and mp4[-1] == "file:/out/render.tmp"
    mkv = render_command(
        document, timeline, SOURCES, RenderSettings("/out/x", container="mkv", overwrite=True)
    ).argv
    assert "matroska" in mkv and "-movflags" not in mkv and "-y" in mkv


def test_refusals_name_what_is_wrong() -> None:
    empty_document, empty_timeline = project([])
    with pytest.raises(EmptyProjectError):
        render_command(empty_document, empty_timeline, SOURCES, OUT)
    document, timeline = project([clip("a", "gone", 0, 30)])
    with pytest.raises(SourceMissingError) as missing:
        render_command(document, timeline, SOURCES, OUT)
    assert missing.value.code == "SOURCE_MISSING" and "gone" in missing.value.message
    document, timeline = project([clip("a", "song", 0, 30)])
    with pytest.raises(RenderRequestError) as no_video:
        render_command(document, timeline, SOURCES, OUT)
    assert no_video.value.field == "clips[a].source_id"
