"""``SqliteWriter``: the hot writes on their own thread and ``sqlite3`` connection.

Real SQLite files. What matters beyond speed: a row it writes is stored exactly as
the engine stores it (the lease fence and the claim compare stored text), a batch is
one transaction on the writer thread, and the writer outlives an event loop.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from stoat_ferret.clock import utcnow
from stoat_ferret.db import Database
from stoat_ferret.events.models import Event
from stoat_ferret.events.repository import EventRepository
from stoat_ferret.jobs import JobStatus, leases, transitions
from stoat_ferret.jobs.leases import JobOwner
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.sql_store import SqlJobStore

OWNER = JobOwner(host="here", pid=1, instance="a")
NEXT = JobOwner(host="there", pid=2, instance="b")


def _lifecycle(job_id: str, seq: int, now: datetime) -> tuple[JobRecord, JobRecord]:
    """A job as submitted (held by ``OWNER``) and the same job complete."""
    pending = leases.claim(
        JobRecord(job_id, "noop", {"n": 1, "nested": [1, None]}, seq=seq, created_at=now),
        OWNER,
        now=now,
        lease_s=30,
    )
    started = transitions.start(pending, now=now + timedelta(seconds=1))
    done = transitions.finish(
        started, JobStatus.COMPLETE, now=now + timedelta(seconds=2), result={"none": None}
    )
    return pending, done


def _stored(path: Path, job_id: str) -> tuple[object, ...]:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        names = [column[0] for column in connection.execute("SELECT * FROM jobs").description]
    finally:
        connection.close()
    return tuple(value for name, value in zip(names, row, strict=True) if name not in {"id", "seq"})


async def test_rows_are_stored_exactly_as_the_engine_stores_them(database: Database) -> None:
    assert database.path is not None and database.writer is not None
    through_engine = SqlJobStore(database.sessions)
    through_writer = SqlJobStore(database.sessions, writer=database.writer)
    now = utcnow().replace(microsecond=0)  # no microseconds: the text must still match
    for store, job_id, seq in ((through_engine, "engine", 1), (through_writer, "writer", 2)):
        pending, done = _lifecycle(job_id, seq, now)
        await store.insert(pending)
        assert await store.update(done, holder=OWNER.token) is False

    engine_row = await asyncio.to_thread(_stored, database.path, "engine")
    writer_row = await asyncio.to_thread(_stored, database.path, "writer")
    assert writer_row == engine_row
    # Read back through the ORM, the record is the one written.
    assert await through_engine.get("writer") == _lifecycle("writer", 2, now)[1]


async def test_a_lease_written_by_the_writer_can_be_claimed_by_the_engine(
    database: Database,
) -> None:
    # The claim compares the stored lease with the one it read (`IS NOT DISTINCT FROM`):
    # a date stored in another text form would never match, and nobody could take over.
    store = SqlJobStore(database.sessions, writer=database.writer)
    # Whole seconds (a text form with no microseconds), and a lease run out a minute ago.
    then = utcnow().replace(microsecond=0) - timedelta(seconds=90)
    held = leases.claim(
        JobRecord("job", "noop", {}, seq=1, created_at=then), OWNER, now=then, lease_s=30
    )
    await store.insert(held)
    seen = await store.get("job")
    assert seen is not None
    taken = leases.claim(seen, NEXT, now=utcnow(), lease_s=30)
    assert await store.claim(taken, seen=seen) is True
    stored = await store.get("job")
    assert stored is not None and stored.owner == NEXT.token


async def test_a_batch_is_one_transaction_run_on_the_writer_thread(database: Database) -> None:
    writer = database.writer
    assert writer is not None
    threads: set[int] = set()

    def work(connection: sqlite3.Connection) -> int:
        threads.add(threading.get_ident())
        return int(connection.execute("SELECT count(*) FROM jobs").fetchone()[0])

    store = SqlJobStore(database.sessions, writer=writer)
    before = writer.transactions
    records = [JobRecord(f"job{n}", "noop", {}, seq=n, created_at=utcnow()) for n in range(50)]
    # All queued in one loop iteration: one transaction, the count sees every insert.
    counts = await asyncio.gather(*(store.insert(record) for record in records), writer.run(work))
    assert writer.transactions - before == 1
    assert counts[-1] == 50
    assert threads and threading.get_ident() not in threads


async def test_writes_reached_a_few_loop_steps_apart_still_share_a_transaction(
    database: Database,
) -> None:
    # A woken caller takes a few steps (a task, a lock, a shield) to its next write;
    # the batch waits for it while the queue grows, instead of leaving it to the next.
    writer = database.writer
    assert writer is not None
    store = SqlJobStore(database.sessions, writer=writer)

    async def submit(n: int) -> None:
        for _ in range(n % 4):
            await asyncio.sleep(0)
        await store.insert(JobRecord(f"job{n}", "noop", {}, seq=n, created_at=utcnow()))

    before = writer.transactions
    await asyncio.gather(*(submit(n) for n in range(1, 13)))
    assert writer.transactions - before == 1


async def test_events_through_the_writer_read_back_and_ignore_replayed_ids(
    database: Database,
) -> None:
    repository = EventRepository(database.sessions, writer=database.writer)
    now = utcnow()
    events = [Event(n, "job.progress", {"job_id": "j", "progress": n / 10}, now) for n in (1, 2)]
    await repository.add_many(events)
    replayed = Event(2, "job.completed", {"job_id": "j"}, now)
    await repository.add_many([replayed, Event(3, "job.completed", {"job_id": "j"}, now)])
    stored = await EventRepository(database.sessions).after(0, 10)
    assert [e.event_id for e in stored] == [1, 2, 3]
    assert stored[:2] == events  # payloads and timestamps as written; id 2 kept its first
    assert await repository.bounds() == (1, 3)


def test_the_writer_serves_one_event_loop_after_another(tmp_path: Path) -> None:
    database = Database(tmp_path / "loops.db")

    async def first() -> None:
        await database.migrate()
        store = SqlJobStore(database.sessions, writer=database.writer)
        await store.insert(JobRecord("one", "noop", {}, seq=1, created_at=utcnow()))

    async def second() -> JobRecord | None:
        store = SqlJobStore(database.sessions, writer=database.writer)
        await store.insert(JobRecord("two", "noop", {}, seq=2, created_at=utcnow()))
        try:
            return await store.get("two")
        finally:
            await database.dispose()

    asyncio.run(first())
    stored = asyncio.run(second())
    assert stored is not None and stored.seq == 2


async def test_a_file_that_cannot_be_opened_fails_each_caller(tmp_path: Path) -> None:
    database = Database(tmp_path / "missing" / "stoat.db")  # its folder does not exist
    store = SqlJobStore(database.sessions, writer=database.writer)
    try:
        # As the engine raises it (the API's handlers know that kind), the cause kept.
        with pytest.raises(OperationalError) as caught:
            await store.insert(JobRecord("job", "noop", {}, seq=1, created_at=utcnow()))
        assert isinstance(caught.value.orig, sqlite3.OperationalError)
    finally:
        await database.dispose()
