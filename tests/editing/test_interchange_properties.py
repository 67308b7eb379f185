"""Round trips over random valid documents: export -> import gives the same document,
and every installed format exports without failing, listing what it lost."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from stoat_ferret.editing import operations as ops
from stoat_ferret.editing.document import EffectUse, ProjectDocument, Transition
from stoat_ferret.editing.interchange import (
    InterchangeFormatError,
    available_formats,
    export_project,
    import_project,
)
from stoat_ferret.editing.transitions import XFADE_TRANSITIONS
from tests.editing.builders import clip, empty
from tests.editing.interchange_support import canonical, counter, resolver, sources_of
from tests.editing.test_timeline_properties import REFUSALS, draw_edit

# OTIO's JSON writer cuts a string at a NUL character (a C string): such text is not
# carried, and the export says so; a lone surrogate is refused (test_interchange.py).
# Here every text is carried.
TEXT = st.text(
    st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=20,
)


def _extra_edit(data: st.DataObject, document: ProjectDocument) -> ProjectDocument:
    """Edits the timeline property test does not make: names, curves, windows, volumes."""
    kind = data.draw(st.sampled_from(["blur", "text", "track", "project", "transition"]))
    clip_ids = [c.id for t in document.tracks for c in t.clips] or ["missing"]
    target = data.draw(st.sampled_from(clip_ids))
    if kind == "blur":
        start = data.draw(st.none() | st.integers(0, 5))
        effect = EffectUse("blur", {"sigma": data.draw(st.integers(1, 20))}, start, None)
        return ops.add_effect(document, target, effect)
    if kind == "text":
        text = data.draw(TEXT)
        return ops.add_effect(document, target, EffectUse("text_overlay", {"text": text}))
    if kind == "track":
        track = data.draw(st.sampled_from([t.id for t in document.tracks]))
        volume = data.draw(st.integers(-60, 12) | st.floats(-60, 12))
        return ops.update_track(document, track, volume_db=volume, muted=data.draw(st.booleans()))
    if kind == "project":
        return ops.update_project(
            document,
            name=data.draw(TEXT),
            output_width=data.draw(st.integers(8, 3840)) * 2,
            sample_rate=data.draw(st.sampled_from([44100, 48000])),
        )
    main = document.main_track.clips
    if len(main) < 2:
        return document
    first = data.draw(st.integers(0, len(main) - 2))
    transition = Transition(
        f"t{len(document.transitions)}-{first}",
        main[first].id,
        main[first + 1].id,
        data.draw(st.integers(1, 6)),
        data.draw(st.sampled_from(sorted(XFADE_TRANSITIONS))),
        data.draw(st.sampled_from(["tri", "qsin", "log"])),
    )
    return ops.add_transition(document, transition)


def random_document(data: st.DataObject) -> ProjectDocument:
    ids = itertools.count()
    fps = data.draw(st.sampled_from([24, 25, 30, 60]))
    document = empty(fps)
    for length in data.draw(st.lists(st.integers(1, 60), min_size=1, max_size=4)):
        document = ops.add_clip(document, clip(f"x{next(ids)}", length))
    for _ in range(data.draw(st.integers(0, 25))):
        try:
            if data.draw(st.integers(0, 3)) == 0:
                document = _extra_edit(data, document)
            else:
                document = draw_edit(data, document, ids)(document)
        except REFUSALS:
            continue
    return document


@given(st.data())
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_otio_round_trip_gives_back_the_same_document(data: st.DataObject) -> None:
    document = random_document(data)
    event(f"{len(document.transitions)} transitions, {len(document.tracks)} tracks")
    sources = sources_of(document)
    exported = export_project(document, sources, "otio")
    assert exported.not_carried == []
    imported = import_project(exported.content, resolver(sources), new_id=counter())
    assert imported.warnings == []
    assert canonical(imported.document) == canonical(document)


@given(st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_format_exports_random_documents_and_keeps_the_cuts(data: st.DataObject) -> None:
    document = random_document(data)
    sources = sources_of(document)
    for name in available_formats():
        try:
            exported = export_project(document, sources, name)
        except InterchangeFormatError as error:
            # The EDL adapter cannot write a timeline without video clips.
            assert not document.main_track.clips, error.message
            event(f"{name}: refused an empty main track")
            continue
        assert exported.content
        # The main track's cuts (media, in point, length) survive every format: only
        # effects, names, transitions' kinds and other tracks may be listed as lost.
        main_clips = {f"clips[{c.id}] (" for c in document.main_track.clips}
        assert not [line for line in exported.not_carried if line.startswith(tuple(main_clips))]
