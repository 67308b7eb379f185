"""The event hub: numbering, persistence, throttling, slow consumers, expiry."""

from __future__ import annotations

import asyncio

import pytest

from stoat_ferret.db import Database
from stoat_ferret.events import EventHub, EventRepository

pytestmark = pytest.mark.both_databases


def progress(job_id: str, value: float) -> dict[str, object]:
    return {"job_id": job_id, "progress": value, "finished_at": None}


async def test_ids_increase_and_survive_restart(database: Database) -> None:
    hub = EventHub(EventRepository(database.sessions, writer=database.writer))
    await hub.start()
    hub.publish("video.added", {"id": "a"})
    hub.publish("video.added", {"id": "b"})
    await hub.stop()
    again = EventHub(EventRepository(database.sessions, writer=database.writer))
    await again.start()
    again.publish("video.added", {"id": "c"})
    replayed = await again.replay(0)
    await again.stop()
    assert replayed is not None
    assert [e.event_id for e in replayed] == [1, 2, 3]
    assert [e.payload["id"] for e in replayed] == ["a", "b", "c"]


async def test_progress_is_throttled_but_last_value_kept() -> None:
    hub = EventHub(progress_interval_s=0.1)
    with hub.subscribe() as subscription:
        for n in range(1, 101):
            hub.publish("job.progress", progress("j", n / 100))
        await asyncio.sleep(0.25)
        received = []
        while (event := await subscription.get(0.01)) is not None:
            received.append(event)
    values = [e.payload["progress"] for e in received]
    assert values[0] == 0.01
    assert values[-1] == 1.0
    assert len(values) <= 3


async def test_state_change_flushes_pending_progress_first() -> None:
    hub = EventHub(progress_interval_s=10)
    with hub.subscribe() as subscription:
        hub.publish("job.progress", progress("j", 0.1))
        hub.publish("job.progress", progress("j", 0.9))
        hub.publish("job.completed", {"job_id": "j", "finished_at": "now", "progress": 1.0})
        kinds = []
        while (event := await subscription.get(0.01)) is not None:
            kinds.append((event.type, event.payload["progress"]))
    assert kinds == [("job.progress", 0.1), ("job.progress", 0.9), ("job.completed", 1.0)]


async def test_slow_subscriber_overflows_without_blocking_others() -> None:
    hub = EventHub(subscriber_queue_size=5)
    slow = hub.subscribe()
    fast = hub.subscribe()
    received = 0
    for n in range(20):
        hub.publish("video.added", {"id": n})
        while await fast.get(0) is not None:
            received += 1
    assert received == 20
    assert slow.overflowed is True
    replay = await hub.replay(0)
    assert replay is not None and len(replay) == 20  # the slow one catches up from the log
    slow.close()
    fast.close()


async def test_expired_cursor_returns_none(database: Database) -> None:
    hub = EventHub(EventRepository(database.sessions, writer=database.writer), retention=100)
    await hub.start()
    for n in range(250):
        hub.publish("video.added", {"id": n})
    await hub.flush()
    await EventRepository(database.sessions).prune(hub.last_event_id - 100)
    await hub.stop()
    restarted = EventHub(EventRepository(database.sessions, writer=database.writer), retention=100)
    await restarted.start()
    assert await restarted.replay(10) is None
    recent = await restarted.replay(200)
    assert recent is not None and [e.event_id for e in recent] == list(range(201, 251))
    assert await restarted.replay(9999) is None
    await restarted.stop()
