"""``stoat-ferret db backup|restore`` on PostgreSQL: real ``pg_dump`` and ``pg_restore``.

The commands run as real processes with ``STOAT_DATABASE_URL`` set (with a password,
which the test cluster's trust authentication ignores), against a database of the
session's real server.
"""

from __future__ import annotations

from pathlib import Path

from stoat_ferret.db import Database
from tests.cli.test_scan_command import run_cli
from tests.library.test_repository import probed
from tests.support.library import StoredVideos
from tests.support.postgres import PostgresServer

PASSWORD = "s3cret-pw"


def url_with_password(server: PostgresServer, migrated_url: str) -> str:
    name = migrated_url.rsplit("/", 1)[1]
    return f"postgresql://{server.user}:{PASSWORD}@{server.host}:{server.port}/{name}"


async def stored_paths(url: str) -> set[str]:
    database = Database(url)
    try:
        rows, _ = await StoredVideos(database).list_page(limit=100)
        return {row.path for row in rows}
    finally:
        await database.dispose()


async def replace_videos(url: str, paths: list[str]) -> None:
    database = Database(url)
    try:
        await database.migrate()
        videos = StoredVideos(database)
        for row in (await videos.list_page(limit=100))[0]:
            await videos.delete(row.id)
        await videos.upsert_many([probed(path) for path in paths])
    finally:
        await database.dispose()


async def test_backup_then_restore_puts_the_rows_back(
    tmp_path: Path, postgres_server: PostgresServer, postgres_migrated_url: str
) -> None:
    env = {"STOAT_DATABASE_URL": url_with_password(postgres_server, postgres_migrated_url)}
    originals = [f"/v/original {n}.mp4" for n in range(3)]
    await replace_videos(postgres_migrated_url, originals)
    archive = tmp_path / "library.dump"

    backup = run_cli("db", "backup", str(archive), env=env)
    assert backup.returncode == 0, backup.stderr
    assert "3 videos" in backup.stdout and archive.stat().st_size > 0
    assert PASSWORD not in backup.stdout + backup.stderr
    again = run_cli("db", "backup", str(archive), env=env)
    assert again.returncode == 4 and "--force" in again.stderr  # never overwritten silently

    await replace_videos(postgres_migrated_url, ["/v/later.mp4"])
    restore = run_cli("db", "restore", str(archive), env=env)
    assert restore.returncode == 0, restore.stderr
    assert "3 videos" in restore.stdout and PASSWORD not in restore.stdout
    assert await stored_paths(postgres_migrated_url) == set(originals)


async def test_restore_is_refused_while_the_database_is_in_use(
    tmp_path: Path, postgres_server: PostgresServer, postgres_migrated_url: str
) -> None:
    env = {"STOAT_DATABASE_URL": url_with_password(postgres_server, postgres_migrated_url)}
    await replace_videos(postgres_migrated_url, ["/v/a.mp4"])
    archive = tmp_path / "library.dump"
    assert run_cli("db", "backup", str(archive), env=env).returncode == 0
    await replace_videos(postgres_migrated_url, ["/v/b.mp4"])

    server = Database(postgres_migrated_url)  # as a running server holds its pool
    try:
        async with server.engine.connect():
            refused = run_cli("db", "restore", str(archive), env=env)
    finally:
        await server.dispose()
    assert refused.returncode == 4 and "in use" in refused.stderr
    assert await stored_paths(postgres_migrated_url) == {"/v/b.mp4"}


def test_restore_of_a_file_that_is_no_archive_is_refused(
    tmp_path: Path, postgres_server: PostgresServer, postgres_migrated_url: str
) -> None:
    env = {"STOAT_DATABASE_URL": url_with_password(postgres_server, postgres_migrated_url)}
    junk = tmp_path / "junk.dump"
    junk.write_text("not an archive")
    refused = run_cli("db", "restore", str(junk), env=env)
    assert refused.returncode == 2 and "not a pg_dump archive" in refused.stderr
