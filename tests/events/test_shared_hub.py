"""The shared event hub: events of every process reach every process, in id order."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable

import pytest

from stoat_ferret.db import Database
from stoat_ferret.events.models import Event
from stoat_ferret.events.notify import make_notifier
from stoat_ferret.events.shared_hub import NumberingEventRepository, SharedEventHub
from stoat_ferret.settings import Settings
from tests.support.redis import RedisServer

HubFactory = Callable[[], SharedEventHub]


@pytest.fixture(params=["redis", "postgres", "postgres-database"])
async def make_hub(
    request: pytest.FixtureRequest, settings: Settings
) -> AsyncIterator[Callable[[], asyncio.Future[SharedEventHub]]]:
    """Hubs as separate processes have them: each its own engine on the one file."""
    if request.param == "redis":
        url = request.getfixturevalue("redis_server").url
    else:
        url = request.getfixturevalue("postgres_server").url("postgres", driver="")
    if request.param == "postgres-database":  # the events table on PostgreSQL too
        settings = Settings(
            data_dir=settings.data_dir, database_url=request.getfixturevalue("postgres_url")
        )
    namespace = f"t{uuid.uuid4().hex[:10]}"
    made: list[tuple[SharedEventHub, Database]] = []

    async def factory() -> SharedEventHub:
        database = Database.from_settings(settings)
        await database.migrate()
        hub = SharedEventHub(
            NumberingEventRepository(database.sessions),
            make_notifier(url, namespace),
            poll_s=30.0,  # so a test passes only if the notification wakes the reader
        )
        await hub.start()
        made.append((hub, database))
        return hub

    yield factory  # type: ignore[misc]
    for hub, database in made:
        await hub.stop()
        await database.dispose()


async def collect(subscription: object, count: int, limit_s: float = 5.0) -> list[Event]:
    received: list[Event] = []
    async with asyncio.timeout(limit_s):
        while len(received) < count:
            event = await subscription.get(1.0)  # type: ignore[attr-defined]
            if event is not None:
                received.append(event)
    return received


async def test_every_hub_sees_every_process_events_in_one_id_order(make_hub: HubFactory) -> None:
    api_a, api_b, worker = await make_hub(), await make_hub(), await make_hub()  # type: ignore[misc]
    with api_a.subscribe() as seen_a, api_b.subscribe() as seen_b:
        for n in range(30):
            (worker if n % 3 else api_a).publish("video.added", {"n": n})
            if n % 7 == 0:
                await asyncio.sleep(0.06)  # several write batches, from both writers
        got_a = await collect(seen_a, 30)
        got_b = await collect(seen_b, 30)
    ids = [e.event_id for e in got_a]
    assert ids == sorted(ids) and len(set(ids)) == 30  # strictly increasing
    assert [(e.event_id, e.payload) for e in got_b] == [(e.event_id, e.payload) for e in got_a]
    # Each writer's own events keep their order.
    from_worker = [e.payload["n"] for e in got_a if e.payload["n"] % 3]
    assert from_worker == sorted(from_worker)
    assert {e.payload["n"] for e in got_a} == set(range(30))


async def test_a_hub_started_later_replays_from_the_table(make_hub: HubFactory) -> None:
    worker = await make_hub()  # type: ignore[misc]
    for n in range(5):
        worker.publish("video.added", {"n": n})
    await worker.flush()
    late = await make_hub()  # type: ignore[misc]
    replayed = await late.replay(0)
    assert replayed is not None
    assert [e.payload["n"] for e in replayed] == [0, 1, 2, 3, 4]
    assert late.last_event_id == replayed[-1].event_id


async def test_progress_throttle_still_keeps_the_last_value(make_hub: HubFactory) -> None:
    worker, api = await make_hub(), await make_hub()  # type: ignore[misc]
    with api.subscribe() as seen:
        for n in range(1, 51):
            worker.publish("job.progress", {"job_id": "j", "progress": n / 50, "finished_at": None})
        worker.publish("job.completed", {"job_id": "j", "progress": 1.0, "finished_at": "x"})
        received: list[Event] = []
        async with asyncio.timeout(5):
            while not received or received[-1].type != "job.completed":
                event = await seen.get(1.0)
                if event is not None:
                    received.append(event)
    values = [e.payload["progress"] for e in received if e.type == "job.progress"]
    assert values[-1] == 1.0 and len(values) < 50
    assert values == sorted(values)


def test_redis_server_fixture_is_real(redis_server: RedisServer) -> None:
    import redis

    client = redis.Redis.from_url(redis_server.url)
    try:
        assert client.ping() is True
        assert client.config_get("save")["save"] == ""
    finally:
        client.close()
