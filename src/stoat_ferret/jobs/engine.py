"""
The asyncio job runner shared by every in-process backend.

What a job's state may become is decided by the pure functions in
:mod:`stoat_ferret.jobs.transitions`; this module decides *when*: it runs handlers
on worker tasks, enforces timeouts and the cancel grace period, throttles progress
writes, and stores and announces every new state. A backend only chooses where
records are stored (``JobStore``). That is why the in-memory double and the durable
queue pass the same contract suite: they are the same machine over different
storage.

Each instance is one lease owner (``jobs/leases.py``): the jobs it submits or claims
carry its owner token, its heartbeat (``jobs/heartbeat.py``) renews their leases and
hears cancels asked through other processes, and it only takes over jobs nobody
live holds (``jobs/recovery.py``).
"""

from __future__ import annotations

import asyncio
import functools
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import structlog

from stoat_ferret.clock import utcnow
from stoat_ferret.db.storage import describe_failure
from stoat_ferret.errors import JobAlreadyTerminalError, UnknownJobTypeError
from stoat_ferret.events.callback import EventCallback
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import leases, transitions
from stoat_ferret.jobs.active import ActiveJob
from stoat_ferret.jobs.context import JobContext
from stoat_ferret.jobs.heartbeat import LeaseKeeper
from stoat_ferret.jobs.leases import JobOwner
from stoat_ferret.jobs.models import TERMINAL_EVENT_TYPES, JobRecord, JobResult, JobStatus
from stoat_ferret.jobs.protocol import JobHandler
from stoat_ferret.jobs.reads import JobReads
from stoat_ferret.jobs.recovery import SeqCounter, adopt, claim_orphans
from stoat_ferret.jobs.store import JobStore
from stoat_ferret.jobs.transitions import CancelAction
from stoat_ferret.jobs.unsaved import UnsavedTerminals

log = structlog.get_logger("stoat_ferret.jobs")


