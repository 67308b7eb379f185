"""The event hub: numbers, persists, throttles and fans out events.

Publishing is synchronous and never waits on a subscriber: each subscriber has a
bounded queue, and one that falls behind is marked ``overflowed`` and catches up
from the persisted log instead of slowing the server or other clients.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

import structlog

from stoat_ferret.clock import utcnow
from stoat_ferret.db.storage import storage_error
from stoat_ferret.events.models import Event
from stoat_ferret.events.repository import EventRepository
from stoat_ferret.events.types import EventType

log = structlog.get_logger("stoat_ferret.events")

PROGRESS_EVENT = EventType.JOB_PROGRESS


class Subscription:
    """One consumer's view of the live stream."""

    def __init__(self, hub: EventHub, max_queue: int) -> None:
        self._hub = hub
        self._queue: asyncio.Queue[Event] = asyncio.Queue(max_queue)
        #: Set when the consumer fell behind; it must replay from its last event id.
        self.overflowed = False

    def offer(self, event: Event) -> None:
        if self.overflowed:
            return
        try:
            self._queue.put_nowait(event)
        except asyncio.QueueFull:
            self.overflowed = True
            while not self._queue.empty():
                self._queue.get_nowait()

    def reset(self) -> None:
        """Resume live delivery after the consumer has replayed what it missed."""
        self.overflowed = False

    async def get(self, timeout_s: float) -> Event | None:
        """Next live event, or None after ``timeout_s`` of silence (time for a heartbeat)."""
        try:
            async with asyncio.timeout(timeout_s):
                return await self._queue.get()
        except TimeoutError:
            return None

    def close(self) -> None:
        self._hub.unsubscribe(self)

    def __enter__(self) -> Subscription:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@dataclass
class _ProgressThrottle:
    last_sent: float
    pending: dict[str, Any] | None = None
    timer: asyncio.TimerHandle | None = None


class EventHub:
    def __init__(
        self,
        repository: EventRepository | None = None,
        *,
        retention: int = 10_000,
        progress_interval_s: float = 0.1,
        flush_interval_s: float = 0.05,
        subscriber_queue_size: int = 1_000,
    ) -> None:
        self._repository = repository
        self._retention = retention
        self._progress_interval_s = progress_interval_s
        self._flush_interval_s = flush_interval_s
        self._subscriber_queue_size = subscriber_queue_size
        self._subscribers: set[Subscription] = set()
        self._recent: deque[Event] = deque(maxlen=retention)
        self._unwritten: list[Event] = []
        self._throttles: dict[str, _ProgressThrottle] = {}
        self._last_id = 0
        self._writer: asyncio.Task[None] | None = None
        self._write_lock = asyncio.Lock()

    @property
    def last_event_id(self) -> int:
        return self._last_id

    async def start(self) -> None:
        if self._repository is not None:
            _, high = await self._repository.bounds()
            self._last_id = max(self._last_id, high or 0)
            self._writer = asyncio.create_task(self._write_loop(), name="stoat-event-writer")

    async def stop(self) -> None:
        for job_id in list(self._throttles):
            self._release_progress(job_id)
        if self._writer is not None:
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer
            self._writer = None
        try:
            await self.flush()
        except Exception as exc:
            # A full disk must not turn an orderly shutdown into a crash.
            _log_write_failure(exc)

    def publish(self, event_type: str, payload: dict[str, Any]) -> None:
        """Queue listener entry point; progress is throttled per job, the last never dropped."""
        job_id = payload.get("job_id") if event_type.startswith("job.") else None
        if event_type == PROGRESS_EVENT and isinstance(job_id, str):
            self._publish_progress(job_id, payload)
            return
        if isinstance(job_id, str):
            self._release_progress(job_id)  # keep order: progress before the state change
            if payload.get("finished_at") is not None:
                self._throttles.pop(job_id, None)
        self._emit(event_type, payload)

    def subscribe(self) -> Subscription:
        subscription = Subscription(self, self._subscriber_queue_size)
        self._subscribers.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscribers.discard(subscription)

    async def replay(self, since: int, limit: int = 10_000) -> list[Event] | None:
        """Events after ``since``, or None when that cursor is unknown or expired."""
        if since > self._last_id or since < 0:
            return None
        if since == self._last_id:
            return []
        if self._recent and since >= self._recent[0].event_id - 1:  # type: ignore[operator]
            return [e for e in self._recent if e.event_id > since][:limit]  # type: ignore[operator]
        if self._repository is None:
            return None
        await self.flush()
        low, _ = await self._repository.bounds()
        if low is None or since < low - 1:
            return None
        return await self._repository.after(since, limit)

    async def flush(self) -> None:
        """Write buffered events to the database (one transaction for the batch)."""
        if self._repository is None:
            self._unwritten.clear()
            return
        async with self._write_lock:
            batch, self._unwritten = self._unwritten, []
            if batch:
                # Shielded: stopping the writer must not cut a transaction in half.
                await asyncio.shield(self._repository.add_many(batch))

    # -- internals ----------------------------------------------------------------

    def _emit(self, event_type: str, payload: dict[str, Any]) -> Event:
        self._last_id += 1
        event = Event(self._last_id, event_type, payload, utcnow())
        self._recent.append(event)
        self._unwritten.append(event)
        for subscription in list(self._subscribers):
            subscription.offer(event)
        return event

    def _publish_progress(self, job_id: str, payload: dict[str, Any]) -> None:
        now = time.monotonic()
        throttle = self._throttles.get(job_id)
        if throttle is None:
            self._throttles[job_id] = _ProgressThrottle(last_sent=now)
            self._emit(PROGRESS_EVENT, payload)
            return
        throttle.pending = payload
        if throttle.timer is None:
            delay = max(0.0, throttle.last_sent + self._progress_interval_s - now)
            throttle.timer = asyncio.get_running_loop().call_later(
                delay, self._release_progress, job_id
            )

    def _release_progress(self, job_id: str) -> None:
        throttle = self._throttles.get(job_id)
        if throttle is None:
            return
        if throttle.timer is not None:
            throttle.timer.cancel()
            throttle.timer = None
        if throttle.pending is not None:
            payload, throttle.pending = throttle.pending, None
            throttle.last_sent = time.monotonic()
            self._emit(PROGRESS_EVENT, payload)

    async def _write_loop(self) -> None:
        assert self._repository is not None
        flushes = 0
        while True:
            await asyncio.sleep(self._flush_interval_s)
            try:
                await self.flush()
                flushes += 1
                if flushes % 200 == 0 and self._last_id > self._retention:
                    await self._repository.prune(self._last_id - self._retention)
            except Exception as exc:  # pragma: no cover - keep streaming even if a write fails
                _log_write_failure(exc)


def _log_write_failure(exc: Exception) -> None:
    if (storage := storage_error(exc)) is not None:
        # Expected on a full disk, twice a second: one line, not a traceback.
        log.warning("events.write_failed", error=storage.message)
    else:
        log.exception("events.write_failed")
