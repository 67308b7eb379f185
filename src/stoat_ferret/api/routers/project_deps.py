"""What the project routes share: the service, the request's unit of work, ``If-Match``."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.convertors import Convertor, register_url_convertor

from stoat_ferret.api.deps import ServicesDep
from stoat_ferret.editing.requests import ID_PATTERN
from stoat_ferret.editing.service import EditingService, Work
from stoat_ferret.errors import FieldValidationError

ID_REGEX = "[0-9a-f]{32}"


class _ProjectIdConvertor(Convertor[str]):
    """Routes ``/projects/{id}`` only for what can be an id (as ``/videos/{id}``), so a
    static sibling such as ``/projects/import`` is never taken for a project."""

    regex = ID_REGEX

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("project_id", _ProjectIdConvertor())

ProjectId = Annotated[str, Path(pattern=ID_PATTERN, description="32 hex digits.")]
ObjectId = Annotated[str, Path(pattern=ID_PATTERN, description="32 hex digits.")]


async def get_editing(services: ServicesDep) -> EditingService:
    assert services.editing is not None
    return services.editing


EditingDep = Annotated[EditingService, Depends(get_editing)]


class _RequestWork:
    """One request's session and the events to publish once it has committed."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.events: list[tuple[str, dict[str, Any]]] = []

    def emit(self, event_type: str, payload: dict[str, Any]) -> None:
        self.events.append((event_type, payload))


async def get_work(services: ServicesDep) -> AsyncIterator[Work]:
    async with services.database.sessions() as session:
        work = _RequestWork(session)
        async with session.begin():
            yield work
    for event_type, payload in work.events:
        services.hub.publish(event_type, payload)


#: scope="function": the commit happens before the response is sent, so a client that
#: got its answer can rely on the change being stored (and hears its event after).
WorkDep = Annotated[Work, Depends(get_work, scope="function")]

_VERSION = re.compile(r'^(?:W/)?"?([0-9]{1,10})"?$')


def _if_match(
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            max_length=40,
            description="The version the change is based on; a stale one answers 412.",
        ),
    ] = None,
) -> int | None:
    if if_match is None or if_match.strip() == "*":
        return None
    match = _VERSION.match(if_match.strip())
    if match is None:
        raise FieldValidationError("If-Match", 'must be a project version such as 3 or "3"')
    return int(match.group(1))


IfMatch = Annotated[int | None, Depends(_if_match)]


def tag(response: Response, version: int) -> None:
    """``ETag`` of the project's version, so a client can send it back as ``If-Match``."""
    response.headers["ETag"] = f'"{version}"'
