"""
The editor's answers: a project with its tracks, clips, effects and transitions.

Every time field is in frames at the project's ``output_fps``, and every object also
reports the same times in seconds (``*_s``, read-only). Built from a ``ProjectView``
(the stored row, its document and the derived timeline), so what a client reads is
exactly what the timeline rules derive.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from stoat_ferret.editing.document import Clip, EffectUse, ProjectDocument, Track, Transition, thaw
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.memo import IdentityMemo
from stoat_ferret.editing.models import ProjectRow
from stoat_ferret.editing.timebase import frames_to_seconds
from stoat_ferret.editing.timeline import DerivedTimeline

__all__ = [
    "ClipEffectOut",
    "ClipList",
    "ClipOut",
    "EditsResult",
    "ImportResult",
    "ProjectOut",
    "ProjectPage",
    "ProjectSummary",
    "ProjectTransitionOut",
    "ProjectView",
    "TrackOut",
    "clip_out",
    "clips_of",
    "track_out",
    "transition_out",
]


@dataclass(frozen=True)
class ProjectView:
    """One project as the service read it: row, document, timeline, missing sources."""

    row: ProjectRow
    document: ProjectDocument
    timeline: DerivedTimeline
    missing_sources: frozenset[str]


class ProjectSummary(BaseModel):
    """A project in the list: its settings and version, without the document."""

    id: str
    name: str
    output_width: int
    output_height: int
    output_fps: int
    sample_rate: int
    version: int = Field(description="Increments with every change (If-Match).")
    duration_frames: int
    duration_s: float
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, row: ProjectRow) -> ProjectSummary:
        return cls(
            id=row.id,
            name=row.name,
            output_width=row.output_width,
            output_height=row.output_height,
            output_fps=row.output_fps,
            sample_rate=row.sample_rate,
            version=row.version,
            duration_frames=row.duration_frames,
            duration_s=frames_to_seconds(row.duration_frames, row.output_fps),
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


class ProjectPage(BaseModel):
    projects: list[ProjectSummary]
    total: int


class TrackOut(BaseModel):
    id: str
    kind: MediaKind
    name: str
    volume_db: float
    muted: bool
    main: bool = Field(description="The magnetic main track (the first; it cannot be deleted).")

    @classmethod
    def of(cls, track: Track, *, main: bool) -> TrackOut:
        return cls(
            id=track.id,
            kind=track.kind,
            name=track.name,
            volume_db=track.volume_db,
            muted=track.muted,
            main=main,
        )


class ClipEffectOut(BaseModel):
    index: int = Field(description="Its place in the clip's filter order.")
    effect_type: str
    parameters: dict[str, Any]
    start: int | None
    end: int | None
    start_s: float | None
    end_s: float | None

    @classmethod
    def of(cls, effect: EffectUse, index: int, fps: int) -> ClipEffectOut:
        return cls(
            index=index,
            effect_type=effect.effect_type,
            parameters=thaw(effect.parameters),
            start=effect.start,
            end=effect.end,
            start_s=None if effect.start is None else frames_to_seconds(effect.start, fps),
            end_s=None if effect.end is None else frames_to_seconds(effect.end, fps),
        )


# An effect's answer depends on it, its place and the frame rate alone; most effects of
# a new version are the last version's objects (shared, so never changed after).
_effect_out: IdentityMemo[EffectUse, ClipEffectOut] = IdentityMemo(ClipEffectOut.of, 8192)


class ClipOut(BaseModel):
    id: str
    track_id: str
    source_video_id: str
    source_missing: bool = Field(description="The source's file was not found by the last scan.")
    source_frames: int = Field(description="The source's length in project frames.")
    in_point: int
    out_point: int
    index: int | None = Field(description="Its place on the main track (null on audio tracks).")
    timeline_position: int = Field(description="Where it starts in the output (derived on V1).")
    duration: int = Field(description="Its length on the timeline (speed effects included).")
    in_point_s: float
    out_point_s: float
    timeline_position_s: float
    duration_s: float
    effects: list[ClipEffectOut]

    @classmethod
    def of(cls, view: ProjectView, track: Track, clip: Clip, index: int | None) -> ClipOut:
        """The clip's answer; the same object as before when nothing it shows changed."""
        placed = view.timeline.placement(clip.id)
        return _clip_out(
            clip,
            track.id,
            index,
            placed.start_frame,
            placed.end_frame,
            clip.source_id in view.missing_sources,
            view.document.settings.output_fps,
        )


