"""Import of OTIO files we did not write: foreign timelines, malformed and hostile input."""

from __future__ import annotations

import json
from typing import Any

import opentimelineio as otio
import pytest
from opentimelineio.opentime import RationalTime, TimeRange

from stoat_ferret.editing.errors import EditRuleError
from stoat_ferret.editing.interchange import (
    InterchangeFormatError,
    SourceInfo,
    export_project,
    import_project,
)
from tests.editing.interchange_support import counter, resolver, sources_of
from tests.editing.test_interchange import cuts

LIBRARY = {
    name: SourceInfo(name, f"/library/{name}.mov", 10.0) for name in ("a", "b", "music", "x")
}


def _clip(name: str, start: int, duration: int, rate: float = 24) -> Any:
    return otio.schema.Clip(
        name=name,
        media_reference=otio.schema.ExternalReference(target_url=f"file:///library/{name}.mov"),
        source_range=TimeRange(RationalTime(start, rate), RationalTime(duration, rate)),
    )


def _foreign() -> str:
    """A timeline another editor could write: no metadata of ours, 24 fps."""
    timeline = otio.schema.Timeline(name="From elsewhere")
    video = otio.schema.Track(name="Video 1", kind=otio.schema.TrackKind.Video)
    video.extend([_clip("a", 10, 40), otio.schema.Gap(duration=RationalTime(5, 24))])
    video.append(
        otio.schema.Transition(in_offset=RationalTime(4, 24), out_offset=RationalTime(6, 24))
    )
    b = _clip("b", 20, 30)
    b.effects.append(otio.schema.Effect(effect_name="Glow"))
    video.append(b)
    video.append(otio.schema.Transition(in_offset=RationalTime(2, 24)))  # at the end
    timeline.tracks.append(video)
    timeline.tracks.append(otio.schema.Track(name="Video 2"))
    music = otio.schema.Track(name="Music", kind=otio.schema.TrackKind.Audio)
    music.extend([otio.schema.Gap(duration=RationalTime(12, 24)), _clip("music", 0, 48)])
    music.enabled = False
    timeline.tracks.append(music)
    return otio.adapters.write_to_string(timeline, "otio_json")


def test_a_foreign_timeline_is_read_by_otio_meaning_and_reports_what_it_leaves_out() -> None:
    text = _foreign()
    # The gap is between a and the transition: the transition has no clip before it.
    text = text.replace("Video 1", "V")
    timeline = otio.adapters.read_from_string(text, "otio_json")
    timeline.tracks[0].remove(timeline.tracks[0][1])  # drop the gap: a -> b joined
    imported = import_project(
        otio.adapters.write_to_string(timeline, "otio_json"), resolver(LIBRARY), new_id=counter()
    )
    document = imported.document
    assert document.settings.output_fps == 24
    assert document.settings.name == "From elsewhere"
    a, b = document.main_track.clips
    # in_offset 4 / out_offset 6: a plays 6 frames past its range, b starts 4 before.
    assert (a.in_point, a.out_point, b.in_point, b.out_point) == (10, 56, 16, 50)
    (transition,) = document.transitions
    assert (transition.duration, transition.name, transition.audio_curve) == (10, "fade", "tri")
    assert b.effects == ()
    (music,) = document.tracks[1:]
    assert (music.name, music.muted, music.clips[0].timeline_position) == ("Music", True, 12)
    assert imported.warnings == [
        "tracks.children[1]: only one video track (the main track) is imported",
        "tracks.children[0].children[3]: a transition not between two clips is left out",
        "tracks.children[0].children[2]: effect 'Glow' is not a stoat-ferret effect",
    ]


def test_a_gap_on_the_main_track_is_closed_up_with_a_warning() -> None:
    imported = import_project(_foreign(), resolver(LIBRARY), new_id=counter())
    assert (
        "tracks.children[0].children[1]: a gap on the main track is closed up"
        in (imported.warnings[1])
    )
    assert imported.document.transitions == ()


def refused(text: str | bytes, field: str) -> EditRuleError:
    with pytest.raises(EditRuleError) as raised:
        import_project(text, resolver(LIBRARY), new_id=counter())
    assert raised.value.field == field, raised.value.message
    return raised.value


