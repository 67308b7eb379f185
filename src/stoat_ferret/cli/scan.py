"""``stoat-ferret scan PATH``: a library scan in the terminal, no server needed.

The scan runs in this process, as a job in the data dir's job table: a server on
the same data dir lists it (``GET /api/v1/jobs``, with progress) and can cancel it;
this process's heartbeat sees the request and stops the scan. The job carries this
process's lease, so a server never takes it over while this process lives, and
recovers it once the lease has expired if this process dies. This queue runs only
its own job (``adopt_orphans=False``). Ctrl-C cancels the scan cleanly: everything
already probed stays in the library.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from stoat_ferret.cli import exit_codes
from stoat_ferret.db import Database, discard_events
from stoat_ferret.errors import StoatError
from stoat_ferret.events.types import EventType
from stoat_ferret.ffmpeg import make_probe_backend
from stoat_ferret.heap import freeze_startup_heap
from stoat_ferret.jobs import AsyncioJobQueue, JobResult, JobStatus
from stoat_ferret.library.domain import LibraryDomain
from stoat_ferret.library.setup import LIBRARY
from stoat_ferret.settings import Settings
from stoat_ferret.wiring import Core, wire

console = Console()
err_console = Console(stderr=True)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]scanning[/bold]"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:>8} files/s"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=console,
        transient=False,
    )


SUMMARY_COUNTS = ("scanned", "new", "updated", "skipped", "missing")


def _summary(result: JobResult) -> Table:
    counts = result.result if isinstance(result.result, dict) else {}
    table = Table(title=f"scan {result.status.value}", show_header=True)
    for name in (*SUMMARY_COUNTS, "errors"):
        table.add_column(name, justify="right")
    cells = [str(counts.get(name, 0)) for name in SUMMARY_COUNTS]
    table.add_row(*cells, str(len(counts.get("errors", []))))
    return table


def _print_errors(result: JobResult, limit: int = 20) -> None:
    errors = (result.result or {}).get("errors", []) if isinstance(result.result, dict) else []
    for entry in errors[:limit]:
        # markup=False: ffmpeg messages start with "[mov,mp4,...]", which is not rich markup.
        console.print("  error", style="red", end=" ")
        console.print(f"{entry['path']}: {entry['error']}", markup=False, highlight=False)
    if len(errors) > limit:
        console.print(f"  ... and {len(errors) - limit} more")


async def _cancel(queue: AsyncioJobQueue, job_id: str) -> None:
    with contextlib.suppress(StoatError):  # a second Ctrl-C after the end is harmless
        await queue.cancel(job_id)
    console.print("cancelling: stopping in-flight probes, keeping what is stored")


async def run_scan(settings: Settings, path: str, *, recursive: bool) -> int:
    """Run one scan with a progress bar; returns the process exit code."""
    database = Database.from_settings(settings)
    await database.migrate()
    queue = AsyncioJobQueue(
        database.sessions,
        workers=1,
        timeout_s=settings.job_timeout,
        cancel_grace_s=settings.job_cancel_grace,
        lease_s=settings.job_lease,
        adopt_orphans=False,  # a CLI scan never takes over other processes' jobs
        reserve=database.reserve,
        writer=database.writer,
    )
    core = Core(
        settings=settings,
        database=database,
        queue=queue,
        publish=discard_events,  # events stay in this process; the server reads the table
        probe_backend=make_probe_backend(settings),
    )
    # The same wiring as the server, with only the library: its handler and service.
    library = wire(core, (LIBRARY,)).get(LibraryDomain).service
    loop = asyncio.get_running_loop()
    try:
        # Submitted before the queue starts: validation errors surface before any output.
        job_id = await library.start_scan(path, recursive=recursive)
        with _progress_bar() as bar:
            task = bar.add_task("scan", total=None, rate="-", current="")

            def on_event(kind: str, payload: dict[str, Any]) -> None:
                detail = payload.get("progress_detail") or {}
                if kind == EventType.JOB_PROGRESS and detail.get("total") is not None:
                    bar.update(
                        task,
                        total=detail["total"],
                        completed=detail["processed"],
                        rate=f"{detail.get('files_per_s') or 0:.1f}",
                        current=Path(detail.get("current") or "").name[-40:],
                    )

            queue.add_event_listener(on_event)
            # Ctrl-C asks the job to stop; the scan keeps what it stored and ends cancelled.
            loop.add_signal_handler(signal.SIGINT, lambda: loop.create_task(_cancel(queue, job_id)))
            await queue.start()
            freeze_startup_heap()  # as the server's lifespan does (heap.py)
            try:
                result = await queue.wait(job_id, timeout=settings.job_timeout + 60)
            finally:
                loop.remove_signal_handler(signal.SIGINT)
    finally:
        await queue.stop()
        await database.dispose()
    console.print(_summary(result))
    _print_errors(result)
    if result.status is JobStatus.CANCELLED:
        console.print("cancelled: partial results kept")
        return exit_codes.INTERRUPTED
    if result.status is not JobStatus.COMPLETE:
        err_console.print(f"scan {result.status.value}: {result.error}", style="red")
        return exit_codes.FAILURE
    return exit_codes.OK


def scan_command(settings: Settings, path: str, recursive: bool) -> None:
    try:
        code = asyncio.run(run_scan(settings, path, recursive=recursive))
    except StoatError as exc:
        raise exit_codes.report(exc) from exc
    raise typer.Exit(code)
