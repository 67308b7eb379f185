"""What the embedded queue's writes cost by themselves: the floor under its jobs/s.

A no-op job on the embedded queue is three write transactions on its row (the insert
at submit, ``running``, the terminal state) plus its share of the event hub's batched
writes. This times, in the same run and one after another (no contention):

* ``sqlite3``: the same ``INSERT`` and ``UPDATE`` with the standard library's driver
  (blocking, same pragmas: WAL, ``synchronous=NORMAL``): SQLite's own cost;
* ``store``: ``SqlJobStore.insert`` and ``SqlJobStore.update``, the calls the queue
  makes, as the queue makes them: on the database's ``SqliteWriter`` thread (one hop
  there and back per batch; alone here, so a batch of one).

``1 / (insert + 2 * update)`` is then the most no-op jobs a second that one writer
could persist, before any queue logic, event or scheduling.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

from stoat_ferret.clock import utcnow
from stoat_ferret.db import Database
from stoat_ferret.jobs import transitions
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.sql_store import SqlJobStore


def _per_op_ms(seconds: float, count: int) -> float:
    return round(seconds / count * 1000, 3)


def _jobs_per_s(insert_ms: float, update_ms: float) -> float:
    return round(1000 / (insert_ms + 2 * update_ms), 1)


def sqlite_floor(path: Path, count: int) -> dict[str, Any]:
    """``count`` single-row insert and update transactions with ``sqlite3``."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL"):
            connection.execute(f"PRAGMA {pragma}")
        connection.execute("CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT, payload TEXT)")
        ids = [uuid.uuid4().hex for _ in range(count)]
        began = time.perf_counter()
        for job_id in ids:
            connection.execute("BEGIN")
            connection.execute("INSERT INTO jobs VALUES (?, 'pending', '{}')", (job_id,))
            connection.execute("COMMIT")
        inserted = time.perf_counter()
        for job_id in ids:
            connection.execute("BEGIN")
            connection.execute("UPDATE jobs SET status = 'running' WHERE id = ?", (job_id,))
            connection.execute("COMMIT")
        updated = time.perf_counter()
    finally:
        connection.close()
    insert_ms = _per_op_ms(inserted - began, count)
    update_ms = _per_op_ms(updated - inserted, count)
    return {"insert_ms": insert_ms, "update_ms": update_ms,
            "jobs_per_s": _jobs_per_s(insert_ms, update_ms)}  # fmt: skip


async def store_floor(path: Path, count: int) -> dict[str, Any]:
    """``count`` inserts, then ``count`` updates, through the queue's ``SqlJobStore``."""
    database = Database(path)
    await database.migrate()
    store = SqlJobStore(database.sessions, writer=database.writer)
    now = utcnow()
    records = [JobRecord(uuid.uuid4().hex, "bench.noop", {"n": n}, seq=n + 1, created_at=now)
               for n in range(count)]  # fmt: skip
    try:
        began = time.perf_counter()
        for record in records:
            await store.insert(record)
        inserted = time.perf_counter()
        for record in records:
            await store.update(transitions.start(record, now=now))
        updated = time.perf_counter()
    finally:
        await database.dispose()
    insert_ms = _per_op_ms(inserted - began, count)
    update_ms = _per_op_ms(updated - inserted, count)
    return {"insert_ms": insert_ms, "update_ms": update_ms,
            "jobs_per_s": _jobs_per_s(insert_ms, update_ms)}  # fmt: skip


def measure_floors(work: Path, count: int) -> dict[str, Any]:
    """Both floors, each on a fresh database in ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    return {
        "writes": count,
        "sqlite3": sqlite_floor(work / "raw.db", count),
        "store": asyncio.run(store_floor(work / "store.db", count)),
    }
