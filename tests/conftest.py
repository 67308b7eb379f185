"""Fixtures shared by every test: real settings, a real SQLite file (or PostgreSQL).

A test marked ``@pytest.mark.both_databases`` (or a module with that ``pytestmark``)
runs twice, once per ``db_backend``: on a SQLite file and on a fresh database of the
session's real PostgreSQL server. ``settings`` (and so ``database`` and every app
built from them) follow the backend; unmarked tests stay on SQLite.
"""

from __future__ import annotations

import asyncio
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


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """A database migrated to head once per session, copied by ``postgres_migrated_url``."""
    name = postgres_server.create_database("template")

    async def migrate() -> None:
        database = Database(postgres_server.url(name))
        try:
            await database.migrate()
        finally:
            await database.dispose()

    asyncio.run(migrate())
    return name


@pytest.fixture
def postgres_migrated_url(postgres_server: PostgresServer, postgres_template: str) -> Iterator[str]:
    """A fresh database already at the head revision (a copy of the session's template)."""
    name = postgres_server.create_database(template=postgres_template)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


DB_BACKENDS = ("sqlite", "postgres")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "both_databases"
    ):
        metafunc.parametrize("db_backend", DB_BACKENDS, indirect=True)


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` unless the test is marked ``both_databases`` (then each in turn)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def settings(data_dir: Path, db_backend: str, request: pytest.FixtureRequest) -> Settings:
    url = request.getfixturevalue("postgres_migrated_url") if db_backend == "postgres" else None
    return Settings(data_dir=data_dir, job_cancel_grace=0.5, log_format="console", database_url=url)


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    db = Database.from_settings(settings)
    await db.migrate()
    yield db
    await db.dispose()
