"""Every refusal of SPEC §10 answered at once with no job; dry run; formats."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from stoat_ferret.editing.document import ProjectDocument, ProjectSettings
from stoat_ferret.render.cost import render_work
from stoat_ferret.render.domain import RenderDomain
from tests.render.api.conftest import RenderApp, two_clips
from tests.render.oracle import HEIGHT, WIDTH


async def _post(app: RenderApp, project_id: str, **body: Any) -> tuple[int, dict[str, Any]]:
    answer = await app.client.post(f"/api/v1/projects/{project_id}/render", json=body)
    return answer.status_code, answer.json()


async def _no_render_jobs(app: RenderApp) -> None:
    jobs = (await app.client.get("/api/v1/jobs", params={"job_type": "render"})).json()["jobs"]
    assert jobs == []


async def test_refusals(render_app: RenderApp, tmp_path: Path, media_dir: Path) -> None:
    app = render_app
    p1 = await app.create(two_clips(app.videos))
    empty = await app.create(ProjectDocument.new(ProjectSettings("Empty"), "main"))
    existing = app.out / "exists.mp4"
    existing.write_bytes(b"x")
    outside = tmp_path / "elsewhere" / "nothing-here" / "x.mp4"
    cases: list[tuple[str, dict[str, Any], int, str, str]] = [
        ("nope", {}, 404, "NOT_FOUND", "nope"),
        (empty, {}, 409, "EMPTY_PROJECT", "no clips"),
        (p1, {"output_path": str(outside)}, 403, "PATH_NOT_ALLOWED", "outside"),
        (p1, {"output_path": "relative/x.mp4"}, 400, "INVALID_PATH", "not absolute"),
        (p1, {"output_path": str(existing)}, 400, "INVALID_PATH", "exists"),
        (p1, {"output_path": str(app.out / "no" / "x.mp4")}, 400, "INVALID_PATH", "folder"),
        (p1, {"container": "avi"}, 422, "VALIDATION_ERROR", "container"),
        (p1, {"video_codec": "libnothing"}, 422, "VALIDATION_ERROR", "video_codec"),
        (p1, {"container": "webm"}, 422, "VALIDATION_ERROR", "video_codec"),
        (p1, {"audio_codec": "libnothing"}, 422, "VALIDATION_ERROR", "audio_codec"),
        (p1, {"preset": "warp"}, 422, "VALIDATION_ERROR", "preset"),
        (p1, {"crf": 52}, 422, "VALIDATION_ERROR", "crf"),
        (p1, {"surprise": 1}, 422, "VALIDATION_ERROR", "surprise"),
    ]
    for project_id, body, status, code, said in cases:
        got, answer = await _post(app, project_id, **body)
        assert (got, answer["detail"]["code"]) == (status, code), (body, answer)
        assert said in answer["detail"]["message"], (body, answer)
    assert not outside.parent.exists()
    await _no_render_jobs(app)


async def _project_on_a_copy(app: RenderApp, media_dir: Path, name: str) -> tuple[str, str]:
    """A copy of ``right`` scanned as ``name`` and used by a new project: (project, video)."""
    (app.out / name).write_bytes((media_dir / "right.mp4").read_bytes())
    scan = await app.client.post("/api/v1/videos/scan", json={"path": str(app.out)})
    await app.wait(scan.json()["job_id"])
    listed = (await app.client.get("/api/v1/videos", params={"limit": 100})).json()["videos"]
    video_id = next(v["id"] for v in listed if v["filename"] == name)
    return await app.create(two_clips({**app.videos, "right.mp4": video_id})), video_id


async def test_source_missing_names_it(render_app: RenderApp, media_dir: Path) -> None:
    app = render_app
    p1, gone_id = await _project_on_a_copy(app, media_dir, "gone.mp4")
    (app.out / "gone.mp4").unlink()
    status, answer = await _post(app, p1)
    assert (status, answer["detail"]["code"]) == (409, "SOURCE_MISSING")
    assert "gone.mp4" in answer["detail"]["message"] and gone_id in answer["detail"]["message"]
    await _no_render_jobs(app)


async def test_source_marked_missing_by_a_rescan_names_it(
    render_app: RenderApp, media_dir: Path
) -> None:
    """The other half of SOURCE_MISSING: the library's own ``missing`` mark, not the disk."""
    app = render_app
    p1, lost_id = await _project_on_a_copy(app, media_dir, "lost.mp4")
    (app.out / "lost.mp4").unlink()
    rescan = await app.client.post("/api/v1/videos/scan", json={"path": str(app.out)})
    assert (await app.wait(rescan.json()["job_id"]))["status"] == "complete"
    video = (await app.client.get(f"/api/v1/videos/{lost_id}")).json()
    assert video["missing"] is True, video
    status, answer = await _post(app, p1)
    assert (status, answer["detail"]["code"]) == (409, "SOURCE_MISSING")
    message = answer["detail"]["message"]
    assert lost_id in message and "lost.mp4' was not found" in message, message
    dry = await app.client.post(f"/api/v1/projects/{p1}/render?dry_run=true", json={})
    assert dry.status_code == 409 and dry.json()["detail"]["code"] == "SOURCE_MISSING"
    await _no_render_jobs(app)


@pytest.mark.parametrize("with_path", [True, False])
async def test_dry_run(render_app: RenderApp, with_path: bool) -> None:
    app = render_app
    p1 = await app.create(two_clips(app.videos))
    body = {"output_path": str(app.out / "d.mp4")} if with_path else {}
    answer = await app.client.post(f"/api/v1/projects/{p1}/render?dry_run=true", json=body)
    assert answer.status_code == 200, answer.text
    shown = answer.json()
    assert shown["expected_frames"] == 95
    assert abs(shown["expected_duration_s"] - 95 / 30) < 1e-9
    argv = shown["argv"]
    assert argv[0] == "ffmpeg" and shown["filter_complex"] in argv
    assert "-progress" in argv and "-nostats" in argv
    target = str(app.out / "d.mp4") if with_path else "Render_test-{job_id}.mp4"
    assert argv[-1].endswith(target)
    assert os.listdir(app.out) == []
    await _no_render_jobs(app)


async def test_formats(render_app: RenderApp) -> None:
    answer = await render_app.client.get("/api/v1/render/formats")
    assert answer.status_code == 200
    containers = {entry["container"]: entry for entry in answer.json()["containers"]}
    assert containers["mp4"]["muxer"] == "mp4" and containers["mkv"]["muxer"] == "matroska"
    assert "libx264" in containers["mp4"]["video_codecs"]
    assert "aac" in containers["mp4"]["audio_codecs"]
    assert "libx264" not in containers["webm"]["video_codecs"]
    assert "medium" in answer.json()["presets"]


async def test_the_render_knows_each_source_s_probed_size_for_its_cost_model(
    render_app: RenderApp,
) -> None:
    """The library's facts carry the scanned size and rate through to the graph's
    sources, which is what the ETA's cost model weighs a clip by."""
    app = render_app
    project_id = await app.create(two_clips(app.videos))
    service = app.services.domains.get(RenderDomain).service
    async with app.services.database.unit_of_work() as uow:
        prepared = await service.prepare(uow.session, project_id)
    left = prepared.sources[app.videos["left.mp4"]]
    assert (left.width, left.height, left.frame_rate) == (WIDTH, HEIGHT, 30)
    profile = render_work(prepared.document, prepared.timeline, prepared.sources)
    assert profile.times_s[-1] == pytest.approx(95 / 30)
    assert profile.total > 0
