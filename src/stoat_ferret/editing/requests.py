"""
The editor's request bodies: one model per route body and per batch operation.

Each batch operation (``POST .../edits``) is the single route's body plus the ids its
path would carry and ``op`` (SPEC §9), so the models below are the route bodies and the
operations subclass them. The bounds here are the broad ones of the schema (types,
non-negative frames); every rule of SPEC §9 "Validation" is checked by the editing core,
which names the refused field.

In a batch, an id field may also be ``$N``: the id of what operation ``N`` of the same
batch created (``{"op": "add_transition", "from_clip_id": "$0", "to_clip_id": "$1"}``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat

__all__ = [
    "ID_PATTERN",
    "AddClip",
    "AddEffect",
    "AddTrack",
    "AddTransition",
    "ClipCreate",
    "ClipUpdate",
    "EditBatch",
    "EffectCreate",
    "EffectUpdate",
    "Operation",
    "ProjectCreate",
    "ProjectUpdate",
    "RemoveClip",
    "RemoveEffect",
    "RemoveTrack",
    "RemoveTransition",
    "RestoreRequest",
    "TrackCreate",
    "TrackUpdate",
    "TransitionCreate",
    "UpdateClip",
    "UpdateEffect",
    "UpdateProject",
    "UpdateTrack",
]

ID_PATTERN = "^[0-9a-f]{32}$"
"""A project, track, clip or transition id as the server makes them (``uuid4().hex``)."""
_REF_PATTERN = r"^([0-9a-f]{32}|\$[0-9]{1,4})$"
MAX_FRAMES = 10**9
"""Far past any project (over 300 days at 30 fps), well inside SQLite's integers."""

Frames = Annotated[int, Field(ge=0, le=MAX_FRAMES, description="Frames at output_fps.")]
Ref = Annotated[
    str,
    Field(pattern=_REF_PATTERN, description="An id, or `$N` for what operation N created."),
]
VideoRef = Annotated[str, Field(pattern="^[0-9a-f]{32}$", description="A library video id.")]
Name = Annotated[str, Field(min_length=1, max_length=200)]
TrackName = Annotated[str, Field(min_length=1, max_length=100)]
Volume = Annotated[StrictFloat, Field(ge=-60, le=12, allow_inf_nan=False)]
EffectIndex = Annotated[int, Field(ge=0, le=10_000)]


class _Body(BaseModel):
    # strict: JSON true is not the integer 1, nor 0 the boolean false (the schema says so).
    model_config = ConfigDict(extra="forbid", strict=True)


class ProjectCreate(_Body):
    name: Name
    output_width: int = Field(1920, ge=16, le=7680, multiple_of=2)
    output_height: int = Field(1080, ge=16, le=4320, multiple_of=2)
    output_fps: int = Field(30, ge=1, le=120)
    sample_rate: Literal[44100, 48000] = 48000


class ProjectUpdate(_Body):
    name: Name | None = None
    output_width: int | None = Field(None, ge=16, le=7680, multiple_of=2)
    output_height: int | None = Field(None, ge=16, le=4320, multiple_of=2)
    output_fps: int | None = Field(None, ge=1, le=120)
    sample_rate: Literal[44100, 48000] | None = None


class TrackCreate(_Body):
    name: TrackName | None = Field(None, description="Default: A1, A2, ...")
    volume_db: Volume = 0.0
    muted: StrictBool = False


class TrackUpdate(_Body):
    name: TrackName | None = None
    volume_db: Volume | None = None
    muted: StrictBool | None = None


class ClipCreate(_Body):
    source_video_id: VideoRef
    in_point: Frames
    out_point: Frames
    track_id: Ref | None = Field(None, description="Default: the main track.")
    index: int | None = Field(None, ge=0, le=MAX_FRAMES, description="Main track only.")
    timeline_position: Frames | None = Field(None, description="Audio tracks only.")


class ClipUpdate(_Body):
    in_point: Frames | None = None
    out_point: Frames | None = None
    index: int | None = Field(None, ge=0, le=MAX_FRAMES, description="Main track only.")
    timeline_position: Frames | None = Field(None, description="Audio tracks only.")


class EffectCreate(_Body):
    effect_type: str = Field(min_length=1, max_length=64)
    parameters: dict[str, Any] = Field(default_factory=dict)
    start: Frames | None = Field(None, description="First frame within the clip.")
    end: Frames | None = Field(None, description="End frame (exclusive) within the clip.")


class EffectUpdate(_Body):
    """Fields left out keep their value; ``start``/``end`` sent as null remove the window."""

    effect_type: str | None = Field(None, min_length=1, max_length=64)
    parameters: dict[str, Any] | None = None
    start: Frames | None = None
    end: Frames | None = None


class TransitionCreate(_Body):
    from_clip_id: Ref
    to_clip_id: Ref
    transition: str = Field("fade", min_length=1, max_length=64)
    duration: int = Field(ge=1, le=MAX_FRAMES)
    audio_curve: str = Field("tri", min_length=1, max_length=16)


class RestoreRequest(_Body):
    version: int = Field(ge=1, le=2**31 - 1)


class AddClip(ClipCreate):
    op: Literal["add_clip"]


class UpdateClip(ClipUpdate):
    op: Literal["update_clip"]
    clip_id: Ref


class RemoveClip(_Body):
    op: Literal["remove_clip"]
    clip_id: Ref


class AddEffect(EffectCreate):
    op: Literal["add_effect"]
    clip_id: Ref


class UpdateEffect(EffectUpdate):
    op: Literal["update_effect"]
    clip_id: Ref
    index: EffectIndex


class RemoveEffect(_Body):
    op: Literal["remove_effect"]
    clip_id: Ref
    index: EffectIndex


class AddTransition(TransitionCreate):
    op: Literal["add_transition"]


class RemoveTransition(_Body):
    op: Literal["remove_transition"]
    transition_id: Ref


class AddTrack(TrackCreate):
    op: Literal["add_track"]


class UpdateTrack(TrackUpdate):
    op: Literal["update_track"]
    track_id: Ref


class RemoveTrack(_Body):
    op: Literal["remove_track"]
    track_id: Ref


class UpdateProject(ProjectUpdate):
    op: Literal["update_project"]


Operation = Annotated[
    AddClip
    | UpdateClip
    | RemoveClip
    | AddEffect
    | UpdateEffect
    | RemoveEffect
    | AddTransition
    | RemoveTransition
    | AddTrack
    | UpdateTrack
    | RemoveTrack
    | UpdateProject,
    Field(discriminator="op"),
]


class EditBatch(_Body):
    expected_version: int | None = Field(
        None, ge=0, le=2**31 - 1, description="As If-Match: refused with 412 when stale."
    )
    operations: list[Operation] = Field(min_length=1, max_length=1000)
