"""The timeline rules on hand-made documents: derivation, every bound, edits."""

from __future__ import annotations

import dataclasses

import pytest

from stoat_ferret.editing import operations as ops
from stoat_ferret.editing.document import (
    EffectUse,
    Track,
    Transition,
    document_from_json,
    document_to_json,
)
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.errors import (
    EditRuleError,
    EditTargetNotFoundError,
    EffectParameterError,
    MainTrackRequiredError,
    TimelineRuleError,
)
from stoat_ferret.editing.timebase import frames_to_seconds, source_frames
from stoat_ferret.editing.timeline import clip_length, derive_timeline
from stoat_ferret.editing.validation import validate_document
from tests.editing.builders import clip, empty, fade, main_clips, speed, with_audio_track


def starts(document: object) -> list[tuple[str, int, int]]:
    timeline = derive_timeline(document)  # type: ignore[arg-type]
    return [(p.clip_id, p.start_frame, p.end_frame) for p in timeline.tracks[0].clips]


def test_main_track_is_magnetic() -> None:
    document = main_clips(30, 45, 15)
    assert starts(document) == [("c0", 0, 30), ("c1", 30, 75), ("c2", 75, 90)]
    timeline = derive_timeline(document)
    assert timeline.duration_frames == 90
    assert timeline.duration_s == 3.0
    assert timeline.placement("c1").start_s == 1.0


def test_transition_overlaps_and_shortens_the_project() -> None:
    document = ops.add_transition(main_clips(30, 45, 15), fade("t1", "c0", "c1", 10))
    assert starts(document) == [("c0", 0, 30), ("c1", 20, 65), ("c2", 65, 80)]
    timeline = derive_timeline(document)
    assert timeline.duration_frames == 80
    (placed,) = timeline.transitions
    assert (placed.start_frame, placed.end_frame) == (20, 30)
    # Removing the transition moves the later clips back.
    assert starts(ops.remove_transition(document, "t1"))[1] == ("c1", 30, 75)


def test_speed_changes_the_timeline_length_with_ceil() -> None:
    document = ops.add_effect(main_clips(100, 10), "c0", speed(3))
    assert clip_length(document.main_track.clips[0]) == 34  # ceil(100 / 3)
    assert starts(document)[1] == ("c1", 34, 44)
    document = ops.add_effect(main_clips(100), "c0", speed(0.3))
    assert clip_length(document.main_track.clips[0]) == 334  # ceil(100 / 0.3), exactly


def test_audio_tracks_place_clips_with_gaps_and_extend_the_duration() -> None:
    document = with_audio_track(main_clips(30))
    document = ops.add_clip(document, clip("a1", 20, timeline_position=50), track_id="music")
    document = ops.add_clip(document, clip("a0", 10, timeline_position=0), track_id="music")
    timeline = derive_timeline(document)
    assert [(p.clip_id, p.start_frame, p.end_frame) for p in timeline.tracks[1].clips] == [
        ("a0", 0, 10),
        ("a1", 50, 70),
    ]
    assert timeline.duration_frames == 70


def refused(field: str, edit: object, *args: object, **kwargs: object) -> EditRuleError:
    with pytest.raises(EditRuleError) as raised:
        edit(*args, **kwargs)  # type: ignore[operator]
    assert raised.value.field == field, raised.value.message
    return raised.value


def test_clip_bounds() -> None:
    document = empty()
    refused("clips[x].out_point", ops.add_clip, document, clip("x", 10, source=5))
    refused("clips[x].out_point", ops.add_clip, document, clip("x", 0))
    refused("clips[x].in_point", ops.add_clip, document, clip("x", 5, in_point=-1))
    refused("clips[x].timeline_position", ops.add_clip, document, clip("x", 5, timeline_position=3))
    document = ops.add_clip(document, clip("x", 10, source=10))  # out_point == source: fine
    refused("clips[x].out_point", ops.update_clip, document, "x", out_point=11)
    refused("clips[x].in_point", ops.update_clip, document, "x", in_point=10)
    refused("clips[x].id", ops.add_clip, document, clip("x", 5))


