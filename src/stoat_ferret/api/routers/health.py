"""Liveness (the process answers) and readiness (its dependencies work)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from stoat_ferret.api.deps import ServicesDep
from stoat_ferret.api.schemas import Check, Liveness, Readiness

router = APIRouter(prefix="/health", tags=["health"])


@router.get("/live", response_model=Liveness, operation_id="health-live")
async def live() -> Liveness:
    return Liveness()


@router.get(
    "/ready",
    response_model=Readiness,
    responses={503: {"model": Readiness}},
    operation_id="health-ready",
)
async def ready(services: ServicesDep) -> JSONResponse:
    checks: dict[str, Check] = {}
    try:
        await services.database.ping()
        checks["database"] = Check(ok=True, detail=f"{services.database.dialect} answered")
    except Exception as exc:
        checks["database"] = Check(ok=False, detail=f"database error: {exc}")
    missing = [
        name
        for name, path in (("ffprobe", services.ffprobe_path), ("ffmpeg", services.ffmpeg_path))
        if path is None
    ]
    if missing:
        hint = "install ffmpeg or set STOAT_FFPROBE_PATH / STOAT_FFMPEG_PATH"
        checks["ffmpeg"] = Check(ok=False, detail=f"not found: {', '.join(missing)} ({hint})")
    else:
        found = f"ffprobe={services.ffprobe_path} ffmpeg={services.ffmpeg_path}"
        checks["ffmpeg"] = Check(ok=True, detail=found)
    healthy = all(check.ok for check in checks.values())
    body = Readiness(status="ok" if healthy else "degraded", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if healthy else 503)
