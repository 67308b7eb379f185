"""The transitions the local ffmpeg can draw (``xfade``), asked once per process."""

from __future__ import annotations

from fastapi import APIRouter

from stoat_ferret.api.deps import ServicesDep
from stoat_ferret.api.error_models import error_responses
from stoat_ferret.editing.effect_schemas import TransitionList, TransitionOut
from stoat_ferret.editing.transitions import describe_transition
from stoat_ferret.errors import DependencyUnavailableError
from stoat_ferret.ffmpeg.xfade import xfade_transitions

router = APIRouter(prefix="/transitions", tags=["transitions"])


@router.get(
    "",
    response_model=TransitionList,
    responses=error_responses(DependencyUnavailableError),
    operation_id="transitions-list",
)
async def list_transitions(services: ServicesDep) -> TransitionList:
    """Every ``transition`` value of this ffmpeg's ``xfade`` (``custom`` excepted)."""
    if services.ffmpeg_path is None:
        raise DependencyUnavailableError(
            "ffmpeg not found; install FFmpeg or set STOAT_FFMPEG_PATH"
        )
    names = await xfade_transitions(services.ffmpeg_path)
    return TransitionList(
        transitions=[
            TransitionOut(name=name, description=describe_transition(name)) for name in names
        ]
    )
