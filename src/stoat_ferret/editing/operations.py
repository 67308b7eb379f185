"""Edits of a project document: pure functions, old document in, new document out.

Each operation (SPEC §9's ``add_clip`` ... ``update_project``) builds a new document and
runs :func:`~stoat_ferret.editing.validation.validate_document` on it before returning
it. Documents are immutable, so an edit that raises has changed nothing, and a list of
the documents an edit sequence produced is its complete undo history.

Ids of new objects are chosen by the caller (the service), which keeps these pure.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from stoat_ferret.editing.document import Clip, EffectUse, ProjectDocument, Track, Transition
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.errors import (
    EditTargetNotFoundError,
    MainTrackRequiredError,
    TimelineRuleError,
)
from stoat_ferret.editing.transitions import XFADE_TRANSITIONS
from stoat_ferret.editing.validation import validate_document

__all__ = [
    "add_clip",
    "add_effect",
    "add_track",
    "add_transition",
    "remove_clip",
    "remove_effect",
    "remove_track",
    "remove_transition",
    "update_clip",
    "update_effect",
    "update_project",
    "update_track",
]


def _checked(document: ProjectDocument, before: ProjectDocument) -> ProjectDocument:
    """``document`` once valid; ``before`` (valid) is what the edit changed."""
    validate_document(document, valid=before)
    return document


def _track_index(document: ProjectDocument, track_id: str) -> int:
    for position, track in enumerate(document.tracks):
        if track.id == track_id:
            return position
    raise EditTargetNotFoundError("track_id", f"no track {track_id[:60]!r} in this project")


def _find_clip(document: ProjectDocument, clip_id: str) -> tuple[int, int]:
    for track_position, track in enumerate(document.tracks):
        for clip_position, clip in enumerate(track.clips):
            if clip.id == clip_id:
                return track_position, clip_position
    raise EditTargetNotFoundError("clip_id", f"no clip {clip_id[:60]!r} in this project")


def _with_track(document: ProjectDocument, position: int, track: Track) -> ProjectDocument:
    tracks = list(document.tracks)
    tracks[position] = track
    return replace(document, tracks=tuple(tracks))


def _sorted_clips(track: Track, clips: list[Clip]) -> tuple[Clip, ...]:
    # Audio clips are kept in position order so equal edits give equal documents.
    if track.kind is MediaKind.AUDIO:
        clips.sort(key=lambda clip: (clip.timeline_position or 0, clip.id))
    return tuple(clips)


def _check_index(index: int, highest: int) -> None:
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= highest:
        raise TimelineRuleError("index", f"{index!r} is outside 0..{highest}")


def add_clip(
    document: ProjectDocument, clip: Clip, *, track_id: str | None = None, index: int | None = None
) -> ProjectDocument:
    """Add ``clip``: appended to the main track by default, or at ``index`` there.

    On an audio track the clip plays at its ``timeline_position``; ``index`` is only for
    the main track.
    """
    position = 0 if track_id is None else _track_index(document, track_id)
    track = document.tracks[position]
    clips = list(track.clips)
    if index is not None:
        if position != 0:
            raise TimelineRuleError("index", "only main-track clips have an index")
        _check_index(index, len(clips))
        clips.insert(index, clip)
    else:
        clips.append(clip)
    new_track = replace(track, clips=_sorted_clips(track, clips))
    return _checked(_with_track(document, position, new_track), document)


def update_clip(
    document: ProjectDocument,
    clip_id: str,
    *,
    in_point: int | None = None,
    out_point: int | None = None,
    index: int | None = None,
    timeline_position: int | None = None,
) -> ProjectDocument:
    """Trim (``in_point``/``out_point``) or move a clip; ``None`` leaves a field as it is.

    A move on the main track that separates two clips joined by a transition is refused
    (remove the transition first); later clips ripple with every change of length.
    """
    track_position, clip_position = _find_clip(document, clip_id)
    track = document.tracks[track_position]
    clip = track.clips[clip_position]
    if timeline_position is not None and track_position == 0:
        raise TimelineRuleError("timeline_position", "is derived on the main track; use index")
    clips = list(track.clips)
    clips[clip_position] = replace(
        clip,
        in_point=clip.in_point if in_point is None else in_point,
        out_point=clip.out_point if out_point is None else out_point,
        timeline_position=(
            clip.timeline_position if timeline_position is None else timeline_position
        ),
    )
    if index is not None:
        if track_position != 0:
            raise TimelineRuleError("index", "only main-track clips have an index")
        _check_index(index, len(clips) - 1)
        clips.insert(index, clips.pop(clip_position))
    new_track = replace(track, clips=_sorted_clips(track, clips))
    return _checked(_with_track(document, track_position, new_track), document)


def remove_clip(document: ProjectDocument, clip_id: str) -> ProjectDocument:
    """Remove a clip and its transitions; later main-track clips move back."""
    track_position, clip_position = _find_clip(document, clip_id)
    track = document.tracks[track_position]
    clips = track.clips[:clip_position] + track.clips[clip_position + 1 :]
    kept = tuple(t for t in document.transitions if clip_id not in (t.from_clip_id, t.to_clip_id))
    new = _with_track(document, track_position, replace(track, clips=clips))
    return _checked(replace(new, transitions=kept), document)


def _with_effects(
    document: ProjectDocument, clip_id: str, effects: tuple[EffectUse, ...]
) -> ProjectDocument:
    track_position, clip_position = _find_clip(document, clip_id)
    track = document.tracks[track_position]
    clips = list(track.clips)
    clips[clip_position] = replace(clips[clip_position], effects=effects)
    return _checked(
        _with_track(document, track_position, replace(track, clips=tuple(clips))), document
    )


def _effects_of(document: ProjectDocument, clip_id: str) -> tuple[EffectUse, ...]:
    track_position, clip_position = _find_clip(document, clip_id)
    return document.tracks[track_position].clips[clip_position].effects


def _check_effect_index(effects: tuple[EffectUse, ...], index: int) -> None:
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(effects):
        raise EditTargetNotFoundError("index", f"the clip has no effect {index!r}")


def add_effect(document: ProjectDocument, clip_id: str, effect: EffectUse) -> ProjectDocument:
    """Append an effect to a clip (the order of effects is the filter order)."""
    return _with_effects(document, clip_id, (*_effects_of(document, clip_id), effect))


def update_effect(
    document: ProjectDocument, clip_id: str, index: int, effect: EffectUse
) -> ProjectDocument:
    """Replace the clip's effect at ``index``."""
    effects = list(_effects_of(document, clip_id))
    _check_effect_index(tuple(effects), index)
    effects[index] = effect
    return _with_effects(document, clip_id, tuple(effects))


