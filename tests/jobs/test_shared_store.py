"""The job table written by an API server and SAQ workers: no writer undoes another's.

With SAQ, a job is stored without an owner; a worker the broker delivers it to and
an API server cancelling it both take it with the one compare-and-set claim, and
every later write is fenced by the claimer's owner token (``jobs/leases.py``).
"""

from __future__ import annotations

import dataclasses

import pytest

from stoat_ferret.clock import utcnow
from stoat_ferret.db import Database
from stoat_ferret.jobs import JobStatus, leases, transitions
from stoat_ferret.jobs.leases import JobOwner
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.sql_store import SqlJobStore
from stoat_ferret.jobs.store import LeaseLostError

API = JobOwner(host="api", pid=1, instance="a")
WORKER = JobOwner(host="worker", pid=2, instance="w")


async def queued(store: SqlJobStore) -> JobRecord:
    """A job as ``SaqJobQueue.submit`` stores it: pending, nobody's."""
    record = JobRecord(job_id="j1", job_type="scan", payload={}, seq=1, created_at=utcnow())
    await store.insert(record)
    return record


def held(record: JobRecord, owner: JobOwner) -> JobRecord:
    return leases.claim(record, owner, now=utcnow(), lease_s=15)


async def test_a_terminal_row_is_never_overwritten_by_a_late_worker(database: Database) -> None:
    store = SqlJobStore(database.sessions, writer=database.writer)
    seen = await queued(store)
    # The API cancels the queued job: it claims it, then ends it under its token.
    mine = held(seen, API)
    assert await store.claim(mine, seen=seen)
    cancelled = leases.released(
        transitions.finish(
            transitions.mark_cancel_requested(mine), JobStatus.CANCELLED, now=utcnow()
        )
    )
    await store.update(cancelled, holder=API.token)
    # A worker that read the queued row before: its claim fails, its writes are fenced.
    assert not await store.claim(held(seen, WORKER), seen=seen)
    late = dataclasses.replace(held(seen, WORKER), status=JobStatus.RUNNING, attempts=1)
    with pytest.raises(LeaseLostError):
        await store.update(late, holder=WORKER.token)
    kept = await store.get("j1")
    assert kept is not None and kept.status is JobStatus.CANCELLED and kept.attempts == 0


async def test_a_cancel_request_survives_a_workers_whole_record_write(
    database: Database,
) -> None:
    store = SqlJobStore(database.sessions, writer=database.writer)
    seen = await queued(store)
    mine = held(seen, WORKER)
    assert await store.claim(mine, seen=seen)
    running = transitions.start(mine, now=utcnow())
    assert not await store.update(running, holder=WORKER.token)
    assert await store.request_cancel("j1") is not None  # the API, while the worker runs it
    # The worker's next write (flag unseen) keeps the flag and tells the worker of it.
    assert await store.update(transitions.progress(running, 0.5, None), holder=WORKER.token)
    kept = await store.get("j1")
    assert kept is not None and kept.cancel_requested and kept.progress == 0.5
    states = await store.renew(WORKER.token, ["j1", "other"], None)
    assert set(states) == {"j1"} and states["j1"].cancel_requested


async def test_a_queued_job_is_claimed_by_the_worker_or_the_api_never_both(
    database: Database,
) -> None:
    store = SqlJobStore(database.sessions, writer=database.writer)
    seen = await queued(store)
    assert await store.claim(held(seen, WORKER), seen=seen)  # the worker was first
    assert not await store.claim(held(seen, API), seen=seen)  # so the API must ask instead
    assert not await store.claim(held(seen, JobOwner("w2", 3, "x")), seen=seen)  # one worker
    requested = await store.request_cancel("j1")
    assert requested is not None and requested.owner == WORKER.token
    assert requested.cancel_requested
