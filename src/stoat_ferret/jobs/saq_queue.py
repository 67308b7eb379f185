"""
``SaqJobQueue``: the ``AsyncJobQueue`` protocol on SAQ (Redis or PostgreSQL).

SAQ delivers jobs to worker processes on any machine; our job table stays the
source of truth for the API. Submitting inserts our record and enqueues a SAQ job
that carries only our job id (one SAQ queue per job type). A worker's SAQ function
reads our record, decides from it whether the handler may run (a cancelled job
never does; a job swept from a dead worker runs again at most once, by
:func:`~stoat_ferret.jobs.transitions.recovery`), claims it and then runs it with
the same :class:`~stoat_ferret.jobs.engine.QueueEngine` machinery as the embedded
queue: time limit, cooperative cancel, grace period, throttled progress, events.

Across processes: a cancel from an API server raises ``cancel_requested`` in the
table, and the worker running the job polls for it (``cancel_poll_s``); while a
handler runs, the worker touches its SAQ job (a heartbeat), so SAQ's sweep re-queues
a job only once its worker has stopped touching it. ``run_jobs=False`` is an API
server's queue (``serve --no-worker``): it submits, reads and cancels, never runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from typing import Any

import structlog
from saq import Queue, Worker
from saq.job import Job
from saq.types import PartialTimersDict
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from stoat_ferret.clock import utcnow
from stoat_ferret.db.storage import SpaceReserve
from stoat_ferret.errors import JobAlreadyTerminalError, JobNotFoundError, UnknownJobTypeError
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import transitions
from stoat_ferret.jobs.active import ActiveJob
from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.models import TERMINAL_EVENT_TYPES, JobRecord, JobResult, JobStatus
from stoat_ferret.jobs.saq_options import SAQ_FUNCTION, QueueOptions, queue_name, saq_url
from stoat_ferret.jobs.shared_store import SharedSqlJobStore
from stoat_ferret.jobs.transitions import CancelAction, RecoveryAction

__all__ = ["SaqJobQueue"]

log = structlog.get_logger("stoat_ferret.jobs")


class _QuietWorker(Worker):  # type: ignore[type-arg]
    """A SAQ worker that leaves the process's signals to the process (uvicorn, the CLI)."""

    SIGNALS = []


