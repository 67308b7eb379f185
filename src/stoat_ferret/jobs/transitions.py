"""
The job state machine as pure functions: a ``JobRecord`` in, a new one out.

Every rule about how a job's state may change lives here: starting, progress
(clamped to 0..1, never backwards, frozen once terminal), the cancel rules, how a
finished handler becomes a terminal status, the orderly requeue on stop and what a
restart does with a job it finds unfinished. Nothing here awaits, stores, emits or
reads the clock (the caller passes ``now``), so each rule is tested directly on
records (``tests/jobs/test_transitions.py``); the asyncio runner in
:mod:`stoat_ferret.jobs.engine` only decides *when* to apply them.

Functions never mutate their argument: the runner swaps in the returned record,
so a snapshot taken earlier (an API answer, an event payload) never changes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from stoat_ferret.jobs.context import JobCancelledError
from stoat_ferret.jobs.models import JobRecord, JobStatus, clamp_progress

__all__ = [
    "MAX_ATTEMPTS",
    "CancelAction",
    "Outcome",
    "Recovery",
    "RecoveryAction",
    "back_to_pending_after_crash",
    "cancel_action",
    "finish",
    "handler_outcome",
    "mark_cancel_requested",
    "progress",
    "recovery",
    "requeue",
    "start",
]

MAX_ATTEMPTS = 2
"""A job found ``running`` at start-up with this many starts behind it is not retried."""


def start(record: JobRecord, *, now: datetime) -> JobRecord:
    """
    A pending job picked by a worker: ``running``, one more attempt.

    Raises:
        ValueError: the job is not pending (a worker must never run it twice).
    """
    if record.status is not JobStatus.PENDING:
        raise ValueError(f"job {record.job_id} is {record.status.value}, not pending")
    return dataclasses.replace(
        record, status=JobStatus.RUNNING, started_at=now, attempts=record.attempts + 1
    )


def progress(record: JobRecord, value: float, detail: dict[str, Any] | None) -> JobRecord:
    """
    Progress reported by the handler (or through the queue API).

    Clamped to 0..1 and never below what was reported before (a scan whose total
    grows must not make the bar jump back). ``detail`` replaces the previous
    detail when given. A terminal job's progress is frozen: the record comes back
    unchanged.

    Raises:
        ValueError: ``value`` is NaN.
    """
    clamped = clamp_progress(value)  # raises on NaN, also for a terminal job
    if record.status.is_terminal:
        return record
    return dataclasses.replace(
        record,
        progress=max(clamped, record.progress or 0.0),
        progress_detail=dict(detail) if detail is not None else record.progress_detail,
    )


class CancelAction(Enum):
    """What a cancel request does to a job in its current state."""

    FINISH_NOW = "finish_now"
    """Pending: it ends ``cancelled`` at once and never runs."""
    REQUEST = "request"
    """Running: ``cancel_requested`` is set; the handler stops, or is interrupted
    after the grace period."""
    ALREADY_REQUESTED = "already_requested"
    """Running with a cancel already asked for: nothing more to do."""
    ALREADY_TERMINAL = "already_terminal"
    """Over: the request is refused (409 ``ALREADY_TERMINAL``)."""


def cancel_action(record: JobRecord) -> CancelAction:
    """Decide what a cancel request does to ``record`` (see :class:`CancelAction`)."""
    if record.status.is_terminal:
        return CancelAction.ALREADY_TERMINAL
    if record.status is JobStatus.PENDING:
        return CancelAction.FINISH_NOW
    if record.cancel_requested:
        return CancelAction.ALREADY_REQUESTED
    return CancelAction.REQUEST


def mark_cancel_requested(record: JobRecord) -> JobRecord:
    """The record with ``cancel_requested`` set (kept on the terminal record too)."""
    return dataclasses.replace(record, cancel_requested=True)


def finish(
    record: JobRecord,
    status: JobStatus,
    *,
    now: datetime,
    result: Any = None,
    error: str | None = None,
) -> JobRecord:
    """
    End the job in the terminal ``status``; a terminal job stays as it was.

    ``complete`` sets progress to 1.0; every other ending keeps the last progress,
    so a cancelled scan still shows how far it got.

    Raises:
        ValueError: ``status`` is not terminal.
    """
    if not status.is_terminal:
        raise ValueError(f"{status.value} is not a terminal status")
    if record.status.is_terminal:
        return record
    return dataclasses.replace(
        record,
        status=status,
        result=result,
        error=error,
        finished_at=now,
        progress=1.0 if status is JobStatus.COMPLETE else record.progress,
    )


def requeue(record: JobRecord) -> JobRecord:
    """
    Back to ``pending`` after an orderly stop; the attempt is not counted.

    Only a crash (a job found ``running`` at start-up) uses up an attempt; stopping
    the server cleanly is not the job's fault.
    """
    return dataclasses.replace(
        record,
        status=JobStatus.PENDING,
        started_at=None,
        attempts=max(0, record.attempts - 1),
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """The terminal state a finished (or interrupted) handler leads to."""

    status: JobStatus
    result: Any = None
    error: str | None = None


def handler_outcome(
    record: JobRecord,
    *,
    timed_out: bool,
    timeout_s: float,
    interrupted: bool,
    error: BaseException | None,
    error_text: str | None,
    returned: Any,
    partial: Any,
) -> Outcome:
    """
    Turn how the handler ended into the job's terminal state.

    Args:
        record: the job as it is now (``cancel_requested`` matters).
        timed_out: the runner stopped it for exceeding ``timeout_s``.
        timeout_s: the job time limit, for the message.
        interrupted: the handler task was cancelled (or never finished unwinding).
        error: what the handler raised, if anything.
        error_text: ``error`` as a user-facing message (the runner describes it).
        returned: what the handler returned, when it returned.
        partial: ``ctx.partial_result``, kept on any non-success ending.
    """
    if timed_out:
        return Outcome(
            JobStatus.TIMEOUT, partial, f"job exceeded its time limit of {timeout_s:g} s"
        )
    if interrupted:
        return Outcome(JobStatus.CANCELLED, partial)
    if isinstance(error, JobCancelledError):
        kept = error.partial_result if error.partial_result is not None else partial
        return Outcome(JobStatus.CANCELLED, kept)
    if error is not None:
        return Outcome(JobStatus.FAILED, None, error_text or type(error).__name__)
    if record.cancel_requested:
        # It finished anyway; the user asked to stop, so it reads as cancelled.
        return Outcome(JobStatus.CANCELLED, returned)
    return Outcome(JobStatus.COMPLETE, returned)


class RecoveryAction(Enum):
    """What a start-up does with a job the store lists as unfinished."""

    RUN = "run"
    """Pending (never started, or requeued by an orderly stop): queue it."""
    REQUEUE = "requeue"
    """Running when the server died: back to pending and queued again."""
    CANCEL = "cancel"
    """A cancel was requested before its process died: it ends cancelled."""
    FAIL = "fail"
    """Running, and it has died with the server ``MAX_ATTEMPTS`` times: it fails."""


@dataclass(frozen=True, slots=True)
class Recovery:
    """A :class:`RecoveryAction`, with the error message when it fails the job."""

    action: RecoveryAction
    error: str | None = None


def recovery(record: JobRecord, *, max_attempts: int = MAX_ATTEMPTS) -> Recovery:
    """Decide what a restart (or a claim of a dead process's job) does with ``record``."""
    if record.cancel_requested:
        # Pending too: a cancel asked through another process, whose owner died first.
        return Recovery(RecoveryAction.CANCEL)
    if record.status is not JobStatus.RUNNING:
        return Recovery(RecoveryAction.RUN)
    if record.attempts >= max_attempts:
        return Recovery(
            RecoveryAction.FAIL,
            f"the server stopped {record.attempts} times while this job was running; "
            "it is not retried again",
        )
    return Recovery(RecoveryAction.REQUEUE)


def back_to_pending_after_crash(record: JobRecord) -> JobRecord:
    """A job requeued after a crash: pending again, the attempt stays counted."""
    return dataclasses.replace(record, status=JobStatus.PENDING, started_at=None)
