"""
The editor's answer to the library's "who uses this video?" (``VIDEO_USAGE``).

Registered by ``setup_editing``; read from the ``project_sources`` index, which every
change of a project keeps in step with its current document, in the asking delete's
own transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.editing.repository import ProjectRepository
from stoat_ferret.library.usage import ProjectRef

__all__ = ["ProjectVideoUsage"]


class ProjectVideoUsage:
    """The projects whose current document has a clip from a video."""

    async def projects_using(self, session: AsyncSession, video_id: str) -> Sequence[ProjectRef]:
        users = await ProjectRepository(session).projects_using(video_id)
        return [ProjectRef(id=project_id, name=name) for project_id, name in users]
