"""Job states, the public snapshot of a job and its ORM row (``JobRow``).

``JobStatus`` is the one source of status strings: the API schema, the GUI's
generated types and the docs drift test all read it. ``JobRow`` is here because every
domain keeps its ORM rows in its ``models.py`` (``docs/design/03-wiring.md``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from stoat_ferret.db.base import Base, UTCDateTime
from stoat_ferret.events.types import EventType


class JobStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETE = "complete"
    FAILED = "failed"
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATUSES


TERMINAL_STATUSES = frozenset(
    {JobStatus.COMPLETE, JobStatus.FAILED, JobStatus.TIMEOUT, JobStatus.CANCELLED}
)

#: The event type published when a job reaches each terminal status.
TERMINAL_EVENT_TYPES = {
    JobStatus.COMPLETE: EventType.JOB_COMPLETED,
    JobStatus.FAILED: EventType.JOB_FAILED,
    JobStatus.TIMEOUT: EventType.JOB_TIMEOUT,
    JobStatus.CANCELLED: EventType.JOB_CANCELLED,
}


@dataclass(frozen=True, slots=True)
class JobResult:
    """An immutable snapshot of one job, as every queue implementation reports it."""

    job_id: str
    job_type: str
    status: JobStatus
    progress: float | None
    progress_detail: dict[str, Any] | None
    result: Any
    error: str | None
    cancel_requested: bool
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    payload: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; the same shape as the API's ``JobStatusResponse``."""
        return {
            "job_id": self.job_id,
            "job_type": self.job_type,
            "status": self.status.value,
            "progress": self.progress,
            "progress_detail": self.progress_detail,
            "result": self.result,
            "error": self.error,
            "cancel_requested": self.cancel_requested,
            "created_at": self.created_at.isoformat(),
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
            "payload": self.payload,
        }


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(slots=True)
class JobRecord:
    """The mutable, stored state of a job: what a ``JobStore`` reads and writes."""

    job_id: str
    job_type: str
    payload: dict[str, Any]
    seq: int
    created_at: datetime
    status: JobStatus = JobStatus.PENDING
    progress: float | None = None
    progress_detail: dict[str, Any] | None = None
    result: Any = None
    error: str | None = None
    cancel_requested: bool = False
    attempts: int = 0
    started_at: datetime | None = None
    finished_at: datetime | None = None
    #: The ``JobOwner.token`` of the process running (or queueing) it; None: anyone's.
    owner: str | None = None
    #: Until when ``owner`` holds the job unless it renews (see ``jobs/leases.py``).
    lease_expires_at: datetime | None = None

    def snapshot(self) -> JobResult:
        return JobResult(
            job_id=self.job_id,
            job_type=self.job_type,
            status=self.status,
            progress=self.progress,
            progress_detail=None if self.progress_detail is None else dict(self.progress_detail),
            result=self.result,
            error=self.error,
            cancel_requested=self.cancel_requested,
            created_at=self.created_at,
            started_at=self.started_at,
            finished_at=self.finished_at,
            payload=dict(self.payload),
        )

    def copy(self) -> JobRecord:
        return replace(self)


def clamp_progress(value: float) -> float:
    """Clamp to 0..1; NaN is a programming error, not a progress value."""
    if math.isnan(value):
        raise ValueError("progress must be a number between 0 and 1, not NaN")
    return min(1.0, max(0.0, float(value)))


class JobRow(Base):
    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    job_type: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    progress: Mapped[float | None] = mapped_column(Float, nullable=True)
    progress_detail: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    result: Mapped[Any] = mapped_column(JSON, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    owner: Mapped[str | None] = mapped_column(String(255), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
