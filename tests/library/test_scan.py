"""The scan job on real media: results, metadata, thumbnails, rescans, bad files, timeouts."""

from __future__ import annotations

import asyncio
import os
import shutil
import stat
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from PIL import Image

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.library.conftest import copy_corpus, scan_and_wait


@asynccontextmanager
async def client_for(settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database, configure_logs=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        yield client


async def all_videos(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    page = (await client.get("/api/v1/videos", params={"limit": 100})).json()
    assert page["total"] <= 100
    return list(page["videos"])


def counting_wrapper(folder: Path, binary: str, counter: Path) -> str:
    """A real ffprobe/ffmpeg behind a script that counts its invocations."""
    script = folder / f"counting-{binary}"
    real = shutil.which(binary)
    script.write_text(f'#!/bin/sh\necho x >> "{counter}"\nexec "{real}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def invocations(counter: Path) -> int:
    return len(counter.read_text().splitlines()) if counter.exists() else 0


async def test_first_scan_stores_metadata_and_thumbnails(
    library_client: httpx.AsyncClient, small_corpus: Path
) -> None:
    job = await scan_and_wait(library_client, small_corpus)
    assert job["status"] == "complete"
    assert job["progress"] == 1.0
    result = job["result"]
    assert result["new"] == 8 and result["updated"] == 0 and result["skipped"] == 0
    assert result["scanned"] == 13 and result["missing"] == 0
    bad = {Path(e["path"]).name: e["error"] for e in result["errors"]}
    assert set(bad) == {"zero_byte.mp4", "random_bytes.mkv", "text.avi", "audio_only.mp4",
                        "truncated.mp4"}  # fmt: skip
    assert all(message.strip() for message in bad.values())
    assert "no video stream" in bad["audio_only.mp4"]
    detail = job["progress_detail"]
    assert detail["processed"] == detail["total"] == 13
    assert {"current", "files_per_s", "eta_s"} <= set(detail)

    videos = {v["filename"]: v for v in await all_videos(library_client)}
    assert "Grüße aus Köln.MP4" in videos and "holiday clip.mov" in videos
    webm = videos["clip_0003.webm"]
    assert (webm["width"], webm["height"], webm["video_codec"]) == (160, 120, "vp9")
    mov = videos["holiday clip.mov"]
    assert (mov["frame_rate_numerator"], mov["frame_rate_denominator"]) == (30000, 1001)
    assert mov["audio_codec"] is None
    mkv = videos["clip_0000.mkv"]
    assert abs(mkv["duration_seconds"] - 2.0) < 0.05
    assert mkv["duration_frames"] == round(mkv["duration_seconds"] * 25)
    for video in videos.values():
        response = await library_client.get(video["thumbnail_url"])
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/jpeg"
        assert "x-placeholder" not in response.headers
        image = Image.open(__import__("io").BytesIO(response.content))
        assert image.format == "JPEG" and image.width == 320


async def test_rescan_skips_everything_without_starting_ffprobe(
    library_settings: Settings, database: Database, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    root = tmp_path / "lib"
    copy_corpus(clip_templates, root, 6)
    counter = tmp_path / "calls"
    settings = library_settings.model_copy(
        update={
            "probe_backend": "ffprobe",
            "ffprobe_path": counting_wrapper(tmp_path, "ffprobe", counter),
            "ffmpeg_path": counting_wrapper(tmp_path, "ffmpeg", counter),
        }
    )
    async with client_for(settings, database) as client:
        first = await scan_and_wait(client, root)
        assert first["result"]["new"] == 6
        assert invocations(counter) == 12  # one probe and one thumbnail per file
        second = await scan_and_wait(client, root)
        assert second["status"] == "complete"
        assert second["result"] == {"scanned": 6, "new": 0, "updated": 0, "skipped": 6,
                                    "missing": 0, "errors": []}  # fmt: skip
        assert invocations(counter) == 12

        touched = root / "part0" / "clip_0000.mkv"
        os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
        third = await scan_and_wait(client, root)
        assert (third["result"]["updated"], third["result"]["skipped"]) == (1, 5)
        assert invocations(counter) == 14

        gone = root / "part1" / "clip_0001.mov"
        kept = tmp_path / "kept.mov"
        gone.rename(kept)
        fourth = await scan_and_wait(client, root)
        assert fourth["result"]["missing"] == 1 and fourth["result"]["skipped"] == 5
        videos = {v["filename"]: v for v in await all_videos(client)}
        assert len(videos) == 6 and videos["clip_0001.mov"]["missing"] is True

        kept.rename(gone)
        fifth = await scan_and_wait(client, root)
        assert fifth["result"]["updated"] == 1 and fifth["result"]["missing"] == 0
        videos = {v["filename"]: v for v in await all_videos(client)}
        assert videos["clip_0001.mov"]["missing"] is False


async def test_non_recursive_scan_ignores_subfolders_and_their_records(
    library_client: httpx.AsyncClient, small_corpus: Path
) -> None:
    await scan_and_wait(library_client, small_corpus)
    flat = await scan_and_wait(library_client, small_corpus, recursive=False)
    assert flat["result"]["scanned"] == 1  # only "Grüße aus Köln.MP4" lies at the top
    assert flat["result"]["skipped"] == 1
    assert flat["result"]["missing"] == 0  # records in subfolders are not "gone"


HANGING_FFPROBE = """#!/bin/sh
for last; do true; done
case "$(basename "$last")" in
  *hang*) echo $$ > "{pids}/$(basename "$last").pid"; exec sleep 1000;;
esac
exec "{real}" "$@"
"""


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


async def test_hanging_probe_times_out_is_killed_and_scan_goes_on(
    library_settings: Settings, database: Database, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    root = tmp_path / "lib"
    copy_corpus(clip_templates, root, 3)
    shutil.copyfile(clip_templates["mp4"], root / "will-hang.mp4")
    pids = tmp_path / "pids"
    pids.mkdir()
    fake = tmp_path / "ffprobe"
    fake.write_text(HANGING_FFPROBE.format(pids=pids, real=shutil.which("ffprobe")))
    fake.chmod(0o755)
    settings = library_settings.model_copy(
        update={"probe_backend": "ffprobe", "ffprobe_path": str(fake), "ffprobe_timeout": 1.0}
    )
    async with client_for(settings, database) as client:
        job = await scan_and_wait(client, root)
    assert job["status"] == "complete"
    assert job["result"]["new"] == 3, job["result"]
    (error,) = job["result"]["errors"]
    assert error["path"].endswith("will-hang.mp4")
    assert "timed out" in error["error"]
    pid = int((pids / "will-hang.mp4.pid").read_text())
    assert not process_alive(pid)


async def wait_for(predicate: Callable[[], Any], limit_s: float = 30) -> Any:
    async with asyncio.timeout(limit_s):
        while not (value := await predicate()):
            await asyncio.sleep(0.02)
    return value
