"""Property tests over random edit sequences: the timeline invariants always hold, a
refused edit changes nothing, and the kept documents are an exact undo history."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from stoat_ferret.editing import operations as ops
from stoat_ferret.editing.document import (
    EffectUse,
    ProjectDocument,
    Track,
    Transition,
    document_from_json,
    document_to_json,
)
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.errors import (
    EditRuleError,
    EditTargetNotFoundError,
    MainTrackRequiredError,
)
from stoat_ferret.editing.timeline import DerivedTimeline, clip_length, derive_timeline
from stoat_ferret.editing.validation import validate_document
from tests.editing.builders import clip, empty

Edit = Callable[[ProjectDocument], ProjectDocument]
REFUSALS = (EditRuleError, EditTargetNotFoundError, MainTrackRequiredError)


def _clip_ids(document: ProjectDocument, track: int | None = None) -> list[str]:
    tracks = document.tracks if track is None else document.tracks[track : track + 1]
    return [c.id for t in tracks for c in t.clips]


def draw_edit(data: st.DataObject, document: ProjectDocument, ids: itertools.count[int]) -> Edit:
    """One random edit that makes sense for ``document`` (it may still be refused)."""
    kind = data.draw(
        st.sampled_from(
            [
                *("add_main", "add_main", "add_main", "add_main", "add_audio", "trim"),
                *("move", "remove_clip", "speed", "volume", "remove_effect"),
                *("transition", "transition", "transition", "remove_transition"),
                *("track", "remove_track", "position"),
            ]
        )
    )
    new_id = f"x{next(ids)}"
    any_clip = data.draw(st.sampled_from(_clip_ids(document) or ["missing"]))
    main_ids = _clip_ids(document, 0)
    audio_tracks = [t.id for t in document.tracks[1:]]
    frames = st.integers(1, 60)
    if kind == "add_main":
        length, start = data.draw(frames), data.draw(st.integers(0, 30))
        index = data.draw(st.none() | st.integers(0, len(main_ids) + 1))
        return lambda d: ops.add_clip(
            d, clip(new_id, length, in_point=start, source=90), index=index
        )
    if kind == "add_audio":
        track = data.draw(st.sampled_from(audio_tracks or ["missing"]))
        length, where = data.draw(frames), data.draw(st.integers(0, 200))
        return lambda d: ops.add_clip(
            d, clip(new_id, length, timeline_position=where), track_id=track
        )
    if kind == "trim":
        cut_in, cut_out = data.draw(st.integers(-2, 95)), data.draw(st.integers(-2, 95))
        return lambda d: ops.update_clip(d, any_clip, in_point=cut_in, out_point=cut_out)
    if kind == "move":
        index = data.draw(st.integers(-1, len(main_ids)))
        return lambda d: ops.update_clip(d, any_clip, index=index)
    if kind == "position":
        where = data.draw(st.integers(-5, 200))
        return lambda d: ops.update_clip(d, any_clip, timeline_position=where)
    if kind == "remove_clip":
        return lambda d: ops.remove_clip(d, any_clip)
    if kind == "speed":
        factor = data.draw(st.sampled_from([0.25, 0.3, 0.5, 1.5, 2, 3, 4, 5]))
        return lambda d: ops.add_effect(d, any_clip, EffectUse("speed", {"factor": factor}))
    if kind == "volume":
        gain = data.draw(st.integers(-70, 30))
        return lambda d: ops.add_effect(d, any_clip, EffectUse("volume", {"gain_db": gain}))
    if kind == "remove_effect":
        index = data.draw(st.integers(0, 2))
        return lambda d: ops.remove_effect(d, any_clip, index)
    if kind == "transition":
        first = data.draw(st.integers(0, max(0, len(main_ids) - 1)))
        second = first + data.draw(st.sampled_from([1, 1, 1, 2]))
        padded = [*main_ids, "missing", "missing", "missing"]
        pair = padded[first], padded[second]
        duration = data.draw(st.integers(1, 8) | st.integers(0, 40))
        return lambda d: ops.add_transition(d, Transition(new_id, pair[0], pair[1], duration))
    if kind == "remove_transition":
        target = data.draw(st.sampled_from([t.id for t in document.transitions] or ["missing"]))
        return lambda d: ops.remove_transition(d, target)
    if kind == "track":
        return lambda d: ops.add_track(d, Track(new_id, MediaKind.AUDIO, "A"))
    target = data.draw(st.sampled_from([t.id for t in document.tracks]))
    return lambda d: ops.remove_track(d, target)


def check_invariants(document: ProjectDocument, timeline: DerivedTimeline) -> None:
    main = document.main_track.clips
    overlap = {(t.from_clip_id, t.to_clip_id): t.duration for t in document.transitions}
    placed = timeline.tracks[0].clips
    assert [p.clip_id for p in placed] == [c.id for c in main]
    expected_start = 0
    for position, (clip_, where) in enumerate(zip(main, placed, strict=True)):
        if position:
            expected_start -= overlap.get((main[position - 1].id, clip_.id), 0)
        # start = sum of the earlier clips' lengths minus the transition overlaps
        assert where.start_frame == expected_start
        assert where.end_frame - where.start_frame == clip_length(clip_) >= 1
        expected_start += clip_length(clip_)
    consecutive = {(a.id, b.id) for a, b in itertools.pairwise(main)}
    assert set(overlap) <= consecutive
    for track in timeline.tracks[1:]:
        for before, after in itertools.pairwise(track.clips):
            assert before.end_frame <= after.start_frame
    ends = [p.end_frame for t in timeline.tracks for p in t.clips]
    assert timeline.duration_frames == max(ends, default=0)
    assert timeline.duration_s == timeline.duration_frames / document.settings.output_fps


@given(st.data())
@settings(max_examples=150, deadline=None)
def test_random_edit_sequences_keep_every_rule(data: st.DataObject) -> None:
    ids = itertools.count()
    document = empty()
    # Start from a few main-track clips so transitions have pairs to join early on.
    for length in data.draw(st.lists(st.integers(1, 60), max_size=4)):
        document = ops.add_clip(document, clip(f"x{next(ids)}", length))
    history: list[tuple[ProjectDocument, dict[str, Any], DerivedTimeline]] = [
        (document, document_to_json(document), derive_timeline(document))
    ]
    for _ in range(data.draw(st.integers(1, 40))):
        edit = draw_edit(data, document, ids)
        before = document_to_json(document)
        try:
            document = edit(document)
        except REFUSALS as error:
            event(f"refused: {type(error).__name__}")
            # A refused edit changes nothing.
            assert document_to_json(document) == before
            assert document == history[-1][0]
            continue
        event(f"accepted, {len(document.transitions)} transitions")
        timeline = validate_document(document)
        assert timeline == derive_timeline(document)
        check_invariants(document, timeline)
        history.append((document, document_to_json(document), timeline))
    # Undo: every kept document is exactly the document of its step, untouched by later
    # edits, and restoring it (from its stored JSON too) gives the same timeline.
    for kept, snapshot, timeline in history:
        assert document_to_json(kept) == snapshot
        restored = document_from_json(snapshot)
        assert restored == kept
        assert derive_timeline(restored) == timeline
