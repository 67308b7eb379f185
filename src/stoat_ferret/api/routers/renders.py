"""
Render routes (SPEC §10 and §9's frame preview): submit, dry run, formats, file, frame.

There is no render-specific cancel: a render job is cancelled through the generic
``POST /api/v1/jobs/{id}/cancel``.
"""

from __future__ import annotations

import os
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.responses import FileResponse, JSONResponse

from stoat_ferret.api.deps import ServicesDep, SessionDep
from stoat_ferret.api.disconnect import (
    CLIENT_CLOSED_REQUEST,
    ClientDisconnected,
    unless_disconnected,
)
from stoat_ferret.api.error_models import error_responses
from stoat_ferret.api.schemas import JobSubmitted
from stoat_ferret.errors import (
    DependencyUnavailableError,
    InvalidPathError,
    NotFoundError,
    PathNotAllowedError,
    StorageError,
    StorageFullError,
)
from stoat_ferret.ffmpeg.frames import PreviewFailedError, PreviewTimeoutError
from stoat_ferret.render.domain import RenderDomain
from stoat_ferret.render.errors import (
    EmptyProjectError,
    RenderRequestError,
    SourceMissingError,
    UnsupportedFormatError,
)
from stoat_ferret.render.formats import X264_PRESETS
from stoat_ferret.render.frame import MAX_FRAME_WIDTH, MIN_FRAME_WIDTH
from stoat_ferret.render.schemas import ContainerOut, DryRunOut, FormatsOut, RenderRequest
from stoat_ferret.render.service import RenderService

router = APIRouter(tags=["render"])

ProjectId = Annotated[str, Path(min_length=1, max_length=64, description="The project's id.")]
JobId = Annotated[str, Path(min_length=1, max_length=64, description="The render job's id.")]

_MEDIA_TYPES = {
    ".mp4": "video/mp4",
    ".mov": "video/quicktime",
    ".mkv": "video/x-matroska",
    ".webm": "video/webm",
}


async def get_render(services: ServicesDep) -> RenderService:
    return services.domains.get(RenderDomain).service


RenderDep = Annotated[RenderService, Depends(get_render)]


@router.post(
    "/projects/{project_id}/render",
    status_code=202,
    response_model=JobSubmitted,
    responses={
        200: {"model": DryRunOut, "description": "``dry_run=true``: the command, no job."},
        **error_responses(
            InvalidPathError,
            PathNotAllowedError,
            NotFoundError,
            EmptyProjectError,
            SourceMissingError,
            UnsupportedFormatError,
            DependencyUnavailableError,
            StorageError,
            StorageFullError,
        ),
    },
    operation_id="render-project",
)
async def render_project(
    project_id: ProjectId,
    render: RenderDep,
    uow: SessionDep,
    request: Annotated[RenderRequest | None, Body()] = None,
    dry_run: Annotated[bool, Query(description="Answer the command; start nothing.")] = False,
) -> JobSubmitted | JSONResponse:
    """Check everything at once, then queue a ``render`` job of the current version."""
    body = request if request is not None else RenderRequest()
    if dry_run:
        shown = DryRunOut(**await render.dry_run(uow.session, project_id, body))
        return JSONResponse(shown.model_dump(), status_code=200)
    return JobSubmitted(job_id=await render.submit(uow.session, project_id, body))


@router.get(
    "/render/formats",
    response_model=FormatsOut,
    responses=error_responses(DependencyUnavailableError),
    operation_id="render-formats",
)
async def render_formats(render: RenderDep) -> FormatsOut:
    """The containers this server's ffmpeg can write and the encoders each accepts."""
    containers = await render.formats.containers()
    return FormatsOut(
        containers=[ContainerOut(**entry.to_dict()) for entry in containers.values()],
        presets=list(X264_PRESETS),
    )


@router.get(
    "/renders/{job_id}/file",
    response_class=FileResponse,
    responses={
        200: {"content": {"video/mp4": {}}},
        206: {"description": "The bytes a ``Range`` asked for."},
        **error_responses(NotFoundError),
    },
    operation_id="render-file",
)
async def render_file(job_id: JobId, render: RenderDep) -> FileResponse:
    """The rendered file while it exists; ``Range`` requests get 206 (Starlette)."""
    path = await render.output_file(job_id)
    media_type = _MEDIA_TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")
    return FileResponse(path, media_type=media_type, filename=os.path.basename(path))


@router.get(
    "/projects/{project_id}/frame",
    response_class=Response,
    responses={
        200: {"content": {"image/jpeg": {}}},
        **error_responses(
            NotFoundError,
            EmptyProjectError,
            SourceMissingError,
            RenderRequestError,
            PreviewFailedError,
            PreviewTimeoutError,
            DependencyUnavailableError,
        ),
    },
    operation_id="render-frame",
)
async def project_frame(
    project_id: ProjectId,
    request: Request,
    render: RenderDep,
    uow: SessionDep,
    at: Annotated[int, Query(ge=0, le=2**31 - 1, description="The project frame.")],
    width: Annotated[int, Query(ge=MIN_FRAME_WIDTH, le=MAX_FRAME_WIDTH)] = 640,
) -> Response:
    """
    One JPEG of the rendered output at frame ``at`` (0 <= at < duration, else 422).

    ffmpeg gets ``STOAT_PREVIEW_TIMEOUT`` seconds (503 ``PREVIEW_TIMEOUT``) and is
    killed as soon as the client goes away.
    """
    try:
        picture = await unless_disconnected(
            request, render.frame(uow.session, project_id, at, width)
        )
    except ClientDisconnected:
        return Response(status_code=CLIENT_CLOSED_REQUEST)
    return Response(picture, media_type="image/jpeg", headers={"Cache-Control": "no-cache"})