def remove_effect(document: ProjectDocument, clip_id: str, index: int) -> ProjectDocument:
    """Remove the clip's effect at ``index``."""
    effects = _effects_of(document, clip_id)
    _check_effect_index(effects, index)
    return _with_effects(document, clip_id, effects[:index] + effects[index + 1 :])


def add_transition(
    document: ProjectDocument,
    transition: Transition,
    *,
    transition_names: Collection[str] = XFADE_TRANSITIONS,
) -> ProjectDocument:
    """Join two consecutive main-track clips; ``transition_names`` are the allowed names."""
    new = replace(document, transitions=(*document.transitions, transition))
    if transition.name not in transition_names:
        raise TimelineRuleError(
            f"transitions[{transition.id}].name",
            f"{transition.name[:60]!r} is not an xfade transition of this ffmpeg",
        )
    return _checked(new, document)


def remove_transition(document: ProjectDocument, transition_id: str) -> ProjectDocument:
    """Remove a transition; the later clips move back by its duration."""
    kept = tuple(t for t in document.transitions if t.id != transition_id)
    if len(kept) == len(document.transitions):
        raise EditTargetNotFoundError(
            "transition_id", f"no transition {transition_id[:60]!r} in this project"
        )
    return _checked(replace(document, transitions=kept), document)


def add_track(document: ProjectDocument, track: Track) -> ProjectDocument:
    """Add an audio track (after the others)."""
    return _checked(replace(document, tracks=(*document.tracks, track)), document)


def update_track(
    document: ProjectDocument,
    track_id: str,
    *,
    name: str | None = None,
    volume_db: float | None = None,
    muted: bool | None = None,
) -> ProjectDocument:
    """Rename a track or change its volume or mute; ``None`` leaves a field as it is."""
    position = _track_index(document, track_id)
    track = document.tracks[position]
    new_track = replace(
        track,
        name=track.name if name is None else name,
        volume_db=track.volume_db if volume_db is None else volume_db,
        muted=track.muted if muted is None else muted,
    )
    return _checked(_with_track(document, position, new_track), document)


def remove_track(document: ProjectDocument, track_id: str) -> ProjectDocument:
    """Remove an audio track with its clips (the main track stays)."""
    position = _track_index(document, track_id)
    if position == 0:
        raise MainTrackRequiredError(track_id)
    tracks = document.tracks[:position] + document.tracks[position + 1 :]
    return _checked(replace(document, tracks=tracks), document)


def update_project(
    document: ProjectDocument,
    *,
    name: str | None = None,
    output_width: int | None = None,
    output_height: int | None = None,
    output_fps: int | None = None,
    sample_rate: int | None = None,
) -> ProjectDocument:
    """Change the output settings; ``None`` leaves a field as it is.

    Every time field is in frames at ``output_fps``, so changing the frame rate of a
    project that has clips would silently move them; it is refused instead.
    """
    settings = document.settings
    if (
        output_fps is not None
        and output_fps != settings.output_fps
        and any(track.clips for track in document.tracks)
    ):
        raise TimelineRuleError(
            "output_fps", "cannot change the frame rate of a project that has clips"
        )
    new_settings = replace(
        settings,
        name=settings.name if name is None else name,
        output_width=settings.output_width if output_width is None else output_width,
        output_height=settings.output_height if output_height is None else output_height,
        output_fps=settings.output_fps if output_fps is None else output_fps,
        sample_rate=settings.sample_rate if sample_rate is None else sample_rate,
    )
    return _checked(replace(document, settings=new_settings), document)
