"""Where job records live: the ``JobStore`` protocol and its in-memory implementation."""

from __future__ import annotations

from typing import Protocol

from stoat_ferret.jobs.models import JobRecord, JobStatus


class JobStore(Protocol):
    async def insert(self, record: JobRecord) -> None: ...

    async def update(self, record: JobRecord) -> None: ...

    async def get(self, job_id: str) -> JobRecord | None: ...

    async def list_records(
        self, status: JobStatus | None, job_type: str | None, limit: int
    ) -> list[JobRecord]: ...

    async def unfinished(self) -> list[JobRecord]:
        """Pending and running jobs, oldest first (what a restart must pick up)."""

    async def max_seq(self) -> int: ...

    async def counts(self) -> dict[tuple[str, JobStatus], int]: ...


class MemoryJobStore:
    """Keeps copies so callers can never mutate stored state by accident."""

    def __init__(self) -> None:
        self._records: dict[str, JobRecord] = {}

    async def insert(self, record: JobRecord) -> None:
        self._records[record.job_id] = record.copy()

    async def update(self, record: JobRecord) -> None:
        self._records[record.job_id] = record.copy()

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
