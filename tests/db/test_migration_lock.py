"""Processes starting together on one new SQLite file migrate it one at a time."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from stoat_ferret.db import Database


async def test_concurrent_first_migrations_of_one_file_all_succeed(tmp_path: Path) -> None:
    # As a `serve --no-worker` and a `worker` started at once: each its own Database.
    path = tmp_path / "stoat-ferret.db"
    databases = [Database(path) for _ in range(4)]
    try:
        await asyncio.gather(*(database.migrate() for database in databases))
    finally:
        for database in databases:
            await database.dispose()
    with sqlite3.connect(path) as connection:
        versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert len(versions) == 1
    assert {"jobs", "videos", "projects"} <= tables
