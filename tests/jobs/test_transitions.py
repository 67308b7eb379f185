"""The job state machine, rule by rule, on plain records (no queue, no loop)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from stoat_ferret.jobs import JobCancelledError, JobStatus
from stoat_ferret.jobs import transitions as t
from stoat_ferret.jobs.models import JobRecord

T0 = datetime(2025, 1, 1, tzinfo=UTC)
T1 = T0 + timedelta(seconds=5)


def pending(**fields: object) -> JobRecord:
    record = JobRecord(job_id="j1", job_type="scan", payload={}, seq=1, created_at=T0)
    for name, value in fields.items():
        setattr(record, name, value)
    return record


def running(**fields: object) -> JobRecord:
    return t.start(pending(**fields), now=T0)


# --- start -------------------------------------------------------------------------


def test_start_runs_a_pending_job_and_counts_the_attempt() -> None:
    before = pending(attempts=1)
    after = t.start(before, now=T1)
    assert (after.status, after.started_at, after.attempts) == (JobStatus.RUNNING, T1, 2)
    assert before.status is JobStatus.PENDING  # the argument is never changed


@pytest.mark.parametrize("status", [s for s in JobStatus if s is not JobStatus.PENDING])
def test_only_a_pending_job_can_start(status: JobStatus) -> None:
    with pytest.raises(ValueError, match="not pending"):
        t.start(pending(status=status), now=T1)


# --- progress ----------------------------------------------------------------------


@pytest.mark.parametrize(("value", "stored"), [(-3.0, 0.0), (0.25, 0.25), (1.7, 1.0)])
def test_progress_is_clamped_to_0_1(value: float, stored: float) -> None:
    assert t.progress(running(), value, None).progress == stored


def test_progress_never_moves_backwards_but_the_detail_follows() -> None:
    record = t.progress(running(), 0.5, {"processed": 5})
    record = t.progress(record, 0.2, {"processed": 2})
    assert record.progress == 0.5
    assert record.progress_detail == {"processed": 2}


def test_progress_without_detail_keeps_the_previous_detail() -> None:
    record = t.progress(t.progress(running(), 0.1, {"processed": 1}), 0.3, None)
    assert (record.progress, record.progress_detail) == (0.3, {"processed": 1})


def test_progress_is_frozen_once_terminal() -> None:
    done = t.finish(t.progress(running(), 0.4, {"n": 4}), JobStatus.CANCELLED, now=T1)
    assert t.progress(done, 0.9, {"n": 9}) is done


def test_progress_refuses_nan() -> None:
    with pytest.raises(ValueError, match="NaN"):
        t.progress(running(), float("nan"), None)


# --- cancel ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "action"),
    [
        (pending(), t.CancelAction.FINISH_NOW),
        (running(), t.CancelAction.REQUEST),
        (t.mark_cancel_requested(running()), t.CancelAction.ALREADY_REQUESTED),
        *[
            (t.finish(running(), status, now=T1), t.CancelAction.ALREADY_TERMINAL)
            for status in (JobStatus.COMPLETE, JobStatus.FAILED, JobStatus.TIMEOUT)
        ],
    ],
)
def test_cancel_rules(record: JobRecord, action: t.CancelAction) -> None:
    assert t.cancel_action(record) is action


# --- finish ------------------------------------------------------------------------


def test_complete_sets_progress_to_one_other_endings_keep_it() -> None:
    half = t.progress(running(), 0.5, None)
    assert t.finish(half, JobStatus.COMPLETE, now=T1, result=1).progress == 1.0
    failed = t.finish(half, JobStatus.FAILED, now=T1, error="boom")
    assert (failed.progress, failed.error, failed.finished_at) == (0.5, "boom", T1)


def test_a_terminal_job_stays_as_it_was() -> None:
    done = t.finish(running(), JobStatus.COMPLETE, now=T1, result="first")
    assert t.finish(done, JobStatus.FAILED, now=T1, error="late") is done


def test_finish_needs_a_terminal_status() -> None:
    with pytest.raises(ValueError, match="not a terminal status"):
        t.finish(running(), JobStatus.RUNNING, now=T1)


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        (
            {"timed_out": True, "interrupted": True},
            t.Outcome(JobStatus.TIMEOUT, {"p": 1}, "job exceeded its time limit of 60 s"),
        ),
        ({"interrupted": True}, t.Outcome(JobStatus.CANCELLED, {"p": 1})),
        (
            {"error": JobCancelledError({"kept": True})},
            t.Outcome(JobStatus.CANCELLED, {"kept": True}),
        ),
        ({"error": JobCancelledError()}, t.Outcome(JobStatus.CANCELLED, {"p": 1})),
        (
            {"error": RuntimeError("disk on fire"), "error_text": "disk on fire"},
            t.Outcome(JobStatus.FAILED, None, "disk on fire"),
        ),
        ({"returned": "ok"}, t.Outcome(JobStatus.COMPLETE, "ok")),
    ],
)
def test_handler_outcome(how: dict[str, object], expected: t.Outcome) -> None:
    options: dict[str, object] = {
        "timed_out": False,
        "timeout_s": 60.0,
        "interrupted": False,
        "error": None,
        "error_text": None,
        "returned": None,
        "partial": {"p": 1},
        **how,
    }
    assert t.handler_outcome(running(), **options) == expected  # type: ignore[arg-type]


def test_a_handler_that_finishes_after_a_cancel_request_ends_cancelled() -> None:
    outcome = t.handler_outcome(
        t.mark_cancel_requested(running()),
        timed_out=False,
        timeout_s=60,
        interrupted=False,
        error=None,
        error_text=None,
        returned="all done",
        partial=None,
    )
    assert outcome == t.Outcome(JobStatus.CANCELLED, "all done")


# --- stop and restart --------------------------------------------------------------


def test_an_orderly_stop_requeues_without_counting_the_attempt() -> None:
    back = t.requeue(running(attempts=1))
    assert (back.status, back.started_at, back.attempts) == (JobStatus.PENDING, None, 1)


def test_after_a_crash_the_attempt_stays_counted() -> None:
    back = t.back_to_pending_after_crash(running(attempts=1))
    assert (back.status, back.started_at, back.attempts) == (JobStatus.PENDING, None, 2)


@pytest.mark.parametrize(
    ("record", "action"),
    [
        (pending(), t.RecoveryAction.RUN),
        (pending(status=JobStatus.RUNNING, attempts=1), t.RecoveryAction.REQUEUE),
        (
            pending(status=JobStatus.RUNNING, attempts=1, cancel_requested=True),
            t.RecoveryAction.CANCEL,
        ),
        (pending(status=JobStatus.RUNNING, attempts=t.MAX_ATTEMPTS), t.RecoveryAction.FAIL),
    ],
)
def test_recovery_after_a_restart(record: JobRecord, action: t.RecoveryAction) -> None:
    decision = t.recovery(record)
    assert decision.action is action
    assert (decision.error is not None) == (action is t.RecoveryAction.FAIL)
    if decision.error is not None:
        assert "not retried" in decision.error
