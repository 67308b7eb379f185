"""
SAQ's known pitfalls, each with a test on real Redis or PostgreSQL and real processes.

- its defaults (timeout 10 s, heartbeat off, one retry) are replaced for every job;
- heartbeats are sent while a handler runs, so a live job is never swept;
- a job swept from a dead worker runs again at most once;
- the one-active-job-per-``group_key`` dequeue does not starve other jobs;
- a cancel of a job whose worker died is finished by the sweep.
"""

from __future__ import annotations

import asyncio
import signal
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from saq.job import Job

from stoat_ferret.db import Database
from stoat_ferret.jobs import JobContext, JobStatus
from stoat_ferret.jobs.saq_options import DELIVERY_RETRIES, QueueOptions, saq_url
from stoat_ferret.jobs.saq_queue import SaqJobQueue
from stoat_ferret.settings import Settings
from tests.support.handlers import register_test_handlers
from tests.support.redis import RedisServer
from tests.support.scaleout import shared_env, worker_process

QueueMaker = Callable[..., SaqJobQueue]


@pytest.fixture
async def make_saq(database: Database, redis_server: RedisServer) -> AsyncIterator[QueueMaker]:
    made: list[SaqJobQueue] = []

    def factory(url: str = redis_server.url, **options: Any) -> SaqJobQueue:
        options.setdefault("namespace", f"t{uuid.uuid4().hex[:10]}")
        options.setdefault("cancel_grace_s", 0.5)
        queue = SaqJobQueue(database.sessions, url, **options)
        register_test_handlers(queue)
        made.append(queue)
        return queue

    yield factory
    for queue in made:
        await queue.stop()


async def saq_job(queue: SaqJobQueue, job: str, job_type: str = "marked") -> Job:
    found = await (await queue._queue(job_type)).job(job)
    assert found is not None
    return found


async def runs(folder: Path, count: int, limit_s: float = 120) -> list[Path]:
    """The handler's run marker files, once there are ``count`` of them."""
    async with asyncio.timeout(limit_s):
        while True:
            files = await asyncio.to_thread(lambda: sorted(folder.glob("run-*")))
            if len(files) >= count:
                return files
            await asyncio.sleep(0.05)


async def a_held_job(
    make_saq: QueueMaker, settings: Settings, redis_server: RedisServer, folder: Path
) -> tuple[dict[str, str], SaqJobQueue, str]:
    """A deployment's env, an API-side queue (no worker) and a submitted 60 s job."""
    env = shared_env(settings.data_dir, redis_server.url)
    api = make_saq(run_jobs=False, namespace=env["STOAT_QUEUE_NAME"])
    job_id = await api.submit("marked", {"folder": str(folder), "hold_s": 60})
    return env, api, job_id


async def kill_a_worker_mid_job(env: dict[str, str], folder: Path, run: int) -> None:
    """Start a worker process, let it start run ``run`` of the job, then SIGKILL it."""
    with worker_process(env) as worker:
        await runs(folder, run)
        worker.send_signal(signal.SIGKILL)
        await asyncio.to_thread(worker.wait)


def test_saq_defaults_are_replaced_for_every_job() -> None:
    options = QueueOptions(timeout_s=3600, cancel_grace_s=10, heartbeat_s=15)
    saq_fields = options.job_options("scan", "abc")
    assert saq_fields["timeout"] > 3600  # our limit first; SAQ's is only a backstop
    assert saq_fields["heartbeat"] == 15  # SAQ: 0, a dead worker never noticed
    assert saq_fields["retries"] == DELIVERY_RETRIES > 2  # SAQ: 1, a swept job dropped
    assert saq_fields["group_key"] == "abc" == saq_fields["key"]
    per_type = QueueOptions(timeout_s=60, job_timeouts=(("render", 7200.0),))
    assert per_type.job_options("render", "r")["timeout"] > 7200
    assert per_type.job_options("scan", "s")["timeout"] < 7200
    assert saq_url("postgresql+asyncpg://u@h:5/db") == "postgresql://u@h:5/db"
    assert saq_url("postgres://h/db") == "postgresql://h/db"
    assert saq_url("redis://h:6379/0") == "redis://h:6379/0"


async def test_the_enqueued_saq_job_carries_our_options(make_saq: QueueMaker) -> None:
    queue = make_saq(timeout_s=120, heartbeat_s=4)
    job_id = await queue.submit("echo", {})
    stored = await saq_job(queue, job_id, "echo")
    assert (stored.timeout, stored.heartbeat, stored.retries) == (
        QueueOptions(120, 0.5, 4).job_options("echo", job_id)["timeout"],
        4,
        DELIVERY_RETRIES,
    )
    assert stored.kwargs == {"job_id": job_id} and stored.group_key == job_id


