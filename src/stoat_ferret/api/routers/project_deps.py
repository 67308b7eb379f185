"""What the project routes share: the editing service, ``If-Match``, the project id."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Header, Path, Response
from starlette.convertors import Convertor, register_url_convertor

from stoat_ferret.api.deps import ServicesDep
from stoat_ferret.editing.domain import EditingDomain
from stoat_ferret.editing.requests import ID_PATTERN
from stoat_ferret.editing.service import EditingService
from stoat_ferret.errors import FieldValidationError

ID_REGEX = "[0-9a-f]{32}"


class _ProjectIdConvertor(Convertor[str]):
    """
    Routes ``/projects/{id}`` only for what can be an id (as ``/videos/{id}``), so a
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
    return services.domains.get(EditingDomain).service


EditingDep = Annotated[EditingService, Depends(get_editing)]


#: What ``If-Match`` may hold: a version, bare or as an ETag (``"3"``, ``W/"3"``), or ``*``.
IF_MATCH_PATTERN = r'^\s*(\*|(W/)?"?[0-9]{1,10}"?)\s*$'
_VERSION = re.compile(r'^(?:W/)?"?([0-9]{1,10})"?$')


def _if_match(
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            max_length=40,
            pattern=IF_MATCH_PATTERN,
            description='The version the change is based on (`3`, `"3"` or `*`); '
            "a stale one answers 412.",
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
