"""``python -m benchmarks COMMAND``: run a benchmark, write its results, update the docs.

Commands: ``scan``, ``library``, ``throughput``, ``profile``, ``compare`` (this checkout against
another, alternating runs), ``editing`` (a 500-clip project edited over the API),
``render`` (the fixed edit against a hand-written ffmpeg command, MoviePy and editly;
``--quick`` for a short edit), ``scale-out`` (no-op jobs on the embedded queue and on SAQ
with PostgreSQL and Redis; a scan on 1 and 2 worker processes), ``corpus`` (build the
corpus only),
``report`` (re-render docs/performance.md and the plot from the saved results) and
``all`` (scan, library, throughput and profile, then the report). ``--help`` on each lists its
options.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import build_corpus
from benchmarks.machine import describe_machine
from benchmarks.report import RESULTS_DIR, load_results, plot_scan, update_doc, write_results

BENCH_NAMES = [
    "scan", "library", "throughput", "profile", "compare", "editing", "render", "scale-out",
]  # fmt: skip


def _log(message: str) -> None:
    print(message, flush=True)


def _command() -> str:
    entry = os.environ.get("BENCH_COMMAND", "uv run python -m benchmarks")
    return " ".join([entry, *(shlex.quote(a) for a in sys.argv[1:])])


def _finish(results: dict[str, Any], args: argparse.Namespace, machine: dict[str, Any]) -> None:
    results["machine"] = machine
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["command"] = _command()
    path = write_results(results, args.results_dir)
    _log(f"results: {path}")
    for row in results.get("rows", []):
        verdict = {True: "met", False: "MISSED", None: ""}[row["met"]]
        _log(f"  {row['metric']}: {row['figure']} | {row['ratio_text']} | {row['target']} "
             f"{verdict}")  # fmt: skip


def _report(args: argparse.Namespace) -> None:
    if args.no_docs:
        return
    done = update_doc(BENCH_NAMES, args.results_dir)
    scan = load_results("scan", args.results_dir)
    if scan is not None:
        _log(f"plot: {plot_scan(scan)}")
    _log(f"docs/performance.md blocks updated: {', '.join(done) or 'none'}")


def cmd_scan(args: argparse.Namespace) -> None:
    from benchmarks.scan import ScanOptions, run_scan_benchmark

    machine = describe_machine()
    options = ScanOptions(
        files=args.files,
        templates=args.templates,
        naive_sample=args.naive_sample,
        cancels=args.cancels,
        backend=args.backend,
        compare_backends=args.compare_backends,
    )
    _finish(run_scan_benchmark(options, _log), args, machine)


def cmd_library(args: argparse.Namespace) -> None:
    from benchmarks.library import LibraryOptions, run_library_benchmark

    machine = describe_machine()
    options = LibraryOptions(rows=args.rows, repeats=args.repeats)
    _finish(run_library_benchmark(options, _log), args, machine)


def cmd_throughput(args: argparse.Namespace) -> None:
    from benchmarks.throughput import ThroughputOptions, run_throughput_benchmark

    machine = describe_machine()
    options = ThroughputOptions(
        rows=args.throughput_rows,
        connections=args.connections,
        duration_s=args.duration,
        files=args.files,
        templates=args.templates,
        scan=args.with_scan,
        baseline=args.baseline,
    )
    _finish(run_throughput_benchmark(options, _log), args, machine)


def cmd_profile(args: argparse.Namespace) -> None:
    from benchmarks.profiling import ProfileOptions, run_profile

    machine = describe_machine()
    options = ProfileOptions(files=args.files, templates=args.templates, backend=args.backend)
    _finish(run_profile(options, _log), args, machine)


def cmd_compare(args: argparse.Namespace) -> None:
    from benchmarks.compare import CompareOptions, run_compare

    machine = describe_machine()
    options = CompareOptions(
        baseline=args.baseline,
        files=args.files,
        templates=args.templates,
        rounds=args.rounds,
        backend=args.backend,
    )
    _finish(run_compare(options, _log), args, machine)


def cmd_editing(args: argparse.Namespace) -> None:
    from benchmarks.editing import EditingOptions, run_editing_benchmark

    machine = describe_machine()
    options = EditingOptions(clips=args.clips, rounds=args.rounds, projects=args.projects)
    _finish(run_editing_benchmark(options, _log), args, machine)


def cmd_render(args: argparse.Namespace) -> None:
    from benchmarks.render import RenderOptions, run_render_benchmark

    machine = describe_machine()
    options = RenderOptions(
        quick=args.quick,
        peers=tuple(args.peers),
        previews=args.previews,
        peer_limit_s=args.peer_limit,
        peer_limit_ratio=args.peer_limit_ratio,
    )
    _finish(run_render_benchmark(options, _log), args, machine)


def cmd_scale_out(args: argparse.Namespace) -> None:
    from benchmarks.scale_out import ScaleOutOptions, run_scale_out_benchmark

    machine = describe_machine()
    options = ScaleOutOptions(
        jobs=args.jobs,
        saq_jobs=args.saq_jobs,
        submitters=args.submitters,
        latency_jobs=args.latency_jobs,
        files=args.files,
        templates=args.templates,
        workers=tuple(args.workers),
        concurrency=args.concurrency,
    )
    _finish(run_scale_out_benchmark(options, _log), args, machine)


def cmd_corpus(args: argparse.Namespace) -> None:
    corpus = build_corpus(args.files, templates=args.templates, log=_log)
    _log(f"{corpus.root}: {len(corpus.files)} files, {corpus.size_bytes / 1e6:.0f} MB")


def cmd_all(args: argparse.Namespace) -> None:
    for command in (cmd_scan, cmd_library, cmd_throughput, cmd_profile):
        command(args)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    commands = top.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
        sub.add_argument("--no-docs", action="store_true",
                         help="do not update docs/performance.md and the plot")  # fmt: skip
        return sub

    def scan_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--files", type=int, default=1000, help="corpus size (1000)")
        sub.add_argument("--templates", type=int, default=40, help="distinct clips (40)")
        sub.add_argument("--backend", default="auto", choices=["auto", "pyav", "ffprobe"])

    scan = add("scan", "first scan, rescan, cancel, health and memory vs naive")
    scan_options(scan)
    scan.add_argument("--naive-sample", type=int, default=100, help="files timed naively (100)")
    scan.add_argument("--cancels", type=int, default=5, help="cancels at random points (5)")
    scan.add_argument("--no-compare-backends", dest="compare_backends", action="store_false",
                      help="skip the extra first scan with the ffprobe backend")  # fmt: skip
    scan.set_defaults(func=cmd_scan)

    library = add("library", "100,000-row library: list, search, get, unchanged rescan")
    library.add_argument("--rows", type=int, default=100_000, help="videos and files (100000)")
    library.add_argument("--repeats", type=int, default=5, help="requests per query shape (5)")
    library.set_defaults(func=cmd_library)

    def throughput_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--throughput-rows", type=int, default=10_000,
                         help="library size for the throughput runs (10000)")  # fmt: skip
        sub.add_argument("--connections", type=int, default=200, help="wrk clients (200)")
        sub.add_argument("--duration", type=int, default=8, help="seconds per scenario (8)")
        sub.add_argument("--no-scan", dest="with_scan", action="store_false",
                         help="skip the scenarios during a scan")  # fmt: skip
        sub.add_argument("--baseline", type=Path, default=None,
                         help="also measure another checkout (own .venv), same run")  # fmt: skip

    throughput = add("throughput", "200 clients on list and search, idle and during a scan")
    scan_options(throughput)
    throughput_options(throughput)
    throughput.set_defaults(func=cmd_throughput)

    profile = add("profile", "pyinstrument profile of the event loop during a first scan")
    scan_options(profile)
    profile.set_defaults(func=cmd_profile)

    compare = add("compare", "first scan and rescan: this checkout vs another, alternating")
    scan_options(compare)
    compare.add_argument("--baseline", type=Path, required=True,
                         help="another checkout with its own .venv (uv sync)")  # fmt: skip
    compare.add_argument("--rounds", type=int, default=3, help="runs per checkout (3)")
    compare.set_defaults(func=cmd_compare)

    editing = add("editing", "a 500-clip project over the API: edits, reads, undo, memory")
    editing.add_argument("--clips", type=int, default=500, help="clips per project (500)")
    editing.add_argument("--rounds", type=int, default=100, help="timed rounds (100)")
    editing.add_argument("--projects", type=int, default=100, help="projects for RSS (100)")
    editing.set_defaults(func=cmd_editing)

    render = add("render", "the fixed 24 s edit: ours vs hand-written ffmpeg, MoviePy, editly")
    render.add_argument("--quick", action="store_true",
                        help="a 5 s edit (render-quick.json; not in the docs)")  # fmt: skip
    render.add_argument("--peers", nargs="*", default=["moviepy", "editly"],
                        choices=["moviepy", "editly"], help="peers to run (both)")  # fmt: skip
    render.add_argument("--previews", type=int, default=12, help="frame previews timed (12)")
    render.add_argument("--peer-limit", type=float, default=3600,
                        help="most seconds a peer may take; then it is stopped (3600)")  # fmt: skip
    render.add_argument("--peer-limit-ratio", type=float, default=8.0,
                        help="or this many times our render's wall time (8)")  # fmt: skip
    render.set_defaults(func=cmd_render)

    scale = add("scale-out", "no-op jobs: embedded vs SAQ-PostgreSQL vs SAQ-Redis; a scan on "
                "1 and 2 workers")  # fmt: skip
    scale.add_argument("--jobs", type=int, default=2000, help="no-op jobs in the burst (2000)")
    scale.add_argument("--saq-jobs", type=int, default=500,
                       help="no-op jobs in the burst on SAQ, slower here (500)")  # fmt: skip
    scale.add_argument("--submitters", type=int, default=8, help="concurrent submitters (8)")
    scale.add_argument("--latency-jobs", type=int, default=100,
                       help="no-op jobs submitted at 10/s for the latency (100)")  # fmt: skip
    scale.add_argument("--files", type=int, default=1000, help="scan corpus size (1000)")
    scale.add_argument("--templates", type=int, default=8, help="distinct clips (8)")
    scale.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                       help="worker processes per scan run (1 2)")  # fmt: skip
    scale.add_argument("--concurrency", type=int, default=None,
                       help="jobs at once per queue or worker (STOAT_JOB_WORKERS: 2)")  # fmt: skip
    scale.set_defaults(func=cmd_scale_out)

    corpus = add("corpus", "build (or find) the cached corpus")
    scan_options(corpus)
    corpus.set_defaults(func=cmd_corpus)

    report = add("report", "re-render docs/performance.md blocks and the plot from results")
    report.set_defaults(func=lambda args: None)

    every = add("all", "scan, library, throughput and profile (default sizes), then the report")
    scan_options(every)
    throughput_options(every)
    every.set_defaults(
        func=cmd_all, naive_sample=100, cancels=5, compare_backends=True, rows=100_000, repeats=5
    )
    return top


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    started = time.monotonic()
    args.func(args)
    _report(args)
    _log(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
