"""What is remembered by identity is the answer for that very object, never another's.

Each memo's key is checked by changing one thing it covers at a time: a clip's stored
text and JSON (the clip object), a timeline (the document object), a clip's answer
(the clip object, its place, its source's state and the frame rate).
"""

from __future__ import annotations

import json
from dataclasses import replace

from stoat_ferret.editing import operations as ops
from stoat_ferret.editing.document import (
    EffectUse,
    ProjectDocument,
    Track,
    Transition,
    document_from_json,
    document_json_text,
    document_to_json,
)
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.memo import IdentityMemo
from stoat_ferret.editing.schemas import ClipOut, ProjectView, clip_out
from stoat_ferret.editing.timeline import derive_timeline
from tests.editing.builders import clip as make_clip
from tests.editing.builders import empty, main_clips


def test_a_memo_answers_only_the_same_object_and_forgets_the_oldest() -> None:
    built: list[object] = []

    def build(item: EffectUse, index: int) -> tuple[str, int]:
        built.append(item)
        return (str(item.parameters["sigma"]), index)

    memo: IdentityMemo[EffectUse, tuple[str, int]] = IdentityMemo(build, size=2)
    blur = EffectUse("blur", {"sigma": 2})
    assert memo(blur, 0) == memo(blur, 0) == ("2", 0) and len(built) == 1
    assert memo(blur, 1) == ("2", 1) and len(built) == 2  # the extra arguments are keys
    equal = EffectUse("blur", {"sigma": 2})
    assert memo(equal, 0) == ("2", 0) and built[-1] is equal  # equal is not the same
    assert len(memo) == 2
    memo(blur, 0)
    assert built[-1] is blur  # (blur, 0) was the oldest entry and went


def test_stored_json_follows_every_new_clip_object() -> None:
    blurred = replace(make_clip("c1", 60), effects=(EffectUse("blur", {"sigma": 2}),))
    before = replace(empty(), tracks=(replace(empty().main_track, clips=(blurred,)),))
    data = document_to_json(before)
    trimmed = replace(blurred, out_point=50, effects=(EffectUse("blur", {"sigma": 3}),))
    after = replace(before, tracks=(replace(before.main_track, clips=(trimmed, blurred)),))
    stored = document_to_json(after)
    assert [c["out_point"] for c in stored["tracks"][0]["clips"]] == [50, 60]
    assert stored["tracks"][0]["clips"][0]["effects"][0]["parameters"] == {"sigma": 3}
    assert stored["tracks"][0]["clips"][1] == data["tracks"][0]["clips"][0]
    assert document_from_json(stored) == after and document_to_json(before) == data


def test_stored_text_is_the_stored_json_and_follows_every_new_clip_object() -> None:
    text_clip = replace(
        make_clip("c1", 60), effects=(EffectUse("text_overlay", {"text": 'a"\\:%{pts}\n😀 שלום'}),)
    )
    audio = Track("a1", MediaKind.AUDIO, "Music", -3.5, True, (make_clip("m1", 40),))
    base = replace(empty(), tracks=(replace(empty().main_track, clips=(text_clip,)), audio))
    before = replace(base, transitions=(Transition("t1", "c1", "c2", 5),))
    assert json.loads(document_json_text(before)) == document_to_json(before)
    trimmed = replace(text_clip, out_point=50)
    after = replace(before, tracks=(replace(before.main_track, clips=(trimmed, text_clip)), audio))
    stored = json.loads(document_json_text(after))
    assert stored == document_to_json(after)
    assert [c["out_point"] for c in stored["tracks"][0]["clips"]] == [50, 60]
    assert document_from_json(stored) == after
    assert json.loads(document_json_text(before)) == document_to_json(before)


def test_stored_text_follows_every_new_transitions_tuple() -> None:
    document = main_clips(30, 40, 50)
    first, second, third = (clip.id for clip in document.main_track.clips)
    joined = ops.add_transition(document, Transition("t1", first, second, 5))
    longer = replace(joined, transitions=(Transition("t1", first, second, 7),))  # equal ids
    both = ops.add_transition(longer, Transition("t2", second, third, 4))
    trimmed = ops.update_clip(both, third, out_point=45)  # keeps the transitions tuple
    assert trimmed.transitions is both.transitions
    unjoined = ops.remove_transition(trimmed, "t1")
    for each in (document, joined, longer, both, trimmed, unjoined, joined):
        assert json.loads(document_json_text(each)) == document_to_json(each)
    stored = json.loads(document_json_text(unjoined))["transitions"]
    assert [(t["id"], t["duration"]) for t in stored] == [("t2", 4)]


def test_a_timeline_is_remembered_for_its_own_document_only() -> None:
    document = main_clips(30, 40)
    timeline = derive_timeline(document)
    assert derive_timeline(document) is timeline  # the same document: looked up
    trimmed = ops.update_clip(document, "c0", out_point=10)
    assert [p.end_frame for p in derive_timeline(trimmed).tracks[0].clips] == [10, 50]
    equal = replace(document)  # equal, but another object: derived afresh, the same places
    assert derive_timeline(equal) is not timeline and derive_timeline(equal) == timeline
    assert [p.end_frame for p in derive_timeline(document).tracks[0].clips] == [30, 70]


def test_a_clip_answer_follows_its_place_its_source_and_the_frame_rate() -> None:
    document = main_clips(30, 40, 50)
    second = document.main_track.clips[1]

    def answer(doc: ProjectDocument, missing: frozenset[str] = frozenset()) -> ClipOut:
        assert any(c is second for c in doc.main_track.clips)  # the very object, always
        view = ProjectView(None, doc, derive_timeline(doc), missing)  # type: ignore[arg-type]
        return clip_out(view, second.id)

    first = answer(document)
    assert (first.index, first.timeline_position, first.source_missing) == (1, 30, False)
    assert answer(document) is first  # nothing it shows changed: the same answer
    shorter = ops.update_clip(document, "c0", out_point=10)
    assert (answer(shorter).index, answer(shorter).timeline_position) == (1, 10)
    moved = ops.update_clip(document, "c2", index=0)
    assert (answer(moved).index, answer(moved).timeline_position) == (2, 80)
    gone = answer(document, frozenset({second.source_id}))
    assert gone.source_missing and not answer(document).source_missing
    at_60 = replace(document, settings=replace(document.settings, output_fps=60))
    assert answer(at_60).timeline_position_s == 0.5 and first.timeline_position_s == 1.0
    assert (first.index, first.timeline_position, first.source_missing) == (1, 30, False)
