"""The async SQLite engine, its session factory and the migration entry point."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from stoat_ferret.db.storage import SpaceReserve

MIGRATIONS_LOCATION = "stoat_ferret.db:migrations"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (API requests) proceed while a scan writes; NORMAL sync is
    # safe under WAL and much faster; busy_timeout rides out short writer overlaps.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS_LOCATION)
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection, revision: str) -> None:
    command.upgrade(_alembic_config(connection), revision)


class Database:
    """One SQLite file: owns the engine; ``create_app`` and the CLI each build one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine: AsyncEngine = create_async_engine(
            f"sqlite+aiosqlite:///{path}", pool_pre_ping=False
        )
        event.listen(self.engine.sync_engine, "connect", _set_sqlite_pragmas)
        self.sessions: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False
        )
        # On the database's own file system, so freeing it makes room for its writes.
        self.reserve = SpaceReserve(path.with_name(path.name + ".reserve"))

    async def migrate(self, revision: str = "head") -> None:
        """Create the data folder if needed and apply Alembic migrations up to ``revision``."""
        # mkdir touches the disk: keep it off the event loop.
        await asyncio.to_thread(self.path.parent.mkdir, parents=True, exist_ok=True)
        async with self.engine.begin() as connection:
            await connection.run_sync(_upgrade, revision)
        # Best effort: on a disk that is already full the server still starts.
        await asyncio.to_thread(self.reserve.fill)

    async def ping(self) -> None:
        """Raise if the database cannot answer a trivial query (readiness check)."""
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()
