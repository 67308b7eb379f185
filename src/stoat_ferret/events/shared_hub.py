"""
``SharedEventHub``: one event stream for every process of a scale-out deployment.

With the distributed queue, events are published by whichever process does the
work (a worker's job progress, an API server's job creation or cancel request), and
every API server's ``/ws`` must show all of them, each in ``event_id`` order. So the
database numbers events, not the process: a hub writes what it publishes in batches
(the ids are given by the table, one writer at a time), tells the other processes
over the broker (``notify.py``), and *every* hub, the writer's too, delivers to its
clients only what it reads back from the table, in id order, from its last id on.
``?since=`` replay and the progress throttle work exactly as in one process.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import structlog
from sqlalchemy import func, insert, null, select, text

from stoat_ferret.clock import utcnow
from stoat_ferret.events.hub import EventHub
from stoat_ferret.events.models import Event, EventRow
from stoat_ferret.events.notify import EventNotifier
from stoat_ferret.events.repository import EventRepository

log = structlog.get_logger("stoat_ferret.events")

__all__ = ["NumberingEventRepository", "SharedEventHub"]

_EVENTS_LOCK = 0x570A7E  # the advisory lock serialising event writers on PostgreSQL


class NumberingEventRepository(EventRepository):
    """Stores events under ids the table gives, so that id order is commit order."""

    async def add_numbered(self, events: list[Event]) -> int:
        """Store ``events`` with the next ids; returns the newest id in the table."""
        async with self._sessions.begin() as session:
            rows: list[dict[str, Any]] = [
                {"type": e.type, "payload": e.payload, "timestamp": e.timestamp} for e in events
            ]
            if session.get_bind().dialect.name == "postgresql":
                # One writer at a time, so no reader can see id N+1 before id N.
                await session.execute(text(f"SELECT pg_advisory_xact_lock({_EVENTS_LOCK})"))
                high = int(await session.scalar(select(func.max(EventRow.event_id))) or 0)
                for offset, row in enumerate(rows, start=1):
                    row["event_id"] = high + offset
            # On SQLite a NULL INTEGER PRIMARY KEY becomes the next rowid, given under
            # the database's single write lock: the same guarantee.
            if rows and "event_id" in rows[0]:
                await session.execute(insert(EventRow), rows)
            elif rows:
                await session.execute(insert(EventRow).values(event_id=null()), rows)
            return int(await session.scalar(select(func.max(EventRow.event_id))) or 0)


class SharedEventHub(EventHub):
    def __init__(
        self,
        repository: NumberingEventRepository,
        notifier: EventNotifier,
        *,
        retention: int = 10_000,
        progress_interval_s: float = 0.1,
        flush_interval_s: float = 0.05,
        poll_s: float = 1.0,
        subscriber_queue_size: int = 1_000,
    ) -> None:
        super().__init__(
            repository,
            retention=retention,
            progress_interval_s=progress_interval_s,
            flush_interval_s=flush_interval_s,
            subscriber_queue_size=subscriber_queue_size,
        )
        self._numbering = repository
        self._notifier = notifier
        self._poll_s = poll_s
        self._read_lock = asyncio.Lock()
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._notifier.start()
        await super().start()  # _last_id: the newest stored event; the writer loop
        self._reader = asyncio.create_task(self._read_loop(), name="stoat-event-reader")

    async def stop(self) -> None:
        await super().stop()  # flushes what is still buffered
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
            self._reader = None
        await self._notifier.stop()

    async def flush(self) -> None:
        async with self._write_lock:
            batch, self._unwritten = self._unwritten, []
            if not batch:
                return
            newest = await asyncio.shield(self._numbering.add_numbered(batch))
        try:
            await self._notifier.publish(newest)
        except Exception as exc:  # the others find it at their next poll
            log.warning("events.notify_failed", error=str(exc))
        await self.catch_up()

    async def catch_up(self) -> None:
        """Deliver, in id order, every stored event after the last one delivered here."""
        async with self._read_lock:
            while True:
                events = await self._numbering.after(self._last_id, 500)
                for event in events:
                    self._recent.append(event)
                    self._last_id = event.event_id or self._last_id
                    for subscription in list(self._subscribers):
                        subscription.offer(event)
                if len(events) < 500:
                    return

    def _emit(self, event_type: str, payload: dict[str, Any]) -> Event:
        # Numbered when stored; delivered (here too) once read back from the table.
        event = Event(None, event_type, payload, utcnow())
        self._unwritten.append(event)
        return event

    async def _read_loop(self) -> None:
        while True:
            await self._notifier.wait(self._poll_s)
            try:
                await self.catch_up()
            except Exception as exc:  # pragma: no cover - a database hiccup: retry next
                log.warning("events.read_failed", error=str(exc))
