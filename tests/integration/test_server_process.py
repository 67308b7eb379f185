"""The backbone over real HTTP, in a real server process: events, cancel, crash recovery."""

from __future__ import annotations

import asyncio
import json
import signal
import time
from pathlib import Path
from typing import Any

import httpx
import websockets

from tests.support.processes import free_port, server_argv, server_process


async def next_event(ws: Any, kind: str, limit_s: float = 15) -> dict[str, Any]:
    async with asyncio.timeout(limit_s):
        while True:
            event = json.loads(await ws.recv())
            if event["type"] == kind:
                return event


async def test_submit_watch_cancel_over_real_http(tmp_path: Path) -> None:
    port = free_port()
    with server_process(server_argv(tmp_path, port), port) as (url, _):
        async with (
            httpx.AsyncClient(base_url=url) as client,
            websockets.connect(url.replace("http", "ws") + "/ws") as ws,
        ):
            response = await client.post("/test/jobs/steps", json={"total": 2000, "step_s": 0.01})
            job_id = response.json()["job_id"]
            started = await next_event(ws, "job.started")
            assert started["payload"]["job_id"] == job_id
            progress = await next_event(ws, "job.progress")
            assert 0 <= progress["payload"]["progress"] < 1
            cancel = await client.post(f"/api/v1/jobs/{job_id}/cancel")
            assert cancel.status_code == 202
            assert cancel.json()["cancel_requested"] is True
            cancelled = await next_event(ws, "job.cancelled")
            assert cancelled["payload"]["job_id"] == job_id
            assert cancelled["event_id"] > progress["event_id"] > started["event_id"]
            final = (await client.get(f"/api/v1/jobs/{job_id}")).json()
            assert final["status"] == "cancelled"
            assert final["result"]["processed"] < 2000
            again = await client.post(f"/api/v1/jobs/{job_id}/cancel")
            assert again.status_code == 409


def test_sigkill_with_a_running_job_then_restart_completes_it(tmp_path: Path) -> None:
    port = free_port()
    argv = server_argv(tmp_path, port)
    # The restarted server takes the job over once the dead one's lease has run out.
    lease = {"STOAT_JOB_LEASE": "2"}
    with server_process(argv, port, env=lease) as (url, process):
        job_id = httpx.post(f"{url}/test/jobs/steps", json={"total": 40, "step_s": 0.05}).json()[
            "job_id"
        ]
        for _ in range(200):
            job = httpx.get(f"{url}/api/v1/jobs/{job_id}").json()
            if job["status"] == "running" and (job["progress"] or 0) > 0:
                break
            time.sleep(0.02)
        assert job["status"] == "running"
        process.send_signal(signal.SIGKILL)
        process.wait()
    with server_process(argv, port, env=lease) as (url, _):
        final = httpx.get(f"{url}/api/v1/jobs/{job_id}/wait", params={"timeout": 30}, timeout=40)
        body = final.json()
        assert body["status"] == "complete", body
        assert body["result"] == {"processed": 40, "total": 40}
