"""``stoat-ferret jobs list|show|cancel``: inspect and cancel jobs on a running server."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from stoat_ferret.cli.client import DEFAULT_URL, request
from stoat_ferret.jobs import JobStatus

app = typer.Typer(help="List, inspect and cancel jobs on a running server.", no_args_is_help=True)
console = Console()

UrlOption = Annotated[str, typer.Option("--url", envvar="STOAT_URL", help="Server base URL.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print raw JSON.")]


def _percent(job: dict[str, Any]) -> str:
    return "-" if job["progress"] is None else f"{job['progress'] * 100:.0f}%"


def _print_job(job: dict[str, Any]) -> None:
    table = Table(show_header=False, box=None)
    for key, value in job.items():
        shown = json.dumps(value) if isinstance(value, dict | list) else str(value)
        table.add_row(f"[bold]{key}[/bold]", shown)
    console.print(table)


@app.command("list")
def list_jobs(
    url: UrlOption = DEFAULT_URL,
    status: Annotated[JobStatus | None, typer.Option(help="Only jobs in this state.")] = None,
    job_type: Annotated[str | None, typer.Option("--type", help="Only this job type.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
    as_json: JsonOption = False,
) -> None:
    """Jobs, newest first."""
    params: dict[str, Any] = {"limit": limit}
    if status is not None:
        params["status"] = status.value
    if job_type is not None:
        params["job_type"] = job_type
    jobs = request("GET", url, "/api/v1/jobs", params=params)["jobs"]
    if as_json:
        console.print_json(data=jobs)
        return
    table = Table("job_id", "type", "status", "progress", "created_at", "error")
    for job in jobs:
        table.add_row(
            job["job_id"], job["job_type"], job["status"], _percent(job), job["created_at"],
            job["error"] or "",
        )  # fmt: skip
    console.print(table)


@app.command("show")
def show_job(job_id: str, url: UrlOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """Every field of one job."""
    job = request("GET", url, f"/api/v1/jobs/{job_id}")
    if as_json:
        console.print_json(data=job)
    else:
        _print_job(job)


@app.command("cancel")
def cancel_job(job_id: str, url: UrlOption = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """Cancel a pending or running job (a running one stops at its next check)."""
    job = request("POST", url, f"/api/v1/jobs/{job_id}/cancel")
    if as_json:
        console.print_json(data=job)
    else:
        console.print(f"job {job['job_id']}: {job['status']} (cancel requested)")
