"""What is remembered by identity is the answer for that very object, never another's."""

from __future__ import annotations

from dataclasses import replace

from stoat_ferret.editing.document import EffectUse, document_from_json, document_to_json
from stoat_ferret.editing.memo import IdentityMemo
from tests.editing.builders import clip as make_clip
from tests.editing.builders import empty


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
