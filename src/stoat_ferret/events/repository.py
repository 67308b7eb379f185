"""Persisted events, so a reconnecting client can replay what it missed."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from stoat_ferret.db.dialects import insert_for
from stoat_ferret.db.sqlite_writer import SqliteWriter
from stoat_ferret.events.models import Event, EventRow


class EventRepository:
    """The event log. With a ``writer`` (SQLite), batches are written on its thread.

    They then share transactions with the job rows written meanwhile (the job store
    uses the same writer), instead of a session and transaction of their own.
    """

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], *, writer: SqliteWriter | None = None
    ) -> None:
        self._sessions = sessions
        self._writer = writer
        self._insert = (
            None if writer is None
            else writer.prepare(sqlite.insert(EventRow).on_conflict_do_nothing())
        )  # fmt: skip

    async def add_many(self, events: list[Event]) -> None:
        if not events:
            return
        rows = [
            {"event_id": e.event_id, "type": e.type, "payload": e.payload, "timestamp": e.timestamp}
            for e in events
        ]
        if self._writer is not None and self._insert is not None:
            # A replayed id after a crash must not abort the batch (ON CONFLICT DO NOTHING).
            await self._writer.execute(self._insert, *rows)
            return
        async with self._sessions.begin() as session:
            # A replayed id after a crash must not abort the batch.
            await session.execute(insert_for(session, EventRow).on_conflict_do_nothing(), rows)

    async def after(self, event_id: int, limit: int) -> list[Event]:
        query = (
            select(EventRow).where(EventRow.event_id > event_id).order_by(EventRow.event_id)
        ).limit(limit)
        async with self._sessions() as session:
            rows = (await session.scalars(query)).all()
        return [Event(r.event_id, r.type, r.payload, r.timestamp) for r in rows]

    async def bounds(self) -> tuple[int | None, int | None]:
        async with self._sessions() as session:
            low, high = (
                await session.execute(
                    select(func.min(EventRow.event_id), func.max(EventRow.event_id))
                )
            ).one()
        return low, high

    async def prune(self, keep_after: int) -> None:
        async with self._sessions.begin() as session:
            await session.execute(delete(EventRow).where(EventRow.event_id <= keep_after))
