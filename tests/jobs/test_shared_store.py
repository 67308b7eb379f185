"""The job table written by several processes: no writer undoes another's decision."""

from __future__ import annotations

import dataclasses

from stoat_ferret.clock import utcnow
from stoat_ferret.db import Database
from stoat_ferret.jobs import JobStatus, transitions
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.shared_store import SharedSqlJobStore


async def stored(store: SharedSqlJobStore, job_id: str = "j1") -> JobRecord:
    record = JobRecord(job_id=job_id, job_type="scan", payload={}, seq=1, created_at=utcnow())
    await store.insert(record)
    return record


async def test_a_terminal_row_is_never_overwritten(database: Database) -> None:
    store = SharedSqlJobStore(database.sessions)
    record = await stored(store)
    cancelled = transitions.finish(
        transitions.mark_cancel_requested(record), JobStatus.CANCELLED, now=utcnow()
    )
    assert await store.finish_if_pending(cancelled)
    # A worker's late whole-record write of a running state changes nothing.
    await store.update(dataclasses.replace(record, status=JobStatus.RUNNING, attempts=1))
    kept = await store.get("j1")
    assert kept is not None and kept.status is JobStatus.CANCELLED and kept.attempts == 0


async def test_a_cancel_request_survives_a_workers_whole_record_write(
    database: Database,
) -> None:
    store = SharedSqlJobStore(database.sessions)
    record = await stored(store)
    assert await store.claim("j1")
    running = transitions.start(record, now=utcnow())
    assert await store.request_cancel("j1")  # the API, while the worker holds `running`
    await store.update(transitions.progress(running, 0.5, None))  # worker: flag unseen
    kept = await store.get("j1")
    assert kept is not None and kept.cancel_requested and kept.progress == 0.5
    assert await store.cancel_requested_among(["j1", "other"]) == {"j1"}


async def test_a_pending_job_is_claimed_or_cancelled_never_both(database: Database) -> None:
    store = SharedSqlJobStore(database.sessions)
    record = await stored(store)
    cancelled = transitions.finish(
        transitions.mark_cancel_requested(record), JobStatus.CANCELLED, now=utcnow()
    )
    assert await store.claim("j1")  # the worker was first
    assert not await store.finish_if_pending(cancelled)  # so the API must ask instead
    assert not await store.claim("j1")  # and no second worker takes it
    assert await store.request_cancel("j1")
    assert await store.cancel_requested_among([]) == set()
