"""
``SharedSqlJobStore``: the job table when several processes write the same jobs.

With the distributed queue, an API server and any number of workers share one job
table. A worker owns the record of the job it runs and writes it whole; an API
server touches only two things: it finishes a job that is still pending (a cancel)
and it raises ``cancel_requested`` on one that runs elsewhere. Three rules keep
those writers from undoing each other, each one statement or one locked row:

- a terminal row is final: no later write from anyone replaces it;
- ``cancel_requested`` only ever goes from false to true (a worker's whole-record
  write keeps a flag the API raised after the worker last read it);
- a worker *claims* a pending job before its handler runs, and an API server
  finishes only a job that is still pending, so exactly one of the two wins.
"""

from __future__ import annotations

from sqlalchemy import select, update

from stoat_ferret.jobs.models import JobRecord, JobRow, JobStatus
from stoat_ferret.jobs.sql_store import _MUTABLE_FIELDS, SqlJobStore, _column_value

__all__ = ["SharedSqlJobStore"]

_UNFINISHED = (JobStatus.PENDING.value, JobStatus.RUNNING.value)


class SharedSqlJobStore(SqlJobStore):
    async def _update(self, record: JobRecord) -> None:
        async with self._sessions.begin() as session:
            # FOR UPDATE on PostgreSQL (SQLite ignores it: its writers are serial anyway).
            row = await session.get(JobRow, record.job_id, with_for_update=True)
            if row is None:
                raise KeyError(record.job_id)
            if JobStatus(row.status).is_terminal:
                return  # another process finished it; its ending stands
            flag_was_raised = row.cancel_requested
            for name in _MUTABLE_FIELDS:
                setattr(row, name, _column_value(record, name))
            row.cancel_requested = bool(flag_was_raised or record.cancel_requested)

    async def claim(self, job_id: str) -> bool:
        """Mark a pending job ``running`` for this process; False if it is not pending."""
        return await self._set_where(job_id, JobStatus.PENDING, status=JobStatus.RUNNING.value)

    async def finish_if_pending(self, record: JobRecord) -> bool:
        """Store a pending job's terminal ``record`` unless a worker claimed it first."""
        values = {name: _column_value(record, name) for name in _MUTABLE_FIELDS}
        return await self._set_where(record.job_id, JobStatus.PENDING, **values)

    async def request_cancel(self, job_id: str) -> bool:
        """Raise ``cancel_requested`` on a running job; the worker running it polls it."""
        return await self._set_where(job_id, JobStatus.RUNNING, cancel_requested=True)

    async def cancel_requested_among(self, job_ids: list[str]) -> set[str]:
        """Which of ``job_ids`` (unfinished jobs) someone asked to cancel."""
        if not job_ids:
            return set()
        query = select(JobRow.id).where(
            JobRow.id.in_(job_ids),
            JobRow.cancel_requested.is_(True),
            JobRow.status.in_(_UNFINISHED),
        )
        async with self._sessions() as session:
            return set((await session.scalars(query)).all())

    async def _set_where(self, job_id: str, only_if: JobStatus, **values: object) -> bool:
        statement = (
            update(JobRow)
            .where(JobRow.id == job_id, JobRow.status == only_if.value)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        async with self._sessions.begin() as session:
            outcome = await session.execute(statement)
        return bool(getattr(outcome, "rowcount", 0) == 1)
