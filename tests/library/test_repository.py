"""``VideoRepository`` and the pages on a real, migrated database with synthetic probe results.

Every test runs on a SQLite file and on the session's real PostgreSQL
(``both_databases``): the same upserts, pages and searches give the same answers.

No media is needed here: the repository only stores what a probe returned, so each
test builds ``ProbedVideo`` values from a ``VideoMetadata`` literal.
"""

from __future__ import annotations

import asyncio
import dataclasses
import uuid

import pytest

from stoat_ferret.db import Database
from stoat_ferret.ffmpeg import VideoMetadata
from stoat_ferret.library.models import FileStamp, ProbedVideo
from tests.support.library import StoredVideos

pytestmark = pytest.mark.both_databases

METADATA = VideoMetadata(
    duration_s=2.0,
    duration_frames=60,
    frame_rate_numerator=30,
    frame_rate_denominator=1,
    width=320,
    height=240,
    video_codec="h264",
    audio_codec="aac",
    container="mov,mp4,m4a,3gp,3g2,mj2",
    bit_rate=250_000,
    audio_channels=1,
    audio_sample_rate=48_000,
)


def probed(
    path: str,
    *,
    video_id: str | None = None,
    size: int = 1_000,
    mtime_ns: int = 1_700_000_000_000_000_000,
    metadata: VideoMetadata = METADATA,
    thumbnail_path: str | None = None,
) -> ProbedVideo:
    return ProbedVideo(
        id=video_id or uuid.uuid4().hex,
        path=path,
        stamp=FileStamp(size=size, mtime_ns=mtime_ns),
        metadata=metadata,
        thumbnail_path=thumbnail_path,
    )


@pytest.fixture
def repository(database: Database) -> StoredVideos:
    return StoredVideos(database)


async def search_paths(repository: StoredVideos, query: str) -> set[str]:
    rows, total = await repository.search(query, limit=100)
    assert total == len(rows)
    return {row.path for row in rows}


# --- upsert ----------------------------------------------------------------------------


async def test_upsert_inserts_a_new_record(repository: StoredVideos) -> None:
    video = probed("/media/a/first clip.mp4", thumbnail_path="/data/thumbnails/x.jpg")
    [row] = await repository.upsert_many([video])
    assert row.id == video.id
    assert row.path == "/media/a/first clip.mp4"
    assert row.filename == "first clip.mp4"
    assert row.duration_seconds == 2.0
    assert row.duration_frames == 60
    assert (row.frame_rate_numerator, row.frame_rate_denominator) == (30, 1)
    assert (row.width, row.height) == (320, 240)
    assert (row.video_codec, row.audio_codec) == ("h264", "aac")
    assert row.container == "mov,mp4,m4a,3gp,3g2,mj2"
    assert row.bit_rate == 250_000
    assert (row.audio_channels, row.audio_sample_rate) == (1, 48_000)
    assert (row.file_size, row.file_mtime_ns) == (1_000, 1_700_000_000_000_000_000)
    assert row.thumbnail_path == "/data/thumbnails/x.jpg"
    assert row.missing is False
    assert row.created_at == row.updated_at
    assert row.created_at.tzinfo is not None
    assert await repository.count() == 1
    stored = await repository.get(video.id)
    assert stored is not None
    assert stored.path == video.path
    by_path = await repository.get_by_path(video.path)
    assert by_path is not None
    assert by_path.id == video.id


async def test_upsert_updates_by_path_keeping_id_and_created_at(
    repository: StoredVideos,
) -> None:
    path = "/media/a/clip.mkv"
    [first] = await repository.upsert_many([probed(path, size=1_000)])
    # Timestamps have microsecond resolution; make sure the clock visibly moves.
    await asyncio.sleep(0.01)
    changed = dataclasses.replace(
        METADATA,
        duration_s=5.5,
        duration_frames=138,
        frame_rate_numerator=25,
        width=640,
        height=360,
        video_codec="vp9",
        audio_codec=None,
        audio_channels=None,
        audio_sample_rate=None,
    )
    # A rescan of a changed file: the scan would reuse the id, but even a fresh id
    # must not replace the stored one, because thumbnails and clips refer to it.
    [second] = await repository.upsert_many(
        [probed(path, size=2_000, mtime_ns=5, metadata=changed, thumbnail_path="/t/new.jpg")]
    )
    assert second.id == first.id
    assert second.created_at == first.created_at
    assert second.updated_at > first.updated_at
    assert second.file_size == 2_000
    assert second.file_mtime_ns == 5
    assert second.duration_seconds == 5.5
    assert second.duration_frames == 138
    assert second.frame_rate_numerator == 25
    assert (second.width, second.height) == (640, 360)
    assert second.video_codec == "vp9"
    assert second.audio_codec is None
    assert second.audio_channels is None
    assert second.thumbnail_path == "/t/new.jpg"
    assert await repository.count() == 1
    # The full-text index follows the update: one row, found once.
    assert await search_paths(repository, "clip.mkv") == {path}


