"""The ``render`` job end to end in a real app: real ffmpeg, real SQLite, decoded output."""

from __future__ import annotations

import asyncio
import io
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from tests.render.api.conftest import RenderApp, long_clip, open_render_app, two_clips
from tests.render.oracle import (
    assert_colour,
    colour_distance,
    decode_audio,
    decode_frames,
    mean_colour,
    rms,
    stream_facts,
)

FAST = {"preset": "ultrafast"}


async def _render(app: RenderApp, project_id: str, **body: Any) -> str:
    answer = await app.client.post(f"/api/v1/projects/{project_id}/render", json=body)
    assert answer.status_code == 202, answer.text
    return str(answer.json()["job_id"])


def _ffmpeg_pids(marker: str) -> list[int]:
    """Processes whose command line contains ``marker`` (the job's temporary name)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        if marker.encode() in cmdline and state not in {"Z", "X"}:
            found.append(int(entry))
    return found


async def test_render_job_end_to_end(render_app: RenderApp) -> None:
    app = render_app
    p1 = await app.create(two_clips(app.videos))
    progress: list[dict[str, Any]] = []
    app.services.queue.add_event_listener(
        lambda kind, payload: progress.append(payload) if kind == "job.progress" else None
    )
    target = app.out / "two clips.mp4"
    job_id = await _render(app, p1, output_path=str(target), **FAST)
    job = await app.wait(job_id)
    assert job["status"] == "complete", job["error"]
    result = job["result"]
    assert result["output_path"] == str(target)
    assert result["frames"] == 95
    assert result["size_bytes"] == target.stat().st_size > 0
    assert result["verification"] == {
        "expected_frames": 95,
        "frames": 95,
        "duration_delta_s": result["verification"]["duration_delta_s"],
        "ok": True,
    }
    assert abs(result["duration_s"] - 95 / 30) <= 1 / 30 + 0.001
    assert job["progress"] == 1.0
    assert os.listdir(app.out) == ["two clips.mp4"]  # no temporary left beside it
    # The decoded output: frame count, size, rate, which source frame is where, audio.
    facts = stream_facts(target)
    assert (facts["width"], facts["height"], facts["r_frame_rate"]) == ("320", "180", "30/1")
    assert int(facts["nb_read_frames"]) == 95
    frames = decode_frames(target)
    assert_colour(frames[5], "red", what="a from its in-point 15: red")
    assert_colour(frames[25], "green", what="a at source frame 40: green")
    blend = mean_colour(frames[40])
    assert colour_distance(blend, (0, 64, 128)) <= 40, blend  # green crossing into blue
    assert_colour(frames[55], "blue", what="b at its frame 20")
    assert_colour(frames[90], "yellow", what="b at its frame 55")
    audio = decode_audio(target)
    assert rms(audio, 0.1, 1.0) > 0.03  # left's tone
    assert rms(audio, 2.0, 3.0) < 0.001  # right has no sound: silence
    # Progress: events with ffmpeg's fields, the last one at 1.0.
    mine = [p for p in progress if p["job_id"] == job_id]
    assert mine and mine[-1]["progress"] == 1.0
    detail = mine[-1]["progress_detail"]
    assert set(detail) >= {"frame", "fps", "speed", "out_time_s", "total_s", "eta_s"}
    assert detail["total_s"] == 95 / 30


async def test_range_request_on_the_file(render_app: RenderApp) -> None:
    app = render_app
    p1 = await app.create(two_clips(app.videos))
    job_id = await _render(app, p1, **FAST)  # the default path under the data dir
    job = await app.wait(job_id)
    assert job["status"] == "complete", job["error"]
    path = Path(job["result"]["output_path"])
    assert path == app.data_dir / "renders" / f"Render_test-{job_id}.mp4"
    whole = await asyncio.to_thread(path.read_bytes)
    part = await app.client.get(
        f"/api/v1/renders/{job_id}/file", headers={"Range": "bytes=100-299"}
    )
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 100-299/{len(whole)}"
    assert part.content == whole[100:300]
    full = await app.client.get(f"/api/v1/renders/{job_id}/file")
    assert full.status_code == 200 and full.content == whole
    assert full.headers["accept-ranges"] == "bytes"
    missing = await app.client.get("/api/v1/renders/nope/file")
    assert missing.status_code == 404


async def test_frame_preview_equals_the_render(render_app: RenderApp) -> None:
    app = render_app
    p1 = await app.create(two_clips(app.videos))
    job = await app.wait(await _render(app, p1, crf=10, **FAST))
    assert job["status"] == "complete", job["error"]
    rendered = decode_frames(job["result"]["output_path"])
    for at in (3, 25, 38, 40, 43, 60, 94):  # 38-43: inside the crossfade
        answer = await app.client.get(
            f"/api/v1/projects/{p1}/frame", params={"at": at, "width": 320}
        )
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "image/jpeg"
        picture = np.asarray(Image.open(io.BytesIO(answer.content)).convert("RGB"))
        assert picture.shape == (180, 320, 3)
        assert colour_distance(mean_colour(picture), mean_colour(rendered[at])) <= 8, at
    # A second ask is the cache's answer: the same bytes.
    again = await app.client.get(f"/api/v1/projects/{p1}/frame", params={"at": 40, "width": 320})
    first = await app.client.get(f"/api/v1/projects/{p1}/frame", params={"at": 40, "width": 320})
    assert again.content == first.content
    for at in (95, 10_000):
        outside = await app.client.get(f"/api/v1/projects/{p1}/frame", params={"at": at})
        assert outside.status_code == 422, outside.text
        assert "at" in outside.json()["detail"]["message"]
    negative = await app.client.get(f"/api/v1/projects/{p1}/frame", params={"at": -1})
    assert negative.status_code == 422


async def _running_with_progress(app: RenderApp, job_id: str) -> None:
    async with asyncio.timeout(60):
        while True:
            job = (await app.client.get(f"/api/v1/jobs/{job_id}")).json()
            if job["status"] == "running" and (job["progress"] or 0) > 0:
                return
            assert job["status"] in {"pending", "running"}, job
            await asyncio.sleep(0.05)


async def test_cancel_mid_render(render_app: RenderApp) -> None:
    app = render_app
    long = await app.create(long_clip(app.videos))
    target = app.out / "long.mp4"
    job_id = await _render(app, long, output_path=str(target), preset="veryslow", crf=0)
    await _running_with_progress(app, job_id)
    pids = await asyncio.to_thread(_ffmpeg_pids, f".long.mp4.{job_id}.")
    assert pids, "ffmpeg is running"
    assert any(name.endswith(".part") for name in os.listdir(app.out))  # writing
    loop = asyncio.get_running_loop()
    started = loop.time()
    answer = await app.client.post(f"/api/v1/jobs/{job_id}/cancel")
    assert answer.status_code == 202
    job = await app.wait(job_id, limit_s=10)
    assert job["status"] == "cancelled", job
    assert loop.time() - started < 6
    assert await asyncio.to_thread(_ffmpeg_pids, f".long.mp4.{job_id}.") == []
    for pid in pids:  # the whole process group is gone
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            continue
        raise AssertionError(f"process group {pid} still exists")
    assert os.listdir(app.out) == []  # no partial file, no target


async def test_source_deleted_after_validation_fails_with_ffmpegs_message(
    render_app: RenderApp, tmp_path: Path, media_dir: Path
) -> None:
    app = render_app
    # A copy of "right" scanned into the library, deleted once the render is accepted.
    doomed = tmp_path / "out" / "doomed.mp4"
    doomed.write_bytes((media_dir / "right.mp4").read_bytes())
    scan = await app.client.post("/api/v1/videos/scan", json={"path": str(app.out)})
    await app.wait(scan.json()["job_id"])
    listed = (await app.client.get("/api/v1/videos", params={"limit": 100})).json()["videos"]
    doomed_id = next(v["id"] for v in listed if v["filename"] == "doomed.mp4")
    document = two_clips({**app.videos, "right.mp4": doomed_id})
    p1 = await app.create(document)
    # One worker, kept busy: the render is validated and queued, then its source goes.
    blocker = await app.services.queue.submit("steps", {"total": 10_000, "step_s": 0.01})
    job_id = await _render(app, p1, output_path=str(app.out / "x.mp4"), **FAST)
    doomed.unlink()
    await app.services.queue.cancel(blocker)
    job = await app.wait(job_id)
    assert job["status"] == "failed"
    assert "doomed.mp4" in job["error"] and "No such file or directory" in job["error"]
    assert sorted(os.listdir(app.out)) == []


_LYING_FFPROBE = """#!/bin/sh
# The real ffprobe, except that the render's verification is told of 3 video packets.
for arg in "$@"; do [ "$arg" = "-count_packets" ] && verify=1; done
if [ -n "$verify" ]; then
  "{ffprobe}" "$@" | sed 's/"nb_read_packets": "[0-9]*"/"nb_read_packets": "3"/'
  exit 0
fi
exec "{ffprobe}" "$@"
"""


async def test_a_verification_mismatch_fails_the_job_naming_it(
    tmp_path: Path, media_dir: Path
) -> None:
    ffprobe = shutil.which("ffprobe")
    assert ffprobe is not None
    wrapper = tmp_path / "ffprobe-wrapper"
    wrapper.write_text(_LYING_FFPROBE.replace("{ffprobe}", ffprobe))
    wrapper.chmod(0o755)
    async with open_render_app(tmp_path, media_dir, ffprobe_path=str(wrapper)) as app:
        p1 = await app.create(two_clips(app.videos))
        target = app.out / "x.mp4"
        job = await app.wait(await _render(app, p1, output_path=str(target), **FAST))
        assert job["status"] == "failed"
        assert "frames: expected 95, got 3" in job["error"]
        assert os.listdir(app.out) == []  # neither the target nor the temporary file
