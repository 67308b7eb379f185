"""
Interchange with other editors: a project's export, and the import of a file as a project.

Thin over :mod:`stoat_ferret.editing.exchange`. An export answers JSON (the file's
text, its name and media type, and ``not_carried``); an import takes the file itself as
the body and answers the new project with the import's ``warnings``.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from fastapi import APIRouter, Query, Request, Response

from stoat_ferret.api.deps import SessionDep
from stoat_ferret.api.error_models import error_responses
from stoat_ferret.api.routers.project_deps import EditingDep, ProjectId, answer
from stoat_ferret.editing.errors import SourceMissingError
from stoat_ferret.editing.exchange import export_stored, import_stored
from stoat_ferret.editing.history_schemas import ExportOut
from stoat_ferret.editing.interchange import (
    FORMATS,
    InterchangeFormatError,
    UnknownMediaError,
    UnsupportedFormatError,
)
from stoat_ferret.editing.schemas import ImportResult
from stoat_ferret.errors import NotFoundError, StorageError, StorageFullError

router = APIRouter(prefix="/projects", tags=["projects"])

FormatName = Literal["otio", "edl", "fcpxml"]
if set(get_args(FormatName)) != set(FORMATS):  # pragma: no cover - caught by any test run
    raise RuntimeError("FormatName must list the interchange's FORMATS")

Format = Annotated[
    FormatName,
    Query(description="`otio` (OpenTimelineIO JSON), `edl` (CMX 3600) or `fcpxml` (FCP XML)."),
]

_IMPORT_BODY = {
    "required": True,
    "description": "The file itself: OTIO JSON, a CMX 3600 EDL or Final Cut Pro XML "
    "(as `format` says), whose media references are library files.",
    "content": {
        "application/json": {"schema": {"type": "object", "description": "An OTIO Timeline."}},
        "text/plain": {"schema": {"type": "string", "description": "A CMX 3600 EDL."}},
        "application/xml": {"schema": {"type": "string", "description": "FCP XML."}},
    },
}


@router.get(
    "/{project_id:project_id}/export",
    response_model=ExportOut,
    responses=error_responses(NotFoundError, UnsupportedFormatError, InterchangeFormatError),
    operation_id="projects-export",
)
async def export_project(
    project_id: ProjectId, editing: EditingDep, work: SessionDep, format: Format = "otio"
) -> ExportOut:
    """The project as a file of another editor, with what that format could not carry."""
    result = await export_stored(editing, work, project_id, format)
    return ExportOut(
        format=format,
        filename=result.filename,
        media_type=result.media_type,
        content=result.content,
        not_carried=result.not_carried,
    )


@router.post(
    "/import",
    status_code=201,
    response_model=ImportResult,
    responses=error_responses(
        UnsupportedFormatError,
        InterchangeFormatError,
        UnknownMediaError,
        SourceMissingError,
        StorageError,
        StorageFullError,
    ),
    operation_id="projects-import",
    openapi_extra={"requestBody": _IMPORT_BODY},
)
async def import_project(
    request: Request,
    editing: EditingDep,
    work: SessionDep,
    response: Response,
    format: Format = "otio",
    fps: Annotated[
        int | None,
        Query(ge=1, le=120, description="An EDL's frame rate (it has none); default 30."),
    ] = None,
) -> ImportResult:
    """A new project from another editor's file; unknown media answer 422 naming them."""
    imported = await import_stored(editing, work, await request.body(), format, fps=fps)
    response.headers["Location"] = f"/api/v1/projects/{imported.view.row.id}"
    return ImportResult(project=answer(response, imported.view), warnings=imported.warnings)
