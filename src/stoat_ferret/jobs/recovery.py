"""
What a queue takes over from the job table, and the ``seq`` numbers it gives new jobs.

Both concern a table shared with other processes (a server and a CLI scan on one
data dir; later, workers on several machines):

- :func:`claim_orphans` finds the unfinished jobs nobody live holds (no owner, or an
  expired lease: ``leases.may_claim``) and claims each with one compare-and-set, so
  of two processes recovering at once, each job goes to exactly one. It runs at
  start-up and on every lease renewal (the sweep), so a crashed process's job is
  picked up by a live one without waiting for a restart.
- :class:`SeqCounter` numbers new jobs (the order of ``list_jobs``). Another process
  may have used the next number: the store's unique index says so and the counter
  re-reads the table and tries the next free one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Container
from typing import Protocol

import structlog

from stoat_ferret.clock import utcnow
from stoat_ferret.jobs import leases, transitions
from stoat_ferret.jobs.active import ActiveJob
from stoat_ferret.jobs.leases import JobOwner
from stoat_ferret.jobs.models import JobRecord, JobStatus
from stoat_ferret.jobs.store import JobStore, SeqTakenError
from stoat_ferret.jobs.transitions import RecoveryAction

__all__ = ["SeqCounter", "adopt", "claim_orphans"]

log = structlog.get_logger("stoat_ferret.jobs")

SEQ_ATTEMPTS = 20
"""Submits racing on one table each win a number within a few tries; past this, give up."""


async def claim_orphans(
    store: JobStore,
    owner: JobOwner,
    *,
    lease_s: float,
    handles: Callable[[str], bool],
    skip: Container[str],
) -> list[JobRecord]:
    """
    Claim every unfinished job nobody live holds, oldest first; returns the claimed records.

    Args:
        store: the shared job table.
        owner: this queue instance.
        lease_s: the lease the claimed jobs get.
        handles: whether this queue has a handler for a job type. Jobs of other types
            are left for a process that can run them (a CLI scan never takes a render).
        skip: ids this queue already holds.
    """
    claimed: list[JobRecord] = []
    for record in await store.unfinished():
        if record.job_id in skip or not handles(record.job_type):
            continue
        now = utcnow()
        if not leases.may_claim(record, owner, now):
            continue  # a live process's job: never taken
        mine = leases.claim(record, owner, now=now, lease_s=lease_s)
        if not await store.claim(mine, seen=record):
            continue  # another process claimed (or its owner renewed) it first
        if record.owner is not None:
            log.warning(
                "job.lease_expired_claimed",
                job_id=record.job_id,
                previous=record.owner,
                owner=owner.token,
                expired_at=str(record.lease_expires_at),
            )
        claimed.append(mine)
    return claimed


class Finish(Protocol):
    async def __call__(
        self, active: ActiveJob, status: JobStatus, *, error: str | None = None
    ) -> None: ...


async def adopt(
    active: ActiveJob, store: JobStore, *, finish: Finish, enqueue: Callable[[str], None]
) -> None:
    """Apply ``transitions.recovery`` to a job just claimed: end it, or queue it (again)."""
    record = active.record
    decision = transitions.recovery(record)
    if decision.action is RecoveryAction.CANCEL:
        await finish(active, JobStatus.CANCELLED)
        return
    if decision.action is RecoveryAction.FAIL:
        await finish(active, JobStatus.FAILED, error=decision.error)
        return
    if decision.action is RecoveryAction.REQUEUE:
        log.warning("job.requeued_after_restart", job_id=record.job_id)
        active.record = transitions.back_to_pending_after_crash(record)
        await active.persist(store)
    enqueue(record.job_id)


class SeqCounter:
    """The next ``seq`` for a new job: cached, and re-read when another process took it."""

    def __init__(self, store: JobStore) -> None:
        self._store = store
        self._last: int | None = None
        self._lock = asyncio.Lock()

    async def next(self) -> int:
        async with self._lock:
            if self._last is None:
                self._last = await self._store.max_seq()
            self._last += 1
            return self._last

    async def insert(
        self, record: JobRecord, write: Callable[[JobRecord], Awaitable[None]]
    ) -> None:
        """
        Give ``record`` a free ``seq`` and ``write`` it, numbering again if another took it.

        Raises:
            SeqTakenError: still taken after ``SEQ_ATTEMPTS`` tries.
        """
        for _ in range(SEQ_ATTEMPTS):
            record.seq = await self.next()
            try:
                await write(record)
            except SeqTakenError:
                async with self._lock:
                    self._last = max(self._last or 0, await self._store.max_seq())
                continue
            return
        raise SeqTakenError(record.seq)
