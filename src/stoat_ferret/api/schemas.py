"""HTTP shapes shared by several routers (errors, jobs, health)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Discriminator, Field, RootModel, Tag

from stoat_ferret.jobs import JobResult
from stoat_ferret.jobs.schemas import JobOut
from stoat_ferret.library.schemas import ScanBatchJob, ScanJob


class ErrorDetail(BaseModel):
    code: str = Field(examples=["NOT_FOUND"])
    message: str


class ErrorResponse(BaseModel):
    """Any error: the shape every code's own model (``api/error_models.py``) refines."""

    detail: ErrorDetail


#: Job types with a typed schema; any other type is a ``GenericJob``.
TYPED_JOB_TYPES = ("scan", "scan.batch")


class GenericJob(JobOut):
    """A job of a type without a typed schema: free-form ``progress_detail`` and ``result``."""

    job_type: str = Field(json_schema_extra={"not": {"enum": list(TYPED_JOB_TYPES)}})


def _job_kind(job: Any) -> str:
    job_type = job.get("job_type") if isinstance(job, dict) else getattr(job, "job_type", None)
    return job_type if job_type in TYPED_JOB_TYPES else "other"


class JobStatusResponse(
    RootModel[
        Annotated[
            Annotated[ScanJob, Tag("scan")]
            | Annotated[ScanBatchJob, Tag("scan.batch")]
            | Annotated[GenericJob, Tag("other")],
            Discriminator(_job_kind),
        ]
    ]
):
    """
    A job, typed by its ``job_type`` (all ``JobResult`` fields).

    The same JSON as before the union: only the schema says more about
    ``progress_detail`` and ``result``.
    """

    @classmethod
    def from_result(cls, result: JobResult) -> JobStatusResponse:
        return cls.model_validate(result, from_attributes=True)


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
