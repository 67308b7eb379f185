"""Jobs: list, inspect, wait for and cancel any job, whatever its type."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from stoat_ferret.api.deps import QueueDep
from stoat_ferret.api.error_models import error_responses
from stoat_ferret.api.schemas import JobList, JobStatusResponse
from stoat_ferret.errors import (
    JobAlreadyTerminalError,
    JobNotFoundError,
    StorageError,
    StorageFullError,
)
from stoat_ferret.jobs import JobStatus

router = APIRouter(prefix="/jobs", tags=["jobs"])

MAX_WAIT_S = 300


@router.get("", response_model=JobList, operation_id="jobs-list")
async def list_jobs(
    queue: QueueDep,
    status: Annotated[JobStatus | None, Query(description="Only jobs in this state.")] = None,
    job_type: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> JobList:
    """Jobs newest first."""
    jobs = await queue.list_jobs(status=status, job_type=job_type, limit=limit)
    return JobList(jobs=[JobStatusResponse.from_result(job) for job in jobs])


@router.get(
    "/{job_id}",
    response_model=JobStatusResponse,
    responses=error_responses(JobNotFoundError),
    operation_id="jobs-get",
)
async def get_job(job_id: str, queue: QueueDep) -> JobStatusResponse:
    return JobStatusResponse.from_result(await queue.get_result(job_id))


@router.get(
    "/{job_id}/wait",
    response_model=JobStatusResponse,
    responses=error_responses(JobNotFoundError),
    operation_id="jobs-wait",
)
async def wait_for_job(
    job_id: str,
    queue: QueueDep,
    timeout: Annotated[  # noqa: ASYNC109 - `timeout` is the documented query parameter
        float, Query(ge=0, le=MAX_WAIT_S, description="Seconds to wait for a terminal state.")
    ] = 30,
) -> JobStatusResponse:
    """Return once the job is terminal, or its current state after ``timeout`` seconds."""
    return JobStatusResponse.from_result(await queue.wait(job_id, timeout))


@router.post(
    "/{job_id}/cancel",
    status_code=202,
    response_model=JobStatusResponse,
    responses=error_responses(
        JobNotFoundError, JobAlreadyTerminalError, StorageError, StorageFullError
    ),
    operation_id="jobs-cancel",
)
async def cancel_job(job_id: str, queue: QueueDep) -> JobStatusResponse:
    """Pending jobs end ``cancelled`` at once; running jobs get ``cancel_requested``."""
    return JobStatusResponse.from_result(await queue.cancel(job_id))
