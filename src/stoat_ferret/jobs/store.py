"""Where job records live: the ``JobStore`` protocol and its in-memory implementation."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from stoat_ferret.jobs.models import JobRecord, JobStatus

__all__ = ["JobStore", "LeaseLostError", "LeaseState", "MemoryJobStore", "SeqTakenError"]


class LeaseLostError(Exception):
    """A fenced write found the job held by another owner: this process lost its lease."""

    def __init__(self, job_id: str, holder: str | None) -> None:
        super().__init__(f"job {job_id} is no longer held by {holder}")
        self.job_id = job_id


class SeqTakenError(Exception):
    """Another process sharing the table took this ``seq`` first; pick the next one."""


@dataclass(frozen=True, slots=True)
class LeaseState:
    """What a heartbeat learns about one of its jobs: who holds it, whether to cancel."""

    owner: str | None
    cancel_requested: bool


class JobStore(Protocol):
    async def insert(self, record: JobRecord) -> None:
        """
        Store a new job.

        Raises:
            SeqTakenError: ``record.seq`` is already used (another process submitted).
        """

    async def update(self, record: JobRecord, *, holder: str | None = None) -> bool:
        """
        Write ``record``; with ``holder``, only while the stored owner is ``holder``.

        A stored ``cancel_requested`` is never cleared: another process may have set it.
        Returns the stored flag, so the owner learns of such a cancel from its own write.

        Raises:
            LeaseLostError: fenced out, the job has another owner now.
        """

    async def claim(self, record: JobRecord, *, seen: JobRecord) -> bool:
        """
        Compare-and-set the owner and lease: only if the row is still as in ``seen``.

        True when this call took the job; False when another process changed it first.
        """

    async def renew(
        self, holder: str, job_ids: Collection[str], lease_expires_at: datetime | None
    ) -> dict[str, LeaseState]:
        """Extend ``holder``'s leases of ``job_ids`` (None: only read); each found id's state."""

    async def request_cancel(self, job_id: str) -> JobRecord | None:
        """Set ``cancel_requested`` on an unfinished job run elsewhere; None if over."""

    async def get(self, job_id: str) -> JobRecord | None: ...

    async def list_records(
        self, status: JobStatus | None, job_type: str | None, limit: int
    ) -> list[JobRecord]: ...

    async def unfinished(self) -> list[JobRecord]:
        """Pending and running jobs, oldest first (what a restart must pick up)."""

    async def max_seq(self) -> int: ...

    async def counts(self) -> dict[tuple[str, JobStatus], int]: ...


class MemoryJobStore:
    """
    Keeps copies so callers can never mutate stored state by accident.

    Every call completes without awaiting, so on one event loop each is atomic, as
    one SQL statement is: queue instances sharing this store race like processes
    sharing a database file.
    """

    def __init__(self) -> None:
        self._records: dict[str, JobRecord] = {}
        self._seqs: set[int] = set()

    async def insert(self, record: JobRecord) -> None:
        if record.seq in self._seqs:  # the unique index on jobs.seq, as in SQL
            raise SeqTakenError(record.seq)
        self._seqs.add(record.seq)
        self._records[record.job_id] = record.copy()

    async def update(self, record: JobRecord, *, holder: str | None = None) -> bool:
        stored = self._records.get(record.job_id)
        if stored is None:
            raise KeyError(record.job_id)
        if holder is not None and stored.owner != holder:
            raise LeaseLostError(record.job_id, holder)
        cancel = record.cancel_requested or stored.cancel_requested
        self._records[record.job_id] = dataclasses.replace(record, cancel_requested=cancel)
        return cancel

    async def claim(self, record: JobRecord, *, seen: JobRecord) -> bool:
        stored = self._records.get(record.job_id)
        if stored is None or (stored.status, stored.owner, stored.lease_expires_at) != (
            seen.status,
            seen.owner,
            seen.lease_expires_at,
        ):
            return False
        self._records[record.job_id] = dataclasses.replace(
            stored, owner=record.owner, lease_expires_at=record.lease_expires_at
        )
        return True

    async def renew(
        self, holder: str, job_ids: Collection[str], lease_expires_at: datetime | None
    ) -> dict[str, LeaseState]:
        states: dict[str, LeaseState] = {}
        for job_id in job_ids:
            stored = self._records.get(job_id)
            if stored is None:
                continue
            if lease_expires_at and stored.owner == holder and not stored.status.is_terminal:
                stored.lease_expires_at = lease_expires_at
            states[job_id] = LeaseState(stored.owner, stored.cancel_requested)
        return states

    async def request_cancel(self, job_id: str) -> JobRecord | None:
        stored = self._records.get(job_id)
        if stored is None or stored.status.is_terminal:
            return None
        stored.cancel_requested = True
        return stored.copy()

    async def get(self, job_id: str) -> JobRecord | None:
        record = self._records.get(job_id)
        return None if record is None else record.copy()

    async def list_records(
        self, status: JobStatus | None, job_type: str | None, limit: int
    ) -> list[JobRecord]:
        matching = [
            r
            for r in self._records.values()
            if (status is None or r.status == status)
            and (job_type is None or r.job_type == job_type)
        ]
        matching.sort(key=lambda r: r.seq, reverse=True)
        return [r.copy() for r in matching[:limit]]

    async def unfinished(self) -> list[JobRecord]:
        active = [r for r in self._records.values() if not r.status.is_terminal]
        return [r.copy() for r in sorted(active, key=lambda r: r.seq)]

    async def max_seq(self) -> int:
        return max((r.seq for r in self._records.values()), default=0)

    async def counts(self) -> dict[tuple[str, JobStatus], int]:
        totals: dict[tuple[str, JobStatus], int] = {}
        for record in self._records.values():
            key = (record.job_type, record.status)
            totals[key] = totals.get(key, 0) + 1
        return totals
