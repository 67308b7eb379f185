"""The session's PostgreSQL server: real, reachable, one empty database per test."""

from __future__ import annotations

import asyncpg

from tests.support.postgres import PostgresServer


async def test_each_test_gets_its_own_empty_database(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    name = postgres_url.rsplit("/", 1)[1]
    connection = await asyncpg.connect(postgres_server.url(name, driver=""))
    try:
        assert await connection.fetchval("SELECT current_database()") == name
        tables = await connection.fetchval(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        )
        assert tables == 0
        await connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        assert await connection.fetchval("SELECT similarity('stoat', 'stoat')") == 1.0
    finally:
        await connection.close()
    assert postgres_server.psql("SHOW fsync") == "off"
