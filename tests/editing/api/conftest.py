"""A real app on a real SQLite file whose library holds real ffmpeg-made media."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.support.media import make_clip


@pytest.fixture(scope="session")
def project_media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two-second 30 fps clips (60 project frames at 30 fps) and a four-second one."""
    folder = tmp_path_factory.mktemp("project_media")
    return {
        "a": make_clip(folder / "a.mp4", duration_s=2.0),
        "b": make_clip(folder / "b.mp4", duration_s=2.0),
        "long": make_clip(folder / "long.mp4", duration_s=4.0),
    }


@pytest.fixture
def media_root(tmp_path: Path, project_media: dict[str, Path]) -> Path:
    root = tmp_path / "media"
    root.mkdir()
    for path in project_media.values():
        shutil.copyfile(path, root / path.name)
    return root


async def make_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
async def client(settings: Settings, database: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database, configure_logs=False)
    async for client in make_client(app):
        yield client


async def scan(client: httpx.AsyncClient, root: Path) -> dict[str, str]:
    """Scan ``root`` into the library; returns file name to video id."""
    response = await client.post("/api/v1/videos/scan", json={"path": str(root)})
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    job = (await client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 60})).json()
    assert job["status"] == "complete", job
    videos = (await client.get("/api/v1/videos", params={"limit": 100})).json()["videos"]
    return {video["filename"]: video["id"] for video in videos}


@pytest.fixture
async def videos(client: httpx.AsyncClient, media_root: Path) -> dict[str, str]:
    return await scan(client, media_root)


async def new_project(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/projects", json={"name": "Film", **body})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def add_clip(
    client: httpx.AsyncClient,
    project_id: str,
    video_id: str,
    in_point: int,
    out_point: int,
    **extra: Any,
) -> dict[str, Any]:
    response = await client.post(
        f"/api/v1/projects/{project_id}/clips",
        json={"source_video_id": video_id, "in_point": in_point, "out_point": out_point, **extra},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def project(client: httpx.AsyncClient, project_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/v1/projects/{project_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())
