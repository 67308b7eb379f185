"""
The asyncio job runner shared by every in-process backend.

What a job's state may become is decided by the pure functions in
:mod:`stoat_ferret.jobs.transitions`; this module decides *when*: it runs handlers
on worker tasks, enforces timeouts and the cancel grace period, throttles progress
writes, and stores and announces every new state. A backend only chooses where
records are stored (``JobStore``). That is why the in-memory double and the durable
queue pass the same contract suite: they are the same machine over different
storage.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import structlog

from stoat_ferret.clock import utcnow
from stoat_ferret.db.storage import describe_failure
from stoat_ferret.errors import JobAlreadyTerminalError, JobNotFoundError, UnknownJobTypeError
from stoat_ferret.events.callback import EventCallback
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import transitions
from stoat_ferret.jobs.active import ActiveJob
from stoat_ferret.jobs.context import JobContext
from stoat_ferret.jobs.models import TERMINAL_EVENT_TYPES, JobRecord, JobResult, JobStatus
from stoat_ferret.jobs.protocol import JobHandler
from stoat_ferret.jobs.store import JobStore
from stoat_ferret.jobs.transitions import CancelAction, RecoveryAction

log = structlog.get_logger("stoat_ferret.jobs")


class QueueEngine:
    """Runs jobs on ``workers`` asyncio tasks over any ``JobStore``."""

    def __init__(
        self,
        store: JobStore,
        *,
        workers: int = 2,
        timeout_s: float = 3600.0,
        cancel_grace_s: float = 10.0,
        progress_flush_interval_s: float = 0.5,
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
        # Terminal records the store failed to write (a full disk): still served from
        # here, so the job reads as over, and written again after the next job ends.
        self._unsaved: dict[str, JobRecord] = {}
        self._ready: asyncio.Queue[str] = asyncio.Queue()
        self._workers: list[asyncio.Task[None]] = []
        self._seq: int | None = None
        self._seq_lock = asyncio.Lock()
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
        """Recover unfinished jobs from the store, then start the workers."""
        if self._workers:
            return
        await self._recover()
        self._workers = [
            asyncio.create_task(self._worker(), name=f"stoat-job-worker-{n}")
            for n in range(self._workers_count)
        ]

    async def stop(self) -> None:
        """Stop the workers; running jobs go back to ``pending`` and resume at next start."""
        workers, self._workers = self._workers, []
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        for active in list(self._active.values()):
            active.cancel_flush()
            try:
                await active.persist(self._store)
            except Exception as exc:
                # The store keeps its last state of the job, which the next start resumes.
                log.error("job.state_not_stored", job_id=active.record.job_id, error=str(exc))
        await self._store_unsaved()
        # The store now holds every unfinished job; the next start() recovers them.
        self._active.clear()
        self._ready = asyncio.Queue()

    # -- queries ------------------------------------------------------------------

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
        await asyncio.shield(self._store.insert(record))  # see ActiveJob.persist
        self._active[record.job_id] = ActiveJob(record=record)
        self._emit(EventType.JOB_CREATED, record.snapshot().to_dict())
        self._ready.put_nowait(record.job_id)
        return record.job_id

    async def get_result(self, job_id: str) -> JobResult:
        active = self._active.get(job_id)
        if active is not None:
            return active.record.snapshot()
        record = self._unsaved.get(job_id) or await self._store.get(job_id)
        if record is None:
            raise JobNotFoundError(job_id)
        return record.snapshot()

    async def get_status(self, job_id: str) -> JobStatus:
        return (await self.get_result(job_id)).status

    async def list_jobs(
        self,
        status: JobStatus | None = None,
        job_type: str | None = None,
        limit: int = 50,
    ) -> list[JobResult]:
        records = await self._store.list_records(status, job_type, limit + len(self._unsaved))
        if self._unsaved:
            # The store still shows these jobs in their last stored (non-terminal) state.
            records = [r for r in records if r.job_id not in self._unsaved]
            records += [
                r
                for r in self._unsaved.values()
                if (status is None or r.status is status)
                and (job_type is None or r.job_type == job_type)
            ]
            records = sorted(records, key=lambda r: r.seq, reverse=True)[:limit]
        # The store may lag on progress (writes are throttled); prefer live state.
        return [
            (self._active[r.job_id].record if r.job_id in self._active else r).snapshot()
            for r in records
        ]

    async def count_jobs(self) -> dict[tuple[str, JobStatus], int]:
        return await self._store.counts()

    async def wait(self, job_id: str, timeout: float) -> JobResult:  # noqa: ASYNC109 - spec API
        active = self._active.get(job_id)
        if active is None:
            return await self.get_result(job_id)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(max(0.0, timeout)):
                await active.done.wait()
        return await self.get_result(job_id)

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
            result = await self.get_result(job_id)
            raise JobAlreadyTerminalError(job_id, result.status.value)
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
            self.cancel_grace_s, self._interrupt, active
        )
        await active.persist(self._store)
        return accepted

    # -- internals ----------------------------------------------------------------

    async def _next_seq(self) -> int:
        async with self._seq_lock:
            if self._seq is None:
                self._seq = await self._store.max_seq()
            self._seq += 1
            return self._seq

    async def _recover(self) -> None:
        for record in await self._store.unfinished():
            if record.job_id in self._active:
                continue  # submitted before start(): already queued
            active = ActiveJob(record=record)
            self._active[record.job_id] = active
            decision = transitions.recovery(record)
            if decision.action is RecoveryAction.CANCEL:
                await self._finish(active, JobStatus.CANCELLED)
                continue
            if decision.action is RecoveryAction.FAIL:
                await self._finish(active, JobStatus.FAILED, error=decision.error)
                continue
            if decision.action is RecoveryAction.REQUEUE:
                log.warning("job.requeued_after_restart", job_id=record.job_id)
                active.record = transitions.back_to_pending_after_crash(record)
                await active.persist(self._store)
            self._ready.put_nowait(record.job_id)

    async def _worker(self) -> None:
        while True:
            job_id = await self._ready.get()
            active = self._active.get(job_id)
            if active is None or active.record.status is not JobStatus.PENDING:
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
            await active.persist(self._store)
        except asyncio.CancelledError:
            # The queue is stopping before the handler started: put the job back.
            await self._requeue(active)
            raise
        except Exception as exc:
            # Nothing has run yet; a job that cannot even be marked running fails.
            await self._finish(active, JobStatus.FAILED, error=describe_failure(exc))
            return
        self._emit(EventType.JOB_STARTED, record.snapshot().to_dict())
        context = JobContext(
            job_id=record.job_id,
            job_type=record.job_type,
            set_progress=self._progress_setter(record.job_id),
            emit=self._emit,
            cancel_event=active.cancel_event,
        )
        active.context = context
        active.task = asyncio.create_task(
            self._invoke(handler, context, dict(record.payload)), name=f"job-{record.job_id}"
        )
        try:
            done, _ = await asyncio.wait({active.task}, timeout=self.timeout_s)
            if not done:
                active.timed_out = True
                await self._interrupt_and_wait(active)
        except asyncio.CancelledError:
            # The queue is stopping: interrupt the handler and put the job back.
            await self._interrupt_and_wait(active)
            if active.task.done() and not active.task.cancelled():
                active.task.exception()  # retrieved: how it ended no longer matters
            await self._requeue(active)
            raise
        finally:
            if active.grace_handle is not None:
                active.grace_handle.cancel()
        await self._settle(active)

    async def _invoke(
        self, handler: JobHandler, context: JobContext, payload: dict[str, Any]
    ) -> Any:
        with structlog.contextvars.bound_contextvars(
            job_id=context.job_id, job_type=context.job_type
        ):
            return await handler(context, payload)

    def _interrupt(self, active: ActiveJob) -> None:
        if active.task is not None and not active.task.done():
            log.warning("job.interrupted", job_id=active.record.job_id)
            active.task.cancel()

    async def _interrupt_and_wait(self, active: ActiveJob) -> None:
        """Cancel the handler task and give it a bounded time to unwind."""
        task = active.task
        if task is None:
            return
        self._interrupt(active)
        done, _ = await asyncio.wait({task}, timeout=max(1.0, self.cancel_grace_s))
        if not done:
            # It swallowed the cancellation; keep a reference so it is not collected
            # mid-flight, and free the worker rather than hang the queue on it.
            log.error("job.handler_ignored_cancellation", job_id=active.record.job_id)
            self._abandoned.add(task)
            task.add_done_callback(self._abandoned.discard)

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

    async def _requeue(self, active: ActiveJob) -> None:
        active.record = transitions.requeue(active.record)
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
        active.record = record = transitions.finish(
            active.record, status, now=utcnow(), result=result, error=error
        )
        try:
            await active.persist(self._store)
        except Exception as exc:
            # The job is over whether or not the store took it: every reader must see
            # it terminal (else its scan folder stays locked), so keep it in memory.
            log.error("job.terminal_state_not_stored", job_id=record.job_id, error=str(exc))
            self._unsaved[record.job_id] = record.copy()
        else:
            await self._store_unsaved()
        finally:
            self._active.pop(record.job_id, None)
            self._emit(TERMINAL_EVENT_TYPES[status], record.snapshot().to_dict())
            active.done.set()

    async def _store_unsaved(self) -> None:
        """Write the terminal states a failed write left in memory, while writes succeed."""
        for job_id, record in list(self._unsaved.items()):
            try:
                await asyncio.shield(self._store.update(record))  # see ActiveJob.persist
            except Exception:
                return  # still failing: tried again when the next job ends
            self._unsaved.pop(job_id, None)

    def _progress_setter(
        self, job_id: str
    ) -> Callable[[float, dict[str, Any] | None], Awaitable[None]]:
        async def set_progress(value: float, detail: dict[str, Any] | None) -> None:
            await self.set_progress(job_id, value, detail)

        return set_progress

    def _emit(self, event_type: str, payload: dict[str, Any]) -> None:
        for listener in self._listeners:
            try:
                listener(event_type, payload)
            except Exception:  # pragma: no cover - a listener bug must not break jobs
                log.exception("job.listener_error", event_type=event_type)
