"""Start and stop real server processes; watch child processes from async tests."""

from __future__ import annotations

import asyncio
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
    argv: list[str], port: int, env: dict[str, str] | None = None, *, limit_s: float = 30
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run ``argv`` (a server listening on ``port``); stop it (SIGTERM) on exit."""
    process = subprocess.Popen(
        argv, cwd=REPO_ROOT, env={**os.environ, **(env or {})}, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_live(url, process, limit_s)
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


def process_running(pid: int) -> bool:
    """True while ``pid`` runs; a zombie (killed, not yet reaped by init) is not running."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    state = stat.rsplit(")", 1)[1].split()[0]
    return state not in {"Z", "X"}


async def wait_until_stopped(pid: int, limit_s: float = 5.0) -> bool:
    """Whether ``pid`` stops running within ``limit_s`` (SIGKILL lands at once)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit_s
    while await asyncio.to_thread(process_running, pid):
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


def written_pid(pid_file: Path) -> int | None:
    """The pid in ``pid_file``, or None while it is missing or empty."""
    text = pid_file.read_text() if pid_file.exists() else ""
    return int(text) if text.strip() else None


async def read_pid(pid_file: Path) -> int:
    """The grandchild's pid, once the wrapper has written it."""
    async with asyncio.timeout(10):
        while (pid := await asyncio.to_thread(written_pid, pid_file)) is None:
            await asyncio.sleep(0.02)
    return pid
