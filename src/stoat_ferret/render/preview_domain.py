"""``PreviewDomain``: what the effect preview contributes once the app is wired."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from stoat_ferret.jobs import JobHandler
from stoat_ferret.render.preview_service import EffectPreviewer


@dataclass(frozen=True)
class PreviewDomain:
    """The effect previewer (the catalog and transitions need no state of their own)."""

    previewer: EffectPreviewer
    job_handlers: Mapping[str, JobHandler] = field(default_factory=dict)
    event_types: frozenset[str] = frozenset()
