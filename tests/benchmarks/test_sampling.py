"""The latency statistics the runtime gate and the benchmark reports print."""

from __future__ import annotations

import math
import random

import pytest
from benchmarks.sampling import latency_summary, percentile


def test_nearest_rank_on_known_data() -> None:
    values = [float(n) for n in range(1, 11)]  # 1..10
    assert percentile(values, 50) == 5.0
    assert percentile(values, 90) == 9.0
    assert percentile(values, 95) == 10.0
    assert percentile(values, 99) == 10.0
    assert percentile(values, 100) == 10.0
    assert percentile(values, 0) == 1.0


def test_order_of_the_samples_does_not_matter() -> None:
    values = [0.003, 0.001, 0.009, 0.002]
    assert percentile(values, 50) == 0.002
    assert percentile(values, 75) == 0.003


@pytest.mark.parametrize("n", [1, 5, 50, 99, 100, 101, 1000])
@pytest.mark.parametrize("q", [50, 95, 99])
def test_a_percentile_is_a_measured_value_never_above_the_maximum(n: int, q: float) -> None:
    # The gate printed "p99=23.0 ms max=20.9 ms": statistics.quantiles extrapolates
    # beyond the largest sample when there are fewer than 100 of them.
    rng = random.Random(n)
    values = [rng.uniform(0.001, 0.03) for _ in range(n)]
    value = percentile(values, q)
    assert value in values
    assert min(values) <= value <= max(values)


def test_no_samples_give_nan() -> None:
    assert math.isnan(percentile([], 99))


def test_summary_p99_never_exceeds_max() -> None:
    summary = latency_summary([0.0209, 0.010, 0.012, 0.011, 0.0095])
    assert summary["p99_ms"] <= summary["max_ms"] == 20.9
