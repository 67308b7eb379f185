"""The render benchmark: the fixed edit through our server, a hand-written ffmpeg and the peers.

In one run, on one machine: the hand-written single ffmpeg command (the floor), our
``render`` job through a real ``stoat-ferret serve`` (POST to ``complete``, verification
included), then MoviePy 2 and editly on the same edit and sources. Every output is
checked (``render_check``). Then the frame preview of the same project at 640 px
against a bare ``ffmpeg -ss T -i SRC -frames:v 1`` of the same source frame, and the
progress reports: the first one after ffmpeg's start (the process's start time from
``/proc``) and the ETA at 50 % against the time ffmpeg really took from there.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from benchmarks import render_peers as peers
from benchmarks.render_check import check_output
from benchmarks.render_edit import FULL, QUICK, Edit, create_project, make_sources
from benchmarks.render_rows import render_rows
from benchmarks.report import RESULTS_DIR
from benchmarks.server import run_server, start_scan, wait_job

Log = Callable[[str], None]


@dataclass
class RenderOptions:
    quick: bool = False
    peers: tuple[str, ...] = ("moviepy", "editly")
    previews: int = 12
    peer_limit_s: float = 3600
    peer_limit_ratio: float = 8.0
    work_dir: Path | None = None


def _boot_time() -> float:
    for line in Path("/proc/stat").read_text().splitlines():
        if line.startswith("btime "):
            return float(line.split()[1])
    raise RuntimeError("no btime in /proc/stat")


def _ffmpeg_of(marker: str) -> tuple[int, float] | None:
    """The ffmpeg process whose command line has ``marker``: its pid and wall start time."""
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        with contextlib.suppress(OSError):
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            if b"ffmpeg" in cmdline.split(b"\0")[0] and marker.encode() in cmdline:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                return int(entry), _boot_time() + int(stat[19]) / ticks
    return None


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in {"Z", "X"}


def _our_render(client: httpx.Client, project_id: str, output: Path) -> dict[str, Any]:
    """POST the render, follow it at 20 Hz: wall time, progress samples, ffmpeg's life."""
    body = {"output_path": str(output), "crf": 23, "preset": "medium"}
    started = time.monotonic()
    answer = client.post(f"/api/v1/projects/{project_id}/render", json=body)
    answer.raise_for_status()
    job_id = answer.json()["job_id"]
    ffmpeg: tuple[int, float] | None = None
    ffmpeg_end: float | None = None
    samples: list[dict[str, Any]] = []
    while True:
        if ffmpeg is None:
            ffmpeg = _ffmpeg_of(f".{output.name}.{job_id}.")
        elif ffmpeg_end is None and not _alive(ffmpeg[0]):
            ffmpeg_end = time.time()
        job = client.get(f"/api/v1/jobs/{job_id}").json()
        now = time.time()
        if job["progress_detail"]:
            samples.append({"t": now, "progress": job["progress"], **job["progress_detail"]})
        if job["status"] in {"complete", "failed", "timeout", "cancelled"}:
            break
        time.sleep(0.05)
    wall = time.monotonic() - started
    return {
        "job_id": job_id, "status": job["status"], "error": job["error"], "wall_s": wall,
        "result": job["result"], "ffmpeg_start": ffmpeg[1] if ffmpeg else None,
        "ffmpeg_end": ffmpeg_end or time.time(), "samples": samples,
    }  # fmt: skip


def progress_metrics(run: dict[str, Any]) -> dict[str, Any]:
    """First report after ffmpeg's start; the ETA at 50 % against the real remainder."""
    samples, start, end = run["samples"], run["ffmpeg_start"], run["ffmpeg_end"]
    first = samples[0]["t"] - start if samples and start else None
    half = next((s for s in samples if (s["progress"] or 0) >= 0.5), None)
    eta = real = error = None
    if half is not None and half.get("eta_s") is not None:
        eta, real = half["eta_s"], end - half["t"]
        error = abs(eta - real) / real if real > 0 else None
    gaps = [b["t"] - a["t"] for a, b in itertools.pairwise(samples)
            if b.get("out_time_s") != a.get("out_time_s")]  # fmt: skip
    return {
        "first_report_s": first, "eta_at_half_s": eta, "real_remaining_s": real,
        "eta_error": error, "reports": len(samples), "progress_at_half": half and half["progress"],
        "max_gap_between_changes_s": max(gaps, default=None),
    }  # fmt: skip


def _bare_frame_s(source: Path, at_s: float, output: Path) -> float:
    argv = ["ffmpeg", "-v", "error", "-nostdin", "-y", "-ss", f"{at_s:.3f}", "-i", str(source)]
    started = time.monotonic()
    subprocess.run([*argv, "-frames:v", "1", str(output)], check=True, timeout=120)
    return time.monotonic() - started


