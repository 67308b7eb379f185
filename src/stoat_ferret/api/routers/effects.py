"""The effect catalog: list it, build one filter string, preview one effect on a video."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from stoat_ferret.api.deps import ServicesDep
from stoat_ferret.api.disconnect import (
    CLIENT_CLOSED_REQUEST,
    ClientDisconnected,
    unless_disconnected,
)
from stoat_ferret.api.error_models import error_responses
from stoat_ferret.editing.effect_schemas import (
    CATALOG_CONTEXT,
    EffectCatalog,
    EffectOut,
    EffectPreviewRequest,
    FilterPreview,
)
from stoat_ferret.editing.effects import CATALOG, get_effect
from stoat_ferret.editing.errors import EffectParameterError
from stoat_ferret.errors import DependencyUnavailableError, NotFoundError, PathNotAllowedError
from stoat_ferret.ffmpeg.frames import PreviewFailedError, PreviewTimeoutError
from stoat_ferret.library.domain import LibraryDomain
from stoat_ferret.render.effect_preview import MAX_PREVIEW_WIDTH, MIN_PREVIEW_WIDTH
from stoat_ferret.render.preview_domain import PreviewDomain
from stoat_ferret.render.preview_service import LibraryVideo, PreviewSourceMissingError

router = APIRouter(prefix="/effects", tags=["effects"])

_MAX_PARAMETERS_CHARS = 8192
_MAX_T_S = 1_000_000.0


@router.get("", response_model=EffectCatalog, operation_id="effects-list")
async def list_effects() -> EffectCatalog:
    """Every effect with its parameter schema, hints, examples and a filter preview."""
    return EffectCatalog(effects=[EffectOut.of(effect) for effect in CATALOG.values()])


@router.post(
    "/preview",
    response_model=FilterPreview,
    operation_id="effects-preview",
)
async def preview_filter_string(body: EffectPreviewRequest) -> FilterPreview:
    """
    The filter string of one parameter set (for a 10-second clip at 30 fps).

    An unknown ``effect_type`` or parameters the effect's schema refuses answer 422
    naming the field (``effect_type``, ``parameters.font_size``).
    """
    effect = get_effect(body.effect_type)
    return FilterPreview(filter_string=effect.filter_string(body.parameters, CATALOG_CONTEXT))


def _parameters(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise EffectParameterError(
            "parameters", f"is not valid JSON ({exc}); send a URL-encoded JSON object"
        ) from None


async def _library_video(services: ServicesDep, video_id: str) -> LibraryVideo:
    # A unit of work of its own, closed before ffmpeg starts: a SessionDep would keep
    # the session open for the whole run.
    library = services.domains.get(LibraryDomain).service
    async with services.core.unit_of_work() as uow:
        row = await library.get(uow, video_id)
        rate = None
        if row.frame_rate_numerator and row.frame_rate_denominator:
            rate = Fraction(row.frame_rate_numerator, row.frame_rate_denominator)
        return LibraryVideo(
            video_id=row.id,
            path=row.path,
            missing=row.missing,
            duration_s=row.duration_seconds,
            frame_rate=rate,
        )


@router.get(
    "/{effect_type}/preview.jpg",
    response_class=Response,
    responses={
        200: {"content": {"image/jpeg": {}}, "description": "The frame with the effect."},
        **error_responses(
            PathNotAllowedError,
            NotFoundError,
            PreviewSourceMissingError,
            EffectParameterError,
            PreviewFailedError,
            PreviewTimeoutError,
            DependencyUnavailableError,
        ),
    },
    operation_id="effects-preview-image",
)
async def preview_image(
    request: Request,
    services: ServicesDep,
    effect_type: Annotated[
        str,
        Path(
            max_length=64,
            description="A video effect's `effect_type`.",
            json_schema_extra={"enum": list(CATALOG)},
        ),
    ],
    video_id: Annotated[str, Query(min_length=1, max_length=64, description="A library video.")],
    t: Annotated[
        float,
        Query(ge=0, le=_MAX_T_S, allow_inf_nan=False, description="Seconds into the video."),
    ] = 0.0,
    parameters: Annotated[
        str,
        Query(max_length=_MAX_PARAMETERS_CHARS, description="The effect's parameters as JSON."),
    ] = "{}",
    width: Annotated[
        int, Query(ge=MIN_PREVIEW_WIDTH, le=MAX_PREVIEW_WIDTH, description="Picture width (px).")
    ] = 640,
) -> Response:
    """
    A JPEG of the library video at ``t`` seconds with the effect applied.

    The effect is built as on a clip of the whole video. Audio effects have no picture
    (422 on ``effect_type``). The file must lie in an allowed root (403) and exist
    (409 ``SOURCE_MISSING``); ffmpeg gets ``STOAT_PREVIEW_TIMEOUT`` seconds (503
    ``PREVIEW_TIMEOUT``), and stops at once when the client disconnects.
    """
    get_effect(effect_type)  # an unknown effect is refused before any lookup
    values = _parameters(parameters)
    video = await _library_video(services, video_id)
    work = services.domains.get(PreviewDomain).previewer.jpeg(
        video,
        ffmpeg_path=services.ffmpeg_path,
        effect_type=effect_type,
        parameters=values,
        t=t,
        width=width,
    )
    try:
        picture = await unless_disconnected(request, work)
    except ClientDisconnected:
        return Response(status_code=CLIENT_CLOSED_REQUEST)
    return Response(picture, media_type="image/jpeg", headers={"Cache-Control": "no-cache"})
