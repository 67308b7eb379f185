"""
Every event type of the ``/ws`` stream (SPEC §5), and the connection-level payloads.

``EventType`` is the one source of event type strings: emitters publish its members,
``api/events.py`` pairs each with its payload model for the published schema, and the
docs drift test reads it. Payloads of domain events are the domains' own models
(a job, a video, ``VideoDeleted``, ``ProjectChanged``); the two below belong to the
stream itself.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class EventType(StrEnum):
    JOB_CREATED = "job.created"
    JOB_STARTED = "job.started"
    JOB_PROGRESS = "job.progress"
    JOB_CANCEL_REQUESTED = "job.cancel_requested"
    JOB_COMPLETED = "job.completed"
    JOB_FAILED = "job.failed"
    JOB_TIMEOUT = "job.timeout"
    JOB_CANCELLED = "job.cancelled"
    VIDEO_ADDED = "video.added"
    VIDEO_UPDATED = "video.updated"
    VIDEO_DELETED = "video.deleted"
    PROJECT_CREATED = "project.created"
    PROJECT_UPDATED = "project.updated"
    PROJECT_DELETED = "project.deleted"
    HEARTBEAT = "heartbeat"
    RESYNC = "resync"


class Heartbeat(BaseModel):
    """Sent after a quiet spell; ``last_event_id`` is a safe cursor for ``?since=``."""

    last_event_id: int = Field(ge=0, description="The newest event id of the server.")


class Resync(BaseModel):
    """The client's cursor cannot be replayed: refetch, then go on from ``last_event_id``."""

    last_event_id: int = Field(ge=0, description="The newest event id of the server.")
    reason: str = Field(examples=["cursor 999999 expired"])
