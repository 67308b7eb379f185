"""``LibraryDomain``: what the library contributes once the app is wired."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import JobHandler
from stoat_ferret.library.pages import LibraryPages
from stoat_ferret.library.service import LibraryService

LIBRARY_EVENT_TYPES: frozenset[str] = frozenset(
    {EventType.VIDEO_ADDED, EventType.VIDEO_UPDATED, EventType.VIDEO_DELETED}
)


@dataclass(frozen=True)
class LibraryDomain:
    """The library's services (``service``, ``pages``) and its job handlers."""

    service: LibraryService
    pages: LibraryPages
    job_handlers: Mapping[str, JobHandler]
    event_types: frozenset[str] = LIBRARY_EVENT_TYPES
