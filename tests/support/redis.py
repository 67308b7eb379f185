"""
A real ``redis-server`` for the tests, started by the test session itself.

Debian's ``redis-server`` (installed by ``./scripts/test`` when missing) runs on a
free loopback port in a temporary folder with persistence off, so a test session
never touches a system Redis and leaves nothing behind. One server serves the
whole session: SAQ namespaces its keys by queue name and every test uses fresh
queue names, so tests do not see each other's jobs.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from tests.support.processes import free_port, stop_process


@dataclass(frozen=True)
class RedisServer:
    """A running server: ``url`` is what ``STOAT_QUEUE_URL`` takes."""

    port: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def _wait_ready(port: int, process: subprocess.Popen[bytes], limit_s: float = 15) -> None:
    client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=1)
    deadline = time.monotonic() + limit_s
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"redis-server exited early with {process.returncode}")
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise TimeoutError(f"redis-server on port {port} did not answer in {limit_s} s")
    finally:
        client.close()


@contextlib.contextmanager
def running_redis(folder: Path) -> Iterator[RedisServer]:
    """A ``redis-server`` on a free loopback port with its files in ``folder``; stopped on exit."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        raise RuntimeError("redis-server is missing: ./scripts/test installs it (apt redis-server)")
    port = free_port()
    argv = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)]
    argv += ["--save", "", "--appendonly", "no", "--protected-mode", "yes"]
    process = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        _wait_ready(port, process)
        yield RedisServer(port)
    finally:
        stop_process(process, grace_s=10)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    with running_redis(tmp_path_factory.mktemp("redis")) as server:
        yield server
