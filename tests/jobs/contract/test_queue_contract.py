"""The ``AsyncJobQueue`` contract: every implementation must pass every test here."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest

from stoat_ferret.errors import JobAlreadyTerminalError, JobNotFoundError, UnknownJobTypeError
from stoat_ferret.jobs import AsyncJobQueue, JobCancelledError, JobContext, JobStatus
from tests.support.protocols import signature_mismatches

from .conftest import QueueFactory


async def echo(ctx: JobContext, payload: dict[str, Any]) -> Any:
    return {"echo": payload}


async def fail(ctx: JobContext, payload: dict[str, Any]) -> Any:
    raise RuntimeError("disk on fire")


async def sleep_forever(ctx: JobContext, payload: dict[str, Any]) -> Any:
    await asyncio.sleep(3600)


async def cooperative(ctx: JobContext, payload: dict[str, Any]) -> Any:
    done = 0
    while True:
        ctx.raise_if_cancelled({"done": done})
        done += 1
        await ctx.set_progress(min(done / 1000, 0.9), {"processed": done})
        await asyncio.sleep(0.01)


async def started(queue: AsyncJobQueue, job_id: str, limit_s: float = 5.0) -> None:
    async with asyncio.timeout(limit_s):
        while await queue.get_status(job_id) is not JobStatus.RUNNING:
            await asyncio.sleep(0.005)


async def test_implements_protocol(make_queue: QueueFactory) -> None:
    # Member by member: isinstance on a runtime Protocol only checks that the names
    # exist. (mypy checks the same statically where src/ assigns a queue to one.)
    assert signature_mismatches(type(make_queue()), AsyncJobQueue) == []


async def test_submit_runs_to_complete(make_queue: QueueFactory) -> None:
    queue = make_queue()
    queue.register_handler("echo", echo)
    await queue.start()
    job_id = await queue.submit("echo", {"n": 1})
    result = await queue.wait(job_id, timeout=5)
    assert result.status is JobStatus.COMPLETE
    assert result.result == {"echo": {"n": 1}}
    assert result.progress == 1.0
    assert result.error is None
    assert result.started_at is not None and result.finished_at is not None
    assert result.created_at <= result.started_at <= result.finished_at


async def test_submit_unknown_type_is_rejected(make_queue: QueueFactory) -> None:
    queue = make_queue()
    with pytest.raises(UnknownJobTypeError, match="nope"):
        await queue.submit("nope", {})


async def test_handler_exception_fails_with_message(make_queue: QueueFactory) -> None:
    queue = make_queue()
    queue.register_handler("fail", fail)
    await queue.start()
    result = await queue.wait(await queue.submit("fail", {}), timeout=5)
    assert result.status is JobStatus.FAILED
    assert result.error == "disk on fire"


async def test_timeout_ends_timeout(make_queue: QueueFactory) -> None:
    queue = make_queue(timeout_s=0.2)
    queue.register_handler("sleep", sleep_forever)
    await queue.start()
    result = await queue.wait(await queue.submit("sleep", {}), timeout=5)
    assert result.status is JobStatus.TIMEOUT
    assert result.error is not None and "time limit" in result.error


async def test_cancel_pending_never_runs(make_queue: QueueFactory) -> None:
    queue = make_queue(workers=1)
    ran: list[str] = []

    async def record(ctx: JobContext, payload: dict[str, Any]) -> None:
        ran.append(ctx.job_id)

    queue.register_handler("record", record)
    job_id = await queue.submit("record", {})  # queue not started: stays pending
    cancelled = await queue.cancel(job_id)
    assert cancelled.status is JobStatus.CANCELLED
    assert cancelled.cancel_requested is True
    await queue.start()
    other = await queue.submit("record", {})
    await queue.wait(other, timeout=5)
    assert ran == [other]
    assert await queue.get_status(job_id) is JobStatus.CANCELLED


async def test_cancel_running_cooperative_keeps_partial_result(make_queue: QueueFactory) -> None:
    queue = make_queue()
    queue.register_handler("coop", cooperative)
    await queue.start()
    job_id = await queue.submit("coop", {})
    async with asyncio.timeout(5):  # some work done, so there is a partial result
        while ((await queue.get_result(job_id)).progress_detail or {}).get("processed", 0) < 2:
            await asyncio.sleep(0.005)
    requested = await queue.cancel(job_id)
    assert requested.cancel_requested is True
    assert requested.status is JobStatus.RUNNING
    result = await queue.wait(job_id, timeout=5)
    assert result.status is JobStatus.CANCELLED
    assert result.result["done"] >= 1


async def test_cancel_running_uncooperative_is_interrupted_after_grace(
    make_queue: QueueFactory,
) -> None:
    grace_s = 0.2
    queue = make_queue(cancel_grace_s=grace_s)
    loop = asyncio.get_running_loop()
    sleeping = asyncio.Event()
    interrupted_at: list[float] = []

    async def stubborn(ctx: JobContext, payload: dict[str, Any]) -> Any:
        ctx.partial_result = {"stage": "before-sleep"}
        sleeping.set()
        try:
            await asyncio.sleep(3600)  # never checks cancel_requested
        finally:
            interrupted_at.append(loop.time())

    queue.register_handler("stubborn", stubborn)
    await queue.start()
    job_id = await queue.submit("stubborn", {})
    async with asyncio.timeout(5):
        await sleeping.wait()
    asked_at = loop.time()
    requested = await queue.cancel(job_id)
    assert requested.status is JobStatus.RUNNING and requested.cancel_requested
    result = await queue.wait(job_id, timeout=5)
    assert result.status is JobStatus.CANCELLED
    assert result.result == {"stage": "before-sleep"}
    # Interrupted only once the grace period was over (a lower bound: timers never
    # fire early), not at the request.
    assert interrupted_at and interrupted_at[0] - asked_at >= grace_s


async def test_handler_raising_cancel_error_keeps_attached_result(
    make_queue: QueueFactory,
) -> None:
    queue = make_queue()

    async def gives_up(ctx: JobContext, payload: dict[str, Any]) -> Any:
        raise JobCancelledError({"kept": True})

    queue.register_handler("gives_up", gives_up)
    await queue.start()
    result = await queue.wait(await queue.submit("gives_up", {}), timeout=5)
    assert result.status is JobStatus.CANCELLED
    assert result.result == {"kept": True}


async def test_cancel_terminal_raises(make_queue: QueueFactory) -> None:
    queue = make_queue()
    queue.register_handler("echo", echo)
    await queue.start()
    job_id = await queue.submit("echo", {})
    await queue.wait(job_id, timeout=5)
    with pytest.raises(JobAlreadyTerminalError, match="complete"):
        await queue.cancel(job_id)


async def test_progress_clamps_is_monotonic_and_frozen_when_terminal(
    make_queue: QueueFactory,
) -> None:
    queue = make_queue()
    gate = asyncio.Event()

    async def waits(ctx: JobContext, payload: dict[str, Any]) -> None:
        await gate.wait()

    queue.register_handler("waits", waits)
    await queue.start()
    job_id = await queue.submit("waits", {})
    await started(queue, job_id)
    await queue.set_progress(job_id, 1.7, {"processed": 3})
    assert (await queue.get_result(job_id)).progress == 1.0
    await queue.set_progress(job_id, -3)
    assert (await queue.get_result(job_id)).progress == 1.0
    gate.set()
    await queue.wait(job_id, timeout=5)
    await queue.set_progress(job_id, 0.1, {"processed": 99})
    result = await queue.get_result(job_id)
    assert result.progress == 1.0
    assert result.progress_detail == {"processed": 3}


async def test_progress_never_moves_backwards(make_queue: QueueFactory) -> None:
    queue = make_queue()
    job_id = await queue_with_waiting_job(queue)
    await queue.set_progress(job_id, 0.5, {"processed": 5, "total": 10})
    await queue.set_progress(job_id, 0.2, {"processed": 2, "total": 10})
    result = await queue.get_result(job_id)
    assert result.progress == 0.5
    assert result.progress_detail == {"processed": 2, "total": 10}


async def test_progress_rejects_nan(make_queue: QueueFactory) -> None:
    queue = make_queue()
    job_id = await queue_with_waiting_job(queue)
    with pytest.raises(ValueError, match="NaN"):
        await queue.set_progress(job_id, float("nan"))


async def queue_with_waiting_job(queue: Any) -> str:
    async def waits(ctx: JobContext, payload: dict[str, Any]) -> None:
        await asyncio.sleep(3600)

    queue.register_handler("waits", waits)
    return str(await queue.submit("waits", {}))


async def test_list_jobs_filters_and_orders_newest_first(make_queue: QueueFactory) -> None:
    queue = make_queue()
    queue.register_handler("echo", echo)
    queue.register_handler("fail", fail)
    await queue.start()
    ids = [await queue.submit("echo" if n % 2 else "fail", {"n": n}) for n in range(6)]
    for job_id in ids:
        await queue.wait(job_id, timeout=5)
    assert [job.job_id for job in await queue.list_jobs()] == ids[::-1]
    assert [job.job_id for job in await queue.list_jobs(limit=2)] == ids[::-1][:2]
    failed = await queue.list_jobs(status=JobStatus.FAILED)
    assert [job.job_id for job in failed] == [ids[4], ids[2], ids[0]]
    echoes = await queue.list_jobs(job_type="echo")
    assert {job.job_type for job in echoes} == {"echo"} and len(echoes) == 3
    assert await queue.list_jobs(status=JobStatus.RUNNING) == []
    counts = await queue.count_jobs()
    assert counts[("echo", JobStatus.COMPLETE)] == 3
    assert counts[("fail", JobStatus.FAILED)] == 3


async def test_wait_returns_current_state_on_timeout(make_queue: QueueFactory) -> None:
    queue = make_queue()
    job_id = await queue_with_waiting_job(queue)
    await queue.start()
    loop = asyncio.get_running_loop()
    before = loop.time()
    result = await queue.wait(job_id, timeout=0.2)
    assert loop.time() - before >= 0.19
    assert result.status in {JobStatus.PENDING, JobStatus.RUNNING}


async def test_unknown_id_raises_key_error(make_queue: QueueFactory) -> None:
    queue = make_queue()
    for call in (
        queue.get_status("missing"),
        queue.get_result("missing"),
        queue.cancel("missing"),
        queue.wait("missing", 0.1),
        queue.set_progress("missing", 0.5),
    ):
        with pytest.raises(KeyError):
            await call
    with pytest.raises(JobNotFoundError, match="missing"):
        await queue.get_result("missing")


async def test_events_cover_the_lifecycle(make_queue: QueueFactory) -> None:
    queue = make_queue()
    events: list[tuple[str, dict[str, Any]]] = []
    queue.add_event_listener(lambda kind, payload: events.append((kind, payload)))

    async def reports(ctx: JobContext, payload: dict[str, Any]) -> str:
        await ctx.set_progress(0.5, {"processed": 1, "total": 2})
        ctx.emit("video.added", {"id": "v1"})
        return "ok"

    queue.register_handler("reports", reports)
    await queue.start()
    job_id = await queue.submit("reports", {})
    await queue.wait(job_id, timeout=5)
    kinds = [kind for kind, _ in events]
    assert kinds == ["job.created", "job.started", "job.progress", "video.added", "job.completed"]
    assert events[2][1]["progress"] == 0.5
    assert events[-1][1]["status"] == "complete"
    assert all(p["job_id"] == job_id for k, p in events if k.startswith("job."))


async def test_stop_requeues_running_job_and_start_resumes_it(make_queue: QueueFactory) -> None:
    queue = make_queue()
    attempts: list[str] = []
    release = asyncio.Event()
    first_run = asyncio.Event()

    async def resumable(ctx: JobContext, payload: dict[str, Any]) -> str:
        attempts.append(ctx.job_id)
        if len(attempts) == 1:
            first_run.set()
            await asyncio.sleep(3600)
        await release.wait()
        return "second run"

    queue.register_handler("resumable", resumable)
    await queue.start()
    job_id = await queue.submit("resumable", {})
    # The handler itself, not only the status: "running" is set just before the
    # handler task starts, and a stop in between would cancel a run that never began.
    async with asyncio.timeout(5):
        await first_run.wait()
    await queue.stop()
    assert await queue.get_status(job_id) is JobStatus.PENDING
    release.set()
    await queue.start()
    result = await queue.wait(job_id, timeout=5)
    assert result.status is JobStatus.COMPLETE
    assert result.result == "second run"
    assert attempts == [job_id, job_id]


async def test_workers_bound_concurrency(make_queue: QueueFactory) -> None:
    queue = make_queue(workers=3)
    running = 0
    peak = 0
    three_ran_together = asyncio.Event()

    async def counted(ctx: JobContext, payload: dict[str, Any]) -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        if running == 3:
            three_ran_together.set()
        # Hold the slot until the workers are all busy, so reaching the bound does not
        # depend on how fast the store writes (an unbounded queue would exceed it).
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(5):
                await three_ran_together.wait()
        await asyncio.sleep(0.01)
        running -= 1

    queue.register_handler("counted", counted)
    await queue.start()
    ids = [await queue.submit("counted", {}) for _ in range(20)]
    for job_id in ids:
        assert (await queue.wait(job_id, timeout=10)).status is JobStatus.COMPLETE
    assert peak == 3


async def test_job_submitted_before_start_runs_once_and_wakes_waiter(
    make_queue: QueueFactory,
) -> None:
    # One worker takes jobs in queue order: once a job submitted after start() has
    # run, any second queue entry for the first job has been taken (and skipped).
    queue = make_queue(workers=1)
    runs: list[str] = []

    async def once(ctx: JobContext, payload: dict[str, Any]) -> None:
        runs.append(ctx.job_id)

    queue.register_handler("once", once)
    job_id = await queue.submit("once", {})
    waiter = asyncio.create_task(queue.wait(job_id, timeout=5))
    await asyncio.sleep(0)  # the waiter is waiting before the queue starts
    await queue.start()
    assert (await waiter).status is JobStatus.COMPLETE
    later = await queue.submit("once", {})
    assert (await queue.wait(later, timeout=5)).status is JobStatus.COMPLETE
    assert runs == [job_id, later]