async def test_upsert_of_nothing_is_a_no_op(repository: StoredVideos) -> None:
    assert await repository.upsert_many([]) == []
    assert await repository.count() == 0


async def test_upsert_many_mixes_inserts_and_updates(repository: StoredVideos) -> None:
    [old] = await repository.upsert_many([probed("/m/old.mp4")])
    rows = await repository.upsert_many([probed("/m/old.mp4", size=7), probed("/m/new.mp4")])
    assert {row.path for row in rows} == {"/m/old.mp4", "/m/new.mp4"}
    by_path = {row.path: row for row in rows}
    assert by_path["/m/old.mp4"].id == old.id
    assert by_path["/m/old.mp4"].file_size == 7
    assert await repository.count() == 2


async def test_upsert_of_1500_rows_in_one_call(repository: StoredVideos) -> None:
    # 1,500 rows x ~20 columns is beyond SQLite's bound-parameter limit for one
    # statement; the repository must still store (and then update) them all.
    videos = [probed(f"/bulk/sub{n % 7}/clip_{n:05d}.mp4", size=n + 1) for n in range(1_500)]
    rows = await repository.upsert_many(videos)
    assert len(rows) == 1_500
    assert await repository.count() == 1_500
    assert {row.path for row in rows} == {video.path for video in videos}

    updated = [dataclasses.replace(v, stamp=FileStamp(v.stamp.size, 42)) for v in videos]
    rows = await repository.upsert_many(updated)
    assert len(rows) == 1_500
    assert await repository.count() == 1_500
    assert {row.file_mtime_ns for row in rows} == {42}
    assert {row.id for row in rows} == {video.id for video in videos}

    known = await repository.known_stamps("/bulk", recursive=True)
    assert len(known) == 1_500
    assert await repository.set_missing(known) == 1_500
    page, total = await repository.list_page(limit=100)
    assert total == 1_500
    assert all(row.missing for row in page)


# --- known_stamps ----------------------------------------------------------------------------


async def test_known_stamps_recursive_and_not(repository: StoredVideos) -> None:
    await repository.upsert_many(
        [
            probed("/a/b/top.mp4", size=11, mtime_ns=111),
            probed("/a/b/sub/nested.mp4"),
            probed("/a/b/sub/deeper/nested2.mp4"),
            probed("/a/bc/sibling.mp4"),
            probed("/a/b.mp4"),
            probed("/a/elsewhere.mp4"),
        ]
    )
    recursive = await repository.known_stamps("/a/b", recursive=True)
    assert set(recursive) == {"/a/b/top.mp4", "/a/b/sub/nested.mp4", "/a/b/sub/deeper/nested2.mp4"}
    flat = await repository.known_stamps("/a/b", recursive=False)
    assert set(flat) == {"/a/b/top.mp4"}
    top_id, size, mtime_ns, missing = flat["/a/b/top.mp4"]
    assert (size, mtime_ns, missing) == (11, 111, False)
    stored = await repository.get_by_path("/a/b/top.mp4")
    assert stored is not None
    assert top_id == stored.id
    # A trailing separator on the root changes nothing.
    assert set(await repository.known_stamps("/a/b/", recursive=True)) == set(recursive)
    assert set(await repository.known_stamps("/a/b/sub", recursive=False)) == {
        "/a/b/sub/nested.mp4"
    }


async def test_known_stamps_treats_like_wildcards_literally(repository: StoredVideos) -> None:
    # `_` and `%` are LIKE wildcards; a folder named with them must match only itself.
    await repository.upsert_many(
        [
            probed("/m/a_b/one.mp4"),
            probed("/m/axb/two.mp4"),
            probed("/m/100%/three.mp4"),
            probed("/m/100x/four.mp4"),
        ]
    )
    assert set(await repository.known_stamps("/m/a_b", recursive=True)) == {"/m/a_b/one.mp4"}
    assert set(await repository.known_stamps("/m/100%", recursive=True)) == {"/m/100%/three.mp4"}


