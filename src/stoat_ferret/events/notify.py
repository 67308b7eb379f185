"""
Wake-ups between processes: "events up to id N are in the table", over the broker.

The persisted events table is the source of truth; a notification carries only the
newest id, so a lost or late one costs latency, never an event (each hub also
re-reads the table every ``poll_s``). Redis pub/sub when the queue is on Redis,
PostgreSQL ``LISTEN/NOTIFY`` when it is on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, Protocol

import redis.asyncio as aioredis
import structlog

log = structlog.get_logger("stoat_ferret.events")

__all__ = ["EventNotifier", "PostgresNotifier", "RedisNotifier", "make_notifier"]


class EventNotifier(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, event_id: int) -> None:
        """Tell every process that events up to ``event_id`` are stored."""

    async def wait(self, timeout_s: float) -> None:
        """Return at the next notification from any process, or after ``timeout_s``."""


class RedisNotifier:
    def __init__(self, url: str, channel: str) -> None:
        self._client: Any = aioredis.from_url(url)
        self._channel = channel
        self._pubsub: Any = None

    async def start(self) -> None:
        self._pubsub = self._client.pubsub(ignore_subscribe_messages=True)
        await self._pubsub.subscribe(self._channel)

    async def stop(self) -> None:
        if self._pubsub is not None:
            with contextlib.suppress(Exception):
                await self._pubsub.aclose()
        await self._client.aclose()

    async def publish(self, event_id: int) -> None:
        await self._client.publish(self._channel, str(event_id))

    async def wait(self, timeout_s: float) -> None:
        try:
            await self._pubsub.get_message(timeout=timeout_s)
        except Exception as exc:
            # A dropped connection: redis-py reconnects on the next call; the caller
            # re-reads the table meanwhile, so nothing is missed.
            log.warning("events.notify_failed", error=str(exc))
            await asyncio.sleep(timeout_s)


class PostgresNotifier:
    def __init__(self, url: str, channel: str) -> None:
        self._url = url
        self._channel = channel
        self._listener: Any = None
        self._sender: Any = None
        self._woken = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        import psycopg  # only with a PostgreSQL broker

        self._sender = await psycopg.AsyncConnection.connect(self._url, autocommit=True)
        self._listener = await psycopg.AsyncConnection.connect(self._url, autocommit=True)
        await self._listener.execute(f'LISTEN "{self._channel}"')
        self._task = asyncio.create_task(self._listen(), name="stoat-pg-listen")

    async def _listen(self) -> None:
        async for _ in self._listener.notifies():
            self._woken.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        for connection in (self._listener, self._sender):
            if connection is not None:
                with contextlib.suppress(Exception):
                    await connection.close()

    async def publish(self, event_id: int) -> None:
        await self._sender.execute("SELECT pg_notify(%s, %s)", (self._channel, str(event_id)))

    async def wait(self, timeout_s: float) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout_s):
                await self._woken.wait()
        self._woken.clear()


def make_notifier(queue_url: str, namespace: str) -> EventNotifier:
    """The notifier on the queue's broker (``queue_url`` as SAQ takes it)."""
    channel = f"{namespace}.events"
    if queue_url.startswith("redis"):
        return RedisNotifier(queue_url, channel)
    return PostgresNotifier(queue_url, channel)
