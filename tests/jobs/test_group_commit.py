"""Group commit of the job store's writes: fewer transactions, the same guarantees.

Real SQLite files and a real process killed with SIGKILL: a write whose call has
returned is on disk, and each write in a shared transaction keeps its own outcome.
Each runs on both writers: the engine's ``GroupCommit`` (the PostgreSQL path) and the
``SqliteWriter`` thread (SQLite's).
"""

from __future__ import annotations

import asyncio
import dataclasses
import signal
import sqlite3
import sys
import textwrap
from pathlib import Path

import pytest

from stoat_ferret.clock import utcnow
from stoat_ferret.db import Database
from stoat_ferret.jobs import JobStatus, leases, transitions
from stoat_ferret.jobs.group_commit import GroupCommit
from stoat_ferret.jobs.leases import JobOwner
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.sql_store import SqlJobStore
from stoat_ferret.jobs.store import LeaseLostError, SeqTakenError

OWNER = JobOwner(host="here", pid=1, instance="a")
OTHER = JobOwner(host="there", pid=2, instance="b")


@pytest.fixture(params=["engine", "sqlite-writer"])
def store(request: pytest.FixtureRequest, database: Database) -> SqlJobStore:
    writer = database.writer if request.param == "sqlite-writer" else None
    assert request.param == "engine" or writer is not None
    return SqlJobStore(database.sessions, writer=writer)


def job(n: int, *, seq: int | None = None) -> JobRecord:
    return JobRecord(
        f"job{n}", "noop", {"n": n}, seq=n if seq is None else seq, created_at=utcnow()
    )


async def test_concurrent_writes_share_transactions_and_all_land(store: SqlJobStore) -> None:
    records = [job(n) for n in range(1, 51)]
    await asyncio.gather(*(store.insert(r) for r in records))
    inserts = store.writes.transactions
    running = [transitions.start(r, now=utcnow()) for r in records]
    flags = await asyncio.gather(*(store.update(r) for r in running))
    # The first write goes alone, the rest queue behind it: far fewer than one each.
    assert inserts < 25
    assert store.writes.transactions - inserts < 25
    assert flags == [False] * 50
    for record in records:
        stored = await store.get(record.job_id)
        assert stored is not None and stored.status is JobStatus.RUNNING


async def test_a_refused_write_fails_only_its_caller(store: SqlJobStore) -> None:
    mine = leases.claim(job(1), OWNER, now=utcnow(), lease_s=15)
    theirs = leases.claim(job(2), OTHER, now=utcnow(), lease_s=15)
    await asyncio.gather(store.insert(mine), store.insert(theirs))
    before = store.writes.transactions
    started = transitions.start(mine, now=utcnow())
    outcomes = await asyncio.gather(
        store.update(started, holder=OWNER.token),
        # Fenced out: job2 is held by another owner.
        store.update(transitions.start(theirs, now=utcnow()), holder=OWNER.token),
        store.update(transitions.start(job(99), now=utcnow())),
        store.update(dataclasses.replace(started, progress=0.5), holder=OWNER.token),
        return_exceptions=True,
    )
    assert outcomes[0] is False and outcomes[3] is False
    assert isinstance(outcomes[1], LeaseLostError)
    assert isinstance(outcomes[2], KeyError)
    # The refusals did not roll the batch back: the other writes shared one commit.
    assert store.writes.transactions - before <= 2
    stored = await store.get("job1")
    assert stored is not None and stored.status is JobStatus.RUNNING and stored.progress == 0.5
    untouched = await store.get("job2")
    assert untouched is not None and untouched.status is JobStatus.PENDING


async def test_a_failing_write_in_a_batch_fails_only_its_caller(store: SqlJobStore) -> None:
    await store.insert(job(1))
    # job3 reuses seq 1 (taken): its insert fails the shared transaction.
    batch = [job(2), job(3, seq=1), job(4)]
    outcomes = await asyncio.gather(*(store.insert(r) for r in batch), return_exceptions=True)
    assert outcomes[0] is None and outcomes[2] is None
    assert isinstance(outcomes[1], SeqTakenError)
    assert await store.get("job2") is not None
    assert await store.get("job3") is None
    assert await store.get("job4") is not None


async def test_a_cancelled_caller_does_not_cut_its_write_out(store: SqlJobStore) -> None:
    first = asyncio.ensure_future(store.insert(job(1)))
    second = asyncio.ensure_future(store.insert(job(2)))
    await asyncio.sleep(0)
    second.cancel()
    await first
    with pytest.raises(asyncio.CancelledError):
        await second
    for _ in range(500):  # the writer may still be committing it in a second batch
        if await store.get("job2") is not None:
            break
        await asyncio.sleep(0.01)
    assert await store.get("job2") is not None


_CHILD = textwrap.dedent(
    """
    import asyncio, os, signal, sys
    from pathlib import Path
    from stoat_ferret.clock import utcnow
    from stoat_ferret.db import Database
    from stoat_ferret.jobs.models import JobRecord
    from stoat_ferret.jobs.sql_store import SqlJobStore

    async def main() -> None:
        database = Database(Path(sys.argv[1]))
        await database.migrate()
        writer = database.writer if sys.argv[2] == "sqlite-writer" else None
        store = SqlJobStore(database.sessions, writer=writer)
        records = [JobRecord(f"job{n}", "noop", {}, seq=n, created_at=utcnow())
                   for n in range(1, 101)]
        await asyncio.gather(*(store.insert(r) for r in records))
        print(store.writes.transactions, flush=True)
        # Returned means committed: die at once, no clean shutdown, no checkpoint.
        os.kill(os.getpid(), signal.SIGKILL)

    asyncio.run(main())
    """
)


@pytest.mark.parametrize("writer", ["engine", "sqlite-writer"])
async def test_each_returned_submit_survives_sigkill(tmp_path: Path, writer: str) -> None:
    path = tmp_path / "killed.db"
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _CHILD, str(path), writer, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await child.communicate()
    assert child.returncode == -signal.SIGKILL
    assert 1 <= int(out) < 100  # grouped: fewer transactions than inserts

    def rows() -> int:
        connection = sqlite3.connect(path)
        try:
            return int(connection.execute("SELECT count(*) FROM jobs").fetchone()[0])
        finally:
            connection.close()

    assert await asyncio.to_thread(rows) == 100


async def test_a_cancelled_writer_answers_every_caller(database: Database) -> None:
    store = SqlJobStore(database.sessions)  # the engine's GroupCommit: a writer task
    calls = [asyncio.ensure_future(store.insert(job(n))) for n in range(1, 4)]
    await asyncio.sleep(0)  # the writer has started its first transaction
    assert isinstance(store.writes, GroupCommit)
    writer = store.writes._writer
    assert writer is not None
    writer.cancel()  # as asyncio.run does to leftover tasks at shutdown
    done, waiting = await asyncio.wait(calls, timeout=5)
    assert not waiting  # nobody is left waiting for an answer that will never come
    assert any(call.cancelled() for call in done)
    assert all(call.cancelled() or call.exception() is None for call in done)
    # A new write starts a new writer.
    await store.insert(job(10))
    assert await store.get("job10") is not None