def _build_clip_out(
    clip: Clip, track_id: str, index: int | None, start: int, end: int, missing: bool, fps: int
) -> ClipOut:
    return ClipOut(
        id=clip.id,
        track_id=track_id,
        source_video_id=clip.source_id,
        source_missing=missing,
        source_frames=clip.source_frames,
        in_point=clip.in_point,
        out_point=clip.out_point,
        index=index,
        timeline_position=start,
        duration=end - start,
        in_point_s=frames_to_seconds(clip.in_point, fps),
        out_point_s=frames_to_seconds(clip.out_point, fps),
        timeline_position_s=frames_to_seconds(start, fps),
        duration_s=frames_to_seconds(end - start, fps),
        effects=[_effect_out(e, i, fps) for i, e in enumerate(clip.effects)],
    )


# A clip's answer depends on the (immutable) clip and on what the key's other parts name:
# its track, main-track index, place on the timeline, whether its source is missing now,
# and the frame rate. An edit moves few clips, and a project read twice moves none, so
# most of a 500-clip answer is the last answer's objects (shared: never changed after).
_clip_out: IdentityMemo[Clip, ClipOut] = IdentityMemo(_build_clip_out, 8192)


class ClipList(BaseModel):
    clips: list[ClipOut]


class ProjectTransitionOut(BaseModel):
    id: str
    from_clip_id: str
    to_clip_id: str
    transition: str = Field(description="The xfade transition name.")
    duration: int
    duration_s: float
    audio_curve: str

    @classmethod
    def of(cls, transition: Transition, fps: int) -> ProjectTransitionOut:
        return cls(
            id=transition.id,
            from_clip_id=transition.from_clip_id,
            to_clip_id=transition.to_clip_id,
            transition=transition.name,
            duration=transition.duration,
            duration_s=frames_to_seconds(transition.duration, fps),
            audio_curve=transition.audio_curve,
        )


class ProjectOut(ProjectSummary):
    """The whole project: clips main track first in timeline order, then each audio track's."""

    tracks: list[TrackOut]
    clips: list[ClipOut]
    transitions: list[ProjectTransitionOut]

    @classmethod
    def of(cls, view: ProjectView) -> ProjectOut:
        summary = ProjectSummary.from_row(view.row)
        document = view.document
        fps = document.settings.output_fps
        return cls(
            **summary.model_dump(),
            tracks=[TrackOut.of(t, main=i == 0) for i, t in enumerate(document.tracks)],
            clips=clips_of(view),
            transitions=[ProjectTransitionOut.of(t, fps) for t in document.transitions],
        )


def _ordered(view: ProjectView) -> Iterator[tuple[Track, Clip, int | None]]:
    """Every clip with its track and main-track index, in the order the answers list them."""
    for position, track in enumerate(view.document.tracks):
        if position == 0:
            for index, clip in enumerate(track.clips):
                yield track, clip, index
            continue
        for clip in sorted(track.clips, key=lambda c: (c.timeline_position or 0, c.id)):
            yield track, clip, None


def clips_of(view: ProjectView) -> list[ClipOut]:
    """Every clip: the main track's in order, then each audio track's by position."""
    return [ClipOut.of(view, track, clip, index) for track, clip, index in _ordered(view)]


class EditsResult(BaseModel):
    """A batch's answer: the project after it, and what each operation created."""

    project: ProjectOut
    created_ids: list[str | None] = Field(
        description="Per operation, the id of the track, clip or transition it made (or null)."
    )


class ImportResult(BaseModel):
    """An import's answer: the new project, and what of the file was left out of it."""

    project: ProjectOut
    warnings: list[str] = Field(
        description="One line per thing in the file that the project does not hold "
        "(another video track, a gap on the main track, another editor's effect...)."
    )


def track_out(view: ProjectView, track_id: str) -> TrackOut:
    """The answer for one track of ``view`` (it must be there)."""
    tracks = view.document.tracks
    return next(TrackOut.of(t, main=i == 0) for i, t in enumerate(tracks) if t.id == track_id)


def clip_out(view: ProjectView, clip_id: str) -> ClipOut:
    """The answer for one clip of ``view`` (it must be there); only that one is built."""
    for position, track in enumerate(view.document.tracks):
        for index, clip in enumerate(track.clips):
            if clip.id == clip_id:
                return ClipOut.of(view, track, clip, index if position == 0 else None)
    raise KeyError(clip_id)


def transition_out(view: ProjectView, transition_id: str) -> ProjectTransitionOut:
    """The answer for one transition of ``view`` (it must be there)."""
    fps = view.document.settings.output_fps
    found = (t for t in view.document.transitions if t.id == transition_id)
    return ProjectTransitionOut.of(next(found), fps)
