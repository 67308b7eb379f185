"""FastAPI dependencies: typed access to the services the lifespan built.

``SessionDep`` is the request's unit of work: one session, one transaction, committed
when the route returns (before the response is sent) and rolled back when it raises;
the events produced in it are published after the commit (``db/unit_of_work.py``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, TypedDict

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from stoat_ferret.api.auth import (
    CHALLENGE_HEADERS,
    UNAUTHORIZED_DETAIL,
    presented_token,
    token_matches,
)
from stoat_ferret.api.metrics import Metrics
from stoat_ferret.db import Database, UnitOfWork
from stoat_ferret.events import EventHub
from stoat_ferret.jobs import AsyncJobQueue
from stoat_ferret.settings import Settings
from stoat_ferret.wiring import Core, Domains


@dataclass(frozen=True)
class Services:
    """Everything a request may need; built whole by the lifespan before it yields.

    Domains are reached by type (``services.domains.get(LibraryDomain)``), so adding
    one changes nothing here.
    """

    core: Core
    hub: EventHub
    metrics: Metrics
    domains: Domains
    heartbeat_interval_s: float
    ffprobe_path: str | None
    ffmpeg_path: str | None

    @property
    def settings(self) -> Settings:
        return self.core.settings

    @property
    def database(self) -> Database:
        return self.core.database

    @property
    def queue(self) -> AsyncJobQueue:
        return self.core.queue


class AppState(TypedDict):
    """What the lifespan yields (Starlette's lifespan state)."""

    services: Services


async def get_services(request: Request) -> Services:
    # Read from app.state, where the lifespan also puts it: in-process test transports
    # (httpx.ASGITransport) send no lifespan events, so request.state would be empty.
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def get_unit_of_work(services: ServicesDep) -> AsyncIterator[UnitOfWork]:
    async with services.core.unit_of_work() as uow:
        yield uow


#: scope="function": the commit happens before the response is sent, so a client that
#: got its answer can rely on the change being stored, and a failed commit is an error.
SessionDep = Annotated[UnitOfWork, Depends(get_unit_of_work, scope="function")]


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
