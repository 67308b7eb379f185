"""
The ``editing`` benchmark: a 500-clip project edited over the HTTP API of a real server.

1. A few sparse files are seeded into the library as synthetic videos (as the
   ``library`` benchmark does: the editor reads the library's rows, never the media).
2. A real server (``uv run stoat-ferret serve``) gets a project built the way a client
   builds one: ``POST /projects`` then ``POST .../edits`` batches of ``clips`` clips on
   the main track, an effect on every clip (blur, volume, colour, text overlay in turn)
   and a transition between every fourth pair (fade, wipeleft, dissolve in turn).
3. ``rounds`` times, in one loop so the noise of the machine falls on every figure
   alike: an idle ``/health/live`` (the HTTP floor, same moment), ``GET /projects/{id}``,
   ``GET .../timeline``, a trim (``PATCH`` of a clip's ``out_point``), a move (the last
   clip to index 2 and back) and an added clip. Then ``rounds`` undos (of those adds).
4. ``projects - 1`` more projects are built the same way; every project is read once
   and the server's resident set (``VmRSS``) and peak (``VmHWM``) are read.

Every figure is also a ratio to the idle ``/health/live`` p50 of the same loop.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

# The library benchmark's seeding, megabytes and ratios (one rounding for all tables).
from benchmarks.library import _mb, _ratio, make_tree, seed_rows
from benchmarks.sampling import latency_summary
from benchmarks.server import Server, run_server

Log = Callable[[str], None]
API = "/api/v1/projects"
CLIP_FRAMES = 30
TRANSITION_FRAMES = 5
EFFECTS = (
    {"effect_type": "blur", "parameters": {"sigma": 2}},
    {"effect_type": "volume", "parameters": {"gain_db": -3}},
    {"effect_type": "color", "parameters": {"brightness": 0.05, "contrast": 1.1}},
    {"effect_type": "text_overlay", "parameters": {"text": "Scene", "font_size": 36}},
)
TRANSITIONS = ("fade", "wipeleft", "dissolve")


@dataclass
class EditingOptions:
    clips: int = 500
    rounds: int = 100
    projects: int = 100
    sources: int = 20
    seed: int = 20261201
    work_dir: Path | None = None


def _check(response: httpx.Response) -> httpx.Response:
    if response.status_code >= 400:
        raise RuntimeError(f"{response.request.method} {response.request.url}: {response.text}")
    return response


def build_project(client: httpx.Client, name: str, sources: list[str], clips: int) -> str:
    """A project of ``clips`` clips with effects and transitions, in two batches."""
    pid = str(_check(client.post(API, json={"name": name})).json()["id"])
    operations: list[dict[str, Any]] = []
    for n in range(clips):
        start = (n * 7) % 60
        operations.append({"op": "add_clip", "source_video_id": sources[n % len(sources)],
                           "in_point": start, "out_point": start + CLIP_FRAMES})  # fmt: skip
    for n in range(clips):
        operations.append({"op": "add_effect", "clip_id": f"${n}", **EFFECTS[n % len(EFFECTS)]})
    created = _check(client.post(f"{API}/{pid}/edits", json={"operations": operations}))
    ids = created.json()["created_ids"][:clips]
    transitions = [
        {"op": "add_transition", "from_clip_id": ids[k], "to_clip_id": ids[k + 1],
         "duration": TRANSITION_FRAMES, "transition": TRANSITIONS[(k // 4) % len(TRANSITIONS)]}
        for k in range(0, clips - 1, 4)
    ]  # fmt: skip
    if transitions:
        _check(client.post(f"{API}/{pid}/edits", json={"operations": transitions}))
    return pid


def _timed(call: Callable[[], httpx.Response]) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - started
    return elapsed, _check(response)


def measure_edits(
    client: httpx.Client, pid: str, source: str, rounds: int
) -> dict[str, list[float]]:
    """The interleaved loop of step 3, then the undos; seconds per request."""
    found = _check(client.get(f"{API}/{pid}")).json()
    clips = [clip for clip in found["clips"] if clip["index"] is not None]
    trimmed = clips[len(clips) // 2 + 2]  # a clip away from the transitions' pairs
    last = clips[-1]
    times: dict[str, list[float]] = {}

    def record(name: str, call: Callable[[], httpx.Response]) -> None:
        elapsed, _ = _timed(call)
        times.setdefault(name, []).append(elapsed)

    for _ in range(3):  # warm-up, untimed
        _check(client.get("/health/live"))
        _check(client.get(f"{API}/{pid}"))
    trim_url, move_url = f"{API}/{pid}/clips/{trimmed['id']}", f"{API}/{pid}/clips/{last['id']}"
    added = {"source_video_id": source, "in_point": 0, "out_point": CLIP_FRAMES}
    for n in range(rounds):
        trim = {"out_point": trimmed["in_point"] + CLIP_FRAMES - 1 - n % 2}
        move = {"index": 2 if n % 2 == 0 else len(clips) - 1}
        record("health", lambda: client.get("/health/live"))
        record("project", lambda: client.get(f"{API}/{pid}"))
        record("timeline", lambda: client.get(f"{API}/{pid}/timeline"))
        record("trim", lambda body=trim: client.patch(trim_url, json=body))
        record("move", lambda body=move: client.patch(move_url, json=body))
        record("add", lambda: client.post(f"{API}/{pid}/clips", json=added))
    for _ in range(rounds):
        record("undo", lambda: client.post(f"{API}/{pid}/undo"))
    return times


def run_editing_benchmark(options: EditingOptions, log: Log = print) -> dict[str, Any]:
    rng = random.Random(options.seed)
    work = Path(tempfile.mkdtemp(prefix="stoat-bench-editing-", dir=options.work_dir))
    metrics: dict[str, Any] = {}
    try:
        files = make_tree(work / "videos", options.sources, rng)
        data = work / "data"
        sources = asyncio.run(seed_rows(data / "stoat-ferret.db", files, rng))
        with run_server(data) as server, server.client() as client:
            metrics["idle_rss_mb"] = _mb(server.rss_mib())
            log(f"building a {options.clips}-clip project over the API")
            started = time.perf_counter()
            pid = build_project(client, "Bench 0", sources, options.clips)
            metrics["build_s"] = round(time.perf_counter() - started, 2)
            project = _check(client.get(f"{API}/{pid}")).json()
            metrics["project"] = {
                "clips": len(project["clips"]),
                "effects": sum(len(c["effects"]) for c in project["clips"]),
                "transitions": len(project["transitions"]),
                "response_bytes": len(_check(client.get(f"{API}/{pid}")).content),
            }
            log(f"timing {options.rounds} rounds of reads and edits, then undos")
            times = measure_edits(client, pid, sources[0], options.rounds)
            metrics["latency"] = {name: latency_summary(v) for name, v in times.items()}
            metrics["with_projects"] = _many_projects(server, client, options, sources, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "benchmark": "editing",
        "params": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(options).items()},
        "metrics": metrics,
        "rows": editing_rows(metrics, options),
    }


def _many_projects(
    server: Server, client: httpx.Client, options: EditingOptions, sources: list[str], log: Log
) -> dict[str, Any]:
    log(f"building {options.projects - 1} more projects")
    started = time.perf_counter()
    for n in range(1, options.projects):
        build_project(client, f"Bench {n}", sources, options.clips)
    built_s = time.perf_counter() - started
    listed = _check(client.get(API, params={"limit": 100})).json()
    for summary in listed["projects"]:
        _check(client.get(f"{API}/{summary['id']}"))
    return {
        "projects": int(listed["total"]),
        "build_each_s": round(built_s / max(1, options.projects - 1), 2),
        "rss_mb": _mb(server.rss_mib()),
        "peak_rss_mb": _mb(server.peak_rss_mib()),
    }


def editing_rows(metrics: dict[str, Any], options: EditingOptions) -> list[dict[str, Any]]:
    latency = metrics["latency"]
    floor = latency["health"]["p50_ms"]
    shape = metrics["project"]
    where = (f"{shape['clips']} clips, {shape['effects']} effects, "
             f"{shape['transitions']} transitions")  # fmt: skip
    table = []
    for key, label, target in (
        ("add", "add one clip (POST .../clips)", 20),
        ("trim", "trim one clip (PATCH out_point)", 20),
        ("move", "move one clip (PATCH index)", 20),
        ("undo", "undo (POST .../undo)", 30),
        ("timeline", "GET .../timeline", 50),
        ("project", "GET /projects/{id}", 50),
    ):
        summary = latency[key]
        table.append(
            {
                "metric": f"{label}, {where}",
                "figure": f"p50 {summary['p50_ms']:.1f} ms, p95 {summary['p95_ms']:.1f} ms "
                f"(n={summary['n']})",
                "baseline": f"idle /health/live p50 {floor:.1f} ms (same loop)",
                "ratio": _ratio(summary["p95_ms"], floor),
                "ratio_text": f"p95 = {_ratio(summary['p95_ms'], floor)}x idle request",
                "target": f"p95 < {target} ms",
                "met": summary["p95_ms"] < target,
            }
        )
    many = metrics["with_projects"]
    table.append(
        {
            "metric": f"server RSS with {many['projects']} such projects (each read once)",
            "figure": f"{many['rss_mb']:.0f} MB (peak {many['peak_rss_mb']:.0f} MB)",
            "baseline": f"idle {metrics['idle_rss_mb']:.0f} MB",
            "ratio": _ratio(many["rss_mb"], metrics["idle_rss_mb"]),
            "ratio_text": f"{_ratio(many['rss_mb'], metrics['idle_rss_mb'])}x idle",
            "target": "< 300 MB",
            "met": many["peak_rss_mb"] < 300,
        }
    )
    table.append(
        {
            "metric": "building one project (set-up, not a target)",
            "figure": f"{metrics['build_s']:.1f} s for the first "
            f"({many['build_each_s']:.1f} s each after), 3 requests",
            "baseline": "-",
            "ratio": None,
            "ratio_text": "-",
            "target": "-",
            "met": None,
        }
    )
    return table
