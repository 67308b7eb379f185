"""``create_app()``: builds the FastAPI app; its lifespan owns every resource.

The app is composed of domains (``domains``: a tuple of ``DomainSetup``, the library's
by default): their routers are included here, their setup functions run in the
lifespan once the core (database, queue, event hub) exists, and the lifespan yields
the whole, typed ``Services`` (``docs/design/03-wiring.md``). Every collaborator is an
optional argument so tests inject real or fake parts without monkeypatching; nothing
here touches the disk or network before the lifespan starts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import structlog
from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import RedirectResponse

from stoat_ferret import __version__
from stoat_ferret.api.deps import AppState, Services, require_token
from stoat_ferret.api.errors import install_error_handlers
from stoat_ferret.api.guards import install_guards
from stoat_ferret.api.gui import default_gui_dir, mount_gui
from stoat_ferret.api.methods import HeadAsGetMiddleware
from stoat_ferret.api.metrics import HttpMetricsMiddleware, Metrics
from stoat_ferret.api.openapi import install_openapi
from stoat_ferret.api.page_cache import PageCache, PageCacheMiddleware
from stoat_ferret.api.routers import health, jobs, metrics, ws
from stoat_ferret.backends import make_event_hub, make_job_queue
from stoat_ferret.db import Database
from stoat_ferret.events import EventHub
from stoat_ferret.ffmpeg import ProbeBackend, make_probe_backend, resolve_binary
from stoat_ferret.heap import freeze_startup_heap
from stoat_ferret.jobs import AsyncJobQueue
from stoat_ferret.log_config import configure_logging
from stoat_ferret.settings import Settings
from stoat_ferret.wiring import Core, DomainSetup, wire

log = structlog.get_logger("stoat_ferret.api")


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
    domains: tuple[DomainSetup[Any], ...] | None = None,
    configure_logs: bool = True,
    gui_dir: Path | None = None,
    run_jobs: bool = True,
) -> FastAPI:
    settings = settings if settings is not None else Settings()
    if configure_logs:
        configure_logging(settings.log_level, settings.log_format)
    app_metrics = Metrics()
    setups = domains if domains is not None else default_domains()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[AppState]:
        db = database if database is not None else Database.from_settings(settings)
        await db.migrate()
        event_hub = hub if hub is not None else make_event_hub(settings, db)
        job_queue = queue if queue is not None else make_job_queue(settings, db, run_jobs=run_jobs)
        job_queue.add_event_listener(event_hub.publish)
        job_queue.add_event_listener(app_metrics.observe_job_event)
        core = Core(
            settings=settings,
            database=db,
            queue=job_queue,
            publish=event_hub.publish,
            probe_backend=probe_backend
            if probe_backend is not None
            else make_probe_backend(settings),
        )
        services = Services(
            core=core,
            hub=event_hub,
            metrics=app_metrics,
            domains=wire(core, setups),
            heartbeat_interval_s=heartbeat_interval_s,
            ffprobe_path=_binary("ffprobe", settings.ffprobe_path),
            ffmpeg_path=_binary("ffmpeg", settings.ffmpeg_path),
        )
        app.state.services = services
        await event_hub.start()
        await job_queue.start()
        # Start-up is done: what exists now lives as long as the process (heap.py).
        freeze_startup_heap()
        try:
            yield AppState(services=services)
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
    # Innermost: answers a cached page after the guards, before routing (page_cache.py).
    app.state.page_cache = PageCache()
    app.add_middleware(PageCacheMiddleware, cache=app.state.page_cache)
    install_guards(app, settings)
    install_openapi(app)
    app.add_middleware(HttpMetricsMiddleware, metrics=app_metrics)
    # Outside the metrics: a HEAD is counted as the GET it is served as.
    app.add_middleware(HeadAsGetMiddleware)
    api = APIRouter(prefix="/api/v1", dependencies=[Depends(require_token)])
    api.include_router(jobs.router)
    for setup in setups:
        for router in setup.routers:
            api.include_router(router)
    app.include_router(api)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(ws.router)

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse("/gui/")

    mount_gui(app, gui_dir if gui_dir is not None else default_gui_dir())

    return app


def default_domains() -> tuple[DomainSetup[Any], ...]:
    """The domains the product ships: the library, the editor, the render previews and
    the render."""
    # Imported here: each setup imports its routers, which import api.deps.
    from stoat_ferret.editing.setup import EDITING
    from stoat_ferret.library.setup import LIBRARY
    from stoat_ferret.render.preview_setup import PREVIEW
    from stoat_ferret.render.setup import RENDER

    return (LIBRARY, EDITING, PREVIEW, RENDER)
