"""The ``make_queue`` fixture, parametrized over every queue implementation.

``saq-redis`` and ``saq-postgres`` run SAQ on a real server started by the test
session (``tests/support/redis.py``, ``tests/support/postgres.py``); our job table
stays in the test's SQLite file, as an API server's would be on either broker.

All queues one test makes share one job table (the memory queues one
``MemoryJobStore``, the durable and SAQ queues one SQLite file), so a test with two
queues runs them as two processes on one data dir; ``job_table`` reads that table
directly.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable

import pytest

from stoat_ferret.db import Database
from stoat_ferret.jobs import AsyncioJobQueue, InMemoryJobQueue
from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.saq_queue import SaqJobQueue
from stoat_ferret.jobs.sql_store import SqlJobStore
from stoat_ferret.jobs.store import JobStore, MemoryJobStore

QueueFactory = Callable[..., QueueEngine]


def broker_url(request: pytest.FixtureRequest, kind: str) -> str:
    """The URL of the session's real Redis or PostgreSQL for a SAQ queue."""
    if kind == "saq-redis":
        return str(request.getfixturevalue("redis_server").url)
    server = request.getfixturevalue("postgres_server")
    return str(server.url("postgres", driver=""))


@pytest.fixture(params=["memory", "asyncio", "saq-redis", "saq-postgres"])
def queue_kind(request: pytest.FixtureRequest) -> str:
    """Which implementation the test's queues are (a module may narrow the list)."""
    return str(request.param)


@pytest.fixture
def job_table(queue_kind: str, database: Database) -> JobStore:
    """The one job table every queue of the test uses, for direct reads and writes."""
    if queue_kind == "memory":
        return MemoryJobStore()
    return SqlJobStore(database.sessions, writer=database.writer)


@pytest.fixture
async def make_queue(
    request: pytest.FixtureRequest, queue_kind: str, job_table: JobStore, database: Database
) -> AsyncIterator[QueueFactory]:
    made: list[QueueEngine] = []
    kind = queue_kind
    url = broker_url(request, kind) if kind.startswith("saq") else ""

    def factory(**options: float) -> QueueEngine:
        options.setdefault("cancel_grace_s", 0.3)
        queue: QueueEngine
        if isinstance(job_table, MemoryJobStore):
            queue = InMemoryJobQueue(store=job_table, **options)  # type: ignore[arg-type]
        elif kind == "asyncio":
            queue = AsyncioJobQueue(database.sessions, writer=database.writer, **options)  # type: ignore[arg-type]
        else:
            # A fresh namespace: no test sees another's SAQ jobs on the shared server.
            queue = SaqJobQueue(
                database.sessions,
                url,
                namespace=f"t{uuid.uuid4().hex[:10]}",
                **options,  # type: ignore[arg-type]
            )
        made.append(queue)
        return queue

    yield factory
    for queue in made:
        await queue.stop()
