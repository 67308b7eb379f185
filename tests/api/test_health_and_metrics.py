"""Health checks and Prometheus metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.jobs import AsyncioJobQueue
from stoat_ferret.settings import Settings


async def test_live(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_with_database_and_ffmpeg(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["ffmpeg"]["ok"] is True


async def ready_with(settings: Settings, database: Database) -> AsyncIterator[httpx.Response]:
    app = create_app(settings, database=database, configure_logs=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        yield await client.get("/health/ready")


async def test_ready_degraded_without_ffprobe(settings: Settings, database: Database) -> None:
    broken = settings.model_copy(update={"ffprobe_path": "/nonexistent/ffprobe"})
    async for response in ready_with(broken, database):
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "degraded"
        assert body["checks"]["ffmpeg"]["ok"] is False
        assert "ffprobe" in body["checks"]["ffmpeg"]["detail"]
        assert body["checks"]["database"]["ok"] is True


async def test_metrics_report_jobs_and_http(
    client: httpx.AsyncClient, queue: AsyncioJobQueue
) -> None:
    job_id = await queue.submit("echo", {})
    await queue.wait(job_id, 5)
    await client.get("/health/live")
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'stoat_jobs{job_type="echo",status="complete"} 1.0' in text
    assert "stoat_job_queue_depth 0.0" in text
    assert 'stoat_job_duration_seconds_count{job_type="echo",status="complete"} 1.0' in text
    live = 'method="GET",route="/health/live",status="200"'
    assert f"stoat_http_request_duration_seconds_count{{{live}}} 1.0" in text
