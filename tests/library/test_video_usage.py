"""The library asks other domains "is this video used?" through ``VideoUsage``.

A small real domain stands in for the coming editor: it keeps which projects use
which video in a table of its own in the same SQLite file, and registers a
``VideoUsage`` answer at wiring time. The library never imports it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.api import create_app
from stoat_ferret.api.deps import Services
from stoat_ferret.db import Database, discard_events
from stoat_ferret.ffmpeg import FFprobeBackend
from stoat_ferret.jobs import InMemoryJobQueue, JobHandler
from stoat_ferret.library.setup import LIBRARY
from stoat_ferret.library.usage import VIDEO_USAGE, ProjectRef
from stoat_ferret.settings import Settings
from stoat_ferret.wiring import Core, DomainSetup, wire
from tests.library.test_repository import probed
from tests.library.test_videos_routes import assert_error
from tests.support.handlers import echo
from tests.support.library import StoredVideos

VIDEOS = "/api/v1/videos"


class ClipTable:
    """``VideoUsage`` over a ``test_clips`` table, read in the delete's own session."""

    async def projects_using(self, session: AsyncSession, video_id: str) -> Sequence[ProjectRef]:
        rows = await session.execute(
            text("SELECT project_id, name FROM test_clips WHERE video_id = :id ORDER BY name"),
            {"id": video_id},
        )
        return [ProjectRef(project_id, name) for project_id, name in rows]


@dataclass(frozen=True)
class ProjectsDomain:
    job_handlers: Mapping[str, JobHandler]
    event_types: frozenset[str] = frozenset({"project.updated"})


def setup_projects(core: Core) -> ProjectsDomain:
    core.registry.add(VIDEO_USAGE, ClipTable())
    return ProjectsDomain(job_handlers={})


PROJECTS = DomainSetup(name="projects", setup=setup_projects)


async def make_clip_table(database: Database, uses: list[tuple[str, str, str]]) -> None:
    async with database.unit_of_work() as uow:
        await uow.session.execute(
            text("CREATE TABLE test_clips (project_id TEXT, name TEXT, video_id TEXT)")
        )
        for project_id, name, video_id in uses:
            await uow.session.execute(
                text("INSERT INTO test_clips VALUES (:p, :n, :v)"),
                {"p": project_id, "n": name, "v": video_id},
            )


@asynccontextmanager
async def app_with(
    settings: Settings, database: Database, domains: tuple[DomainSetup[object], ...]
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    app = create_app(settings, database=database, domains=domains, configure_logs=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield app, client


@pytest.fixture
async def stored(database: Database, tmp_path: Path) -> tuple[str, str, Path]:
    """Two videos whose files exist; returns (used id, unused id, the used file)."""
    used_file, unused_file = tmp_path / "used.mp4", tmp_path / "unused.mp4"
    used_file.write_bytes(b"used")
    unused_file.write_bytes(b"unused")
    used, unused = await StoredVideos(database).upsert_many(
        [probed(str(used_file)), probed(str(unused_file))]
    )
    return used.id, unused.id, used_file


async def test_a_video_a_project_uses_is_not_deleted(
    settings: Settings, database: Database, stored: tuple[str, str, Path]
) -> None:
    used, unused, used_file = stored
    await make_clip_table(
        database, [("p1", "Summer cut", used), ("p2", "Autumn cut", used), ("p3", "Other", "x")]
    )
    async with app_with(settings, database, (LIBRARY, PROJECTS)) as (app, client):
        services: Services = app.state.services
        with services.hub.subscribe() as events:
            response = await client.delete(f"{VIDEOS}/{used}", params={"delete_file": "true"})
            detail = assert_error(response, 409, "IN_USE", used, "Autumn cut", "Summer cut")
            assert detail["projects"] == [
                {"id": "p2", "name": "Autumn cut"},
                {"id": "p1", "name": "Summer cut"},
            ]
            # Nothing was deleted: the record, the file, and no event announces a delete.
            assert (await client.get(f"{VIDEOS}/{used}")).status_code == 200
            assert used_file.read_bytes() == b"used"
            # A video no project uses is deleted as before, and only it is announced.
            assert (await client.delete(f"{VIDEOS}/{unused}")).status_code == 204
            event = await events.get(timeout_s=5)
            assert event is not None and event.type == "video.deleted"
            assert event.payload["id"] == unused
            assert await events.get(timeout_s=0.2) is None


async def test_with_no_usage_registered_nothing_is_in_use(
    settings: Settings, database: Database, stored: tuple[str, str, Path]
) -> None:
    used, _, _ = stored
    await make_clip_table(database, [("p1", "Summer cut", used)])
    # Only the library: nobody answers for the table, so the video is not in use.
    async with app_with(settings, database, (LIBRARY,)) as (_, client):
        assert (await client.delete(f"{VIDEOS}/{used}")).status_code == 204
        assert (await client.get(f"{VIDEOS}/{used}")).status_code == 404


def make_core(settings: Settings, database: Database) -> Core:
    return Core(
        settings=settings,
        database=database,
        queue=InMemoryJobQueue(),
        publish=discard_events,
        probe_backend=FFprobeBackend(),
    )


def test_registrations_close_once_the_app_is_wired(settings: Settings, database: Database) -> None:
    core = make_core(settings, database)
    wire(core, (LIBRARY, PROJECTS))
    assert len(core.registry.all(VIDEO_USAGE)) == 1
    with pytest.raises(RuntimeError, match="closed"):
        core.registry.add(VIDEO_USAGE, ClipTable())


def test_two_domains_cannot_claim_one_job_type(settings: Settings, database: Database) -> None:
    def setup_other(core: Core) -> ProjectsDomain:
        return ProjectsDomain(job_handlers={"scan": echo})

    core = make_core(settings, database)
    other = DomainSetup(name="other", setup=setup_other)
    with pytest.raises(ValueError, match="job type 'scan' is claimed by both library and other"):
        wire(core, (LIBRARY, other))
