"""List and search pages through the read pool: same bodies, and cheap to serve.

The pages are read with plain ``sqlite3`` tuples instead of the ORM (``pages.py``), so
these tests hold every entry of a page to the body ``GET /videos/{id}`` builds from the
ORM row; the first two also on PostgreSQL, where the same statements run through the
engine (``pages_pg.py``). What a page costs is measured by ``./scripts/bench
throughput`` (a ratio to ``/health/live`` in the same run), not here: timed unit tests
flake on shared machines.
"""

from __future__ import annotations

import dataclasses
import sqlite3

import httpx
import pytest

from stoat_ferret.db import Database
from stoat_ferret.library.models import VideoRecord, VideoRow
from tests.library.test_repository import METADATA, probed
from tests.support.library import StoredVideos

SORTS = ("filename", "created_at", "updated_at", "duration_seconds", "file_size", "width")


@pytest.fixture
def repository(database: Database) -> StoredVideos:
    return StoredVideos(database)


async def seed(repository: StoredVideos, count: int) -> None:
    bare = dataclasses.replace(METADATA, duration_s=None, width=None, audio_codec=None)
    videos = [
        probed(
            f"/pages/{'beach' if n % 3 == 0 else 'city'}/clip ü {n:04d}.mp4",
            size=1_000 + (n * 7919) % 5_000,
            mtime_ns=1_700_000_000_123_456_789 + n,
            metadata=bare if n % 5 == 0 else dataclasses.replace(METADATA, width=160 + n % 7),
            thumbnail_path=f"/data/thumbnails/{n}.jpg" if n % 2 else None,
        )
        for n in range(count)
    ]
    for start in range(0, count, 500):
        await repository.upsert_many(videos[start : start + 500])
    await repository.set_missing([v.path for v in videos[::4]])


def test_records_have_the_columns_of_the_table() -> None:
    columns = [c.name for c in VideoRow.__table__.columns if c.name != "pk"]
    assert sorted(VideoRecord._fields) == sorted(columns)
    assert VideoRecord._fields[-3:] == ("missing", "created_at", "updated_at")


@pytest.mark.both_databases
async def test_page_entries_equal_the_single_video_bodies(
    library_client: httpx.AsyncClient, database: Database
) -> None:
    await seed(StoredVideos(database), 30)
    seen: set[str] = set()
    for sort in SORTS:
        for order in ("asc", "desc"):
            response = await library_client.get(
                "/api/v1/videos", params={"sort": sort, "order": order, "limit": 100}
            )
            page = response.json()
            assert (page["total"], page["limit"], page["offset"]) == (30, 100, 0)
            for video in page["videos"]:
                single = await library_client.get(f"/api/v1/videos/{video['id']}")
                assert video == single.json()
                seen.add(video["id"])
    assert len(seen) == 30
    found = (await library_client.get("/api/v1/videos/search", params={"q": "beach ü"})).json()
    assert found["total"] == 10 and len(found["videos"]) == 10
    for video in found["videos"]:
        assert video == (await library_client.get(f"/api/v1/videos/{video['id']}")).json()
    assert {v["missing"] for v in found["videos"]} == {True, False}
    assert any(v["duration_seconds"] is None for v in found["videos"])


@pytest.mark.both_databases
async def test_empty_pages_still_carry_the_total(
    library_client: httpx.AsyncClient, database: Database
) -> None:
    await seed(StoredVideos(database), 12)
    past_end = (await library_client.get("/api/v1/videos", params={"offset": 50})).json()
    assert (past_end["videos"], past_end["total"]) == ([], 12)
    search = await library_client.get("/api/v1/videos/search", params={"q": "city", "offset": 50})
    assert (search.json()["videos"], search.json()["total"]) == ([], 8)
    none = await library_client.get("/api/v1/videos/search", params={"q": "zz"})
    assert (none.json()["videos"], none.json()["total"]) == ([], 0)


async def test_reads_see_committed_writes_and_cannot_write(
    repository: StoredVideos, database: Database
) -> None:
    await seed(repository, 3)
    assert (await repository.list_page())[1] == 3
    await repository.upsert_many([probed("/pages/late.mp4")])
    assert (await repository.list_page())[1] == 4  # a reader opened earlier sees the commit

    def write(connection: sqlite3.Connection) -> None:
        connection.execute("DELETE FROM videos")

    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        await database.reads.read(write)
    assert await repository.count() == 4


def shrink_clip_3_elsewhere(database: Database) -> None:
    """Commit a change through a connection of its own, as another process (a CLI scan) would."""
    other = sqlite3.connect(database.path)
    try:
        with other:
            other.execute("UPDATE videos SET file_size = 1 WHERE filename LIKE '%0003%'")
    finally:
        other.close()


async def test_cached_pages_follow_writes_of_any_connection(
    repository: StoredVideos, database: Database
) -> None:
    """Pages are cached per reader until a commit; one from outside the engine counts too."""
    await seed(repository, 6)
    before = [await repository.list_page(sort="file_size") for _ in range(8)]  # every reader
    assert all(page == before[0] for page in before)
    shrink_clip_3_elsewhere(database)
    for _ in range(8):
        rows, total = await repository.list_page(sort="file_size")
        assert total == 6 and rows[0].filename == "clip ü 0003.mp4" and rows[0].file_size == 1
    searched = [await repository.search("beach") for _ in range(8)]
    await repository.delete(searched[0][0][0].id)
    for _ in range(8):
        assert (await repository.search("beach"))[1] == searched[0][1] - 1


async def test_cached_page_bodies_follow_writes(
    library_client: httpx.AsyncClient, repository: StoredVideos, database: Database
) -> None:
    """The HTTP answer is cached as encoded JSON per reader: a commit still shows at once."""
    await seed(repository, 6)
    params = {"sort": "file_size", "limit": 3}
    before = [(await library_client.get("/api/v1/videos", params=params)).json() for _ in range(8)]
    assert all(body == before[0] for body in before)
    assert before[0]["limit"] == 3 and len(before[0]["videos"]) == 3
    shrink_clip_3_elsewhere(database)
    for _ in range(8):
        response = await library_client.get("/api/v1/videos", params=params)
        assert response.headers["content-type"] == "application/json"
        first = response.json()["videos"][0]
        assert (first["filename"], first["file_size"]) == ("clip ü 0003.mp4", 1)
    found = await library_client.get("/api/v1/videos/search", params={"q": "0003"})
    assert found.json()["videos"][0]["file_size"] == 1
