"""The ``make_queue`` fixture, parametrized over every queue implementation.

All queues one test makes share one job table (the memory queues one
``MemoryJobStore``, the durable queues one SQLite file), so a test with two queues
runs them as two processes on one data dir; ``job_table`` reads that table directly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from stoat_ferret.db import Database
from stoat_ferret.jobs import AsyncioJobQueue, InMemoryJobQueue
from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.sql_store import SqlJobStore
from stoat_ferret.jobs.store import JobStore, MemoryJobStore

QueueFactory = Callable[..., QueueEngine]


@pytest.fixture(params=["memory", "asyncio"])
def job_table(request: pytest.FixtureRequest, database: Database) -> JobStore:
    """The one job table every queue of the test uses, for direct reads and writes."""
    return MemoryJobStore() if request.param == "memory" else SqlJobStore(database.sessions)


@pytest.fixture
async def make_queue(job_table: JobStore, database: Database) -> AsyncIterator[QueueFactory]:
    made: list[QueueEngine] = []

    def factory(**options: float) -> QueueEngine:
        options.setdefault("cancel_grace_s", 0.3)
        queue: QueueEngine
        if isinstance(job_table, MemoryJobStore):
            queue = InMemoryJobQueue(store=job_table, **options)  # type: ignore[arg-type]
        else:
            queue = AsyncioJobQueue(database.sessions, **options)  # type: ignore[arg-type]
        made.append(queue)
        return queue

    yield factory
    for queue in made:
        await queue.stop()
