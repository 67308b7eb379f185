"""Every migration, up and down, on SQLite and on a real PostgreSQL (``both_databases``).

One revision at a time from an empty database to the head and back to the base,
then up again: each ``downgrade`` must undo its ``upgrade`` completely (a leftover
index or trigger would make the second climb fail), and the schema at the head must
have every table and column the models use.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

import stoat_ferret.editing.models
import stoat_ferret.events.models
import stoat_ferret.jobs.models
import stoat_ferret.library.models  # noqa: F401 - the models fill Base.metadata
from stoat_ferret.db.base import Base
from stoat_ferret.db.engine import downgrade_connection, migration_scripts, upgrade_connection
from stoat_ferret.library.pages_pg import search_statements


@pytest.fixture
def empty_url(db_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if db_backend == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return f"sqlite+aiosqlite:///{tmp_path / 'migrations.db'}"


@pytest.fixture
async def engine(empty_url: str) -> AsyncIterator[AsyncEngine]:
    made = create_async_engine(empty_url)
    yield made
    await made.dispose()


def revisions_in_order() -> list[str]:
    return [script.revision for script in reversed(list(migration_scripts().walk_revisions()))]


def schema(connection: Connection) -> dict[str, set[str]]:
    inspector = sa.inspect(connection)
    return {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
    }


async def step(engine: AsyncEngine, revision: str, *, down: bool = False) -> dict[str, set[str]]:
    async with engine.begin() as connection:
        if down:
            await connection.run_sync(downgrade_connection, revision)
        else:
            await connection.run_sync(upgrade_connection, revision)
    async with engine.connect() as connection:
        return await connection.run_sync(schema)


@pytest.mark.both_databases
async def test_each_revision_goes_up_and_down_cleanly(engine: AsyncEngine) -> None:
    revisions = revisions_in_order()
    assert revisions[0] == "0001" and len(revisions) >= 4

    at: dict[str, dict[str, set[str]]] = {}
    for revision in revisions:
        at[revision] = await step(engine, revision)

    head = at[revisions[-1]]
    for table in Base.metadata.sorted_tables:
        assert table.name in head, f"no table {table.name} at head"
        missing = {column.name for column in table.columns} - head[table.name]
        assert not missing, f"{table.name} lacks {sorted(missing)} at head"

    # Down one revision at a time: each leaves exactly the schema of the one before.
    for later, earlier in zip(reversed(revisions), reversed(revisions[:-1]), strict=False):
        assert await step(engine, earlier, down=True) == at[earlier], f"{later} -> {earlier}"
    empty = await step(engine, "base", down=True)
    assert set(empty) == {"alembic_version"}

    # And up again: nothing the downgrades left behind stands in the way.
    assert await step(engine, "head") == head


@pytest.mark.both_databases
async def test_search_index_follows_inserts_and_renames_at_head(
    engine: AsyncEngine, db_backend: str
) -> None:
    """The dialect's own search index (FTS5 table, or the pg_trgm index) exists and works."""
    await step(engine, "head")
    row = (
        "INSERT INTO videos (id, path, filename, file_size, file_mtime_ns, missing,"
        " created_at, updated_at) VALUES ('a1', '/v/Holiday Köln.mp4', 'Holiday Köln.mp4',"
        " 5000000000, 1700000000000000000, false, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    if db_backend == "postgres":
        found = "SELECT filename FROM videos WHERE path COLLATE \"default\" ILIKE '%kÖln%'"
        index = "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_videos_path_trgm'"
    else:
        found = (
            "SELECT filename FROM videos WHERE pk IN"
            " (SELECT rowid FROM videos_fts WHERE videos_fts MATCH '\"kÖln\"')"
        )
        index = "SELECT sql FROM sqlite_master WHERE name = 'videos_fts'"
    async with engine.begin() as connection:
        await connection.execute(sa.text(row))
        # 64-bit sizes and nanosecond times are stored as given on both.
        stored = (await connection.execute(sa.text("SELECT file_size FROM videos"))).scalar_one()
        assert stored == 5_000_000_000
        assert (await connection.execute(sa.text(found))).scalars().all() == ["Holiday Köln.mp4"]
        definition = (await connection.execute(sa.text(index))).scalar_one()
        assert ("gin_trgm_ops" if db_backend == "postgres" else "trigram") in definition


async def test_postgres_search_condition_can_use_the_trigram_index(postgres_url: str) -> None:
    """The search's ``ILIKE`` names the index's collation, so the planner may use the index.

    (Without ``COLLATE "default"`` the condition is on the "C" column and the index,
    built in the database's locale, is never considered.)
    """
    engine = create_async_engine(postgres_url)
    try:
        await _explain_search_on_5000_rows(engine)
    finally:
        await engine.dispose()


async def _explain_search_on_5000_rows(engine: AsyncEngine) -> None:
    await step(engine, "head")
    _, count = search_statements(1, "filename", "asc", False)
    async with engine.begin() as connection:
        # Enough distinct names (and statistics) for the planner to weigh the index.
        await connection.execute(
            sa.text(
                "INSERT INTO videos (id, path, filename, file_size, file_mtime_ns, missing,"
                " created_at, updated_at) SELECT 'v' || n, '/v/' || md5(n::text) || '.mp4',"
                " md5(n::text) || '.mp4', 1, 1, false, now(), now()"
                " FROM generate_series(1, 5000) AS n"
            )
        )
    async with engine.connect() as connection:
        # VACUUM moves GIN's pending entries into the index proper; until then the
        # planner prices the index as a scan of that list. Not inside a transaction.
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(sa.text("VACUUM ANALYZE videos"))
    async with engine.connect() as connection:
        await connection.execute(sa.text("SET enable_seqscan = off"))  # 5,000 rows: tiny
        sql = str(count.compile(connection.sync_engine))
        plan = await connection.exec_driver_sql("EXPLAIN " + sql, ("%köln%",))
        assert "ix_videos_path_trgm" in "\n".join(line for (line,) in plan)
