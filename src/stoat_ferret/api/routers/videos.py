"""Videos: scan a folder, browse, search, fetch thumbnails, delete."""

from __future__ import annotations

import asyncio
import io
import os
from functools import cache
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import FileResponse

from stoat_ferret.api.deps import ServicesDep
from stoat_ferret.api.schemas import JobSubmitted, error_responses
from stoat_ferret.errors import InvalidInputError
from stoat_ferret.library.pages import SortField, SortOrder
from stoat_ferret.library.schemas import ScanRequest, VideoOut, VideoPage
from stoat_ferret.library.service import LibraryService

router = APIRouter(prefix="/videos", tags=["videos"])


async def get_library(services: ServicesDep) -> LibraryService:
    assert services.library is not None
    return services.library


LibraryDep = Annotated[LibraryService, Depends(get_library)]
Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0)]


@router.post(
    "/scan",
    status_code=202,
    response_model=JobSubmitted,
    responses=error_responses(400, 403, 409),
)
async def scan(request: ScanRequest, library: LibraryDep) -> JobSubmitted:
    """Queue a ``scan`` job for a folder; the path is validated before answering."""
    return JobSubmitted(job_id=await library.start_scan(request.path, recursive=request.recursive))


@router.get("", response_model=VideoPage, responses=error_responses(422))
async def list_videos(
    library: LibraryDep,
    limit: Limit = 20,
    offset: Offset = 0,
    sort: SortField = "filename",
    order: SortOrder = "asc",
) -> VideoPage:
    rows, total = await library.repository.list_page(
        sort=sort, order=order, limit=limit, offset=offset
    )
    return VideoPage.of(rows, total, limit, offset)


@router.get("/search", response_model=VideoPage, responses=error_responses(400, 422))
async def search_videos(
    library: LibraryDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
    limit: Limit = 20,
    offset: Offset = 0,
    sort: SortField = "filename",
    order: SortOrder = "asc",
) -> VideoPage:
    """Substring match over filename and path; every word must match."""
    if not q.split():
        raise InvalidInputError("q must contain at least one word")
    rows, total = await library.repository.search(
        q, sort=sort, order=order, limit=limit, offset=offset
    )
    return VideoPage.of(rows, total, limit, offset)


@router.get("/{video_id}", response_model=VideoOut, responses=error_responses(404))
async def get_video(video_id: str, library: LibraryDep) -> VideoOut:
    return VideoOut.from_row(await library.get(video_id))


def _is_file(path: str) -> bool:
    return os.path.isfile(path)


@cache
def placeholder_jpeg() -> bytes:
    """A neutral 320x180 image for videos without a thumbnail (never a 500)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 180), (64, 64, 72)).save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


@router.get(
    "/{video_id}/thumbnail",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}}}, **error_responses(404)},
)
async def get_thumbnail(video_id: str, library: LibraryDep) -> Response:
    row = await library.get(video_id)
    if row.thumbnail_path is not None and await asyncio.to_thread(_is_file, row.thumbnail_path):
        return FileResponse(
            row.thumbnail_path, media_type="image/jpeg", headers={"Cache-Control": "no-cache"}
        )
    return Response(placeholder_jpeg(), media_type="image/jpeg", headers={"X-Placeholder": "1"})


@router.delete("/{video_id}", status_code=204, responses=error_responses(403, 404, 409))
async def delete_video(
    video_id: str,
    library: LibraryDep,
    delete_file: Annotated[
        bool, Query(description="Also delete the file (only inside an allowed root).")
    ] = False,
) -> Response:
    await library.delete(video_id, delete_file=delete_file)
    return Response(status_code=204)
