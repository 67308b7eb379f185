"""``stoat-ferret db backup|restore``: real processes, real SQLite files, a real server."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from stoat_ferret.db import Database
from stoat_ferret.db.engine import migration_scripts
from tests.cli.test_scan_command import run_cli
from tests.support.corpus import copy_corpus
from tests.support.processes import free_port, server_argv, server_process

DB_NAME = "stoat-ferret.db"
CORPUS_FILES = 120


def slow_scan_env(folder: Path) -> dict[str, str]:
    """The real ffprobe, one at a time and 0.1 s late: a scan that is surely still
    writing when the backup runs (at least 12 s for the corpus), whatever the CPU."""
    wrapper = folder / "slow-ffprobe"
    wrapper.write_text(f'#!/bin/sh\nsleep 0.1\nexec {shutil.which("ffprobe")} "$@"\n')
    wrapper.chmod(0o755)
    return {
        "STOAT_SCAN_CONCURRENCY": "1",
        "STOAT_PROBE_BACKEND": "ffprobe",
        "STOAT_FFPROBE_PATH": str(wrapper),
    }


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute(sql).fetchall()


def table(path: Path, name: str) -> list[tuple[Any, ...]]:
    return query(path, f"SELECT * FROM {name} ORDER BY 1")


def video_ids(path: Path) -> set[str]:
    return {row[0] for row in query(path, "SELECT id FROM videos")}


def wait_for(check: Any, limit_s: float = 60) -> Any:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError("condition not met in time")


def test_backup_of_a_scanning_server_then_restore_after_it_stops(
    tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    corpus = tmp_path / "videos"
    copy_corpus(clip_templates, corpus, CORPUS_FILES)
    slow = slow_scan_env(tmp_path)
    data = tmp_path / "data"
    live = data / DB_NAME
    backup = tmp_path / "backups" / "library.db"
    backup.parent.mkdir()
    port = free_port()
    with server_process(server_argv(data, port), port, slow) as (url, _):
        job_id = httpx.post(f"{url}/api/v1/videos/scan", json={"path": str(corpus)}).json()[
            "job_id"
        ]
        wait_for(lambda: len(video_ids(live)) >= 5)
        committed = video_ids(live)  # committed before the backup starts
        made = run_cli("db", "backup", str(backup), "--data-dir", str(data))
        assert made.returncode == 0, made.stderr
        assert f"to {backup}:" in made.stdout and "videos" in made.stdout
        # The scan was still writing while the copy was taken.
        assert httpx.get(f"{url}/api/v1/jobs/{job_id}").json()["status"] == "running"
        assert query(backup, "PRAGMA integrity_check") == [("ok",)]
        assert query(backup, "PRAGMA journal_mode") == [("delete",)]  # one self-contained file
        saved_ids = video_ids(backup)
        assert committed <= saved_ids
        saved_videos, saved_jobs = table(backup, "videos"), table(backup, "jobs")
        assert [(job[0], job[2]) for job in saved_jobs] == [(job_id, "running")]

        refused = run_cli("db", "restore", str(backup), "--data-dir", str(data))
        assert refused.returncode == 4
        assert "is in use" in refused.stderr and "stop it" in refused.stderr
        # The refused restore changed nothing: the scan goes on writing to the live file.
        wait_for(lambda: len(video_ids(live)) > len(saved_ids))
        assert httpx.post(f"{url}/api/v1/jobs/{job_id}/cancel").status_code == 202
        final = httpx.get(f"{url}/api/v1/jobs/{job_id}/wait", params={"timeout": 30}, timeout=40)
        assert final.json()["status"] == "cancelled"

    restored = run_cli("db", "restore", str(backup), "--data-dir", str(data))
    assert restored.returncode == 0, restored.stderr
    assert f"restored {backup} into {live}" in restored.stdout
    assert table(live, "videos") == saved_videos
    assert table(live, "jobs") == saved_jobs
    assert not live.with_name(DB_NAME + "-wal").exists()

    port = free_port()
    with server_process(server_argv(data, port), port, slow) as (url, _):
        for video_id in saved_ids:
            assert httpx.get(f"{url}/api/v1/videos/{video_id}").status_code == 200
        assert httpx.get(f"{url}/api/v1/jobs/{job_id}").status_code == 200


async def test_restore_is_refused_while_a_scan_or_server_holds_the_database(
    database: Database, tmp_path: Path
) -> None:
    # `database` has migrated, as the server's lifespan and `stoat-ferret scan` do.
    backup = tmp_path / "copy.db"
    with contextlib.closing(sqlite3.connect(backup)) as copy:
        await asyncio.to_thread(connect_and_backup, database.path, copy)
    data = str(database.path.parent)
    refused = await asyncio.to_thread(run_cli, "db", "restore", str(backup), "--data-dir", data)
    assert refused.returncode == 4, refused.stderr
    assert "CONFLICT" in refused.stderr and "is in use" in refused.stderr
    await database.dispose()
    allowed = await asyncio.to_thread(run_cli, "db", "restore", str(backup), "--data-dir", data)
    assert allowed.returncode == 0, allowed.stderr


def connect_and_backup(source: Path, target: sqlite3.Connection) -> None:
    with contextlib.closing(sqlite3.connect(source)) as live:
        live.backup(target)


def make_database(data: Path, revision: str = "head") -> Path:
    async def build() -> None:
        database = Database(data / DB_NAME)
        try:
            await database.migrate(revision)
        finally:
            await database.dispose()

    asyncio.run(build())
    query_commit(
        data / DB_NAME,
        "INSERT INTO jobs (id, job_type, status, payload, cancel_requested, attempts, seq,"
        " created_at) VALUES ('job1', 'scan', 'complete', '{}', 0, 1, 1, '2026-01-01 00:00:00')",
    )
    return data / DB_NAME


def query_commit(path: Path, sql: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute(sql)


def test_backup_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    make_database(tmp_path / "data")
    target = tmp_path / "backup.db"
    target.write_text("precious")
    refused = run_cli("db", "backup", str(target), "--data-dir", str(tmp_path / "data"))
    assert refused.returncode == 4
    assert "already exists; pass --force" in refused.stderr
    assert target.read_text() == "precious"
    forced = run_cli("db", "backup", str(target), "--force", "--data-dir", str(tmp_path / "data"))
    assert forced.returncode == 0, forced.stderr
    assert [row[0] for row in table(target, "jobs")] == ["job1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.db", "data"]  # no temp left


def test_backup_without_a_database_exits_3(tmp_path: Path) -> None:
    result = run_cli("db", "backup", str(tmp_path / "b.db"), "--data-dir", str(tmp_path / "none"))
    assert result.returncode == 3
    assert "no database at" in result.stderr
    assert not (tmp_path / "b.db").exists() and not (tmp_path / "none").exists()


def test_backup_of_a_damaged_database_fails_and_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / DB_NAME).write_bytes(b"not sqlite" * 500)
    result = run_cli("db", "backup", str(tmp_path / "b.db"), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "backup of" in result.stderr and "failed: file is not a database" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def _junk(path: Path) -> None:
    path.write_bytes(b"definitely not sqlite" * 100)


def _no_alembic(path: Path) -> None:
    query_commit(path, "CREATE TABLE videos (id TEXT)")


def _newer(path: Path) -> None:
    shutil.copyfile(make_database(path.parent / "newer"), path)
    query_commit(path, "UPDATE alembic_version SET version_num = '9999'")


@pytest.mark.parametrize(
    ("make_bad", "message"),
    [
        (_junk, "is not a SQLite database"),
        (_no_alembic, "is not a stoat-ferret database (no alembic_version table)"),
        (_newer, "has schema revision ['9999'], which this version of stoat-ferret does not"),
    ],
)
def test_restore_rejects_what_is_not_a_usable_backup(
    tmp_path: Path, make_bad: Any, message: str
) -> None:
    live = make_database(tmp_path / "data")
    before = live.read_bytes()
    bad = tmp_path / "bad.db"
    make_bad(bad)
    result = run_cli("db", "restore", str(bad), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 2
    assert f"INVALID_INPUT: {bad}" in result.stderr and message in result.stderr
    assert live.read_bytes() == before
    # Nothing left behind: only the database, its two locks (in use, migrating) and
    # its free-space reserve.
    assert sorted(p.name for p in live.parent.iterdir()) == [
        DB_NAME,
        DB_NAME + ".lock",
        DB_NAME + ".migrate.lock",
        DB_NAME + ".reserve",
    ]


def test_restore_of_an_older_backup_migrates_it(tmp_path: Path) -> None:
    old = make_database(tmp_path / "old", revision="0001")
    result = run_cli("db", "restore", str(old), "--data-dir", str(tmp_path / "fresh"))
    assert result.returncode == 0, result.stderr
    # Whatever the newest migration is: a restore upgrades to the head.
    head = migration_scripts().get_current_head()
    assert f"(schema {head}), upgraded from schema 0001" in result.stdout
    restored = tmp_path / "fresh" / DB_NAME
    assert query(restored, "SELECT version_num FROM alembic_version") == [(head,)]
    assert query(restored, "SELECT count(*) FROM videos") == [(0,)]
    assert [row[0] for row in table(restored, "jobs")] == ["job1"]
    assert query(old, "SELECT version_num FROM alembic_version") == [("0001",)]  # untouched


def test_restore_removes_the_old_databases_log(tmp_path: Path) -> None:
    backup = make_database(tmp_path / "source")
    live = make_database(tmp_path / "data")
    wal, shm = (live.with_name(DB_NAME + suffix) for suffix in ("-wal", "-shm"))
    # Leave a real, un-checkpointed log of the old database behind, as a crash would.
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    with writer:
        writer.execute("UPDATE jobs SET id = 'old-job'")
    kept = {path: path.read_bytes() for path in (wal, shm)}
    writer.close()
    for path, content in kept.items():
        path.write_bytes(content)
    result = run_cli("db", "restore", str(backup), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert not wal.exists() and not shm.exists()
    assert [row[0] for row in table(live, "jobs")] == ["job1"]
    assert query(live, "PRAGMA integrity_check") == [("ok",)]
