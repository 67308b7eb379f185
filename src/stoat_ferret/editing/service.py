"""
``EditingService``: the editor's use cases over stored projects (SPEC §9).

Every change follows one path, in the caller's unit of work (one session, one
transaction): take the write lock and load the document, check the version the client
based its change on (``If-Match``), apply the pure operations, validate, then store the
new document with its version row and the usage index, and emit ``project.updated``,
which the unit of work publishes only once it has committed. A refused change raises
before anything is written, so the transaction stores nothing.

Undo and redo step through an undo stack of version numbers kept with the project; each
step is itself a change (a new version whose document is the one stepped to), and a new
edit or a restore clears the redo stack (``docs/design/04-projects.md``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.clock import utcnow
from stoat_ferret.db.json_text import EncodedJSON
from stoat_ferret.editing.batch import SourceInfo, apply_operations, batch_summary
from stoat_ferret.editing.document import (
    ProjectDocument,
    ProjectSettings,
    document_from_json,
    document_json_text,
)
from stoat_ferret.editing.errors import NothingToRedoError, NothingToUndoError
from stoat_ferret.editing.models import ProjectRow, ProjectVersionRow
from stoat_ferret.editing.parsed_cache import Parsed, ParsedDocuments
from stoat_ferret.editing.repository import ProjectRepository
from stoat_ferret.editing.requests import AddClip, Operation, ProjectCreate
from stoat_ferret.editing.schemas import ProjectView
from stoat_ferret.editing.sources import missing_among, missing_sources, source_infos
from stoat_ferret.editing.timeline import DerivedTimeline
from stoat_ferret.editing.validation import validate_document
from stoat_ferret.editing.xfade import XfadeCatalog
from stoat_ferret.errors import FieldValidationError, NotFoundError, VersionConflictError, capped
from stoat_ferret.events.types import EventType

__all__ = ["EditingService", "Work", "new_id"]


class Work(Protocol):
    """What a use case runs in: a unit of work's session and its pending events."""

    @property
    def session(self) -> AsyncSession: ...

    def emit(self, event_type: str, payload: dict[str, Any]) -> None: ...


def new_id() -> str:
    return uuid.uuid4().hex


def _not_found(project_id: str) -> NotFoundError:
    return NotFoundError(f"project {capped(project_id)} not found")


