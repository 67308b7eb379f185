"""
Request operations applied to a document: the twelve edits, one by one, all or nothing.

Pure: :func:`apply_operations` takes the document, the operations (the request models
of :mod:`.requests`), what the service looked up about their sources, and an id maker,
and returns the new document or raises. Documents are immutable, so a batch that fails
at its fourth operation has changed nothing.

Errors name the field of the *request*: the editing core names document paths
(``clips[<id>].effects[0].parameters.font_size``); for the object an operation targets
that prefix is dropped (``parameters.font_size``), and in a batch the operation's place
is put in front (``operations[3].out_point``). A batch also answers 422, not 404, for an
id that is not in the project, because there the id is a body field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from stoat_ferret.editing import operations as core
from stoat_ferret.editing.document import Clip, EffectUse, ProjectDocument, Track, Transition, thaw
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.errors import (
    EditRuleError,
    EditTargetNotFoundError,
    SourceMissingError,
    TimelineRuleError,
)
from stoat_ferret.editing.requests import (
    AddClip,
    AddEffect,
    AddTrack,
    AddTransition,
    Operation,
    RemoveClip,
    RemoveEffect,
    RemoveTrack,
    RemoveTransition,
    UpdateClip,
    UpdateEffect,
    UpdateProject,
    UpdateTrack,
)
from stoat_ferret.editing.timebase import source_frames
from stoat_ferret.editing.timeline import derive_timeline
from stoat_ferret.errors import FieldValidationError, StoatError

__all__ = ["Applied", "SourceInfo", "apply_operations", "batch_summary"]

_REF = re.compile(r"^\$([0-9]+)$")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a clip needs to know about its library video."""

    video_id: str
    filename: str
    duration_s: float | None
    missing: bool
    has_video: bool


@dataclass
class Applied:
    """The result of a batch: the new document, what each operation created, summaries."""

    document: ProjectDocument
    created: list[str | None] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)


@dataclass
class _Step:
    document: ProjectDocument
    created: str | None
    summary: str


def _short(object_id: str) -> str:
    return object_id[:8]


class _Context:
    def __init__(
        self,
        sources: Mapping[str, SourceInfo],
        transition_names: Collection[str],
        new_id: Callable[[], str],
        created: list[str | None],
    ) -> None:
        self.sources = sources
        self.transition_names = transition_names
        self.new_id = new_id
        self.created = created
        #: Document paths whose prefix is dropped from an error's field (the targets).
        self.targets: list[str] = []

    def ref(self, name: str, value: str) -> str:
        """An id field's value, with ``$N`` replaced by what operation ``N`` created."""
        match = _REF.match(value)
        if match is None:
            return value
        index = int(match.group(1))
        made = self.created[index] if index < len(self.created) else None
        if made is None:
            raise FieldValidationError(
                name, f"{value} names no object: operation {index} comes later or creates none"
            )
        return made


def _track(document: ProjectDocument, track_id: str | None) -> Track:
    if track_id is None:
        return document.main_track
    for track in document.tracks:
        if track.id == track_id:
            return track
    raise EditTargetNotFoundError("track_id", f"no track {track_id[:60]!r} in this project")


def _clip(document: ProjectDocument, clip_id: str) -> Clip:
    for track in document.tracks:
        for clip in track.clips:
            if clip.id == clip_id:
                return clip
    raise EditTargetNotFoundError("clip_id", f"no clip {clip_id[:60]!r} in this project")


def _add_clip(document: ProjectDocument, op: AddClip, ctx: _Context) -> _Step:
    source = ctx.sources.get(op.source_video_id)
    if source is None:
        raise FieldValidationError(
            "source_video_id", f"no video {op.source_video_id[:60]!r} in the library"
        )
    if source.missing:
        raise SourceMissingError("source_video_id", source.video_id)
    track = _track(document, None if op.track_id is None else ctx.ref("track_id", op.track_id))
    if track.kind is MediaKind.VIDEO and not source.has_video:
        raise TimelineRuleError(
            "source_video_id", f"{source.filename[:60]!r} has no picture; use an audio track"
        )
    position = op.timeline_position
    if position is None and track.kind is MediaKind.AUDIO:
        # Default on an audio track: right after its last clip, as the main track appends.
        placed = next(t for t in derive_timeline(document).tracks if t.track_id == track.id)
        position = max((p.end_frame for p in placed.clips), default=0)
    clip = Clip(
        id=ctx.new_id(),
        source_id=source.video_id,
        source_frames=source_frames(source.duration_s or 0.0, document.settings.output_fps),
        in_point=op.in_point,
        out_point=op.out_point,
        timeline_position=position,
    )
    ctx.targets.append(f"clips[{clip.id}]")
    new = core.add_clip(document, clip, track_id=track.id, index=op.index)
    return _Step(new, clip.id, f"Add clip from {source.filename[:60]} to {track.name}")


