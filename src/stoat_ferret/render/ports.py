"""
What the render asks other domains, as protocols they register at wiring time.

The render owns no project and no library record: it needs a project's document (the
editor's) and facts about the files its clips use (the library's). Each answering
domain registers an implementation under the key here when it is set up
(``core.registry.add(PROJECT_DOCUMENTS, ...)``); the render never imports them
(``docs/design/03-wiring.md``). With no ``PROJECT_DOCUMENTS`` registered every project
is unknown (404); with no ``RENDER_MEDIA`` every source is missing (409).

Both take the caller's session, so a request's checks and a job's load each read one
consistent snapshot.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.editing.document import ProjectDocument
from stoat_ferret.wiring import Contribution

__all__ = [
    "PROJECT_DOCUMENTS",
    "RENDER_MEDIA",
    "MediaFacts",
    "ProjectDocuments",
    "RenderMedia",
    "StoredProject",
]


@dataclass(frozen=True, slots=True)
class StoredProject:
    """A project's document at one version."""

    project_id: str
    version: int
    document: ProjectDocument


class ProjectDocuments(Protocol):
    async def load(
        self, session: AsyncSession, project_id: str, version: int | None = None
    ) -> StoredProject:
        """
        The project's document: the current one, or the one of ``version``.

        Raises:
            NotFoundError: no such project, or it never had that version.
        """
        ...


@dataclass(frozen=True, slots=True)
class MediaFacts:
    """
    What the render needs to know about one library file.

    Attributes:
        path: the file's absolute path.
        missing: the last scan did not find it.
        has_video, has_audio: it has such a stream.
        frame_rate: its own rate when known.
        duration_s: its length when known.
        width, height: its picture size when known (the ETA's cost model).
    """

    video_id: str
    path: str
    missing: bool
    has_video: bool
    has_audio: bool
    frame_rate: Fraction | None = None
    duration_s: float | None = None
    width: int | None = None
    height: int | None = None


class RenderMedia(Protocol):
    async def facts(
        self, session: AsyncSession, video_ids: Collection[str]
    ) -> Mapping[str, MediaFacts]:
        """Facts of every known video among ``video_ids`` (unknown ids are left out)."""
        ...


PROJECT_DOCUMENTS: Contribution[ProjectDocuments] = Contribution("render.project_documents")
RENDER_MEDIA: Contribution[RenderMedia] = Contribution("render.media")