def preview_metrics(
    client: httpx.Client, project_id: str, folder: Path, edit: Edit, count: int, work: Path
) -> dict[str, Any]:
    """Frame previews at 640 px against the bare one-frame ffmpeg, interleaved."""
    ours, bare = [], []
    frames = [round((i + 0.5) * edit.frames / count) for i in range(count)]
    client.get(f"/api/v1/projects/{project_id}/frame", params={"at": 1, "width": 640})  # warm
    for at in frames:
        source, source_s = edit.source_at(at / 30, folder)
        bare.append(_bare_frame_s(source, source_s, work / "bare.jpg"))
        started = time.monotonic()
        answer = client.get(f"/api/v1/projects/{project_id}/frame", params={"at": at, "width": 640})
        ours.append(time.monotonic() - started)
        answer.raise_for_status()
    return {
        "instants": frames, "ours_s": ours, "bare_s": bare,
        "ours_p95_s": _p95(ours), "bare_p95_s": _p95(bare),
        "ours_p50_s": statistics.median(ours), "bare_p50_s": statistics.median(bare),
    }  # fmt: skip


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _peer_run(
    name: str, folder: Path, edit: Edit, work: Path, limit_s: float, log: Log
) -> dict[str, Any]:
    ensure, run = {
        "moviepy": (peers.ensure_moviepy, peers.run_moviepy),
        "editly": (peers.ensure_editly, peers.run_editly),
    }[name]
    why_not = ensure(log)
    if why_not is not None:
        log(f"{name}: not available: {why_not}")
        return {"name": name, "available": False, "error": why_not}
    log(f"{name}: rendering")
    done = run(folder, edit, work / f"{name}.mp4", limit_s)
    checked = check_output(done.output, edit) if done.error is None else None
    log(f"{done.name}: {done.wall_s} s; {checked}")
    return {"name": done.name, "available": True, "wall_s": done.wall_s, "error": done.error,
            "timed_out_after_s": done.timed_out_after_s, "check": checked}  # fmt: skip


def _keep(metrics: dict[str, Any], options: RenderOptions, log: Log) -> None:
    """The measurements so far, beside the results (a long run is never lost to a crash)."""
    path = RESULTS_DIR / f".render{'-quick' if options.quick else ''}.partial.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(metrics, indent=1, default=str))
    log(f"measurements so far: {path}")


def peer_limit(options: RenderOptions, ours_s: float | None) -> float:
    """How long a peer may render: ``peer_limit_ratio`` times our render, at most
    ``peer_limit_s``.

    Relative to our time in the same run, so that on a loaded machine (where everything
    takes several times longer) a peer is not stopped before its ratio is known: a peer
    stopped at 8x our time is still "more than 8x slower", above both targets.
    """
    if ours_s is None or ours_s <= 0:
        return options.peer_limit_s
    return min(options.peer_limit_s, options.peer_limit_ratio * ours_s)


def run_render_benchmark(options: RenderOptions, log: Log) -> dict[str, Any]:
    edit = QUICK if options.quick else FULL
    folder = make_sources(log)
    metrics: dict[str, Any] = {"edit": {"frames": edit.frames, "duration_s": edit.duration_s,
                                        "quick": options.quick}}  # fmt: skip
    with tempfile.TemporaryDirectory(dir=options.work_dir, prefix="bench-render-") as tmp:
        work = Path(tmp)
        out = work / "out"
        out.mkdir()
        # The server first (it takes a while to start on a loaded machine), so that the
        # two renders compared in (b) run back to back.
        with run_server(work / "data", limit_s=300) as server, server.client(120) as client:
            wait_job(client, start_scan(client, folder))
            listed = client.get("/api/v1/videos").json()["videos"]
            videos = {video["filename"]: video["id"] for video in listed}
            project_id = create_project(client, videos, edit)
            log(f"hand-written ffmpeg: rendering the {edit.duration_s:g} s edit")
            hand = peers.run_hand_written(folder, edit, out / "hand.mp4")
            hand_check = check_output(hand.output, edit) if hand.error is None else None
            metrics["hand"] = {"wall_s": hand.wall_s, "error": hand.error, "check": hand_check}
            log(f"hand-written: {hand.wall_s} s")
            log("ours: rendering through the server")
            ours = _our_render(client, project_id, out / "ours.mp4")
            log(f"ours: {ours['status']} in {ours['wall_s']:.1f} s {ours['error'] or ''}")
            metrics["ours"] = {
                "wall_s": ours["wall_s"], "status": ours["status"], "error": ours["error"],
                "result": ours["result"], "check": check_output(out / "ours.mp4", edit),
            }  # fmt: skip
            metrics["progress"] = progress_metrics(ours)
            metrics["preview"] = preview_metrics(
                client, project_id, folder, edit, options.previews, work
            )
            _keep(metrics, options, log)
        metrics["peers"] = []
        limit_s = peer_limit(options, ours["wall_s"] if ours["status"] == "complete" else None)
        metrics["peer_limit_s"] = limit_s
        for name in options.peers:
            metrics["peers"].append(_peer_run(name, folder, edit, out, limit_s, log))
            _keep(metrics, options, log)
    results = {"benchmark": "render-quick" if options.quick else "render", "metrics": metrics}
    results["rows"] = render_rows(metrics)
    return results
