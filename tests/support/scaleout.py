"""Scale-out test parts: worker processes and the environment they share with servers."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.support.processes import REPO_ROOT, stop_process

WORKER_MODULE = "tests.support.worker_with_test_handlers"


def shared_env(data_dir: Path, queue_url: str, **extra: str) -> dict[str, str]:
    """What every process of one deployment shares: the data dir and a fresh queue name.

    Short heartbeat and sweep intervals, so a killed worker's job is swept in seconds.
    """
    return {
        "STOAT_DATA_DIR": str(data_dir),
        "STOAT_QUEUE_URL": queue_url,
        "STOAT_QUEUE_NAME": f"t{uuid.uuid4().hex[:10]}",
        "STOAT_QUEUE_HEARTBEAT": "1",
        "STOAT_QUEUE_SWEEP_INTERVAL": "1",
        "STOAT_JOB_CANCEL_GRACE": "2",
        "STOAT_LOG_LEVEL": "warning",
        **extra,
    }


@contextlib.contextmanager
def worker_process(env: dict[str, str], *args: str) -> Iterator[subprocess.Popen[bytes]]:
    """A worker process (test handlers included); stopped with SIGTERM unless dead."""
    process = subprocess.Popen(
        [sys.executable, "-m", WORKER_MODULE, *args],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        start_new_session=True,
    )
    try:
        yield process
    finally:
        stop_process(process, grace_s=20)


async def job_events(
    ws: Any, job_id: str, until: str, limit_s: float = 120
) -> list[dict[str, Any]]:
    """The ``/ws`` events of ``job_id``, up to and including the first ``until``."""
    seen: list[dict[str, Any]] = []
    async with asyncio.timeout(limit_s):
        while True:
            event = json.loads(await ws.recv())
            if event.get("payload", {}).get("job_id") == job_id:
                seen.append(event)
                if event["type"] == until:
                    return seen
