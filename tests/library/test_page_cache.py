"""The list and search answers kept in memory (``api/page_cache.py``): same bytes, never stale.

Each rule is held by what a client sees: the answer a cached request gets is the
route's own, to the byte and header; a change to the library from this process or
from another one shows on the very next request; writes that leave the library
alone (jobs, events) keep the answers; a bad parameter is never cached. The
counters of ``app.state.page_cache`` say whether an answer came from memory.
"""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from stoat_ferret.api import create_app
from stoat_ferret.api.page_cache import PageCache
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.library.test_repository import probed
from tests.library.test_video_pages import seed
from tests.support.library import StoredVideos

LIST = "/api/v1/videos?sort=file_size&limit=3"
SEARCH = "/api/v1/videos/search?q=beach&sort=file_size&order=desc"


def cache_of(app: FastAPI) -> PageCache:
    cache: PageCache = app.state.page_cache
    return cache


def answer(response: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    return response.status_code, response.headers.multi_items(), response.content


@pytest.fixture
async def seeded(database: Database) -> StoredVideos:
    stored = StoredVideos(database)
    await seed(stored, 9)
    return stored


@pytest.mark.parametrize("path", [LIST, SEARCH])
async def test_a_kept_answer_is_the_routes_own_to_the_byte(
    library_app: FastAPI, library_client: httpx.AsyncClient, seeded: StoredVideos, path: str
) -> None:
    cache = cache_of(library_app)
    first = await library_client.get(path)
    assert first.status_code == 200 and (cache.hits, cache.misses) == (0, 1)
    again = [await library_client.get(path) for _ in range(3)]
    assert cache.hits == 3 and cache.misses == 1
    for response in again:
        assert answer(response) == answer(first)
    assert first.headers["content-type"] == "application/json"
    assert first.headers["x-content-type-options"] == "nosniff"
    head = await library_client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers.multi_items() == first.headers.multi_items()


async def test_the_metrics_count_kept_answers_under_their_route(
    library_app: FastAPI, library_client: httpx.AsyncClient, seeded: StoredVideos
) -> None:
    for _ in range(3):
        assert (await library_client.get(LIST)).status_code == 200
    assert cache_of(library_app).hits == 2
    metrics = (await library_client.get("/metrics")).text
    counted = [
        line
        for line in metrics.splitlines()
        if line.startswith("stoat_http_request_duration_seconds_count") and "videos" in line
    ]
    # One label for all three, the one routing gives the first (not "unmatched").
    assert len(counted) == 1 and counted[0].endswith(" 3.0"), counted
    assert 'route="unmatched"' not in counted[0]


def write_elsewhere(database: Database, statement: str) -> None:
    """Commit ``statement`` from another process, as a CLI scan or a second worker would."""
    code = (
        "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute(sys.argv[2])\nc.commit()"
    )
    subprocess.run([sys.executable, "-c", code, str(database.path), statement], check=True)


async def test_a_change_from_another_process_shows_on_the_next_request(
    library_app: FastAPI,
    library_client: httpx.AsyncClient,
    seeded: StoredVideos,
    database: Database,
) -> None:
    before = [(await library_client.get(LIST)).json() for _ in range(3)]
    assert cache_of(library_app).hits == 2
    smallest = before[0]["videos"][0]
    write_elsewhere(database, f"UPDATE videos SET file_size = 1 WHERE id = '{smallest['id']}'")
    after = (await library_client.get(LIST)).json()
    assert after["videos"][0]["id"] == smallest["id"]
    assert after["videos"][0]["file_size"] == 1
    found = [(await library_client.get(SEARCH)).json() for _ in range(2)]
    write_elsewhere(database, "DELETE FROM videos WHERE path LIKE '%beach%'")
    assert found[1]["total"] > 0
    gone = (await library_client.get(SEARCH)).json()
    assert (gone["total"], gone["videos"]) == (0, [])


async def test_a_change_from_this_process_shows_on_the_next_request(
    library_app: FastAPI, library_client: httpx.AsyncClient, seeded: StoredVideos
) -> None:
    first = (await library_client.get(LIST)).json()
    assert (await library_client.get(LIST)).json() == first
    deleted = await library_client.delete(f"/api/v1/videos/{first['videos'][0]['id']}")
    assert deleted.status_code == 204
    after = (await library_client.get(LIST)).json()
    assert after["total"] == first["total"] - 1
    assert after["videos"][0]["id"] == first["videos"][1]["id"]
    await seeded.upsert_many([probed("/pages/beach/tiny.mp4", size=2)])
    added = (await library_client.get(LIST)).json()
    assert (added["total"], added["videos"][0]["filename"]) == (first["total"], "tiny.mp4")
    await seeded.set_missing(["/pages/beach/tiny.mp4"])
    assert (await library_client.get(LIST)).json()["videos"][0]["missing"] is True


async def test_writes_that_leave_the_library_alone_keep_the_answers(
    library_app: FastAPI,
    library_client: httpx.AsyncClient,
    seeded: StoredVideos,
    database: Database,
) -> None:
    """A scan commits its job's progress and its events many times a second."""
    first = await library_client.get(LIST)
    watcher = sqlite3.connect(database.path)
    try:
        before = watcher.execute("PRAGMA data_version").fetchone()
        write_elsewhere(
            database,
            "INSERT INTO events (event_id, type, payload, timestamp) "
            "VALUES (999999, 'heartbeat', '{}', '2026-12-01 00:00:00.000000')",
        )
        write_elsewhere(database, "UPDATE jobs SET progress = progress")
        # The file did change (what PRAGMA data_version would have seen); the library did not.
        assert watcher.execute("PRAGMA data_version").fetchone() != before
    finally:
        watcher.close()
    assert answer(await library_client.get(LIST)) == answer(first)
    assert cache_of(library_app).hits == 1


async def test_a_bad_parameter_goes_to_the_route_every_time(
    library_app: FastAPI, library_client: httpx.AsyncClient, seeded: StoredVideos
) -> None:
    bad = [await library_client.get("/api/v1/videos?limit=0") for _ in range(3)]
    for response in bad:
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert detail["code"] == "VALIDATION_ERROR" and "limit" in detail["message"]
        assert answer(response) == answer(bad[0])
    blank = [await library_client.get("/api/v1/videos/search?q=%20") for _ in range(2)]
    assert {response.status_code for response in blank} == {422}
    assert cache_of(library_app).hits == 0


async def test_equal_requests_in_flight_share_one_answer(
    library_app: FastAPI, library_client: httpx.AsyncClient, seeded: StoredVideos
) -> None:
    await library_client.get(SEARCH)  # opens the counter's connection
    await seeded.upsert_many([probed("/pages/beach/new.mp4")])
    cache = cache_of(library_app)
    hits, misses = cache.hits, cache.misses
    responses = await asyncio.gather(*(library_client.get(SEARCH) for _ in range(20)))
    assert cache.misses - misses == 1 and cache.hits - hits == 19
    assert all(answer(response) == answer(responses[0]) for response in responses)
    assert "new.mp4" in responses[0].text


@pytest.fixture
async def token_client(
    library_settings: Settings, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    settings = library_settings.model_copy(update={"api_token": SecretStr("sesame")})
    app = create_app(settings, database=database, configure_logs=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_a_kept_answer_still_needs_the_token(
    token_client: httpx.AsyncClient, seeded: StoredVideos
) -> None:
    headers = {"Authorization": "Bearer sesame"}
    for _ in range(2):
        assert (await token_client.get(LIST, headers=headers)).status_code == 200
    assert (await token_client.get(LIST)).status_code == 401
    wrong = await token_client.get(LIST, headers={"Authorization": "Bearer sesamf"})
    assert wrong.status_code == 401
    in_query = f"{LIST}&token=sesame"
    for _ in range(2):
        assert (await token_client.get(in_query)).status_code == 200
    assert (await token_client.get(in_query.replace("sesame", "other"))).status_code == 401


async def test_an_app_without_the_library_answers_404_not_500(
    library_settings: Settings, database: Database
) -> None:
    app = create_app(library_settings, database=database, domains=(), configure_logs=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get(LIST)
    assert response.status_code == 404
    assert response.json()["detail"]["code"] == "NOT_FOUND"
