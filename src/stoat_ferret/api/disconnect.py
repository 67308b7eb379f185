"""
Stop a request's work when its client goes away.

Starlette does not cancel an endpoint whose client disconnected (only a streaming
response notices), so an ffmpeg run for a preview nobody will see would go on to its
timeout. :func:`unless_disconnected` runs the work as a task and polls
``request.is_disconnected()`` beside it; on a disconnect the task is cancelled, which
kills and reaps ffmpeg (``ffmpeg/_process.py``), and :class:`ClientDisconnected` is
raised for the route to end the request.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from starlette.requests import Request

__all__ = ["CLIENT_CLOSED_REQUEST", "ClientDisconnected", "unless_disconnected"]

T = TypeVar("T")

CLIENT_CLOSED_REQUEST = 499
"""The status logged for a request whose client left (nginx's convention); nobody reads it."""

_POLL_S = 0.1


class ClientDisconnected(Exception):
    """The client closed the connection before the answer was ready; the work was cancelled."""


async def unless_disconnected(
    request: Request, work: Coroutine[Any, Any, T], *, poll_s: float = _POLL_S
) -> T:
    """
    ``await work``, cancelling it as soon as the client disconnects.

    Raises:
        ClientDisconnected: the client left; ``work`` has been cancelled and awaited.
    """
    task = asyncio.ensure_future(work)
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=poll_s)
            if done:
                return task.result()
            if await request.is_disconnected():
                raise ClientDisconnected
    finally:
        # Also when this coroutine itself is cancelled (server shutdown): the work
        # must not outlive the request. Awaited, so ffmpeg is reaped before we return.
        if not task.done():
            task.cancel()
            await asyncio.wait({task})
