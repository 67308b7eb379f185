"""The ``AsyncJobQueue`` protocol every queue backend implements.

One contract suite (``tests/jobs/contract``) runs against every implementation, so
the in-memory double and the durable queue are interchangeable for callers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from stoat_ferret.events.callback import EventCallback
from stoat_ferret.jobs.context import JobContext
from stoat_ferret.jobs.models import JobResult, JobStatus

JobHandler = Callable[[JobContext, dict[str, Any]], Awaitable[Any]]


class AsyncJobQueue(Protocol):
    def register_handler(self, job_type: str, handler: JobHandler) -> None: ...

    def has_handler(self, job_type: str) -> bool: ...

    def add_event_listener(self, listener: EventCallback) -> None:
        """Call ``listener(event_type, payload)`` for every job and handler event."""

    async def submit(self, job_type: str, payload: dict[str, Any]) -> str: ...

    async def get_status(self, job_id: str) -> JobStatus: ...

    async def get_result(self, job_id: str) -> JobResult: ...

    async def set_progress(
        self, job_id: str, value: float, detail: dict[str, Any] | None = None
    ) -> None: ...

    async def cancel(self, job_id: str) -> JobResult: ...

    async def list_jobs(
        self,
        status: JobStatus | None = None,
        job_type: str | None = None,
        limit: int = 50,
    ) -> list[JobResult]: ...

    async def count_jobs(self) -> dict[tuple[str, JobStatus], int]:
        """Jobs grouped by (type, status), for metrics and the dashboard."""

    async def wait(self, job_id: str, timeout: float) -> JobResult: ...  # noqa: ASYNC109 - spec

    async def start(self) -> None: ...

    async def stop(self) -> None: ...