class EditingService:
    def __init__(self, transitions: XfadeCatalog) -> None:
        self.transitions = transitions
        self.parsed = ParsedDocuments()

    # -- reads --------------------------------------------------------------------

    async def list_page(
        self, work: Work, *, limit: int, offset: int
    ) -> tuple[list[ProjectRow], int]:
        return await ProjectRepository(work.session).list_page(limit=limit, offset=offset)

    async def get(self, work: Work, project_id: str) -> ProjectView:
        repository = ProjectRepository(work.session)
        row = await repository.get(project_id)
        if row is None:
            raise _not_found(project_id)
        return await self._view(work.session, row, await self._parsed(repository, row))

    async def timeline(self, work: Work, project_id: str) -> DerivedTimeline:
        """The derived timeline of the current version (no library lookup needed)."""
        repository = ProjectRepository(work.session)
        row = await repository.get(project_id)
        if row is None:
            raise _not_found(project_id)
        return (await self._parsed(repository, row)).timeline

    async def history(
        self, work: Work, project_id: str, *, limit: int, offset: int
    ) -> tuple[ProjectRow, list[ProjectVersionRow], int]:
        repository = ProjectRepository(work.session)
        row = await repository.get(project_id)
        if row is None:
            raise _not_found(project_id)
        versions, total = await repository.history(project_id, limit=limit, offset=offset)
        return row, versions, total

    # -- changes ------------------------------------------------------------------

    async def create(self, work: Work, body: ProjectCreate) -> ProjectView:
        settings = ProjectSettings(**body.model_dump())
        document = ProjectDocument.new(settings, new_id())
        return await self.create_from(work, document, f"Create project {capped(settings.name, 60)}")

    async def create_from(self, work: Work, document: ProjectDocument, summary: str) -> ProjectView:
        """A new project holding ``document`` (validated here) as its version 1."""
        timeline = validate_document(document)
        now = utcnow()
        data = EncodedJSON(document_json_text(document))
        row = ProjectRow(
            id=new_id(),
            **_columns(document, timeline.duration_frames),
            version=1,
            undo_stack=[1],
            redo_stack=[],
            created_at=now,
            updated_at=now,
        )
        parsed = Parsed.of(document, summary)
        repository = ProjectRepository(work.session)
        await repository.add(row)
        await repository.add_version(row.id, 1, data, summary, now)
        await repository.set_sources(row.id, set(), set(parsed.sources))
        self.parsed.put_after_commit(work.session, row.id, 1, parsed)
        work.emit(EventType.PROJECT_CREATED, _event(row, summary))
        return await self._view(work.session, row, parsed)

    async def edit(
        self,
        work: Work,
        project_id: str,
        operations: Sequence[Operation],
        *,
        expected_version: int | None = None,
        batch: bool = False,
    ) -> tuple[ProjectView, list[str | None]]:
        """
        Apply ``operations`` all or nothing, as one new version.

        Raises:
            NotFoundError: no such project (or, outside a batch, no such clip/track...).
            VersionConflictError: ``expected_version`` is not the current version.
            EditRuleError: a rule refused an operation; its field is named.
            SourceMissingError: a new clip's library file is missing.
        """
        repository = ProjectRepository(work.session)
        row = await self._claim(repository, project_id, expected_version)
        wanted = {op.source_video_id for op in operations if isinstance(op, AddClip)}
        before = await self._parsed(repository, row)
        # One library read serves both the new clips and the answer's missing sources:
        # the edit can only add the videos it names (the write lock is held from the
        # claim on, so SQLite reads one state of the library throughout).
        known = await source_infos(work.session, wanted | before.sources)
        applied = apply_operations(
            before.document,
            operations,
            sources=known,
            transition_names=await self.transitions.names(),
            new_id=new_id,
            batch=batch,
        )
        version = row.version + 1
        view = await self._store(
            work,
            repository,
            row,
            before,
            Parsed.of(applied.document),
            batch_summary(applied.summaries),
            undo=[*row.undo_stack, version],
            redo=[],
            known=known,
        )
        return view, applied.created

    async def undo(
        self, work: Work, project_id: str, *, expected_version: int | None = None
    ) -> ProjectView:
        """Go back to the state before the last edit (or redo), as a new version."""
        repository = ProjectRepository(work.session)
        row = await self._claim(repository, project_id, expected_version)
        if len(row.undo_stack) < 2:
            raise NothingToUndoError(f"project {capped(project_id)} has no edit to undo")
        undone, target = row.undo_stack[-1], row.undo_stack[-2]
        current = await self._parsed(repository, row)
        document = await self._document_at(repository, project_id, target, "undo")
        summary = await self._summary_of(repository, project_id, undone)
        return await self._store(
            work,
            repository,
            row,
            current,
            document,
            _capped_summary(f"Undo: {summary}"),
            undo=row.undo_stack[:-1],
            redo=[*row.redo_stack, undone],
            stored_as=target,
        )

    async def redo(
        self, work: Work, project_id: str, *, expected_version: int | None = None
    ) -> ProjectView:
        """Make the last undone edit again, as a new version."""
        repository = ProjectRepository(work.session)
        row = await self._claim(repository, project_id, expected_version)
        if not row.redo_stack:
            raise NothingToRedoError(f"project {capped(project_id)} has no undone edit to redo")
        target = row.redo_stack[-1]
        current = await self._parsed(repository, row)
        document = await self._document_at(repository, project_id, target, "redo")
        summary = await self._summary_of(repository, project_id, target)
        return await self._store(
            work,
            repository,
            row,
            current,
            document,
            _capped_summary(f"Redo: {summary}"),
            undo=[*row.undo_stack, target],
            redo=row.redo_stack[:-1],
            stored_as=target,
        )

    async def restore(
        self, work: Work, project_id: str, version: int, *, expected_version: int | None = None
    ) -> ProjectView:
        """Make a past version's document current, as a new version (an edit: undoable)."""
        repository = ProjectRepository(work.session)
        row = await self._claim(repository, project_id, expected_version)
        found = await self._parsed_at(repository, project_id, version)
        if found is None:
            raise FieldValidationError(
                "version", f"project has no version {version}; it is at {row.version}"
            )
        return await self._store(
            work,
            repository,
            row,
            await self._parsed(repository, row),
            found,
            f"Restore version {version}",
            undo=[*row.undo_stack, row.version + 1],
            redo=[],
            stored_as=version,
        )

    async def delete(
        self, work: Work, project_id: str, *, expected_version: int | None = None
    ) -> None:
        repository = ProjectRepository(work.session)
        row = await self._claim(repository, project_id, expected_version)
        await repository.delete(project_id)
        self.parsed.forget(project_id)
        work.emit(EventType.PROJECT_DELETED, _event(row, f"Delete project {capped(row.name, 60)}"))

    # -- internals ----------------------------------------------------------------

    async def _claim(
        self, repository: ProjectRepository, project_id: str, expected: int | None
    ) -> ProjectRow:
        row = await repository.claim(project_id)
        if row is None:
            raise _not_found(project_id)
        if expected is not None and expected != row.version:
            raise VersionConflictError(
                f"project {project_id}", expected=expected, current_version=row.version
            )
        return row

    async def _parsed_at(
        self, repository: ProjectRepository, project_id: str, version: int
    ) -> Parsed | None:
        """Version ``version`` parsed: from the cache, else its (immutable) version row."""
        found = self.parsed.get(project_id, version)
        if found is None:
            stored = await repository.version_at(project_id, version)
            if stored is None:
                return None
            data, summary = stored
            found = Parsed.of(document_from_json(data), summary)
            self.parsed.put(project_id, version, found)
        return found

    async def _summary_of(
        self, repository: ProjectRepository, project_id: str, version: int
    ) -> str:
        """Version ``version``'s history line (cached with its document when parsed)."""
        found = self.parsed.get(project_id, version)
        if found is not None and found.summary is not None:
            return found.summary
        return await repository.summary_of(project_id, version) or ""

    async def _parsed(self, repository: ProjectRepository, row: ProjectRow) -> Parsed:
        """The current version of ``row`` (its number read in this transaction) parsed."""
        found = await self._parsed_at(repository, row.id, row.version)
        if found is None:  # pragma: no cover - every version has its version row
            raise NotFoundError(f"version {row.version} of project {row.id} is gone")
        return found

    async def _document_at(
        self, repository: ProjectRepository, project_id: str, version: int, what: str
    ) -> Parsed:
        found = await self._parsed_at(repository, project_id, version)
        if found is None:  # pragma: no cover - versions are never removed
            raise NotFoundError(f"version {version} of project {project_id} to {what} is gone")
        return found

    async def _store(
        self,
        work: Work,
        repository: ProjectRepository,
        row: ProjectRow,
        before: Parsed,
        parsed: Parsed,
        summary: str,
        *,
        undo: list[int],
        redo: list[int],
        stored_as: int | None = None,
        known: Mapping[str, SourceInfo] | None = None,
    ) -> ProjectView:
        """Store ``parsed`` (the new document, its timeline and sources) as a new version.

        ``stored_as`` is a version whose stored document is ``parsed``'s (undo, redo,
        restore): the new row copies that text instead of encoding the document again.
        ``known`` is what the library holds of every video the new document uses, when
        the caller has read it already.
        """
        document = parsed.document
        now = utcnow()
        version = row.version + 1
        if stored_as is None:
            data = EncodedJSON(document_json_text(document))
            await repository.add_version(row.id, version, data, summary, now)
        else:
            await repository.copy_version(row.id, version, stored_as, summary, now)
        await repository.update_row(
            row,
            **_columns(document, parsed.timeline.duration_frames),
            version=version,
            undo_stack=undo,
            redo_stack=redo,
            updated_at=now,
        )
        await repository.set_sources(row.id, set(before.sources), set(parsed.sources))
        # The new version's own entry: the same document, with this version's summary.
        stored = Parsed(document, parsed.sources, summary)
        self.parsed.put_after_commit(work.session, row.id, row.version, stored)
        work.emit(EventType.PROJECT_UPDATED, _event(row, summary))
        return await self._view(work.session, row, stored, known)

    async def _view(
        self,
        session: AsyncSession,
        row: ProjectRow,
        parsed: Parsed,
        known: Mapping[str, SourceInfo] | None = None,
    ) -> ProjectView:
        if known is None:
            missing = await missing_sources(session, set(parsed.sources))
        else:
            missing = missing_among(parsed.sources, known)
        return ProjectView(row, parsed.document, parsed.timeline, missing)


def _columns(document: ProjectDocument, duration_frames: int) -> dict[str, Any]:
    # The project row's copies of the settings have the settings' field names.
    return {**asdict(document.settings), "duration_frames": duration_frames}


def _event(row: ProjectRow, summary: str) -> dict[str, Any]:
    return {"project_id": row.id, "version": row.version, "summary": summary}


def _capped_summary(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
