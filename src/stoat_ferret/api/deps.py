"""FastAPI dependencies: typed access to the services the lifespan built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from stoat_ferret.api.auth import (
    CHALLENGE_HEADERS,
    UNAUTHORIZED_DETAIL,
    presented_token,
    token_matches,
)
from stoat_ferret.api.metrics import Metrics
from stoat_ferret.db import Database
from stoat_ferret.editing.service import EditingService
from stoat_ferret.events import EventHub
from stoat_ferret.jobs import AsyncJobQueue
from stoat_ferret.library.service import LibraryService
from stoat_ferret.settings import Settings


@dataclass
class Services:
    """Everything a request may need; built by ``create_app``, owned by its lifespan."""

    settings: Settings
    database: Database
    queue: AsyncJobQueue
    hub: EventHub
    metrics: Metrics
    heartbeat_interval_s: float
    ffprobe_path: str | None
    ffmpeg_path: str | None
    library: LibraryService | None = None
    editing: EditingService | None = None


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def get_settings(services: ServicesDep) -> Settings:
    return services.settings


async def get_queue(services: ServicesDep) -> AsyncJobQueue:
    return services.queue


SettingsDep = Annotated[Settings, Depends(get_settings)]
QueueDep = Annotated[AsyncJobQueue, Depends(get_queue)]

_bearer = HTTPBearer(auto_error=False)


async def require_token(
    request: Request,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """When ``STOAT_API_TOKEN`` is set, every /api call needs ``Authorization: Bearer``.

    ``?token=`` is accepted too, for what a browser fetches without letting a page set
    headers (``<img>`` thumbnails); a header, when present, wins. ``TokenAuthMiddleware``
    already refused a bad request before its body was read; this second check at the
    route keeps a route closed even if a path ever escaped the middleware's match.
    ``credentials`` is declared so the OpenAPI schema shows the bearer scheme.
    """
    if not token_matches(settings.api_token, presented_token(request.scope)):
        raise HTTPException(status_code=401, detail=UNAUTHORIZED_DETAIL, headers=CHALLENGE_HEADERS)
