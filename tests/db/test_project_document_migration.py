"""Migration 0006: a project's current document lives only in its version row.

Upgrading drops ``projects.document`` and keeps every version row; downgrading puts the
column back filled with each project's current version's document (not an older one,
not an empty default), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.db.test_migrations import empty_url, engine, step

__all__ = ["empty_url", "engine"]  # the fixtures, shared with the migrations test

PROJECT = (
    "INSERT INTO projects (id, name, output_width, output_height, output_fps, sample_rate,"
    " duration_frames, version, document, undo_stack, redo_stack, created_at, updated_at)"
    " VALUES (:id, 'P', 1920, 1080, 30, 48000, 0, 2, :document, '[1, 2]', '[]',"
    " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
)
VERSION = (
    "INSERT INTO project_versions (project_id, version, document, summary, created_at)"
    " VALUES (:id, :version, :document, :summary, '2026-01-01 00:00:00')"
)


def doc(name: str) -> dict[str, Any]:
    return {"settings": {"name": name}, "tracks": [], "transitions": []}


def plain(value: object) -> Any:
    """A JSON column's value as read with plain SQL (text on SQLite, decoded on PostgreSQL)."""
    return json.loads(value) if isinstance(value, str) else value


@pytest.mark.both_databases
async def test_the_current_document_survives_the_upgrade_and_comes_back_on_downgrade(
    engine: AsyncEngine,
) -> None:
    await step(engine, "0005")
    async with engine.begin() as connection:
        for pid, name in (("a" * 32, "A"), ("b" * 32, "B")):
            current = json.dumps(doc(f"{name} v2"))
            await connection.execute(sa.text(PROJECT), {"id": pid, "document": current})
            for version in (1, 2):
                await connection.execute(
                    sa.text(VERSION),
                    {
                        "id": pid,
                        "version": version,
                        "document": json.dumps(doc(f"{name} v{version}")),
                        "summary": f"v{version}",
                    },
                )

    at_head = await step(engine, "0006")
    assert "document" not in at_head["projects"] and "document" in at_head["project_versions"]
    async with engine.connect() as connection:
        kept = await connection.execute(
            sa.text("SELECT project_id, version, document FROM project_versions ORDER BY 1, 2")
        )
        assert [(p[0], v, plain(d)["settings"]["name"]) for p, v, d in kept.all()] == [
            ("a", 1, "A v1"), ("a", 2, "A v2"), ("b", 1, "B v1"), ("b", 2, "B v2"),
        ]  # fmt: skip

    back = await step(engine, "0005", down=True)
    assert "document" in back["projects"]
    async with engine.begin() as connection:
        rows = await connection.execute(sa.text("SELECT id, document FROM projects ORDER BY id"))
        assert [(pid[0], plain(d)) for pid, d in rows.all()] == [
            ("a", doc("A v2")),
            ("b", doc("B v2")),
        ]
        # Still a working table: a new project must give its document (NOT NULL kept).
        with pytest.raises(sa.exc.IntegrityError):
            async with connection.begin_nested():
                await connection.execute(
                    sa.text(PROJECT.replace(":document", "NULL")), {"id": "c" * 32}
                )
