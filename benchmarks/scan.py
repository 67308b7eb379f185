"""The ``scan`` benchmark: one corpus, one run, every figure next to its baseline.

(a) naive baseline: ``ffprobe`` + ``ffmpeg`` per file, in turn, on a random sample,
    extrapolated per file (see :mod:`benchmarks.naive`);
(b) stoat-ferret's first scan of the corpus through the HTTP API of a real server
    process (``uv run stoat-ferret serve``, free port, temporary data folder);
(c) a rescan with nothing changed;
(d) cancel-to-terminal latency, over several cancels at random points of a scan
    (every file is touched before each run so that each run has all the work to do);
(e) ``/health/live`` latency, sampled every 20 ms during (b), against the same
    server idle;
(f) the server's peak resident memory (``VmHWM``) against its idle size;
(g) optionally the same first scan with ``STOAT_PROBE_BACKEND=ffprobe``, to measure
    the backend choice.
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from benchmarks.corpus import CACHE_DIR, Corpus, build_corpus, sample
from benchmarks.naive import run_naive
from benchmarks.sampling import HealthSampler, latency_summary, sample_idle
from benchmarks.server import Server, run_server, start_scan, wait_job

Log = Callable[[str], None]
TERMINAL = {"complete", "failed", "timeout", "cancelled"}
MB = 1_000_000


@dataclass
class ScanOptions:
    files: int = 1000
    templates: int = 40
    tiny: bool = False
    naive_sample: int = 100
    cancels: int = 5
    seed: int = 20251127
    backend: str = "auto"
    compare_backends: bool = True
    idle_s: float = 3.0
    cache_dir: Path = CACHE_DIR
    work_dir: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)


class ProgressPoller(threading.Thread):
    """Reads the job every ``interval_s`` (as a GUI would) to trace the throughput."""

    def __init__(self, url: str, job_id: str, t0: float, interval_s: float = 0.1) -> None:
        super().__init__(name="progress-poller", daemon=True)
        self.url = url
        self.job_id = job_id
        self.t0 = t0
        self.interval_s = interval_s
        self.series: list[tuple[float, int, int, float]] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            while not self._stop_event.is_set():
                job = client.get(f"/api/v1/jobs/{self.job_id}").json()
                detail = job.get("progress_detail") or {}
                self.series.append(
                    (
                        round(time.perf_counter() - self.t0, 3),
                        int(detail.get("processed", 0)),
                        int(detail.get("total", 0)),
                        float(job.get("progress") or 0.0),
                    )
                )
                if job["status"] in TERMINAL:
                    return
                self._stop_event.wait(self.interval_s)

    def finish(self) -> None:
        self._stop_event.set()
        self.join()


def _seconds_between(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    return round((datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds(), 3)


def measured_scan(server: Server, root: Path, *, trace: bool) -> dict[str, Any]:
    """One scan through the API; with ``trace``, sample health and progress meanwhile."""
    sampler = HealthSampler(server.url) if trace else None
    if sampler is not None:
        sampler.start()
        while sampler.started_at == 0.0:
            time.sleep(0.005)
        time.sleep(0.2)  # a few samples before the scan starts
    with server.client() as client:
        t0 = time.perf_counter()
        job_id = start_scan(client, root)
        poller = ProgressPoller(server.url, job_id, t0) if trace else None
        if poller is not None:
            poller.start()
        job = wait_job(client, job_id)
        wall_s = time.perf_counter() - t0
    if poller is not None:
        poller.finish()
    latencies = sampler.finish() if sampler is not None else []
    result = job.get("result") or {}
    files = int(result.get("scanned", 0))
    measured: dict[str, Any] = {
        "status": job["status"],
        "wall_s": round(wall_s, 4),
        "job_s": _seconds_between(job.get("started_at"), job.get("finished_at")),
        "queued_s": _seconds_between(job.get("created_at"), job.get("started_at")),
        "files": files,
        "files_per_s": round(files / wall_s, 1) if wall_s > 0 else None,
        "per_file_ms": round(wall_s / files * 1000, 3) if files else None,
        "result": {k: v for k, v in result.items() if k != "errors"},
        "errors": len(result.get("errors", [])),
        "peak_rss_mb": round(server.peak_rss_mib() * 1024 * 1024 / MB, 1),
    }
    if sampler is not None and poller is not None:
        in_scan = [(t - t0, lat) for t, lat in sampler.samples if t0 <= t <= t0 + wall_s]
        measured["health"] = latency_summary([lat for _, lat in in_scan])
        measured["health_series"] = [(round(t, 3), round(lat * 1000, 2)) for t, lat in in_scan]
        measured["progress_series"] = poller.series
        measured["progress_monotonic"] = _monotonic(poller.series)
        measured["sampler_total"] = len(latencies)
    return measured


def _monotonic(series: list[tuple[float, int, int, float]]) -> bool:
    """True when neither the progress value nor ``processed`` ever went backwards."""
    return all(
        later[1] >= earlier[1] and later[3] >= earlier[3]
        for earlier, later in itertools.pairwise(series)
    )


def touch_all(corpus: Corpus) -> None:
    """Give every file a new mtime, so the next scan must probe everything again."""
    for item in corpus.files:
        os.utime(item.path)


def measure_cancels(
    server: Server, corpus: Corpus, count: int, scan_s: float, rng: random.Random, log: Log
) -> dict[str, Any]:
    """Cancel ``count`` scans at random points; time cancel request -> terminal state."""
    latencies: list[float] = []
    runs = []
    attempts = 0
    with server.client() as client:
        while len(latencies) < count and attempts < count * 3:
            attempts += 1
            touch_all(corpus)
            delay = rng.uniform(0.05, 0.8) * scan_s
            job_id = start_scan(client, corpus.root)
            time.sleep(delay)
            asked = time.perf_counter()
            response = client.post(f"/api/v1/jobs/{job_id}/cancel")
            if response.status_code == 409:  # finished before the cancel: not a sample
                wait_job(client, job_id)
                continue
            response.raise_for_status()
            job = wait_job(client, job_id)
            latency = time.perf_counter() - asked
            latencies.append(latency)
            scanned = (job.get("result") or {}).get("scanned")
            runs.append(
                {
                    "after_s": round(delay, 3),
                    "status": job["status"],
                    "scanned": scanned,
                    "latency_ms": round(latency * 1000, 2),
                }
            )
            log(f"    cancel {len(latencies)}: {job['status']} after {scanned} files, "
                f"{latency * 1000:.1f} ms")  # fmt: skip
    summary = latency_summary(latencies)
    return {**summary, "runs": runs, "all_cancelled": all(r["status"] == "cancelled" for r in runs)}


def run_scan_benchmark(options: ScanOptions, log: Log = print) -> dict[str, Any]:
    log(f"corpus: {options.files} files from {options.templates} templates")
    corpus = build_corpus(
        options.files,
        templates=options.templates,
        tiny=options.tiny,
        cache_dir=options.cache_dir,
        log=log,
    )
    log(f"(a) naive baseline on a sample of {options.naive_sample} files")
    naive = run_naive(sample(corpus, options.naive_sample, options.seed))
    naive["extrapolated_s"] = round(naive["per_file_s"] * len(corpus.files), 2)
    log(f"    {naive['per_file_s'] * 1000:.1f} ms per file")
    metrics: dict[str, Any] = {"backend": options.backend, "naive": naive}
    rng = random.Random(options.seed)
    work = Path(tempfile.mkdtemp(prefix="stoat-bench-", dir=options.work_dir))
    try:
        env = {"STOAT_PROBE_BACKEND": options.backend, **options.extra_env}
        with run_server(work / "data", env=env) as server:
            metrics["idle"] = {
                "rss_mb": round(server.rss_mib() * 1024 * 1024 / MB, 1),
                "health": sample_idle(server.url, options.idle_s),
            }
            log("(b, e) first scan, sampling /health/live every 20 ms")
            first = measured_scan(server, corpus.root, trace=True)
            metrics["first_scan"] = first
            log(f"    {first['wall_s']:.2f} s, {first['files_per_s']} files/s, "
                f"health {first['health']}")  # fmt: skip
            log("(c) rescan, nothing changed")
            metrics["rescan"] = measured_scan(server, corpus.root, trace=False)
            log(f"    {metrics['rescan']['wall_s'] * 1000:.1f} ms")
            log(f"(d) {options.cancels} cancels at random points")
            metrics["cancel"] = measure_cancels(
                server, corpus, options.cancels, first["wall_s"], rng, log
            )
            metrics["memory"] = {
                "idle_rss_mb": metrics["idle"]["rss_mb"],
                "peak_after_first_scan_mb": first["peak_rss_mb"],
                "peak_end_mb": round(server.peak_rss_mib() * 1024 * 1024 / MB, 1),
            }
        if options.compare_backends:
            log("(g) first scan with STOAT_PROBE_BACKEND=ffprobe, fresh server")
            env = {**env, "STOAT_PROBE_BACKEND": "ffprobe"}
            touch_all(corpus)
            with run_server(work / "data-ffprobe", env=env) as server:
                metrics["ffprobe_first_scan"] = measured_scan(server, corpus.root, trace=True)
            log(f"    {metrics['ffprobe_first_scan']['wall_s']:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "benchmark": "scan",
        "params": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(options).items()},
        "corpus": corpus.summary(),
        "metrics": metrics,
        "rows": scan_rows(metrics, len(corpus.files)),
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    if not a or not b:
        return None
    return round(a / b, 2)


def scan_rows(metrics: dict[str, Any], files: int) -> list[dict[str, Any]]:
    """The summary table: figure, baseline, ratio, target and verdict per line."""
    naive = metrics["naive"]
    first = metrics["first_scan"]
    rescan = metrics["rescan"]
    cancel = metrics["cancel"]
    idle = metrics["idle"]["health"]
    health = first["health"]
    memory = metrics["memory"]
    first_per_file = first["wall_s"] / files
    speedup = _ratio(naive["per_file_s"], first_per_file)
    rescan_speedup = _ratio(first["wall_s"], rescan["wall_s"])
    rows: list[dict[str, Any]] = [
        {
            "metric": "(a) naive ffprobe + ffmpeg per file",
            "figure": f"{naive['per_file_s'] * 1000:.1f} ms/file "
            f"(sample of {naive['sample_files']}; {naive['extrapolated_s']:.1f} s for {files})",
            "baseline": "-",
            "ratio": None,
            "ratio_text": "baseline",
            "target": "-",
            "met": None,
        },
        {
            "metric": f"(b) first scan, {files} files, HTTP API",
            "figure": f"{first['wall_s']:.2f} s = {first['files_per_s']:.0f} files/s "
            f"({first_per_file * 1000:.2f} ms/file)",
            "baseline": f"naive {naive['per_file_s'] * 1000:.1f} ms/file",
            "ratio": speedup,
            "ratio_text": f"{speedup}x faster",
            "target": ">= 10x faster",
            "met": speedup is not None and speedup >= 10,
        },
        {
            "metric": "(c) rescan, nothing changed",
            "figure": f"{rescan['wall_s'] * 1000:.0f} ms ({rescan['files_per_s']:.0f} files/s)",
            "baseline": f"first scan {first['wall_s']:.2f} s",
            "ratio": rescan_speedup,
            "ratio_text": f"{rescan_speedup}x faster",
            "target": ">= 100x faster",
            "met": rescan_speedup is not None and rescan_speedup >= 100,
        },
        {
            "metric": f"(d) cancel -> terminal ({cancel['n']} cancels)",
            "figure": f"p50 {cancel['p50_ms']:.0f} ms, p95 {cancel['p95_ms']:.0f} ms",
            "baseline": f"idle request p50 {idle['p50_ms']:.1f} ms",
            "ratio": _ratio(cancel["p95_ms"], idle["p50_ms"]),
            "ratio_text": f"p95 = {_ratio(cancel['p95_ms'], idle['p50_ms'])}x an idle request",
            "target": "p95 < 100 ms",
            "met": cancel["p95_ms"] < 100 and cancel["all_cancelled"],
        },
        {
            "metric": "(e) /health/live during first scan",
            "figure": f"p50 {health['p50_ms']:.1f}, p99 {health['p99_ms']:.1f}, "
            f"max {health['max_ms']:.1f} ms (n={health['n']})",
            "baseline": f"idle p50 {idle['p50_ms']:.1f}, p99 {idle['p99_ms']:.1f}, "
            f"max {idle['max_ms']:.1f} ms",
            "ratio": _ratio(health["p99_ms"], idle["p99_ms"]),
            "ratio_text": f"p99 = {_ratio(health['p99_ms'], idle['p99_ms'])}x idle",
            "target": "p99 < 20 ms, max < 100 ms",
            "met": health["p99_ms"] < 20 and health["max_ms"] < 100,
        },
        {
            "metric": "(f) server peak RSS (VmHWM)",
            "figure": f"{memory['peak_end_mb']:.0f} MB "
            f"(after first scan {memory['peak_after_first_scan_mb']:.0f} MB)",
            "baseline": f"idle {memory['idle_rss_mb']:.0f} MB",
            "ratio": _ratio(memory["peak_end_mb"], memory["idle_rss_mb"]),
            "ratio_text": f"{_ratio(memory['peak_end_mb'], memory['idle_rss_mb'])}x idle",
            "target": "-",
            "met": None,
        },
    ]
    ffprobe = metrics.get("ffprobe_first_scan")
    if ffprobe is not None:
        ratio = _ratio(ffprobe["wall_s"], first["wall_s"])
        rows.append(
            {
                "metric": "(g) first scan, STOAT_PROBE_BACKEND=ffprobe",
                "figure": f"{ffprobe['wall_s']:.2f} s = {ffprobe['files_per_s']:.0f} files/s; "
                f"/health/live p99 {ffprobe['health']['p99_ms']:.1f}, "
                f"max {ffprobe['health']['max_ms']:.1f} ms",
                "baseline": f"first scan (b), backend {metrics.get('backend', 'auto')}",
                "ratio": ratio,
                "ratio_text": f"(b) is {ratio}x faster",
                "target": "-",
                "met": None,
            }
        )
    return rows
