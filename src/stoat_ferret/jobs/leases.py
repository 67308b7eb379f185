"""
Job leases as pure rules: who owns a job, whether its lease has expired, who may claim it.

Several processes may share one job table (a server and a ``stoat-ferret scan`` on
the same data dir, later workers on other machines). Each queue instance has an
owner identity (:class:`JobOwner`); every unfinished job it holds carries that
owner and a lease expiry, which the owner renews on a heartbeat. Another process
may take a job over only once its lease has expired (or when it has no owner: a
job put back by an orderly stop, or stored before leases existed). The claim itself
is a compare-and-set in the store (``JobStore.claim``), so two processes that both
decide a job is claimable never both get it.

Nothing here reads the clock or the store: the caller passes ``now`` and the record,
so every rule is tested on plain records (``tests/jobs/test_leases.py``).
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from stoat_ferret.jobs.models import JobRecord

__all__ = [
    "CANCEL_POLL_MAX_S",
    "JobOwner",
    "claim",
    "heartbeat_interval_s",
    "lease_expired",
    "may_claim",
    "released",
    "renewal_due",
]

CANCEL_POLL_MAX_S = 0.5
"""The heartbeat looks for cancel requests made by other processes at least this often,
whatever the lease: a cancel from the server reaches a CLI scan within about a second,
and a running job on any worker within half of the 2 s SPEC §12 allows for stopping
(one cheap read of the jobs a process holds per tick)."""


@dataclass(frozen=True, slots=True)
class JobOwner:
    """
    One queue instance: its host, process id and a random id of its own.

    The random part tells apart two queue instances in one process and a restarted
    process that got the same pid; host and pid are for people reading the table.
    """

    host: str
    pid: int
    instance: str

    @classmethod
    def for_this_process(cls) -> JobOwner:
        """A fresh identity for a new queue instance in this process."""
        return cls(host=socket.gethostname(), pid=os.getpid(), instance=secrets.token_hex(8))

    @property
    def token(self) -> str:
        """The stored form (``jobs.owner``): ``host:pid:instance``, unique per instance."""
        return f"{self.host}:{self.pid}:{self.instance}"

    @classmethod
    def parse(cls, token: str) -> JobOwner:
        """
        Read a stored ``token`` back; the host may itself contain colons.

        Raises:
            ValueError: ``token`` is not ``host:pid:instance``.
        """
        host, pid, instance = token.rsplit(":", 2)
        return cls(host=host, pid=int(pid), instance=instance)


def heartbeat_interval_s(lease_s: float) -> float:
    """How often an owner renews its leases: every third of the lease.

    Two renewals may be missed (a stalled disk, a busy loop) before anyone else may
    take the job.
    """
    if lease_s <= 0:
        raise ValueError("the lease must be a positive number of seconds")
    return lease_s / 3


def renewal_due(last_renewed: float, now_monotonic: float, lease_s: float) -> bool:
    """Whether a heartbeat tick (monotonic seconds) should renew the leases now."""
    return now_monotonic - last_renewed >= heartbeat_interval_s(lease_s)


def lease_expired(record: JobRecord, now: datetime) -> bool:
    """Whether ``record``'s owner has let its lease run out (no owner: nothing to expire)."""
    return record.lease_expires_at is not None and record.lease_expires_at <= now


def may_claim(record: JobRecord, owner: JobOwner, now: datetime) -> bool:
    """
    Whether ``owner`` may take ``record`` over: it is unfinished and nobody live holds it.

    A job is claimable when it has no owner, or its owner's lease has expired, or it
    is already ``owner``'s. A live lease of another process is never taken, which is
    why a server started next to a running CLI scan leaves that scan alone.
    """
    if record.status.is_terminal:
        return False
    if record.owner is None or record.owner == owner.token:
        return True
    return lease_expired(record, now)


def claim(record: JobRecord, owner: JobOwner, *, now: datetime, lease_s: float) -> JobRecord:
    """
    ``record`` held by ``owner`` until ``now + lease_s`` (a new job, a claim, a renewal).

    Raises:
        ValueError: ``owner`` may not claim ``record`` (see :func:`may_claim`).
    """
    if not may_claim(record, owner, now):
        raise ValueError(f"job {record.job_id} is held by {record.owner} until its lease ends")
    return dataclasses.replace(
        record, owner=owner.token, lease_expires_at=now + timedelta(seconds=lease_s)
    )


def released(record: JobRecord) -> JobRecord:
    """
    ``record`` without a lease: a terminal job, or one put back by an orderly stop.

    A terminal job keeps its owner (who ran it, for the record); a job put back to
    ``pending`` loses it too, so any process may run it without waiting for a lease.
    """
    owner = record.owner if record.status.is_terminal else None
    return dataclasses.replace(record, owner=owner, lease_expires_at=None)
