"""The ``throughput`` benchmark: many concurrent clients on the list and search endpoints.

1. A library of ``rows`` videos is seeded the way the ``library`` benchmark does it
   (sparse files and synthetic rows through ``VideoRepository.upsert_many``).
2. A real server process answers ``connections`` keep-alive clients driven by ``wrk``
   (one thread, C and epoll, so the load generator takes little of the CPU the server
   needs) for ``duration_s`` per scenario: ``/health/live`` (the HTTP floor), list
   pages (``GET /api/v1/videos``: every sort field, both orders, offsets from the
   first to the last page) and searches (``GET /api/v1/videos/search?q=``: the
   ``library`` benchmark's five queries), each request taking the next path of the mix.
3. The same three scenarios run again while a scan of the media corpus is running: a
   thread keeps scans going back to back (touching every file in between, so each scan
   probes and thumbnails everything again) and the share of each window covered by a
   scan is recorded.

Baselines from the same run: the idle ``/health/live`` scenario, whose requests/s and
p99 every other scenario is divided by. The server's CPU time is read from
``/proc/<pid>/stat`` and wrk's from ``getrusage`` around each scenario, to show where
the two cores went.
"""

from __future__ import annotations

import asyncio
import json
import random
import resource
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from benchmarks.corpus import Corpus, build_corpus
from benchmarks.library import SEARCHES, SORT_FIELDS, make_tree, seed_rows
from benchmarks.scan import touch_all
from benchmarks.server import REPO_ROOT, Server, cpu_seconds, run_server, start_scan, wait_job

Log = Callable[[str], None]
LUA_SCRIPT = Path(__file__).resolve().parent / "wrk_paths.lua"


@dataclass
class ThroughputOptions:
    rows: int = 10_000
    connections: int = 200
    duration_s: int = 8
    files: int = 1000
    templates: int = 40
    tiny: bool = False
    seed: int = 20251127
    scan: bool = True
    baseline: Path | None = None
    cache_dir: Path | None = None
    work_dir: Path | None = None


def list_paths(rows: int) -> list[str]:
    """Every sort field and order, at offsets from the first to the last page."""
    offsets = sorted({0, min(1000, rows - 20), rows // 2, max(0, rows - 20)})
    return [
        "/api/v1/videos?" + urlencode({"sort": sort, "order": order, "offset": offset})
        for offset in offsets
        for sort in SORT_FIELDS
        for order in ("asc", "desc")
    ]


def search_paths() -> list[str]:
    return ["/api/v1/videos/search?" + urlencode({"q": q}) for q in SEARCHES]


def _childrencpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(server: Server, paths: list[str], connections: int, duration_s: int) -> dict[str, Any]:
    """One ``wrk`` run over ``paths``; its summary plus the CPU both sides used."""
    argv = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, duration_s)}s", "--timeout", "30s",
            "-s", str(LUA_SCRIPT), server.url, "--", *paths]  # fmt: skip
    server_cpu, wrk_cpu = cpu_seconds(server.pid), _childrencpu_seconds()
    output = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    server_cpu, wrk_cpu = cpu_seconds(server.pid) - server_cpu, _childrencpu_seconds() - wrk_cpu
    summary = json.loads(output.strip().splitlines()[-1])
    seconds = summary["duration_us"] / 1e6
    errors = summary["errors"]
    return {
        "requests": summary["requests"],
        "requests_per_s": round(summary["requests"] / seconds, 1),
        "errors": sum(errors.values()),
        "error_kinds": {k: v for k, v in errors.items() if v},
        "p50_ms": round(summary["latency_us"]["p50"] / 1000, 2),
        "p90_ms": round(summary["latency_us"]["p90"] / 1000, 2),
        "p99_ms": round(summary["latency_us"]["p99"] / 1000, 2),
        "max_ms": round(summary["latency_us"]["max"] / 1000, 2),
        "seconds": round(seconds, 2),
        "server_cores": round(server_cpu / seconds, 2),
        "wrk_cores": round(wrk_cpu / seconds, 2),
    }


