"""A real ``stoat-ferret serve`` process for the benchmarks, and what we read from it.

The server runs exactly as a user starts it (``uv run stoat-ferret serve`` on a free
port with its own data folder), so the figures include uvicorn, the HTTP stack, the
job queue and the event hub. ``uv run`` starts the server as its child; memory is
read from that child's ``/proc/<pid>/status``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

# One way to start and wait for a server process, shared with the integration tests.
from tests.support.processes import free_port, stop_process, wait_until_live

REPO_ROOT = Path(__file__).resolve().parents[1]


def proc_status_kib(pid: int, field: str) -> int:
    """A ``kB`` field of ``/proc/<pid>/status`` (``VmHWM`` is the peak resident set)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise KeyError(field)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            found += [int(p) for p in (task / "children").read_text().split()]
    return found


@dataclass
class Server:
    """A running server: its URL, the ``uv`` process and the Python server process."""

    url: str
    process: subprocess.Popen[bytes]
    pid: int
    data_dir: Path

    def rss_mib(self) -> float:
        return proc_status_kib(self.pid, "VmRSS") / 1024

    def peak_rss_mib(self) -> float:
        return proc_status_kib(self.pid, "VmHWM") / 1024

    def client(self, timeout_s: float = 60.0) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=timeout_s)


def _server_pid(process: subprocess.Popen[bytes], limit_s: float = 30.0) -> int:
    """The Python process ``uv run`` started (or ``process`` itself if uv exec'd)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        for child in _children(process.pid):
            with contextlib.suppress(OSError):
                if "python" in Path(f"/proc/{child}/exe").resolve().name:
                    return child
        with contextlib.suppress(OSError):
            if "python" in Path(f"/proc/{process.pid}/exe").resolve().name:
                return process.pid
        if process.poll() is not None:
            break
        time.sleep(0.02)
    raise RuntimeError("could not find the server's Python process")


@contextlib.contextmanager
def run_server(
    data_dir: Path,
    *,
    env: Mapping[str, str] | None = None,
    checkout: Path = REPO_ROOT,
    limit_s: float = 60.0,
) -> Iterator[Server]:
    """Start ``uv run stoat-ferret serve`` on a free port; stop it (SIGTERM) on exit.

    ``checkout`` is the source tree to run (with its own ``.venv``), for comparing
    two versions under the same conditions.
    """
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = (data_dir / "server.log").open("wb")
    # Defaults only: STOAT_* settings of the calling shell would make runs incomparable.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STOAT_")}
    environment.update({"STOAT_LOG_LEVEL": "warning", **(env or {})})
    argv = ["uv", "run", "--no-sync", "stoat-ferret", "serve"]
    if shutil.which("uv") is None:  # e.g. run from an activated virtualenv without uv
        argv = [sys.executable, "-m", "stoat_ferret.cli.main", "serve"]
    argv += ["--port", str(port), "--data-dir", str(data_dir)]
    process = subprocess.Popen(
        argv, cwd=checkout, env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_live(url, process, limit_s)
        yield Server(url=url, process=process, pid=_server_pid(process), data_dir=data_dir)
    finally:
        stop_process(process, grace_s=30)
        log.close()


def wait_job(client: httpx.Client, job_id: str, limit_s: float = 3600.0) -> dict[str, Any]:
    """Wait for a terminal state with the long-poll endpoint; returns the job."""
    deadline = time.monotonic() + limit_s
    while True:
        left = max(1.0, min(300.0, deadline - time.monotonic()))
        job: dict[str, Any] = client.get(
            f"/api/v1/jobs/{job_id}/wait", params={"timeout": left}, timeout=left + 30
        ).json()
        if job["status"] in {"complete", "failed", "timeout", "cancelled"}:
            return job
        if time.monotonic() > deadline:
            raise TimeoutError(f"job {job_id} still {job['status']} after {limit_s} s")


def start_scan(client: httpx.Client, path: Path) -> str:
    response = client.post("/api/v1/videos/scan", json={"path": str(path), "recursive": True})
    response.raise_for_status()
    return str(response.json()["job_id"])
