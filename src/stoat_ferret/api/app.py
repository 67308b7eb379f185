"""``create_app()``: builds the FastAPI app; its lifespan owns every resource.

Every collaborator is an optional argument so tests inject real or fake parts
without monkeypatching; nothing here touches the disk or network before the
lifespan starts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import structlog
from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import RedirectResponse

from stoat_ferret import __version__
from stoat_ferret.api.deps import Services, require_token
from stoat_ferret.api.errors import install_error_handlers
from stoat_ferret.api.guards import install_guards
from stoat_ferret.api.gui import default_gui_dir, mount_gui
from stoat_ferret.api.methods import HeadAsGetMiddleware
from stoat_ferret.api.metrics import HttpMetricsMiddleware, Metrics
from stoat_ferret.api.openapi import install_openapi
from stoat_ferret.api.routers import effects, health, jobs, metrics, transitions, videos, ws
from stoat_ferret.db import Database
from stoat_ferret.events import EventHub, EventRepository
from stoat_ferret.ffmpeg import ProbeBackend, make_probe_backend, resolve_binary
from stoat_ferret.jobs import AsyncioJobQueue, AsyncJobQueue
from stoat_ferret.library.repository import VideoRepository
from stoat_ferret.library.scan import SCAN_JOB_TYPE, ScanConfig, make_scan_handler
from stoat_ferret.library.service import LibraryService
from stoat_ferret.log_config import configure_logging
from stoat_ferret.settings import Settings

log = structlog.get_logger("stoat_ferret.api")

#: Called in the lifespan, after the database and queue exist and before the queue
#: starts, so each domain can register its job handlers (e.g. the library scan).
DomainSetup = Callable[[Services], Awaitable[None]]


def _binary(name: str, configured: str | None) -> str | None:
    found = resolve_binary(name, configured)
    if found is None:
        log.warning("binary.missing", binary=name, configured=configured)
    return found


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    queue: AsyncJobQueue | None = None,
    hub: EventHub | None = None,
    probe_backend: ProbeBackend | None = None,
    heartbeat_interval_s: float = 15.0,
    domain_setups: tuple[DomainSetup, ...] | None = None,
    configure_logs: bool = True,
    gui_dir: Path | None = None,
) -> FastAPI:
    settings = settings if settings is not None else Settings()
    if configure_logs:
        configure_logging(settings.log_level, settings.log_format)
    app_metrics = Metrics()
    setups = domain_setups if domain_setups is not None else default_domain_setups()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = database if database is not None else Database(settings.database_path)
        await db.migrate()
        event_hub = (
            hub
            if hub is not None
            else EventHub(EventRepository(db.sessions), retention=settings.event_retention)
        )
        job_queue = (
            queue
            if queue is not None
            else AsyncioJobQueue(
                db.sessions,
                workers=settings.job_workers,
                timeout_s=settings.job_timeout,
                cancel_grace_s=settings.job_cancel_grace,
                reserve=db.reserve,
            )
        )
        job_queue.add_event_listener(event_hub.publish)
        job_queue.add_event_listener(app_metrics.observe_job_event)
        services = Services(
            settings=settings,
            database=db,
            queue=job_queue,
            hub=event_hub,
            metrics=app_metrics,
            heartbeat_interval_s=heartbeat_interval_s,
            ffprobe_path=_binary("ffprobe", settings.ffprobe_path),
            ffmpeg_path=_binary("ffmpeg", settings.ffmpeg_path),
        )
        services.library = setup_library(
            services, probe_backend if probe_backend is not None else make_probe_backend(settings)
        )
        app.state.services = services
        for setup in setups:
            await setup(services)
        await event_hub.start()
        await job_queue.start()
        try:
            yield
        finally:
            await job_queue.stop()
            await event_hub.stop()
            if database is None:
                await db.dispose()

    app = FastAPI(
        title="stoat-ferret",
        version=__version__,
        description="API-first video library and editing service. Long operations run as jobs.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    install_guards(app, settings)
    install_openapi(app)
    app.add_middleware(HttpMetricsMiddleware, metrics=app_metrics)
    # Outside the metrics: a HEAD is counted as the GET it is served as.
    app.add_middleware(HeadAsGetMiddleware)
    api = APIRouter(prefix="/api/v1", dependencies=[Depends(require_token)])
    api.include_router(jobs.router)
    api.include_router(videos.router)
    api.include_router(effects.router)
    api.include_router(transitions.router)
    app.include_router(api)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(ws.router)

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse("/gui/")

    mount_gui(app, gui_dir if gui_dir is not None else default_gui_dir())

    return app


def default_domain_setups() -> tuple[DomainSetup, ...]:
    return ()


def setup_library(services: Services, backend: ProbeBackend) -> LibraryService:
    """Build the library service and register the ``scan`` handler on the queue."""
    settings = services.settings
    repository = VideoRepository(services.database.sessions, services.database.reads)
    config = ScanConfig(
        backend=backend,
        thumbnails_dir=settings.thumbnails_dir,
        concurrency=settings.scan_concurrency,
        probe_timeout_s=settings.ffprobe_timeout,
        allowed_roots=tuple(settings.allowed_scan_roots),
    )
    if not services.queue.has_handler(SCAN_JOB_TYPE):
        services.queue.register_handler(SCAN_JOB_TYPE, make_scan_handler(repository, config))
    return LibraryService(
        repository,
        services.queue,
        allowed_roots=settings.allowed_scan_roots,
        emit=services.hub.publish,
    )
