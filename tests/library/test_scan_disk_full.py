"""A scan on a full disk: it fails with the OS's message, recorded, and locks nothing.

The data folder (database and thumbnails) lives on a small real tmpfs, so the disk
really fills: mounting one needs root, which the project's test machines have. The
scan's probes wait for a "go" file (a real ffprobe behind a gate), so the disk is
filled exactly between the start of the scan and its first write.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from stoat_ferret.api import create_app
from stoat_ferret.settings import Settings
from tests.library.conftest import copy_corpus
from tests.support.disk import fill, mounted_tmpfs

CLIPS = 6


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk") as disk:
        yield disk


def gated_ffprobe(folder: Path, go: Path) -> str:
    script = folder / "gated-ffprobe"
    script.write_text(
        f'#!/bin/sh\nwhile [ ! -e "{go}" ]; do sleep 0.02; done\n'
        f'exec "{shutil.which("ffprobe")}" "$@"\n'
    )
    script.chmod(0o755)
    return str(script)


@contextlib.asynccontextmanager
async def server(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its own database, as ``serve`` runs it (reserve included)."""
    app = create_app(settings, configure_logs=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        yield client


async def wait_until_running(client: httpx.AsyncClient, job_id: str) -> None:
    async with asyncio.timeout(30):
        while (await client.get(f"/api/v1/jobs/{job_id}")).json()["status"] != "running":
            await asyncio.sleep(0.02)


async def finished(client: httpx.AsyncClient, job_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 120})
    job: dict[str, Any] = response.json()
    assert job["status"] not in {"pending", "running"}, job
    return job


@pytest.mark.parametrize("full", ["database_and_thumbnails", "database_only"])
async def test_a_full_disk_fails_the_scan_recorded_and_without_locking_the_folder(
    full: str, small_disk: Path, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, CLIPS)
    data_dir = small_disk / "data"
    if full == "database_only":
        # Thumbnails elsewhere: the first write to fail is the database's.
        data_dir.mkdir()
        (tmp_path / "thumbs").mkdir()
        (data_dir / "thumbnails").symlink_to(tmp_path / "thumbs")
    go = tmp_path / "go"
    settings = Settings(
        data_dir=data_dir,
        probe_backend="ffprobe",
        ffprobe_path=gated_ffprobe(tmp_path, go),
        scan_concurrency=2,
        job_cancel_grace=0.5,
        log_format="console",
    )
    scan = {"path": str(root), "recursive": True}

    async with server(settings) as client:
        response = await client.post("/api/v1/videos/scan", json=scan)
        assert response.status_code == 202, response.text
        job_id = response.json()["job_id"]
        await wait_until_running(client, job_id)
        filler = await asyncio.to_thread(fill, small_disk)
        go.touch()

        job = await finished(client, job_id)
        assert job["status"] == "failed", job
        assert job["error"].startswith("No space left on device"), job["error"]

        # Not 409 SCAN_IN_PROGRESS: the folder is free again. Whether this write fits
        # depends on the slack the failed transactions left in SQLite's WAL file; if
        # it does, that scan ends like the first one (507 itself: the next test).
        again = await client.post("/api/v1/videos/scan", json=scan)
        assert again.status_code in {202, 507}, again.text
        if again.status_code == 507:
            assert again.json()["detail"]["code"] == "INSUFFICIENT_STORAGE"
        else:
            second = await finished(client, again.json()["job_id"])
            assert second["status"] == "failed", second
            assert second["error"].startswith("No space left on device"), second["error"]
        cancel = await client.post(f"/api/v1/jobs/{job_id}/cancel")
        assert cancel.status_code == 409, cancel.text
        assert cancel.json()["detail"]["code"] == "ALREADY_TERMINAL"
        listed = (await client.get("/api/v1/jobs", params={"status": "running"})).json()
        assert listed["jobs"] == []

    await asyncio.to_thread(filler.unlink)
    async with server(settings) as client:
        # The failure was stored: after a restart the job is still failed, not re-run.
        after = (await client.get(f"/api/v1/jobs/{job_id}")).json()
        assert (after["status"], after["error"]) == ("failed", job["error"])
        assert after["finished_at"] is not None
        response = await client.post("/api/v1/videos/scan", json=scan)
        assert response.status_code == 202, response.text
        rescan = await finished(client, response.json()["job_id"])
        assert rescan["status"] == "complete", rescan
        total = (await client.get("/api/v1/videos")).json()["total"]
        assert total == CLIPS
        assert rescan["result"]["errors"] == []


async def test_a_request_that_cannot_be_stored_answers_507_in_the_error_shape(
    small_disk: Path, tmp_path: Path
) -> None:
    root = tmp_path / "videos"
    root.mkdir()
    settings = Settings(data_dir=small_disk / "data", log_format="console")
    scan = {"path": str(root), "recursive": True}

    async with server(settings) as client:
        await asyncio.to_thread(fill, small_disk)
        for _ in range(2):  # the failed submit leaves nothing behind that locks the folder
            response = await client.post("/api/v1/videos/scan", json=scan)
            assert response.status_code == 507, response.text
            detail = response.json()["detail"]
            assert detail["code"] == "INSUFFICIENT_STORAGE"
            assert detail["message"].startswith("No space left on device: the database")
            assert "INSERT" not in detail["message"]  # no SQL in the answer
        # Reading still works on a full disk.
        assert (await client.get("/api/v1/jobs")).json() == {"jobs": []}
        assert (await client.get("/api/v1/videos")).status_code == 200
