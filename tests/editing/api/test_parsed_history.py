"""The parsed-version cache over a long history: undo from memory, right summaries.

The cache is bounded by distinct clip objects, not by entries alone (versions of one
project share their unchanged clips), so undo can step back through hundreds of edits
without reading a document from the database; what it answers must still be exactly
what a fresh process reads from the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.editing.document import Clip, ProjectDocument, ProjectSettings, Track
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.parsed_cache import Parsed, ParsedDocuments
from stoat_ferret.settings import Settings
from tests.editing.api.conftest import add_clip, make_client, new_project, project

pytestmark = pytest.mark.both_databases

API = "/api/v1/projects"


class _Statements:
    """Every SQL statement the database's engine runs while recording."""

    def __init__(self, database: Database) -> None:
        self.seen: list[str] = []
        self._engine = database.engine.sync_engine

    def _record(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        self.seen.append(" ".join(statement.split()))

    def __enter__(self) -> _Statements:
        event.listen(self._engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self._engine, "before_cursor_execute", self._record)

    def document_reads(self) -> list[str]:
        return [s for s in self.seen if s.startswith("SELECT") and "project_versions.document" in s]


async def _history(client: httpx.AsyncClient, pid: str) -> dict[str, Any]:
    response = await client.get(f"{API}/{pid}/history", params={"limit": 3})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_undo_steps_back_through_hundreds_of_edits_without_reading_a_document(
    client: httpx.AsyncClient, database: Database, settings: Settings, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    clip = await add_clip(client, pid, videos["a.mp4"], 0, 30)
    url = f"{API}/{pid}/clips/{clip['id']}"
    out_points = {2: 30}
    for edit in range(280):  # more versions than the 256 entries the cache once held
        answer = await client.patch(url, json={"out_point": 10 + edit % 20})
        assert answer.status_code == 200, answer.text
        out_points[3 + edit] = 10 + edit % 20
    with _Statements(database) as statements:
        for step in range(200):
            undone = await client.post(f"{API}/{pid}/undo")
            assert undone.status_code == 200, undone.text
            # Version 282 was the last edit; each undo goes one edit further back.
            assert undone.json()["clips"][0]["out_point"] == out_points[281 - step]
    assert statements.document_reads() == []
    assert len(statements.seen) < 200 * 8  # a few statements per undo, none per version
    # What the cache answered is what the database holds.
    fresh_db = Database.from_settings(settings)
    try:
        app = create_app(settings, database=fresh_db, configure_logs=False)
        async for fresh in make_client(app):
            assert await project(fresh, pid) == await project(client, pid)
            assert await _history(fresh, pid) == await _history(client, pid)
    finally:
        await fresh_db.dispose()


async def test_undo_and_redo_of_a_restore_name_the_restore(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    await add_clip(client, pid, videos["a.mp4"], 0, 30)
    await add_clip(client, pid, videos["b.mp4"], 0, 10)
    # The restored version's cached document is version 2's; its summary is its own.
    assert (await client.post(f"{API}/{pid}/restore", json={"version": 2})).status_code == 200
    assert (await client.post(f"{API}/{pid}/undo")).status_code == 200
    assert (await client.post(f"{API}/{pid}/redo")).status_code == 200
    summaries = [v["summary"] for v in (await _history(client, pid))["versions"]]
    assert summaries == ["Redo: Restore version 2", "Undo: Restore version 2", "Restore version 2"]


def _document(name: str, clips: tuple[Clip, ...]) -> Parsed:
    document = ProjectDocument.new(ProjectSettings(name), "main")
    main = Track("main", MediaKind.VIDEO, "V1", clips=clips)
    return Parsed.of(ProjectDocument(document.settings, (main,), ()))


def _clips(prefix: str, count: int) -> Iterator[Clip]:
    for n in range(count):
        yield Clip(f"{prefix}{n}", "source", 300, 0, 30)


def test_versions_sharing_clips_count_once_and_the_clip_budget_evicts_the_oldest() -> None:
    cache = ParsedDocuments(size=100, clip_budget=10)
    first = tuple(_clips("a", 4))
    cache.put("p", 1, _document("one", first))
    cache.put("p", 2, _document("two", (*first[:3], *_clips("b", 1))))  # one clip changed
    assert len(cache) == 2 and cache.clips_held == 5
    cache.put("q", 1, _document("other", tuple(_clips("c", 5))))
    assert len(cache) == 3 and cache.clips_held == 10
    cache.get("p", 1)  # the most recently used stays
    cache.put("r", 1, _document("third", tuple(_clips("d", 2))))
    # Over budget: the least recently used entries go until it fits.
    assert cache.get("p", 2) is None and cache.get("q", 1) is None
    assert cache.get("p", 1) is not None and cache.get("r", 1) is not None
    assert cache.clips_held == 6
    cache.forget("p")
    assert cache.clips_held == 2 and len(cache) == 1
    # One entry is always kept, even larger than the budget.
    cache.put("s", 1, _document("big", tuple(_clips("e", 30))))
    assert len(cache) == 1 and cache.clips_held == 30 and cache.get("s", 1) is not None
