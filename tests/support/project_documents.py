"""A small, real ``ProjectDocuments`` for render tests while the editor's store is elsewhere.

Documents are kept as JSON in a real SQLite table of the app's own database
(``test_project_documents``), read in the caller's session like the editor's store
will be. ``PROJECTS`` is a domain that registers it, wired like any other.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.api.deps import SessionDep
from stoat_ferret.editing.document import ProjectDocument, document_from_json, document_to_json
from stoat_ferret.errors import NotFoundError
from stoat_ferret.jobs import JobHandler
from stoat_ferret.render.ports import PROJECT_DOCUMENTS, StoredProject
from stoat_ferret.wiring import Core, DomainSetup

_CREATE = (
    "CREATE TABLE IF NOT EXISTS test_project_documents ("
    "project_id TEXT NOT NULL, version INTEGER NOT NULL, document TEXT NOT NULL, "
    "PRIMARY KEY (project_id, version))"
)


class SqliteProjectDocuments:
    async def store(self, session: AsyncSession, project_id: str, document: ProjectDocument) -> int:
        """Save ``document`` as the project's next version; returns that version."""
        await session.execute(text(_CREATE))
        current = await session.scalar(
            text("SELECT max(version) FROM test_project_documents WHERE project_id = :p"),
            {"p": project_id},
        )
        version = int(current or 0) + 1
        await session.execute(
            text("INSERT INTO test_project_documents VALUES (:p, :v, :d)"),
            {"p": project_id, "v": version, "d": json.dumps(document_to_json(document))},
        )
        return version

    async def load(
        self, session: AsyncSession, project_id: str, version: int | None = None
    ) -> StoredProject:
        await session.execute(text(_CREATE))
        query = "SELECT version, document FROM test_project_documents WHERE project_id = :p"
        if version is not None:
            query += " AND version = :v"
        row = (
            await session.execute(
                text(query + " ORDER BY version DESC LIMIT 1"), {"p": project_id, "v": version}
            )
        ).first()
        if row is None:
            raise NotFoundError(f"project {project_id!r} not found")
        return StoredProject(project_id, int(row[0]), document_from_json(json.loads(row[1])))


DOCUMENTS = SqliteProjectDocuments()

router = APIRouter(prefix="/test")


@router.put("/projects/{project_id}")
async def put_project(project_id: str, document: dict[str, Any], uow: SessionDep) -> dict[str, int]:
    """Store a document (its ``document_to_json`` form) as the project's next version."""
    version = await DOCUMENTS.store(uow.session, project_id, document_from_json(document))
    return {"version": version}


@dataclass(frozen=True)
class ProjectsDomain:
    job_handlers: Mapping[str, JobHandler] = field(default_factory=dict)
    event_types: frozenset[str] = frozenset()


def _setup(core: Core) -> ProjectsDomain:
    core.registry.add(PROJECT_DOCUMENTS, DOCUMENTS)
    return ProjectsDomain()


PROJECTS = DomainSetup(name="test-projects", setup=_setup)
