"""Videos: scan a folder, browse, search, fetch thumbnails, delete."""

from __future__ import annotations

import asyncio
import io
import os
import re
from functools import cache
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.responses import FileResponse
from pydantic import AfterValidator
from starlette.convertors import Convertor, register_url_convertor

from stoat_ferret.api.deps import ServicesDep, SessionDep
from stoat_ferret.api.error_models import error_responses
from stoat_ferret.api.schemas import JobSubmitted
from stoat_ferret.errors import (
    InUseError,
    InvalidPathError,
    NotARegularFileError,
    NotFoundError,
    PathNotAllowedError,
    PermissionDeniedError,
    ScanInProgressError,
    StorageError,
    StorageFullError,
    UnsafeFileError,
)
from stoat_ferret.ffmpeg import MediaType
from stoat_ferret.library.domain import LibraryDomain
from stoat_ferret.library.pages import LibraryPages, SortField, SortOrder
from stoat_ferret.library.schemas import ScanRequest, VideoOut, VideoPage
from stoat_ferret.library.service import LibraryService

router = APIRouter(prefix="/videos", tags=["videos"])


async def get_library(services: ServicesDep) -> LibraryService:
    return services.domains.get(LibraryDomain).service


async def get_pages(services: ServicesDep) -> LibraryPages:
    return services.domains.get(LibraryDomain).pages


LibraryDep = Annotated[LibraryService, Depends(get_library)]
#: The hot list and search reads: no session, straight to the read pool.
PagesDep = Annotated[LibraryPages, Depends(get_pages)]
#: Largest ``offset``: a signed 32-bit integer, far past any library, and well inside
#: SQLite's 64-bit range (an unbounded one above 2**63 - 1 was a 500).
MAX_OFFSET = 2**31 - 1

#: What ``q`` may hold: at least one character that is not whitespace, and no control
#: character (Unicode category Cc: C0, DEL, C1). A NUL made SQLite's full-text query
#: fail with a 500, and no file name a user types contains one. The schema publishes
#: this very pattern.
SEARCH_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
_SEARCH = re.compile(SEARCH_PATTERN)


def _search_words(q: str) -> str:
    # A validator rather than Query(pattern=): the error then says what is wrong
    # instead of quoting the regular expression.
    if not _SEARCH.fullmatch(q):  # fullmatch: re's $ also matches before a final \n
        raise ValueError("must contain a word and no control characters")
    return q


SearchQuery = Annotated[
    str,
    AfterValidator(_search_words),
    Query(
        min_length=1,
        max_length=200,
        description="Words to find; at least one, and no control characters.",
        json_schema_extra={"pattern": SEARCH_PATTERN},
    ),
]

VIDEO_ID_REGEX = "[0-9a-f]{32}"
"""A video id as the scan makes it (``uuid4().hex``)."""


class _VideoIdConvertor(Convertor[str]):
    """Routes ``/videos/{id}`` only for what can be an id.

    With the default ``[^/]+``, ``/videos/scan`` and ``/videos/search`` also matched
    ``/videos/{video_id}``, so ``DELETE /videos/search`` was routed (a 404 for a
    video called "search") instead of being a 405, and ``Allow`` listed methods
    the schema does not have there.
    """

    regex = VIDEO_ID_REGEX

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("video_id", _VideoIdConvertor())
VideoId = Annotated[str, Path(pattern=f"^{VIDEO_ID_REGEX}$", description="32 hex digits.")]

Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
#: An enum in the schema; anything else is a 422 naming ``media_type``.
MediaTypeFilter = Annotated[
    MediaType | None,
    Query(description="Only `video` or only `audio` records; both when absent."),
]


@router.post(
    "/scan",
    status_code=202,
    response_model=JobSubmitted,
    responses=error_responses(
        InvalidPathError, PathNotAllowedError, ScanInProgressError, StorageError, StorageFullError
    ),
    operation_id="videos-scan",
)
async def scan(request: ScanRequest, library: LibraryDep) -> JobSubmitted:
    """Queue a ``scan`` job for a folder; the path is validated before answering."""
    return JobSubmitted(job_id=await library.start_scan(request.path, recursive=request.recursive))


@router.get("", response_model=VideoPage, operation_id="videos-list")
async def list_videos(
    pages: PagesDep,
    limit: Limit = 20,
    offset: Offset = 0,
    sort: SortField = "filename",
    order: SortOrder = "asc",
    media_type: MediaTypeFilter = None,
) -> Response:
    # Already the JSON of a VideoPage (pages.PageBody): response_model documents it.
    body = await pages.list_body(
        sort=sort, order=order, limit=limit, offset=offset, media_type=media_type
    )
    return Response(body, media_type="application/json")


@router.get("/search", response_model=VideoPage, operation_id="videos-search")
async def search_videos(
    pages: PagesDep,
    q: SearchQuery,
    limit: Limit = 20,
    offset: Offset = 0,
    sort: SortField = "filename",
    order: SortOrder = "asc",
    media_type: MediaTypeFilter = None,
) -> Response:
    """Substring match over filename and path; every word must match."""
    body = await pages.search_body(
        q, sort=sort, order=order, limit=limit, offset=offset, media_type=media_type
    )
    return Response(body, media_type="application/json")


@router.get(
    "/{video_id:video_id}",
    response_model=VideoOut,
    responses=error_responses(NotFoundError),
    operation_id="videos-get",
)
async def get_video(video_id: VideoId, library: LibraryDep, uow: SessionDep) -> VideoOut:
    return VideoOut.from_row(await library.get(uow, video_id))


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
    "/{video_id:video_id}/thumbnail",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}}}, **error_responses(NotFoundError)},
    operation_id="videos-thumbnail",
)
async def get_thumbnail(video_id: VideoId, library: LibraryDep, uow: SessionDep) -> Response:
    row = await library.get(uow, video_id)
    if row.thumbnail_path is not None and await asyncio.to_thread(_is_file, row.thumbnail_path):
        return FileResponse(
            row.thumbnail_path, media_type="image/jpeg", headers={"Cache-Control": "no-cache"}
        )
    return Response(placeholder_jpeg(), media_type="image/jpeg", headers={"X-Placeholder": "1"})


@router.delete(
    "/{video_id:video_id}",
    status_code=204,
    responses=error_responses(
        PathNotAllowedError,
        PermissionDeniedError,
        NotFoundError,
        UnsafeFileError,
        NotARegularFileError,
        InUseError,
        StorageError,
        StorageFullError,
    ),
    operation_id="videos-delete",
)
async def delete_video(
    video_id: VideoId,
    library: LibraryDep,
    uow: SessionDep,
    delete_file: Annotated[
        bool, Query(description="Also delete the file (only inside an allowed root).")
    ] = False,
) -> Response:
    await library.delete(uow, video_id, delete_file=delete_file)
    return Response(status_code=204)
