"""``EditingDomain``: what the editor contributes once the app is wired."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from stoat_ferret.editing.service import EditingService
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import JobHandler

EDITING_EVENT_TYPES = frozenset(
    {EventType.PROJECT_CREATED, EventType.PROJECT_UPDATED, EventType.PROJECT_DELETED}
)


@dataclass(frozen=True)
class EditingDomain:
    """The editor's service; it has no job handlers (the render is its own domain)."""

    service: EditingService
    job_handlers: Mapping[str, JobHandler] = field(default_factory=dict)
    event_types: frozenset[str] = EDITING_EVENT_TYPES
