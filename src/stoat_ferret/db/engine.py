"""The async engine (SQLite or PostgreSQL), its session factory and the migration entry point.

SQLite is the default: one file in the data dir, with its own read pool, disk-space
reserve and "in use" lock. PostgreSQL (``STOAT_DATABASE_URL=postgresql+asyncpg://...``)
has none of those: the server owns its disk and arbitrates its own clients, and its
hot reads go through the engine (``docs/design/09-database-backends.md``).
"""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from stoat_ferret.db.checkpointer import AUTOCHECKPOINT_PAGES, WalCheckpointer
from stoat_ferret.db.json_text import json_serializer
from stoat_ferret.db.lock import DatabaseLock, MigrationLock
from stoat_ferret.db.reader import ReadPool
from stoat_ferret.db.sqlite_writer import SqliteWriter
from stoat_ferret.db.storage import SpaceReserve
from stoat_ferret.db.unit_of_work import UnitOfWork, discard_events, unit_of_work
from stoat_ferret.events.callback import EventCallback
from stoat_ferret.settings import Settings

MIGRATIONS_LOCATION = "stoat_ferret.db:migrations"

_MIGRATION_LOCK = 0x57_0A_7F_E7
"""The PostgreSQL advisory lock key migrations hold: servers and workers starting at
once on one database apply the migrations one after another, not side by side."""


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (API requests) proceed while a scan writes; NORMAL sync is
    # safe under WAL and much faster; busy_timeout rides out short writer overlaps.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Checkpoints run on the checkpointer's thread, not inside a commit, but for a
    # WAL past the backstop (checkpointer.py).
    cursor.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS_LOCATION)
    return config


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    """Apply migrations on a synchronous connection (also used by ``db restore``)."""
    if connection.dialect.name == "postgresql":
        # Held until this transaction ends, i.e. until the migrations are committed.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def downgrade_connection(connection: Connection, revision: str) -> None:
    """Undo migrations down to ``revision`` (``"base"``: all of them); tests use it."""
    config = _alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


def migration_scripts() -> ScriptDirectory:
    """The shipped migrations: which revisions exist and which one is the head."""
    return ScriptDirectory.from_config(_alembic_config())


def database_url(target: Path | str) -> URL:
    """The async URL of ``target``: a SQLite file's path, or a database URL."""
    if isinstance(target, Path):
        return URL.create("sqlite+aiosqlite", database=str(target))
    return make_url(target)


class Database:
    """One database: owns the engine; ``create_app`` and the CLI each build one.

    ``target`` is the SQLite file, or a URL (``postgresql+asyncpg://...``, as checked
    by ``Settings.database_url``). On SQLite, from ``migrate()`` to ``dispose()`` it
    also holds the file's shared "in use" lock (see ``db/lock.py``), which is what
    makes ``db restore`` refuse while it runs.
    """

    def __init__(self, target: Path | str) -> None:
        self.url = database_url(target)
        #: ``"sqlite"`` or ``"postgresql"``: what the parts below depend on.
        self.dialect = self.url.get_backend_name()
        #: The SQLite file; None on PostgreSQL.
        self.path: Path | None = None
        #: The hot read paths (list and search pages) bypass the engine on SQLite
        #: (see reader.py); None on PostgreSQL, where they use the engine.
        self.reads: ReadPool | None = None
        #: Room kept for a job's last write on a full disk; SQLite only (the disk
        #: of a PostgreSQL server is not ours to manage).
        self.reserve: SpaceReserve | None = None
        #: The hot writes (job rows, the event log) bypass the engine on SQLite too
        #: (see sqlite_writer.py); None on PostgreSQL.
        self.writer: SqliteWriter | None = None
        #: The WAL's checkpoints, off every commit's time; SQLite only, from ``migrate``.
        self.checkpointer: WalCheckpointer | None = None
        self._use_lock: DatabaseLock | None = None
        if self.dialect == "sqlite":
            self.path = Path(self.url.database or "")
            self.engine: AsyncEngine = create_async_engine(
                self.url, pool_pre_ping=False, json_serializer=json_serializer
            )
            event.listen(self.engine.sync_engine, "connect", _set_sqlite_pragmas)
            self.reads = ReadPool(self.path)
            self.writer = SqliteWriter(
                self.path, dialect=self.engine.sync_engine.dialect, on_connect=_set_sqlite_pragmas
            )
            self.checkpointer = WalCheckpointer(self.path)
            # On the database's own file system, so freeing it makes room for its writes.
            self.reserve = SpaceReserve(self.path.with_name(self.path.name + ".reserve"))
        else:
            # pre_ping: a pooled connection the server closed (a restart, an idle
            # timeout) is replaced instead of failing the next request.
            self.engine = create_async_engine(
                self.url, pool_pre_ping=True, json_serializer=json_serializer
            )
        self.sessions: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        """The database ``settings`` name: ``database_url``, else the data dir's SQLite file."""
        return cls(settings.database_url or settings.database_path)

    def describe(self) -> str:
        """Where the database is, for messages (a URL's password hidden)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    async def migrate(self, revision: str = "head") -> None:
        """Create the data folder if needed, take the use lock, apply migrations.

        Every user of the database (the server's lifespan, ``scan``, ``db upgrade``)
        starts here, so this is where the shared "in use" lock is taken.

        Raises:
            DatabaseInUseError: a ``db restore`` is replacing the database.
        """
        if self.path is not None:
            # mkdir and open touch the disk: keep them off the event loop.
            await asyncio.to_thread(self.path.parent.mkdir, parents=True, exist_ok=True)
            if self._use_lock is None:
                self._use_lock = await asyncio.to_thread(
                    DatabaseLock.acquire, self.path, exclusive=False
                )
        migrating = (
            None if self.path is None
            else await asyncio.to_thread(MigrationLock.acquire, self.path)
        )  # fmt: skip
        try:
            async with self.engine.begin() as connection:
                await connection.run_sync(upgrade_connection, revision)
        finally:
            if migrating is not None:
                await asyncio.to_thread(migrating.release)
        if self.reserve is not None:
            # Best effort: on a disk that is already full the server still starts.
            await asyncio.to_thread(self.reserve.fill)
        if self.checkpointer is not None:
            self.checkpointer.start()

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
        if self.checkpointer is not None:
            await asyncio.to_thread(self.checkpointer.stop)
        if self.reads is not None:
            await self.reads.close()
        if self.writer is not None:
            await self.writer.close()
        await self.engine.dispose()
        if self._use_lock is not None:
            self._use_lock.release()
            self._use_lock = None
