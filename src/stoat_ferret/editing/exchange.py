"""
Export and import of stored projects: the pure interchange over the library's files.

The interchange (:mod:`stoat_ferret.editing.interchange`) knows no database: an export
needs each clip's library file (path, duration), an import a resolver from media
references to library files. This module looks those up in the request's unit of work
and runs the conversion, which is CPU work on a whole document, in a worker thread so
the event loop keeps serving. An import becomes a project like ``POST /projects``
makes one, and follows the rules of a new clip: a source the last scan did not find is
refused (409 ``SOURCE_MISSING``), a file with no picture cannot be on the main track.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

from sqlalchemy import select

from stoat_ferret.editing import interchange
from stoat_ferret.editing.errors import SourceMissingError, TimelineRuleError
from stoat_ferret.editing.interchange import ExportResult, MediaQuery, SourceInfo
from stoat_ferret.editing.schemas import ProjectView
from stoat_ferret.editing.service import EditingService, Work, new_id
from stoat_ferret.errors import capped
from stoat_ferret.library.models import VideoRow

__all__ = ["ImportedView", "export_stored", "import_stored"]

_CHUNK = 400  # SQLite limits the bound parameters of one statement


@dataclass(frozen=True)
class _Video:
    source: SourceInfo
    missing: bool
    has_picture: bool


@dataclass(frozen=True)
class ImportedView:
    """The new project and the import's warnings (what the file held that was left out)."""

    view: ProjectView
    warnings: list[str]


def _tail(label: str, longest: int = 80) -> str:
    """A media label cut from the left: a URL's end (the file name) is what tells."""
    return label if len(label) <= longest else "…" + label[-(longest - 1) :]


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    chosen = sorted(set(values))
    for start in range(0, len(chosen), _CHUNK):
        yield chosen[start : start + _CHUNK]


def url_path(url: str) -> str | None:
    """The local path a ``file://`` URL (or a bare absolute path) names, else ``None``."""
    if url.startswith("/"):
        return url
    parsed = urlparse(url)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return None
    return str(PurePosixPath(unquote(parsed.path)))


async def _videos(
    work: Work, *, ids: Iterable[str] = (), paths: Iterable[str] = ()
) -> list[_Video]:
    """The library's videos with one of ``ids`` or ``paths``."""
    found: list[_Video] = []
    columns = (
        VideoRow.id,
        VideoRow.path,
        VideoRow.duration_seconds,
        VideoRow.missing,
        VideoRow.width,
    )
    for key, values in ((VideoRow.id, ids), (VideoRow.path, paths)):
        for chunk in _chunks(values):
            rows = await work.session.execute(select(*columns).where(key.in_(chunk)))
            for video_id, path, duration_s, missing, width in rows.all():
                source = SourceInfo(video_id, path, float(duration_s or 0.0))
                found.append(_Video(source, bool(missing), bool(width)))
    return found


async def export_stored(
    editing: EditingService, work: Work, project_id: str, format: str
) -> ExportResult:
    """The project ``project_id`` written in ``format`` (see :func:`interchange.export_project`)."""
    document = (await editing.get(work, project_id)).document
    used = {clip.source_id for track in document.tracks for clip in track.clips}
    sources = {video.source.id: video.source for video in await _videos(work, ids=used)}
    return await asyncio.to_thread(interchange.export_project, document, sources, format)


def _resolved(queries: list[MediaQuery], videos: list[_Video]) -> dict[MediaQuery, _Video]:
    by_id = {video.source.id: video for video in videos}
    by_path = {video.source.path: video for video in videos}
    found: dict[MediaQuery, _Video] = {}
    for query in queries:
        video = by_id.get(query.source_id or "")
        if video is None and query.target_url is not None:
            video = by_path.get(url_path(query.target_url) or "")
        if video is not None:
            found[query] = video
    return found


async def import_stored(
    editing: EditingService,
    work: Work,
    body: bytes,
    format: str = "otio",
    *,
    fps: int | None = None,
) -> ImportedView:
    """A new project from an uploaded file whose media are library files.

    Raises:
        UnsupportedFormatError, InterchangeFormatError: not a readable file of ``format``.
        UnknownMediaError: media that are not library files (all of them named).
        SourceMissingError: a library file the last scan did not find.
        EditRuleError: a value out of range, naming its place in the file.
    """
    timeline = await asyncio.to_thread(interchange.read_file, body, format, fps=fps)
    queries = interchange.media_queries(timeline)
    wanted = [url_path(q.target_url) for q in queries if q.target_url is not None]
    videos = await _videos(
        work,
        ids=[q.source_id for q in queries if q.source_id is not None],
        paths=[path for path in wanted if path is not None],
    )
    resolved = _resolved(queries, videos)
    sources = {query: video.source for query, video in resolved.items()}
    names = await editing.transitions.names()
    imported = await asyncio.to_thread(
        interchange.import_timeline, timeline, sources.get, new_id=new_id, transition_names=names
    )
    by_id = {video.source.id: (query, video) for query, video in resolved.items()}
    for position, track in enumerate(imported.document.tracks):
        for clip in track.clips:
            query, video = by_id[clip.source_id]
            if video.missing:
                raise SourceMissingError(f"media {_tail(query.label)}", clip.source_id)
            if position == 0 and not video.has_picture:
                raise TimelineRuleError(
                    "media", f"{_tail(query.label)} has no picture for the main video track"
                )
    name = imported.document.settings.name
    view = await editing.create_from(
        work, imported.document, f"Import project {capped(name, 60)} ({format})"
    )
    return ImportedView(view, imported.warnings)
