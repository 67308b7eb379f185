"""
Terminal records the store failed to write (a full disk), kept until a write succeeds.

The job is over whether or not the store took its final state: every reader must
see it terminal (else its scan folder stays locked), so the engine serves these
records from memory, merged into listings, and writes them again after the next
job ends and at ``stop()`` (``docs/design/02-job-system.md``, full disk).
"""

from __future__ import annotations

import asyncio

from stoat_ferret.jobs.models import JobRecord, JobStatus
from stoat_ferret.jobs.store import JobStore, LeaseLostError

__all__ = ["UnsavedTerminals"]


class UnsavedTerminals:
    """A read-through view of the store that overlays the unsaved terminal records."""

    def __init__(self, store: JobStore, holder: str) -> None:
        self._store = store
        self._holder = holder
        self._records: dict[str, JobRecord] = {}

    def keep(self, record: JobRecord) -> None:
        self._records[record.job_id] = record.copy()

    async def get(self, job_id: str) -> JobRecord | None:
        return self._records.get(job_id) or await self._store.get(job_id)

    async def list_records(
        self, status: JobStatus | None, job_type: str | None, limit: int
    ) -> list[JobRecord]:
        records = await self._store.list_records(status, job_type, limit + len(self._records))
        if not self._records:
            return records
        # The store still shows these jobs in their last stored (non-terminal) state.
        records = [r for r in records if r.job_id not in self._records]
        records += [
            r
            for r in self._records.values()
            if (status is None or r.status is status)
            and (job_type is None or r.job_type == job_type)
        ]
        return sorted(records, key=lambda r: r.seq, reverse=True)[:limit]

    async def write_back(self) -> None:
        """Write the kept records while writes succeed; the rest wait for the next try."""
        for job_id, record in list(self._records.items()):
            try:
                # Shielded: see ActiveJob.persist.
                await asyncio.shield(self._store.update(record, holder=self._holder))
            except LeaseLostError:
                pass  # another process took it over meanwhile: its state stands
            except Exception:
                return  # still failing: tried again when the next job ends
            self._records.pop(job_id, None)
