"""``stoat-ferret worker`` and ``serve --no-worker``: refused without a shared queue."""

from __future__ import annotations

from pathlib import Path

import pytest

from stoat_ferret.cli.worker import parse_job_types
from stoat_ferret.settings import Settings
from tests.cli.test_scan_command import run_cli
from tests.support.redis import RedisServer


def test_serve_no_worker_needs_a_shared_queue(tmp_path: Path) -> None:
    result = run_cli("serve", "--no-worker", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "--no-worker needs STOAT_QUEUE_URL" in result.stderr


def test_worker_needs_a_shared_queue(tmp_path: Path) -> None:
    result = run_cli("worker", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "STOAT_QUEUE_URL" in result.stderr


def test_worker_refuses_an_unknown_job_type(tmp_path: Path, redis_server: RedisServer) -> None:
    result = run_cli(
        "worker",
        "--job-types",
        "scan,nope",
        "--data-dir",
        str(tmp_path),
        env={"STOAT_QUEUE_URL": redis_server.url},
    )
    assert result.returncode == 2
    assert "unknown job types: nope" in result.stderr


def test_a_queue_url_that_is_no_broker_is_one_clear_line() -> None:
    result = run_cli("worker", env={"STOAT_QUEUE_URL": "http://user:secret@example.org"})
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("invalid setting STOAT_QUEUE_URL:")
    assert "secret" not in result.stderr  # a broker URL may carry a password


@pytest.mark.parametrize(
    ("text", "expected"),
    [(None, None), ("", None), (" , ", None), ("scan, render", frozenset({"scan", "render"}))],
)
def test_parse_job_types(text: str | None, expected: frozenset[str] | None) -> None:
    assert parse_job_types(text) == expected


def test_queue_settings_accept_the_brokers() -> None:
    assert Settings(queue_url="redis://h:6379/0").queue_url == "redis://h:6379/0"
    assert Settings(queue_url="postgresql://u@h/db").queue_url == "postgresql://u@h/db"
    assert Settings(queue_url="  ").queue_url is None  # empty: the embedded queue
