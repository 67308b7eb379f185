"""
``ParsedDocuments``: a small per-process cache of parsed documents by (project, version).

Reading a 500-clip project's JSON column and building its frozen document and derived
timeline cost more than the rest of a request, and an edit repeated that for the
document the previous request had just built. The cache keeps the last few parsed
versions so a request starts from the objects instead (``docs/performance.md``).

Why it is safe: a version of a project never changes once committed. ``project_versions``
has one row per ``(project_id, version)`` (its primary key), a project id is a fresh
random id (never reused after a delete), and every request reads the version number in
the same transaction as the row it works on, then looks the document up by that key. So
an edit, undo, redo or restore made by another process or connection only makes a new
version, which this process has not cached and reads from the database. A document this
process stores enters the cache only once its transaction has committed: a rolled-back
change never leaves a version in the cache that the database does not have.

The cache belongs to one ``EditingService``, which is one database's, so two databases
in one process never share entries.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.editing.document import ProjectDocument
from stoat_ferret.editing.timeline import DerivedTimeline, derive_timeline

__all__ = ["Parsed", "ParsedDocuments", "document_sources"]

_PENDING = "stoat_ferret.editing.parsed_pending"


def document_sources(document: ProjectDocument) -> frozenset[str]:
    """Every library video the document's clips use."""
    return frozenset(clip.source_id for track in document.tracks for clip in track.clips)


@dataclass(frozen=True)
class Parsed:
    """One version, parsed: the document, its derived timeline and the sources it uses."""

    document: ProjectDocument
    timeline: DerivedTimeline
    sources: frozenset[str]

    @classmethod
    def of(cls, document: ProjectDocument, timeline: DerivedTimeline | None = None) -> Parsed:
        derived = timeline if timeline is not None else derive_timeline(document)
        return cls(document, derived, document_sources(document))


class ParsedDocuments:
    """A least-recently-used map ``(project_id, version) -> Parsed`` of ``size`` entries.

    Versions of one project share their unchanged clip objects (the document is
    immutable and an edit copies only what it changes), so several cached versions of a
    project cost little more than one: 256 entries let a client undo a long run of
    edits from memory, and bound the cache at about 115 MB even if every entry were a
    different 500-clip project (about 0.45 MB parsed each).
    """

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[str, int], Parsed] = OrderedDict()

    def get(self, project_id: str, version: int) -> Parsed | None:
        key = (project_id, version)
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, project_id: str, version: int, parsed: Parsed) -> None:
        """Remember a version read from the database (committed, hence final)."""
        self._entries[(project_id, version)] = parsed
        self._entries.move_to_end((project_id, version))
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def put_after_commit(
        self, session: AsyncSession, project_id: str, version: int, parsed: Parsed
    ) -> None:
        """Remember a version this transaction stores, once (and only if) it commits."""
        info = session.sync_session.info
        pending: list[tuple[str, int, Parsed]] | None = info.get(_PENDING)
        if pending is None:
            pending = info[_PENDING] = []
            _listen(session, self, pending)
        pending.append((project_id, version, parsed))

    def forget(self, project_id: str) -> None:
        """Drop a deleted project's versions (only memory: its id is never reused)."""
        for key in [key for key in self._entries if key[0] == project_id]:
            del self._entries[key]

    def __len__(self) -> int:
        return len(self._entries)


def _listen(session: AsyncSession, cache: ParsedDocuments, pending: list[Any]) -> None:
    sync = session.sync_session

    def committed(_session: Any) -> None:
        for project_id, version, parsed in pending:
            cache.put(project_id, version, parsed)
        pending.clear()

    def rolled_back(_session: Any) -> None:
        pending.clear()

    event.listen(sync, "after_commit", committed)
    event.listen(sync, "after_rollback", rolled_back)
