"""
The event contract: every ``EventType`` with its payload model, as one ``Event`` union.

WebSocket messages are outside what OpenAPI can describe, so ``api/openapi.py`` adds
``Event`` (a union keyed by ``type``) and its members to the schema's components: the
GUI's event types are generated from them like its API types. ``EVENT_PAYLOADS``
pairs every ``EventType`` with its model, for the tests that hold each emitter to it
(``validate_event``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, Field, RootModel, TypeAdapter

from stoat_ferret.api.schemas import JobStatusResponse
from stoat_ferret.editing.events import ProjectChanged
from stoat_ferret.events.types import EventType, Heartbeat, Resync
from stoat_ferret.library.schemas import VideoDeleted, VideoOut

__all__ = ["EVENT_PAYLOADS", "Event", "validate_event"]


class _Stored(BaseModel):
    event_id: int = Field(ge=1, description="Strictly increasing; `?since=` resumes after it.")
    timestamp: datetime


class _Control(BaseModel):
    event_id: None = Field(description="Connection-level messages are not numbered or stored.")
    timestamp: datetime


class JobEvent(_Stored):
    """A job changed: the payload is the whole job, as ``GET /api/v1/jobs/{job_id}``."""

    type: Literal[
        EventType.JOB_CREATED,
        EventType.JOB_STARTED,
        EventType.JOB_PROGRESS,
        EventType.JOB_CANCEL_REQUESTED,
        EventType.JOB_COMPLETED,
        EventType.JOB_FAILED,
        EventType.JOB_TIMEOUT,
        EventType.JOB_CANCELLED,
    ]
    payload: JobStatusResponse


class VideoEvent(_Stored):
    """A scan stored a new or changed video: the payload is the video record."""

    type: Literal[EventType.VIDEO_ADDED, EventType.VIDEO_UPDATED]
    payload: VideoOut


class VideoDeletedEvent(_Stored):
    type: Literal[EventType.VIDEO_DELETED]
    payload: VideoDeleted


class ProjectEvent(_Stored):
    type: Literal[EventType.PROJECT_CREATED, EventType.PROJECT_UPDATED, EventType.PROJECT_DELETED]
    payload: ProjectChanged


class HeartbeatEvent(_Control):
    type: Literal[EventType.HEARTBEAT]
    payload: Heartbeat


class ResyncEvent(_Control):
    type: Literal[EventType.RESYNC]
    payload: Resync


class Event(
    RootModel[
        Annotated[
            JobEvent | VideoEvent | VideoDeletedEvent | ProjectEvent | HeartbeatEvent | ResyncEvent,
            Field(discriminator="type"),
        ]
    ]
):
    """One message of ``WS /ws``: ``{"event_id", "type", "payload", "timestamp"}``."""


def _members() -> dict[EventType, type[BaseModel]]:
    members: dict[EventType, type[BaseModel]] = {}
    for member in get_args(Event.model_fields["root"].annotation):
        for event_type in get_args(member.model_fields["type"].annotation):
            members[event_type] = member
    return members


_MEMBERS = _members()

#: The payload model of every event type (a test checks none is missing).
EVENT_PAYLOADS: dict[EventType, Any] = {
    event_type: member.model_fields["payload"].annotation for event_type, member in _MEMBERS.items()
}

_EVENT = TypeAdapter(Event)


def validate_event(message: dict[str, Any]) -> Event:
    """
    Check one ``/ws`` message (as sent, JSON-ready) against the contract.

    Raises:
        pydantic.ValidationError: the type is unknown or the payload breaks its model.
    """
    return _EVENT.validate_python(message)
