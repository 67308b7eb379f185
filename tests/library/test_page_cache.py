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
import threading
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from stoat_ferret.api import create_app
from stoat_ferret.api.page_cache import PageCache
from stoat_ferret.db import Database
from stoat_ferret.db.reader import DEFAULT_READERS, ReadPool
from stoat_ferret.library.pages import LIBRARY_VERSION_SQL
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


class Statements:
    """Every statement SQLite starts on the read pool's connections, from its own trace hook.

    The page reads run on the reader threads' connections and the counter on the
    loop's: all of them are traced, so a count here is what SQLite was asked.
    """

    def __init__(self, reads: ReadPool) -> None:
        self.seen: list[str] = []
        self._lock = threading.Lock()
        with reads._lock:  # the pool's own list of its connections
            connections = list(reads._connections)
        assert len(connections) == DEFAULT_READERS + 1  # the readers and the counter's
        for connection in connections:
            connection.set_trace_callback(self._saw)

    def _saw(self, statement: str) -> None:
        with self._lock:
            self.seen.append(statement)

    def pages(self) -> int:
        """Page reads: the list statement (its rows) is the only one with a LIMIT."""
        return sum("LIMIT" in statement for statement in self.seen)


async def every_reader_open(database: Database) -> ReadPool:
    """Make each reader thread open its connection (they are opened on first use)."""
    reads = database.reads
    assert reads is not None
    together = threading.Barrier(DEFAULT_READERS, timeout=10)
    await asyncio.gather(*(reads.read(lambda _: together.wait()) for _ in range(DEFAULT_READERS)))
    return reads


def hold_the_first_read(reads: ReadPool) -> tuple[threading.Event, threading.Event]:
    """Hold the next page read at its end until told to go on: (read, go on).

    Held at the ``COMMIT`` that ends the read's transaction (SQLite's trace hook), so
    its page is already read, from its snapshot.
    """
    read_the_page, go_on = threading.Event(), threading.Event()

    def hold(statement: str) -> None:
        if statement == "COMMIT" and not read_the_page.is_set():
            read_the_page.set()
            go_on.wait(10)

    with reads._lock:
        for connection in reads._connections:
            connection.set_trace_callback(hold)
    return read_the_page, go_on


async def changed_after_a_kept_answer(
    client: httpx.AsyncClient, seeded: StoredVideos, database: Database
) -> ReadPool:
    """``LIST`` answered and kept, every reader open, then a new smallest video stored."""
    await client.get(LIST)
    reads = await every_reader_open(database)
    await seeded.upsert_many([probed("/pages/beach/smallest.mp4", size=1)])
    return reads


async def test_kept_answers_ask_sqlite_nothing_until_something_is_committed(
    library_app: FastAPI,
    library_client: httpx.AsyncClient,
    seeded: StoredVideos,
    database: Database,
) -> None:
    """The counter was read with a SQLite call on the loop for every request.

    Under 200 clients during a scan that call was the loop's worst stall (it shares
    SQLite's locks and the GIL with the busy threads, docs/performance.md); now it is
    made only after a commit, found from the WAL index in memory (``commit_stamp.py``).
    """
    first = await library_client.get(LIST)
    traced = Statements(await every_reader_open(database))
    await library_client.get(LIST)  # the first stamp (the first request had none yet)
    traced.seen.clear()
    cache = cache_of(library_app)
    hits = cache.hits
    for _ in range(20):
        assert answer(await library_client.get(LIST)) == answer(first)
    assert traced.seen == [] and cache.hits == hits + 20
    # A commit that leaves the library alone: the counter is read once, then no more.
    write_elsewhere(
        database,
        "INSERT INTO events (event_id, type, payload, timestamp) "
        "VALUES (999998, 'heartbeat', '{}', '2026-12-01 00:00:00.000000')",
    )
    for _ in range(5):
        assert answer(await library_client.get(LIST)) == answer(first)
    assert traced.seen == [LIBRARY_VERSION_SQL] and cache.hits == hits + 25


async def test_equal_requests_after_a_change_read_the_page_once(
    library_app: FastAPI,
    library_client: httpx.AsyncClient,
    seeded: StoredVideos,
    database: Database,
) -> None:
    traced = Statements(await changed_after_a_kept_answer(library_client, seeded, database))
    responses = await asyncio.gather(*(library_client.get(LIST) for _ in range(20)))
    assert traced.pages() == 1
    assert all(answer(response) == answer(responses[0]) for response in responses)
    assert responses[0].json()["videos"][0]["filename"] == "smallest.mp4"


async def test_a_commit_during_a_rebuild_shows_to_the_requests_after_it(
    library_app: FastAPI,
    library_client: httpx.AsyncClient,
    seeded: StoredVideos,
    database: Database,
) -> None:
    """A page read from before a commit, finished after it, never answers for it."""
    first = (await library_client.get(LIST)).json()
    reads = await every_reader_open(database)
    await seeded.upsert_many([probed("/pages/beach/smallest.mp4", size=2)])
    read_the_page, go_on = hold_the_first_read(reads)
    early = asyncio.create_task(library_client.get(LIST))
    assert await asyncio.to_thread(read_the_page.wait, 10)
    write_elsewhere(
        database, f"UPDATE videos SET file_size = 1 WHERE id = '{first['videos'][0]['id']}'"
    )
    late = (await library_client.get(LIST)).json()
    go_on.set()
    held = (await early).json()
    assert held["videos"][0]["filename"] == "smallest.mp4"  # its snapshot, before the update
    assert (late["videos"][0]["id"], late["videos"][0]["file_size"]) == (
        first["videos"][0]["id"],
        1,
    )
    # The early answer, finished last, did not replace the newer one.
    assert (await library_client.get(LIST)).json() == late


async def test_a_waiter_that_goes_away_leaves_the_answer_to_the_others(
    library_app: FastAPI,
    library_client: httpx.AsyncClient,
    seeded: StoredVideos,
    database: Database,
) -> None:
    reads = await changed_after_a_kept_answer(library_client, seeded, database)
    read_the_page, go_on = hold_the_first_read(reads)
    cache = cache_of(library_app)
    hits = cache.hits
    first = asyncio.create_task(library_client.get(LIST))
    assert await asyncio.to_thread(read_the_page.wait, 10)
    waiting = [asyncio.create_task(library_client.get(LIST)) for _ in range(4)]
    pending = next(iter(cache._entries.values()))
    for _ in range(200):  # until all four wait for the first one's answer
        if len(pending.waiters) == 4:
            break
        await asyncio.sleep(0.01)
    assert len(pending.waiters) == 4
    waiting[0].cancel()
    go_on.set()
    answers = [await task for task in (first, *waiting[1:])]
    assert waiting[0].cancelled()
    assert all(answer(response) == answer(answers[0]) for response in answers)
    assert answers[0].json()["videos"][0]["filename"] == "smallest.mp4"
    assert cache.hits == hits + 3
