"""``setup_render``: the render's one entry in the app's composition (``RENDER``)."""

from __future__ import annotations

from functools import partial

from stoat_ferret.api.routers import renders
from stoat_ferret.render.domain import RenderDomain
from stoat_ferret.render.formats import FormatCatalog
from stoat_ferret.render.job import make_render_handler
from stoat_ferret.render.ports import PROJECT_DOCUMENTS, RENDER_MEDIA
from stoat_ferret.render.service import RENDER_JOB_TYPE, RenderService
from stoat_ferret.wiring import Core, DomainSetup

__all__ = ["RENDER", "setup_render"]


def setup_render(core: Core) -> RenderDomain:
    """Build the service and the handler; the registry is read at call time (no I/O)."""
    settings = core.settings
    ffmpeg = settings.ffmpeg_path or "ffmpeg"
    service = RenderService(
        core.queue,
        documents=partial(core.registry.all, PROJECT_DOCUMENTS),
        media=partial(core.registry.all, RENDER_MEDIA),
        formats=FormatCatalog(ffmpeg),
        renders_dir=settings.data_dir / "renders",
        allowed_roots=settings.allowed_scan_roots,
        ffmpeg=ffmpeg,
        frame_timeout_s=settings.preview_timeout,
    )
    handler = make_render_handler(
        service, core.unit_of_work, ffprobe=settings.ffprobe_path or "ffprobe"
    )
    return RenderDomain(service=service, job_handlers={RENDER_JOB_TYPE: handler})


RENDER = DomainSetup(name="render", setup=setup_render, routers=(renders.router,))
