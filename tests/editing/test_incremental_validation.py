"""An edit checks what it changed: unchanged clip objects are not validated again.

(The editing benchmark's 500-clip project spent most of every edit re-checking 500
effects against their JSON Schemas.)
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from stoat_ferret.editing import operations as ops
from stoat_ferret.editing.document import EffectUse, ProjectDocument
from stoat_ferret.editing.errors import EditRuleError
from stoat_ferret.editing.schemas import ProjectView, clip_out, clips_of
from stoat_ferret.editing.timeline import derive_timeline
from stoat_ferret.editing.validation import validate_document
from tests.editing.builders import clip, main_clips


def with_stale_effect(document: ProjectDocument) -> ProjectDocument:
    """``document`` with a blur whose ``sigma`` today's schema refuses, on clip ``c0``.

    Built around the rules (as a document stored under older rules would be), so only
    a check of ``c0`` can find it.
    """
    track = document.main_track
    stale = replace(track.clips[0], effects=(EffectUse("blur", {"sigma": 10_000}),))
    tracks = (replace(track, clips=(stale, *track.clips[1:])), *document.tracks[1:])
    return replace(document, tracks=tracks)


def test_unchanged_clips_are_not_checked_again_changed_ones_are() -> None:
    stored = with_stale_effect(main_clips(30, 30, 30))
    with pytest.raises(EditRuleError) as raised:
        validate_document(stored)
    assert raised.value.field.startswith("clips[c0].effects[0]")
    # An edit of c2 leaves the c0 object as it was: only c2 is checked.
    edited = ops.update_clip(stored, "c2", out_point=20)
    assert edited.main_track.clips[0] is stored.main_track.clips[0]
    # Editing c0 itself checks it, and its stale effect is refused.
    with pytest.raises(EditRuleError) as again:
        ops.update_clip(stored, "c0", out_point=20)
    assert again.value.field.startswith("clips[c0].effects[0]")


def test_a_new_frame_rate_checks_every_clip_again() -> None:
    stored = with_stale_effect(main_clips(30, 30))
    with pytest.raises(EditRuleError):
        validate_document(replace(stored, settings=replace(stored.settings, output_fps=25)),
                          valid=stored)  # fmt: skip


def test_document_wide_rules_are_always_checked() -> None:
    document = main_clips(30, 30)
    twice = ops.add_clip(document, clip("c9", 10))
    track = twice.main_track
    duplicate = replace(track, clips=(*track.clips, track.clips[0]))
    with pytest.raises(EditRuleError) as raised:
        validate_document(replace(twice, tracks=(duplicate,)), valid=twice)
    assert raised.value.field == "clips[c0].id"


def test_one_clip_answer_equals_its_entry_in_the_whole_list() -> None:
    document = ops.add_clip(main_clips(30, 40, 50), clip("c3", 20))
    timeline = derive_timeline(document)
    view = ProjectView(None, document, timeline, frozenset())  # type: ignore[arg-type]
    listed = {entry.id: entry for entry in clips_of(view)}
    for clip_id in ("c0", "c2", "c3"):
        assert clip_out(view, clip_id) == listed[clip_id]
        assert timeline.placement(clip_id).start_frame == listed[clip_id].timeline_position
    with pytest.raises(KeyError):
        timeline.placement("nope")
