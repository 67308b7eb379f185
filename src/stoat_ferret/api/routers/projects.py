"""
Projects: create, list, read, change, delete; the derived timeline; versions and batches.

Thin over ``EditingService``: each route gets the request's unit of work (``SessionDep``)
and hands it over; the service does the rest. Tracks, clips, effects and transitions
are in ``project_parts.py``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from stoat_ferret.api.deps import SessionDep
from stoat_ferret.api.error_models import error_responses
from stoat_ferret.api.routers.project_deps import (
    ChangeDep,
    EditingDep,
    IfMatch,
    ProjectId,
    project_response,
)
from stoat_ferret.editing.errors import (
    MainTrackRequiredError,
    NothingToRedoError,
    NothingToUndoError,
    SourceMissingError,
)
from stoat_ferret.editing.history_schemas import HistoryOut, VersionOut
from stoat_ferret.editing.requests import (
    EditBatch,
    ProjectCreate,
    ProjectUpdate,
    RestoreRequest,
    UpdateProject,
)
from stoat_ferret.editing.schemas import EditsResult, ProjectOut, ProjectPage, ProjectSummary
from stoat_ferret.editing.timeline_schemas import TimelineOut
from stoat_ferret.errors import (
    FieldValidationError,
    NotFoundError,
    StorageError,
    StorageFullError,
    VersionConflictError,
)

router = APIRouter(prefix="/projects", tags=["projects"])

_WRITE = (StorageError, StorageFullError)
_CHANGE = (NotFoundError, VersionConflictError, *_WRITE)

Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=2**31 - 1)]
_PROJECT = "/{project_id:project_id}"


@router.get("", response_model=ProjectPage, operation_id="projects-list")
async def list_projects(
    editing: EditingDep, work: SessionDep, limit: Limit = 20, offset: Offset = 0
) -> ProjectPage:
    """Projects, newest first, without their tracks and clips."""
    rows, total = await editing.list_page(work, limit=limit, offset=offset)
    return ProjectPage(projects=[ProjectSummary.from_row(row) for row in rows], total=total)


@router.post(
    "",
    status_code=201,
    response_model=ProjectOut,
    responses=error_responses(*_WRITE),
    operation_id="projects-create",
)
async def create_project(body: ProjectCreate, editing: EditingDep, work: SessionDep) -> Response:
    """A new project with one empty video track, the magnetic main track ``V1``."""
    return project_response(await editing.create(work, body), status_code=201)


@router.get(
    _PROJECT,
    response_model=ProjectOut,
    responses=error_responses(NotFoundError),
    operation_id="projects-get",
)
async def get_project(project_id: ProjectId, editing: EditingDep, work: SessionDep) -> Response:
    return project_response(await editing.get(work, project_id))


@router.patch(
    _PROJECT,
    response_model=ProjectOut,
    responses=error_responses(*_CHANGE),
    operation_id="projects-update",
)
async def update_project(project_id: ProjectId, body: ProjectUpdate, change: ChangeDep) -> Response:
    """Rename or change the output settings (the frame rate only while there are no clips)."""
    operation = UpdateProject(op="update_project", **body.model_dump(exclude_unset=True))
    view, _ = await change.edit(project_id, [operation])
    return project_response(view)


@router.delete(
    _PROJECT,
    status_code=204,
    responses=error_responses(*_CHANGE),
    operation_id="projects-delete",
)
async def delete_project(
    project_id: ProjectId, editing: EditingDep, work: SessionDep, if_match: IfMatch
) -> Response:
    await editing.delete(work, project_id, expected_version=if_match)
    return Response(status_code=204)


@router.get(
    f"{_PROJECT}/timeline",
    response_model=TimelineOut,
    responses=error_responses(NotFoundError),
    operation_id="projects-timeline",
)
async def get_timeline(project_id: ProjectId, editing: EditingDep, work: SessionDep) -> TimelineOut:
    """Where every clip and transition plays in the output, derived from the document."""
    return TimelineOut.of(await editing.timeline(work, project_id))


@router.get(
    f"{_PROJECT}/history",
    response_model=HistoryOut,
    responses=error_responses(NotFoundError),
    operation_id="projects-history",
)
async def get_history(
    project_id: ProjectId,
    editing: EditingDep,
    work: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Offset = 0,
) -> HistoryOut:
    """Every version, newest first: its number, time and a one-line summary."""
    row, versions, total = await editing.history(work, project_id, limit=limit, offset=offset)
    return HistoryOut(
        version=row.version,
        versions=[VersionOut.from_row(v) for v in versions],
        total=total,
        can_undo=len(row.undo_stack) > 1,
        can_redo=bool(row.redo_stack),
    )


@router.post(
    f"{_PROJECT}/undo",
    response_model=ProjectOut,
    responses=error_responses(*_CHANGE, NothingToUndoError),
    operation_id="projects-undo",
)
async def undo(project_id: ProjectId, change: ChangeDep) -> Response:
    """Step back over the last edit; the project gets a new version with that document."""
    return await change.step(change.editing.undo, project_id)


@router.post(
    f"{_PROJECT}/redo",
    response_model=ProjectOut,
    responses=error_responses(*_CHANGE, NothingToRedoError),
    operation_id="projects-redo",
)
async def redo(project_id: ProjectId, change: ChangeDep) -> Response:
    """Make the last undone edit again (until a new edit clears what can be redone)."""
    return await change.step(change.editing.redo, project_id)


@router.post(
    f"{_PROJECT}/restore",
    response_model=ProjectOut,
    responses=error_responses(*_CHANGE),
    operation_id="projects-restore",
)
async def restore(project_id: ProjectId, body: RestoreRequest, change: ChangeDep) -> Response:
    """Make a past version's document current, as a new version."""
    return await change.step(change.editing.restore, project_id, body.version)


@router.post(
    f"{_PROJECT}/edits",
    response_model=EditsResult,
    responses=error_responses(*_CHANGE, MainTrackRequiredError, SourceMissingError),
    operation_id="projects-edits",
)
async def apply_edits(project_id: ProjectId, body: EditBatch, change: ChangeDep) -> EditsResult:
    """Apply every operation, all or nothing, as one version."""
    expected = change.expected if change.expected is not None else body.expected_version
    if body.expected_version is not None and expected != body.expected_version:
        raise FieldValidationError(
            "expected_version", f"{body.expected_version} differs from If-Match {change.expected}"
        )
    view, created = await change.edit(project_id, body.operations, expected=expected, batch=True)
    return EditsResult(project=change.answer(view), created_ids=created)
