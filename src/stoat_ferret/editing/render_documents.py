"""
The editor's answer to the render's ``ProjectDocuments`` question (``render/ports.py``).

Registered by ``setup_editing`` under ``PROJECT_DOCUMENTS``: the render loads the
document it compiles (the current one when it validates a request, the version it was
asked for when the job runs) without importing the editor's repository.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.editing.document import document_from_json
from stoat_ferret.editing.repository import ProjectRepository
from stoat_ferret.errors import NotFoundError, capped
from stoat_ferret.render.ports import StoredProject

__all__ = ["StoredProjectDocuments"]


class StoredProjectDocuments:
    """``ProjectDocuments`` over the ``projects`` and ``project_versions`` tables."""

    async def load(
        self, session: AsyncSession, project_id: str, version: int | None = None
    ) -> StoredProject:
        repository = ProjectRepository(session)
        row = await repository.get(project_id)
        if row is None:
            raise NotFoundError(f"project {capped(project_id)} not found")
        if version is None:
            version = row.version
        data = await repository.document_at(project_id, version)
        if data is None:
            raise NotFoundError(f"project {capped(project_id)} has no version {version}")
        return StoredProject(project_id, version, document_from_json(data))