class ScanLoop(threading.Thread):
    """Keeps scans of the corpus running back to back until ``finish``."""

    def __init__(self, server: Server, corpus: Corpus) -> None:
        super().__init__(name="scan-loop", daemon=True)
        self.server = server
        self.corpus = corpus
        self.spans: list[tuple[float, float]] = []
        self.running_since: float | None = None
        self.statuses: list[str] = []
        self._stop_event = threading.Event()
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            with self.server.client() as client:
                while not self._stop_event.is_set():
                    touch_all(self.corpus)
                    self.running_since = time.perf_counter()
                    job = wait_job(client, start_scan(client, self.corpus.root))
                    self.spans.append((self.running_since, time.perf_counter()))
                    self.running_since = None
                    self.statuses.append(job["status"])
        except BaseException as error:  # reported by finish(), never swallowed
            self.failure = error

    def coverage(self, start: float, end: float) -> float:
        """Share of ``[start, end]`` during which a scan was running."""
        spans = list(self.spans)
        if self.running_since is not None:
            spans.append((self.running_since, end))
        covered = sum(max(0.0, min(b, end) - max(a, start)) for a, b in spans)
        return round(min(1.0, covered / (end - start)), 3) if end > start else 0.0

    def finish(self) -> None:
        self._stop_event.set()
        self.join()
        if self.failure is not None:
            raise RuntimeError("the scan loop failed") from self.failure


def _scenarios(
    server: Server, options: ThroughputOptions, log: Log, loop: ScanLoop | None
) -> dict[str, Any]:
    mixes = {"health": ["/health/live"], "list": list_paths(options.rows),
             "search": search_paths()}  # fmt: skip
    measured: dict[str, Any] = {}
    for name, paths in mixes.items():
        started = time.perf_counter()
        measured[name] = run_wrk(server, paths, options.connections, options.duration_s)
        if loop is not None:
            measured[name]["scan_coverage"] = loop.coverage(started, time.perf_counter())
        result = measured[name]
        log(f"  {name}: {result['requests_per_s']} req/s, p50 {result['p50_ms']} ms, "
            f"p99 {result['p99_ms']} ms, server {result['server_cores']} cores, "
            f"wrk {result['wrk_cores']} cores")  # fmt: skip
    return measured


def downgrade_to_checkout(database_path: Path, checkout: Path) -> None:
    """Bring a database seeded by this checkout down to ``checkout``'s newest migration.

    The same rows then serve both servers: an older checkout cannot open a database
    carrying revisions it has never heard of, and the later migrations only add
    tables and columns that list and search pages do not read.
    """

    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    theirs = Config()
    theirs.set_main_option("script_location", str(checkout / "src/stoat_ferret/db/migrations"))
    head = ScriptDirectory.from_config(theirs).get_current_head()
    ours = Config()
    ours.set_main_option("script_location", "stoat_ferret.db:migrations")
    engine = create_engine(f"sqlite:///{database_path}")
    try:
        with engine.begin() as connection:
            ours.attributes["connection"] = connection
            command.downgrade(ours, head or "base")
    finally:
        engine.dispose()


def _measure_checkout(
    work: Path, checkout: Path, corpus: Corpus | None, options: ThroughputOptions, log: Log
) -> dict[str, Any]:
    """Every scenario against one checkout's server, on a fresh copy of the seeded data."""
    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(work / "seed", data)
    if checkout != REPO_ROOT:
        downgrade_to_checkout(data / "stoat-ferret.db", checkout)
    metrics: dict[str, Any] = {}
    with run_server(data, checkout=checkout) as server:
        run_wrk(server, list_paths(options.rows) + search_paths(), options.connections, 1)
        log(f"{options.connections} clients, {options.duration_s} s each, no scan")
        metrics["idle"] = _scenarios(server, options, log, None)
        if corpus is not None:
            log(f"the same during scans of {len(corpus.files)} media files")
            loop = ScanLoop(server, corpus)
            loop.start()
            time.sleep(1.0)  # past the walk, into probing
            try:
                metrics["scan"] = _scenarios(server, options, log, loop)
            finally:
                loop.finish()
            metrics["scans"] = {"count": len(loop.statuses), "statuses": loop.statuses}
    return metrics


