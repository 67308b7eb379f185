"""Export and import on hand-made projects: EDL and FCP XML cuts, not_carried, media."""

from __future__ import annotations

import opentimelineio as otio
import pytest

from stoat_ferret.editing import operations as ops
from stoat_ferret.editing.document import EffectUse, ProjectDocument, Track, Transition
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.interchange import (
    InterchangeFormatError,
    UnknownMediaError,
    UnsupportedFormatError,
    available_formats,
    export_project,
    import_project,
)
from tests.editing.builders import clip, empty
from tests.editing.interchange_support import canonical, counter, resolver, sources_of


def cuts() -> ProjectDocument:
    """Clips of 30, 45 and 15 frames (in points 5, 10, 0) with a 10-frame fade after c0."""
    document = empty()
    for clip_id, length, in_point in (("c0", 30, 5), ("c1", 45, 10), ("c2", 15, 0)):
        document = ops.add_clip(document, clip(clip_id, length, in_point=in_point))
    return ops.add_transition(document, Transition("t1", "c0", "c1", 10))


def decorated() -> ProjectDocument:
    """`cuts` with effects, a wipe, a loud music track and a muted one."""
    document = ops.add_effect(cuts(), "c1", EffectUse("blur", {"sigma": 3}))
    document = ops.add_effect(document, "c2", EffectUse("volume", {"gain_db": -3}))
    document = ops.add_transition(
        document, Transition("t2", "c1", "c2", 4, name="wipeleft", audio_curve="qsin")
    )
    document = ops.add_track(document, Track("m", MediaKind.AUDIO, "Music", volume_db=-6))
    document = ops.add_clip(document, clip("a0", 40, timeline_position=12), track_id="m")
    document = ops.add_track(document, Track("q", MediaKind.AUDIO, "Quiet", muted=True))
    return document


# What neither an EDL nor FCP XML keeps of `decorated`'s main track.
MAIN_TRACK_LOSSES = [
    "tracks[main].name 'V1'",
    "clips[c1].effects[0] (blur)",
    "transitions[t2].name 'wipeleft'",
    "transitions[t2].audio_curve 'qsin'",
    "clips[c2].effects[0] (volume)",
]


def test_the_installed_formats() -> None:
    assert available_formats() == ["otio", "edl", "fcpxml"]
    with pytest.raises(UnsupportedFormatError) as raised:
        export_project(cuts(), sources_of(cuts()), "aaf")
    assert raised.value.field == "format"
    assert "otio, edl, fcpxml" in raised.value.message


def test_edl_carries_the_main_track_cuts_with_their_timecodes() -> None:
    document = cuts()
    exported = export_project(document, sources_of(document), "edl")
    assert (exported.media_type, exported.filename) == ("text/plain", "Test.edl")
    events = [line.split() for line in exported.content.splitlines() if line[:3].isdigit()]
    # c0 plays 5..35 of its source; the dissolve's B side (c1, 10..55) starts at the
    # start of the overlap, frame 20 (c0's 30 frames minus the 10-frame transition).
    assert events[0][4:] == ["00:00:00:05", "00:00:00:25", "00:00:00:00", "00:00:00:20"]
    assert events[2][3:5] == ["D", "010"]
    assert events[2][5:] == ["00:00:00:10", "00:00:01:25", "00:00:00:20", "00:00:02:05"]
    assert events[3][4:] == ["00:00:00:00", "00:00:00:15", "00:00:02:05", "00:00:02:20"]
    read = otio.adapters.read_from_string(exported.content, "cmx_3600", rate=30)
    clips = list(read.find_clips())
    assert [(c.name, c.source_range.start_time.value) for c in clips] == [
        ("src-c0.mp4", 5),
        ("src-c1.mp4", 10),
        ("src-c2.mp4", 0),
    ]
    # Nothing of this project is lost but the track's name (an EDL has none).
    assert exported.not_carried == ["tracks[main].name 'V1'"]


