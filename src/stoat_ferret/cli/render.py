"""
``stoat-ferret render PROJECT_ID [-o FILE]``: a render on a running server, followed live.

The render runs in the server (it owns the project and the job queue); this command
submits it, polls the job and draws a progress bar with ffmpeg's fps, speed and the
ETA. Ctrl-C cancels the job through the generic ``POST /api/v1/jobs/{id}/cancel`` and
waits for it to end ``cancelled`` (the server stops ffmpeg and deletes the partial
file). Exit codes as for ``scan``: 0 complete, 1 failed, 130 cancelled, and the HTTP
error's code for a refused request.
"""

from __future__ import annotations

import signal
import time
from types import FrameType
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from stoat_ferret.cli import exit_codes
from stoat_ferret.cli.client import request

console = Console()
err_console = Console(stderr=True)

_POLL_S = 0.5
_TERMINAL = {"complete", "failed", "timeout", "cancelled"}


def _bar() -> Progress:
    return Progress(
        TextColumn("[bold]rendering[/bold]"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[fps]:>7} fps"),
        TextColumn("{task.fields[speed]:>6}x"),
        TextColumn("ETA {task.fields[eta]}"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def _shown(value: Any, pattern: str) -> str:
    return "-" if value is None else pattern.format(value)


def _eta(seconds: Any) -> str:
    if seconds is None:
        return "-:--"
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class _Interrupt:
    """Turns the first Ctrl-C into a flag; a second one is ignored until the job ends."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True


def render_command(url: str, project_id: str, output: str | None) -> None:
    body: dict[str, Any] = {}
    if output is not None:
        body["output_path"] = output
    job_id = request("POST", url, f"/api/v1/projects/{project_id}/render", json=body)["job_id"]
    console.print(f"render job {job_id}")
    interrupt = _Interrupt()
    previous = signal.signal(signal.SIGINT, interrupt)
    cancel_sent = False
    try:
        with _bar() as bar:
            task = bar.add_task("render", total=1.0, fps="-", speed="-", eta="-:--")
            while True:
                if interrupt.requested and not cancel_sent:
                    cancel_sent = True
                    console.print("cancelling: stopping ffmpeg, removing the partial file")
                    request("POST", url, f"/api/v1/jobs/{job_id}/cancel")
                job = request("GET", url, f"/api/v1/jobs/{job_id}")
                detail = job.get("progress_detail") or {}
                bar.update(
                    task,
                    completed=job.get("progress") or 0.0,
                    fps=_shown(detail.get("fps"), "{:.0f}"),
                    speed=_shown(detail.get("speed"), "{:.2f}"),
                    eta=_eta(detail.get("eta_s")),
                )
                if job["status"] in _TERMINAL:
                    break
                time.sleep(_POLL_S)
    finally:
        signal.signal(signal.SIGINT, previous)
    raise typer.Exit(_finish(job))


def _finish(job: dict[str, Any]) -> int:
    status = job["status"]
    if status == "complete":
        result = job["result"] or {}
        console.print(f"rendered {result.get('output_path')}", markup=False, highlight=False)
        console.print(
            f"{result.get('frames')} frames, {result.get('duration_s')} s, "
            f"{result.get('size_bytes')} bytes; verified: {result['verification']['ok']}"
        )
        return exit_codes.OK
    if status == "cancelled":
        console.print("cancelled: the partial file was removed")
        return exit_codes.INTERRUPTED
    err_console.print(f"render {status}: {job.get('error')}", style="red", markup=False)
    return exit_codes.FAILURE