def test_audio_clips_never_overlap() -> None:
    document = with_audio_track(empty())
    document = ops.add_clip(document, clip("a", 20, timeline_position=10), track_id="music")
    refused(
        "clips[b].timeline_position",
        ops.add_clip,
        document,
        clip("b", 5, timeline_position=25),
        track_id="music",
    )
    refused("clips[b].timeline_position", ops.add_clip, document, clip("b", 5), track_id="music")
    touching = ops.add_clip(document, clip("b", 5, timeline_position=30), track_id="music")
    refused("clips[b].timeline_position", ops.update_clip, touching, "b", timeline_position=29)
    # Lengthening the earlier clip: the later one's position is named (both in the message).
    error = refused("clips[b].timeline_position", ops.update_clip, touching, "a", out_point=21)
    assert "clip a" in error.message


def test_transition_rules() -> None:
    document = main_clips(30, 20, 30)
    refused("transitions[t].to_clip_id", ops.add_transition, document, fade("t", "c0", "c2", 5))
    refused("transitions[t].from_clip_id", ops.add_transition, document, fade("t", "zz", "c1", 5))
    refused("transitions[t].duration", ops.add_transition, document, fade("t", "c0", "c1", 0))
    refused("transitions[t].duration", ops.add_transition, document, fade("t", "c0", "c1", 20))
    refused(
        "transitions[t].name",
        ops.add_transition,
        document,
        dataclasses.replace(fade("t", "c0", "c1", 5), name="nope"),
    )
    refused(
        "transitions[t].audio_curve",
        ops.add_transition,
        document,
        dataclasses.replace(fade("t", "c0", "c1", 5), audio_curve="nope"),
    )
    one = ops.add_transition(document, fade("t1", "c0", "c1", 10))
    refused("transitions[t2].from_clip_id", ops.add_transition, one, fade("t2", "c0", "c1", 3))
    # c1 lasts 20 frames: 10 in + 10 out leaves nothing of it on its own.
    refused("transitions[t2].duration", ops.add_transition, one, fade("t2", "c1", "c2", 10))
    both = ops.add_transition(one, fade("t2", "c1", "c2", 9))
    assert starts(both) == [("c0", 0, 30), ("c1", 20, 40), ("c2", 31, 61)]
    # A trim or a speed-up that makes the transitions too long is refused.
    refused("transitions[t2].duration", ops.update_clip, both, "c1", out_point=19)
    refused("transitions[t2].duration", ops.add_effect, both, "c1", speed(2))
    refused("transitions[t1].duration", ops.add_effect, one, "c1", speed(2))
    # Moving a joined clip away from its partner is refused.
    refused("transitions[t1].to_clip_id", ops.update_clip, both, "c0", index=2)


def test_effect_rules() -> None:
    document = with_audio_track(main_clips(30))
    document = ops.add_clip(document, clip("a", 30, timeline_position=0), track_id="music")
    refused(
        "clips[c0].effects[0].effect_type",
        ops.add_effect,
        document,
        "c0",
        EffectUse("audio_ducking", {}),
    )
    refused(
        "clips[a].effects[0].effect_type",
        ops.add_effect,
        document,
        "a",
        EffectUse("text_overlay", {"text": "x"}),
    )
    refused("clips[c0].effects[0].effect_type", ops.add_effect, document, "c0", EffectUse("nope"))
    error = refused(
        "clips[c0].effects[0].parameters.font_size",
        ops.add_effect,
        document,
        "c0",
        EffectUse("text_overlay", {"text": "x", "font_size": 1}),
    )
    assert isinstance(error, EffectParameterError)
    fading = ops.add_effect(
        document, "c0", EffectUse("video_fade", {"direction": "out", "duration": 20})
    )
    # Trimming the clip below its fade is refused, naming the fade's parameter.
    refused("clips[c0].effects[0].parameters.duration", ops.update_clip, fading, "c0", out_point=10)
    both = ops.add_effect(document, "c0", speed(2))
    refused("clips[c0].effects[1]", ops.add_effect, both, "c0", speed(2))
    refused(
        "clips[c0].effects[1].start",
        ops.add_effect,
        both,
        "c0",
        EffectUse("crop", {"left": 0.1}, start=1),
    )
    windowed = EffectUse("blur", {"sigma": 2}, start=5, end=10)
    assert ops.add_effect(document, "c0", windowed).main_track.clips[0].effects == (windowed,)
    bad_window = EffectUse("blur", {"sigma": 2}, start=10, end=5)
    refused("clips[c0].effects[0].end", ops.add_effect, document, "c0", bad_window)
    with pytest.raises(EditTargetNotFoundError):
        ops.remove_effect(document, "c0", 0)


