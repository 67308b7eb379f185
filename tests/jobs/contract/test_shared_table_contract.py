"""
The contract for queues sharing one job table: leases, claims, foreign cancels.

Two queue instances on one table behave like two processes on one data dir (a
server and a ``stoat-ferret scan``): a job runs on exactly one of them, a live
instance's job is never taken, a dead owner's job is, and a cancel asked through
either instance stops the job where it runs.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest

from stoat_ferret.clock import utcnow
from stoat_ferret.errors import JobAlreadyTerminalError
from stoat_ferret.jobs import JobContext, JobStatus
from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.leases import JobOwner
from stoat_ferret.jobs.models import JobRecord
from stoat_ferret.jobs.store import JobStore

from .conftest import QueueFactory


@pytest.fixture(params=["memory", "asyncio"])
def queue_kind(request: pytest.FixtureRequest) -> str:
    """
    The in-process queues only: they find a dead owner's job by sweeping the table.

    On SAQ the broker hands a dead worker's job to a live one (its sweep); that,
    and a cancel reaching another worker, are tested in ``tests/jobs/test_saq_pitfalls.py``
    and ``tests/integration/test_scale_out.py``.
    """
    return str(request.param)


DEAD = JobOwner(host="gone", pid=1, instance="dead")


async def stored(table: JobStore, job_id: str) -> JobRecord:
    record = await table.get(job_id)
    assert record is not None
    return record


async def until(table: JobStore, job_id: str, check: Any, limit_s: float = 10.0) -> JobRecord:
    """The stored record once ``check(record)`` holds (polled, as another process would)."""
    async with asyncio.timeout(limit_s):
        while not check(record := await stored(table, job_id)):
            await asyncio.sleep(0.02)
    return record


def blocking(runs: list[tuple[str, str]], name: str, release: asyncio.Event) -> Any:
    async def handler(ctx: JobContext, payload: dict[str, Any]) -> str:
        runs.append((name, ctx.job_id))
        while not release.is_set():
            ctx.raise_if_cancelled({"ran_on": name})
            await ctx.set_progress(0.5, {"processed": 1})
            await asyncio.sleep(0.01)
        return name

    return handler


def counted(runs: list[tuple[str, str]], name: str) -> Any:
    async def handler(ctx: JobContext, payload: dict[str, Any]) -> str:
        runs.append((name, ctx.job_id))
        await asyncio.sleep(0.01)
        return name

    return handler


async def test_two_instances_racing_for_the_same_jobs_never_both_run_one(
    make_queue: QueueFactory, job_table: JobStore
) -> None:
    # A third instance queued the jobs and died without running them: its leases end.
    dead = make_queue(lease_s=0.3)
    dead.register_handler("count", counted([], "dead"))
    ids = [await dead.submit("count", {"n": n}) for n in range(30)]
    await until(job_table, ids[-1], lambda r: r.lease_expires_at <= utcnow())
    runs: list[tuple[str, str]] = []
    first, second = make_queue(lease_s=5.0), make_queue(lease_s=5.0)
    first.register_handler("count", counted(runs, "first"))
    second.register_handler("count", counted(runs, "second"))
    await asyncio.gather(first.start(), second.start())  # both claim at once
    for job_id in ids:
        await until(job_table, job_id, lambda r: r.status is JobStatus.COMPLETE)
    assert Counter(job_id for _, job_id in runs) == Counter(ids)  # each exactly once
    await dead.stop()  # its late writes are fenced out: nothing is put back
    assert {(await stored(job_table, i)).status for i in ids} == {JobStatus.COMPLETE}


async def test_a_live_instances_job_is_never_taken_and_its_lease_is_renewed(
    make_queue: QueueFactory, job_table: JobStore
) -> None:
    runs: list[tuple[str, str]] = []
    release = asyncio.Event()
    owner, other = make_queue(lease_s=0.6), make_queue(lease_s=0.6)
    owner.register_handler("hold", blocking(runs, "owner", release))
    other.register_handler("hold", blocking(runs, "other", release))
    await owner.start()
    job_id = await owner.submit("hold", {})
    first = await until(job_table, job_id, lambda r: r.status is JobStatus.RUNNING)
    await other.start()  # a second process started while the job runs
    assert first.owner == owner.owner.token and first.lease_expires_at is not None
    # Several lease lengths later: renewed each time, never swept by the other one.
    await asyncio.sleep(1.5)
    later = await stored(job_table, job_id)
    assert later.owner == owner.owner.token
    assert later.lease_expires_at is not None and later.lease_expires_at > first.lease_expires_at
    assert later.attempts == 1
    listed = await other.list_jobs()
    assert [(j.job_id, j.status, j.progress) for j in listed] == [
        (job_id, JobStatus.RUNNING, 0.5)  # listed with its stored progress
    ]
    release.set()
    done = await until(job_table, job_id, lambda r: r.status.is_terminal)
    assert (done.status, done.result, done.lease_expires_at) == (JobStatus.COMPLETE, "owner", None)
    assert runs == [("owner", job_id)]


async def test_a_cancel_through_another_instance_stops_the_job_where_it_runs(
    make_queue: QueueFactory, job_table: JobStore
) -> None:
    runs: list[tuple[str, str]] = []
    owner, other = make_queue(lease_s=0.6), make_queue(lease_s=0.6)
    owner.register_handler("hold", blocking(runs, "owner", asyncio.Event()))
    await owner.start()
    await other.start()
    job_id = await owner.submit("hold", {})
    await until(job_table, job_id, lambda r: r.status is JobStatus.RUNNING)
    accepted = await other.cancel(job_id)
    assert (accepted.status, accepted.cancel_requested) == (JobStatus.RUNNING, True)
    # The owner's next heartbeat (at most 0.2 s here) hears it; the handler stops.
    done = await until(job_table, job_id, lambda r: r.status.is_terminal, limit_s=3)
    assert (done.status, done.result) == (JobStatus.CANCELLED, {"ran_on": "owner"})
    assert (await owner.get_result(job_id)).status is JobStatus.CANCELLED
    with pytest.raises(JobAlreadyTerminalError):
        await other.cancel(job_id)


async def test_a_pending_job_of_another_instance_cancelled_never_runs(
    make_queue: QueueFactory, job_table: JobStore
) -> None:
    runs: list[tuple[str, str]] = []
    owner, other = make_queue(lease_s=0.6), make_queue(lease_s=0.6)
    owner.register_handler("count", counted(runs, "owner"))
    job_id = await owner.submit("count", {})  # queued; the owner is not started yet
    assert (await other.cancel(job_id)).cancel_requested
    # Whichever comes first, its heartbeat or its worker's start write, hears it.
    await owner.start()
    done = await until(job_table, job_id, lambda r: r.status.is_terminal, limit_s=3)
    assert (done.status, done.cancel_requested) == (JobStatus.CANCELLED, True)
    assert runs == []


async def test_a_dead_owners_running_job_is_swept_by_a_live_instance_once(
    make_queue: QueueFactory, job_table: JobStore
) -> None:
    runs: list[tuple[str, str]] = []
    first, second = make_queue(lease_s=0.6), make_queue(lease_s=0.6)
    first.register_handler("count", counted(runs, "first"))
    second.register_handler("count", counted(runs, "second"))
    await first.start()
    await second.start()
    # A process that died mid-job: running, its lease just ended, never stopped.
    job_id = "f" * 32
    now = utcnow()
    record = JobRecord(
        job_id=job_id, job_type="count", payload={}, seq=10_000, created_at=now,
        status=JobStatus.RUNNING, attempts=1, started_at=now,
        owner=DEAD.token, lease_expires_at=now - timedelta(milliseconds=1),
    )  # fmt: skip
    await job_table.insert(record)
    done = await until(job_table, job_id, lambda r: r.status.is_terminal, limit_s=5)
    assert done.status is JobStatus.COMPLETE
    assert done.attempts == 2  # re-queued once, like a restart
    assert done.owner in {first.owner.token, second.owner.token}
    assert [job for _, job in runs] == [job_id]


async def test_an_instance_that_lost_its_lease_stops_and_writes_nothing_more(
    make_queue: QueueFactory, job_table: JobStore
) -> None:
    runs: list[tuple[str, str]] = []
    queue = make_queue(lease_s=0.6)
    queue.register_handler("hold", blocking(runs, "stalled", asyncio.Event()))
    await queue.start()
    job_id = await queue.submit("hold", {})
    running = await until(job_table, job_id, lambda r: r.status is JobStatus.RUNNING)
    # Another process took the job over (as if this one had stalled past its lease).
    taken = dataclasses.replace(
        running, owner=DEAD.token, progress=0.25, lease_expires_at=utcnow() + timedelta(hours=1)
    )
    await job_table.update(taken)
    async with asyncio.timeout(3):
        while (await queue.get_result(job_id)).progress != 0.25:  # read from the table
            await asyncio.sleep(0.02)
    await asyncio.sleep(0.5)  # its handler was stopped; its late writes fenced out
    after = await stored(job_table, job_id)
    assert (after.owner, after.status, after.progress) == (DEAD.token, JobStatus.RUNNING, 0.25)
    assert len(runs) == 1


async def test_submits_from_two_instances_get_distinct_seqs(
    make_queue: QueueFactory, job_table: JobStore
) -> None:
    first, second = make_queue(), make_queue()
    for queue in (first, second):
        queue.register_handler("count", counted([], "x"))

    async def submit_many(queue: QueueEngine) -> list[str]:
        return [await queue.submit("count", {}) for _ in range(15)]

    ours, theirs = await asyncio.gather(submit_many(first), submit_many(second))
    ids = ours + theirs
    seqs = [(await stored(job_table, job_id)).seq for job_id in ids]
    assert len(set(seqs)) == 30
    assert {job.job_id for job in await first.list_jobs(limit=100)} == set(ids)


async def test_wait_on_another_instances_job_returns_when_it_ends(
    make_queue: QueueFactory, job_table: JobStore
) -> None:
    release = asyncio.Event()
    owner, other = make_queue(lease_s=0.6), make_queue(lease_s=0.6)
    owner.register_handler("hold", blocking([], "owner", release))
    await owner.start()
    job_id = await owner.submit("hold", {})
    await until(job_table, job_id, lambda r: r.status is JobStatus.RUNNING)
    early = await other.wait(job_id, timeout=0.3)  # times out with the current state
    assert early.status is JobStatus.RUNNING
    waiter = asyncio.create_task(other.wait(job_id, timeout=10))
    await asyncio.sleep(0.3)
    assert not waiter.done()
    release.set()
    done = await waiter
    assert (done.status, done.result) == (JobStatus.COMPLETE, "owner")
