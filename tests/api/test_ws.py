"""``WS /ws`` over a real socket: live events, replay, resync, heartbeat."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets

from stoat_ferret.jobs import AsyncioJobQueue


async def receive_until(ws: Any, predicate: Any, limit_s: float = 10.0) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    async with asyncio.timeout(limit_s):
        while True:
            event = json.loads(await ws.recv())
            seen.append(event)
            if predicate(event):
                return seen


def ws_url(live_url: str, query: str = "") -> str:
    return live_url.replace("http://", "ws://") + "/ws" + query


def terminal(event: dict[str, Any]) -> bool:
    return event["type"] in {"job.completed", "job.cancelled", "job.failed", "job.timeout"}


async def test_live_job_events_in_order(live_url: str, queue: AsyncioJobQueue) -> None:
    async with websockets.connect(ws_url(live_url)) as ws:
        job_id = await queue.submit("steps", {"total": 30, "step_s": 0.01})
        events = await receive_until(ws, terminal)
    job_events = [e for e in events if e["type"] != "heartbeat"]
    kinds = [e["type"] for e in job_events]
    assert kinds[:2] == ["job.created", "job.started"]
    assert kinds[-1] == "job.completed"
    assert "job.progress" in kinds
    ids = [e["event_id"] for e in job_events]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(e["payload"]["job_id"] == job_id for e in job_events)
    # The last progress before completion carries the last reported value.
    progress = [e["payload"]["progress"] for e in job_events if e["type"] == "job.progress"]
    assert progress == sorted(progress)
    assert progress[-1] == 29 / 30
    assert len(progress) < 30  # throttled


async def test_reconnect_with_since_replays_missed_events(
    live_url: str, queue: AsyncioJobQueue
) -> None:
    async with websockets.connect(ws_url(live_url)) as ws:
        first = await queue.submit("echo", {"n": 1})
        seen = await receive_until(ws, terminal)
    cursor = seen[-1]["event_id"]
    second = await queue.submit("echo", {"n": 2})
    await queue.wait(second, 5)
    async with websockets.connect(ws_url(live_url, f"?since={cursor}")) as ws:
        replayed = await receive_until(ws, terminal)
    assert [e["type"] for e in replayed] == ["job.created", "job.started", "job.completed"]
    assert {e["payload"]["job_id"] for e in replayed} == {second}
    assert replayed[0]["event_id"] == cursor + 1
    assert first != second


async def test_malformed_since_gets_resync(live_url: str) -> None:
    async with websockets.connect(ws_url(live_url, "?since=yesterday")) as ws:
        event = json.loads(await ws.recv())
    assert event["type"] == "resync"
    assert event["event_id"] is None
    assert "yesterday" in event["payload"]["reason"]


async def test_future_cursor_gets_resync(live_url: str) -> None:
    async with websockets.connect(ws_url(live_url, "?since=999999")) as ws:
        event = json.loads(await ws.recv())
    assert event["type"] == "resync"


async def test_heartbeat_when_idle(live_url: str) -> None:
    async with websockets.connect(ws_url(live_url)) as ws:
        async with asyncio.timeout(5):
            event = json.loads(await ws.recv())
    assert event["type"] == "heartbeat"
    assert event["event_id"] is None
    assert "last_event_id" in event["payload"]
