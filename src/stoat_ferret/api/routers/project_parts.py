"""
A project's tracks, clips, effects and transitions: one route per edit.

Each route is a one-operation batch (``EditingService.edit``), so a single edit and a
``POST .../edits`` operation follow the same rules, name refused fields alike and make
one version each. Answers are the changed object; ``ETag`` carries the new version.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from stoat_ferret.api.deps import SessionDep
from stoat_ferret.api.error_models import error_responses
from stoat_ferret.api.routers.project_deps import ChangeDep, EditingDep, ObjectId, ProjectId
from stoat_ferret.editing.errors import MainTrackRequiredError, SourceMissingError
from stoat_ferret.editing.requests import (
    AddClip,
    AddEffect,
    AddTrack,
    AddTransition,
    ClipCreate,
    ClipUpdate,
    EffectCreate,
    EffectUpdate,
    RemoveClip,
    RemoveEffect,
    RemoveTrack,
    RemoveTransition,
    TrackCreate,
    TrackUpdate,
    TransitionCreate,
    UpdateClip,
    UpdateEffect,
    UpdateTrack,
)
from stoat_ferret.editing.schemas import (
    ClipEffectOut,
    ClipList,
    ClipOut,
    ProjectTransitionOut,
    TrackOut,
    clip_out,
    clips_of,
    track_out,
    transition_out,
)
from stoat_ferret.errors import (
    NotFoundError,
    StorageError,
    StorageFullError,
    VersionConflictError,
)

router = APIRouter(prefix="/projects/{project_id:project_id}", tags=["projects"])

EffectIndex = Annotated[int, Path(ge=0, le=10_000, description="The effect's place on the clip.")]
_ERRORS = (NotFoundError, VersionConflictError, StorageError, StorageFullError)
_CHANGE = error_responses(*_ERRORS)


@router.post(
    "/tracks",
    status_code=201,
    response_model=TrackOut,
    responses=_CHANGE,
    operation_id="projects-tracks-add",
)
async def add_track(project_id: ProjectId, body: TrackCreate, change: ChangeDep) -> TrackOut:
    """Add an audio track (the main video track exists from the start)."""
    operation = AddTrack(op="add_track", **body.model_dump())
    view, track_id = await change.made(project_id, operation)
    return track_out(view, track_id)


@router.patch(
    "/tracks/{track_id}",
    response_model=TrackOut,
    responses=_CHANGE,
    operation_id="projects-tracks-update",
)
async def update_track(
    project_id: ProjectId, track_id: ObjectId, body: TrackUpdate, change: ChangeDep
) -> TrackOut:
    fields = body.model_dump(exclude_unset=True)
    operation = UpdateTrack(op="update_track", track_id=track_id, **fields)
    view, _ = await change.one(project_id, operation)
    return track_out(view, track_id)


@router.delete(
    "/tracks/{track_id}",
    status_code=204,
    responses=error_responses(*_ERRORS, MainTrackRequiredError),
    operation_id="projects-tracks-delete",
)
async def delete_track(project_id: ProjectId, track_id: ObjectId, change: ChangeDep) -> Response:
    """Remove an audio track with its clips; the main track cannot be removed (409)."""
    operation = RemoveTrack(op="remove_track", track_id=track_id)
    return await change.removed(project_id, operation)


@router.get(
    "/clips",
    response_model=ClipList,
    responses=error_responses(NotFoundError),
    operation_id="projects-clips-list",
)
async def list_clips(project_id: ProjectId, editing: EditingDep, work: SessionDep) -> ClipList:
    """Clips in timeline order: the main track's, then each audio track's by position."""
    return ClipList(clips=clips_of(await editing.get(work, project_id)))


@router.post(
    "/clips",
    status_code=201,
    response_model=ClipOut,
    responses=error_responses(*_ERRORS, SourceMissingError),
    operation_id="projects-clips-add",
)
async def add_clip(project_id: ProjectId, body: ClipCreate, change: ChangeDep) -> ClipOut:
    """Add a clip of a library video: appended to the main track unless placed otherwise."""
    operation = AddClip(op="add_clip", **body.model_dump())
    view, clip_id = await change.made(project_id, operation)
    return clip_out(view, clip_id)


@router.patch(
    "/clips/{clip_id}",
    response_model=ClipOut,
    responses=_CHANGE,
    operation_id="projects-clips-update",
)
async def update_clip(
    project_id: ProjectId, clip_id: ObjectId, body: ClipUpdate, change: ChangeDep
) -> ClipOut:
    """Trim (``in_point``/``out_point``) or move (``index`` on V1, else ``timeline_position``)."""
    fields = body.model_dump(exclude_unset=True)
    operation = UpdateClip(op="update_clip", clip_id=clip_id, **fields)
    view, _ = await change.one(project_id, operation)
    return clip_out(view, clip_id)


@router.delete(
    "/clips/{clip_id}", status_code=204, responses=_CHANGE, operation_id="projects-clips-delete"
)
async def delete_clip(project_id: ProjectId, clip_id: ObjectId, change: ChangeDep) -> Response:
    """Remove a clip with its transitions; later main-track clips move back."""
    operation = RemoveClip(op="remove_clip", clip_id=clip_id)
    return await change.removed(project_id, operation)


@router.post(
    "/clips/{clip_id}/effects",
    status_code=201,
    response_model=ClipEffectOut,
    responses=_CHANGE,
    operation_id="projects-effects-add",
)
async def add_effect(
    project_id: ProjectId, clip_id: ObjectId, body: EffectCreate, change: ChangeDep
) -> ClipEffectOut:
    """Append an effect; parameters are checked against the effect's JSON Schema."""
    operation = AddEffect(op="add_effect", clip_id=clip_id, **body.model_dump())
    view, _ = await change.one(project_id, operation)
    return clip_out(view, clip_id).effects[-1]