class SaqJobQueue(QueueEngine):
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        queue_url: str,
        *,
        workers: int = 2,
        timeout_s: float = 3600.0,
        cancel_grace_s: float = 10.0,
        progress_flush_interval_s: float = 0.5,
        run_jobs: bool = True,
        job_types: frozenset[str] | None = None,
        heartbeat_s: float = 15.0,
        sweep_interval_s: float = 10.0,
        cancel_poll_s: float = 0.25,
        namespace: str = "stoat",
        reserve: SpaceReserve | None = None,
    ) -> None:
        shared = SharedSqlJobStore(sessions, reserve=reserve)
        super().__init__(
            shared,
            workers=workers,
            timeout_s=timeout_s,
            cancel_grace_s=cancel_grace_s,
            progress_flush_interval_s=progress_flush_interval_s,
        )
        self._shared = shared
        self._url = saq_url(queue_url)
        self._run_jobs = run_jobs
        self._job_types = job_types
        self._namespace = namespace
        self.options = QueueOptions(timeout_s, cancel_grace_s, heartbeat_s)
        self._sweep_interval_s = sweep_interval_s
        self._cancel_poll_s = cancel_poll_s
        self._queues: dict[str, Queue] = {}
        self._saq_workers: list[Worker] = []  # type: ignore[type-arg]
        self._tasks: list[asyncio.Task[Any]] = []
        self._started = False
        #: This process's id on the SAQ side (worker ids), for logs.
        self.instance_id = uuid.uuid4().hex[:12]

    # -- lifecycle ----------------------------------------------------------------

    async def start(self) -> None:
        """Connect to SAQ; with ``run_jobs``, also start a SAQ worker per job type."""
        if self._started:
            return
        self._started = True
        if not self._run_jobs:
            return
        for job_type in sorted(self._handlers):
            if self._job_types is not None and job_type not in self._job_types:
                continue
            queue = await self._queue(job_type)
            worker = _QuietWorker(
                queue,
                [(SAQ_FUNCTION, self._deliver)],
                id=f"{self.instance_id}-{job_type}",
                concurrency=self._workers_count,
                timers=PartialTimersDict(
                    sweep=max(1, round(self._sweep_interval_s)), abort=1, schedule=1, worker_info=10
                ),
                cancellation_hard_deadline_s=2 * max(1.0, self.cancel_grace_s) + 2,
            )
            self._saq_workers.append(worker)
            self._tasks.append(asyncio.create_task(worker.start(), name=f"saq-{job_type}"))
            await self._enqueue_unqueued(job_type)
        self._tasks.append(asyncio.create_task(self._watch_cancels(), name="saq-cancels"))

    async def stop(self) -> None:
        """Stop the workers (running jobs go back to ``pending`` and SAQ re-queues them)."""
        workers, self._saq_workers = self._saq_workers, []
        await asyncio.gather(*(w.stop() for w in workers), return_exceptions=True)
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await super().stop()
        queues, self._queues = self._queues, {}
        for queue in queues.values():
            with contextlib.suppress(Exception):
                await queue.disconnect()
        self._started = False

    # -- the protocol, where it differs from one process ----------------------------

    async def submit(self, job_type: str, payload: dict[str, Any]) -> str:
        if job_type not in self._handlers:
            raise UnknownJobTypeError(job_type, list(self._handlers))
        record = JobRecord(
            job_id=uuid.uuid4().hex,
            job_type=job_type,
            payload=dict(payload),
            seq=await self._next_seq(),
            created_at=utcnow(),
        )
        await asyncio.shield(self._store.insert(record))
        self._emit(EventType.JOB_CREATED, record.snapshot().to_dict())
        await self._enqueue(record)
        return record.job_id

    async def wait(self, job_id: str, timeout: float) -> JobResult:  # noqa: ASYNC109 - spec API
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout)
        while True:
            result = await self.get_result(job_id)
            left = deadline - loop.time()
            if result.status.is_terminal or left <= 0:
                return result
            active = self._active.get(job_id)
            if active is not None:  # runs here: woken the moment it ends
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(min(left, 1.0)):
                        await active.done.wait()
            else:  # runs elsewhere, or waits for a worker: read the table again
                await asyncio.sleep(min(left, 0.05))

    async def set_progress(
        self, job_id: str, value: float, detail: dict[str, Any] | None = None
    ) -> None:
        if job_id in self._active:
            await super().set_progress(job_id, value, detail)  # runs here: throttled
            return
        record = await self._shared.get(job_id)
        if record is None:
            raise JobNotFoundError(job_id)
        if record.status.is_terminal:
            return  # frozen
        record = transitions.progress(record, value, detail)
        await asyncio.shield(self._shared.update(record))
        self._emit(EventType.JOB_PROGRESS, record.snapshot().to_dict())

    async def cancel(self, job_id: str) -> JobResult:
        active = self._active.get(job_id)
        if active is not None:  # runs in this process
            if active.record.status.is_terminal:  # over, its last write under way
                raise JobAlreadyTerminalError(job_id, active.record.status.value)
            return await super().cancel(job_id)
        for _ in range(3):
            record = await self._shared.get(job_id)
            if record is None:
                raise JobNotFoundError(job_id)
            action = transitions.cancel_action(record)
            if action is CancelAction.ALREADY_TERMINAL:
                raise JobAlreadyTerminalError(job_id, record.status.value)
            if action is CancelAction.ALREADY_REQUESTED:
                return record.snapshot()
            requested = transitions.mark_cancel_requested(record)
            if action is CancelAction.FINISH_NOW:
                done = transitions.finish(requested, JobStatus.CANCELLED, now=utcnow())
                if await asyncio.shield(self._shared.finish_if_pending(done)):
                    self._emit(TERMINAL_EVENT_TYPES[JobStatus.CANCELLED], done.snapshot().to_dict())
                    return done.snapshot()
            elif await asyncio.shield(self._shared.request_cancel(job_id)):
                self._emit(EventType.JOB_CANCEL_REQUESTED, requested.snapshot().to_dict())
                return requested.snapshot()
            # A worker started (or finished) it in between: decide again on its new state.
        return await self.get_result(job_id)

    # -- the worker side ----------------------------------------------------------

    async def _deliver(self, ctx: dict[str, Any], *, job_id: str) -> None:
        """SAQ's function: run our job ``job_id`` if our table says it may run."""
        record = await self._shared.get(job_id)
        if record is None or record.status.is_terminal:
            return  # cancelled while pending, or finished by an earlier delivery
        active = ActiveJob(record=record)
        self._active[job_id] = active
        beat = asyncio.create_task(self._heartbeat(ctx["job"]), name=f"saq-beat-{job_id}")
        try:
            if await self._ready_to_run(active):
                await self._run(active)
        finally:
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat
            self._active.pop(job_id, None)

    async def _ready_to_run(self, active: ActiveJob) -> bool:
        """Apply what a delivery of an unfinished job means; True when it may run."""
        record = active.record
        decision = transitions.recovery(record)
        if decision.action is RecoveryAction.CANCEL:
            await self._finish(active, JobStatus.CANCELLED)
            return False
        if decision.action is RecoveryAction.FAIL:
            await self._finish(active, JobStatus.FAILED, error=decision.error)
            return False
        if decision.action is RecoveryAction.REQUEUE:
            # Its worker died (SAQ swept it): the attempt stays counted.
            log.warning("job.requeued_after_worker_loss", job_id=record.job_id)
            active.record = transitions.back_to_pending_after_crash(record)
            await active.persist(self._store)
        if active.record.cancel_requested:
            await self._finish(active, JobStatus.CANCELLED)
            return False
        return await self._shared.claim(record.job_id)

    async def _heartbeat(self, job: Job) -> None:
        """Touch the SAQ job while it runs: SAQ sweeps a job whose toucher has died."""
        while True:
            await asyncio.sleep(self.options.beat_interval_s())
            try:
                await job.update()
            except Exception as exc:  # a broker hiccup must not end the job
                log.warning("job.heartbeat_failed", job_id=job.key, error=str(exc))

    async def _watch_cancels(self) -> None:
        """Deliver cancel requests made by other processes to the jobs running here."""
        while True:
            await asyncio.sleep(self._cancel_poll_s)
            running = [job_id for job_id, a in self._active.items() if a.task is not None]
            try:
                asked = await self._shared.cancel_requested_among(running)
            except Exception as exc:
                log.warning("job.cancel_poll_failed", error=str(exc))
                continue
            for job_id in asked:
                active = self._active.get(job_id)
                if active is not None and not active.cancel_event.is_set():
                    active.record = transitions.mark_cancel_requested(active.record)
                    active.cancel_event.set()
                    active.grace_handle = asyncio.get_running_loop().call_later(
                        self.cancel_grace_s, self._interrupt, active
                    )

    # -- SAQ plumbing -------------------------------------------------------------

    async def _queue(self, job_type: str) -> Queue:
        queue = self._queues.get(job_type)
        if queue is None:
            name = queue_name(self._namespace, job_type)
            extra: dict[str, Any] = {}
            if self._url.startswith("postgresql"):
                extra = {"min_size": 1, "max_size": self._workers_count + 3}
            queue = Queue.from_url(self._url, name=name, **extra)
            await queue.connect()
            self._queues[job_type] = queue
        return queue

    async def _enqueue(self, record: JobRecord) -> None:
        queue = await self._queue(record.job_type)
        options = self.options.job_options(record.job_type, record.job_id)
        await queue.enqueue(Job(function=SAQ_FUNCTION, **options))

    async def _enqueue_unqueued(self, job_type: str) -> None:
        """Hand SAQ again the pending jobs it lost (a broker flushed or replaced).

        SAQ refuses a key it still holds, so this never doubles a queued job.
        """
        for record in await self._shared.unfinished():
            if record.job_type == job_type and record.status is JobStatus.PENDING:
                await self._enqueue(record)
