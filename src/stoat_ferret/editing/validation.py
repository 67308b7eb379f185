"""Every bound of SPEC §9 "Validation" that the document alone can tell.

:func:`validate_document` raises :class:`~stoat_ferret.editing.errors.TimelineRuleError`
(or ``EffectParameterError``) naming the offending field, e.g. ``clips[c3].out_point``,
and hands back the derived timeline it had to compute anyway (overlaps and transitions
are rules about where clips play). Pure functions only, like :mod:`.timeline`.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator
from typing import Any

from stoat_ferret.editing.document import Clip, EffectUse, ProjectDocument, Track, Transition
from stoat_ferret.editing.effects import (
    AUDIO_CURVES,
    BuildContext,
    EffectDefinition,
    MediaKind,
    get_effect,
)
from stoat_ferret.editing.errors import EditRuleError, TimelineRuleError
from stoat_ferret.editing.timeline import (
    DerivedTimeline,
    clip_length,
    derive_timeline,
)

__all__ = ["validate_document"]


def _fail(field: str, message: str) -> TimelineRuleError:
    return TimelineRuleError(field, message)


def _integer(field: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(field, f"must be an integer, not {type(value).__name__}")
    if not low <= value <= high:
        raise _fail(field, f"{value} is outside {low}..{high}")
    return value


def _text(field: str, value: object, longest: int) -> None:
    if not isinstance(value, str) or not 1 <= len(value) <= longest:
        raise _fail(field, f"must be 1 to {longest} characters")


def _validate_settings(document: ProjectDocument) -> None:
    settings = document.settings
    _text("name", settings.name, 200)
    for field, value, high in (
        ("output_width", settings.output_width, 7680),
        ("output_height", settings.output_height, 4320),
    ):
        if _integer(field, value, 16, high) % 2:
            raise _fail(field, f"{value} must be even")
    _integer("output_fps", settings.output_fps, 1, 120)
    if settings.sample_rate not in (44100, 48000):
        raise _fail("sample_rate", f"{settings.sample_rate} is not 44100 or 48000")


def _validate_tracks(document: ProjectDocument) -> None:
    if not document.tracks or document.main_track.kind is not MediaKind.VIDEO:
        raise _fail("tracks", "the first track must be the main video track")
    seen: set[str] = set()
    for position, track in enumerate(document.tracks):
        field = f"tracks[{track.id}]"
        if track.id in seen:
            raise _fail(f"{field}.id", "is used twice")
        seen.add(track.id)
        if position and track.kind is not MediaKind.AUDIO:
            raise _fail(f"{field}.kind", "only audio tracks can be added to a project")
        _text(f"{field}.name", track.name, 100)
        volume = track.volume_db
        if isinstance(volume, bool) or not isinstance(volume, int | float):
            raise _fail(f"{field}.volume_db", "must be a number")
        if not -60 <= volume <= 12:
            raise _fail(f"{field}.volume_db", f"{volume} is outside -60..12")
        if not isinstance(track.muted, bool):
            raise _fail(f"{field}.muted", "must be true or false")


def _all_clips(document: ProjectDocument) -> Iterator[tuple[Track, Clip]]:
    for track in document.tracks:
        for clip in track.clips:
            yield track, clip


def _definition(field: str, effect: EffectUse) -> EffectDefinition:
    try:
        return get_effect(effect.effect_type)
    except EditRuleError as error:
        raise error.relocated(field) from None


def _validate_effect(field: str, effect: EffectUse, track: Track, length: int, fps: int) -> None:
    definition = _definition(field, effect)
    if track.kind not in definition.track_kinds:
        raise _fail(
            f"{field}.effect_type",
            f"{effect.effect_type} does not apply to clips on a {track.kind} track",
        )
    window: tuple[int, int] | None = None
    if effect.start is not None or effect.end is not None:
        if not definition.supports_window:
            raise _fail(f"{field}.start", f"{effect.effect_type} applies to the whole clip")
        start = _integer(f"{field}.start", effect.start or 0, 0, length - 1)
        end = _integer(f"{field}.end", length if effect.end is None else effect.end, 1, length)
        if end <= start:
            raise _fail(f"{field}.end", f"{end} must be after start {start}")
        window = (start, end)
    context = BuildContext(fps=fps, clip_frames=length, window=window)
    try:
        definition.filter_string(effect.parameters, context)
    except EditRuleError as error:
        raise error.relocated(field) from None


def _validate_clip(track: Track, clip: Clip, fps: int) -> None:
    field = f"clips[{clip.id}]"
    source = _integer(f"{field}.source_frames", clip.source_frames, 1, 10**9)
    in_point = _integer(f"{field}.in_point", clip.in_point, 0, source - 1)
    _integer(f"{field}.out_point", clip.out_point, in_point + 1, source)
    if track.kind is MediaKind.AUDIO:
        if clip.timeline_position is None:
            raise _fail(f"{field}.timeline_position", "is required on an audio track")
        _integer(f"{field}.timeline_position", clip.timeline_position, 0, 10**9)
    elif clip.timeline_position is not None:
        raise _fail(f"{field}.timeline_position", "is derived on the main track; use index")
    definitions = [_definition(f"{field}.effects[{i}]", e) for i, e in enumerate(clip.effects)]
    speeds = [i for i, definition in enumerate(definitions) if definition.speed_factor]
    if len(speeds) > 1:
        raise _fail(f"{field}.effects[{speeds[1]}]", "a clip has at most one speed effect")
    length = clip_length(clip)
    for index, effect in enumerate(clip.effects):
        _validate_effect(f"{field}.effects[{index}]", effect, track, length, fps)


def _validate_audio_overlaps(timeline: DerivedTimeline) -> None:
    for track in timeline.tracks[1:]:
        for before, after in itertools.pairwise(track.clips):
            if after.start_frame < before.end_frame:
                raise _fail(
                    f"clips[{after.clip_id}].timeline_position",
                    f"clip {after.clip_id} at frame {after.start_frame} overlaps clip "
                    f"{before.clip_id}, which plays until frame {before.end_frame}",
                )


def _validate_transition(
    transition: Transition, order: dict[str, int], names: Collection[str] | None
) -> None:
    field = f"transitions[{transition.id}]"
    for side, clip_id in (
        ("from_clip_id", transition.from_clip_id),
        ("to_clip_id", transition.to_clip_id),
    ):
        if clip_id not in order:
            raise _fail(f"{field}.{side}", f"{clip_id!r} is not a clip of the main track")
    if order[transition.to_clip_id] != order[transition.from_clip_id] + 1:
        raise _fail(
            f"{field}.to_clip_id", "a transition joins a main-track clip to the one right after it"
        )
    _integer(f"{field}.duration", transition.duration, 1, 10**9)
    if names is not None and transition.name not in names:
        raise _fail(f"{field}.name", f"{transition.name[:60]!r} is not an xfade transition")
    if transition.audio_curve not in AUDIO_CURVES:
        raise _fail(f"{field}.audio_curve", f"{transition.audio_curve[:60]!r} is not a curve")


def _validate_transitions(
    document: ProjectDocument, timeline: DerivedTimeline, names: Collection[str] | None
) -> None:
    main = document.main_track.clips
    order = {clip.id: index for index, clip in enumerate(main)}
    # The main track's placements are in clip order and hold each clip's length.
    lengths = [placed.length_frames for placed in timeline.tracks[0].clips]
    seen_ids: set[str] = set()
    overlap_in = [0] * len(main)
    overlap_out = [0] * len(main)
    by_pair: dict[str, Transition] = {}
    for transition in document.transitions:
        if transition.id in seen_ids:
            raise _fail(f"transitions[{transition.id}].id", "is used twice")
        seen_ids.add(transition.id)
        _validate_transition(transition, order, names)
        if transition.from_clip_id in by_pair:
            raise _fail(
                f"transitions[{transition.id}].from_clip_id",
                f"clips {transition.from_clip_id} and {transition.to_clip_id} already have "
                f"transition {by_pair[transition.from_clip_id].id}",
            )
        by_pair[transition.from_clip_id] = transition
        overlap_out[order[transition.from_clip_id]] = transition.duration
        overlap_in[order[transition.to_clip_id]] = transition.duration
    # Newest first: when a clip's two transitions do not fit, the later-added one is
    # named, which is the one the failing edit most likely just made.
    for transition in reversed(document.transitions):
        for clip_index in (order[transition.from_clip_id], order[transition.to_clip_id]):
            total = overlap_in[clip_index] + overlap_out[clip_index]
            if total >= lengths[clip_index]:
                raise _fail(
                    f"transitions[{transition.id}].duration",
                    f"{transition.duration} frames is too long: clip {main[clip_index].id} "
                    f"lasts {lengths[clip_index]} frames on the timeline and its transitions "
                    f"would take {total} (at least one frame must play on its own)",
                )


def _unchanged_clips(document: ProjectDocument, valid: ProjectDocument | None) -> dict[int, Any]:
    """The clips of ``valid`` by identity, with their track's kind (same frame rate only)."""
    if valid is None or valid.settings.output_fps != document.settings.output_fps:
        return {}
    return {id(clip): track.kind for track in valid.tracks for clip in track.clips}


