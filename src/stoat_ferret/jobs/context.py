"""What a job handler sees of the queue: its id, progress, cancellation and events."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import structlog

from stoat_ferret.events.callback import EventCallback


class JobCancelledError(Exception):
    """Raised by a handler (usually via ``raise_if_cancelled``) to end ``cancelled``.

    ``partial_result`` is stored as the job's result, so work done before the
    cancel stays visible (a scan's partial counts, for example).
    """

    def __init__(self, partial_result: Any = None) -> None:
        super().__init__("job cancelled")
        self.partial_result = partial_result


ProgressSetter = Callable[[float, dict[str, Any] | None], Awaitable[None]]


class JobContext:
    """Passed to every handler: ``async def handler(ctx: JobContext, payload) -> Any``."""

    def __init__(
        self,
        *,
        job_id: str,
        job_type: str,
        set_progress: ProgressSetter,
        emit: EventCallback,
        cancel_event: asyncio.Event,
        attempt: int = 1,
    ) -> None:
        self.job_id = job_id
        #: 1 on the first run; more when the job runs again after its process died, so
        #: a handler can look for what its earlier run left (a fan-out scan's children).
        self.attempt = attempt
        self.job_type = job_type
        self._set_progress = set_progress
        self._emit = emit
        self._cancel_event = cancel_event
        #: Set by the handler as it goes; kept as the result if the job ends cancelled.
        self.partial_result: Any = None
        self.log = structlog.get_logger("stoat_ferret.job").bind(job_id=job_id, job_type=job_type)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_event.is_set()

    def raise_if_cancelled(self, partial_result: Any = None) -> None:
        """Raise ``JobCancelledError`` if a cancel was requested; call between units of work."""
        if self._cancel_event.is_set():
            if partial_result is not None:
                self.partial_result = partial_result
            raise JobCancelledError(self.partial_result)

    async def wait_cancel_requested(self) -> None:
        """Return once a cancel is requested; lets a handler race work against cancel."""
        await self._cancel_event.wait()

    async def set_progress(self, value: float, detail: dict[str, Any] | None = None) -> None:
        """Report progress 0..1 (clamped, never backwards) and an optional detail object."""
        await self._set_progress(value, detail)

    def emit(self, event_type: str, payload: dict[str, Any]) -> None:
        """Publish a domain event (e.g. ``video.added``) on the same stream as job events."""
        self._emit(event_type, payload)