def run_throughput_benchmark(options: ThroughputOptions, log: Log = print) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk; ./scripts/bench does it)")
    rng = random.Random(options.seed)
    corpus = None
    if options.scan:
        where = {"cache_dir": options.cache_dir} if options.cache_dir is not None else {}
        corpus = build_corpus(options.files, templates=options.templates, tiny=options.tiny,
                              log=log, **where)  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="stoat-bench-throughput-", dir=options.work_dir))
    metrics: dict[str, Any] = {}
    try:
        log(f"seeding a {options.rows}-video library")
        files = make_tree(work / "videos", options.rows, rng)
        asyncio.run(seed_rows(work / "seed" / "stoat-ferret.db", files, rng))
        metrics = _measure_checkout(work, REPO_ROOT, corpus, options, log)
        if options.baseline is not None:
            log(f"baseline checkout {options.baseline}")
            metrics["baseline"] = _measure_checkout(work, options.baseline, corpus, options, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "benchmark": "throughput",
        "params": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(options).items()},
        "metrics": metrics,
        "rows": throughput_rows(metrics, options),
    }


def _row(name: str, result: dict[str, Any], floor: dict[str, Any], target: str,
         met: bool | None) -> dict[str, Any]:  # fmt: skip
    rate_ratio = round(result["requests_per_s"] / floor["requests_per_s"], 2)
    p99_ratio = round(result["p99_ms"] / floor["p99_ms"], 1) if floor["p99_ms"] else None
    errors = f", {result['errors']} errors" if result["errors"] else ""
    coverage = (
        f", scan {result['scan_coverage']:.0%} of the time" if "scan_coverage" in result else ""
    )
    return {
        "metric": name,
        "figure": f"{result['requests_per_s']:.0f} req/s, p50 {result['p50_ms']:.1f} ms, "
        f"p99 {result['p99_ms']:.1f} ms (server {result['server_cores']} cores = "
        f"{result['server_cores'] * 1000 / result['requests_per_s']:.2f} ms CPU/request, "
        f"wrk {result['wrk_cores']}{coverage}{errors})",
        "baseline": f"idle /health/live {floor['requests_per_s']:.0f} req/s, "
        f"p99 {floor['p99_ms']:.1f} ms",
        "ratio": rate_ratio,
        "ratio_text": f"{rate_ratio}x the req/s, p99 {p99_ratio}x",
        "target": target,
        "met": met,
    }


def throughput_rows(metrics: dict[str, Any], options: ThroughputOptions) -> list[dict[str, Any]]:
    table = _checkout_rows(metrics, options, "")
    if "baseline" in metrics:
        before = _checkout_rows(metrics["baseline"], options, "baseline: ")
        table += [{**row, "target": "-", "met": None} for row in before]
    return table


def _checkout_rows(
    metrics: dict[str, Any], options: ThroughputOptions, prefix: str
) -> list[dict[str, Any]]:
    idle = metrics["idle"]
    floor = idle["health"]
    clients = f"{options.connections} clients"
    table = [_row(f"{prefix}/health/live, {clients}, no scan", floor, floor, "-", None)]
    for key, label in (("list", "list page"), ("search", "search")):
        result = idle[key]
        met = result["requests_per_s"] >= 1000 and result["p99_ms"] < 200 and not result["errors"]
        name = f"{prefix}{label}, {options.rows} rows, {clients}, no scan"
        table.append(_row(name, result, floor, ">= 1,000 req/s, p99 < 200 ms", met))
    if "scan" in metrics:
        scan = metrics["scan"]
        table.append(_row(f"{prefix}/health/live, {clients}, during a scan", scan["health"], floor,
                          "-", None))  # fmt: skip
        for key, label in (("list", "list page"), ("search", "search")):
            result = scan[key]
            met = result["p99_ms"] < 500 and not result["errors"]
            table.append(_row(f"{prefix}{label}, {clients}, during a scan", result, floor,
                              "p99 < 500 ms", met))  # fmt: skip
    return table
