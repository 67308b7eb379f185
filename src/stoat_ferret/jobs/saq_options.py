"""
How each job is handed to SAQ: queue names, URLs and the options of every SAQ job.

SAQ's own defaults do not fit long jobs: a 10 s ``timeout`` would kill every scan,
``heartbeat`` 0 means a worker that dies is never noticed, and one ``retries`` means
a job swept from a dead worker is dropped. Our job table decides how many times a
handler may run (:func:`stoat_ferret.jobs.transitions.recovery`), so SAQ only has to
*deliver* a job again; the options below say so for every job type. Pure functions:
tested directly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "DELIVERY_RETRIES",
    "SAQ_FUNCTION",
    "QueueOptions",
    "queue_name",
    "saq_url",
    "takes",
]

SAQ_FUNCTION = "stoat_job"
"""The one SAQ function: it runs the job whose id it is given, by its type's handler."""

DELIVERY_RETRIES = 1000
"""Times SAQ may deliver one job. Not handler runs: each delivery first reads our
record, and a job that already ran ``MAX_ATTEMPTS`` times ends ``failed`` there
without running; graceful worker restarts also count as deliveries in SAQ."""


def queue_name(namespace: str, job_type: str) -> str:
    """One SAQ queue per job type, so ``worker --job-types`` takes only its types."""
    return f"{namespace}.{job_type}"


def takes(job_types: frozenset[str] | None, job_type: str) -> bool:
    """
    Whether a worker limited to ``job_types`` (None: all) runs ``job_type``.

    A type also covers its sub-types (``scan`` covers ``scan.batch``): a worker told to
    run scans must also run the batches a fan-out scan waits for, or it would wait forever.
    """
    if job_types is None:
        return True
    return job_type in job_types or job_type.split(".", 1)[0] in job_types


def saq_url(url: str) -> str:
    """The URL as SAQ's clients take it: ``postgresql+asyncpg://`` loses its ``+driver``."""
    parts = urlsplit(url)
    scheme = parts.scheme.split("+", 1)[0]
    if scheme == "postgres":
        scheme = "postgresql"
    return urlunsplit(parts._replace(scheme=scheme))


@dataclass(frozen=True, slots=True)
class QueueOptions:
    """
    Our time limits, turned into the options of every SAQ job.

    Attributes:
        timeout_s: our job time limit (``STOAT_JOB_TIMEOUT``), enforced by our runner.
        cancel_grace_s: our cancel grace period, also the runner's unwinding time.
        heartbeat_s: a running job's SAQ record is touched every third of this;
            a job untouched for this long is swept as its worker's death.
        job_timeouts: per job type, a time limit other than ``timeout_s``.
    """

    timeout_s: float = 3600.0
    cancel_grace_s: float = 10.0
    heartbeat_s: float = 15.0
    job_timeouts: tuple[tuple[str, float], ...] = ()

    def time_limit(self, job_type: str) -> float:
        return dict(self.job_timeouts).get(job_type, self.timeout_s)

    def beat_interval_s(self) -> float:
        return max(0.2, self.heartbeat_s / 3)

    def job_options(self, job_type: str, job_id: str) -> dict[str, Any]:
        """The SAQ ``Job`` fields for one of our jobs (all of SAQ's defaults replaced)."""
        limit = self.time_limit(job_type)
        # Our runner ends the job `timeout` first; SAQ's limit is only a backstop for
        # a worker whose loop is stuck, after our limit and our unwinding time.
        backstop = limit + 2 * max(1.0, self.cancel_grace_s) + 10
        return {
            "key": job_id,
            "kwargs": {"job_id": job_id},
            "timeout": math.ceil(backstop),
            "heartbeat": max(1, math.ceil(self.heartbeat_s)),
            "retries": DELIVERY_RETRIES,
            "retry_delay": 0.5,
            # SAQ's PostgreSQL dequeue skips a NULL group key whenever any grouped job
            # is active (NULL NOT IN (...) is never true): a key per job avoids that
            # starvation and puts no limit on what runs at once.
            "group_key": job_id,
            "ttl": 3600,
        }
