"""Real media corpora for library tests, generated once per session with ffmpeg."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.support.corpus import copy_corpus
from tests.support.media import make_bad_files

__all__ = ["copy_corpus", "scan_and_wait"]


@pytest.fixture
def small_corpus(tmp_path: Path, clip_templates: dict[str, Path]) -> Path:
    """8 good clips in nested folders, unicode and space names, plus 4 bad files."""
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 6)
    shutil.copyfile(clip_templates["mp4"], root / "Grüße aus Köln.MP4")
    (root / "deep" / "deeper").mkdir(parents=True)
    shutil.copyfile(clip_templates["mov"], root / "deep" / "deeper" / "holiday clip.mov")
    (root / "notes.txt").write_text("not a video")
    make_bad_files(root / "bad")
    return root


@pytest.fixture
def large_corpus(tmp_path: Path, clip_templates: dict[str, Path]) -> Path:
    root = tmp_path / "large"
    copy_corpus(clip_templates, root, 320)
    return root


@pytest.fixture
def library_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"scan_concurrency": 2, "ffprobe_timeout": 10.0})


@pytest.fixture
async def library_app(library_settings: Settings, database: Database) -> AsyncIterator[FastAPI]:
    app = create_app(library_settings, database=database, configure_logs=False)
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
async def library_client(library_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=library_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def scan_and_wait(
    client: httpx.AsyncClient, path: Path, *, recursive: bool = True
) -> dict[str, object]:
    response = await client.post(
        "/api/v1/videos/scan", json={"path": str(path), "recursive": recursive}
    )
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    job = (await client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 120})).json()
    assert job["status"] in {"complete", "cancelled", "failed", "timeout"}, job
    return dict(job)
