"""Where the event loop's time goes during a first scan, in-process.

The server's responsiveness depends on one thread: the event loop's. This runs the
real app (``create_app`` + lifespan, the default backend, the HTTP API through
``httpx.ASGITransport``) in this process and, for the duration of a first scan of the
corpus, records:

- a pyinstrument profile of the loop thread (``async_mode="disabled"``: wall-clock
  stacks of the thread, so time spent waiting for the GIL or inside C code is charged
  to the Python line that was running), flattened into a top table by self time and
  a table by total time of stoat-ferret's own functions;
- CPU seconds of the loop thread against the whole process (the rest is decoder
  threads, the SQLite thread and the profiler);
- every garbage collection that took more than 2 ms, with its generation;
- the loop lag: how late a 5 ms ``asyncio.sleep`` wakes up.
"""

from __future__ import annotations

import asyncio
import gc
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus import CACHE_DIR, build_corpus
from benchmarks.sampling import latency_summary

Log = Callable[[str], None]


@dataclass
class ProfileOptions:
    files: int = 1000
    templates: int = 40
    tiny: bool = False
    backend: str = "auto"
    interval_s: float = 0.0005
    cache_dir: Path = CACHE_DIR
    work_dir: Path | None = None


class GcRecorder:
    """Collects the duration of every garbage collection (``gc.callbacks``)."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float]] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append((info["generation"], time.perf_counter() - self._started))

    def summary(self) -> dict[str, Any]:
        by_gen: dict[str, dict[str, float]] = {}
        for generation in (0, 1, 2):
            pauses = [p for g, p in self.pauses if g == generation]
            by_gen[f"gen{generation}"] = {
                "count": len(pauses),
                "total_ms": round(sum(pauses) * 1000, 1),
                "max_ms": round(max(pauses, default=0.0) * 1000, 1),
            }
        return by_gen


def _flatten(root: Any) -> tuple[dict[str, float], dict[str, float]]:
    """Self time and total time per function (a function counted once per stack)."""
    self_times: dict[str, float] = {}
    total_times: dict[str, float] = {}

    def name(frame: Any) -> str:
        return f"{frame.function}  {frame.file_path_short}:{frame.line_no}"

    def visit(frame: Any, on_stack: frozenset[str]) -> None:
        if frame.is_synthetic:
            # "[self]" leaves are already in their parent's total_self_time; a
            # synthetic root only groups the real stacks.
            for child in frame.children:
                visit(child, on_stack)
            return
        key = name(frame)
        self_times[key] = self_times.get(key, 0.0) + frame.total_self_time
        if key not in on_stack:
            total_times[key] = total_times.get(key, 0.0) + frame.time
        for child in frame.children:
            visit(child, on_stack | {key})

    visit(root, frozenset())
    return self_times, total_times


def top_table(root: Any, wall_s: float, limit: int = 15) -> str:
    self_times, total_times = _flatten(root)
    lines = [f"Loop thread, {wall_s:.2f} s of wall-clock time sampled.", "",
             "Top functions by self time (idle = waiting in select/epoll):",
             f"{'self s':>8} {'share':>6}  function"]  # fmt: skip
    for key, seconds in sorted(self_times.items(), key=lambda kv: -kv[1])[:limit]:
        lines.append(f"{seconds:8.3f} {seconds / wall_s:6.1%}  {key}")
    lines += ["", "stoat_ferret functions by total time (self + callees):",
              f"{'total s':>8} {'share':>6}  function"]  # fmt: skip
    own = [(k, v) for k, v in total_times.items() if "stoat_ferret" in k]
    for key, seconds in sorted(own, key=lambda kv: -kv[1])[:limit]:
        lines.append(f"{seconds:8.3f} {seconds / wall_s:6.1%}  {key}")
    return "\n".join(lines) + "\n"


async def _profile_scan(root: Path, data_dir: Path, options: ProfileOptions) -> dict[str, Any]:
    import httpx
    from pyinstrument import Profiler

    from stoat_ferret.api import create_app
    from stoat_ferret.db import Database
    from stoat_ferret.settings import Settings

    settings = Settings.model_validate(
        {"data_dir": data_dir, "probe_backend": options.backend, "log_level": "warning"}
    )
    database = Database(settings.database_path)
    await database.migrate()
    app = create_app(settings, database=database, configure_logs=False)
    lags: list[float] = []
    recorder = GcRecorder()

    async def lag_monitor() -> None:
        loop = asyncio.get_running_loop()
        while True:
            started = loop.time()
            await asyncio.sleep(0.005)
            lags.append(max(0.0, loop.time() - started - 0.005))

    try:
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c,
        ):
            await c.get("/health/live")
            monitor = asyncio.create_task(lag_monitor())
            profiler = Profiler(interval=options.interval_s, async_mode="disabled")
            gc.callbacks.append(recorder)
            cpu_before = resource.getrusage(resource.RUSAGE_SELF)
            thread_before = time.thread_time()
            profiler.start()
            started = time.perf_counter()
            job_id = (await c.post("/api/v1/videos/scan", json={"path": str(root)})).json()[
                "job_id"
            ]
            job: dict[str, Any] = {"status": "running"}
            while job["status"] in {"pending", "running"}:
                waited = await c.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 300})
                job = waited.json()
            wall_s = time.perf_counter() - started
            session = profiler.stop()
            thread_cpu = time.thread_time() - thread_before
            cpu_after = resource.getrusage(resource.RUSAGE_SELF)
            gc.callbacks.remove(recorder)
            monitor.cancel()
    finally:
        await database.dispose()
    process_cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (
        cpu_after.ru_stime - cpu_before.ru_stime
    )
    return {
        "status": job["status"],
        "files": (job.get("result") or {}).get("scanned"),
        "wall_s": round(wall_s, 3),
        "loop_thread_cpu_s": round(thread_cpu, 3),
        "process_cpu_s": round(process_cpu, 3),
        "loop_lag": latency_summary(lags),
        "gc": recorder.summary(),
        "top_table": top_table(session.root_frame(), wall_s),
    }


def run_profile(options: ProfileOptions, log: Log = print) -> dict[str, Any]:
    corpus = build_corpus(
        options.files,
        templates=options.templates,
        tiny=options.tiny,
        cache_dir=options.cache_dir,
        log=log,
    )
    work = Path(tempfile.mkdtemp(prefix="stoat-bench-profile-", dir=options.work_dir))
    try:
        log(f"profiling an in-process first scan of {len(corpus.files)} files")
        measured = asyncio.run(_profile_scan(corpus.root, work / "data", options))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log(measured["top_table"])
    summary = (
        f"loop thread CPU {measured['loop_thread_cpu_s']:.2f} s of "
        f"{measured['process_cpu_s']:.2f} s process CPU in {measured['wall_s']:.2f} s; "
        f"loop lag {measured['loop_lag']}; gc {measured['gc']}"
    )
    log(summary)
    measured["top_table"] = summary + "\n\n" + measured["top_table"]
    return {
        "benchmark": "profile",
        "params": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(options).items()},
        "corpus": corpus.summary(),
        "metrics": {k: v for k, v in measured.items() if k != "top_table"},
        "top_table": measured["top_table"],
        "rows": [],
    }
