"""Migration 0005: ``jobs.owner`` and ``jobs.lease_expires_at`` on a table holding jobs.

Jobs stored before it have no owner, so any process may claim them (as every
unfinished job was claimable before leases); a downgrade keeps every job.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.db.test_media_type_migration import migrate

JOB = (
    "INSERT INTO jobs (id, job_type, status, payload, cancel_requested, attempts, seq,"
    " created_at) VALUES (:id, 'scan', 'running', '{}', 0, 1, :seq, '2026-01-01 00:00:00')"
)


def columns(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute("PRAGMA table_info(jobs)")]


def test_existing_jobs_get_no_owner_and_survive_a_downgrade(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    migrate(path, "0004")
    with sqlite3.connect(path) as connection:
        connection.execute(JOB, {"id": "a" * 32, "seq": 1})

    migrate(path, "0005")

    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT id, owner, lease_expires_at FROM jobs").fetchall()
        assert rows == [("a" * 32, None, None)]
        connection.execute(
            "UPDATE jobs SET owner = 'box:1:ab', lease_expires_at = '2026-01-01 00:00:30'"
        )

    migrate(path, "0004", down=True)

    assert "owner" not in columns(path) and "lease_expires_at" not in columns(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT id, status FROM jobs").fetchall() == [
            ("a" * 32, "running")
        ]
        connection.execute(JOB, {"id": "b" * 32, "seq": 2})  # still a working table
