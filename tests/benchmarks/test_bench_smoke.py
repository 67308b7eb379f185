"""The benchmarks run end to end on a tiny corpus, so their code cannot rot.

These are not measurements (a few seconds, tiny inputs, no assertion on any time):
they prove that every stage of ``./scripts/bench`` still works against the current
server and API, that the results are valid JSON, and that the report renders.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.library import LibraryOptions, run_library_benchmark
from benchmarks.profiling import ProfileOptions, run_profile
from benchmarks.report import plot_scan, render_table, replace_block, update_doc, write_results
from benchmarks.scan import ScanOptions, run_scan_benchmark
from benchmarks.throughput import ThroughputOptions, run_throughput_benchmark

MACHINE = {
    "date": "2026-01-01T00:00:00+00:00", "cpu": "test", "cpus": 2, "memory_gib": 1.0,
    "load_average": [0.0, 0.0, 0.0], "python": "3", "pyav": "x", "ffmpeg": "ffmpeg x",
    "commit": "abc",
}  # fmt: skip


def quiet(message: str) -> None:
    del message


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench-corpus")


def test_scan_benchmark_end_to_end(cache_dir: Path, tmp_path: Path) -> None:
    options = ScanOptions(
        files=20, templates=4, tiny=True, naive_sample=3, cancels=1, compare_backends=False,
        idle_s=0.2, cache_dir=cache_dir, work_dir=tmp_path,
    )  # fmt: skip
    results = run_scan_benchmark(options, quiet)

    metrics = results["metrics"]
    assert results["corpus"]["files"] == 20 and results["corpus"]["bad_files"] == 0
    assert metrics["first_scan"]["status"] == "complete"
    assert metrics["first_scan"]["result"]["new"] == 20
    assert metrics["first_scan"]["progress_monotonic"] is True
    assert metrics["rescan"]["result"]["skipped"] == 20
    assert metrics["naive"]["sample_good"] == 3
    assert metrics["memory"]["peak_end_mb"] >= metrics["memory"]["idle_rss_mb"] > 0
    assert {row["metric"][:3] for row in results["rows"]} >= {"(a)", "(b)", "(c)", "(e)", "(f)"}
    assert list(tmp_path.iterdir()) == []  # temporary data folders are deleted

    results["machine"], results["command"] = MACHINE, "bench scan"
    saved = json.loads(write_results(results, tmp_path / "results").read_text())
    assert saved["rows"] == results["rows"]
    doc = tmp_path / "performance.md"
    doc.write_text("# x\n<!-- BEGIN bench:scan -->\nold\n<!-- END bench:scan -->\n")
    assert update_doc(["scan"], tmp_path / "results", doc) == ["scan"]
    assert "| (b) first scan" in doc.read_text() and "old" not in doc.read_text()
    assert plot_scan(results, tmp_path / "plot.png").stat().st_size > 0


def test_library_benchmark_end_to_end(tmp_path: Path) -> None:
    options = LibraryOptions(rows=300, repeats=1, idle_s=0.2, work_dir=tmp_path)
    results = run_library_benchmark(options, quiet)

    metrics = results["metrics"]
    assert metrics["rescan"]["status"] == "complete"
    assert metrics["rescan"]["result"]["skipped"] == 300
    assert metrics["queries"]["list"]["n"] == 6 * 2 * len(metrics["queries"]["offsets"])
    assert metrics["queries"]["search_totals"]["search:beach"] == 15
    assert list(tmp_path.iterdir()) == []  # the 300-file tree and the database are gone
    results["machine"], results["command"] = MACHINE, "bench library"
    assert "rescan of 300 unchanged files" in render_table(results)


def test_profile_end_to_end(cache_dir: Path, tmp_path: Path) -> None:
    options = ProfileOptions(files=20, templates=4, tiny=True, cache_dir=cache_dir,
                             work_dir=tmp_path)  # fmt: skip
    results = run_profile(options, quiet)

    assert results["metrics"]["status"] == "complete"
    assert results["metrics"]["files"] == 20
    assert "Top functions by self time" in results["top_table"]


def test_throughput_end_to_end(cache_dir: Path, tmp_path: Path) -> None:
    options = ThroughputOptions(rows=300, connections=10, duration_s=1, files=20, templates=4,
                                tiny=True, cache_dir=cache_dir, work_dir=tmp_path)  # fmt: skip
    results = run_throughput_benchmark(options, quiet)

    metrics = results["metrics"]
    for phase in ("idle", "scan"):
        for name in ("health", "list", "search"):
            assert metrics[phase][name]["requests"] > 0
            assert metrics[phase][name]["errors"] == 0
    assert metrics["scans"]["count"] >= 1
    assert list(tmp_path.iterdir()) == []
    results["machine"], results["command"] = MACHINE, "bench throughput"
    assert "list page, 300 rows, 10 clients, no scan" in render_table(results)


def test_replace_block_needs_its_markers() -> None:
    block = "<!-- BEGIN bench:x -->\n{}\n<!-- END bench:x -->\n"
    text = "a\n" + block.format("1") + "b\n"
    assert replace_block(text, "x", "2") == "a\n" + block.format("2") + "b\n"
    with pytest.raises(ValueError, match="no bench:y block"):
        replace_block(text, "y", "2")


def test_editing_benchmark_end_to_end(tmp_path: Path) -> None:
    from benchmarks.editing import EditingOptions, run_editing_benchmark

    options = EditingOptions(clips=9, rounds=2, projects=2, sources=3, work_dir=tmp_path)
    results = run_editing_benchmark(options, quiet)

    metrics = results["metrics"]
    assert metrics["project"] == {
        "clips": 9, "effects": 9, "transitions": 2,
        "response_bytes": metrics["project"]["response_bytes"],
    }  # fmt: skip
    names = ("health", "project", "timeline", "trim", "move", "add", "undo")
    counts = {name: summary["n"] for name, summary in metrics["latency"].items()}
    assert counts == dict.fromkeys(names, 2)
    assert metrics["with_projects"]["projects"] == 2
    assert [row["met"] is None for row in results["rows"]].count(False) == 7
    assert list(tmp_path.iterdir()) == []
    results["machine"], results["command"] = MACHINE, "bench editing"
    assert "| GET /projects/{id}" in render_table(results)
