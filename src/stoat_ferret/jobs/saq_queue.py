"""
``SaqJobQueue``: the ``AsyncJobQueue`` protocol on SAQ (Redis or PostgreSQL).

SAQ delivers jobs to worker processes on any machine; our job table stays the
source of truth for the API. Submitting stores our record without an owner
(``QueueEngine._create``) and enqueues a SAQ job that carries only our job id (one
SAQ queue per job type). A worker's SAQ function claims our record with the same
compare-and-set as every queue (``jobs/leases.py``), applies what a claim of an
unfinished job means (``jobs/recovery.py``: a cancelled job never runs, a job swept
from a dead worker runs again at most once) and runs it with the same
:class:`~stoat_ferret.jobs.engine.QueueEngine` machinery as the embedded queue:
time limit, cooperative cancel, grace period, throttled and fenced writes, events.

One heartbeat per process (``jobs/heartbeat.py``) renews the leases of the jobs it
runs, hears cancels asked through other processes, and on every renewal touches the
SAQ jobs it has been delivered, so SAQ's sweep and our lease agree on when a worker
is dead: the lease is ``heartbeat_s`` (``STOAT_QUEUE_HEARTBEAT``). ``run_jobs=False``
is an API server's queue (``serve --no-worker``): it submits, reads and cancels,
never runs.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import structlog
from saq import Queue, Worker
from saq.job import Job
from saq.types import PartialTimersDict
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from stoat_ferret.clock import utcnow
from stoat_ferret.db.storage import SpaceReserve
from stoat_ferret.errors import JobAlreadyTerminalError, JobNotFoundError
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import leases, transitions
from stoat_ferret.jobs.active import ActiveJob
from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.models import JobRecord, JobResult, JobStatus
from stoat_ferret.jobs.recovery import adopt
from stoat_ferret.jobs.saq_options import (
    SAQ_FUNCTION,
    QueueOptions,
    queue_name,
    saq_url,
    takes,
)
from stoat_ferret.jobs.sql_store import SqlJobStore

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
        namespace: str = "stoat",
        reserve: SpaceReserve | None = None,
    ) -> None:
        super().__init__(
            SqlJobStore(sessions, reserve=reserve),
            workers=workers,
            timeout_s=timeout_s,
            cancel_grace_s=cancel_grace_s,
            progress_flush_interval_s=progress_flush_interval_s,
            # SAQ sweeps a job untouched for heartbeat_s; our lease runs out with it.
            lease_s=heartbeat_s,
            # SAQ's sweep, not a scan of our table, hands a dead worker's job on.
            adopt_orphans=False,
        )
        self._url = saq_url(queue_url)
        self._run_jobs = run_jobs
        self._job_types = job_types
        self._namespace = namespace
        self.options = QueueOptions(timeout_s, cancel_grace_s, heartbeat_s)
        self._sweep_interval_s = sweep_interval_s
        self._queues: dict[str, Queue] = {}
        self._saq_workers: list[Worker] = []  # type: ignore[type-arg]
        self._tasks: list[asyncio.Task[Any]] = []
        #: The SAQ jobs being delivered here, by our job id: touched on every renewal.
        self._delivered: dict[str, Job] = {}
        self._started = False
        # On a broker most jobs run in other processes: notice their ends promptly.
        self.wait_poll_s = 0.05

    # -- lifecycle ----------------------------------------------------------------

    async def start(self) -> None:
        """Connect to SAQ; with ``run_jobs``, also start a SAQ worker per job type."""
        if self._started:
            return
        self._started = True
        if not self._run_jobs:
            return
        for job_type in sorted(self._handlers):
            if not takes(self._job_types, job_type):
                continue
            queue = await self._queue(job_type)
            worker = _QuietWorker(
                queue,
                [(SAQ_FUNCTION, self._deliver)],
                id=f"{self.owner.instance}-{job_type}",
                concurrency=self._workers_count,
                timers=PartialTimersDict(
                    sweep=max(1, round(self._sweep_interval_s)), abort=1, schedule=1, worker_info=10
                ),
                cancellation_hard_deadline_s=2 * max(1.0, self.cancel_grace_s) + 2,
            )
            self._saq_workers.append(worker)
            self._tasks.append(asyncio.create_task(worker.start(), name=f"saq-{job_type}"))
            await self._enqueue_unqueued(job_type)
        self._start_heartbeat(self._touch_delivered)

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
        record = await self._create(job_type, payload, hold=False)
        await self._enqueue(record)
        return record.job_id

    async def cancel(self, job_id: str) -> JobResult:
        """
        Cancel ``job_id``, and at once its unfinished children (jobs whose payload names
        it as ``parent_id``: a fan-out scan's ``scan.batch`` jobs).

        The parent's handler cancels them too, but only once its own worker has heard
        of the cancel; asking here as well takes that hop out of the time the children's
        workers need to stop (SPEC §12: within 2 s on any worker).
        """
        accepted = await super().cancel(job_id)
        if "parent_id" not in accepted.payload:  # a child has no children
            children = [
                record.job_id
                for record in await self._store.unfinished()
                if record.payload.get("parent_id") == job_id
            ]
            await asyncio.gather(*(self._cancel_quietly(child) for child in children))
        return accepted

    async def _cancel_quietly(self, job_id: str) -> None:
        with contextlib.suppress(JobAlreadyTerminalError, JobNotFoundError):
            await super().cancel(job_id)

    async def _cancel_elsewhere(self, job_id: str) -> JobResult:
        """A pending job nobody holds is claimed and ended here; a held one is asked."""
        for _ in range(3):
            record = await self._store.get(job_id)
            if record is None:
                raise JobNotFoundError(job_id)
            if record.status is not JobStatus.PENDING or record.owner is not None:
                break
            if await self._hold(record) is not None:
                return await QueueEngine.cancel(self, job_id)  # held here: ended at once
            # A worker claimed it in between: it is the worker's to stop.
        return await super()._cancel_elsewhere(job_id)

    # -- the worker side ----------------------------------------------------------

    async def set_progress(
        self, job_id: str, value: float, detail: dict[str, Any] | None = None
    ) -> None:
        """Progress of a job run here, or of a queued one nobody holds (briefly held here)."""
        if job_id in self._active:
            await super().set_progress(job_id, value, detail)  # runs here: throttled
            return
        record = await self._store.get(job_id)
        if record is None:
            raise JobNotFoundError(job_id)
        transitions.progress(record, value, detail)  # validated in any case
        if record.status.is_terminal or record.owner is not None:
            return  # frozen, or the progress of the worker running it stands
        if (await self._hold(record)) is None:
            return  # a worker claimed it in between: its progress stands
        active = self._active.pop(job_id)
        active.record = leases.released(transitions.progress(active.record, value, detail))
        await active.persist(self._store)  # fenced by the claim just made
        self._emit(EventType.JOB_PROGRESS, active.record.snapshot().to_dict())

    async def _deliver(self, ctx: dict[str, Any], *, job_id: str) -> None:
        """SAQ's function: claim our job ``job_id`` and run it if our table says it may."""
        self._delivered[job_id] = ctx["job"]
        active: ActiveJob | None = None
        try:
            if await self._claim_delivered(job_id) is None:
                return  # over (cancelled while pending, or by an earlier delivery)
            active = self._active[job_id]
            runnable: list[str] = []
            await adopt(active, self._store, finish=self._finish, enqueue=runnable.append)
            if runnable and not active.record.status.is_terminal:
                await self._run(active)
        finally:
            self._delivered.pop(job_id, None)
            if active is not None and self._active.get(job_id) is active:
                self._active.pop(job_id)
                if active.record.owner is not None and not active.record.status.is_terminal:
                    # Cut off while held here (the worker stopping): free for any worker.
                    active.record = leases.released(active.record)
                    await active.persist(self._store)

    async def _claim_delivered(self, job_id: str) -> JobRecord | None:
        """
        Claim a delivered job (compare-and-set), once nobody live holds it.

        SAQ delivers a job again when its worker stopped touching it; that worker's
        lease runs out at about the same time, and until then the job is not taken.
        """
        while True:
            record = await self._store.get(job_id)
            if record is None or record.status.is_terminal:
                return None
            now = utcnow()
            if job_id not in self._active and leases.may_claim(record, self.owner, now):
                if (mine := await self._hold(record)) is not None:
                    return mine
                continue  # someone else changed it first: decide again
            expires = record.lease_expires_at
            left = self._keeper.poll_s if expires is None else (expires - now).total_seconds()
            await asyncio.sleep(min(max(left, 0.05), self._keeper.poll_s))

    async def _hold(self, record: JobRecord) -> JobRecord | None:
        """Claim ``record`` for this instance and track it as active; None if beaten to it."""
        mine = leases.claim(record, self.owner, now=utcnow(), lease_s=self._keeper.lease_s)
        if not await self._store.claim(mine, seen=record):
            return None
        self._active[record.job_id] = ActiveJob(record=mine, holder=self.owner.token)
        return mine

    async def _touch_delivered(self) -> None:
        """Touch the SAQ jobs delivered here: SAQ sweeps a job whose toucher has died."""
        for job_id, job in list(self._delivered.items()):
            try:
                await job.update()
            except Exception as exc:  # a broker hiccup must not end the job
                log.warning("job.heartbeat_failed", job_id=job_id, error=str(exc))

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
        for record in await self._store.unfinished():
            if record.job_type != job_type or record.status is not JobStatus.PENDING:
                continue
            if record.owner is None:  # a job another process holds is its own to run
                await self._enqueue(record)
