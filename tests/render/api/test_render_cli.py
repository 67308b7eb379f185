"""``stoat-ferret render`` as a user runs it against a real server: exit codes like ``scan``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx

from stoat_ferret.editing.document import ProjectDocument, ProjectSettings
from tests.cli.test_scan_command import run_cli
from tests.render.api.conftest import two_clips
from tests.render.api.projects_api import create_project_sync
from tests.render.api.test_render_job import _LYING_FFPROBE
from tests.render.api.test_render_server import _argv
from tests.support.processes import free_port, server_process


def _projects(url: str, media_dir: Path) -> dict[str, str]:
    """Scan ``media_dir``; the two-clip project (95 frames) and an empty one."""
    with httpx.Client(base_url=url, timeout=60) as client:
        scan = client.post("/api/v1/videos/scan", json={"path": str(media_dir)}).json()
        done = client.get(f"/api/v1/jobs/{scan['job_id']}/wait", params={"timeout": 60}).json()
        assert done["status"] == "complete", done
        listed = client.get("/api/v1/videos").json()["videos"]
        videos = {video["filename"]: video["id"] for video in listed}
        empty = ProjectDocument.new(ProjectSettings("Empty"), "main")
        return {
            "two": create_project_sync(client, two_clips(videos)),
            "empty": create_project_sync(client, empty),
        }


def test_cli_render_exit_codes(tmp_path: Path, media_dir: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    port = free_port()
    env = {"STOAT_ALLOWED_SCAN_ROOTS": f"{media_dir},{out}"}
    with server_process(_argv(tmp_path / "data", port), port, env=env) as (url, _):
        projects = _projects(url, media_dir)
        target = out / "cli [1].mp4"
        done = run_cli("render", projects["two"], "-o", str(target), "--url", url)
        assert done.returncode == 0, (done.stdout, done.stderr)
        assert f"rendered {target}" in done.stdout
        assert "95 frames" in done.stdout and "verified: True" in done.stdout
        assert os.listdir(out) == [target.name]  # no temporary left beside it
        # One refusal per exit code (each CLI run is a new Python process: keep them few).
        refusals = [
            (projects["empty"], [], 4, "EMPTY_PROJECT"),
            (projects["two"], ["-o", str(tmp_path / "x.mp4")], 5, "PATH_NOT_ALLOWED"),
            # The message names the path as it is: no rich markup (this one crashed it).
            (projects["two"], ["-o", str(out / "[" / "x] [bold]y.mp4")], 2, "[/x] [bold]y.mp4"),
        ]
        for project_id, extra, code, error in refusals:
            refused = run_cli("render", project_id, *extra, "--url", url)
            assert refused.returncode == code, (project_id, extra, refused.stderr)
            assert error in refused.stderr, refused.stderr
        jobs = httpx.get(f"{url}/api/v1/jobs", params={"job_type": "render"}).json()["jobs"]
        assert len(jobs) == 1  # the refusals made none
    assert not (tmp_path / "x.mp4").exists()


def test_cli_render_failure_exits_1_with_the_reason(tmp_path: Path, media_dir: Path) -> None:
    """A render whose verification fails (an ffprobe that lies about the frame count)."""
    ffprobe = shutil.which("ffprobe")
    assert ffprobe is not None
    wrapper = tmp_path / "ffprobe-wrapper"
    wrapper.write_text(_LYING_FFPROBE.replace("{ffprobe}", ffprobe))
    wrapper.chmod(0o755)
    out = tmp_path / "out"
    out.mkdir()
    port = free_port()
    env = {"STOAT_FFPROBE_PATH": str(wrapper)}
    with server_process(_argv(tmp_path / "data", port), port, env=env) as (url, _):
        projects = _projects(url, media_dir)
        failed = run_cli("render", projects["two"], "-o", str(out / "x.mp4"), "--url", url)
    assert failed.returncode == 1, (failed.stdout, failed.stderr)
    assert "render failed" in failed.stderr
    assert "frames: expected 95, got 3" in failed.stderr.replace("\n", " ")
    assert os.listdir(out) == []
