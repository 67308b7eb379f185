"""``RenderDomain``: what the render contributes once the app is wired."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stoat_ferret.jobs import JobHandler
from stoat_ferret.render.service import RenderService


@dataclass(frozen=True)
class RenderDomain:
    """The render's service and its ``render`` job handler (no events of its own)."""

    service: RenderService
    job_handlers: Mapping[str, JobHandler]
    event_types: frozenset[str] = frozenset()
