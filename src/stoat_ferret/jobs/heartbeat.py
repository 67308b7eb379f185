"""
The heartbeat of a queue instance: renew its leases, hear foreign cancels, sweep.

While a queue runs, a background task ticks every ``CANCEL_POLL_MAX_S`` (or a
third of the lease, if shorter). Each tick reads the stored owner and cancel flag of
the jobs this instance holds, in one short transaction:

- a job whose stored owner is another process was taken over (this process stalled
  past its lease): its handler is stopped and nothing more is written about it;
- a job whose stored ``cancel_requested`` is set, where the local record is not, was
  cancelled through another process (a server cancelling a CLI scan): the queue
  applies the cancel as if it had been asked locally.

Every third of the lease the same statement also extends the leases, and the queue
sweeps the table for jobs whose owners let their leases expire (``recovery.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

import structlog

from stoat_ferret.clock import utcnow
from stoat_ferret.jobs import leases
from stoat_ferret.jobs.active import ActiveJob
from stoat_ferret.jobs.leases import JobOwner
from stoat_ferret.jobs.store import JobStore

__all__ = ["Findings", "LeaseKeeper"]

log = structlog.get_logger("stoat_ferret.jobs")


@dataclass(slots=True)
class Findings:
    """What one heartbeat learned: jobs taken over elsewhere, jobs cancelled elsewhere."""

    lost: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)


class LeaseKeeper:
    """Keeps one queue instance's leases alive and reports what other processes asked."""

    def __init__(self, store: JobStore, owner: JobOwner, lease_s: float) -> None:
        self._store = store
        self._owner = owner
        self.lease_s = lease_s
        self.poll_s = min(leases.CANCEL_POLL_MAX_S, leases.heartbeat_interval_s(lease_s))

    async def check(self, active: Mapping[str, ActiveJob], *, renew: bool) -> Findings:
        """
        Read (and with ``renew`` extend) the leases of ``active``.

        Jobs another process now holds are given up (``ActiveJob.lose_lease``).
        """
        held = {job_id: job for job_id, job in active.items() if not job.lease_lost}
        found = Findings()
        if not held:
            return found
        expires = utcnow() + timedelta(seconds=self.lease_s) if renew else None
        states = await self._store.renew(self._owner.token, held, expires)
        for job_id, job in held.items():
            state = states.get(job_id)
            if job.record.status.is_terminal or active.get(job_id) is not job:
                continue  # it ended while the heartbeat read the table
            if state is None or state.owner != self._owner.token:
                job.lose_lease()
                found.lost.append(job_id)
                continue
            if expires is not None:
                # The next full write of the record must not put the old expiry back.
                job.record = dataclasses.replace(job.record, lease_expires_at=expires)
            if state.cancel_requested and not job.record.cancel_requested:
                found.cancelled.append(job_id)
        return found

    async def run(
        self,
        active: Mapping[str, ActiveJob],
        *,
        cancel: Callable[[str], Awaitable[object]],
        drop: Callable[[str], None],
        sweep: Callable[[], Awaitable[None]] | None,
    ) -> None:
        """
        Tick until cancelled: check the leases, renew and ``sweep`` when due.

        Args:
            active: the instance's unfinished jobs, by id (read, never changed here).
            cancel: applies a cancel asked through another process.
            drop: forgets a job another process took over.
            sweep: claims jobs whose owners died (None: this instance claims nothing).
        """
        last_renewed = time.monotonic()
        while True:
            await asyncio.sleep(self.poll_s)
            renew = leases.renewal_due(last_renewed, time.monotonic(), self.lease_s)
            try:
                found = await self.check(active, renew=renew)
                for job_id in found.lost:
                    drop(job_id)
                for job_id in found.cancelled:
                    log.info("job.cancel_requested_elsewhere", job_id=job_id)
                    with contextlib.suppress(Exception):  # it may have ended meanwhile
                        await cancel(job_id)
                if renew:
                    last_renewed = time.monotonic()
                    if sweep is not None:
                        await sweep()
            except Exception as exc:
                # A busy or full store: try again next tick. Two renewals may be missed
                # before the lease runs out (a third of the lease each).
                log.warning("job.heartbeat_failed", error=str(exc))