async def test_known_stamps_is_case_sensitive(repository: StoredVideos) -> None:
    await repository.upsert_many(
        [probed("/media/clips/lower.mp4"), probed("/Media/Clips/upper.mp4")]
    )
    assert set(await repository.known_stamps("/Media/Clips", recursive=True)) == {
        "/Media/Clips/upper.mp4"
    }
    assert set(await repository.known_stamps("/media/clips", recursive=False)) == {
        "/media/clips/lower.mp4"
    }


# --- set_missing ---------------------------------------------------------------------------


async def test_set_missing_counts_only_changed_rows(repository: StoredVideos) -> None:
    await repository.upsert_many([probed("/s/one.mp4"), probed("/s/two.mp4"), probed("/s/3.mp4")])
    before = await repository.get_by_path("/s/one.mp4")
    assert before is not None
    await asyncio.sleep(0.01)

    assert await repository.set_missing(["/s/one.mp4", "/s/two.mp4", "/s/not-stored.mp4"]) == 2
    after = await repository.get_by_path("/s/one.mp4")
    assert after is not None
    assert after.missing is True
    assert after.updated_at > before.updated_at
    known = await repository.known_stamps("/s", recursive=True)
    assert {path for path, (*_, missing) in known.items() if missing} == {
        "/s/one.mp4",
        "/s/two.mp4",
    }

    # Already missing: nothing changes, nothing is counted.
    assert await repository.set_missing(["/s/one.mp4", "/s/two.mp4"]) == 0
    assert await repository.set_missing([]) == 0
    # Flipping back counts only the rows that were missing.
    assert await repository.set_missing(["/s/one.mp4", "/s/3.mp4"], missing=False) == 1
    one = await repository.get_by_path("/s/one.mp4")
    assert one is not None
    assert one.missing is False


async def test_upsert_clears_missing(repository: StoredVideos) -> None:
    [row] = await repository.upsert_many([probed("/c/back.mp4")])
    assert await repository.set_missing(["/c/back.mp4"]) == 1
    [again] = await repository.upsert_many([probed("/c/back.mp4", size=3)])
    assert again.id == row.id
    assert again.missing is False
    *_, missing = (await repository.known_stamps("/c", recursive=False))["/c/back.mp4"]
    assert missing is False


# --- search --------------------------------------------------------------------------------


async def test_search_by_filename_and_path(repository: StoredVideos) -> None:
    await repository.upsert_many(
        [
            probed("/lib/holidays/beach day.mp4"),
            probed("/lib/holidays/Grüße aus Köln.mov"),
            probed("/lib/work/meeting.mkv"),
            probed("/lib/work/beach plan.webm"),
        ]
    )
    assert await search_paths(repository, "beach") == {
        "/lib/holidays/beach day.mp4",
        "/lib/work/beach plan.webm",
    }
    # A folder name in the path matches every file inside it.
    assert await search_paths(repository, "holidays") == {
        "/lib/holidays/beach day.mp4",
        "/lib/holidays/Grüße aus Köln.mov",
    }
    # Words are ANDed, in any order.
    assert await search_paths(repository, "beach holidays") == {"/lib/holidays/beach day.mp4"}
    assert await search_paths(repository, "work beach") == {"/lib/work/beach plan.webm"}
    # Case does not matter, also outside ASCII for the full-text part.
    assert await search_paths(repository, "KÖLN") == {"/lib/holidays/Grüße aus Köln.mov"}
    assert await search_paths(repository, "grüße") == {"/lib/holidays/Grüße aus Köln.mov"}
    # Short terms (below the trigram size) still match as substrings.
    assert await search_paths(repository, "mk") == {"/lib/work/meeting.mkv"}
    assert await search_paths(repository, "ö") == {"/lib/holidays/Grüße aus Köln.mov"}
    assert await search_paths(repository, "zzz") == set()


