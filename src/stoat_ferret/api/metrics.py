"""Prometheus metrics, one registry per app so several apps (tests) never collide."""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import CollectorRegistry, Gauge, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stoat_ferret.jobs import AsyncJobQueue, JobStatus


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.http_latency = Histogram(
            "stoat_http_request_duration_seconds",
            "HTTP request latency by route template.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.jobs = Gauge(
            "stoat_jobs", "Jobs by type and status.", ["job_type", "status"], registry=self.registry
        )
        self.queue_depth = Gauge(
            "stoat_job_queue_depth", "Jobs waiting for a worker.", registry=self.registry
        )
        self.jobs_running = Gauge("stoat_jobs_running", "Jobs running now.", registry=self.registry)
        self.job_duration = Histogram(
            "stoat_job_duration_seconds",
            "Wall time from job start to its terminal state.",
            ["job_type", "status"],
            buckets=(0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, float("inf")),
            registry=self.registry,
        )

    def observe_job_event(self, event_type: str, payload: dict[str, Any]) -> None:
        """Queue listener: records durations when a job reaches a terminal state."""
        started, finished = payload.get("started_at"), payload.get("finished_at")
        if not (event_type.startswith("job.") and started and finished):
            return
        from datetime import datetime

        seconds = (
            datetime.fromisoformat(finished) - datetime.fromisoformat(started)
        ).total_seconds()
        self.job_duration.labels(payload["job_type"], payload["status"]).observe(max(0.0, seconds))

    async def render(self, queue: AsyncJobQueue) -> bytes:
        counts = await queue.count_jobs()
        self.jobs.clear()
        for (job_type, status), count in counts.items():
            self.jobs.labels(job_type, status.value).set(count)
        self.queue_depth.set(sum(c for (_, s), c in counts.items() if s is JobStatus.PENDING))
        self.jobs_running.set(sum(c for (_, s), c in counts.items() if s is JobStatus.RUNNING))
        return generate_latest(self.registry)


class HttpMetricsMiddleware:
    """Pure ASGI (not BaseHTTPMiddleware) so streaming and WebSockets pass through untouched."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            # path_format: the template without convertors ("{video_id}", not
            # "{video_id:video_id}").
            template = getattr(route, "path_format", None) or "unmatched"
            self.metrics.http_latency.labels(scope["method"], template, str(status)).observe(
                time.perf_counter() - started
            )
