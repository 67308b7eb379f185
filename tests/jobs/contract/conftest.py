"""The ``make_queue`` fixture, parametrized over every queue implementation."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from stoat_ferret.db import Database
from stoat_ferret.jobs import AsyncioJobQueue, InMemoryJobQueue
from stoat_ferret.jobs.engine import QueueEngine

QueueFactory = Callable[..., QueueEngine]


@pytest.fixture(params=["memory", "asyncio"])
async def make_queue(
    request: pytest.FixtureRequest, database: Database
) -> AsyncIterator[QueueFactory]:
    made: list[QueueEngine] = []

    def factory(**options: float) -> QueueEngine:
        options.setdefault("cancel_grace_s", 0.3)
        queue: QueueEngine
        if request.param == "memory":
            queue = InMemoryJobQueue(**options)  # type: ignore[arg-type]
        else:
            queue = AsyncioJobQueue(database.sessions, **options)  # type: ignore[arg-type]
        made.append(queue)
        return queue

    yield factory
    for queue in made:
        await queue.stop()
