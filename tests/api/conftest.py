"""An app on a real SQLite file with the durable queue and test-only handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.jobs import AsyncioJobQueue
from stoat_ferret.settings import Settings
from tests.support.handlers import register_test_handlers
from tests.support.live_server import serve


@pytest.fixture
def queue(database: Database) -> AsyncioJobQueue:
    queue = AsyncioJobQueue(database.sessions, writer=database.writer, cancel_grace_s=0.5)
    register_test_handlers(queue)
    return queue


@pytest.fixture
async def app(
    settings: Settings, database: Database, queue: AsyncioJobQueue
) -> AsyncIterator[FastAPI]:
    app = create_app(
        settings, database=database, queue=queue, heartbeat_interval_s=0.3, configure_logs=False
    )
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.fixture
async def live_url(app: FastAPI) -> AsyncIterator[str]:
    async with serve(app) as url:
        yield url
