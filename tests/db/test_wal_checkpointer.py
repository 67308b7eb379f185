"""``WalCheckpointer`` (``db/checkpointer.py``): checkpoints off the commits' time.

On a real database file: the connections a ``Database`` opens checkpoint on commit
only past the backstop, and the checkpointer's thread copies the WAL back while the
writer goes on, so the WAL starts over instead of growing; ``dispose`` stops the
thread.
"""

from __future__ import annotations

import asyncio
import struct
import time
from pathlib import Path

from sqlalchemy import text

from stoat_ferret.db.checkpointer import AUTOCHECKPOINT_PAGES, WalCheckpointer
from stoat_ferret.db.engine import Database

PAGE_BLOB = 4000
"""About one database page per row, so a commit's WAL frames are easy to count."""


def wal_index(path: Path) -> tuple[int, int]:
    """``(mxFrame, nBackfill)`` from the WAL index (sqlite.org/walformat.html, 2.1)."""
    head = Path(f"{path}-shm").read_bytes()[:104]
    return struct.unpack_from("=I", head, 16)[0], struct.unpack_from("=I", head, 96)[0]


async def write_pages(db: Database, commits: int, rows: int) -> None:
    for _ in range(commits):
        async with db.engine.begin() as connection:
            await connection.execute(
                text("INSERT INTO ballast (data) VALUES " + ", ".join(["(randomblob(:n))"] * rows)),
                {"n": PAGE_BLOB},
            )


async def started_database(tmp_path: Path) -> Database:
    db = Database(tmp_path / "stoat-ferret.db")
    await db.migrate()
    async with db.engine.begin() as connection:
        await connection.execute(text("CREATE TABLE ballast (data BLOB)"))
    return db


async def test_commits_never_checkpoint_and_the_thread_copies_the_wal_back(
    tmp_path: Path,
) -> None:
    db = await started_database(tmp_path)
    assert db.checkpointer is not None and db.path is not None
    try:
        async with db.engine.connect() as connection:
            pages = (await connection.execute(text("PRAGMA wal_autocheckpoint"))).scalar()
            assert pages == AUTOCHECKPOINT_PAGES
        # With the thread stopped, 1,500 pages written: nothing is copied back, the WAL
        # only grows (SQLite's own default would have checkpointed inside a commit).
        await asyncio.to_thread(db.checkpointer.stop)
        await write_pages(db, commits=30, rows=50)
        frames, backfilled = wal_index(db.path)
        assert frames >= 1500 and backfilled == 0

        db.checkpointer.start()
        deadline = time.monotonic() + 5
        while wal_index(db.path)[1] < frames and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert wal_index(db.path)[1] >= frames  # copied back by the thread, not a commit

        # Everything copied: the next commit starts the WAL over instead of growing it.
        await write_pages(db, commits=1, rows=1)
        assert wal_index(db.path)[0] < 10
    finally:
        await db.dispose()


async def test_dispose_stops_the_thread(tmp_path: Path) -> None:
    db = await started_database(tmp_path)
    checkpointer = db.checkpointer
    assert checkpointer is not None
    thread = checkpointer._thread
    assert thread is not None and thread.is_alive()
    await db.dispose()
    assert not thread.is_alive()


def test_an_unopenable_file_ends_the_thread_quietly(tmp_path: Path) -> None:
    checkpointer = WalCheckpointer(tmp_path / "missing" / "x.db", interval_s=0.01)
    checkpointer.start()
    thread = checkpointer._thread
    assert thread is not None
    thread.join(timeout=5)
    assert not thread.is_alive()
    checkpointer.stop()
