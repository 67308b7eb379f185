"""Persisted events, so a reconnecting client can replay what it missed."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from stoat_ferret.db.dialects import insert_for
from stoat_ferret.events.models import Event, EventRow


class EventRepository:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add_many(self, events: list[Event]) -> None:
        if not events:
            return
        rows = [
            {"event_id": e.event_id, "type": e.type, "payload": e.payload, "timestamp": e.timestamp}
            for e in events
        ]
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
