"""Results files, the tables in ``docs/performance.md`` and the throughput plot.

The document is written by hand; only the blocks between
``<!-- BEGIN bench:NAME -->`` and ``<!-- END bench:NAME -->`` are regenerated from
``benchmarks/results/NAME.json``, so the prose and the numbers cannot drift apart
silently: rerunning a benchmark rewrites its table.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from benchmarks.server import REPO_ROOT

RESULTS_DIR = REPO_ROOT / "benchmarks" / "results"
DOC_PATH = REPO_ROOT / "docs" / "performance.md"
PLOT_PATH = REPO_ROOT / "docs" / "images" / "scan-throughput.png"


def write_results(results: dict[str, Any], results_dir: Path = RESULTS_DIR) -> Path:
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"{results['benchmark']}.json"
    path.write_text(json.dumps(results, indent=1, sort_keys=False) + "\n")
    return path


def load_results(name: str, results_dir: Path = RESULTS_DIR) -> dict[str, Any] | None:
    path = results_dir / f"{name}.json"
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def _verdict(met: bool | None) -> str:
    if met is None:
        return "-"
    return "yes" if met else "**no**"


def render_table(results: dict[str, Any]) -> str:
    """The summary table of one benchmark, with where and how it ran."""
    machine = results["machine"]
    load = " / ".join(str(x) for x in machine["load_average"])
    if "load_average_end" in machine:
        load += f" at start, {' / '.join(str(x) for x in machine['load_average_end'])} at end"
    lines = [
        f"Run {machine['date']} on {machine['cpus']} x {machine['cpu']}, "
        f"{machine['memory_gib']} GiB, load average (1/5/15 min) {load}; "
        f"Python {machine['python']}, "
        f"PyAV {machine['pyav']}, {machine['ffmpeg'].split(' Copyright')[0]}; "
        f"commit {machine['commit']}.",
        "",
        f"Command: `{results['command']}` "
        f"(results: `benchmarks/results/{results['benchmark']}.json`).",
        "",
    ]
    if "commits" in results:
        commits = results["commits"]
        lines += [
            f"Checkouts: current `{commits['current']}`, baseline `{commits['baseline']}`.",
            "",
        ]
    lines += [
        "| Measure | Figure | Baseline (same run) | Ratio | Target | Met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["rows"]:
        cells = [row["metric"], row["figure"], row["baseline"], row["ratio_text"],
                 row["target"], _verdict(row["met"])]  # fmt: skip
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def replace_block(text: str, name: str, body: str) -> str:
    """Replace the generated block ``name`` in ``text`` (which must contain its markers)."""
    pattern = re.compile(
        rf"(<!-- BEGIN bench:{re.escape(name)} -->\n).*?(<!-- END bench:{re.escape(name)} -->)",
        re.DOTALL,
    )
    if not pattern.search(text):
        raise ValueError(f"no bench:{name} block in the document")
    return pattern.sub(lambda m: m.group(1) + body.rstrip("\n") + "\n" + m.group(2), text)


def update_doc(
    names: list[str], results_dir: Path = RESULTS_DIR, doc_path: Path = DOC_PATH
) -> list[str]:
    """Rewrite the blocks of the given benchmarks that have results; returns those done."""
    if not doc_path.is_file():
        return []
    text = doc_path.read_text()
    done = []
    for name in names:
        results = load_results(name, results_dir)
        if results is None or f"<!-- BEGIN bench:{name} -->" not in text:
            continue
        render = render_profile if name == "profile" else render_table
        text = replace_block(text, name, render(results))
        done.append(name)
    with_targets = [r for r in (load_results(n, results_dir) for n in names) if r is not None]
    if "<!-- BEGIN bench:targets -->" in text and with_targets:
        text = replace_block(text, "targets", render_targets(with_targets))
        done.append("targets")
    doc_path.write_text(text)
    return done


def render_targets(all_results: list[dict[str, Any]]) -> str:
    """Every line that has a target, from every benchmark, with its verdict."""
    lines = [
        "| Target | Figure | Ratio | Met | Run |",
        "| --- | --- | --- | --- | --- |",
    ]
    for results in all_results:
        for row in results.get("rows", []):
            if row["met"] is None:
                continue
            run = f"{results['benchmark']}, {results['machine']['date']}"
            cells = [f"{row['metric']}: {row['target']}", row["figure"], row["ratio_text"],
                     _verdict(row["met"]), run]  # fmt: skip
            lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def render_profile(profile: dict[str, Any]) -> str:
    lines = [
        f"Run {profile['machine']['date']}; command: `{profile['command']}`.",
        "",
        "```text",
        profile["top_table"].rstrip("\n"),
        "```",
    ]
    return "\n".join(lines)


def _rates(series: list[list[float]], window_s: float = 0.5) -> tuple[list[float], list[float]]:
    """Files per second over a sliding window, from ``(t, processed, ...)`` samples."""
    times: list[float] = []
    rates: list[float] = []
    start = 0
    for end in range(1, len(series)):
        while series[end][0] - series[start][0] > window_s and start < end - 1:
            start += 1
        span = series[end][0] - series[start][0]
        if span > 0:
            times.append(series[end][0])
            rates.append((series[end][1] - series[start][1]) / span)
    return times, rates


def plot_scan(results: dict[str, Any], path: Path = PLOT_PATH) -> Path:
    """Files/s over each first scan, with the naive rate, above /health/live latency.

    One column per backend, each on its own time axis (the ffprobe scan takes several
    times longer and would squash the other).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = results["metrics"]
    runs = [(f"backend {metrics.get('backend', 'auto')}", metrics["first_scan"])]
    if "ffprobe_first_scan" in metrics:
        runs.append(("backend ffprobe", metrics["ffprobe_first_scan"]))
    figure, axes = plt.subplots(
        2, len(runs), figsize=(5 * len(runs) + 1, 6), squeeze=False, height_ratios=[3, 2]
    )
    naive = 1 / metrics["naive"]["per_file_s"]
    top = max(max(_rates(run["progress_series"])[1], default=0) for _, run in runs)
    for column, (label, run) in enumerate(runs):
        rate_axis, health_axis = axes[0][column], axes[1][column]
        times, rates = _rates(run["progress_series"], window_s=1.0)
        rate_axis.plot(times, rates, label=f"{label}: {run['files_per_s']:.0f} files/s overall")
        rate_axis.axhline(naive, color="grey", linestyle="--", label=f"naive: {naive:.0f} files/s")
        rate_axis.set_ylim(0, max(top, naive) * 1.1)
        rate_axis.set_title(f"First scan, {label}", fontsize=10)
        rate_axis.legend(loc="upper right", fontsize=8)
        rate_axis.grid(alpha=0.3)
        health = run["health_series"]
        health_axis.plot([t for t, _ in health], [ms for _, ms in health], ".", markersize=2)
        health_axis.axhline(20, color="red", linestyle=":", label="p99 target 20 ms")
        health_axis.set_yscale("log")
        health_axis.set_xlabel("seconds since the scan was requested")
        health_axis.legend(loc="upper right", fontsize=8)
        health_axis.grid(alpha=0.3)
    axes[0][0].set_ylabel("files/s (1 s window)")
    axes[1][0].set_ylabel("/health/live (ms)")
    figure.suptitle(
        f"Scan of {results['corpus']['files']} files, {results['machine']['date'][:10]}"
    )
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
