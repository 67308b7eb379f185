"""The unit of work: one session, one transaction, and the events it produced.

A change that spans several steps (an edit, its history entry and its event) commits
or rolls back as one. Events produced inside the unit are held back and handed to the
event sink only after the commit, so no client ever hears of a change that was rolled
back; a rollback drops them. See ``docs/design/03-wiring.md``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from stoat_ferret.events.callback import EventCallback


def discard_events(_event_type: str, _payload: dict[str, Any]) -> None:
    """An ``EventCallback`` for a process with nobody listening (the CLI)."""


class UnitOfWork:
    """What a request or a job step works in: ``session`` and its pending events."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._events: list[tuple[str, dict[str, Any]]] = []

    def emit(self, event_type: str, payload: dict[str, Any]) -> None:
        """Publish ``event_type`` once (and only if) this unit of work commits."""
        self._events.append((event_type, payload))

    def _publish(self, sink: EventCallback) -> None:
        events, self._events = self._events, []
        for event_type, payload in events:
            sink(event_type, payload)


@asynccontextmanager
async def unit_of_work(
    sessions: async_sessionmaker[AsyncSession], publish: EventCallback = discard_events
) -> AsyncIterator[UnitOfWork]:
    """Open a session and a transaction; commit on success, then publish the events.

    An exception inside the block rolls the transaction back, drops the pending
    events and propagates. A failing commit propagates the same way.
    """
    async with sessions() as session:
        work = UnitOfWork(session)
        async with session.begin():
            yield work
    work._publish(publish)


UnitOfWorkFactory = Callable[[], AbstractAsyncContextManager[UnitOfWork]]
"""Opens a unit of work (``Core.unit_of_work``): what a job step is given."""
