"""``CommitStamp`` (``db/commit_stamp.py``): SQLite's WAL-index header, read from memory.

Held on a real database file: the stamp moves with every commit, from this process
or another one, and with nothing else (reads, a rolled-back write); without WAL, with
a header in mid-write or once closed there is none, and the caller reads the
database instead.
"""

from __future__ import annotations

import mmap
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from stoat_ferret.db.commit_stamp import HEADER, CommitStamp
from stoat_ferret.db.reader import ReadPool


def wal_database(path: Path) -> sqlite3.Connection:
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE t (x INTEGER)")
    return writer


def commit_elsewhere(path: Path, statement: str) -> None:
    code = (
        "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute(sys.argv[2])\nc.commit()"
    )
    subprocess.run([sys.executable, "-c", code, str(path), statement], check=True)


@pytest.fixture
async def pool(tmp_path: Path) -> AsyncIterator[tuple[ReadPool, sqlite3.Connection]]:
    path = tmp_path / "stamp.db"
    writer = wal_database(path)
    reads = ReadPool(path, readers=1)
    try:
        yield reads, writer
    finally:
        await reads.close()
        writer.close()


async def test_the_stamp_moves_with_every_commit_and_nothing_else(
    pool: tuple[ReadPool, sqlite3.Connection],
) -> None:
    reads, writer = pool
    assert reads.commit_stamp() is None  # before the first peek there is no mapping
    assert await reads.peek("SELECT count(*) FROM t") == 0
    first = reads.commit_stamp()
    assert first is not None and len(first) == HEADER

    # Reads, by this process or a reader thread, leave it alone.
    assert await reads.peek("SELECT count(*) FROM t") == 0
    assert await reads.read(lambda c: c.execute("SELECT count(*) FROM t").fetchone()[0]) == 0
    assert reads.commit_stamp() == first

    writer.execute("INSERT INTO t VALUES (1)")
    mine = reads.commit_stamp()
    assert mine is not None and mine != first

    commit_elsewhere(reads.path, "INSERT INTO t VALUES (2)")
    theirs = reads.commit_stamp()
    assert theirs is not None and theirs not in (first, mine)

    writer.execute("BEGIN")
    writer.execute("INSERT INTO t VALUES (3)")
    assert reads.commit_stamp() == theirs  # not committed yet: nobody can see it
    writer.execute("ROLLBACK")
    assert reads.commit_stamp() == theirs

    # A checkpoint that empties the WAL, then a write from its start again.
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    emptied = reads.commit_stamp()
    writer.execute("INSERT INTO t VALUES (4)")
    restarted = reads.commit_stamp()
    assert restarted is not None and restarted not in (first, mine, theirs, emptied)
    assert await reads.peek("SELECT count(*) FROM t") == 3


async def test_no_stamp_without_wal_and_none_once_closed(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("CREATE TABLE t (x INTEGER)")
    reads = ReadPool(path, readers=1)
    try:
        assert await reads.peek("SELECT count(*) FROM t") == 0
        assert reads.commit_stamp() is None  # rollback journal: no shared index to read
    finally:
        await reads.close()
        writer.close()

    wal = tmp_path / "wal.db"
    wal_database(wal).close()
    reads = ReadPool(wal, readers=1)
    await reads.peek("SELECT count(*) FROM t")
    assert reads.commit_stamp() is not None
    await reads.close()
    assert reads.commit_stamp() is None


def mapped(tmp_path: Path, content: bytes) -> CommitStamp:
    shm = tmp_path / "fake-shm"
    shm.write_bytes(content)
    with shm.open("rb") as file:
        return CommitStamp(mmap.mmap(file.fileno(), 2 * HEADER, prot=mmap.PROT_READ))


def test_a_header_in_mid_write_or_not_built_reads_as_none(tmp_path: Path) -> None:
    header = bytearray(range(HEADER))
    header[12] = 1  # isInit
    built = mapped(tmp_path, bytes(header) * 2)
    assert built.read() == bytes(header)
    built.close()

    # The committing connection writes the second copy, then the first.
    half = bytearray(header)
    half[16] ^= 0xFF  # mxFrame moved in one copy only
    torn = mapped(tmp_path, bytes(header) + bytes(half))
    assert torn.read() is None
    torn.close()

    header[12] = 0
    unbuilt = mapped(tmp_path, bytes(header) * 2)
    assert unbuilt.read() is None
    unbuilt.close()
