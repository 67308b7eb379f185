"""The lease rules on plain records: owners, expiry, who may claim, renewal timing."""

from __future__ import annotations

import dataclasses
import os
import socket
from datetime import UTC, datetime, timedelta

import pytest

from stoat_ferret.jobs import leases, transitions
from stoat_ferret.jobs.leases import JobOwner
from stoat_ferret.jobs.models import JobRecord, JobStatus
from stoat_ferret.jobs.transitions import RecoveryAction

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
ME = JobOwner(host="box", pid=10, instance="aaaa")
OTHER = JobOwner(host="box", pid=11, instance="bbbb")


def job(**fields: object) -> JobRecord:
    record = JobRecord(job_id="j1", job_type="scan", payload={}, seq=1, created_at=NOW)
    return dataclasses.replace(record, **fields)  # type: ignore[arg-type]


def held_by(owner: JobOwner, *, expires_in_s: float, **fields: object) -> JobRecord:
    return job(owner=owner.token, lease_expires_at=NOW + timedelta(seconds=expires_in_s), **fields)


def test_owner_of_this_process_names_host_and_pid_and_is_unique_per_instance() -> None:
    first = JobOwner.for_this_process()
    second = JobOwner.for_this_process()
    assert (first.host, first.pid) == (socket.gethostname(), os.getpid())
    assert first.instance != second.instance  # two queues in one process differ
    assert first.token != second.token


def test_token_round_trips_even_with_colons_in_the_host() -> None:
    owner = JobOwner(host="fe80::1", pid=4242, instance="c0ffee")
    assert owner.token == "fe80::1:4242:c0ffee"
    assert JobOwner.parse(owner.token) == owner
    with pytest.raises(ValueError):
        JobOwner.parse("no-pid-here")


def test_lease_expired_only_once_its_time_has_come() -> None:
    assert not leases.lease_expired(held_by(OTHER, expires_in_s=0.001), NOW)
    assert leases.lease_expired(held_by(OTHER, expires_in_s=0), NOW)  # at the instant: gone
    assert leases.lease_expired(held_by(OTHER, expires_in_s=-5), NOW)
    assert not leases.lease_expired(job(), NOW)  # no lease: nothing to expire


@pytest.mark.parametrize("status", [JobStatus.PENDING, JobStatus.RUNNING])
def test_a_live_lease_of_another_process_is_never_claimable(status: JobStatus) -> None:
    record = held_by(OTHER, expires_in_s=10, status=status)
    assert not leases.may_claim(record, ME, NOW)
    with pytest.raises(ValueError, match="held by"):
        leases.claim(record, ME, now=NOW, lease_s=30)


@pytest.mark.parametrize("status", [JobStatus.PENDING, JobStatus.RUNNING])
def test_expired_unowned_or_own_jobs_are_claimable(status: JobStatus) -> None:
    assert leases.may_claim(held_by(OTHER, expires_in_s=-1, status=status), ME, NOW)
    assert leases.may_claim(job(status=status), ME, NOW)  # no owner (stored before leases)
    assert leases.may_claim(held_by(ME, expires_in_s=10, status=status), ME, NOW)


@pytest.mark.parametrize(
    "status", [JobStatus.COMPLETE, JobStatus.FAILED, JobStatus.TIMEOUT, JobStatus.CANCELLED]
)
def test_terminal_jobs_are_never_claimable(status: JobStatus) -> None:
    assert not leases.may_claim(job(status=status), ME, NOW)
    assert not leases.may_claim(held_by(OTHER, expires_in_s=-60, status=status), ME, NOW)


def test_claim_sets_owner_and_expiry_without_touching_the_argument() -> None:
    record = held_by(OTHER, expires_in_s=-1, status=JobStatus.RUNNING, attempts=1)
    claimed = leases.claim(record, ME, now=NOW, lease_s=30)
    assert claimed.owner == ME.token
    assert claimed.lease_expires_at == NOW + timedelta(seconds=30)
    assert (claimed.status, claimed.attempts) == (JobStatus.RUNNING, 1)
    assert record.owner == OTHER.token  # the argument is unchanged


def test_released_clears_the_lease_and_keeps_the_owner_only_on_terminal_jobs() -> None:
    pending = leases.released(held_by(ME, expires_in_s=10))
    assert (pending.owner, pending.lease_expires_at) == (None, None)
    done = leases.released(held_by(ME, expires_in_s=10, status=JobStatus.COMPLETE))
    assert (done.owner, done.lease_expires_at) == (ME.token, None)  # who ran it


def test_renewal_is_every_third_of_the_lease() -> None:
    assert leases.heartbeat_interval_s(30) == 10
    assert not leases.renewal_due(100.0, 109.9, 30)
    assert leases.renewal_due(100.0, 110.0, 30)
    with pytest.raises(ValueError):
        leases.heartbeat_interval_s(0)


def test_a_cancel_asked_elsewhere_ends_a_claimed_pending_job_cancelled() -> None:
    # Set by a server on a CLI's job whose process then died before it saw the flag.
    record = job(status=JobStatus.PENDING, cancel_requested=True)
    assert transitions.recovery(record).action is RecoveryAction.CANCEL
    assert transitions.recovery(job(status=JobStatus.PENDING)).action is RecoveryAction.RUN
