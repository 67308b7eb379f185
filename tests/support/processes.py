"""Start and stop real server processes for integration tests."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_live(url: str, process: subprocess.Popen[bytes], limit_s: float = 30) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early with {process.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/health/live", timeout=1).status_code == 200:
                return
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not come up in {limit_s} s")


@contextlib.contextmanager
def server_process(
    argv: list[str], port: int, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run ``argv`` (a server listening on ``port``); stop it (SIGTERM) on exit."""
    process = subprocess.Popen(
        argv, cwd=REPO_ROOT, env={**os.environ, **(env or {})}, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_live(url, process)
        yield url, process
    finally:
        stop_process(process, grace_s=15)


def stop_process(process: subprocess.Popen[bytes], *, grace_s: float) -> None:
    """SIGTERM (a graceful shutdown), then SIGKILL after ``grace_s``; always reaped."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def server_argv(data_dir: Path, port: int) -> list[str]:
    module = "tests.support.server_with_test_handlers"
    return [sys.executable, "-m", module, "--data-dir", str(data_dir), "--port", str(port)]
