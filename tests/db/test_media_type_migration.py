"""Migration 0003: ``videos.media_type`` on a database that already holds videos.

Rows stored before it are videos; the column is added in place, so the full-text
index (triggers of 0002 on ``videos``) keeps working, also after a downgrade.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from stoat_ferret.db.engine import _alembic_config, upgrade_connection

REVISION = "0003"
"""The migration under test, and the one before it."""
BEFORE = "0002"

ROW = (
    "INSERT INTO videos (id, path, filename, width, file_size, file_mtime_ns, missing,"
    " created_at, updated_at) VALUES ('a' || :n, '/v/holiday' || :n || '.mp4',"
    " 'holiday' || :n || '.mp4', 320, 1, 1, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
)


def migrate(path: Path, revision: str, *, down: bool = False) -> None:
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        if down:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
        else:
            upgrade_connection(connection, revision)
    engine.dispose()


def found(path: Path, word: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT filename FROM videos_fts WHERE videos_fts MATCH ?", (word,)
        ).fetchall()
    return [filename for (filename,) in rows]


def test_existing_rows_become_videos_and_search_still_works(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    migrate(path, BEFORE)
    with sqlite3.connect(path) as connection:
        connection.execute(ROW, {"n": 1})

    migrate(path, REVISION)

    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT media_type FROM videos").fetchall() == [("video",)]
        connection.execute(ROW, {"n": 2})  # a new row without a type is a video too
        types = connection.execute("SELECT media_type FROM videos ORDER BY pk").fetchall()
        assert types == [("video",), ("video",)]
    assert sorted(found(path, "holiday")) == ["holiday1.mp4", "holiday2.mp4"]

    migrate(path, BEFORE, down=True)

    with sqlite3.connect(path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(videos)")]
        assert "media_type" not in columns
        connection.execute(ROW, {"n": 3})
    assert sorted(found(path, "holiday")) == ["holiday1.mp4", "holiday2.mp4", "holiday3.mp4"]
