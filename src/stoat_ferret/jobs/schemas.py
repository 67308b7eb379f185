"""
The HTTP shape of a job, shared by every job type.

Each job type with its own progress and result shape subclasses ``JobOut`` with a
``Literal`` ``job_type`` and typed ``progress_detail`` / ``result`` (the library's
``ScanJob``); ``api/schemas.py`` joins them into ``JobStatusResponse``, a union
keyed by ``job_type`` with ``GenericJob`` for every other type.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from stoat_ferret.jobs.models import JobStatus


class JobOut(BaseModel):
    """Every field of a job; ``progress`` is 0.0-1.0 (null until the handler reports)."""

    job_id: str
    job_type: str
    status: JobStatus
    progress: float | None = Field(None, ge=0.0, le=1.0)
    progress_detail: dict[str, Any] | None = Field(
        None, description="What the handler reports with its progress; its shape is the type's."
    )
    result: Any = Field(None, description="What the job returned (or kept when cancelled).")
    error: str | None = None
    cancel_requested: bool
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    payload: dict[str, Any] = Field(
        default_factory=dict,
        description="What the job was asked to do, e.g. a scan's path and recursive flag.",
        examples=[{"path": "/srv/videos", "recursive": True}],
    )

    model_config = ConfigDict(from_attributes=True)
