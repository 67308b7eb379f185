"""``setup_library``: the library's one entry in the app's composition (``LIBRARY``)."""

from __future__ import annotations

from functools import partial

from stoat_ferret.api.routers import videos
from stoat_ferret.library.domain import LibraryDomain
from stoat_ferret.library.pages import video_pages
from stoat_ferret.library.render_media import LibraryRenderMedia
from stoat_ferret.library.scan import SCAN_JOB_TYPE, ScanConfig, make_scan_handler
from stoat_ferret.library.scan.fanout_job import make_fanout_handlers
from stoat_ferret.library.service import LibraryService
from stoat_ferret.library.usage import VIDEO_USAGE
from stoat_ferret.render.ports import RENDER_MEDIA
from stoat_ferret.wiring import Core, DomainSetup


def setup_library(core: Core) -> LibraryDomain:
    """Build the library's service, its read pages and the ``scan`` handler (no I/O)."""
    settings = core.settings
    config = ScanConfig(
        backend=core.probe_backend,
        thumbnails_dir=settings.thumbnails_dir,
        concurrency=settings.scan_concurrency,
        probe_timeout_s=settings.ffprobe_timeout,
        allowed_roots=tuple(settings.allowed_scan_roots),
    )
    service = LibraryService(
        core.queue,
        allowed_roots=settings.allowed_scan_roots,
        # Asked at delete time: domains set up after this one register theirs too.
        usages=partial(core.registry.all, VIDEO_USAGE),
    )
    # The render asks the library which file each clip plays (render/ports.py).
    core.registry.add(RENDER_MEDIA, LibraryRenderMedia())
    # On the distributed queue a scan fans out into ``scan.batch`` children that any
    # worker takes (SPEC §12); one process keeps the single-job scan.
    handlers = (
        make_fanout_handlers(core.unit_of_work, config, core.queue)
        if settings.queue_url is not None
        else {SCAN_JOB_TYPE: make_scan_handler(core.unit_of_work, config)}
    )
    return LibraryDomain(service=service, pages=video_pages(core.database), job_handlers=handlers)


LIBRARY = DomainSetup(name="library", setup=setup_library, routers=(videos.router,))