def _update_clip(document: ProjectDocument, op: UpdateClip, ctx: _Context) -> _Step:
    clip_id = ctx.ref("clip_id", op.clip_id)
    ctx.targets.append(f"clips[{clip_id}]")
    new = core.update_clip(
        document,
        clip_id,
        in_point=op.in_point,
        out_point=op.out_point,
        index=op.index,
        timeline_position=op.timeline_position,
    )
    trim = op.in_point is not None or op.out_point is not None
    move = op.index is not None or op.timeline_position is not None
    verb = "Trim and move" if trim and move else "Move" if move else "Trim" if trim else "Touch"
    return _Step(new, None, f"{verb} clip {_short(clip_id)}")


def _remove_clip(document: ProjectDocument, op: RemoveClip, ctx: _Context) -> _Step:
    clip_id = ctx.ref("clip_id", op.clip_id)
    return _Step(core.remove_clip(document, clip_id), None, f"Remove clip {_short(clip_id)}")


def _add_effect(document: ProjectDocument, op: AddEffect, ctx: _Context) -> _Step:
    clip_id = ctx.ref("clip_id", op.clip_id)
    count = len(_clip(document, clip_id).effects)
    ctx.targets.append(f"clips[{clip_id}].effects[{count}]")
    effect = EffectUse(op.effect_type, op.parameters, op.start, op.end)
    new = core.add_effect(document, clip_id, effect)
    return _Step(new, None, f"Add {op.effect_type[:40]} to clip {_short(clip_id)}")


def _update_effect(document: ProjectDocument, op: UpdateEffect, ctx: _Context) -> _Step:
    clip_id = ctx.ref("clip_id", op.clip_id)
    effects = _clip(document, clip_id).effects
    if not op.index < len(effects):
        raise EditTargetNotFoundError("index", f"the clip has no effect {op.index}")
    old = effects[op.index]
    given = op.model_fields_set
    effect = EffectUse(
        op.effect_type or old.effect_type,
        op.parameters if op.parameters is not None else thaw(old.parameters),
        op.start if "start" in given else old.start,
        op.end if "end" in given else old.end,
    )
    ctx.targets.append(f"clips[{clip_id}].effects[{op.index}]")
    new = core.update_effect(document, clip_id, op.index, effect)
    summary = f"Change effect {op.index} ({effect.effect_type}) of clip {_short(clip_id)}"
    return _Step(new, None, summary)


def _remove_effect(document: ProjectDocument, op: RemoveEffect, ctx: _Context) -> _Step:
    clip_id = ctx.ref("clip_id", op.clip_id)
    new = core.remove_effect(document, clip_id, op.index)
    return _Step(new, None, f"Remove effect {op.index} of clip {_short(clip_id)}")


def _add_transition(document: ProjectDocument, op: AddTransition, ctx: _Context) -> _Step:
    transition = Transition(
        id=ctx.new_id(),
        from_clip_id=ctx.ref("from_clip_id", op.from_clip_id),
        to_clip_id=ctx.ref("to_clip_id", op.to_clip_id),
        duration=op.duration,
        name=op.transition,
        audio_curve=op.audio_curve,
    )
    ctx.targets.append(f"transitions[{transition.id}]")
    new = core.add_transition(document, transition, transition_names=ctx.transition_names)
    summary = f"Add {op.transition[:40]} transition of {op.duration} frames"
    return _Step(new, transition.id, summary)


def _remove_transition(document: ProjectDocument, op: RemoveTransition, ctx: _Context) -> _Step:
    transition_id = ctx.ref("transition_id", op.transition_id)
    new = core.remove_transition(document, transition_id)
    return _Step(new, None, f"Remove transition {_short(transition_id)}")


def _add_track(document: ProjectDocument, op: AddTrack, ctx: _Context) -> _Step:
    name = op.name or f"A{len(document.tracks)}"
    track = Track(ctx.new_id(), MediaKind.AUDIO, name, op.volume_db, op.muted)
    ctx.targets.append(f"tracks[{track.id}]")
    return _Step(core.add_track(document, track), track.id, f"Add audio track {name[:60]}")


