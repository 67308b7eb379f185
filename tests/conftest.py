"""Fixtures shared by every test: real settings, a real SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.support.corpus import make_templates
from tests.support.postgres import PostgresServer, running_postgres
from tests.support.redis import redis_server  # noqa: F401 - a session fixture


@pytest.fixture(scope="session")
def clip_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A handful of distinct real clips; corpora are copies of these (fast to build)."""
    return make_templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL cluster for the whole session, started on first use."""
    with running_postgres() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh empty database of the session's cluster (``postgresql+asyncpg://``)."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, job_cancel_grace=0.5, log_format="console")


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    db = Database(settings.database_path)
    await db.migrate()
    yield db
    await db.dispose()
