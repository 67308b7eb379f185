"""The jobs routes through the in-process ASGI client."""

from __future__ import annotations

import httpx
import pytest

from stoat_ferret.jobs import AsyncioJobQueue, JobStatus


async def submit(queue: AsyncioJobQueue, job_type: str, **payload: object) -> str:
    return await queue.submit(job_type, dict(payload))


async def test_get_job_returns_every_field(
    client: httpx.AsyncClient, queue: AsyncioJobQueue
) -> None:
    job_id = await submit(queue, "echo", value=1)
    await queue.wait(job_id, 5)
    response = await client.get(f"/api/v1/jobs/{job_id}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "job_id", "job_type", "status", "progress", "progress_detail", "result", "error",
        "cancel_requested", "created_at", "started_at", "finished_at", "payload",
    }  # fmt: skip
    assert body["status"] == "complete"
    assert body["result"] == {"value": 1}
    assert body["progress"] == 1.0


async def test_list_jobs_newest_first_with_filters(
    client: httpx.AsyncClient, queue: AsyncioJobQueue
) -> None:
    first = await submit(queue, "echo")
    second = await submit(queue, "fail", message="nope")
    for job_id in (first, second):
        await queue.wait(job_id, 5)
    listed = (await client.get("/api/v1/jobs")).json()["jobs"]
    assert [job["job_id"] for job in listed] == [second, first]
    failed = (await client.get("/api/v1/jobs", params={"status": "failed"})).json()["jobs"]
    assert [(job["job_id"], job["error"]) for job in failed] == [(second, "nope")]
    echoes = (await client.get("/api/v1/jobs", params={"job_type": "echo"})).json()["jobs"]
    assert [job["job_id"] for job in echoes] == [first]
    limited = (await client.get("/api/v1/jobs", params={"limit": 1})).json()["jobs"]
    assert len(limited) == 1


async def test_wait_returns_terminal_state(
    client: httpx.AsyncClient, queue: AsyncioJobQueue
) -> None:
    job_id = await submit(queue, "steps", total=5, step_s=0.01)
    response = await client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 10})
    assert response.status_code == 200
    assert response.json()["status"] == "complete"


async def test_wait_times_out_with_current_state(
    client: httpx.AsyncClient, queue: AsyncioJobQueue
) -> None:
    job_id = await submit(queue, "steps", total=1000, step_s=0.05)
    response = await client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 0.2})
    assert response.status_code == 200
    assert response.json()["status"] in {"pending", "running"}
    await queue.cancel(job_id)


async def test_cancel_running_job_is_202_then_cancelled(
    client: httpx.AsyncClient, queue: AsyncioJobQueue
) -> None:
    job_id = await submit(queue, "steps", total=1000, step_s=0.01)
    await client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 0.1})
    response = await client.post(f"/api/v1/jobs/{job_id}/cancel")
    assert response.status_code == 202
    assert response.json()["cancel_requested"] is True
    final = (await client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 5})).json()
    assert final["status"] == "cancelled"
    assert final["result"]["processed"] >= 0


async def test_cancel_terminal_job_is_409(
    client: httpx.AsyncClient, queue: AsyncioJobQueue
) -> None:
    job_id = await submit(queue, "echo")
    await queue.wait(job_id, 5)
    response = await client.post(f"/api/v1/jobs/{job_id}/cancel")
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert detail["code"] == "ALREADY_TERMINAL"
    assert job_id in detail["message"] and "complete" in detail["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/jobs/nope"),
        ("GET", "/api/v1/jobs/nope/wait"),
        ("POST", "/api/v1/jobs/nope/cancel"),
    ],
)
async def test_unknown_job_is_404(client: httpx.AsyncClient, method: str, path: str) -> None:
    response = await client.request(method, path)
    assert response.status_code == 404
    assert response.json()["detail"]["code"] == "NOT_FOUND"
    assert "nope" in response.json()["detail"]["message"]


@pytest.mark.parametrize("value", ["-1", "10000", "soon"])
async def test_wait_rejects_bad_timeout(client: httpx.AsyncClient, value: str) -> None:
    response = await client.get("/api/v1/jobs/any/wait", params={"timeout": value})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["code"] == "VALIDATION_ERROR"
    assert "timeout" in detail["message"]


async def test_bad_status_filter_lists_valid_values(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/jobs", params={"status": "bogus"})
    assert response.status_code == 422
    message = response.json()["detail"]["message"]
    assert "status" in message
    for status in JobStatus:
        assert status.value in message


@pytest.mark.parametrize("limit", ["0", "1000"])
async def test_bad_limit_is_422(client: httpx.AsyncClient, limit: str) -> None:
    response = await client.get("/api/v1/jobs", params={"limit": limit})
    assert response.status_code == 422
    assert "limit" in response.json()["detail"]["message"]


async def test_unknown_route_uses_error_shape(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["detail"]["code"] == "NOT_FOUND"
    assert "/api/v1/nothing-here" in response.json()["detail"]["message"]


async def test_root_redirects_to_gui(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code in {307, 302}
    assert response.headers["location"] == "/gui/"
