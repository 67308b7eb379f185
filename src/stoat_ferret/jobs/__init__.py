"""The job system: every long operation runs as a job with progress and cancel."""

from stoat_ferret.jobs.asyncio_queue import AsyncioJobQueue
from stoat_ferret.jobs.context import JobCancelledError, JobContext
from stoat_ferret.jobs.memory_queue import InMemoryJobQueue
from stoat_ferret.jobs.models import TERMINAL_STATUSES, JobResult, JobStatus
from stoat_ferret.jobs.protocol import AsyncJobQueue, JobHandler

__all__ = [
    "TERMINAL_STATUSES",
    "AsyncJobQueue",
    "AsyncioJobQueue",
    "InMemoryJobQueue",
    "JobCancelledError",
    "JobContext",
    "JobHandler",
    "JobResult",
    "JobStatus",
]