def _update_track(document: ProjectDocument, op: UpdateTrack, ctx: _Context) -> _Step:
    track = _track(document, ctx.ref("track_id", op.track_id))
    ctx.targets.append(f"tracks[{track.id}]")
    new = core.update_track(
        document, track.id, name=op.name, volume_db=op.volume_db, muted=op.muted
    )
    return _Step(new, None, f"Change track {track.name[:60]}")


def _remove_track(document: ProjectDocument, op: RemoveTrack, ctx: _Context) -> _Step:
    track = _track(document, ctx.ref("track_id", op.track_id))
    return _Step(core.remove_track(document, track.id), None, f"Remove track {track.name[:60]}")


def _update_project(document: ProjectDocument, op: UpdateProject, ctx: _Context) -> _Step:
    changes = op.model_dump(exclude={"op"}, exclude_none=True)
    new = core.update_project(document, **changes)
    return _Step(new, None, f"Change project settings ({', '.join(changes) or 'nothing'})")


_APPLY: dict[type, Callable[[ProjectDocument, object, _Context], _Step]] = {
    AddClip: _add_clip,  # type: ignore[dict-item]
    UpdateClip: _update_clip,  # type: ignore[dict-item]
    RemoveClip: _remove_clip,  # type: ignore[dict-item]
    AddEffect: _add_effect,  # type: ignore[dict-item]
    UpdateEffect: _update_effect,  # type: ignore[dict-item]
    RemoveEffect: _remove_effect,  # type: ignore[dict-item]
    AddTransition: _add_transition,  # type: ignore[dict-item]
    RemoveTransition: _remove_transition,  # type: ignore[dict-item]
    AddTrack: _add_track,  # type: ignore[dict-item]
    UpdateTrack: _update_track,  # type: ignore[dict-item]
    RemoveTrack: _remove_track,  # type: ignore[dict-item]
    UpdateProject: _update_project,  # type: ignore[dict-item]
}

#: Request field names that differ from the document's (a transition's ``name``).
_RENAMED = {"name": "transition"}


def _request_field(document_field: str, targets: Sequence[str]) -> str:
    for target in targets:
        if document_field.startswith(target + "."):
            rest = document_field[len(target) + 1 :]
            return _RENAMED.get(rest, rest) if target.startswith("transitions[") else rest
    return document_field


def _located(error: StoatError, targets: Sequence[str], place: str | None) -> StoatError:
    """``error`` re-aimed at the request: its field relative to the target, in ``place``."""
    prefix = "" if place is None else f"{place}."
    if isinstance(error, FieldValidationError):
        located = _request_field(error.field, targets)
        cls = type(error) if isinstance(error, EditRuleError) else FieldValidationError
        return cls(prefix + located, error.reason)
    if place is not None and isinstance(error, EditTargetNotFoundError):
        # In a batch the id is a body field: a 422 naming it, not a 404 for the URL.
        return FieldValidationError(prefix + error.field, error.message.split(": ", 1)[-1])
    if place is not None:
        error.message = f"{place}: {error.message}"
    return error


def apply_operations(
    document: ProjectDocument,
    operations: Sequence[Operation],
    *,
    sources: Mapping[str, SourceInfo],
    transition_names: Collection[str],
    new_id: Callable[[], str],
    batch: bool,
) -> Applied:
    """
    Apply ``operations`` in order; the first that fails raises and nothing is kept.

    Args:
        sources: every video an ``add_clip`` names that the library has.
        transition_names: the xfade transitions of the local ffmpeg.
        new_id: makes the id of each new track, clip and transition.
        batch: errors name ``operations[i]`` (``POST .../edits``) or not (single routes).
    """
    applied = Applied(document)
    for position, operation in enumerate(operations):
        ctx = _Context(sources, transition_names, new_id, applied.created)
        try:
            step = _APPLY[type(operation)](applied.document, operation, ctx)
        except StoatError as error:
            place = f"operations[{position}]" if batch else None
            raise _located(error, ctx.targets, place) from None
        applied.document = step.document
        applied.created.append(step.created)
        applied.summaries.append(step.summary)
    return applied


def batch_summary(summaries: Sequence[str], limit: int = 200) -> str:
    """One line for the history: the edit's summary, or a count and the first few."""
    if len(summaries) == 1:
        text = summaries[0]
    else:
        text = f"{len(summaries)} edits: " + "; ".join(summaries)
    return text if len(text) <= limit else text[: limit - 1] + "…"
