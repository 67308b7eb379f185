"""``stoat-ferret projects list|show`` against a real server process."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.cli.test_scan_command import run_cli
from tests.support.media import make_clip
from tests.support.processes import free_port, server_argv, server_process


def test_projects_list_and_show(tmp_path: Path) -> None:
    media = tmp_path / "media"
    make_clip(media / "shot.mp4", duration_s=1.0)
    port = free_port()
    with server_process(server_argv(tmp_path / "data", port), port) as (url, _):
        with httpx.Client(base_url=url, timeout=30) as client:
            job_id = client.post("/api/v1/videos/scan", json={"path": str(media)}).json()["job_id"]
            client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 30})
            video_id = client.get("/api/v1/videos").json()["videos"][0]["id"]
            project = client.post("/api/v1/projects", json={"name": "Trailer"}).json()
            clip = {"source_video_id": video_id, "in_point": 0, "out_point": 15}
            client.post(f"/api/v1/projects/{project['id']}/clips", json=clip).raise_for_status()
        listed = run_cli("projects", "list", "--url", url)
        assert listed.returncode == 0, listed.stderr
        assert project["id"] in listed.stdout and "Trailer" in listed.stdout
        as_json = json.loads(run_cli("projects", "list", "--url", url, "--json").stdout)
        assert [p["version"] for p in as_json["projects"]] == [2]
        shown = run_cli("projects", "show", project["id"], "--url", url)
        assert shown.returncode == 0, shown.stderr
        assert video_id in shown.stdout and "V1" in shown.stdout and "0.50" in shown.stdout
        full = json.loads(run_cli("projects", "show", project["id"], "--url", url, "--json").stdout)
        assert full["clips"][0]["out_point"] == 15
        unknown = run_cli("projects", "show", "0" * 32, "--url", url)
        assert unknown.returncode == 3 and "NOT_FOUND" in unknown.stderr
