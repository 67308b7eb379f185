"""
``stoat-ferret scan`` next to a server on the same data dir: real processes, one SQLite file.

The CLI records its scan in the data dir's job table under its own lease: a server
started meanwhile lists it with progress and leaves it alone, a cancel through the
server stops it with its partial results kept, and once a SIGKILLed CLI's lease has
run out the server takes the job over and finishes it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx

from tests.support.corpus import copy_corpus
from tests.support.processes import free_port, server_process

CLI = [sys.executable, "-m", "stoat_ferret.cli.main"]
FILES = 300
LEASE_S = 3.0
"""Short, so a dead CLI's job is recoverable within seconds (renewed every second), yet
long enough that a process starved of CPU on a busy machine keeps its lease."""
ENV = {
    "COLUMNS": "200",
    "STOAT_JOB_LEASE": str(LEASE_S),
    # One ffprobe at a time: the scan lasts long enough to be watched and stopped.
    "STOAT_PROBE_BACKEND": "ffprobe",
    "STOAT_SCAN_CONCURRENCY": "1",
}


@dataclass
class JobRow:
    job_id: str
    status: str
    owner: str | None
    lease_expires_at: str | None
    progress: float | None
    attempts: int


def scan_row(data: Path) -> JobRow | None:
    """The scan job as stored, read the way any other process would read it."""
    with (
        contextlib.suppress(sqlite3.OperationalError),  # not created / migrated yet
        contextlib.closing(sqlite3.connect(data / "stoat-ferret.db")) as db,
    ):
        row = db.execute(
            "SELECT id, status, owner, lease_expires_at, progress, attempts FROM jobs"
            " WHERE job_type = 'scan'"
        ).fetchone()
        return None if row is None else JobRow(*row)
    return None


def stored_videos(data: Path) -> int:
    with contextlib.closing(sqlite3.connect(data / "stoat-ferret.db")) as db:
        return int(db.execute("SELECT count(*) FROM videos").fetchone()[0])


def wait_for(check: Any, limit_s: float, what: str) -> Any:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {limit_s} s waiting for {what}")


@contextlib.contextmanager
def cli_scan(root: Path, data: Path, out: IO[str]) -> Iterator[subprocess.Popen[str]]:
    """A running ``stoat-ferret scan`` whose job has stored some progress."""
    # Output to a file: a pipe nobody reads would stall the progress bar's writes.
    process = subprocess.Popen(
        [*CLI, "scan", str(root), "--data-dir", str(data)],
        stdout=out, stderr=subprocess.STDOUT, text=True, env={**os.environ, **ENV},
    )  # fmt: skip
    try:
        wait_for(
            lambda: (row := scan_row(data)) is not None and (row.progress or 0) > 0,
            60,
            "the CLI scan's stored progress",
        )
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def serve(data: Path) -> contextlib.AbstractContextManager[tuple[str, Any]]:
    port = free_port()
    argv = [*CLI, "serve", "--port", str(port), "--data-dir", str(data)]
    # The server probes at its usual concurrency: only the CLI is slowed down.
    return server_process(argv, port, env={"STOAT_JOB_LEASE": str(LEASE_S)})


def test_a_server_lists_the_cli_scan_leaves_it_alone_and_its_cancel_stops_it(
    tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    root, data = tmp_path / "videos", tmp_path / "data"
    copy_corpus(clip_templates, root, FILES)
    out_path = tmp_path / "cli.out"
    with out_path.open("w") as out, cli_scan(root, data, out) as cli:
        first = scan_row(data)
        assert first is not None and first.status == "running"
        assert first.owner is not None and f":{cli.pid}:" in first.owner
        with serve(data) as (url, server):
            # Listed by the server, with the progress the CLI stored.
            listed = httpx.get(f"{url}/api/v1/jobs", params={"job_type": "scan"}).json()
            assert [job["job_id"] for job in listed["jobs"]] == [first.job_id]
            assert listed["jobs"][0]["status"] == "running"
            assert listed["jobs"][0]["progress"] > 0
            # Not recovered at the server's start-up, and still renewed by the CLI.
            time.sleep(LEASE_S)
            later = scan_row(data)
            assert later is not None and later.owner == first.owner
            assert later.attempts == 1 and later.status == "running"
            assert first.lease_expires_at is not None and later.lease_expires_at is not None
            assert later.lease_expires_at > first.lease_expires_at
            assert f":{server.pid}:" not in (later.owner or "")

            asked = time.monotonic()
            answer = httpx.post(f"{url}/api/v1/jobs/{first.job_id}/cancel")
            assert answer.status_code == 202, answer.text
            assert answer.json()["cancel_requested"] is True
            # The CLI polls the flag every second and stops its scan at once.
            wait_for(
                lambda: (row := scan_row(data)) is not None and row.status == "cancelled",
                15,
                "the CLI to end its job cancelled",
            )
            stopped_s = time.monotonic() - asked
            assert stopped_s < 3.0, f"the CLI took {stopped_s:.1f} s to stop its scan"
            cli.wait(timeout=30)
            final = httpx.get(f"{url}/api/v1/jobs/{first.job_id}").json()
    output = out_path.read_text()
    assert cli.returncode == 130, output
    assert "scan cancelled" in output and "partial results kept" in output
    assert final["status"] == "cancelled"
    kept = stored_videos(data)
    assert 0 < kept < FILES  # partial results kept
    assert final["result"]["new"] == kept


def test_a_sigkilled_cli_scan_is_recovered_by_the_server_after_its_lease(
    tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    root, data = tmp_path / "videos", tmp_path / "data"
    copy_corpus(clip_templates, root, FILES)
    with (
        (tmp_path / "cli.out").open("w") as out,
        cli_scan(root, data, out) as cli,
        serve(data) as (url, server),
    ):
        job_id = httpx.get(f"{url}/api/v1/jobs").json()["jobs"][0]["job_id"]
        alive = scan_row(data)  # the server left the live CLI's job alone
        assert alive is not None and f":{cli.pid}:" in (alive.owner or "")
        cli.send_signal(signal.SIGKILL)
        cli.wait()
        taken = wait_for(
            lambda: (row := scan_row(data)) and f":{server.pid}:" in (row.owner or "") and row,
            LEASE_S + 15,
            "the server to claim the dead CLI's job",
        )
        assert taken.job_id == job_id and taken.attempts <= 2
        done = wait_for(
            lambda: (
                (job := httpx.get(f"{url}/api/v1/jobs/{job_id}").json())["status"]
                in {"complete", "failed", "cancelled", "timeout"}
                and job
            ),
            180,
            "the recovered scan to finish",
        )
    assert done["status"] == "complete", done
    assert stored_videos(data) == FILES  # the re-run stored the rest, no duplicates
    row = scan_row(data)
    assert row is not None and row.attempts == 2  # re-queued once, like a crashed server's
