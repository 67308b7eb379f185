"""
``stoat-ferret worker``: a process that runs jobs from the shared queue, and no API.

It builds the same core and domains as a server (so every job type has the very
handler the server would run), on the shared database and the SAQ broker of
``STOAT_QUEUE_URL``, and publishes its jobs' events into the shared event table,
from where every API server's ``/ws`` delivers them. SIGTERM or Ctrl-C stops it
gracefully: running jobs go back to ``pending`` and another worker takes them.
"""

from __future__ import annotations

import asyncio
import signal
from typing import Any

import structlog

from stoat_ferret.backends import make_event_hub, make_job_queue
from stoat_ferret.db import Database
from stoat_ferret.ffmpeg import make_probe_backend
from stoat_ferret.log_config import configure_logging
from stoat_ferret.settings import Settings
from stoat_ferret.wiring import Core, DomainSetup, wire

log = structlog.get_logger("stoat_ferret.worker")

__all__ = ["parse_job_types", "run_worker"]


def parse_job_types(value: str | None) -> frozenset[str] | None:
    """``scan,render`` → the set; empty or None: every job type."""
    if value is None:
        return None
    names = frozenset(part.strip() for part in value.split(",") if part.strip())
    return names or None


async def run_worker(
    settings: Settings,
    *,
    concurrency: int | None = None,
    job_types: frozenset[str] | None = None,
    domains: tuple[DomainSetup[Any], ...] | None = None,
    stop: asyncio.Event | None = None,
) -> None:
    """Run jobs until ``stop`` is set (by default: at SIGTERM or SIGINT)."""
    if settings.queue_url is None:
        raise ValueError("a worker needs STOAT_QUEUE_URL (the queue the API servers submit to)")
    if domains is None:
        from stoat_ferret.api.app import default_domains

        domains = default_domains()
    stop = stop if stop is not None else asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    database = Database.from_settings(settings)
    await database.migrate()
    hub = make_event_hub(settings, database)
    queue = make_job_queue(settings, database, job_types=job_types, workers=concurrency)
    queue.add_event_listener(hub.publish)
    core = Core(
        settings=settings,
        database=database,
        queue=queue,
        publish=hub.publish,
        probe_backend=make_probe_backend(settings),
    )
    wire(core, domains)
    unknown = sorted(name for name in job_types or () if not queue.has_handler(name))
    if unknown:
        await database.dispose()
        raise ValueError(f"unknown job types: {', '.join(unknown)[:200]}")
    await hub.start()
    await queue.start()
    log.info("worker.started", job_types=sorted(job_types) if job_types else "all")
    try:
        await stop.wait()
    finally:
        log.info("worker.stopping")
        await queue.stop()
        await hub.stop()
        await database.dispose()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)


def worker_command(settings: Settings, concurrency: int | None, job_types: str | None) -> None:
    configure_logging(settings.log_level, settings.log_format)
    asyncio.run(run_worker(settings, concurrency=concurrency, job_types=parse_job_types(job_types)))
