"""HTTP shapes shared by several routers (errors, jobs, health)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from stoat_ferret.jobs import JobResult, JobStatus


class ErrorDetail(BaseModel):
    code: str = Field(examples=["NOT_FOUND"])
    message: str


class ErrorResponse(BaseModel):
    detail: ErrorDetail


class FieldError(BaseModel):
    """One invalid parameter or body field of a ``VALIDATION_ERROR``."""

    loc: list[str | int] = Field(examples=[["query", "limit"]])
    msg: str
    type: str


class ValidationErrorDetail(ErrorDetail):
    errors: list[FieldError]


class ValidationErrorResponse(BaseModel):
    """The 422 answer of ``api/errors.py`` (not FastAPI's ``{"detail": [...]}``)."""

    detail: ValidationErrorDetail


class JobStatusResponse(BaseModel):
    """Every field of a job; ``progress`` is 0.0-1.0 (null until the handler reports)."""

    job_id: str
    job_type: str
    status: JobStatus
    progress: float | None = Field(None, ge=0.0, le=1.0)
    progress_detail: dict[str, Any] | None = Field(None, examples=[{"processed": 40, "total": 200}])
    result: Any = None
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

    @classmethod
    def from_result(cls, result: JobResult) -> JobStatusResponse:
        return cls.model_validate(result)


class JobList(BaseModel):
    jobs: list[JobStatusResponse]


class JobSubmitted(BaseModel):
    job_id: str


class Liveness(BaseModel):
    status: Literal["ok"] = "ok"


class Check(BaseModel):
    ok: bool
    detail: str


class Readiness(BaseModel):
    status: Literal["ok", "degraded"]
    checks: dict[str, Check]


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries documenting the error shape for each status."""
    return {code: {"model": ErrorResponse} for code in codes}
