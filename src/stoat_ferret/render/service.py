"""
``RenderService``: the render's use cases, shared by the routes and the job.

Every use case starts from :meth:`RenderService.prepare`: the project's document (through
the registered ``ProjectDocuments``), its derived timeline, and each clip's source
(through the registered ``RenderMedia``). A render request is checked whole before any
job exists (SPEC §10): the formats, the project, its sources, the output path; a
refusal leaves nothing behind.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.editing.document import ProjectDocument
from stoat_ferret.editing.timeline import DerivedTimeline
from stoat_ferret.editing.validation import validate_document
from stoat_ferret.errors import NotFoundError, capped
from stoat_ferret.ffmpeg.frames import JpegCache, grab_jpeg
from stoat_ferret.jobs import AsyncJobQueue, JobStatus
from stoat_ferret.render.errors import EmptyProjectError, SourceMissingError
from stoat_ferret.render.formats import FormatCatalog
from stoat_ferret.render.frame import frame_command
from stoat_ferret.render.graph import render_command
from stoat_ferret.render.output import default_output, resolve_output
from stoat_ferret.render.ports import MediaFacts, ProjectDocuments, RenderMedia, StoredProject
from stoat_ferret.render.schemas import RenderRequest
from stoat_ferret.render.settings import RenderCommand, RenderSettings, SourceMedia

__all__ = ["RENDER_JOB_TYPE", "Prepared", "RenderService"]

RENDER_JOB_TYPE = "render"


@dataclass(frozen=True)
class Prepared:
    """A project ready to compile: its document, timeline and sources."""

    stored: StoredProject
    timeline: DerivedTimeline
    sources: Mapping[str, SourceMedia]

    @property
    def document(self) -> ProjectDocument:
        return self.stored.document


def _source_ids(document: ProjectDocument) -> set[str]:
    return {clip.source_id for track in document.tracks for clip in track.clips}


def _files_present(paths: Sequence[str]) -> list[str]:
    return [path for path in paths if not os.path.isfile(path)]


class RenderService:
    """
    Built once per app by ``setup_render``.

    Args:
        queue: where ``render`` jobs go.
        documents, media: the registered answers (asked at call time, so the order of
            the domain setups does not matter).
        formats: the local ffmpeg's containers and encoders.
        renders_dir: ``<data dir>/renders``, for renders without ``output_path``.
        allowed_roots: ``STOAT_ALLOWED_SCAN_ROOTS``.
        ffmpeg: the executable.
        frame_timeout_s: a frame preview's bound (``STOAT_PREVIEW_TIMEOUT``).
    """

    def __init__(
        self,
        queue: AsyncJobQueue,
        *,
        documents: Callable[[], Sequence[ProjectDocuments]],
        media: Callable[[], Sequence[RenderMedia]],
        formats: FormatCatalog,
        renders_dir: Path,
        allowed_roots: list[Path],
        ffmpeg: str,
        frame_timeout_s: float,
    ) -> None:
        self._queue = queue
        self._documents = documents
        self._media = media
        self.formats = formats
        self.renders_dir = renders_dir
        self._allowed_roots = allowed_roots
        self.ffmpeg = ffmpeg
        self._frame_timeout_s = frame_timeout_s
        #: The last frame previews, by (project, version, at, width): a version never
        #: changes, so an entry is never stale.
        self.frames: JpegCache[tuple[str, int, int, int]] = JpegCache()

    async def load(
        self, session: AsyncSession, project_id: str, version: int | None = None
    ) -> StoredProject:
        """
        The project's document (current, or at ``version``).

        Raises:
            NotFoundError: no registered ``ProjectDocuments`` knows it.
        """
        for documents in self._documents():
            return await documents.load(session, project_id, version)
        raise NotFoundError(f"project {capped(project_id)} not found")

    async def _facts(self, session: AsyncSession, ids: set[str]) -> dict[str, MediaFacts]:
        found: dict[str, MediaFacts] = {}
        for media in self._media():
            found.update(await media.facts(session, ids))
        return found

    async def prepare(
        self,
        session: AsyncSession,
        project_id: str,
        version: int | None = None,
        *,
        check_files: bool = True,
    ) -> Prepared:
        """
        Load and check a project for compiling.

        Args:
            check_files: also check that each source file is on disk (the request does;
                the job does not: a file that vanished since is ffmpeg's to report).

        Raises:
            NotFoundError: unknown project or version.
            EditRuleError: the stored document breaks a rule (it never should).
            EmptyProjectError: no clip on any track.
            SourceMissingError: a clip's source is unknown, ``missing`` or gone.
        """
        stored = await self.load(session, project_id, version)
        document = stored.document
        timeline = validate_document(document)
        if timeline.duration_frames == 0:
            raise EmptyProjectError()
        facts = await self._facts(session, _source_ids(document))
        clips = [clip for track in document.tracks for clip in track.clips]
        for clip in clips:
            fact = facts.get(clip.source_id)
            if fact is None:
                raise SourceMissingError(clip.id, clip.source_id, "is not in the library")
            if fact.missing:
                raise SourceMissingError(
                    clip.id, clip.source_id, f"is missing: {capped(fact.path)} was not found"
                )
        if check_files:
            gone = await asyncio.to_thread(_files_present, sorted({f.path for f in facts.values()}))
            if gone:
                clip = next(c for c in clips if facts[c.source_id].path == gone[0])
                raise SourceMissingError(
                    clip.id, clip.source_id, f"is missing: {capped(gone[0])} is not there"
                )
        sources = {
            fact.video_id: SourceMedia(
                fact.path,
                fact.has_audio,
                has_video=fact.has_video,
                frame_rate=fact.frame_rate,
                width=fact.width,
                height=fact.height,
            )
            for fact in facts.values()
        }
        return Prepared(stored, timeline, sources)

    async def check_request(
        self, session: AsyncSession, project_id: str, request: RenderRequest
    ) -> tuple[Prepared, str | None]:
        """
        Every check of SPEC §10 before a job exists; returns the resolved output path.

        Raises:
            UnsupportedFormatError: 422 naming ``container``, a codec or ``preset``.
            NotFoundError, EmptyProjectError, SourceMissingError: see :meth:`prepare`.
            InvalidPathError, PathNotAllowedError: ``output_path`` (400 / 403).
        """
        await self.formats.check(
            request.container, request.video_codec, request.audio_codec, request.preset
        )
        prepared = await self.prepare(session, project_id)
        output = None
        if request.output_path is not None:
            output = await asyncio.to_thread(
                resolve_output, request.output_path, self._allowed_roots
            )
        return prepared, output

    async def submit(self, session: AsyncSession, project_id: str, request: RenderRequest) -> str:
        """Check the request, then queue a ``render`` job of the current version."""
        prepared, output = await self.check_request(session, project_id, request)
        payload = {
            "project_id": project_id,
            "version": prepared.stored.version,
            "settings": request.settings_payload(),
            "output_path": output,
        }
        return await self._queue.submit(RENDER_JOB_TYPE, payload)

    def command(
        self, prepared: Prepared, options: Mapping[str, Any], output_path: str
    ) -> RenderCommand:
        """The render's ffmpeg command writing ``output_path``."""
        settings = RenderSettings(output_path=output_path, overwrite=False, **options)
        return render_command(
            prepared.document, prepared.timeline, prepared.sources, settings, ffmpeg=self.ffmpeg
        )

    async def dry_run(
        self, session: AsyncSession, project_id: str, request: RenderRequest
    ) -> dict[str, Any]:
        """
        What the render would run, without a job (``?dry_run=true``).

        Without ``output_path`` the argv names the default file with ``{job_id}`` where
        the job's id would be; the job itself writes a temporary name beside its target.
        """
        prepared, output = await self.check_request(session, project_id, request)
        if output is None:
            name = prepared.document.settings.name
            output = default_output(self.renders_dir, name, "{job_id}", request.container)
        command = self.command(prepared, request.settings_payload(), output)
        return {
            "argv": list(command.argv),
            "filter_complex": command.filter_complex,
            "expected_frames": command.expected_frames,
            "expected_duration_s": command.expected_duration_s,
        }

    async def frame(self, session: AsyncSession, project_id: str, at: int, width: int) -> bytes:
        """
        The render's frame ``at`` of the current version as a JPEG, ``width`` px wide.

        Cached by (project, version, at, width): a version is never edited in place.

        Raises:
            RenderRequestError: ``at`` or ``width`` out of range (422).
            PreviewFailedError: ffmpeg failed (422 ``PREVIEW_FAILED``).
            PreviewTimeoutError: it took longer than ``STOAT_PREVIEW_TIMEOUT`` (503).
        """
        prepared = await self.prepare(session, project_id)
        key = (project_id, prepared.stored.version, at, width)
        cached = self.frames.get(key)
        if cached is not None:
            return cached
        command = frame_command(
            prepared.document,
            prepared.timeline,
            prepared.sources,
            at,
            width=width,
            ffmpeg=self.ffmpeg,
        )
        what = f"frame {at} of project {capped(project_id)}"
        picture = await grab_jpeg(command.argv, timeout_s=self._frame_timeout_s, what=what)
        self.frames.put(key, picture)
        return picture

    async def output_file(self, job_id: str) -> str:
        """
        The file a complete render job wrote, while it exists.

        Raises:
            NotFoundError: no such render job, it is not complete, or the file is gone.
        """
        try:
            job = await self._queue.get_result(job_id)
        except KeyError:
            raise NotFoundError(f"render {capped(job_id)} not found") from None
        if job.job_type != RENDER_JOB_TYPE:
            raise NotFoundError(f"job {capped(job_id)} is not a render")
        if job.status is not JobStatus.COMPLETE or not isinstance(job.result, dict):
            raise NotFoundError(f"render {capped(job_id)} is {job.status.value}: no file yet")
        path = str(job.result.get("output_path") or "")
        if not path or not await asyncio.to_thread(os.path.isfile, path):
            raise NotFoundError(f"the file of render {capped(job_id)} no longer exists")
        return path
