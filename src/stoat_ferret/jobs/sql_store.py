"""Job records in the SQLite database, so jobs survive a restart.

Every write that processes sharing the table could race on is one statement with
its condition in the ``WHERE`` (the claim, the fenced update, the lease renewal,
a cancel request), so the database, not a read-then-write, decides who wins.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Collection
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from stoat_ferret.db.sqlite_writer import Refused, SqliteWriter
from stoat_ferret.db.storage import SpaceReserve, storage_error
from stoat_ferret.errors import StorageFullError
from stoat_ferret.jobs.group_commit import GroupCommit
from stoat_ferret.jobs.models import JobRecord, JobRow, JobStatus
from stoat_ferret.jobs.store import LeaseLostError, LeaseState, SeqTakenError

_UNFINISHED = (JobStatus.PENDING.value, JobStatus.RUNNING.value)

_MUTABLE_FIELDS = (
    "status",
    "progress",
    "progress_detail",
    "result",
    "error",
    "cancel_requested",
    "attempts",
    "started_at",
    "finished_at",
    "owner",
    "lease_expires_at",
)


_JOBS = cast(Table, JobRow.__table__)
_C = _JOBS.c

# The hot writes (submit, start, finish) are Core statements built once: no ORM unit of
# work, no identity map, and SQLAlchemy's compiled cache hits on every call. Each runs
# on one pooled connection in one transaction (docs/performance.md, "job store writes").
_INSERT = insert(_JOBS)
_SET_FIELDS = tuple(name for name in _MUTABLE_FIELDS if name != "cancel_requested")
_UPDATE = (
    update(_JOBS)
    .where(_C.id == bindparam("b_id"))
    .values(
        {name: bindparam(f"b_{name}", type_=_C[name].type) for name in _SET_FIELDS}
        # Never clear the flag: a server may have set it on this process's job.
        | {"cancel_requested": or_(_C.cancel_requested, bindparam("b_cancel_requested"))}
    )
    # RETURNING: the stored flag, in the same statement (a cancel asked elsewhere).
    .returning(_C.cancel_requested)
)
_UPDATE_HELD = _UPDATE.where(_C.owner == bindparam("b_holder"))
_EXISTS = select(_C.id).where(_C.id == bindparam("b_id"))


def _to_record(row: JobRow) -> JobRecord:
    return JobRecord(
        job_id=row.id,
        job_type=row.job_type,
        payload=row.payload,
        seq=row.seq,
        created_at=row.created_at,
        status=JobStatus(row.status),
        progress=row.progress,
        progress_detail=row.progress_detail,
        result=row.result,
        error=row.error,
        cancel_requested=row.cancel_requested,
        attempts=row.attempts,
        started_at=row.started_at,
        finished_at=row.finished_at,
        owner=row.owner,
        lease_expires_at=row.lease_expires_at,
    )


class SqlJobStore:
    """Each call is its own short transaction: no session is held across awaits of work.

    With a ``reserve`` (see :class:`~stoat_ferret.db.storage.SpaceReserve`), the write
    of a job's terminal state survives a full disk: the reserve is given up and the
    write tried once more, so a job failed by the full disk is recorded as failed and
    is neither run again after a restart nor left holding its scan folder.

    With a ``writer`` (SQLite: ``Database.writer``), inserts and updates go through its
    thread and plain ``sqlite3`` connection, a whole batch in one call
    (``db/sqlite_writer.py``); without one (PostgreSQL), through the engine's
    :class:`GroupCommit`. Both share transactions between jobs, with the same guarantees.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        reserve: SpaceReserve | None = None,
        writer: SqliteWriter | None = None,
    ) -> None:
        self._sessions = sessions
        bind = sessions.kw.get("bind")
        if not isinstance(bind, AsyncEngine):
            raise TypeError("SqlJobStore needs a session factory bound to an AsyncEngine")
        #: Submits and state changes of all jobs share transactions: one of the two.
        self.writes: GroupCommit | SqliteWriter = GroupCommit(bind) if writer is None else writer
        self._fast = None if writer is None else _SqliteWrites(writer)
        self._reserve = reserve

    async def insert(self, record: JobRecord) -> None:
        if self._reserve is not None and self._reserve.released:
            # Take the space back for the next emergency once the disk has room again.
            await asyncio.to_thread(self._reserve.fill)
        try:
            if self._fast is not None:
                await self._fast.insert(record)
            else:
                assert isinstance(self.writes, GroupCommit)
                await self.writes.execute(_INSERT, _insert_params(record))
        except IntegrityError as exc:
            # The unique index on seq: another process on this table submitted first.
            raise SeqTakenError(record.seq) from exc

    async def update(self, record: JobRecord, *, holder: str | None = None) -> bool:
        try:
            return await self._update(record, holder)
        except Exception as exc:
            if not (
                record.status.is_terminal
                and self._reserve is not None
                and isinstance(storage_error(exc), StorageFullError)
                # Blocking file removal: keep it off the event loop.
                and await asyncio.to_thread(self._reserve.release)
            ):
                raise
            cancel_requested = await self._update(record, holder)
            # Take back what the write left free, for the next job that ends on this disk.
            await asyncio.to_thread(self._reserve.fill)
            return cancel_requested

    async def _update(self, record: JobRecord, holder: str | None) -> bool:
        if self._fast is not None:
            return await self._fast.update(record, holder)
        assert isinstance(self.writes, GroupCommit)
        params = _update_params(record, holder)
        query = _UPDATE if holder is None else _UPDATE_HELD

        async def statement(connection: AsyncConnection) -> bool:
            cancel_requested = (await connection.execute(query, params)).scalar_one_or_none()
            if cancel_requested is None:
                # Refused: tell a vanished job from one another owner holds now.
                if (await connection.execute(_EXISTS, {"b_id": record.job_id})).first() is None:
                    raise Refused(KeyError(record.job_id))
                raise Refused(LeaseLostError(record.job_id, holder))
            return bool(cancel_requested)

        result: bool = await self.writes.run(statement)
        return result

    async def claim(self, record: JobRecord, *, seen: JobRecord) -> bool:
        query = (
            update(JobRow)
            .where(
                JobRow.id == record.job_id,
                JobRow.status == seen.status.value,
                JobRow.owner.is_not_distinct_from(seen.owner),
                JobRow.lease_expires_at.is_not_distinct_from(seen.lease_expires_at),
            )
            .values(owner=record.owner, lease_expires_at=record.lease_expires_at)
            .execution_options(synchronize_session=False)
        )
        async with self._sessions.begin() as session:
            claimed = await session.execute(query)
            return bool(claimed.rowcount == 1)  # type: ignore[attr-defined]

    async def renew(
        self, holder: str, job_ids: Collection[str], lease_expires_at: datetime | None
    ) -> dict[str, LeaseState]:
        ids = list(job_ids)
        if not ids:
            return {}
        extend = (
            update(JobRow)
            .where(JobRow.id.in_(ids), JobRow.owner == holder, JobRow.status.in_(_UNFINISHED))
            .values(lease_expires_at=lease_expires_at)
            .execution_options(synchronize_session=False)
        )
        read = select(JobRow.id, JobRow.owner, JobRow.cancel_requested).where(JobRow.id.in_(ids))
        async with self._sessions.begin() as session:
            if lease_expires_at is not None:
                await session.execute(extend)
            rows = (await session.execute(read)).all()
        return {job_id: LeaseState(owner, bool(cancel)) for job_id, owner, cancel in rows}

    async def request_cancel(self, job_id: str) -> JobRecord | None:
        query = (
            update(JobRow)
            .where(JobRow.id == job_id, JobRow.status.in_(_UNFINISHED))
            .values(cancel_requested=True)
            .execution_options(synchronize_session=False)
        )
        async with self._sessions.begin() as session:
            if (await session.execute(query)).rowcount == 0:  # type: ignore[attr-defined]
                return None
            row = await session.get(JobRow, job_id)
            return None if row is None else _to_record(row)

    async def get(self, job_id: str) -> JobRecord | None:
        async with self._sessions() as session:
            row = await session.get(JobRow, job_id)
            return None if row is None else _to_record(row)

    async def list_records(
        self, status: JobStatus | None, job_type: str | None, limit: int
    ) -> list[JobRecord]:
        query = select(JobRow).order_by(JobRow.seq.desc()).limit(limit)
        if status is not None:
            query = query.where(JobRow.status == status.value)
        if job_type is not None:
            query = query.where(JobRow.job_type == job_type)
        async with self._sessions() as session:
            return [_to_record(row) for row in (await session.scalars(query)).all()]

    async def unfinished(self) -> list[JobRecord]:
        query = select(JobRow).where(JobRow.status.in_(_UNFINISHED)).order_by(JobRow.seq)
        async with self._sessions() as session:
            return [_to_record(row) for row in (await session.scalars(query)).all()]

    async def max_seq(self) -> int:
        async with self._sessions() as session:
            value = await session.scalar(select(func.max(JobRow.seq)))
            return int(value or 0)

    async def counts(self) -> dict[tuple[str, JobStatus], int]:
        query = select(JobRow.job_type, JobRow.status, func.count()).group_by(
            JobRow.job_type, JobRow.status
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return {(job_type, JobStatus(status)): count for job_type, status, count in rows}


class _SqliteWrites:
    """The hot writes on a :class:`SqliteWriter`: the statements above, compiled once."""

    def __init__(self, writer: SqliteWriter) -> None:
        self._writer = writer
        self._insert = writer.prepare(_INSERT)
        self._update = writer.prepare(_UPDATE)
        self._update_held = writer.prepare(_UPDATE_HELD)
        self._exists = writer.prepare(_EXISTS)

    async def insert(self, record: JobRecord) -> None:
        await self._writer.execute(self._insert, _insert_params(record))

    async def update(self, record: JobRecord, holder: str | None) -> bool:
        prepared = self._update if holder is None else self._update_held

        def statement(connection: sqlite3.Connection) -> bool:
            # On the writer thread, inside the batch's transaction.
            params = _update_params(record, holder)
            stored = connection.execute(prepared.sql, prepared.bind(params)).fetchall()
            if not stored:
                # Refused: tell a vanished job from one another owner holds now.
                exists = self._exists
                found = connection.execute(exists.sql, exists.bind({"b_id": record.job_id}))
                if found.fetchone() is None:
                    raise Refused(KeyError(record.job_id))
                raise Refused(LeaseLostError(record.job_id, holder))
            return bool(stored[0][0])

        result: bool = await self._writer.run(statement)
        return result


def _update_params(record: JobRecord, holder: str | None) -> dict[str, Any]:
    params = {f"b_{name}": _column_value(record, name) for name in _MUTABLE_FIELDS}
    params["b_id"] = record.job_id
    if holder is not None:
        params["b_holder"] = holder
    return params


def _insert_params(record: JobRecord) -> dict[str, Any]:
    params = {name: _column_value(record, name) for name in _MUTABLE_FIELDS}
    params.update(
        id=record.job_id,
        job_type=record.job_type,
        payload=record.payload,
        seq=record.seq,
        created_at=record.created_at,
    )
    return params


def _column_value(record: JobRecord, name: str) -> Any:
    value = getattr(record, name)
    return value.value if isinstance(value, JobStatus) else value