def test_fcp_xml_carries_cuts_transitions_and_audio_positions() -> None:
    document = decorated()
    exported = export_project(document, sources_of(document), "fcpxml")
    assert exported.filename == "Test.xml"
    read = otio.adapters.read_from_string(exported.content, "fcp_xml")
    video, music, _quiet = read.tracks
    placed = [
        (c.name, c.source_range.start_time.value, c.range_in_parent().start_time.value)
        for c in video.find_clips()
    ]
    # Every clip starts on the OTIO track where it starts in our timeline.
    assert placed == [("src-c0.mp4", 5, 0), ("src-c1.mp4", 10, 20), ("src-c2.mp4", 0, 61)]
    dissolves = [t for t in video if isinstance(t, otio.schema.Transition)]
    assert [(t.in_offset.value + t.out_offset.value) for t in dissolves] == [10, 4]
    (music_clip,) = music.find_clips()
    assert music_clip.range_in_parent().start_time.value == 12
    assert exported.not_carried == [
        *MAIN_TRACK_LOSSES,
        "tracks[m].name 'Music'",
        "tracks[m].volume_db",
        "tracks[q].name 'Quiet'",
        "tracks[q].muted",
    ]


def test_edl_lists_effects_speed_wipes_and_audio_tracks_as_not_carried() -> None:
    document = ops.add_effect(decorated(), "c0", EffectUse("speed", {"factor": 2}))
    exported = export_project(document, sources_of(document), "edl")
    assert exported.not_carried == [
        *MAIN_TRACK_LOSSES,
        "tracks[m] (audio track 'Music')",
        "tracks[q] (audio track 'Quiet')",
    ]
    # The speed of c0 is carried (an M2 line), so it is not listed.
    assert "M2   src-c0.mp4\t\t60.0" in exported.content


def test_otio_carries_everything_and_imports_back_the_same_project() -> None:
    document = ops.add_effect(decorated(), "c0", EffectUse("speed", {"factor": 0.3}))
    sources = sources_of(document)
    exported = export_project(document, sources, "otio")
    assert exported.not_carried == []
    assert exported.media_type == "application/json"
    imported = import_project(exported.content, resolver(sources), new_id=counter())
    assert imported.warnings == []
    assert canonical(imported.document) == canonical(document)
    # New ids come from the caller: an import never reuses the exported ones.
    assert {t.id for t in imported.document.tracks}.isdisjoint({"main", "m", "q"})


def test_a_nul_character_the_otio_writer_cuts_is_listed() -> None:
    document = ops.update_project(cuts(), name="A\x00B")
    exported = export_project(document, sources_of(document), "otio")
    assert exported.not_carried == ["name 'A\\x00B'"]


def test_text_that_is_not_unicode_is_refused_not_crashed_on() -> None:
    document = ops.update_project(cuts(), name="lone \ud800 surrogate")
    with pytest.raises(InterchangeFormatError) as raised:
        export_project(document, sources_of(document), "otio")
    assert raised.value.field == "format"


def test_unknown_media_are_named_all_together() -> None:
    document = cuts()
    sources = sources_of(document)
    exported = export_project(document, sources, "otio")
    known = {"src-c1": sources["src-c1"]}
    with pytest.raises(UnknownMediaError) as raised:
        import_project(exported.content, resolver(known))
    assert raised.value.missing == [
        "file:///library/src-c0.mp4",
        "file:///library/src-c2.mp4",
    ]
    assert raised.value.code == "UNKNOWN_MEDIA"
    assert "src-c0.mp4" in raised.value.message and "src-c2.mp4" in raised.value.message


def test_media_resolve_by_url_when_the_file_has_no_id_of_ours() -> None:
    document = cuts()
    sources = sources_of(document)
    text = export_project(document, sources, "otio").content.replace('"source_id"', '"x"')
    asked: list[tuple[str | None, str | None]] = []

    def by_url(query):  # type: ignore[no-untyped-def]
        asked.append((query.source_id, query.target_url))
        return resolver(sources)(query)

    imported = import_project(text, by_url, new_id=counter())
    assert asked[0] == (None, "file:///library/src-c0.mp4")
    assert canonical(imported.document) == canonical(document)


def test_otio_json_is_compact_so_a_large_export_fits_the_import_limit() -> None:
    document = cuts()
    for number in range(3, 300):
        document = ops.add_clip(document, clip(f"c{number}", 30))
        document = ops.add_effect(document, f"c{number}", EffectUse("blur", {"sigma": 2}))
    exported = export_project(document, sources_of(document), "otio")
    assert "\n" not in exported.content
    # The default STOAT_MAX_BODY_BYTES is 1 MiB; 300 clips with an effect each fit.
    assert len(exported.content.encode()) < 600_000
    imported = import_project(exported.content, resolver(sources_of(document)), new_id=counter())
    assert canonical(imported.document) == canonical(document)
