"""``WS /ws``: the live event stream, with replay from ``?since=<event_id>``."""

from __future__ import annotations

import asyncio
import contextlib

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from stoat_ferret.api.auth import (
    WS_UNAUTHORIZED,
    WS_UNAUTHORIZED_REASON,
    presented_token,
    token_matches,
)
from stoat_ferret.api.deps import Services
from stoat_ferret.clock import utcnow
from stoat_ferret.errors import capped
from stoat_ferret.events import Event, EventHub, Subscription
from stoat_ferret.events.types import EventType, Heartbeat, Resync

router = APIRouter(tags=["events"])


def _heartbeat(hub: EventHub) -> dict[str, object]:
    """A connection-level message: not numbered, not persisted."""
    payload = Heartbeat(last_event_id=hub.last_event_id).model_dump(mode="json")
    return Event(None, EventType.HEARTBEAT, payload, utcnow()).to_dict()


def _resync(hub: EventHub, reason: str) -> dict[str, object]:
    """Like ``_heartbeat``: the client must refetch, then go on from ``last_event_id``."""
    payload = Resync(last_event_id=hub.last_event_id, reason=reason).model_dump(mode="json")
    return Event(None, EventType.RESYNC, payload, utcnow()).to_dict()


def _parse_cursor(raw: str | None) -> int | str | None:
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        return f"malformed cursor {capped(raw)}"
    return value if value >= 0 else f"malformed cursor {capped(raw)}"


async def _catch_up(websocket: WebSocket, hub: EventHub, cursor: int) -> int:
    """Send what happened after ``cursor``; returns the new cursor."""
    missed = await hub.replay(cursor)
    if missed is None:
        await websocket.send_json(_resync(hub, f"cursor {cursor} expired"))
        return hub.last_event_id
    for event in missed:
        await websocket.send_json(event.to_dict())
    return missed[-1].event_id if missed else cursor  # type: ignore[return-value]


async def _stream(websocket: WebSocket, services: Services, subscription: Subscription) -> None:
    hub = services.hub
    cursor = _parse_cursor(websocket.query_params.get("since"))
    if isinstance(cursor, str):
        await websocket.send_json(_resync(hub, cursor))
        last_sent = hub.last_event_id
    elif cursor is None:
        last_sent = hub.last_event_id
    else:
        last_sent = await _catch_up(websocket, hub, cursor)
    while True:
        if subscription.overflowed:
            # This client fell behind: read what it missed from the log, then go live.
            subscription.reset()
            last_sent = await _catch_up(websocket, hub, last_sent)
        event = await subscription.get(services.heartbeat_interval_s)
        if event is None:
            await websocket.send_json(_heartbeat(hub))
        elif event.event_id is not None and event.event_id > last_sent:
            await websocket.send_json(event.to_dict())
            last_sent = event.event_id


@router.websocket("/ws")
async def events(websocket: WebSocket) -> None:
    services: Services = websocket.app.state.services
    # TokenAuthMiddleware refused a bad token already; checked here too so the route
    # is closed on its own (as ``require_token`` does for /api).
    if not token_matches(services.settings.api_token, presented_token(websocket.scope)):
        await websocket.close(code=WS_UNAUTHORIZED, reason=WS_UNAUTHORIZED_REASON)
        return
    await websocket.accept()
    # Subscribe before replaying so nothing published in between is lost.
    with services.hub.subscribe() as subscription:
        sender = asyncio.create_task(_stream(websocket, services, subscription))
        # Clients send nothing we need, but reading is how a disconnect is noticed
        # at once rather than at the next heartbeat (which would also stall shutdown).
        watcher = asyncio.create_task(_until_disconnected(websocket))
        try:
            await asyncio.wait({sender, watcher}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sender, watcher):
                task.cancel()
            await asyncio.gather(sender, watcher, return_exceptions=True)


async def _until_disconnected(websocket: WebSocket) -> None:
    with contextlib.suppress(WebSocketDisconnect):
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
