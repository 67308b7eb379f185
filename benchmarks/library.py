"""The ``library`` benchmark: a 100,000-video library, browsed and rescanned.

1. A tree of ``rows`` sparse files in nested folders is created in a temporary folder
   (sparse: each has a realistic apparent size but no data blocks, so the tree costs
   inodes, not gigabytes). Names are built from word lists so that searches match a
   realistic share of the library: one place word matches 5 %, a year folder 10 %.
2. The database is seeded with one synthetic video row per file through
   ``VideoRepository.upsert_many`` (no media is probed), with the file's real size and
   mtime, so a rescan finds every file unchanged.
3. A real server process (``uv run stoat-ferret serve``) answers list pages (every sort
   field, both orders, offsets from the first to the last page), searches and gets;
   each shape is requested once to warm up, then ``repeats`` times timed.
4. The tree is rescanned through the API while ``/health/live`` is sampled; the
   server's peak memory is read from ``VmHWM``.

Baselines from the same run: an idle ``/health/live`` request for the queries (the
HTTP floor), and a bare ``os.scandir`` + ``stat`` walk of the tree, in this process, for
the rescan (the file-system floor).
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.sampling import HealthSampler, latency_summary, sample_idle
from benchmarks.server import Server, run_server, start_scan, wait_job

Log = Callable[[str], None]
MB = 1_000_000

PLACES = ("beach", "mountain", "city", "forest", "lake", "desert", "river", "island", "valley",
          "harbour", "garden", "castle", "market", "bridge", "canyon", "glacier", "meadow",
          "station", "stadium", "museum")  # fmt: skip
EVENTS = ("birthday", "wedding", "holiday", "concert", "match", "graduation", "picnic", "trip",
          "party", "parade", "hike", "dinner", "festival", "reunion", "rehearsal", "lecture",
          "interview", "launch", "regatta", "carnival")  # fmt: skip
SUFFIXES = (".mp4", ".mkv", ".mov", ".webm")
SORT_FIELDS = ("filename", "created_at", "updated_at", "duration_seconds", "file_size", "width")
SEARCHES = (
    "beach",  # one place word: 5 % of the rows
    "2015",  # a year folder: 10 %
    "lake picnic",  # two words: 0.25 %
    "dinner_004217",  # one file
    "ve",  # two letters: below the trigram index, a LIKE scan
)


@dataclass
class LibraryOptions:
    rows: int = 100_000
    repeats: int = 5
    seed: int = 20251127
    idle_s: float = 2.0
    work_dir: Path | None = None


@dataclass(frozen=True)
class MadeFile:
    path: str
    size: int
    mtime_ns: int


def relative_path(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    event = EVENTS[(n // len(PLACES)) % len(EVENTS)]
    year = 2010 + (n // 400) % 10
    return f"{year}/{event}/{place}_{event}_{n:06d}{SUFFIXES[n % len(SUFFIXES)]}"


def make_tree(root: Path, rows: int, rng: random.Random) -> list[MadeFile]:
    """Create ``rows`` sparse files; returns their stamps as the scan will see them."""
    made = []
    for n in range(rows):
        path = root / relative_path(n)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.ftruncate(fd, rng.randint(1_000_000, 2_000_000_000))
            stat = os.fstat(fd)
        finally:
            os.close(fd)
        made.append(MadeFile(str(path), stat.st_size, stat.st_mtime_ns))
    return made


def walk_floor(root: Path) -> float:
    """Seconds for a bare recursive ``os.scandir`` + ``stat`` of the tree."""
    started = time.perf_counter()
    pending = [str(root)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    pending.append(entry.path)
                else:
                    entry.stat()
    return time.perf_counter() - started


async def seed_rows(database_path: Path, files: list[MadeFile], rng: random.Random) -> list[str]:
    """Insert one synthetic video per file with ``VideoRepository.upsert_many``."""
    from stoat_ferret.db import Database
    from stoat_ferret.ffmpeg import VideoMetadata
    from stoat_ferret.library.models import FileStamp, ProbedVideo
    from stoat_ferret.library.repository import VideoRepository

    database = Database(database_path)
    await database.migrate()
    sizes = ((640, 360), (1280, 720), (1920, 1080), (3840, 2160), (720, 576))
    ids = []
    try:
        for start in range(0, len(files), 1000):
            batch = []
            for made in files[start : start + 1000]:
                width, height = rng.choice(sizes)
                duration = round(rng.uniform(1, 3600), 3)
                metadata = VideoMetadata(
                    duration_s=duration,
                    duration_frames=round(duration * 30),
                    frame_rate_numerator=30,
                    frame_rate_denominator=1,
                    width=width,
                    height=height,
                    video_codec=rng.choice(("h264", "hevc", "vp9")),
                    audio_codec="aac",
                    container="mov,mp4,m4a,3gp,3g2,mj2",
                    bit_rate=rng.randint(500_000, 50_000_000),
                    audio_channels=2,
                    audio_sample_rate=48_000,
                )
                video_id = uuid.uuid4().hex
                ids.append(video_id)
                stamp = FileStamp(made.size, made.mtime_ns)
                batch.append(ProbedVideo(video_id, made.path, stamp, metadata, None))
            async with database.unit_of_work() as uow:
                await VideoRepository(uow.session).upsert_many(batch)
    finally:
        await database.dispose()
    return ids


def _timed_get(client: Any, url: str, params: dict[str, Any] | None = None) -> float:
    started = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed


def measure_queries(
    server: Server, rows: int, ids: list[str], repeats: int, rng: random.Random
) -> dict[str, Any]:
    offsets = sorted({0, min(1000, rows - 20), rows // 2, max(0, rows - 20)})
    shapes: list[tuple[str, str, dict[str, Any]]] = []
    for sort in SORT_FIELDS:
        for order in ("asc", "desc"):
            for offset in offsets:
                params = {"sort": sort, "order": order, "offset": offset, "limit": 20}
                shapes.append((f"list:{sort}", "/api/v1/videos", params))
    shapes += [(f"search:{q}", "/api/v1/videos/search", {"q": q, "limit": 20}) for q in SEARCHES]
    gets: list[tuple[str, str, dict[str, Any]]] = [
        ("get", f"/api/v1/videos/{video_id}", {}) for video_id in rng.sample(ids, min(50, len(ids)))
    ]
    timings: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    with server.client() as client:
        for name, url, params in shapes + gets[:5]:  # warm-up, untimed
            response = client.get(url, params=params)
            response.raise_for_status()
            if name.startswith("search:"):
                totals[name] = int(response.json()["total"])
        work = shapes * repeats + gets * repeats
        rng.shuffle(work)
        for name, url, params in work:
            timings.setdefault(name, []).append(_timed_get(client, url, params))
    lists = [t for name, values in timings.items() if name.startswith("list:") for t in values]
    searches = [t for name, values in timings.items() if name.startswith("search:") for t in values]
    return {
        "offsets": offsets,
        "list": latency_summary(lists),
        "search": latency_summary(searches),
        "get": latency_summary(timings.get("get", [])),
        "by_shape": {
            name: latency_summary(values)
            for name, values in sorted(timings.items())
            if name != "get"
        },
        "search_totals": totals,
    }


def run_library_benchmark(options: LibraryOptions, log: Log = print) -> dict[str, Any]:
    rng = random.Random(options.seed)
    work = Path(tempfile.mkdtemp(prefix="stoat-bench-library-", dir=options.work_dir))
    metrics: dict[str, Any] = {}
    try:
        tree = work / "videos"
        log(f"creating {options.rows} sparse files under {tree}")
        started = time.perf_counter()
        files = make_tree(tree, options.rows, rng)
        metrics["tree_s"] = round(time.perf_counter() - started, 2)
        metrics["walk_floor_s"] = round(walk_floor(tree), 3)
        log(f"seeding {options.rows} rows through VideoRepository.upsert_many")
        started = time.perf_counter()
        data = work / "data"
        ids = asyncio.run(seed_rows(data / "stoat-ferret.db", files, rng))
        metrics["seed_s"] = round(time.perf_counter() - started, 2)
        with run_server(data) as server:
            idle = sample_idle(server.url, options.idle_s)
            metrics["idle"] = {"rss_mb": _mb(server.rss_mib()), "health": idle}
            log("timing list pages, searches and gets")
            metrics["queries"] = measure_queries(server, options.rows, ids, options.repeats, rng)
            metrics["peak_before_rescan_mb"] = _mb(server.peak_rss_mib())
            log("rescanning the unchanged tree")
            metrics["rescan"] = _rescan(server, tree)
            metrics["peak_rss_mb"] = _mb(server.peak_rss_mib())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "benchmark": "library",
        "params": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(options).items()},
        "metrics": metrics,
        "rows": library_rows(metrics, options.rows),
    }


def _mb(mib: float) -> float:
    return round(mib * 1024 * 1024 / MB, 1)


def _rescan(server: Server, tree: Path) -> dict[str, Any]:
    sampler = HealthSampler(server.url)
    sampler.start()
    with server.client() as client:
        started = time.perf_counter()
        job = wait_job(client, start_scan(client, tree))
        wall_s = time.perf_counter() - started
    sampler.finish()
    result = job.get("result") or {}
    return {
        "status": job["status"],
        "wall_s": round(wall_s, 3),
        "files_per_s": round(int(result.get("scanned", 0)) / wall_s),
        "result": {k: v for k, v in result.items() if k != "errors"},
        "errors": len(result.get("errors", [])),
        "health": sampler.summary(),
    }


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if a and b else None


def library_rows(metrics: dict[str, Any], rows: int) -> list[dict[str, Any]]:
    queries = metrics["queries"]
    idle = metrics["idle"]["health"]
    rescan = metrics["rescan"]
    floor_ms = idle["p50_ms"]

    def worst(prefix: str) -> str:
        shapes = {k: v for k, v in queries["by_shape"].items() if k.startswith(prefix)}
        name, summary = max(shapes.items(), key=lambda item: item[1]["p95_ms"])
        return f"worst {name.split(':', 1)[1]!r} p95 {summary['p95_ms']:.1f} ms"

    table = []
    for key, label in (("list", "list page (6 sorts x 2 orders x offsets)"),
                       ("search", f"search ({len(SEARCHES)} queries)")):  # fmt: skip
        summary = queries[key]
        table.append(
            {
                "metric": f"{label}, {rows} rows",
                "figure": f"p50 {summary['p50_ms']:.1f} ms, p95 {summary['p95_ms']:.1f} ms "
                f"(n={summary['n']}; {worst(key + ':')})",
                "baseline": f"idle /health/live p50 {floor_ms:.1f} ms",
                "ratio": _ratio(summary["p95_ms"], floor_ms),
                "ratio_text": f"p95 = {_ratio(summary['p95_ms'], floor_ms)}x idle request",
                "target": "p95 < 30 ms",
                "met": summary["p95_ms"] < 30,
            }
        )
    get = queries["get"]
    table.append(
        {
            "metric": "get one video",
            "figure": f"p50 {get['p50_ms']:.1f} ms, p95 {get['p95_ms']:.1f} ms (n={get['n']})",
            "baseline": f"idle /health/live p50 {floor_ms:.1f} ms",
            "ratio": _ratio(get["p95_ms"], floor_ms),
            "ratio_text": f"p95 = {_ratio(get['p95_ms'], floor_ms)}x idle request",
            "target": "-",
            "met": None,
        }
    )
    ok = rescan["status"] == "complete" and rescan["result"].get("skipped") == rows
    table.append(
        {
            "metric": f"rescan of {rows} unchanged files, HTTP API",
            "figure": f"{rescan['wall_s']:.2f} s = {rescan['files_per_s']} files/s "
            f"(skipped {rescan['result'].get('skipped')})",
            "baseline": f"bare scandir+stat walk {metrics['walk_floor_s']:.2f} s",
            "ratio": _ratio(rescan["wall_s"], metrics["walk_floor_s"]),
            "ratio_text": f"{_ratio(rescan['wall_s'], metrics['walk_floor_s'])}x the bare walk",
            "target": "< 5 s (>= 20,000 files/s)",
            "met": ok and rescan["wall_s"] < 5,
        }
    )
    health = rescan["health"]
    table.append(
        {
            "metric": "/health/live during that rescan",
            "figure": f"p50 {health['p50_ms']:.1f}, p99 {health['p99_ms']:.1f}, "
            f"max {health['max_ms']:.1f} ms (n={health['n']})",
            "baseline": f"idle p99 {idle['p99_ms']:.1f} ms",
            "ratio": _ratio(health["p99_ms"], idle["p99_ms"]),
            "ratio_text": f"p99 = {_ratio(health['p99_ms'], idle['p99_ms'])}x idle",
            "target": "-",
            "met": None,
        }
    )
    table.append(
        {
            "metric": "server peak RSS (VmHWM), whole run",
            "figure": f"{metrics['peak_rss_mb']:.0f} MB "
            f"(before the rescan {metrics['peak_before_rescan_mb']:.0f} MB)",
            "baseline": f"idle {metrics['idle']['rss_mb']:.0f} MB",
            "ratio": _ratio(metrics["peak_rss_mb"], metrics["idle"]["rss_mb"]),
            "ratio_text": f"{_ratio(metrics['peak_rss_mb'], metrics['idle']['rss_mb'])}x idle",
            "target": "< 300 MB",
            "met": metrics["peak_rss_mb"] < 300,
        }
    )
    table.append(
        {
            "metric": "seeding (benchmark set-up, not a target)",
            "figure": f"{rows} rows in {metrics['seed_s']:.1f} s via upsert_many; "
            f"{rows} sparse files in {metrics['tree_s']:.1f} s",
            "baseline": "-",
            "ratio": None,
            "ratio_text": "-",
            "target": "-",
            "met": None,
        }
    )
    return table
