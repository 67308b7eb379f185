"""The per-process cache of parsed documents never answers a version the database lacks.

Two apps on one database stand for two server processes: each has its own cache, so
whatever one changes (edit, undo, redo, restore, delete) the other must read from the
database, and a change rolled back must leave nothing in the cache.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.editing.document import ProjectDocument, ProjectSettings
from stoat_ferret.editing.parsed_cache import Parsed, ParsedDocuments
from stoat_ferret.settings import Settings
from tests.editing.api.conftest import add_clip, make_client, new_project, project

pytestmark = pytest.mark.both_databases

API = "/api/v1/projects"


@pytest.fixture
async def other(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A second server process: its own app, engine and cache on the same database."""
    database = Database.from_settings(settings)
    app = create_app(settings, database=database, configure_logs=False)
    async for client in make_client(app):
        yield client
    await database.dispose()


async def timeline(client: httpx.AsyncClient, pid: str) -> dict[str, Any]:
    response = await client.get(f"{API}/{pid}/timeline")
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_each_process_sees_the_others_edits_undo_redo_and_restore(
    client: httpx.AsyncClient, other: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    first = await add_clip(client, pid, videos["a.mp4"], 0, 30)
    assert (await project(other, pid))["version"] == 2  # both caches now hold version 2
    await timeline(client, pid)

    trimmed = await other.patch(f"{API}/{pid}/clips/{first['id']}", json={"out_point": 20})
    assert trimmed.status_code == 200, trimmed.text
    seen = await project(client, pid)
    assert seen["version"] == 3 and seen["clips"][0]["out_point"] == 20
    assert (await timeline(client, pid))["duration_frames"] == 20

    # An edit based on the version the other process made, then undo/redo there.
    await add_clip(client, pid, videos["b.mp4"], 0, 10)
    assert (await timeline(other, pid))["duration_frames"] == 30
    assert (await other.post(f"{API}/{pid}/undo")).status_code == 200
    assert (await timeline(client, pid))["duration_frames"] == 20
    assert (await client.post(f"{API}/{pid}/redo")).status_code == 200
    assert (await timeline(other, pid))["duration_frames"] == 30

    restored = await other.post(f"{API}/{pid}/restore", json={"version": 2})
    assert restored.status_code == 200, restored.text
    now = await project(client, pid)
    assert now["version"] == restored.json()["version"] == 7
    assert [c["out_point"] for c in now["clips"]] == [30]
    assert now == await project(other, pid)

    assert (await other.delete(f"{API}/{pid}")).status_code == 204
    gone = await client.get(f"{API}/{pid}")
    assert gone.status_code == 404
    assert (await client.get(f"{API}/{pid}/timeline")).status_code == 404


async def test_undo_and_restore_answer_the_stored_documents(
    client: httpx.AsyncClient, settings: Settings, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    await add_clip(client, pid, videos["a.mp4"], 0, 30)
    at_2 = await project(client, pid)
    await add_clip(client, pid, videos["b.mp4"], 5, 15)
    undone = await client.post(f"{API}/{pid}/undo")
    assert undone.status_code == 200
    # A fresh process (empty cache) reads the same project from the database.
    fresh_db = Database.from_settings(settings)
    try:
        app = create_app(settings, database=fresh_db, configure_logs=False)
        async for fresh in make_client(app):
            stored = await project(fresh, pid)
            assert stored == await project(client, pid) == undone.json()
            assert stored["clips"] == at_2["clips"]
            assert await timeline(fresh, pid) == await timeline(client, pid)
    finally:
        await fresh_db.dispose()


def _parsed(name: str) -> Parsed:
    return Parsed.of(ProjectDocument.new(ProjectSettings(name), "main"))


async def test_a_stored_version_enters_the_cache_only_when_its_transaction_commits(
    database: Database,
) -> None:
    cache = ParsedDocuments(size=2)
    with pytest.raises(RuntimeError):
        async with database.unit_of_work() as work:
            await work.session.execute(text("SELECT 1"))
            cache.put_after_commit(work.session, "p", 2, _parsed("rolled back"))
            raise RuntimeError("the change failed after it was stored")
    assert cache.get("p", 2) is None and len(cache) == 0
    async with database.unit_of_work() as work:
        await work.session.execute(text("SELECT 1"))
        cache.put_after_commit(work.session, "p", 2, _parsed("kept"))
        assert cache.get("p", 2) is None  # not yet committed
    found = cache.get("p", 2)
    assert found is not None and found.document.settings.name == "kept"
    cache.put("p", 3, _parsed("three"))
    cache.get("p", 2)  # the most recently used stays
    cache.put("q", 1, _parsed("other"))
    assert cache.get("p", 3) is None and cache.get("p", 2) is not None and len(cache) == 2
    cache.forget("p")
    assert cache.get("p", 2) is None and cache.get("q", 1) is not None
