"""
What the project routes share: the editing service, ``If-Match``, the project id, and
:class:`ProjectChange`, the one way a route makes a change and answers it."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Response
from starlette.convertors import Convertor, register_url_convertor

from stoat_ferret.api.deps import ServicesDep, SessionDep
from stoat_ferret.editing.domain import EditingDomain
from stoat_ferret.editing.project_json import project_json
from stoat_ferret.editing.requests import ID_PATTERN, Operation
from stoat_ferret.editing.schemas import ProjectOut, ProjectView
from stoat_ferret.editing.service import EditingService, Work
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


async def _if_match(
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
    # ``async`` although it awaits nothing: FastAPI runs a plain ``def`` dependency in a
    # worker thread, a thread hop on every change for a regular expression.
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


def answer(response: Response, view: ProjectView) -> ProjectOut:
    """The project as part of an answer (a batch's, an import's), its version in ``ETag``."""
    tag(response, view.row.version)
    return ProjectOut.of(view)


def project_response(view: ProjectView, status_code: int = 200) -> Response:
    """The project as the whole answer: ``ProjectOut``'s JSON, its version in ``ETag``.

    The bytes are joined from remembered parts (``project_json``), the same that
    FastAPI would write for ``ProjectOut.of(view)``; the route keeps ``ProjectOut`` as
    its ``response_model``, so the API's schema is unchanged.
    """
    response = Response(project_json(view), status_code=status_code, media_type="application/json")
    tag(response, view.row.version)
    return response


@dataclass(frozen=True)
class ProjectChange:
    """
    One request's change of a project: the service, the unit of work, the version the
    client based it on (``If-Match``) and the response whose ``ETag`` gets the new one.

    Every changing route goes through it, so each answers the same way: the new version
    in ``ETag``, and the project (``answer``), the changed object or 204 (``no_content``).
    """

    editing: EditingService
    work: Work
    expected: int | None
    response: Response

    async def edit(
        self,
        project_id: str,
        operations: Sequence[Operation],
        *,
        expected: int | None = None,
        batch: bool = False,
    ) -> tuple[ProjectView, list[str | None]]:
        """Apply ``operations`` as one version (``expected`` overrides ``If-Match``)."""
        view, created = await self.editing.edit(
            self.work,
            project_id,
            operations,
            expected_version=self.expected if expected is None else expected,
            batch=batch,
        )
        tag(self.response, view.row.version)
        return view, created

    async def one(self, project_id: str, operation: Operation) -> tuple[ProjectView, str | None]:
        """One operation: the project after it and the id of what it made (or ``None``)."""
        view, created = await self.edit(project_id, [operation])
        return view, created[0]

    async def made(self, project_id: str, operation: Operation) -> tuple[ProjectView, str]:
        """An operation that makes a track, clip or transition: the project and its id."""
        view, created = await self.one(project_id, operation)
        assert created is not None, f"{operation.op} made nothing"
        return view, created

    async def removed(self, project_id: str, operation: Operation) -> Response:
        """An operation that removes something: 204 with the new version."""
        await self.one(project_id, operation)
        return self.no_content()

    async def step(
        self, use_case: Callable[..., Awaitable[ProjectView]], project_id: str, *args: Any
    ) -> Response:
        """Run an ``EditingService`` use case such as ``undo`` and answer the project."""
        view = await use_case(self.work, project_id, *args, expected_version=self.expected)
        return project_response(view)

    def answer(self, view: ProjectView) -> ProjectOut:
        return answer(self.response, view)

    def no_content(self) -> Response:
        """204 with the new version's ``ETag`` (a returned response drops the injected one's)."""
        return Response(status_code=204, headers={"ETag": self.response.headers["ETag"]})


async def _project_change(
    editing: EditingDep, work: SessionDep, if_match: IfMatch, response: Response
) -> ProjectChange:
    return ProjectChange(editing, work, if_match, response)


ChangeDep = Annotated[ProjectChange, Depends(_project_change)]