def validate_document(
    document: ProjectDocument,
    *,
    transition_names: Collection[str] | None = None,
    valid: ProjectDocument | None = None,
) -> DerivedTimeline:
    """Check every rule of SPEC §9 "Validation" that the document alone can tell.

    ``transition_names`` (e.g. :data:`XFADE_TRANSITIONS`, or what the local ffmpeg
    lists) is checked only when given: a name is checked when it is chosen, so a stored
    project stays editable on an ffmpeg that lists other names.

    ``valid`` is a document known to be valid that ``document`` was made from (the one
    an edit changed). A clip is immutable and its rules depend only on itself, its
    track's kind and the frame rate, so a clip object of ``valid`` on a track of the same
    kind is not checked again: an edit of one clip of 500 checks that clip, not 500
    clips' effect parameters against their JSON Schemas. The document-wide rules (ids,
    overlaps, transitions) are always checked.

    The source's existence and ``missing`` state are not in the document: the service
    checks them before it builds the clip.

    Returns:
        the derived timeline of the (valid) document.

    Raises:
        EditRuleError: a ``TimelineRuleError`` or ``EffectParameterError`` naming the field.
    """
    _validate_settings(document)
    _validate_tracks(document)
    fps = document.settings.output_fps
    unchanged = _unchanged_clips(document, valid)
    seen: set[str] = set()
    for track, clip in _all_clips(document):
        if clip.id in seen:
            raise _fail(f"clips[{clip.id}].id", "is used twice")
        seen.add(clip.id)
        if unchanged.get(id(clip)) is not track.kind:
            _validate_clip(track, clip, fps)
    timeline = derive_timeline(document)
    _validate_audio_overlaps(timeline)
    _validate_transitions(document, timeline, transition_names)
    return timeline
