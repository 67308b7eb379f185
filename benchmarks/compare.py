"""The ``compare`` benchmark: this checkout against another one, in the same run.

On a shared machine the load changes from minute to minute, so two benchmark runs an
hour apart cannot tell a 20 % improvement from noise. This runs the first scan and
the unchanged rescan of the same corpus with a server from each checkout, in
alternating order (ABBA...), each on a fresh data folder, and reports the medians and
their ratios. The other checkout needs its own environment, for example::

    git worktree add /tmp/stoat-base <commit> && (cd /tmp/stoat-base && uv sync --frozen)
    ./scripts/bench compare --baseline /tmp/stoat-base
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus import CACHE_DIR, build_corpus
from benchmarks.scan import measured_scan
from benchmarks.server import REPO_ROOT, run_server

Log = Callable[[str], None]


@dataclass
class CompareOptions:
    baseline: Path
    files: int = 1000
    templates: int = 40
    rounds: int = 3
    backend: str = "auto"
    cache_dir: Path = CACHE_DIR
    work_dir: Path | None = None


def _commit(checkout: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


def _one_run(checkout: Path, root: Path, backend: str, work_dir: Path | None) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="stoat-bench-compare-", dir=work_dir))
    try:
        with run_server(
            work / "data", env={"STOAT_PROBE_BACKEND": backend}, checkout=checkout
        ) as s:
            first = measured_scan(s, root, trace=True)
            rescan = measured_scan(s, root, trace=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "first_scan_s": first["wall_s"],
        "files_per_s": first["files_per_s"],
        "health_p99_ms": first["health"]["p99_ms"],
        "health_max_ms": first["health"]["max_ms"],
        "peak_rss_mb": first["peak_rss_mb"],
        "rescan_s": rescan["wall_s"],
        "new": first["result"].get("new"),
    }


def run_compare(options: CompareOptions, log: Log = print) -> dict[str, Any]:
    corpus = build_corpus(
        options.files, templates=options.templates, cache_dir=options.cache_dir, log=log
    )
    sides = {"baseline": options.baseline.resolve(), "current": REPO_ROOT}
    runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "current": []}
    for n in range(options.rounds):
        order = ["baseline", "current"] if n % 2 == 0 else ["current", "baseline"]
        for side in order:
            run = _one_run(sides[side], corpus.root, options.backend, options.work_dir)
            runs[side].append(run)
            log(f"  round {n + 1} {side}: {run}")
    medians = {
        side: {key: statistics.median(r[key] for r in side_runs) for key in side_runs[0]}
        for side, side_runs in runs.items()
    }
    worst = {side: max(r["health_max_ms"] for r in side_runs) for side, side_runs in runs.items()}
    return {
        "benchmark": "compare",
        "params": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(options).items()},
        "commits": {side: _commit(path) for side, path in sides.items()},
        "corpus": corpus.summary(),
        "metrics": {"runs": runs, "medians": medians, "worst_health_max_ms": worst},
        "rows": compare_rows(medians, worst, options.rounds),
    }


def compare_rows(
    medians: dict[str, dict[str, float]], worst: dict[str, float], rounds: int
) -> list[dict[str, Any]]:
    base, cur = medians["baseline"], medians["current"]

    def row(label: str, key: str, unit: str, digits: int) -> dict[str, Any]:
        ratio = round(base[key] / cur[key], 2) if cur[key] else None
        text = f"baseline / current = {ratio}" if ratio is not None else "-"
        return {
            "metric": f"{label} (median of {rounds})",
            "figure": f"{cur[key]:.{digits}f} {unit}",
            "baseline": f"baseline checkout {base[key]:.{digits}f} {unit}",
            "ratio": ratio,
            "ratio_text": text,
            "target": "-",
            "met": None,
        }

    rows = [
        row("first scan", "first_scan_s", "s", 2),
        row("rescan, nothing changed", "rescan_s", "s", 3),
        row("/health/live p99 during the first scan", "health_p99_ms", "ms", 1),
        row("server peak RSS after the first scan", "peak_rss_mb", "MB", 0),
    ]
    rows.append(
        {
            "metric": f"/health/live max, worst of {rounds}",
            "figure": f"{worst['current']:.1f} ms",
            "baseline": f"baseline checkout {worst['baseline']:.1f} ms",
            "ratio": round(worst["baseline"] / worst["current"], 2) if worst["current"] else None,
            "ratio_text": f"baseline / current = {round(worst['baseline'] / worst['current'], 2)}"
            if worst["current"]
            else "-",
            "target": "-",
            "met": None,
        }
    )
    return rows
