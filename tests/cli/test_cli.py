"""The rest of the command line: version, settings errors, serve guard, jobs, db, openapi."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx
import pytest

from tests.cli.test_scan_command import run_cli
from tests.support.processes import free_port, server_argv, server_process


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip().startswith("stoat-ferret ")


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("STOAT_PORT", "70000", "invalid setting STOAT_PORT:"),
        ("STOAT_JOB_WORKERS", "-1", "invalid setting STOAT_JOB_WORKERS:"),
        ("STOAT_ALLOWED_SCAN_ROOTS", "relative/dir", "invalid setting STOAT_ALLOWED_SCAN_ROOTS:"),
        ("STOAT_PROBE_BACKEND", "magic", "invalid setting STOAT_PROBE_BACKEND:"),
        ("STOAT_API_TOKEN", "", "invalid setting STOAT_API_TOKEN:"),
        ("STOAT_API_TOKEN", "   ", "invalid setting STOAT_API_TOKEN:"),
        ("STOAT_MAX_BODY_BYTES", "0", "invalid setting STOAT_MAX_BODY_BYTES:"),
        ("STOAT_CORS_ORIGINS", "*", "invalid setting STOAT_CORS_ORIGINS:"),
    ],
)
def test_invalid_setting_is_one_clear_line(variable: str, value: str, expected: str) -> None:
    result = run_cli("serve", env={variable: value})
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(expected)


def test_serve_refuses_public_host_without_token() -> None:
    result = run_cli("serve", "--host", "0.0.0.0")
    assert result.returncode == 2
    assert "STOAT_API_TOKEN" in result.stderr


def test_serve_refuses_an_empty_token_even_on_a_public_host() -> None:
    # An empty token used to pass the non-loopback guard and then let `?token=` in.
    result = run_cli("serve", "--host", "0.0.0.0", env={"STOAT_API_TOKEN": ""})
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("invalid setting STOAT_API_TOKEN:")
    assert "empty" in lines[0]


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    result = run_cli("db", "upgrade", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "stoat-ferret.db") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert {"jobs", "events", "videos", "videos_fts", "alembic_version"} <= tables


def test_openapi_prints_the_schema() -> None:
    result = run_cli("openapi")
    schema = json.loads(result.stdout)
    assert "/api/v1/jobs/{job_id}/cancel" in schema["paths"]
    assert schema["components"]["schemas"]["JobStatus"]["enum"] == [
        "pending", "running", "complete", "failed", "timeout", "cancelled",
    ]  # fmt: skip


def test_jobs_list_show_cancel_against_a_running_server(tmp_path: Path) -> None:
    port = free_port()
    with server_process(server_argv(tmp_path, port), port) as (url, _):
        long_job = httpx.post(f"{url}/test/jobs/steps", json={"total": 5000, "step_s": 0.01})
        job_id = long_job.json()["job_id"]
        listed = run_cli("jobs", "list", "--url", url)
        assert listed.returncode == 0, listed.stderr
        assert job_id in listed.stdout and "steps" in listed.stdout
        as_json = json.loads(run_cli("jobs", "list", "--url", url, "--json").stdout)
        assert [job["job_id"] for job in as_json] == [job_id]
        shown = run_cli("jobs", "show", job_id, "--url", url)
        assert shown.returncode == 0 and "job_type" in shown.stdout
        cancelled = run_cli("jobs", "cancel", job_id, "--url", url)
        assert cancelled.returncode == 0, cancelled.stderr
        final = httpx.get(f"{url}/api/v1/jobs/{job_id}/wait", params={"timeout": 10}).json()
        assert final["status"] == "cancelled"
        again = run_cli("jobs", "cancel", job_id, "--url", url)
        assert again.returncode == 4 and "ALREADY_TERMINAL" in again.stderr
        unknown = run_cli("jobs", "show", "nope", "--url", url)
        assert unknown.returncode == 3 and "NOT_FOUND" in unknown.stderr
        bad_filter = run_cli("jobs", "list", "--status", "bogus", "--url", url)
        assert bad_filter.returncode == 2


def test_jobs_without_a_server_says_how_to_start_one() -> None:
    result = run_cli("jobs", "list", "--url", f"http://127.0.0.1:{free_port()}")
    assert result.returncode == 6
    assert "stoat-ferret serve" in result.stderr


def test_jobs_commands_send_a_token_of_any_characters(tmp_path: Path) -> None:
    token = "s3cret-Grüße-✓"
    port = free_port()
    with server_process(server_argv(tmp_path, port), port, {"STOAT_API_TOKEN": token}) as (url, _):
        listed = run_cli("jobs", "list", "--url", url, env={"STOAT_API_TOKEN": token})
        assert listed.returncode == 0, listed.stderr
        wrong = run_cli("jobs", "list", "--url", url, env={"STOAT_API_TOKEN": "Grüße"})
        assert wrong.returncode != 0
        assert "401 UNAUTHORIZED" in wrong.stderr
