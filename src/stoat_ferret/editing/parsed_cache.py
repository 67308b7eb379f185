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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.editing.document import Clip, ProjectDocument
from stoat_ferret.editing.timeline import DerivedTimeline, derive_timeline

__all__ = ["Parsed", "ParsedDocuments", "document_sources"]

_PENDING = "stoat_ferret.editing.parsed_pending"


def document_sources(document: ProjectDocument) -> frozenset[str]:
    """Every library video the document's clips use."""
    return frozenset(clip.source_id for track in document.tracks for clip in track.clips)


@dataclass(frozen=True)
class Parsed:
    """One version, parsed: the document, the sources it uses and its history summary.

    The derived timeline is not kept with it: it is derived when asked for and
    remembered by the document's identity for the last few documents
    (:func:`~stoat_ferret.editing.timeline.derive_timeline`), so a long history of
    cached versions costs their documents (mostly shared clips), not a timeline each.
    """

    document: ProjectDocument
    sources: frozenset[str]
    #: The version's ``summary`` (its history line), or ``None`` when not known here.
    summary: str | None = None

    @classmethod
    def of(cls, document: ProjectDocument, summary: str | None = None) -> Parsed:
        return cls(document, document_sources(document), summary)

    @property
    def timeline(self) -> DerivedTimeline:
        return derive_timeline(self.document)


def _clips(parsed: Parsed) -> Iterator[Clip]:
    for track in parsed.document.tracks:
        yield from track.clips


class ParsedDocuments:
    """A least-recently-used map ``(project_id, version) -> Parsed``, bounded twice.

    At most ``size`` entries, and at most ``clip_budget`` distinct clip objects among
    them. Versions of one project share their unchanged clip objects (the document is
    immutable and an edit copies only what it changes), so a long run of edits of one
    project costs little more than its last version and stays cached whole, which lets
    undo step back through hundreds of versions without reading and parsing any
    (``docs/performance.md``); versions read from the database share nothing, and the
    clip budget bounds them: 128,000 clips is about 256 different 500-clip projects.
    """

    def __init__(self, size: int = 2048, clip_budget: int = 128_000) -> None:
        self._size = size
        self._clip_budget = clip_budget
        self._entries: OrderedDict[tuple[str, int], Parsed] = OrderedDict()
        # How many entries hold each clip object (by id: an entry keeps its clips alive).
        self._holders: dict[int, int] = {}

    def get(self, project_id: str, version: int) -> Parsed | None:
        key = (project_id, version)
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, project_id: str, version: int, parsed: Parsed) -> None:
        """Remember a version read from the database (committed, hence final)."""
        key = (project_id, version)
        if key in self._entries:
            self._entries.move_to_end(key)
            return
        self._entries[key] = parsed
        holders = self._holders
        for clip in _clips(parsed):
            holders[id(clip)] = holders.get(id(clip), 0) + 1
        while len(self._entries) > 1 and (
            len(self._entries) > self._size or len(holders) > self._clip_budget
        ):
            self._drop(next(iter(self._entries)))

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
            self._drop(key)

    @property
    def clips_held(self) -> int:
        """Distinct clip objects among the entries (what ``clip_budget`` bounds)."""
        return len(self._holders)

    def _drop(self, key: tuple[str, int]) -> None:
        holders = self._holders
        for clip in _clips(self._entries.pop(key)):
            left = holders[id(clip)] - 1
            if left:
                holders[id(clip)] = left
            else:
                del holders[id(clip)]

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
