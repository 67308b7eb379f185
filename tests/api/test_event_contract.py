"""The event contract: one model per ``EventType``, published in the OpenAPI schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
import websockets
from fastapi import FastAPI

from stoat_ferret.api.events import EVENT_PAYLOADS, JobEvent, validate_event
from stoat_ferret.api.schemas import GenericJob
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import AsyncioJobQueue
from tests.api.test_ws import receive_until, terminal, ws_url


def test_every_event_type_has_a_payload_model() -> None:
    assert set(EVENT_PAYLOADS) == set(EventType)


def test_the_published_schema_contains_every_event_type(app: FastAPI) -> None:
    components = app.openapi()["components"]["schemas"]
    mapping = components["Event"]["discriminator"]["mapping"]
    assert set(mapping) == {event_type.value for event_type in EventType}
    for target in mapping.values():
        name = target.rsplit("/", 1)[-1]
        assert components[name]["properties"]["payload"], name


def test_an_unknown_type_or_a_wrong_payload_is_refused() -> None:
    base: dict[str, Any] = {"event_id": 3, "timestamp": "2026-01-01T00:00:00+00:00"}
    with pytest.raises(ValueError, match="type"):
        validate_event({**base, "type": "video.renamed", "payload": {}})
    with pytest.raises(ValueError, match="file_deleted"):
        validate_event({**base, "type": "video.deleted", "payload": {"id": "a", "path": "/x"}})


async def test_job_events_heartbeats_and_resyncs_on_the_wire_validate(
    live_url: str, queue: AsyncioJobQueue
) -> None:
    async with websockets.connect(ws_url(live_url, "?since=not-a-cursor")) as ws:
        resync = json.loads(await ws.recv())
        await queue.submit("steps", {"total": 5, "step_s": 0.01})
        events = await receive_until(ws, terminal)
        beat = await receive_until(ws, lambda event: event["type"] == EventType.HEARTBEAT)
    assert validate_event(resync).root.type is EventType.RESYNC
    assert validate_event(beat[-1]).root.type is EventType.HEARTBEAT
    jobs = [validate_event(event).root for event in events if event["type"] != "heartbeat"]
    assert {event.type for event in jobs} >= {EventType.JOB_CREATED, EventType.JOB_COMPLETED}
    for event in jobs:
        assert isinstance(event, JobEvent)
        # "steps" has no typed schema: the generic job keeps its free-form detail.
        assert isinstance(event.payload.root, GenericJob)
