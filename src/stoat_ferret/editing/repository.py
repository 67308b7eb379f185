"""
``ProjectRepository``: every query on the editor's tables, in the caller's session.

The repository never commits: it works in the session of the caller's unit of work, so
a change (the new document, its version row, the usage index) and its event commit or
roll back as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Table, Update, bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer
from sqlalchemy.orm.attributes import set_committed_value

from stoat_ferret.db.base import UTCDateTime
from stoat_ferret.db.json_text import EncodedJSON
from stoat_ferret.editing.models import ProjectRow, ProjectSourceRow, ProjectVersionRow

__all__ = ["ProjectRepository"]

# The tables themselves, for the writes of a change: Core statements skip the ORM's
# unit of work and its synchronisation of loaded objects (``docs/performance.md``).
_PROJECTS: Table = ProjectRow.__table__  # type: ignore[assignment]
_VERSIONS: Table = ProjectVersionRow.__table__  # type: ignore[assignment]
_SOURCES: Table = ProjectSourceRow.__table__  # type: ignore[assignment]

# The statements of every change, built once with bound parameters: building and
# hashing a statement for each request cost about as much as running it.
_CLAIM = (
    update(ProjectRow)
    .where(ProjectRow.id == bindparam("project_id"))
    .values(version=ProjectRow.version)
    .returning(ProjectRow)
    .execution_options(synchronize_session=False)
)
_ADD_VERSION = _VERSIONS.insert()
_COPY_VERSION = _VERSIONS.insert().from_select(
    ["project_id", "version", "document", "summary", "created_at"],
    select(
        bindparam("project_id", type_=_VERSIONS.c.project_id.type),
        bindparam("version", type_=_VERSIONS.c.version.type),
        _VERSIONS.c.document,
        bindparam("summary", type_=_VERSIONS.c.summary.type),
        bindparam("created_at", type_=UTCDateTime()),
    ).where(
        _VERSIONS.c.project_id == bindparam("project_id"),
        _VERSIONS.c.version == bindparam("source_version"),
    ),
)
_ADD_SOURCES = _SOURCES.insert()


@cache
def _update_row(names: tuple[str, ...]) -> Update:
    """``UPDATE projects SET <names> WHERE pk = :row_pk`` (one per set of columns)."""
    values = {name: bindparam(f"new_{name}", type_=_PROJECTS.c[name].type) for name in names}
    return _PROJECTS.update().where(_PROJECTS.c.pk == bindparam("row_pk")).values(values)


class ProjectRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(self, project_id: str) -> ProjectRow | None:
        """
        Take the database's write lock before reading a project that will change.

        SQLite begins the transaction at the first write; a change that read first and
        wrote later could be based on a version another writer has just replaced. A
        no-op update first makes the read and the write one serialised step (a second
        editor waits here). The update returns the row it locked (one statement, not an
        update and a select); None when there is no such project.
        """
        locked: ProjectRow | None = await self._session.scalar(_CLAIM, {"project_id": project_id})
        return locked

    async def get(self, project_id: str) -> ProjectRow | None:
        """The project row; its document is the version row at ``version`` (``document_at``)."""
        return await self._session.scalar(select(ProjectRow).where(ProjectRow.id == project_id))

    async def list_page(self, *, limit: int, offset: int) -> tuple[list[ProjectRow], int]:
        """Projects newest first, without their undo/redo stacks (the columns suffice)."""
        rows = await self._session.scalars(
            select(ProjectRow)
            .options(defer(ProjectRow.undo_stack), defer(ProjectRow.redo_stack))
            .order_by(ProjectRow.pk.desc())
            .limit(limit)
            .offset(offset)
        )
        total = await self._session.scalar(select(func.count()).select_from(ProjectRow))
        return list(rows.all()), int(total or 0)

    async def add(self, row: ProjectRow) -> None:
        self._session.add(row)
        await self._session.flush()

    async def add_version(
        self,
        project_id: str,
        version: int,
        document: dict[str, Any] | EncodedJSON,
        summary: str,
        row_time: Any,
    ) -> None:
        """Insert a version row: one Core statement, not the ORM's unit of work.

        The row is never read back in this transaction (its document is parsed already),
        so nothing is gained by an ORM object, whose flush cost more than the insert.
        """
        await self._session.execute(
            _ADD_VERSION,
            {
                "project_id": project_id,
                "version": version,
                "document": document,
                "summary": summary,
                "created_at": row_time,
            },
        )

    async def copy_version(
        self, project_id: str, version: int, source_version: int, summary: str, row_time: Any
    ) -> None:
        """Insert version ``version`` whose document is the stored one of ``source_version``.

        Undo, redo and restore make a version holding an earlier document: the database
        copies that row's text, so the document is neither encoded nor sent again.
        """
        await self._session.execute(
            _COPY_VERSION,
            {
                "project_id": project_id,
                "version": version,
                "source_version": source_version,
                "summary": summary,
                "created_at": row_time,
            },
        )

    async def update_row(self, row: ProjectRow, **values: Any) -> None:
        """Write ``values`` to the (claimed) project row, and into ``row`` as stored.

        One explicit ``UPDATE`` by primary key; ``row`` then holds the values as if
        loaded, so the session has nothing left to flush at commit.
        """
        parameters = {f"new_{name}": value for name, value in values.items()}
        await self._session.execute(_update_row(tuple(values)), {"row_pk": row.pk, **parameters})
        for name, value in values.items():
            set_committed_value(row, name, value)

    async def document_at(self, project_id: str, version: int) -> dict[str, Any] | None:
        document: dict[str, Any] | None = await self._session.scalar(
            select(ProjectVersionRow.document).where(
                ProjectVersionRow.project_id == project_id, ProjectVersionRow.version == version
            )
        )
        return document

    async def version_at(self, project_id: str, version: int) -> tuple[dict[str, Any], str] | None:
        """Version ``version``'s stored document and summary (``None``: no such version)."""
        found = (
            await self._session.execute(
                select(ProjectVersionRow.document, ProjectVersionRow.summary).where(
                    ProjectVersionRow.project_id == project_id,
                    ProjectVersionRow.version == version,
                )
            )
        ).first()
        return None if found is None else (found[0], found[1])

    async def summary_of(self, project_id: str, version: int) -> str | None:
        return await self._session.scalar(
            select(ProjectVersionRow.summary).where(
                ProjectVersionRow.project_id == project_id, ProjectVersionRow.version == version
            )
        )

    async def history(
        self, project_id: str, *, limit: int, offset: int
    ) -> tuple[list[ProjectVersionRow], int]:
        """Versions newest first, without their documents."""
        rows = await self._session.scalars(
            select(ProjectVersionRow)
            .options(defer(ProjectVersionRow.document))
            .where(ProjectVersionRow.project_id == project_id)
            .order_by(ProjectVersionRow.version.desc())
            .limit(limit)
            .offset(offset)
        )
        total = await self._session.scalar(
            select(func.count())
            .select_from(ProjectVersionRow)
            .where(ProjectVersionRow.project_id == project_id)
        )
        return list(rows.all()), int(total or 0)

    async def sources(self, project_id: str) -> set[str]:
        found = await self._session.scalars(
            select(ProjectSourceRow.video_id).where(ProjectSourceRow.project_id == project_id)
        )
        return set(found.all())

    async def set_sources(self, project_id: str, old: set[str], new: set[str]) -> None:
        """Bring the usage index from ``old`` to ``new`` (only the difference is written)."""
        gone, added = old - new, new - old
        if gone:
            await self._session.execute(
                delete(ProjectSourceRow).where(
                    ProjectSourceRow.project_id == project_id,
                    ProjectSourceRow.video_id.in_(sorted(gone)),
                )
            )
        if added:
            await self._session.execute(
                _ADD_SOURCES,
                [{"project_id": project_id, "video_id": video_id} for video_id in sorted(added)],
            )

    async def delete(self, project_id: str) -> None:
        # Explicit deletes rather than relying on ON DELETE CASCADE alone: the rows go
        # in this transaction whatever the connection's foreign-key setting.
        for table in (ProjectSourceRow, ProjectVersionRow):
            await self._session.execute(delete(table).where(table.project_id == project_id))
        await self._session.execute(delete(ProjectRow).where(ProjectRow.id == project_id))

    async def projects_using(self, video_id: str) -> Sequence[tuple[str, str]]:
        """``(id, name)`` of every project with a clip from ``video_id``, oldest first."""
        rows = await self._session.execute(
            select(ProjectRow.id, ProjectRow.name)
            .join(ProjectSourceRow, ProjectSourceRow.project_id == ProjectRow.id)
            .where(ProjectSourceRow.video_id == video_id)
            .order_by(ProjectRow.pk)
        )
        return [(project_id, name) for project_id, name in rows.all()]