def _exported() -> dict[str, Any]:
    document = cuts()
    sources = sources_of(document)
    LIBRARY.update(sources)
    return json.loads(export_project(document, sources, "otio").content)  # type: ignore[no-any-return]


def _first_clip(data: dict[str, Any]) -> dict[str, Any]:
    return data["tracks"]["children"][0]["children"][0]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("not json", "body", "not JSON"),
        (b"\xff\xfe", "body", "not JSON"),
        ("[1, 2]", "OTIO_SCHEMA", "got 'list'"),
        ('{"OTIO_SCHEMA": "Clip.2"}', "OTIO_SCHEMA", "'Clip.2'"),
        ('{"OTIO_SCHEMA": "Timeline.1", "tracks": NaN}', "body", "NaN"),
        ("[" * 100_000 + "]" * 100_000, "body", ""),
        ('{"OTIO_SCHEMA": "Timeline.1", "a": ' + "[" * 70 + "]" * 70 + "}", "body", "nested"),
        ('{"OTIO_SCHEMA": "Timeline.1", "tracks": 5}', "body", "not a valid OTIO"),
    ],
)
def test_malformed_documents_are_refused_naming_the_problem(
    text: str, field: str, words: str
) -> None:
    error = refused(text, field)
    assert isinstance(error, InterchangeFormatError)
    assert words in error.message


def _with(change: Any) -> str:
    data = _exported()
    change(data)
    return json.dumps(data)


def test_hostile_values_are_refused_naming_their_place() -> None:
    where = "tracks.children[0].children[0]"

    def rate_zero(data: dict[str, Any]) -> None:
        _first_clip(data)["source_range"]["duration"]["rate"] = 0

    error = refused(_with(rate_zero), f"{where}.source_range.duration")
    assert "rate 0.0" in error.message

    def negative_in(data: dict[str, Any]) -> None:
        _first_clip(data)["source_range"]["start_time"]["value"] = -5

    refused(_with(negative_in), f"{where}.in_point")

    def negative_duration(data: dict[str, Any]) -> None:
        _first_clip(data)["source_range"]["duration"]["value"] = -20

    refused(_with(negative_duration), f"{where}.out_point")

    def huge(data: dict[str, Any]) -> None:
        _first_clip(data)["source_range"]["duration"]["value"] = 1e300

    assert "too far" in refused(_with(huge), f"{where}.source_range.duration").message

    def between_frames(data: dict[str, Any]) -> None:
        _first_clip(data)["source_range"]["duration"]["value"] = 10.5

    refused(_with(between_frames), f"{where}.source_range.duration")

    def past_the_source(data: dict[str, Any]) -> None:
        _first_clip(data)["source_range"]["duration"]["value"] = 10_000

    refused(_with(past_the_source), f"{where}.out_point")

    def unknown_effect(data: dict[str, Any]) -> None:
        effect = {"OTIO_SCHEMA": "Effect.1", "effect_name": "x", "name": "x"}
        effect["metadata"] = {"stoat_ferret": {"effect_type": "teleport", "parameters": {}}}
        _first_clip(data)["effects"] = [effect]

    refused(_with(unknown_effect), f"{where}.effects[0].effect_type")

    def too_fast(data: dict[str, Any]) -> None:
        warp = {"OTIO_SCHEMA": "LinearTimeWarp.1", "time_scalar": 5, "effect_name": "warp"}
        _first_clip(data)["effects"] = [{**warp, "name": "fast"}]

    refused(_with(too_fast), f"{where}.effects[0].parameters.factor")

    def bad_width(data: dict[str, Any]) -> None:
        data["metadata"]["stoat_ferret"]["settings"]["output_width"] = "wide"

    refused(_with(bad_width), "output_width")

    def odd_rate(data: dict[str, Any]) -> None:
        del data["metadata"]["stoat_ferret"]
        for item in data["tracks"]["children"][0]["children"]:
            if "source_range" in item:
                item["source_range"]["start_time"]["rate"] = 29.97

    refused(_with(odd_rate), "output_fps")

    def long_transition(data: dict[str, Any]) -> None:
        data["tracks"]["children"][0]["children"][1]["out_offset"]["value"] = 50

    refused(_with(long_transition), "tracks.children[0].children[1].duration")
