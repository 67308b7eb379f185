"""
``PREVIEW``: the effect catalog's routes and the effect preview, as one domain.

Its routers are ``/effects`` (catalog, filter string, preview picture) and
``/transitions``; its one service is the :class:`EffectPreviewer`, built per app so its
LRU cache lives as long as the app. No job handlers, no events.
"""

from __future__ import annotations

from stoat_ferret.api.routers import effects, transitions
from stoat_ferret.render.preview_domain import PreviewDomain
from stoat_ferret.render.preview_service import EffectPreviewer
from stoat_ferret.wiring import Core, DomainSetup

__all__ = ["PREVIEW", "setup_preview"]


def setup_preview(core: Core) -> PreviewDomain:
    """Build the previewer from the settings (no I/O)."""
    settings = core.settings
    previewer = EffectPreviewer(
        allowed_roots=settings.allowed_scan_roots, timeout_s=settings.preview_timeout
    )
    return PreviewDomain(previewer=previewer)


PREVIEW = DomainSetup(
    name="preview", setup=setup_preview, routers=(effects.router, transitions.router)
)
