"""The async SQLite engine, its session factory and the migration entry point."""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from stoat_ferret.db.lock import DatabaseLock
from stoat_ferret.db.reader import ReadPool
from stoat_ferret.db.storage import SpaceReserve
from stoat_ferret.db.unit_of_work import UnitOfWork, discard_events, unit_of_work
from stoat_ferret.events.callback import EventCallback

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


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS_LOCATION)
    return config


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    """Apply migrations on a synchronous connection (also used by ``db restore``)."""
    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def migration_scripts() -> ScriptDirectory:
    """The shipped migrations: which revisions exist and which one is the head."""
    return ScriptDirectory.from_config(_alembic_config())


class Database:
    """One SQLite file: owns the engine; ``create_app`` and the CLI each build one.

    From ``migrate()`` to ``dispose()`` it also holds the file's shared "in use" lock
    (see ``db/lock.py``), which is what makes ``db restore`` refuse while it runs.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine: AsyncEngine = create_async_engine(
            f"sqlite+aiosqlite:///{path}", pool_pre_ping=False
        )
        event.listen(self.engine.sync_engine, "connect", _set_sqlite_pragmas)
        self.sessions: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False
        )
        self._use_lock: DatabaseLock | None = None
        #: The hot read paths (list and search pages) bypass the engine (see reader.py).
        self.reads = ReadPool(path)
        # On the database's own file system, so freeing it makes room for its writes.
        self.reserve = SpaceReserve(path.with_name(path.name + ".reserve"))

    async def migrate(self, revision: str = "head") -> None:
        """Create the data folder if needed, take the use lock, apply migrations.

        Every user of the database (the server's lifespan, ``scan``, ``db upgrade``)
        starts here, so this is where the shared "in use" lock is taken.

        Raises:
            DatabaseInUseError: a ``db restore`` is replacing the database.
        """
        # mkdir and open touch the disk: keep them off the event loop.
        await asyncio.to_thread(self.path.parent.mkdir, parents=True, exist_ok=True)
        if self._use_lock is None:
            self._use_lock = await asyncio.to_thread(
                DatabaseLock.acquire, self.path, exclusive=False
            )
        async with self.engine.begin() as connection:
            await connection.run_sync(upgrade_connection, revision)
        # Best effort: on a disk that is already full the server still starts.
        await asyncio.to_thread(self.reserve.fill)

    def unit_of_work(
        self, publish: EventCallback = discard_events
    ) -> AbstractAsyncContextManager[UnitOfWork]:
        """One session and one transaction; ``publish`` receives its events after commit.

        Domain repositories take the unit's ``session``; the hot read paths do not use
        one (``reads``), nor do the job store and the event log, which keep their own
        short sessions (``docs/design/03-wiring.md``).
        """
        return unit_of_work(self.sessions, publish)

    async def ping(self) -> None:
        """Raise if the database cannot answer a trivial query (readiness check)."""
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.reads.close()
        await self.engine.dispose()
        if self._use_lock is not None:
            self._use_lock.release()
            self._use_lock = None