async def test_search_after_a_rename(repository: StoredVideos) -> None:
    # What a rename looks like to the library: the next scan stores the new path and
    # marks the old one missing; deleting the old record removes it from the index.
    [old] = await repository.upsert_many([probed("/r/summer_trip.mp4")])
    assert await search_paths(repository, "summer_trip") == {"/r/summer_trip.mp4"}
    await repository.upsert_many([probed("/r/autumn_walk.mp4")])
    assert await repository.set_missing(["/r/summer_trip.mp4"]) == 1
    assert await search_paths(repository, "autumn_walk") == {"/r/autumn_walk.mp4"}
    # Missing records stay searchable until they are deleted.
    assert await search_paths(repository, "summer") == {"/r/summer_trip.mp4"}
    assert await repository.delete(old.id) is True
    assert await search_paths(repository, "summer") == set()
    assert await search_paths(repository, "trip") == set()
    assert await search_paths(repository, "/r/") == {"/r/autumn_walk.mp4"}


async def test_search_tolerates_fts_syntax(repository: StoredVideos) -> None:
    await repository.upsert_many(
        [probed('/q/say "hi" (take 2) - final*.mp4'), probed("/q/AND OR NOT.mp4")]
    )
    assert await search_paths(repository, '"hi"') == {'/q/say "hi" (take 2) - final*.mp4'}
    assert await search_paths(repository, "(take") == {'/q/say "hi" (take 2) - final*.mp4'}
    assert await search_paths(repository, "final*") == {'/q/say "hi" (take 2) - final*.mp4'}
    assert await search_paths(repository, "*") == {'/q/say "hi" (take 2) - final*.mp4'}
    assert await search_paths(repository, "-") == {'/q/say "hi" (take 2) - final*.mp4'}
    assert await search_paths(repository, "AND") == {"/q/AND OR NOT.mp4"}
    assert await search_paths(repository, "NOT AND") == {"/q/AND OR NOT.mp4"}
    assert await search_paths(repository, 'a"nd') == set()
    assert await search_paths(repository, "NEAR(") == set()
    assert await search_paths(repository, "%") == set()
    assert await search_paths(repository, "_") == set()


async def test_search_paginates_and_sorts(repository: StoredVideos) -> None:
    await repository.upsert_many([probed(f"/p/match_{n}.mp4", size=10 - n) for n in range(5)])
    await repository.upsert_many([probed("/p/other.mp4")])
    rows, total = await repository.search("match", sort="file_size", order="asc", limit=2)
    assert total == 5
    assert [row.filename for row in rows] == ["match_4.mp4", "match_3.mp4"]
    rows, total = await repository.search("match", sort="filename", order="desc", offset=4)
    assert total == 5
    assert [row.filename for row in rows] == ["match_0.mp4"]


# --- list and delete ---------------------------------------------------------------------------


async def test_list_page_orders_and_pages(repository: StoredVideos) -> None:
    await repository.upsert_many(
        [
            probed("/l/b.mp4", size=30, metadata=dataclasses.replace(METADATA, width=640)),
            probed("/l/a.mp4", size=10, metadata=dataclasses.replace(METADATA, width=1920)),
            probed("/l/c.mp4", size=20, metadata=dataclasses.replace(METADATA, width=160)),
        ]
    )
    rows, total = await repository.list_page()
    assert total == 3
    assert [row.filename for row in rows] == ["a.mp4", "b.mp4", "c.mp4"]
    rows, _ = await repository.list_page(sort="file_size", order="desc")
    assert [row.file_size for row in rows] == [30, 20, 10]
    rows, _ = await repository.list_page(sort="width", order="asc", limit=2, offset=1)
    assert [row.width for row in rows] == [640, 1920]
    rows, total = await repository.list_page(offset=10)
    assert (rows, total) == ([], 3)


async def test_delete(repository: StoredVideos) -> None:
    await repository.upsert_many([probed("/d/keep.mp4"), probed("/d/gone.mp4")])
    victim = await repository.get_by_path("/d/gone.mp4")
    assert victim is not None
    assert await repository.delete(victim.id) is True
    assert await repository.get(victim.id) is None
    assert await repository.get_by_path("/d/gone.mp4") is None
    assert await repository.count() == 1
    assert set(await repository.known_stamps("/d", recursive=True)) == {"/d/keep.mp4"}
    # Deleting again, or an unknown id, reports that nothing was deleted.
    assert await repository.delete(victim.id) is False
    assert await repository.delete("no-such-id") is False
    assert await repository.count() == 1
    # The path is free again: upserting it makes a new record.
    [again] = await repository.upsert_many([probed("/d/gone.mp4")])
    assert again.id != victim.id
