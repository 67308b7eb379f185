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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

# One way to start and wait for a server process, shared with the integration tests.
from tests.support.processes import free_port, stop_process, wait_until_live

REPO_ROOT = Path(__file__).resolve().parents[1]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def proc_status_kib(pid: int, field: str) -> int:
    """A ``kB`` field of ``/proc/<pid>/status`` (``VmHWM`` is the peak resident set)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise KeyError(field)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


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


def python_pid(process: subprocess.Popen[bytes], limit_s: float = 30.0) -> int:
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


def clean_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """This environment without its ``STOAT_*`` settings, plus ``env``.

    Defaults only: STOAT_* settings of the calling shell would make runs incomparable.
    """
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STOAT_")}
    environment.update({"STOAT_LOG_LEVEL": "warning", **(env or {})})
    return environment


def stoat_ferret_argv(command: str) -> list[str]:
    """``stoat-ferret COMMAND`` as a user runs it (``uv run``), or this interpreter's."""
    if shutil.which("uv") is None:  # e.g. run from an activated virtualenv without uv
        return [sys.executable, "-m", "stoat_ferret.cli.main", command]
    return ["uv", "run", "--no-sync", "stoat-ferret", command]


def _wait_for_output(
    processes: list[subprocess.Popen[bytes]], outputs: list[Path], text: str, limit_s: float
) -> None:
    deadline = time.monotonic() + limit_s
    waiting = dict(zip(outputs, processes, strict=True))
    while waiting:
        for output, process in list(waiting.items()):
            if text.encode() in output.read_bytes():
                del waiting[output]
            elif process.poll() is not None:
                raise RuntimeError(f"{output.name}: exited with {process.returncode} "
                                   f"before {text!r}")  # fmt: skip
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {text!r} from {sorted(p.name for p in waiting)} in {limit_s} s")
        time.sleep(0.05)


@contextlib.contextmanager
def run_processes(
    argv: list[str],
    count: int,
    env: Mapping[str, str],
    log_dir: Path,
    *,
    ready: str | None = None,
    limit_s: float = 120.0,
) -> Iterator[list[int]]:
    """``count`` processes of ``argv`` (workers); their Python pids. SIGTERM on exit.

    With ``ready``, waits until every process's output contains it (``worker.started``
    of a worker that logs at ``info``), so a measurement does not time start-ups.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    processes: list[subprocess.Popen[bytes]] = []
    logs = []
    try:
        for n in range(count):
            logs.append((log_dir / f"worker-{n}.log").open("wb"))
            process = subprocess.Popen(
                argv, cwd=REPO_ROOT, env=clean_env(env), stdout=logs[-1], stderr=subprocess.STDOUT
            )
            processes.append(process)
        pids = [python_pid(process) for process in processes]
        if ready is not None:
            _wait_for_output(processes, [Path(log.name) for log in logs], ready, limit_s)
        yield pids
    finally:
        for process in processes:
            stop_process(process, grace_s=30)
        for log in logs:
            log.close()


@contextlib.contextmanager
def run_server(
    data_dir: Path,
    *,
    env: Mapping[str, str] | None = None,
    checkout: Path = REPO_ROOT,
    limit_s: float = 60.0,
    args: Sequence[str] = (),
) -> Iterator[Server]:
    """Start ``uv run stoat-ferret serve`` on a free port; stop it (SIGTERM) on exit.

    ``checkout`` is the source tree to run (with its own ``.venv``), for comparing
    two versions under the same conditions; ``args`` are more ``serve`` options
    (``--no-worker``).
    """
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = (data_dir / "server.log").open("wb")
    argv = [*stoat_ferret_argv("serve"), "--port", str(port), "--data-dir", str(data_dir), *args]
    process = subprocess.Popen(
        argv, cwd=checkout, env=clean_env(env), stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_live(url, process, limit_s)
        yield Server(url=url, process=process, pid=python_pid(process), data_dir=data_dir)
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
