"""The render in a real server process: a crash mid-render, and the CLI's Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

from tests.cli.test_scan_command import CLI
from tests.render.api.conftest import long_clip
from tests.render.api.projects_api import create_project_sync
from tests.support.processes import REPO_ROOT, free_port, server_process


def _argv(data_dir: Path, port: int) -> list[str]:
    """``stoat-ferret serve``, the product's own server."""
    return [*CLI, "serve", "--data-dir", str(data_dir), "--port", str(port)]


def _prepare(url: str, media_dir: Path) -> dict[str, str]:
    """Scan the sources; make the long project (``long``) and it at 1080p (``big``)."""
    scan = httpx.post(f"{url}/api/v1/videos/scan", json={"path": str(media_dir)}).json()
    done = httpx.get(f"{url}/api/v1/jobs/{scan['job_id']}/wait", params={"timeout": 60}).json()
    assert done["status"] == "complete", done
    listed = httpx.get(f"{url}/api/v1/videos").json()["videos"]
    videos = {video["filename"]: video["id"] for video in listed}
    document = long_clip(videos)
    big = replace(
        document, settings=replace(document.settings, output_width=1920, output_height=1080)
    )
    with httpx.Client(base_url=url) as client:
        return {
            "long": create_project_sync(client, document),
            "big": create_project_sync(client, big),
        }


def _running_with_progress(url: str, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job: dict[str, Any] = httpx.get(f"{url}/api/v1/jobs/{job_id}").json()
        if job["status"] == "running" and (job["progress"] or 0) > 0:
            return job
        assert job["status"] in {"pending", "running"}, job
        time.sleep(0.05)
    raise TimeoutError(job_id)


def test_sigkill_mid_render_reruns_after_restart(tmp_path: Path, media_dir: Path) -> None:
    data_dir, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    target = out / "long.mp4"
    port = free_port()
    lease = {"STOAT_JOB_LEASE": "2"}  # the restart takes the job over once it runs out
    with server_process(_argv(data_dir, port), port, env=lease) as (url, process):
        projects = _prepare(url, media_dir)
        body = {"output_path": str(target), "preset": "veryslow", "crf": 0}
        answer = httpx.post(f"{url}/api/v1/projects/{projects['long']}/render", json=body)
        job_id = answer.json()["job_id"]
        _running_with_progress(url, job_id)
        assert [name for name in os.listdir(out) if name.endswith(".part")]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    # The partial file of the killed attempt is still there; the next attempt removes it.
    assert [name for name in os.listdir(out) if name.endswith(".part")]
    port = free_port()
    with server_process(_argv(data_dir, port), port, env=lease) as (url, _):
        final = httpx.get(
            f"{url}/api/v1/jobs/{job_id}/wait", params={"timeout": 240}, timeout=250
        ).json()
        assert final["status"] == "complete", final
        assert final["result"]["verification"]["ok"] is True
        assert final["result"]["frames"] == 360
    assert os.listdir(out) == ["long.mp4"]


def test_cli_render_ctrl_c_cancels_and_removes_the_partial_file(
    tmp_path: Path, media_dir: Path
) -> None:
    data_dir, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    port = free_port()
    with server_process(_argv(data_dir, port), port) as (url, _):
        projects = _prepare(url, media_dir)
        # The CLI sends only the output path (preset medium): a 1080p project is slow
        # enough to interrupt once progress is reported.
        cli = subprocess.Popen(
            [*CLI, "render", projects["big"], "-o", str(out / "cli.mp4"), "--url", url],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
        )
        try:
            job_id = _job_of(url)
            _running_with_progress(url, job_id)
            cli.send_signal(signal.SIGINT)
            stdout, stderr = cli.communicate(timeout=30)
        finally:
            if cli.poll() is None:
                cli.kill()
                cli.wait()
        assert cli.returncode == 130, (stdout, stderr)
        assert "cancelled" in stdout
        job = httpx.get(f"{url}/api/v1/jobs/{job_id}").json()
        assert job["status"] == "cancelled"
    assert os.listdir(out) == []


def _job_of(url: str) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        jobs = httpx.get(f"{url}/api/v1/jobs", params={"job_type": "render"}).json()["jobs"]
        if jobs:
            return str(jobs[0]["job_id"])
        time.sleep(0.05)
    raise TimeoutError("no render job")