async def test_heartbeats_are_sent_while_a_handler_runs(
    make_saq: QueueMaker, tmp_path: Path
) -> None:
    # A heartbeat limit of 1 s and a sweep every second: without heartbeats the
    # sweep would take the job from its (live) worker and run it again.
    queue = make_saq(heartbeat_s=1, sweep_interval_s=1)
    await queue.start()
    job_id = await queue.submit("marked", {"folder": str(tmp_path / "m"), "hold_s": 4})
    await runs(tmp_path / "m", 1)
    touched = []
    leases = []
    for _ in range(8):
        touched.append((await saq_job(queue, job_id)).touched)
        row = await queue._store.get(job_id)
        assert row is not None and row.owner == queue.owner.token
        leases.append(row.lease_expires_at)
        await asyncio.sleep(0.45)
    result = await queue.wait(job_id, timeout=15)
    assert result.status is JobStatus.COMPLETE and result.result == {"run": 1}
    assert len(set(touched)) >= 4  # touched over and over while it ran
    # The same heartbeat renews our lease of the job (the lease is the SAQ heartbeat).
    assert len(set(leases)) >= 4 and leases == sorted(leases)
    assert len(await runs(tmp_path / "m", 1)) == 1  # never swept, never run again


async def test_a_job_swept_from_a_dead_worker_runs_again_at_most_once(
    make_saq: QueueMaker, settings: Settings, redis_server: RedisServer, tmp_path: Path
) -> None:
    folder = tmp_path / "runs"
    env, api, job_id = await a_held_job(make_saq, settings, redis_server, folder)
    for n in (1, 2):  # two workers in turn, each killed mid-job
        await kill_a_worker_mid_job(env, folder, n)
        assert (await api.get_result(job_id)).status is JobStatus.RUNNING
    # A third worker's sweep finds it once more: it has died with its worker twice.
    third = make_saq(namespace=env["STOAT_QUEUE_NAME"], heartbeat_s=1, sweep_interval_s=1)
    await third.start()
    result = await api.wait(job_id, timeout=120)
    assert result.status is JobStatus.FAILED, result
    assert result.error is not None and "2 times" in result.error
    assert len(await runs(folder, 2)) == 2  # the handler ran twice, never a third time


async def test_a_cancel_of_a_job_whose_worker_died_is_finished_by_the_sweep(
    make_saq: QueueMaker, settings: Settings, redis_server: RedisServer, tmp_path: Path
) -> None:
    folder = tmp_path / "runs"
    env, api, job_id = await a_held_job(make_saq, settings, redis_server, folder)
    await kill_a_worker_mid_job(env, folder, 1)
    requested = await api.cancel(job_id)
    assert requested.status is JobStatus.RUNNING and requested.cancel_requested
    survivor = make_saq(namespace=env["STOAT_QUEUE_NAME"], heartbeat_s=1, sweep_interval_s=1)
    await survivor.start()
    result = await api.wait(job_id, timeout=120)
    assert result.status is JobStatus.CANCELLED, result
    assert len(await runs(folder, 1)) == 1  # ended by the sweep, not run again


async def test_grouped_dequeue_does_not_starve_other_jobs_on_postgres(
    make_saq: QueueMaker, postgres_server: Any
) -> None:
    # SAQ's PostgreSQL dequeue skips jobs whose group key is NULL while any grouped
    # job is active; every job of ours has its own key, so a long job blocks nothing.
    queue = make_saq(postgres_server.url("postgres", driver=""), workers=2)
    gate = asyncio.Event()

    async def long_job(ctx: JobContext, payload: dict[str, Any]) -> str:
        await gate.wait()
        return "long"

    queue.register_handler("long", long_job)
    await queue.start()
    first = await queue.submit("long", {})
    async with asyncio.timeout(10):
        while await queue.get_status(first) is not JobStatus.RUNNING:
            await asyncio.sleep(0.02)
    second = await queue.submit("echo", {"n": 2})
    assert (await queue.wait(second, timeout=10)).status is JobStatus.COMPLETE
    assert await queue.get_status(first) is JobStatus.RUNNING
    gate.set()
    assert (await queue.wait(first, timeout=10)).status is JobStatus.COMPLETE
