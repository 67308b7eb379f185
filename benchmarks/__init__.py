"""Benchmarks of stoat-ferret's library scan and library queries.

Run them with ``./scripts/bench`` (or ``uv run python -m benchmarks ...``); they are
not part of the test command, which only runs a smoke test of this code on a tiny
corpus (``tests/benchmarks/test_bench_smoke.py``). Results go to
``benchmarks/results/*.json`` and, as tables and a plot, to ``docs/performance.md``.

Every figure is reported next to a baseline measured in the same run on the same
machine, because the development machines are small, shared and noisy: a ratio
survives noise that an absolute time does not.
"""
