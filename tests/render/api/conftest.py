"""A real app with the render, a real library scanned from lavfi sources, real SQLite."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from stoat_ferret.api import create_app
from stoat_ferret.api.app import default_domains
from stoat_ferret.api.deps import Services
from stoat_ferret.editing.document import ProjectDocument, Transition
from stoat_ferret.settings import Settings
from tests.render.api.projects_api import create_project
from tests.render.oracle import make_source
from tests.render.projects import clip, project
from tests.support.app_client import app_client
from tests.support.server_with_test_handlers import TEST_JOBS


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """
    ``left``: red 1 s, green 1 s, a tone; ``right``: blue 1 s, yellow 1 s, no audio;
    ``long``: 12 s of alternating colours with a tone (for renders to interrupt)."""
    folder = tmp_path_factory.mktemp("render-api-media")
    make_source(folder / "left.mp4", [("red", 1), ("green", 1)], tone_hz=440)
    make_source(folder / "right.mp4", [("blue", 1), ("yellow", 1)])
    make_source(folder / "long.mp4", [("red", 4), ("blue", 4), ("green", 4)], tone_hz=440)
    return folder


@dataclass
class RenderApp:
    client: httpx.AsyncClient
    services: Services
    videos: dict[str, str]
    out: Path
    data_dir: Path

    async def create(self, document: ProjectDocument) -> str:
        """``document`` made through the editor's routes; returns the project's id."""
        return await create_project(self.client, document)

    async def wait(self, job_id: str, limit_s: float = 120) -> dict[str, Any]:
        answer = await self.client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": limit_s})
        assert answer.status_code == 200, answer.text
        job: dict[str, Any] = answer.json()
        return job


def two_clips(videos: dict[str, str]) -> ProjectDocument:
    """
    ``left`` from frame 15 (red 15 frames, then green), a 10-frame crossfade into
    ``right`` from 0 (blue 30 frames, then yellow): a [0, 45), b [35, 95); 95 frames."""
    document, _ = project(
        [
            clip("a", videos["left.mp4"], 15, 60, source_frames=60),
            clip("b", videos["right.mp4"], 0, 60, source_frames=60),
        ],
        transitions=[Transition("t1", "a", "b", 10)],
    )
    return document


def long_clip(videos: dict[str, str]) -> ProjectDocument:
    """12 s of ``long``: long enough to interrupt mid-render."""
    document, _ = project([clip("l", videos["long.mp4"], 0, 360, source_frames=360)])
    return document


@contextlib.asynccontextmanager
async def open_render_app(
    tmp_path: Path, media_dir: Path, **overrides: Any
) -> AsyncIterator[RenderApp]:
    """The app on a fresh data folder with ``media_dir`` scanned; ``overrides`` settings."""
    out = tmp_path / "out"
    out.mkdir()
    settings = Settings(
        data_dir=tmp_path / "data",
        allowed_scan_roots=[media_dir, out],
        job_workers=1,
        job_cancel_grace=8,
        **overrides,
    )
    app = create_app(settings, domains=(*default_domains(), TEST_JOBS))
    async with app_client(app) as client:
        scan = await client.post("/api/v1/videos/scan", json={"path": str(media_dir)})
        assert scan.status_code == 202, scan.text
        done = await client.get(f"/api/v1/jobs/{scan.json()['job_id']}/wait?timeout=60")
        assert done.json()["status"] == "complete", done.text
        listed = (await client.get("/api/v1/videos")).json()["videos"]
        videos = {video["filename"]: video["id"] for video in listed}
        yield RenderApp(client, app.state.services, videos, out, tmp_path / "data")


@pytest.fixture
async def render_app(tmp_path: Path, media_dir: Path) -> AsyncIterator[RenderApp]:
    async with open_render_app(tmp_path, media_dir) as app:
        yield app