@router.patch(
    "/clips/{clip_id}/effects/{index}",
    response_model=ClipEffectOut,
    responses=_CHANGE,
    operation_id="projects-effects-update",
)
async def update_effect(
    project_id: ProjectId,
    clip_id: ObjectId,
    index: EffectIndex,
    body: EffectUpdate,
    change: ChangeDep,
) -> ClipEffectOut:
    fields = body.model_dump(exclude_unset=True)
    operation = UpdateEffect(op="update_effect", clip_id=clip_id, index=index, **fields)
    view, _ = await change.one(project_id, operation)
    return clip_out(view, clip_id).effects[index]


@router.delete(
    "/clips/{clip_id}/effects/{index}",
    status_code=204,
    responses=_CHANGE,
    operation_id="projects-effects-delete",
)
async def delete_effect(
    project_id: ProjectId, clip_id: ObjectId, index: EffectIndex, change: ChangeDep
) -> Response:
    operation = RemoveEffect(op="remove_effect", clip_id=clip_id, index=index)
    return await change.removed(project_id, operation)


@router.post(
    "/transitions",
    status_code=201,
    response_model=ProjectTransitionOut,
    responses=_CHANGE,
    operation_id="projects-transitions-add",
)
async def add_transition(
    project_id: ProjectId, body: TransitionCreate, change: ChangeDep
) -> ProjectTransitionOut:
    """Join two consecutive main-track clips; the later clips start ``duration`` earlier."""
    operation = AddTransition(op="add_transition", **body.model_dump())
    view, transition_id = await change.made(project_id, operation)
    return transition_out(view, transition_id)


@router.delete(
    "/transitions/{transition_id}",
    status_code=204,
    responses=_CHANGE,
    operation_id="projects-transitions-delete",
)
async def delete_transition(
    project_id: ProjectId, transition_id: ObjectId, change: ChangeDep
) -> Response:
    """Remove a transition; the later clips move back by its duration."""
    operation = RemoveTransition(op="remove_transition", transition_id=transition_id)
    return await change.removed(project_id, operation)