def test_project_and_track_bounds() -> None:
    document = empty()
    refused("output_width", ops.update_project, document, output_width=1001)
    refused("output_height", ops.update_project, document, output_height=8)
    refused("output_fps", ops.update_project, document, output_fps=121)
    refused("sample_rate", ops.update_project, document, sample_rate=22050)
    refused("name", ops.update_project, document, name="")
    refused("name", ops.update_project, document, name="x" * 201)
    assert ops.update_project(document, output_fps=25).settings.output_fps == 25
    refused("output_fps", ops.update_project, main_clips(10), output_fps=25)
    refused(
        "tracks[m].volume_db",
        ops.add_track,
        document,
        Track("m", MediaKind.AUDIO, "M", volume_db=13),
    )
    refused("tracks[m].kind", ops.add_track, document, Track("m", MediaKind.VIDEO, "V2"))
    refused("tracks[main].id", ops.add_track, document, Track("main", MediaKind.AUDIO, "A"))
    document = with_audio_track(document)
    refused("tracks[music].volume_db", ops.update_track, document, "music", volume_db=-61)
    assert ops.update_track(document, "music", muted=True).tracks[1].muted is True
    with pytest.raises(MainTrackRequiredError):
        ops.remove_track(document, "main")
    with pytest.raises(EditTargetNotFoundError):
        ops.remove_track(document, "nope")


def test_removals_ripple_and_take_their_transitions() -> None:
    document = ops.add_transition(main_clips(30, 30, 30), fade("t1", "c0", "c1", 10))
    removed = ops.remove_clip(document, "c1")
    assert removed.transitions == ()
    assert starts(removed) == [("c0", 0, 30), ("c2", 30, 60)]
    music = with_audio_track(document)
    music = ops.add_clip(music, clip("a", 10, timeline_position=0), track_id="music")
    assert ops.remove_track(music, "music") == document


def test_moves_on_the_main_track() -> None:
    document = main_clips(10, 20, 30)
    moved = ops.update_clip(document, "c2", index=0)
    assert starts(moved) == [("c2", 0, 30), ("c0", 30, 40), ("c1", 40, 60)]
    inserted = ops.add_clip(document, clip("n", 5), index=1)
    assert [c.id for c in inserted.main_track.clips] == ["c0", "n", "c1", "c2"]
    refused("index", ops.add_clip, document, clip("n", 5), index=4)
    refused("index", ops.update_clip, document, "c0", index=3)
    refused("timeline_position", ops.update_clip, document, "c0", timeline_position=3)


def test_refused_edit_leaves_the_document_alone() -> None:
    document = ops.add_effect(main_clips(30, 30), "c0", EffectUse("volume", {"gain_db": -3}))
    snapshot = document_to_json(document)
    with pytest.raises(TimelineRuleError):
        ops.update_clip(document, "c0", out_point=1000)
    assert document_to_json(document) == snapshot


def test_effect_parameters_cannot_be_changed_from_outside() -> None:
    parameters = {"gain_db": -3}
    effect = EffectUse("volume", parameters)
    parameters["gain_db"] = 100
    assert effect.parameters["gain_db"] == -3
    with pytest.raises(TypeError):
        effect.parameters["gain_db"] = 5  # type: ignore[index]


def test_json_round_trip_is_exact() -> None:
    document = with_audio_track(ops.add_transition(main_clips(30, 30), fade("t", "c0", "c1", 5)))
    document = ops.add_clip(document, clip("a", 10, timeline_position=4), track_id="music")
    document = ops.add_effect(document, "c1", EffectUse("text_overlay", {"text": "hi"}, start=2))
    assert document_from_json(document_to_json(document)) == document
    validate_document(document_from_json(document_to_json(document)))


def test_frames_and_seconds() -> None:
    assert frames_to_seconds(45, 30) == 1.5
    assert source_frames(1.0, 30) == 30
    assert source_frames(0.9999999, 30) == 30
    assert source_frames(1.05, 30) == 31
    assert source_frames(0, 30) == 0


def test_transition_names_come_from_the_caller() -> None:
    document = main_clips(30, 30)
    custom = Transition("t", "c0", "c1", 5, name="fancy")
    refused("transitions[t].name", ops.add_transition, document, custom)
    assert ops.add_transition(document, custom, transition_names={"fancy"}).transitions == (custom,)