class QueueEngine(JobReads):
    """
    Runs jobs on ``workers`` asyncio tasks over any ``JobStore``.

    Args:
        lease_s: how long this instance holds its jobs without renewing (renewed every
            third of it); another process may take a job over once it has expired.
        adopt_orphans: claim unfinished jobs nobody live holds, at start-up and on
            every renewal. Off for a process that runs only its own jobs (the CLI scan).
    """

    def __init__(
        self,
        store: JobStore,
        *,
        workers: int = 2,
        timeout_s: float = 3600.0,
        cancel_grace_s: float = 10.0,
        progress_flush_interval_s: float = 0.5,
        lease_s: float = 30.0,
        adopt_orphans: bool = True,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self._store = store
        self._workers_count = workers
        self.timeout_s = timeout_s
        self.cancel_grace_s = cancel_grace_s
        self._flush_interval_s = progress_flush_interval_s
        self._handlers: dict[str, JobHandler] = {}
        self._listeners: list[EventCallback] = []
        self._active: dict[str, ActiveJob] = {}
        self._ready: asyncio.Queue[str] = asyncio.Queue()
        self._workers: list[asyncio.Task[None]] = []
        self._seq = SeqCounter(store)
        self.owner = JobOwner.for_this_process()
        self._unsaved = UnsavedTerminals(store, self.owner.token)
        self._keeper = LeaseKeeper(store, self.owner, lease_s)
        #: How often ``wait`` reads the table for a job another process runs.
        self.wait_poll_s = self._keeper.poll_s
        self._adopt_orphans = adopt_orphans
        self._heartbeat: asyncio.Task[None] | None = None
        self._abandoned: set[asyncio.Task[Any]] = set()

    # -- registration -------------------------------------------------------------

    def register_handler(self, job_type: str, handler: JobHandler) -> None:
        self._handlers[job_type] = handler

    def has_handler(self, job_type: str) -> bool:
        return job_type in self._handlers

    def add_event_listener(self, listener: EventCallback) -> None:
        self._listeners.append(listener)

    # -- lifecycle ----------------------------------------------------------------

    async def start(self) -> None:
        """Claim the unfinished jobs nobody live holds, then start the workers and heartbeat."""
        if self._workers:
            return
        if self._adopt_orphans:
            await self._recover()
        self._workers = [
            asyncio.create_task(self._worker(), name=f"stoat-job-worker-{n}")
            for n in range(self._workers_count)
        ]
        self._start_heartbeat(self._recover if self._adopt_orphans else None)

    def _start_heartbeat(self, sweep: Callable[[], Awaitable[None]] | None) -> None:
        """Renew this instance's leases and hear foreign cancels; ``sweep`` after renewals."""
        self._heartbeat = asyncio.create_task(
            self._keeper.run(self._active, cancel=self.cancel, drop=self._drop, sweep=sweep),
            name="stoat-job-heartbeat",
        )

    async def stop(self) -> None:
        """Stop the workers; running jobs go back to ``pending`` and resume at next start."""
        workers, self._workers = self._workers, []
        if self._heartbeat is not None:
            workers.append(self._heartbeat)
            self._heartbeat = None
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        for active in list(self._active.values()):
            active.cancel_flush()
            if active.record.owner is None:
                continue  # a running job its worker put back already
            active.record = leases.released(active.record)  # for anyone to run
            try:
                await active.persist(self._store)
            except Exception as exc:
                # The store keeps its last state of the job, which the next start resumes.
                log.error("job.state_not_stored", job_id=active.record.job_id, error=str(exc))
        await self._unsaved.write_back()
        # The store now holds every unfinished job; the next start() recovers them.
        self._active.clear()
        self._ready = asyncio.Queue()

    # -- queries ------------------------------------------------------------------

    async def submit(self, job_type: str, payload: dict[str, Any]) -> str:
        record = await self._create(job_type, payload, hold=True)
        self._ready.put_nowait(record.job_id)
        return record.job_id

    async def _create(self, job_type: str, payload: dict[str, Any], *, hold: bool) -> JobRecord:
        """
        Store and announce a new pending job: the one place a job row is created.

        Args:
            hold: this instance owns the new job (under its lease) and will run it.
                False for a job another process claims from the table when a broker
                delivers it (``SaqJobQueue``): it is stored without an owner.

        Raises:
            UnknownJobTypeError: no handler is registered for ``job_type``.
        """
        if job_type not in self._handlers:
            raise UnknownJobTypeError(job_type, list(self._handlers))
        now = utcnow()
        record = JobRecord(uuid.uuid4().hex, job_type, dict(payload), seq=0, created_at=now)
        if hold:
            record = leases.claim(record, self.owner, now=now, lease_s=self._keeper.lease_s)
        # Shielded: see ActiveJob.persist. The counter picks the next free seq.
        await self._seq.insert(record, lambda r: asyncio.shield(self._store.insert(r)))
        if hold:
            self._active[record.job_id] = ActiveJob(record=record, holder=self.owner.token)
        self._emit(EventType.JOB_CREATED, record.snapshot().to_dict())
        return record

    # -- commands -----------------------------------------------------------------

    async def set_progress(
        self, job_id: str, value: float, detail: dict[str, Any] | None = None
    ) -> None:
        active = self._active.get(job_id)
        if active is None:
            await self.get_result(job_id)  # raises for an unknown id
            return  # terminal: progress is frozen
        active.record = transitions.progress(active.record, value, detail)
        self._emit(EventType.JOB_PROGRESS, active.record.snapshot().to_dict())
        active.schedule_flush(self._store, self._flush_interval_s)

    async def cancel(self, job_id: str) -> JobResult:
        active = self._active.get(job_id)
        if active is None:
            return await self._cancel_elsewhere(job_id)
        action = transitions.cancel_action(active.record)
        if action is CancelAction.ALREADY_REQUESTED:
            return active.record.snapshot()
        active.record = transitions.mark_cancel_requested(active.record)
        if action is CancelAction.FINISH_NOW:
            await self._finish(active, JobStatus.CANCELLED)
            return active.record.snapshot()
        active.cancel_event.set()
        # The answer is the state the request produced; a cooperative handler may
        # already have stopped by the time the write below completes.
        accepted = active.record.snapshot()
        self._emit(EventType.JOB_CANCEL_REQUESTED, accepted.to_dict())
        # A handler that ignores the request is interrupted after the grace period.
        active.grace_handle = asyncio.get_running_loop().call_later(
            self.cancel_grace_s, active.interrupt
        )
        await active.persist(self._store)
        return accepted

    async def _cancel_elsewhere(self, job_id: str) -> JobResult:
        """Set the stored flag of a job another process holds; its heartbeat stops it."""
        result = await self.get_result(job_id)  # raises for an unknown id
        record = None if result.status.is_terminal else await self._store.request_cancel(job_id)
        if record is None:
            result = await self.get_result(job_id)
            raise JobAlreadyTerminalError(job_id, result.status.value)
        accepted = record.snapshot()
        self._emit(EventType.JOB_CANCEL_REQUESTED, accepted.to_dict())
        return accepted

    # -- internals ----------------------------------------------------------------

    async def _recover(self) -> None:
        claimed = await claim_orphans(
            self._store,
            self.owner,
            lease_s=self._keeper.lease_s,
            handles=self.has_handler,
            skip=self._active,  # submitted before start(): already queued
        )
        for record in claimed:
            if record.job_id in self._active:
                continue  # submitted while the table was read
            active = ActiveJob(record=record, holder=self.owner.token)
            self._active[record.job_id] = active
            await adopt(active, self._store, finish=self._finish, enqueue=self._ready.put_nowait)

    async def _worker(self) -> None:
        while True:
            job_id = await self._ready.get()
            active = self._active.get(job_id)
            if active is None or active.record.status is not JobStatus.PENDING:
                continue
            if active.lease_lost:
                self._drop(job_id)
                continue
            try:
                await self._run(active)
            except asyncio.CancelledError:
                raise
            except Exception:  # pragma: no cover - a storage failure must not kill a worker
                log.exception("job.worker_error", job_id=job_id)

    async def _run(self, active: ActiveJob) -> None:
        handler = self._handlers.get(active.record.job_type)
        if handler is None:
            error = f"no handler is registered for job type {active.record.job_type!r}"
            await self._finish(active, JobStatus.FAILED, error=error)
            return
        active.record = record = transitions.start(active.record, now=utcnow())
        try:
            cancelled_elsewhere = await active.persist(self._store)
        except asyncio.CancelledError:
            # The queue is stopping before the handler started: put the job back.
            await self._requeue(active)
            raise
        except Exception as exc:
            # Nothing has run yet; a job that cannot even be marked running fails.
            await self._finish(active, JobStatus.FAILED, error=describe_failure(exc))
            return
        if cancelled_elsewhere or active.lease_lost:
            # Cancelled through another process (or taken over) before it started here:
            # the handler never runs.
            active.record = transitions.mark_cancel_requested(record)
            await self._finish(active, JobStatus.CANCELLED)
            return
        self._emit(EventType.JOB_STARTED, record.snapshot().to_dict())
        context = JobContext(
            job_id=record.job_id,
            job_type=record.job_type,
            set_progress=functools.partial(self.set_progress, record.job_id),
            emit=self._emit,
            cancel_event=active.cancel_event,
            attempt=record.attempts,
        )
        active.context = context
        active.task = asyncio.create_task(
            _invoke(handler, context, dict(record.payload)), name=f"job-{record.job_id}"
        )
        try:
            done, _ = await asyncio.wait({active.task}, timeout=self.timeout_s)
            if not done:
                active.timed_out = True
                await active.interrupt_and_wait(self.cancel_grace_s, self._abandoned)
        except asyncio.CancelledError:
            # The queue is stopping: interrupt the handler and put the job back.
            await active.interrupt_and_wait(self.cancel_grace_s, self._abandoned)
            if active.task.done() and not active.task.cancelled():
                active.task.exception()  # retrieved: how it ended no longer matters
            await self._requeue(active)
            raise
        finally:
            if active.grace_handle is not None:
                active.grace_handle.cancel()
        await self._settle(active)

    async def _settle(self, active: ActiveJob) -> None:
        """Turn the finished handler task into the job's terminal state."""
        task = active.task
        assert task is not None
        interrupted = not task.done() or task.cancelled()
        error = None if interrupted else task.exception()
        if error is not None and not active.timed_out:
            log.warning("job.failed", job_id=active.record.job_id, error=repr(error))
        outcome = transitions.handler_outcome(
            active.record,
            timed_out=active.timed_out,
            timeout_s=self.timeout_s,
            interrupted=interrupted,
            error=error,
            error_text=None if error is None else describe_failure(error),
            returned=None if interrupted or error is not None else task.result(),
            partial=active.context.partial_result if active.context is not None else None,
        )
        await self._finish(active, outcome.status, result=outcome.result, error=outcome.error)

    def _drop(self, job_id: str) -> None:
        """Forget a job another process took over; a running handler unwinds by itself."""
        active = self._active.get(job_id)
        if active is not None and active.task is None:
            self._active.pop(job_id, None)
            active.done.set()

    async def _requeue(self, active: ActiveJob) -> None:
        active.record = leases.released(transitions.requeue(active.record))
        await active.persist(self._store)

    async def _finish(
        self,
        active: ActiveJob,
        status: JobStatus,
        *,
        result: Any = None,
        error: str | None = None,
    ) -> None:
        if active.record.status.is_terminal:
            return
        active.cancel_flush()
        active.record = record = leases.released(
            transitions.finish(active.record, status, now=utcnow(), result=result, error=error)
        )
        try:
            await active.persist(self._store)
        except Exception as exc:
            # The job is over whether or not the store took it: every reader must see
            # it terminal (else its scan folder stays locked), so keep it in memory.
            log.error("job.terminal_state_not_stored", job_id=record.job_id, error=str(exc))
            self._unsaved.keep(record)
        else:
            await self._unsaved.write_back()
        finally:
            self._active.pop(record.job_id, None)
            if not active.lease_lost:  # else the job is not over: its new owner runs it
                self._emit(TERMINAL_EVENT_TYPES[status], record.snapshot().to_dict())
            active.done.set()

    def _emit(self, event_type: str, payload: dict[str, Any]) -> None:
        for listener in self._listeners:
            try:
                listener(event_type, payload)
            except Exception:  # pragma: no cover - a listener bug must not break jobs
                log.exception("job.listener_error", event_type=event_type)


async def _invoke(handler: JobHandler, context: JobContext, payload: dict[str, Any]) -> Any:
    with structlog.contextvars.bound_contextvars(job_id=context.job_id, job_type=context.job_type):
        return await handler(context, payload)
