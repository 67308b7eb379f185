"""The videos routes over HTTP: scan validation, browse, search, thumbnails, delete.

Everything runs through the real app (real SQLite, real ffprobe and ffmpeg on
generated media). Tests that need other settings (allowed scan roots) build their
own app on the same migrated database with :func:`running_client`.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.library.conftest import scan_and_wait

SCAN = "/api/v1/videos/scan"
VIDEOS = "/api/v1/videos"
SEARCH = "/api/v1/videos/search"

#: SPEC §4: every field of a video record.
SPEC_VIDEO_FIELDS = {
    "id",
    "path",
    "filename",
    "duration_seconds",
    "duration_frames",
    "frame_rate_numerator",
    "frame_rate_denominator",
    "width",
    "height",
    "video_codec",
    "audio_codec",
    "container",
    "bit_rate",
    "file_size",
    "file_mtime",
    "thumbnail_url",
    "created_at",
    "updated_at",
}
SORT_FIELDS = ("filename", "created_at", "updated_at", "duration_seconds", "file_size", "width")
DATETIME_FIELDS = {"created_at", "updated_at", "file_mtime"}

#: The good files of ``small_corpus``, relative to it (see tests/library/conftest.py).
SMALL_CORPUS_VIDEOS = {
    "part0/clip_0000.mkv",
    "part1/clip_0001.mov",
    "part2/clip_0002.mp4",
    "part0/clip_0003.webm",
    "part1/clip_0004.mkv",
    "part2/clip_0005.mov",
    "Grüße aus Köln.MP4",
    "deep/deeper/holiday clip.mov",
}


@asynccontextmanager
async def running_client(
    settings: Settings, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    """A client for a fresh app with ``settings``, its lifespan running."""
    app = create_app(settings, database=database, configure_logs=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


def with_roots(settings: Settings, *roots: Path) -> Settings:
    return settings.model_copy(update={"allowed_scan_roots": list(roots)})


async def all_videos(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await client.get(VIDEOS, params={"limit": 100})
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == len(page["videos"])
    return list(page["videos"])


async def assert_nothing_stored(client: httpx.AsyncClient) -> None:
    page = (await client.get(VIDEOS)).json()
    assert page["total"] == 0
    assert page["videos"] == []
    assert (await client.get("/api/v1/jobs")).json()["jobs"] == []


def assert_error(response: httpx.Response, status: int, code: str, *names: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert detail["code"] == code, detail
    for name in names:
        assert name in detail["message"], (name, detail)
    return dict(detail)


def decode_jpeg(response: httpx.Response) -> Image.Image:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/jpeg"
    image = Image.open(io.BytesIO(response.content))
    image.load()
    assert image.format == "JPEG"
    return image


# Synchronous file checks for assertions. One stat in a test is harmless; wrapping
# it here keeps the async test bodies clean under ruff's ASYNC240 rule.
def is_file(path: str | Path) -> bool:
    return os.path.isfile(path)


def exists(path: str | Path) -> bool:
    return os.path.lexists(path)


def file_stat(path: str | Path) -> os.stat_result:
    return os.stat(path)


def real(path: str | Path) -> str:
    return os.path.realpath(path)


def relative(video: dict[str, Any], root: Path) -> str:
    return Path(video["path"]).relative_to(root.resolve()).as_posix()


@pytest.fixture
async def small_library(
    library_client: httpx.AsyncClient, small_corpus: Path
) -> list[dict[str, Any]]:
    """``small_corpus`` scanned into the library; its videos as the API lists them."""
    job = await scan_and_wait(library_client, small_corpus)
    assert job["status"] == "complete", job
    videos = await all_videos(library_client)
    assert {relative(v, small_corpus) for v in videos} == SMALL_CORPUS_VIDEOS
    return videos


# --- scan validation ------------------------------------------------------------------------


def _missing(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {}, ("path",)


def _empty(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {"path": ""}, ("path",)


def _blank(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {"path": "   "}, ("path",)


def _null(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {"path": None, "recursive": False}, ("path",)


def _relative(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {"path": "videos/holidays"}, ("videos/holidays", "absolute")


def _dot_relative(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {"path": "./videos"}, ("./videos", "absolute")


def _nonexistent(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    path = str(tmp / "no such folder")
    return {"path": path}, (path, "does not exist")


def _a_file(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    path = tmp / "videos" / "clip.mp4"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"not really a video, but a file")
    return {"path": str(path)}, (str(path), "not a directory")


def _nul_byte(tmp: Path) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {"path": str(tmp) + "\x00/x"}, ("NUL",)


@pytest.mark.parametrize(
    "case",
    [_missing, _empty, _blank, _null, _relative, _dot_relative, _nonexistent, _a_file, _nul_byte],
    ids=lambda case: case.__name__.strip("_"),
)
async def test_scan_rejects_an_invalid_path(
    library_client: httpx.AsyncClient,
    tmp_path: Path,
    case: Callable[[Path], tuple[dict[str, Any], tuple[str, ...]]],
) -> None:
    body, names = case(tmp_path)
    response = await library_client.post(SCAN, json=body)
    assert_error(response, 400, "INVALID_PATH", *names)
    await assert_nothing_stored(library_client)


async def test_scan_outside_allowed_roots_is_forbidden(
    library_settings: Settings, database: Database, tmp_path: Path
) -> None:
    allowed = tmp_path / "allowed"
    (allowed / "inner").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    # Same name prefix as the root, but not inside it.
    lookalike = tmp_path / "allowed-not"
    lookalike.mkdir()
    async with running_client(with_roots(library_settings, allowed), database) as client:
        for folder in (outside, lookalike, tmp_path):
            response = await client.post(SCAN, json={"path": str(folder)})
            detail = assert_error(response, 403, "PATH_NOT_ALLOWED", str(folder.resolve()))
            assert str(allowed.resolve()) in detail["message"]
        await assert_nothing_stored(client)
        # The root itself and a folder inside it are fine.
        for folder in (allowed, allowed / "inner"):
            job = await scan_and_wait(client, folder)
            assert job["status"] == "complete", job


async def test_scan_resolves_symlinks_before_checking_roots(
    library_settings: Settings, database: Database, tmp_path: Path
) -> None:
    allowed = tmp_path / "allowed"
    (allowed / "real").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    escape = allowed / "escape"
    escape.symlink_to(outside, target_is_directory=True)
    alias = allowed / "alias"
    alias.symlink_to(allowed / "real", target_is_directory=True)
    async with running_client(with_roots(library_settings, allowed), database) as client:
        response = await client.post(SCAN, json={"path": str(escape)})
        assert_error(response, 403, "PATH_NOT_ALLOWED", str(outside.resolve()))
        await assert_nothing_stored(client)
        # A link that stays inside the root is allowed; the job gets the real path.
        job = await scan_and_wait(client, alias)
        assert job["status"] == "complete", job
        assert job["payload"]["path"] == str((allowed / "real").resolve())


async def test_allowed_root_given_through_a_symlink(
    library_settings: Settings, database: Database, tmp_path: Path
) -> None:
    real_root = tmp_path / "real_root"
    real_root.mkdir()
    root_link = tmp_path / "root_link"
    root_link.symlink_to(real_root, target_is_directory=True)
    async with running_client(with_roots(library_settings, root_link), database) as client:
        job = await scan_and_wait(client, real_root)
        assert job["status"] == "complete", job


async def test_overlapping_scan_is_a_conflict(
    library_client: httpx.AsyncClient,
    large_corpus: Path,
    clip_templates: dict[str, Path],
    tmp_path: Path,
) -> None:
    alias = tmp_path / "alias_of_large"
    alias.symlink_to(large_corpus, target_is_directory=True)
    # A sibling whose name starts like the running scan's folder: not an overlap.
    sibling = large_corpus.with_name(large_corpus.name + "-more")
    sibling.mkdir()
    shutil.copyfile(clip_templates["mp4"], sibling / "extra.mp4")

    first = await library_client.post(SCAN, json={"path": str(large_corpus)})
    assert first.status_code == 202, first.text
    first_id = first.json()["job_id"]
    try:
        for folder in (large_corpus.parent, large_corpus / "part0", large_corpus, alias):
            response = await library_client.post(SCAN, json={"path": str(folder)})
            detail = assert_error(response, 409, "SCAN_IN_PROGRESS", first_id)
            assert detail["job_id"] == first_id

        accepted = await scan_and_wait(library_client, sibling)
        assert accepted["status"] == "complete", accepted
        assert accepted["result"]["new"] == 1
        jobs = (await library_client.get("/api/v1/jobs")).json()["jobs"]
        assert {job["job_id"] for job in jobs} == {first_id, accepted["job_id"]}
    finally:
        cancel = await library_client.post(f"/api/v1/jobs/{first_id}/cancel")
        # 202, not 409 ALREADY_TERMINAL: the first scan was still going all along.
        assert cancel.status_code == 202, cancel.text
        done = await library_client.get(f"/api/v1/jobs/{first_id}/wait", params={"timeout": 60})
        assert done.json()["status"] == "cancelled", done.json()

    # Once the first scan has ended, the same folder can be scanned again.
    again = await library_client.post(SCAN, json={"path": str(large_corpus / "part1")})
    assert again.status_code == 202, again.text
    again_id = again.json()["job_id"]
    await library_client.post(f"/api/v1/jobs/{again_id}/cancel")
    done = await library_client.get(f"/api/v1/jobs/{again_id}/wait", params={"timeout": 60})
    assert done.json()["status"] in {"cancelled", "complete"}, done.json()


async def test_scan_leaves_folders_differing_only_in_case_alone(
    library_client: httpx.AsyncClient, clip_templates: dict[str, Path], tmp_path: Path
) -> None:
    upper = tmp_path / "Videos"
    lower = tmp_path / "videos"
    for folder in (upper, lower):
        folder.mkdir()
        shutil.copyfile(clip_templates["mp4"], folder / f"in {folder.name}.mp4")
    first = await scan_and_wait(library_client, upper)
    assert first["result"]["new"] == 1, first
    second = await scan_and_wait(library_client, lower)
    assert second["result"]["new"] == 1, second
    assert second["result"]["missing"] == 0, second
    videos = await all_videos(library_client)
    assert len(videos) == 2
    assert [v["missing"] for v in videos] == [False, False]


# --- list, get -------------------------------------------------------------------------------


async def test_list_returns_full_records(
    library_client: httpx.AsyncClient,
    small_library: list[dict[str, Any]],
    small_corpus: Path,
) -> None:
    response = await library_client.get(VIDEOS)
    assert response.status_code == 200
    page = response.json()
    assert (page["total"], page["limit"], page["offset"]) == (8, 20, 0)
    assert len(page["videos"]) == 8
    for video in page["videos"]:
        assert set(video) >= SPEC_VIDEO_FIELDS | {"missing"}, set(video) ^ SPEC_VIDEO_FIELDS
        path = video["path"]
        assert os.path.isabs(path)
        assert is_file(path)
        assert video["filename"] == os.path.basename(path)
        assert video["thumbnail_url"] == f"/api/v1/videos/{video['id']}/thumbnail"
        assert video["missing"] is False
        stat = file_stat(path)
        assert video["file_size"] == stat.st_size
        mtime = datetime.fromisoformat(video["file_mtime"]).timestamp()
        assert abs(mtime - stat.st_mtime_ns / 1e9) < 1e-3
        assert datetime.fromisoformat(video["created_at"]).tzinfo is not None
        assert video["created_at"] <= video["updated_at"]
        assert video["duration_seconds"] > 0
        assert video["duration_frames"] > 0
        assert video["frame_rate_denominator"] >= 1
        assert video["bit_rate"] is None or video["bit_rate"] > 0
        assert video["container"]
        assert video["video_codec"]

    by_name = {video["filename"]: video for video in page["videos"]}
    mkv = by_name["clip_0000.mkv"]
    assert mkv["duration_seconds"] == pytest.approx(2.0, abs=0.1)
    assert (mkv["frame_rate_numerator"], mkv["frame_rate_denominator"]) == (25, 1)
    assert mkv["duration_frames"] == pytest.approx(50, abs=2)
    assert (mkv["width"], mkv["height"]) == (320, 240)
    assert (mkv["video_codec"], mkv["audio_codec"]) == ("h264", "aac")
    ntsc = by_name["holiday clip.mov"]
    assert (ntsc["frame_rate_numerator"], ntsc["frame_rate_denominator"]) == (30000, 1001)
    assert ntsc["audio_codec"] is None
    webm = by_name["clip_0003.webm"]
    assert (webm["width"], webm["height"]) == (160, 120)
    assert webm["video_codec"] == "vp9"


async def test_list_echoes_limit_and_offset(
    library_client: httpx.AsyncClient, small_library: list[dict[str, Any]]
) -> None:
    page = (await library_client.get(VIDEOS, params={"limit": 5, "offset": 6})).json()
    assert (page["total"], page["limit"], page["offset"]) == (8, 5, 6)
    assert len(page["videos"]) == 2
    page = (await library_client.get(VIDEOS, params={"limit": 100, "offset": 50})).json()
    assert (page["total"], page["limit"], page["offset"], page["videos"]) == (8, 100, 50, [])


@pytest.mark.parametrize("sort", SORT_FIELDS)
async def test_pages_cover_every_video_once(
    library_client: httpx.AsyncClient, small_library: list[dict[str, Any]], sort: str
) -> None:
    seen: list[str] = []
    for offset in range(0, 12, 3):
        response = await library_client.get(
            VIDEOS, params={"limit": 3, "offset": offset, "sort": sort}
        )
        page = response.json()
        assert (page["total"], page["limit"], page["offset"]) == (8, 3, offset)
        assert len(page["videos"]) == max(0, min(3, 8 - offset))
        seen += [video["id"] for video in page["videos"]]
    assert len(seen) == 8
    assert set(seen) == {video["id"] for video in small_library}


def _sort_key(field: str, value: Any) -> Any:
    return datetime.fromisoformat(value) if field in DATETIME_FIELDS else value


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("sort", SORT_FIELDS)
async def test_sort_orders_values(
    library_client: httpx.AsyncClient,
    small_library: list[dict[str, Any]],
    sort: str,
    order: str,
) -> None:
    response = await library_client.get(VIDEOS, params={"sort": sort, "order": order, "limit": 100})
    assert response.status_code == 200, response.text
    values = [_sort_key(sort, video[sort]) for video in response.json()["videos"]]
    assert len(values) == 8
    assert values == sorted(values, reverse=order == "desc")
    if sort in {"filename", "duration_seconds", "file_size", "width"}:
        # These fields have distinct values in the corpus: the order is not trivial.
        assert len(set(values)) > 1


async def test_default_order_is_filename_ascending(
    library_client: httpx.AsyncClient, small_library: list[dict[str, Any]]
) -> None:
    names = [video["filename"] for video in (await library_client.get(VIDEOS)).json()["videos"]]
    assert names == sorted(names)


@pytest.mark.parametrize("url", [VIDEOS, f"{SEARCH}?q=clip"])
@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"sort": "bogus"}, "sort"),
        ({"sort": "path"}, "sort"),
        ({"order": "sideways"}, "order"),
    ],
)
async def test_invalid_query_parameters(
    library_client: httpx.AsyncClient, url: str, params: dict[str, Any], name: str
) -> None:
    response = await library_client.get(url, params=params)
    detail = assert_error(response, 422, "VALIDATION_ERROR", name)
    assert ["query", name] in [error["loc"] for error in detail["errors"]]


async def test_get_by_id(
    library_client: httpx.AsyncClient, small_library: list[dict[str, Any]]
) -> None:
    for video in small_library:
        response = await library_client.get(f"{VIDEOS}/{video['id']}")
        assert response.status_code == 200, response.text
        assert response.json() == video


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("GET", ""), ("GET", "/thumbnail"), ("DELETE", ""), ("DELETE", "?delete_file=true")],
)
async def test_unknown_id_is_not_found(
    library_client: httpx.AsyncClient,
    small_library: list[dict[str, Any]],
    method: str,
    suffix: str,
) -> None:
    unknown = "0123456789abcdef0123456789abcdef"
    response = await library_client.request(method, f"{VIDEOS}/{unknown}{suffix}")
    assert_error(response, 404, "NOT_FOUND", unknown)
    assert len(await all_videos(library_client)) == 8


# --- search ------------------------------------------------------------------------------------


async def search_names(client: httpx.AsyncClient, q: str, **params: Any) -> set[str]:
    response = await client.get(SEARCH, params={"q": q, "limit": 100, **params})
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == len(page["videos"])
    return {video["filename"] for video in page["videos"]}


def expected_names(videos: list[dict[str, Any]], q: str) -> set[str]:
    """What the search promises: every word is a substring of the path, ignoring case."""
    words = [word.casefold() for word in q.split()]
    return {
        video["filename"]
        for video in videos
        if all(word in video["path"].casefold() for word in words)
    }


SEARCH_CASES: list[tuple[str, set[str]]] = [
    # Substrings of a filename (three characters or more: the full-text index).
    ("0003", {"clip_0003.webm"}),
    (
        "lip_000",
        {
            "clip_0000.mkv",
            "clip_0001.mov",
            "clip_0002.mp4",
            "clip_0003.webm",
            "clip_0004.mkv",
            "clip_0005.mov",
        },
    ),
    ("holiday", {"holiday clip.mov"}),
    ("WEBM", {"clip_0003.webm"}),
    # One and two characters (below the trigram size).
    ("ße", {"Grüße aus Köln.MP4"}),
    ("5.", {"clip_0005.mov"}),
    ("ü", {"Grüße aus Köln.MP4"}),
    # Unicode.
    ("Köln", {"Grüße aus Köln.MP4"}),
    ("köln", {"Grüße aus Köln.MP4"}),
    ("Grüße aus", {"Grüße aus Köln.MP4"}),
    # Folder names in the path.
    ("deeper", {"holiday clip.mov"}),
    ("part1", {"clip_0001.mov", "clip_0004.mkv"}),
    # Several words: all must match, in any order, long and short mixed.
    ("part1 mkv", {"clip_0004.mkv"}),
    ("mkv part1", {"clip_0004.mkv"}),
    ("deeper holiday clip", {"holiday clip.mov"}),
    ("part2 5.", {"clip_0005.mov"}),
    ("Köln part1", set()),
    # No match.
    ("zebra", set()),
    ("qx", set()),
]


@pytest.mark.parametrize(
    ("q", "expected"),
    SEARCH_CASES,
    # Neutral ids: the test's tmp folder is named after its id, and a search term in
    # that folder name would match every video.
    ids=[f"n{n:02d}" for n in range(len(SEARCH_CASES))],
)
async def test_search(
    library_client: httpx.AsyncClient,
    small_library: list[dict[str, Any]],
    small_corpus: Path,
    q: str,
    expected: set[str],
) -> None:
    # The search covers the whole path: make sure the test's own tmp folder does not
    # contain the words, or every video would match.
    assert not any(word.casefold() in str(small_corpus).casefold() for word in q.split())
    assert expected_names(small_library, q) == expected
    assert await search_names(library_client, q) == expected


@pytest.mark.parametrize(
    "q",
    ['"', "*", "(", ")", "-", "^", ":", "AND", "OR", "NOT", '"clip', "clip*", "clip -part1",
     "NEAR(clip part1)", "part1 AND mkv", "(clip OR holiday)", "{filename}: clip", ')(*"-^:+'],
)  # fmt: skip
async def test_search_with_fts_syntax_characters(
    library_client: httpx.AsyncClient, small_library: list[dict[str, Any]], q: str
) -> None:
    # FTS5 query syntax is never interpreted: every word is a literal substring.
    assert await search_names(library_client, q) == expected_names(small_library, q)


async def test_search_no_match_and_paging(
    library_client: httpx.AsyncClient, small_library: list[dict[str, Any]]
) -> None:
    response = await library_client.get(SEARCH, params={"q": "nothing-like-this"})
    assert response.status_code == 200
    assert response.json() == {"videos": [], "total": 0, "limit": 20, "offset": 0}
    page = (
        await library_client.get(
            SEARCH, params={"q": "clip_", "limit": 2, "offset": 2, "sort": "filename"}
        )
    ).json()
    assert (page["total"], page["limit"], page["offset"]) == (6, 2, 2)
    assert [video["filename"] for video in page["videos"]] == ["clip_0002.mp4", "clip_0003.webm"]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 201}])
async def test_search_requires_a_query(
    library_client: httpx.AsyncClient, params: dict[str, str]
) -> None:
    response = await library_client.get(SEARCH, params=params)
    detail = assert_error(response, 422, "VALIDATION_ERROR", "q")
    assert ["query", "q"] in [error["loc"] for error in detail["errors"]]


# --- thumbnail ----------------------------------------------------------------------------------


async def test_thumbnail_is_a_320_px_jpeg(
    library_client: httpx.AsyncClient, small_library: list[dict[str, Any]]
) -> None:
    for video in small_library:
        image = decode_jpeg(await library_client.get(video["thumbnail_url"]))
        assert image.width == 320, video["filename"]
        # Aspect ratio kept (within rounding to even heights).
        assert image.height == pytest.approx(320 * video["height"] / video["width"], abs=2)


async def test_thumbnail_falls_back_to_a_placeholder(
    library_client: httpx.AsyncClient,
    small_library: list[dict[str, Any]],
    library_settings: Settings,
) -> None:
    video = small_library[0]
    thumbnail = library_settings.thumbnails_dir / f"{video['id']}.jpg"
    assert is_file(thumbnail)
    thumbnail.unlink()
    image = decode_jpeg(await library_client.get(video["thumbnail_url"]))
    assert image.width == 320
    # The other thumbnails are untouched.
    other = decode_jpeg(await library_client.get(small_library[1]["thumbnail_url"]))
    assert other.width == 320


# --- delete ---------------------------------------------------------------------------------------


async def assert_forgotten(client: httpx.AsyncClient, video: dict[str, Any]) -> None:
    assert (await client.get(f"{VIDEOS}/{video['id']}")).status_code == 404
    assert (await client.get(video["thumbnail_url"])).status_code == 404
    assert video["id"] not in {v["id"] for v in await all_videos(client)}
    assert video["filename"] not in await search_names(client, video["filename"])


@pytest.mark.parametrize("params", [{}, {"delete_file": "false"}])
async def test_delete_forgets_the_video_but_keeps_the_file(
    library_client: httpx.AsyncClient,
    small_library: list[dict[str, Any]],
    library_settings: Settings,
    params: dict[str, str],
) -> None:
    video = next(v for v in small_library if v["filename"] == "holiday clip.mov")
    thumbnail = library_settings.thumbnails_dir / f"{video['id']}.jpg"
    assert is_file(thumbnail)
    response = await library_client.delete(f"{VIDEOS}/{video['id']}", params=params)
    assert response.status_code == 204, response.text
    assert response.content == b""
    await assert_forgotten(library_client, video)
    assert len(await all_videos(library_client)) == 7
    assert not exists(thumbnail)
    assert is_file(video["path"])
    # Deleting twice: the second time there is nothing to delete.
    again = await library_client.delete(f"{VIDEOS}/{video['id']}")
    assert_error(again, 404, "NOT_FOUND", video["id"])


async def test_delete_file_with_no_roots_configured(
    library_client: httpx.AsyncClient, small_library: list[dict[str, Any]]
) -> None:
    # No STOAT_ALLOWED_SCAN_ROOTS: everything is allowed (loopback default).
    video = small_library[0]
    response = await library_client.delete(
        f"{VIDEOS}/{video['id']}", params={"delete_file": "true"}
    )
    assert response.status_code == 204, response.text
    assert not exists(video["path"])
    await assert_forgotten(library_client, video)


async def test_delete_file_inside_an_allowed_root(
    library_settings: Settings, database: Database, small_corpus: Path
) -> None:
    settings = with_roots(library_settings, small_corpus)
    async with running_client(settings, database) as client:
        job = await scan_and_wait(client, small_corpus)
        assert job["status"] == "complete", job
        videos = await all_videos(client)
        video = next(v for v in videos if v["filename"] == "Grüße aus Köln.MP4")
        thumbnail = settings.thumbnails_dir / f"{video['id']}.jpg"
        response = await client.delete(f"{VIDEOS}/{video['id']}", params={"delete_file": "true"})
        assert response.status_code == 204, response.text
        assert not exists(video["path"])
        assert not exists(thumbnail)
        await assert_forgotten(client, video)
        # Only that file went away.
        others = [v for v in videos if v["id"] != video["id"]]
        assert all(is_file(v["path"]) for v in others)
        assert len(await all_videos(client)) == 7


async def test_delete_file_outside_the_allowed_roots_is_forbidden(
    library_settings: Settings, database: Database, small_corpus: Path, tmp_path: Path
) -> None:
    # A first app, allowed to touch the corpus, puts the videos in the library.
    async with running_client(with_roots(library_settings, small_corpus), database) as client:
        job = await scan_and_wait(client, small_corpus)
        assert job["status"] == "complete", job
    # Later the server runs with roots that no longer include the corpus.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    settings = with_roots(library_settings, elsewhere)
    async with running_client(settings, database) as client:
        videos = await all_videos(client)
        assert len(videos) == 8
        video = videos[0]
        thumbnail = settings.thumbnails_dir / f"{video['id']}.jpg"
        response = await client.delete(f"{VIDEOS}/{video['id']}", params={"delete_file": "true"})
        assert_error(response, 403, "PATH_NOT_ALLOWED", real(video["path"]))
        # Nothing happened: record, file and thumbnail are all still there.
        assert is_file(video["path"])
        assert is_file(thumbnail)
        stored = await client.get(f"{VIDEOS}/{video['id']}")
        assert stored.status_code == 200
        assert stored.json() == video
        assert len(await all_videos(client)) == 8
        assert decode_jpeg(await client.get(video["thumbnail_url"])).width == 320
        # Forgetting the record without touching the file is still allowed.
        response = await client.delete(f"{VIDEOS}/{video['id']}")
        assert response.status_code == 204, response.text
        assert is_file(video["path"])
        await assert_forgotten(client, video)
