"""
What the settings select: the job queue and the event hub of one process.

Unset ``STOAT_QUEUE_URL``: the embedded queue and a hub that numbers its own events,
all in one process (the default). Set: SAQ on that broker and a hub whose events the
database numbers, shared by every API server and worker (``docs/manual/11_deployment.md``).
"""

from __future__ import annotations

from stoat_ferret.db import Database
from stoat_ferret.events import EventHub, EventRepository
from stoat_ferret.events.notify import make_notifier
from stoat_ferret.events.shared_hub import NumberingEventRepository, SharedEventHub
from stoat_ferret.jobs import AsyncioJobQueue
from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.saq_options import saq_url
from stoat_ferret.jobs.saq_queue import SaqJobQueue
from stoat_ferret.settings import Settings

__all__ = ["make_event_hub", "make_job_queue"]


def make_job_queue(
    settings: Settings,
    database: Database,
    *,
    run_jobs: bool = True,
    job_types: frozenset[str] | None = None,
    workers: int | None = None,
) -> QueueEngine:
    """The queue ``settings`` select; ``run_jobs=False`` only with a broker (``--no-worker``)."""
    if settings.queue_url is None:
        if not run_jobs:
            raise ValueError("a server without workers needs STOAT_QUEUE_URL (a shared queue)")
        return AsyncioJobQueue(
            database.sessions,
            workers=workers or settings.job_workers,
            timeout_s=settings.job_timeout,
            cancel_grace_s=settings.job_cancel_grace,
            lease_s=settings.job_lease,
            reserve=database.reserve,
            writer=database.writer,
        )
    return SaqJobQueue(
        database.sessions,
        settings.queue_url,
        workers=workers or settings.job_workers,
        timeout_s=settings.job_timeout,
        cancel_grace_s=settings.job_cancel_grace,
        run_jobs=run_jobs,
        job_types=job_types,
        heartbeat_s=settings.queue_heartbeat,
        sweep_interval_s=settings.queue_sweep_interval,
        namespace=settings.queue_name,
        reserve=database.reserve,
    )


def make_event_hub(settings: Settings, database: Database) -> EventHub:
    if settings.queue_url is None:
        return EventHub(
            EventRepository(database.sessions, writer=database.writer),
            retention=settings.event_retention,
        )
    return SharedEventHub(
        NumberingEventRepository(database.sessions),
        make_notifier(saq_url(settings.queue_url), settings.queue_name),
        retention=settings.event_retention,
    )
